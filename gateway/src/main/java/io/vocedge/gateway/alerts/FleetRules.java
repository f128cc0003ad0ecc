package io.vocedge.gateway.alerts;

import io.vocedge.gateway.alerts.AlertsSettings.Rule;
import io.vocedge.gateway.alerts.AlertsSettings.Site;
import io.vocedge.gateway.store.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tinylog.Logger;

/**
 * The periodic rules: devices offline longer than {@code after} counted in their site's store hours, and certificate
 * or CRL files expiring within {@code within}. Each problem fires once (keyed by the device's offline-since time or
 * the file's expiry time).
 */
public final class FleetRules {
    /** Site of gateway-level alerts (certificates, CRLs). */
    public static final String GATEWAY_SITE = "gateway";

    private final AlertsSettings settings;
    private final java.util.function.Supplier<List<Rule>> rules;

    public FleetRules(AlertsSettings settings) {
        this(settings, settings::rules);
    }

    /** @param rules the effective rules at each evaluation (console rules change them while running) */
    public FleetRules(AlertsSettings settings, java.util.function.Supplier<List<Rule>> rules) {
        this.settings = settings;
        this.rules = rules;
    }

    public List<Firing> evaluate(Connection c, Dialect d, Instant now) throws SQLException {
        List<Firing> out = new ArrayList<>();
        for (Rule rule : rules.get()) {
            switch (rule.kind()) {
                case DEVICE_OFFLINE -> offline(c, d, rule, now, out);
                case CERT_EXPIRY -> certificates(rule, now, out);
                default -> {}
            }
        }
        return out;
    }

    private void offline(Connection c, Dialect d, Rule rule, Instant now, List<Firing> out) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT device_id, site, name, online, status_at, last_seen, registered_at"
                        + " FROM devices WHERE state = 'registered'")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String site = rs.getString("site");
                    if (!rule.appliesTo(site)) {
                        continue;
                    }
                    Instant lastSeen = d.getTime(rs, "last_seen");
                    Instant statusAt = d.getTime(rs, "status_at");
                    boolean online = rs.getBoolean("online");
                    Instant since;
                    if (!online) {
                        since = latest(statusAt, lastSeen, d.getTime(rs, "registered_at"));
                    } else {
                        continue;
                    }
                    Site s = settings.site(site);
                    Duration down = rule.storeHoursOnly()
                            ? s.storeHours().overlap(since, now, s.zone())
                            : Duration.between(since, now);
                    if (down.compareTo(rule.after()) < 0) {
                        continue;
                    }
                    if (rule.storeHoursOnly() && !s.storeHours().contains(now, s.zone())) {
                        continue;
                    }
                    String device = rs.getString("device_id");
                    String name = rs.getString("name");
                    String key = rule.id() + "|" + device + "|" + since.toEpochMilli();
                    out.add(new Firing(
                            rule,
                            site,
                            device,
                            null,
                            null,
                            "device:" + device + ":offline",
                            key,
                            MessageText.get(
                                    s.language(),
                                    "device_offline",
                                    name == null ? device : name,
                                    since.atZone(s.zone())
                                            .toLocalDateTime()
                                            .withNano(0)
                                            .toString()
                                            .replace('T', ' ')),
                            null,
                            s.language(),
                            now));
                }
            }
        }
    }

    private static Instant latest(Instant... times) {
        Instant best = null;
        for (Instant t : times) {
            if (t != null && (best == null || t.isAfter(best))) {
                best = t;
            }
        }
        return best == null ? Instant.EPOCH : best;
    }

    private void certificates(Rule rule, Instant now, List<Firing> out) {
        Site s = settings.site(GATEWAY_SITE);
        for (Path file : rule.files()) {
            for (Expiry e : expiries(file)) {
                if (e.at().isAfter(now.plus(rule.after()))) {
                    continue;
                }
                String key = rule.id() + "|" + file + "|" + e.what() + "|" + e.at().toEpochMilli();
                out.add(new Firing(
                        rule,
                        GATEWAY_SITE,
                        null,
                        null,
                        null,
                        "gateway:" + rule.id() + ":" + file,
                        key,
                        MessageText.get(s.language(), "cert_expiry", e.what(), e.at().toString()),
                        file.toString(),
                        s.language(),
                        now));
            }
        }
    }

    /** One expiry in a file: a certificate's notAfter or a CRL's nextUpdate. */
    record Expiry(String what, Instant at) {}

    static List<Expiry> expiries(Path file) {
        try {
            return io.vocedge.protocol.PemExpiry.read(file).stream()
                    .map(e -> new Expiry(e.what(), e.notAfter()))
                    .toList();
        } catch (IOException e) {
            Logger.warn("event=alert_cert_unreadable file={} error=\"{}\"", file, e.getMessage());
            return List.of();
        }
    }
}
