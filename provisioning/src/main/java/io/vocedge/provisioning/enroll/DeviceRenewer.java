package io.vocedge.provisioning.enroll;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocedge.common.cli.BadInputException;
import io.vocedge.protocol.Ids;
import io.vocedge.protocol.Json;
import io.vocedge.provisioning.ProvisionException;
import io.vocedge.provisioning.broker.BrokerConfigGenerator;
import io.vocedge.provisioning.ca.FleetCa;
import io.vocedge.provisioning.ca.Pem;
import io.vocedge.provisioning.fs.SafeFiles;
import io.vocedge.provisioning.inventory.EnrolledDevice;
import io.vocedge.provisioning.inventory.Inventory;
import io.vocedge.provisioning.inventory.InventoryStore;
import io.vocedge.provisioning.inventory.SupersededCertificate;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.tinylog.Logger;

/**
 * {@code device renew}: a new certificate for an enrolled device - same id (CN), same site, same broker rules - written
 * over {@code device.pem} (and {@code device.key} unless the key is kept) in the device's bundle or configuration
 * directory. The running agent notices the changed files and reconnects with them; no re-enrolment, no new id, the
 * outbox and sequence numbers go on.
 *
 * <p>The old certificate is remembered in the inventory ({@link SupersededCertificate}): the CRL written once its grace
 * is over lists it ({@code crl refresh} then), or the one written now with a grace of zero. Files are written before
 * the inventory changes, so a failure never revokes a certificate the device still uses.
 */
public final class DeviceRenewer {
    private final FleetCa ca;
    private final InventoryStore inventory;
    private final Clock clock;
    private final ObjectMapper json = Json.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param revokeOldAt when the CRL starts listing the old certificate (null: never)
     * @param brokerDir where the rules and CRL were regenerated, or null
     */
    public record Result(
            String deviceId,
            String oldSerial,
            String newSerial,
            String fingerprint,
            Instant notAfter,
            boolean newKey,
            Instant revokeOldAt,
            Path bundle,
            Path brokerDir) {}

    public DeviceRenewer(FleetCa ca, InventoryStore inventory, Clock clock) {
        this.ca = ca;
        this.inventory = inventory;
        this.clock = clock;
    }

    /**
     * @param bundle the directory holding the device's {@code device.pem} (its enrolment bundle, or its configuration
     *     directory); the new files are written there
     * @param keepKey certify the key the device already has (taken from its current certificate) instead of a new one
     * @param revokeOldAfter grace before the old certificate is revoked; null keeps it valid until it expires
     */
    public Result renew(String deviceId, Path bundle, boolean keepKey, Duration validity, Duration revokeOldAfter)
            throws Exception {
        if (!Ids.isValid(deviceId)) {
            throw new BadInputException(
                    "'" + deviceId + "' is not a device id: see 'device list --ca DIR' for the ids");
        }
        try (AutoCloseable lock = inventory.lock()) {
            Inventory inv = inventory.load();
            EnrolledDevice d = inv.device(deviceId)
                    .orElseThrow(() -> new BadInputException("device " + deviceId + " is not in this CA's inventory ("
                            + ca.dir() + "): check the id with 'device list'"));
            if (d.revoked()) {
                throw new BadInputException("device " + deviceId + " was revoked at " + d.revokedAt()
                        + ": a revoked device is not renewed; enroll a new one with 'device enroll'");
            }
            Path certFile = bundle.resolve(DeviceConfigTemplate.CERT_FILE);
            Path keyFile = bundle.resolve(DeviceConfigTemplate.KEY_FILE);
            X509Certificate current = currentCertificate(deviceId, certFile);
            KeyPair fresh = keepKey ? null : FleetCa.newKeyPair();
            PublicKey key = keepKey ? current.getPublicKey() : fresh.getPublic();
            X509Certificate cert = ca.issue(deviceId, key, FleetCa.Purpose.CLIENT, List.of(), validity);
            String fingerprint = Pem.fingerprint(cert);
            Instant now = clock.instant();

            // Key first, certificate last: the agent watches both, and a certificate that matches no key is never
            // left behind if the key write fails.
            if (!keepKey) {
                replace(keyFile, FleetCa.privateKeyPem(fresh.getPrivate()), SafeFiles.PRIVATE);
            }
            replace(certFile, Pem.encode(cert), null);
            updateEnrollmentJson(
                    bundle.resolve("enrollment.json"),
                    fingerprint,
                    cert.getNotAfter().toInstant(),
                    now);

            String oldSerial = current.getSerialNumber().toString(16);
            Instant revokeAt = revokeOldAfter == null ? null : now.plus(revokeOldAfter);
            String newSerial = cert.getSerialNumber().toString(16);
            Inventory updated = inv.withRenewal(
                    d.renewed(newSerial, fingerprint, cert.getNotAfter().toInstant()),
                    new SupersededCertificate(deviceId, oldSerial, now, revokeAt));
            inventory.save(updated);
            Path brokerDir = new BrokerConfigGenerator(ca, clock).updateKnownDir(updated);
            Logger.info(
                    "event=device_renewed device={} old_serial={} new_serial={} new_key={} not_after={} revoke_old_at={}",
                    deviceId,
                    oldSerial,
                    newSerial,
                    !keepKey,
                    cert.getNotAfter().toInstant(),
                    revokeAt);
            return new Result(
                    deviceId,
                    oldSerial,
                    newSerial,
                    fingerprint,
                    cert.getNotAfter().toInstant(),
                    !keepKey,
                    revokeAt,
                    bundle,
                    brokerDir);
        }
    }

    /** The device's certificate in the bundle: must be from this CA and name this device, or we are in the wrong place. */
    private X509Certificate currentCertificate(String deviceId, Path certFile) {
        if (!Files.isRegularFile(certFile)) {
            throw new BadInputException("no " + certFile
                    + ": --bundle must be the device's bundle or configuration directory " + "(the one holding its "
                    + DeviceConfigTemplate.CERT_FILE + " and " + DeviceConfigTemplate.KEY_FILE + ")");
        }
        X509Certificate current;
        try {
            current = FleetCa.readCertificate(certFile);
            current.verify(ca.certificate().getPublicKey());
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new BadInputException(certFile + " is not a certificate from this CA (" + ca.dir()
                    + "): renew with the CA that " + "enrolled the device");
        }
        String cn = commonName(current.getSubjectX500Principal());
        if (!deviceId.equals(cn)) {
            throw new BadInputException(certFile + " belongs to " + cn + ", not " + deviceId + ": point --bundle at "
                    + deviceId + "'s directory");
        }
        return current;
    }

    static String commonName(X500Principal p) {
        for (String part : p.getName(X500Principal.RFC2253).split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return "";
    }

    /**
     * Atomically replaces {@code target}, keeping its owner, group and (unless {@code perms} is given) its mode, so a
     * renewal run as root in {@code /etc/voc} leaves the key readable by the agent's user as before.
     */
    private static void replace(Path target, byte[] content, Set<PosixFilePermission> perms) {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + SafeFiles.randomSuffix());
        try {
            PosixFileAttributes old = Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    ? Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    : null;
            Set<PosixFilePermission> mode = perms != null ? perms : old != null ? old.permissions() : SafeFiles.PUBLIC;
            try (FileChannel ch = FileChannel.open(
                            tmp,
                            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                            SafeFiles.attributes(SafeFiles.PRIVATE));
                    OutputStream o = java.nio.channels.Channels.newOutputStream(ch)) {
                o.write(content);
                o.flush();
                ch.force(true);
            }
            if (old != null) {
                PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
                PosixFileAttributes now = view.readAttributes();
                if (!now.owner().equals(old.owner()) || !now.group().equals(old.group())) {
                    view.setOwner(old.owner());
                    view.setGroup(old.group());
                }
            }
            SafeFiles.setPermissions(tmp, mode);
            SafeFiles.moveAtomically(tmp, target);
        } catch (IOException e) {
            SafeFiles.deleteQuietly(tmp);
            throw new ProvisionException(
                    "cannot write " + target + ": " + SafeFiles.describe(e) + " (run as the owner of "
                            + target.getParent() + ", e.g. with sudo on the device)",
                    e);
        }
    }

    private void updateEnrollmentJson(Path file, String fingerprint, Instant notAfter, Instant now) {
        if (!Files.isRegularFile(file)) {
            return; // a configuration directory on the device has no enrolment record
        }
        try {
            ObjectNode meta = (ObjectNode) json.readTree(file.toFile());
            meta.put("cert_fingerprint", fingerprint);
            meta.put("not_after", notAfter.toString());
            meta.put("renewed_at", now.toString());
            replace(file, json.writeValueAsBytes(meta), null);
        } catch (IOException | ClassCastException e) {
            Logger.warn("event=enrollment_json_not_updated file={} error=\"{}\"", file, e.getMessage());
        }
    }
}
