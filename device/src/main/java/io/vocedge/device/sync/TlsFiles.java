package io.vocedge.device.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the device proves itself to the broker. PEM files for a TLS broker connection: the fleet CA that signed the
 * broker's certificate, and for mutual TLS the device certificate and its unencrypted PKCS#8 private key (EC or RSA,
 * readable only by the agent). For the gateway's embedded broker instead: a user name (the device id) and a file
 * holding its password ({@code voc-gateway broker password DEVICE_ID}), read at every connect so a new password needs
 * no restart.
 */
public record TlsFiles(Path caFile, Path certFile, Path keyFile, String user, Path passwordFile) {
    public TlsFiles(Path caFile, Path certFile, Path keyFile) {
        this(caFile, certFile, keyFile, null, null);
    }

    public boolean mutual() {
        return certFile != null && keyFile != null;
    }

    /** The password (first line of the file), or null when none is configured. */
    public byte[] password() throws IOException {
        if (passwordFile == null) {
            return null;
        }
        String first = Files.readString(passwordFile, StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElse("")
                .strip();
        if (first.isEmpty()) {
            throw new IOException("broker password file " + passwordFile + " is empty: write the password from "
                    + "'voc-gateway broker password <device-id>' into it");
        }
        return first.getBytes(StandardCharsets.UTF_8);
    }

    /** A copy that logs in with a user name and password file. */
    public TlsFiles withPassword(String user, Path passwordFile) {
        return new TlsFiles(caFile, certFile, keyFile, user, passwordFile);
    }
}
