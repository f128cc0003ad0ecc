package io.vocedge.provisioning.ca;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.provisioning.ProvisionException;
import io.vocedge.provisioning.fs.SafeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.tinylog.Logger;

/**
 * The fleet certificate authority: an ECDSA P-256 key encrypted with a passphrase ({@code ca.key}, PKCS#8
 * AES-256-CBC with PBKDF2-HMAC-SHA256, owner-only) and its self-signed certificate ({@code ca.pem}). Signs device,
 * gateway and broker certificates and the certificate revocation list the broker checks.
 *
 * <p>BouncyCastle is used as a private provider instance, never installed globally.
 */
public final class FleetCa {
    public static final String CERT_FILE = "ca.pem";
    public static final String KEY_FILE = "ca.key";
    private static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final int KDF_ITERATIONS = 200_000;

    private final Path dir;
    private final X509Certificate cert;
    private final PrivateKey key;
    private final Clock clock;

    private FleetCa(Path dir, X509Certificate cert, PrivateKey key, Clock clock) {
        this.dir = dir;
        this.cert = cert;
        this.key = key;
        this.clock = clock;
    }

    /** What a certificate is for; decides key usage and extended key usage. */
    public enum Purpose {
        CLIENT,
        SERVER
    }

    /** Creates a new CA in {@code dir} (created if missing); refuses a directory that already holds one. */
    public static FleetCa create(Path dir, char[] passphrase, String name, Duration validity, Clock clock) {
        if (Files.exists(dir.resolve(KEY_FILE)) || Files.exists(dir.resolve(CERT_FILE))) {
            throw new BadInputException(dir + " already holds a fleet CA (" + KEY_FILE + "/" + CERT_FILE
                    + "): use it with --ca " + dir + ", or choose an empty directory for a new CA");
        }
        Passphrase.requireStrong(passphrase);
        createPrivateDir(dir);
        KeyPair pair = newKeyPair();
        Instant now = clock.instant();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "VoC Edge")
                .addRDN(BCStyle.CN, "VoC Edge fleet CA " + name)
                .build();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                            subject,
                            serial(),
                            Date.from(now.minusSeconds(60)),
                            Date.from(now.plus(validity)),
                            subject,
                            pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate caCert =
                    new JcaX509CertificateConverter().getCertificate(b.build(signer(pair.getPrivate())));
            // Key first: a ca.pem without its key would look like a usable CA.
            SafeFiles.writePrivate(dir.resolve(KEY_FILE), encryptedKeyPem(pair.getPrivate(), passphrase));
            SafeFiles.writePublic(dir.resolve(CERT_FILE), Pem.encode(caCert));
            Logger.info(
                    "event=ca_created dir={} fingerprint={} not_after={}",
                    dir,
                    Pem.fingerprint(caCert),
                    caCert.getNotAfter().toInstant());
            return new FleetCa(dir, caCert, pair.getPrivate(), clock);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new ProvisionException("cannot create the CA: " + e.getMessage(), e);
        }
    }

    /** Opens the CA in {@code dir}: decrypts the key, checks it matches the certificate and the certificate is valid now. */
    public static FleetCa load(Path dir, char[] passphrase, Clock clock) {
        X509Certificate caCert = certificate(dir);
        Path keyFile = dir.resolve(KEY_FILE);
        if (!Files.isReadable(keyFile)) {
            throw new BadInputException("no readable " + keyFile + ": --ca must be the directory 'ca init' created");
        }
        PrivateKey key = decryptKey(keyFile, passphrase);
        if (!matches(key, caCert.getPublicKey())) {
            throw new ProvisionException(keyFile + " does not belong to " + dir.resolve(CERT_FILE)
                    + " (files from two different CAs?): restore both files from the same CA backup");
        }
        Instant now = clock.instant();
        if (now.isAfter(caCert.getNotAfter().toInstant())) {
            throw new ProvisionException("the fleet CA certificate expired on "
                    + caCert.getNotAfter().toInstant() + ": create a new CA with 'ca init' and enroll the fleet again");
        }
        if (now.isBefore(caCert.getNotBefore().toInstant())) {
            throw new ProvisionException("the fleet CA certificate is valid only from "
                    + caCert.getNotBefore().toInstant() + ": check this computer's clock");
        }
        return new FleetCa(dir, caCert, key, clock);
    }

    /** The CA certificate alone (no passphrase needed). */
    public static X509Certificate certificate(Path dir) {
        Path certFile = dir.resolve(CERT_FILE);
        if (!Files.isReadable(certFile)) {
            throw new BadInputException("no fleet CA in " + dir + " (" + CERT_FILE + " missing): run 'ca init --dir "
                    + dir + "' first, or point --ca at the CA directory");
        }
        try {
            return readCertificate(certFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new ProvisionException(certFile + " is not a PEM certificate: restore it from the CA backup", e);
        }
    }

    public static X509Certificate readCertificate(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    public Path dir() {
        return dir;
    }

    public X509Certificate certificate() {
        return cert;
    }

    /** Issues a certificate valid from now for {@code validity}, never beyond the CA's own end. */
    public X509Certificate issue(
            String commonName, PublicKey subjectKey, Purpose purpose, List<String> hostNames, Duration validity) {
        Instant now = clock.instant();
        Instant end = now.plus(validity);
        if (end.isAfter(cert.getNotAfter().toInstant())) {
            end = cert.getNotAfter().toInstant();
        }
        return issue(commonName, subjectKey, purpose, hostNames, now.minusSeconds(60), end);
    }

    /** Issues a certificate with explicit validity (tests use it for expired certificates). */
    public X509Certificate issue(
            String commonName,
            PublicKey subjectKey,
            Purpose purpose,
            List<String> hostNames,
            Instant notBefore,
            Instant notAfter) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "VoC Edge")
                .addRDN(BCStyle.CN, commonName)
                .build();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                            cert, serial(), Date.from(notBefore), Date.from(notAfter), subject, subjectKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(
                            Extension.extendedKeyUsage,
                            false,
                            new ExtendedKeyUsage(
                                    purpose == Purpose.SERVER
                                            ? KeyPurposeId.id_kp_serverAuth
                                            : KeyPurposeId.id_kp_clientAuth))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(cert));
            if (!hostNames.isEmpty()) {
                List<GeneralName> names = new ArrayList<>();
                for (String h : hostNames) {
                    names.add(
                            isIpLiteral(h)
                                    ? new GeneralName(GeneralName.iPAddress, h)
                                    : new GeneralName(GeneralName.dNSName, h));
                }
                b.addExtension(
                        Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(b.build(signer(key)));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new ProvisionException("cannot issue a certificate for " + commonName + ": " + e.getMessage(), e);
        }
    }

    /**
     * A CRL listing {@code revoked} (serial -> revocation time), valid for {@code validity}. Mosquitto refuses every
     * client once the CRL's next update has passed, so it must be regenerated before then.
     */
    public X509CRL crl(Map<BigInteger, Instant> revoked, Duration validity) {
        Instant now = clock.instant();
        try {
            X509v2CRLBuilder b = new JcaX509v2CRLBuilder(cert, Date.from(now.minusSeconds(60)));
            Instant next = now.plus(validity);
            b.setNextUpdate(Date.from(
                    next.isAfter(cert.getNotAfter().toInstant())
                            ? cert.getNotAfter().toInstant()
                            : next));
            revoked.forEach((serial, at) -> b.addCRLEntry(serial, Date.from(at), CRLReason.privilegeWithdrawn));
            b.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(cert));
            b.addExtension(
                    Extension.cRLNumber,
                    false,
                    new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            return new JcaX509CRLConverter().getCRL(b.build(signer(key)));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new ProvisionException("cannot sign the revocation list: " + e.getMessage(), e);
        }
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate P-256 keys", e);
        }
    }

    /** Unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), the form {@code PemTls} and Mosquitto read. */
    public static byte[] privateKeyPem(PrivateKey key) {
        try {
            return Pem.encode(new JcaPKCS8Generator(key, null).generate());
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalStateException("cannot encode private key", e);
        }
    }

    static byte[] encryptedKeyPem(PrivateKey key, char[] passphrase) {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                    .setPRF(JcaPKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(KDF_ITERATIONS)
                    .setRandom(RANDOM)
                    .setProvider(BC)
                    .setPassword(passphrase)
                    .build();
            return Pem.encode(new JcaPKCS8Generator(key, encryptor).generate());
        } catch (OperatorCreationException | org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalStateException("cannot encrypt the CA key", e);
        }
    }

    static PrivateKey decryptKey(Path keyFile, char[] passphrase) {
        Object parsed;
        try (Reader r = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII);
                PEMParser p = new PEMParser(r)) {
            parsed = p.readObject();
        } catch (IOException e) {
            throw new ProvisionException(keyFile + " is not a PEM key: restore it from the CA backup", e);
        }
        if (!(parsed instanceof PKCS8EncryptedPrivateKeyInfo info)) {
            throw new ProvisionException(keyFile
                    + " is not an encrypted PKCS#8 key ('ENCRYPTED PRIVATE KEY'): restore it from " + "the CA backup");
        }
        try {
            var decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BC)
                    .build(passphrase);
            PrivateKey bcKey =
                    new JcaPEMKeyConverter().setProvider(BC).getPrivateKey(info.decryptPrivateKeyInfo(decryptor));
            // Back to a JDK key: signing then uses the JDK's own provider, like every other key here.
            return java.security.KeyFactory.getInstance("EC")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(bcKey.getEncoded()));
        } catch (PKCSException e) {
            throw new BadInputException(
                    "wrong CA passphrase for " + keyFile + ": check --passphrase-file / " + Passphrase.ENV
                            + " (nothing was written)",
                    e);
        } catch (OperatorCreationException | IOException | GeneralSecurityException e) {
            throw new ProvisionException("cannot decrypt " + keyFile + ": " + e.getMessage(), e);
        }
    }

    private static boolean matches(PrivateKey key, PublicKey pub) {
        try {
            byte[] probe = "voc-ca-key-check".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(SIGNATURE);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(SIGNATURE);
            v.initVerify(pub);
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder(SIGNATURE).build(key);
    }

    /** Random positive 127-bit serial: unique without a counter, as CAs do. */
    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    static boolean isIpLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
    }

    private static void createPrivateDir(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, SafeFiles.attributes(SafeFiles.PRIVATE_DIR));
            }
        } catch (IOException e) {
            throw new ProvisionException(
                    "cannot create CA directory " + dir + ": " + SafeFiles.describe(e)
                            + " (check the parent directory is writable)",
                    e);
        }
    }
}
