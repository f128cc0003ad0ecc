package io.vocedge.provisioning.broker;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.provisioning.ProvisionException;
import io.vocedge.provisioning.ca.FleetCa;
import io.vocedge.provisioning.ca.Pem;
import io.vocedge.provisioning.fs.SafeFiles;
import io.vocedge.provisioning.inventory.Inventory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.tinylog.Logger;

/**
 * {@code broker config}: Mosquitto configuration for the fleet. A TLS listener that requires a client certificate
 * from the fleet CA and uses its CN (device or gateway id) as the user name, a CRL of revoked devices, and the
 * rules as a dynamic-security plugin file ({@link DynamicSecurityRules}: checked at SUBSCRIBE time, unlike
 * Mosquitto 2.0's ACL file):
 *
 * <ul>
 *   <li>every enrolled device: publish its own four {@code up/} topics (records, status, result, model_request),
 *       subscribe to and receive its own {@code down/} topics (model and model_chunk included), nothing else (never a
 *       {@code $share} group, never {@code #});</li>
 *   <li>each enrolled gateway: the shared record, result and model-request subscriptions and the status subscription;
 *       acks, commands, lexicons, model manifests and model chunks to every device;</li>
 *   <li>revoked devices: not in the file, so nothing at all (the CRL also refuses them at the TLS handshake).</li>
 * </ul>
 * Files: {@code mosquitto.conf}, {@code dynamic-security.json}, {@code ca.pem}, {@code crl.pem}, {@code broker.pem},
 * {@code broker.key}.
 */
public final class BrokerConfigGenerator {
    public static final String CONF = "mosquitto.conf";
    public static final String RULES = DynamicSecurityRules.FILE;
    public static final String CRL = "crl.pem";
    public static final String CA = "ca.pem";
    public static final String CERT = "broker.pem";
    public static final String KEY = "broker.key";
    public static final Duration DEFAULT_CRL_VALIDITY = Duration.ofDays(365);

    private final FleetCa ca;
    private final Clock clock;

    public BrokerConfigGenerator(FleetCa ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
    }

    /** Writes the whole broker directory; keeps an existing broker key/certificate unless it no longer fits. */
    public List<String> write(Inventory inventory, Path out, BrokerOptions o, boolean renewCert) {
        createDir(out);
        List<String> notes = new ArrayList<>();
        SafeFiles.writePublic(out.resolve(CA), Pem.encode(ca.certificate()));
        String why = renewCert ? "--renew-cert" : certificateProblem(out, o.hostNames());
        if (why != null) {
            KeyPair keys = FleetCa.newKeyPair();
            X509Certificate cert = ca.issue(
                    o.hostNames().get(0), keys.getPublic(), FleetCa.Purpose.SERVER, o.hostNames(), o.certValidity());
            SafeFiles.writePrivate(out.resolve(KEY), FleetCa.privateKeyPem(keys.getPrivate()));
            SafeFiles.writePublic(out.resolve(CERT), Pem.encode(cert));
            notes.add("new broker certificate for " + String.join(", ", o.hostNames()) + " (" + why + ")");
        }
        writeRules(inventory, out, o.crlValidity());
        SafeFiles.writePublic(
                out.resolve(CONF), mosquittoConf(o, clock.instant()).getBytes(StandardCharsets.UTF_8));
        if (inventory.gateways().isEmpty()) {
            notes.add(
                    "no gateway is enrolled yet: run 'gateway enroll' (it updates the ACL here); until then no gateway may "
                            + "subscribe");
        }
        Logger.info(
                "event=broker_config_written dir={} gateways={} revoked={}",
                out,
                inventory.gateways().size(),
                inventory.revokedDevices().size());
        return notes;
    }

    /** Regenerates the rules and the CRL (after enrolling a gateway or a device, or revoking a device). */
    public void writeRules(Inventory inventory, Path out, Duration crlValidity) {
        X509CRL crl = ca.crl(inventory.revokedSerials(clock.instant()), crlValidity);
        SafeFiles.writePublic(out.resolve(CRL), Pem.encode(crl));
        SafeFiles.writePublic(
                out.resolve(RULES), DynamicSecurityRules.render(inventory.gateways(), inventory.devices()));
        Logger.info(
                "event=broker_rules_written dir={} revoked={} crl_next_update={}",
                out,
                inventory.revokedDevices().size(),
                crl.getNextUpdate().toInstant());
    }

    /**
     * Rewrites the rules and CRL in the directory {@code broker config} last wrote (the inventory's), if it still
     * exists: after an enrolment or a renewal. Returns that directory, or null when there is none to update.
     */
    public Path updateKnownDir(Inventory inventory) {
        Path dir = inventory.brokerDir() == null ? null : Path.of(inventory.brokerDir());
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        writeRules(inventory, dir, DEFAULT_CRL_VALIDITY);
        return dir;
    }

    static String mosquittoConf(BrokerOptions o, Instant at) {
        String d = o.confDir().endsWith("/") ? o.confDir() : o.confDir() + "/";
        String p = o.persistenceDir().endsWith("/") ? o.persistenceDir() : o.persistenceDir() + "/";
        return String.format(
                Locale.ROOT,
                """
                # VoC Edge broker: generated by 'voc-provision broker config' at %1$s. Regenerate rather than edit.
                # Run: mosquitto -c %2$smosquitto.conf   (broker.key must be readable by the mosquitto user only)
                per_listener_settings false
                allow_anonymous false
                # Who may subscribe, publish and receive what: checked at SUBSCRIBE time too (Mosquitto 2.0's acl_file is
                # not). Read at start only: restart Mosquitto after enrolling or revoking a device (a SIGHUP re-reads
                # the CRL, not these rules).
                plugin %9$s
                plugin_opt_config_file %2$s%10$s

                persistence true
                persistence_location %3$s
                autosave_interval 30

                # Deliberate limits (ARCHITECTURE.md, traps). Mosquitto's defaults drop QoS 1 messages beyond 1000 queued
                # per client without telling anyone, and send max_inflight_messages (default 20) to MQTT 5 clients as
                # their Receive Maximum, throttling the gateway's acks. Devices resend unacked batches, so a drop beyond
                # these bounds delays records but loses none; the bounds keep the broker's memory finite.
                max_inflight_messages %4$d
                max_queued_messages %5$d
                max_queued_bytes %6$d
                # Larger than the 256 KiB protocol limit on purpose: the gateway sees an oversized message and
                # dead-letters it with the reason, instead of the broker dropping the connection silently.
                max_packet_size 1048576

                listener %7$d %8$s
                protocol mqtt
                tls_version tlsv1.2
                cafile %2$sca.pem
                certfile %2$sbroker.pem
                keyfile %2$sbroker.key
                crlfile %2$scrl.pem
                require_certificate true
                use_identity_as_username true
                """,
                at,
                d,
                p,
                o.maxInflight(),
                o.maxQueued(),
                o.maxQueuedBytes(),
                o.port(),
                o.listenHost(),
                o.dynsecPlugin(),
                RULES);
    }

    /** Null when the broker's certificate in {@code out} is from this CA, names exactly these hosts and is not near expiry. */
    private String certificateProblem(Path out, List<String> hosts) {
        Path certFile = out.resolve(CERT);
        if (!Files.exists(certFile) || !Files.exists(out.resolve(KEY))) {
            return "none yet";
        }
        try {
            X509Certificate c = FleetCa.readCertificate(certFile);
            c.verify(ca.certificate().getPublicKey());
            if (c.getNotAfter().toInstant().isBefore(clock.instant().plus(Duration.ofDays(30)))) {
                return "the old one expires on " + c.getNotAfter().toInstant();
            }
            List<String> names = new ArrayList<>();
            if (c.getSubjectAlternativeNames() != null) {
                c.getSubjectAlternativeNames().forEach(n -> names.add(String.valueOf(n.get(1))));
            }
            if (!new TreeSet<>(names).equals(new TreeSet<>(hosts))) {
                return "host names changed from " + names;
            }
            return null;
        } catch (java.security.SignatureException e) {
            return "the old one is from another CA";
        } catch (IOException | java.security.GeneralSecurityException e) {
            return "the old one is unreadable";
        }
    }

    private static void createDir(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException("--out " + out + " is a file: choose a directory for the broker configuration");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new ProvisionException(
                    "cannot create " + out + ": " + SafeFiles.describe(e)
                            + " (check the parent directory exists and is writable)",
                    e);
        }
    }
}
