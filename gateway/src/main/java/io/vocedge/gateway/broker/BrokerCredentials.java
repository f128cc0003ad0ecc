package io.vocedge.gateway.broker;

import io.vocedge.common.fs.OwnerOnly;
import io.vocedge.protocol.Ids;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Passwords for the embedded broker. A 256-bit secret is created at the first start ({@code credentials.key}, 0600,
 * in the broker's 0700 directory); each client's password is HMAC-SHA256(secret, user name), so the gateway stores no
 * password list and can hand a device its password ({@code voc-gateway broker password DEVICE_ID}) at any time. A
 * device's password is good for its own id only. Deleting the key file changes every password at the next start.
 */
public final class BrokerCredentials {
    public static final String KEY_FILE = "credentials.key";
    private final byte[] secret;

    private BrokerCredentials(byte[] secret) {
        this.secret = secret.clone();
    }

    /** Loads the secret from {@code brokerDir}, creating it (0600) on the first start. */
    public static BrokerCredentials loadOrCreate(Path brokerDir) throws IOException {
        OwnerOnly.directory(brokerDir);
        Path f = brokerDir.resolve(KEY_FILE);
        if (!Files.exists(f)) {
            byte[] s = new byte[32];
            new SecureRandom().nextBytes(s);
            OwnerOnly.writeAtomically(f, HexFormat.of().formatHex(s).getBytes(StandardCharsets.US_ASCII));
        }
        return load(brokerDir);
    }

    /** Loads an existing secret (for the CLI): fails with a clear message when the gateway never started here. */
    public static BrokerCredentials load(Path brokerDir) throws IOException {
        Path f = brokerDir.resolve(KEY_FILE);
        if (!Files.isRegularFile(f)) {
            throw new IOException(
                    f + " does not exist: start the gateway once with this --data-dir (embedded broker) first");
        }
        if (OwnerOnly.isShared(f)) {
            OwnerOnly.restrict(f);
        }
        String hex = Files.readString(f, StandardCharsets.US_ASCII).strip();
        try {
            byte[] s = HexFormat.of().parseHex(hex);
            if (s.length < 32) {
                throw new IllegalArgumentException("short");
            }
            return new BrokerCredentials(s);
        } catch (IllegalArgumentException e) {
            throw new IOException(
                    f + " is damaged (expected 64 hex digits): delete it and restart the gateway; every broker "
                            + "password changes",
                    e);
        }
    }

    public String gatewayPassword() {
        return derive(EmbeddedBrokerRules.GATEWAY_USER);
    }

    public String devicePassword(String deviceId) {
        Ids.require("device", deviceId);
        return derive(deviceId);
    }

    /** Constant-time check of a CONNECT's user name and password. */
    public boolean matches(String user, byte[] password) {
        if (user == null || password == null || !(EmbeddedBrokerRules.GATEWAY_USER.equals(user) || Ids.isValid(user))) {
            return false;
        }
        return MessageDigest.isEqual(derive(user).getBytes(StandardCharsets.US_ASCII), password);
    }

    private String derive(String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] d = mac.doFinal(("voc-broker-password:" + user).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
