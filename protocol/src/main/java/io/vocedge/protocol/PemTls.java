package io.vocedge.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds a TLS socket factory from the PEM files provisioning writes (fleet CA, certificate, unencrypted
 * PKCS#8 key) with the JDK alone, so neither device nor gateway needs BouncyCastle at run time. Part of the
 * contract: every party on the broker authenticates this way (docs/architecture.md, guarantees).
 */
public final class PemTls {
    private PemTls() {}

    /**
     * @param caFile the CA that signed the broker's certificate
     * @param certFile this party's certificate, or null for server-only TLS
     * @param keyFile its private key, or null
     */
    public static SSLSocketFactory socketFactory(Path caFile, Path certFile, Path keyFile) throws IOException {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Certificate ca : certificates(caFile)) {
                trust.setCertificateEntry("ca-" + i++, ca);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);

            KeyManagerFactory kmf = null;
            if (certFile != null && keyFile != null) {
                char[] none = new char[0];
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                List<Certificate> chain = certificates(certFile);
                keys.setKeyEntry("device", privateKey(keyFile), none, chain.toArray(Certificate[]::new));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, none);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException(
                    "TLS setup failed: " + e.getMessage()
                            + " (check broker.ca_file, broker.cert_file and broker.key_file are the PEM files from provisioning)",
                    e);
        }
    }

    /** A TLS client context that trusts the CA certificates in {@code caFile} and nothing else. */
    public static SSLContext trusting(Path caFile) throws IOException {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Certificate ca : certificates(caFile)) {
                trust.setCertificateEntry("ca-" + i++, ca);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust " + caFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * A key store holding one private key entry ({@code alias}) with the certificate chain from {@code certFile},
     * for a TLS server (the gateway's HTTPS listener) built from provisioning's PEM files.
     */
    public static KeyStore keyStore(Path certFile, Path keyFile, String alias, char[] password) throws IOException {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(
                    alias, privateKey(keyFile), password, certificates(certFile).toArray(Certificate[]::new));
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IOException(
                    "cannot load the certificate " + certFile + " with key " + keyFile + ": " + e.getMessage()
                            + " (use the PEM files from provisioning; the key must belong to the certificate)",
                    e);
        }
    }

    static List<Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        try (InputStream in = Files.newInputStream(pem)) {
            List<Certificate> out = new ArrayList<>(cf.generateCertificates(in));
            if (out.isEmpty()) {
                throw new IOException("no certificate found in " + pem);
            }
            return out;
        }
    }

    static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        if (text.contains("ENCRYPTED PRIVATE KEY")) {
            throw new IOException(
                    pem + " holds an encrypted key; the device needs the unencrypted PKCS#8 key from provisioning");
        }
        int start = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < 0) {
            throw new IOException(pem + " is not a PKCS#8 PEM key ('-----BEGIN PRIVATE KEY-----'); convert it with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8'");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(start + 27, end));
        var spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("EC", "RSA", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException tryNext) {
                // the PEM does not say the algorithm; the first factory that parses it wins
            }
        }
        throw new IOException(pem + " holds a key that is neither EC, RSA nor Ed25519");
    }
}
