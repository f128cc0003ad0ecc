package io.vocedge.provisioning.enroll;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vocedge.common.cli.BadInputException;
import io.vocedge.protocol.Json;
import io.vocedge.provisioning.ProvisionException;
import io.vocedge.provisioning.broker.BrokerConfigGenerator;
import io.vocedge.provisioning.ca.FleetCa;
import io.vocedge.provisioning.ca.Pem;
import io.vocedge.provisioning.fs.SafeFiles;
import io.vocedge.provisioning.gatewayapi.GatewayAdmin;
import io.vocedge.provisioning.inventory.EnrolledDevice;
import io.vocedge.provisioning.inventory.Inventory;
import io.vocedge.provisioning.inventory.InventoryStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tinylog.Logger;

/**
 * {@code device enroll}: a new device id, key pair and certificate (CN = device id), a complete device.yaml, and the
 * fleet CA certificate, written as a bundle directory {@code <out>/<device-id>/} (and optionally
 * {@code <out>/<device-id>.tar}). Everything is built in a temporary directory and renamed into place only after
 * the gateway (if given) accepted the registration, so a refusal or a crash leaves nothing half-written.
 */
public final class DeviceEnroller {
    private final FleetCa ca;
    private final InventoryStore inventory;
    private final GatewayAdmin gateway;
    private final Clock clock;
    private final ObjectMapper json = Json.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** @param gateway the gateway's admin API, or null to enroll offline (register later by hand) */
    public DeviceEnroller(FleetCa ca, InventoryStore inventory, GatewayAdmin gateway, Clock clock) {
        this.ca = ca;
        this.inventory = inventory;
        this.gateway = gateway;
        this.clock = clock;
    }

    public EnrollResult enroll(EnrollRequest req) throws Exception {
        req.validate();
        try (AutoCloseable lock = inventory.lock()) {
            Inventory inv = inventory.load();
            inv.activeByName(req.site(), req.name()).ifPresent(d -> {
                throw new BadInputException("site " + req.site() + " already has a device named '" + req.name() + "' ("
                        + d.deviceId() + "): choose another --name, or revoke that device first with 'device revoke "
                        + d.deviceId() + "'");
            });
            Path out = prepareOutDir(req.outDir());
            String id = DeviceIds.newId(
                    req.site(),
                    candidate -> inv.idTaken(candidate)
                            || Files.exists(out.resolve(candidate))
                            || Files.exists(out.resolve(candidate + ".tar")));
            DeviceSettings settings = req.settings(id);
            Path bundle = out.resolve(id);
            Path tar = req.tar() ? out.resolve(id + ".tar") : null;

            KeyPair keys = FleetCa.newKeyPair();
            X509Certificate cert = ca.issue(id, keys.getPublic(), FleetCa.Purpose.CLIENT, List.of(), req.validity());
            String fingerprint = Pem.fingerprint(cert);
            Instant now = clock.instant();

            Path tmp = SafeFiles.tempDirNextTo(bundle);
            Path tmpTar = null;
            boolean registered = false;
            try {
                Map<String, byte[]> files = bundleFiles(settings, cert, keys, fingerprint, now);
                for (var f : files.entrySet()) {
                    Set<PosixFilePermission> perms =
                            f.getKey().equals(DeviceConfigTemplate.KEY_FILE) ? SafeFiles.PRIVATE : SafeFiles.PUBLIC;
                    writeNew(tmp.resolve(f.getKey()), f.getValue(), perms);
                }
                if (tar != null) {
                    tmpTar = out.resolve("." + id + ".tar.tmp-" + SafeFiles.randomSuffix());
                    writeTar(tmpTar, id, files, now);
                }
                if (gateway != null) {
                    gateway.register(id, req.site(), req.name(), fingerprint);
                    registered = true;
                }
                SafeFiles.setPermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                SafeFiles.moveAtomically(tmp, bundle);
                tmp = null;
                if (tmpTar != null) {
                    SafeFiles.moveAtomically(tmpTar, tar);
                    tmpTar = null;
                }
            } catch (IOException e) {
                throw new ProvisionException(
                        "cannot write the bundle in " + out + ": " + SafeFiles.describe(e)
                                + (registered
                                        ? " (the gateway already registered " + id + ": revoke it with 'device revoke "
                                                + id + "')"
                                        : "")
                                + "; check free space and permissions",
                        e);
            } finally {
                SafeFiles.deleteQuietly(tmp);
                SafeFiles.deleteQuietly(tmpTar);
            }
            Inventory updated = inv.withDevice(new EnrolledDevice(
                    id,
                    req.site(),
                    req.name(),
                    cert.getSerialNumber().toString(16),
                    fingerprint,
                    EnrolledDevice.REGISTERED,
                    now,
                    cert.getNotAfter().toInstant(),
                    null));
            inventory.save(updated);
            // The broker admits only devices named in its rules: add this one where 'broker config' wrote them.
            Path brokerDir = new BrokerConfigGenerator(ca, clock).updateKnownDir(updated);
            Logger.info(
                    "event=device_enrolled device={} site={} fingerprint={} not_after={} bundle={} gateway_registered={}",
                    id,
                    req.site(),
                    fingerprint,
                    cert.getNotAfter().toInstant(),
                    bundle,
                    registered);
            return new EnrollResult(
                    id,
                    req.site(),
                    req.name(),
                    fingerprint,
                    cert.getNotAfter().toInstant(),
                    bundle,
                    tar,
                    registered,
                    brokerDir);
        }
    }

    private Map<String, byte[]> bundleFiles(
            DeviceSettings s, X509Certificate cert, KeyPair keys, String fingerprint, Instant now) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(DeviceConfigTemplate.CA_FILE, Pem.encode(ca.certificate()));
        files.put(DeviceConfigTemplate.CERT_FILE, Pem.encode(cert));
        files.put(DeviceConfigTemplate.KEY_FILE, FleetCa.privateKeyPem(keys.getPrivate()));
        files.put(
                DeviceConfigTemplate.CONFIG_FILE,
                DeviceConfigTemplate.render(s, now).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("device_id", s.deviceId());
        meta.put("site", s.site());
        meta.put("name", s.name());
        meta.put("cert_fingerprint", fingerprint);
        meta.put("not_after", cert.getNotAfter().toInstant().toString());
        meta.put("broker_url", s.brokerUrl());
        meta.put("enrolled_at", now.toString());
        files.put("enrollment.json", json.writeValueAsBytes(meta));
        files.put("INSTALL.txt", installText(s).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /**
     * What the technician runs ON THE PI. Every program named here is installed there by our two packages
     * ({@code /usr/bin/voc-device}, {@code /usr/bin/voc-provision}) or is part of Raspberry Pi OS; modes are the
     * packages' scheme for {@code /etc/voc} (directory root:voc 0750, files root:voc 0640, key voc:voc 0600).
     * {@code DocCommandsIT} checks every voc-* line against the real programs and runs the model install.
     */
    static String installText(DeviceSettings s) {
        String model = "zh".equals(s.lang()) ? "vosk-model-small-cn-0.22.zip" : "vosk-model-small-en-us-0.15.zip";
        return String.format(
                Locale.ROOT,
                """
                Device %1$s ('%2$s' at %3$s): its enrolment bundle.
                On the Pi (Raspberry Pi OS with Java 21, see hardware-docs/install.md), from inside this directory:

                1. The programs, once per Pi (they create the user 'voc' and %4$s, root:voc 0750):
                     sudo apt install ./voc-device_*_all.deb ./voc-provision_*_all.deb

                2. This device's identity and configuration (the agent refuses a key others can read):
                     sudo install -o root -g voc -m 0640 ca.pem device.pem device.yaml %4$s/
                     sudo install -o voc -g voc -m 0600 device.key %4$s/

                3. Speech model and native library: archives from alphacephei.com with their published SHA-256
                   (missing parent directories such as /opt/voc are created, 0755):
                     sudo voc-provision model install --archive %7$s --sha256 HEX --target %5$s
                     sudo voc-provision native install --archive vosk-linux-aarch64-0.3.45.zip --sha256 HEX --arch aarch64 --target %6$s
                   ('uname -m' says aarch64 on a 64-bit OS; armv7l needs vosk-linux-armv7l-0.3.45.zip and --arch armv7l)

                4. Check, then start:
                     sudo -u voc voc-device selftest --config %4$s/device.yaml
                     sudo systemctl enable --now voc-device

                5. Leave no second copy of the key on the card: cd .. && rm -rf %1$s %1$s.tar

                Keep device.key secret: whoever has it can speak for this device until it is revoked
                ('voc-provision device revoke %1$s' on the technician's laptop).
                """,
                s.deviceId(),
                s.name(),
                s.site(),
                s.configDir(),
                s.modelDir(),
                s.nativeLibDir(),
                model);
    }

    private static void writeNew(Path p, byte[] content, Set<PosixFilePermission> perms) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(
                        p,
                        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        SafeFiles.attributes(perms));
                OutputStream o = java.nio.channels.Channels.newOutputStream(ch)) {
            o.write(content);
            o.flush();
            ch.force(true);
        }
        SafeFiles.setPermissions(p, perms);
    }

    private static void writeTar(Path target, String id, Map<String, byte[]> files, Instant now) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(
                        target,
                        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        SafeFiles.attributes(SafeFiles.PRIVATE));
                OutputStream o = java.nio.channels.Channels.newOutputStream(ch)) {
            TarWriter tw = new TarWriter(new java.io.BufferedOutputStream(o), now);
            tw.directory(id, 0755);
            for (var f : files.entrySet()) {
                tw.file(
                        id + "/" + f.getKey(),
                        f.getKey().equals(DeviceConfigTemplate.KEY_FILE) ? 0600 : 0644,
                        f.getValue());
            }
            tw.close();
            ch.force(true);
        }
    }

    private static Path prepareOutDir(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new BadInputException(
                    "--out " + out + " is a file, not a directory: choose a directory for the bundles");
        }
        if (!Files.exists(abs)) {
            Path parent = abs.getParent();
            SafeFiles.requireWritableDirectory(parent, abs);
            try {
                Files.createDirectories(abs);
            } catch (IOException e) {
                throw new ProvisionException("cannot create --out " + out + ": " + SafeFiles.describe(e), e);
            }
        }
        return abs;
    }
}
