package io.vocedge.device.sync;

import java.nio.file.Path;

/**
 * PEM files for a TLS broker connection: the fleet CA that signed the broker's certificate, and for mutual
 * TLS the device certificate and its unencrypted PKCS#8 private key (EC or RSA, readable only by the agent).
 */
public record TlsFiles(Path caFile, Path certFile, Path keyFile) {
    public boolean mutual() {
        return certFile != null && keyFile != null;
    }
}
