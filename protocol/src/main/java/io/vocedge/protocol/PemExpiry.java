package io.vocedge.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When the PEM files a party relies on stop working: a certificate's {@code notAfter}, a CRL's {@code nextUpdate}
 * (Mosquitto refuses every client once its CRL is past that). The gateway's {@code /health} and {@code /metrics} and
 * the device self-test warn {@link #WARN_BEFORE} ahead. JDK only, like {@link PemTls}.
 */
public final class PemExpiry {
    /** How long before an expiry the warnings start. */
    public static final Duration WARN_BEFORE = Duration.ofDays(30);

    private PemExpiry() {}

    /** One expiry in a file: what it is (certificate subject or CRL issuer) and when it ends. */
    public record Entry(String what, Instant notAfter) {}

    /** Every certificate (or CRL, for a file holding {@code X509 CRL} blocks) in a PEM file, in file order. */
    public static List<Entry> read(Path file) throws IOException {
        List<Entry> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            boolean crl = Files.readString(file, StandardCharsets.US_ASCII).contains("BEGIN X509 CRL");
            try (InputStream in = Files.newInputStream(file)) {
                if (crl) {
                    for (CRL c : cf.generateCRLs(in)) {
                        X509CRL x = (X509CRL) c;
                        // A CRL without nextUpdate never goes stale; Instant.MAX keeps it out of every warning.
                        out.add(new Entry(
                                "CRL of " + x.getIssuerX500Principal().getName(),
                                x.getNextUpdate() == null
                                        ? Instant.MAX
                                        : x.getNextUpdate().toInstant()));
                    }
                } else {
                    for (Certificate c : cf.generateCertificates(in)) {
                        X509Certificate x = (X509Certificate) c;
                        out.add(new Entry(
                                "certificate " + x.getSubjectX500Principal().getName(),
                                x.getNotAfter().toInstant()));
                    }
                }
            }
        } catch (GeneralSecurityException | java.nio.charset.MalformedInputException e) {
            throw new IOException(file + " holds no readable PEM certificate or CRL: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IOException(file + " holds no PEM certificate or CRL");
        }
        return out;
    }

    /** The state of one watched file at {@code now}; a file with several certificates counts by the first to expire. */
    public static Check check(String name, Path file, Instant now) {
        try {
            Entry first = read(file).stream()
                    .min(Comparator.comparing(Entry::notAfter))
                    .orElseThrow();
            return new Check(name, file, first.what(), first.notAfter(), null, now);
        } catch (IOException e) {
            return new Check(name, file, null, null, e.getMessage(), now);
        }
    }

    /** What a watcher says about a file: ok, expiring (within {@link #WARN_BEFORE}), expired or unreadable. */
    public enum State {
        OK,
        EXPIRING,
        EXPIRED,
        UNREADABLE
    }

    /**
     * @param name what the file is for ({@code broker_crl}, {@code device_cert} ...), the metric label
     * @param notAfter null when unreadable
     * @param error why it is unreadable, else null
     */
    public record Check(String name, Path file, String what, Instant notAfter, String error, Instant checkedAt) {
        public State state() {
            if (notAfter == null) {
                return State.UNREADABLE;
            }
            if (!checkedAt.isBefore(notAfter)) {
                return State.EXPIRED;
            }
            return checkedAt.plus(WARN_BEFORE).isBefore(notAfter) ? State.OK : State.EXPIRING;
        }

        /** Seconds until {@link #notAfter} (negative once past); NaN when unreadable. */
        public double secondsLeft() {
            if (notAfter == null) {
                return Double.NaN;
            }
            if (notAfter.equals(Instant.MAX)) {
                return Double.POSITIVE_INFINITY;
            }
            return Duration.between(checkedAt, notAfter).toSeconds();
        }

        /** One line for people: null when OK. */
        public String warning() {
            return switch (state()) {
                case OK -> null;
                case UNREADABLE -> name + " (" + file + ") cannot be read: " + error;
                case EXPIRED -> name + " (" + file + ", " + what + ") expired at " + notAfter + ": " + renewHint();
                case EXPIRING ->
                    name + " (" + file + ", " + what + ") expires in "
                            + Duration.between(checkedAt, notAfter).toDays() + " days, at " + notAfter + ": "
                            + renewHint();
            };
        }

        private String renewHint() {
            return what != null && what.startsWith("CRL")
                    ? "run 'voc-provision crl refresh' and reload the broker"
                    : "renew it with voc-provision (device renew, gateway enroll, broker config --renew-cert)";
        }
    }
}
