package io.vocedge.gateway.certs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vocedge.protocol.PemExpiry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tinylog.Logger;

/**
 * The certificates and CRL the gateway depends on, watched over time: the fleet CA and the gateway's own certificate
 * for the broker, the broker's CRL (when this host can read it) and the HTTPS certificate. {@code /health} lists
 * them with {@code warnings} from {@link PemExpiry#WARN_BEFORE} before an expiry (still "up") and goes "down" only
 * once one has expired; {@code /metrics} has {@code voc_certificate_expiry_seconds{name}} (seconds left, negative
 * once past, NaN when unreadable). Files are re-read when they change (a renewed certificate or refreshed CRL shows
 * at the next request, no restart), and a change of state is logged once.
 */
public final class CertificateWatch {
    public static final String METRIC = "voc_certificate_expiry_seconds";

    private final Map<String, Path> files;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Object fileKey, long modified, long size, PemExpiry.Check check) {}

    /**
     * @param files name (metric label) -> PEM file, in display order (a configuration's:
     *     {@code GatewayConfig.certificateFiles()})
     */
    public CertificateWatch(Map<String, Path> files, Clock clock) {
        this.files = new LinkedHashMap<>(files);
        this.clock = clock;
    }

    /** Registers one gauge per file. */
    public CertificateWatch bind(MeterRegistry registry) {
        for (String name : files.keySet()) {
            Gauge.builder(METRIC, this, w -> w.check(name).secondsLeft())
                    .tag("name", name)
                    .description("seconds until the certificate or CRL expires (negative once past, NaN if unreadable)")
                    .register(registry);
        }
        return this;
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** Every watched file, checked now. */
    public List<PemExpiry.Check> checks() {
        List<PemExpiry.Check> out = new ArrayList<>();
        for (String name : files.keySet()) {
            out.add(check(name));
        }
        return out;
    }

    /** True once a watched certificate or the CRL has expired: the gateway is then "down". */
    public static boolean anyExpired(List<PemExpiry.Check> checks) {
        return checks.stream().anyMatch(c -> c.state() == PemExpiry.State.EXPIRED);
    }

    PemExpiry.Check check(String name) {
        Path file = files.get(name);
        Object key = null;
        long modified = -1;
        long size = -1;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            key = a.fileKey();
            modified = a.lastModifiedTime().toMillis();
            size = a.size();
        } catch (IOException e) {
            // unreadable: PemExpiry.check says so
        }
        Cached c = cache.get(name);
        PemExpiry.Check check;
        if (c != null
                && modified >= 0
                && modified == c.modified()
                && size == c.size()
                && java.util.Objects.equals(key, c.fileKey())) {
            check = new PemExpiry.Check(
                    name,
                    file,
                    c.check().what(),
                    c.check().notAfter(),
                    c.check().error(),
                    clock.instant());
        } else {
            check = PemExpiry.check(name, file, clock.instant());
        }
        Cached previous = cache.put(name, new Cached(key, modified, size, check));
        if (previous == null || previous.check().state() != check.state()) {
            if (check.state() == PemExpiry.State.OK) {
                Logger.info("event=certificate_ok name={} not_after={}", name, check.notAfter());
            } else {
                Logger.warn(
                        "event=certificate_{} name={} file={} not_after={}",
                        check.state().name().toLowerCase(java.util.Locale.ROOT),
                        name,
                        file,
                        check.notAfter());
            }
        }
        return check;
    }

    /** The JSON shape of one check for {@code /health}. */
    public static Map<String, Object> toMap(PemExpiry.Check c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("file", c.file().toString());
        m.put("state", c.state().name().toLowerCase(java.util.Locale.ROOT));
        if (c.notAfter() != null) {
            m.put("not_after", c.notAfter().toString());
            m.put("seconds_left", (long) c.secondsLeft());
        }
        return m;
    }
}
