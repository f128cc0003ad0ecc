package io.vocedge.gateway.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.vocedge.common.fs.OwnerOnly;
import io.vocedge.gateway.store.CommitParticipant;
import io.vocedge.gateway.store.CommittedChanges;
import io.vocedge.gateway.store.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.tinylog.Logger;

/**
 * Alerts in the gateway: a {@link CommitParticipant} that evaluates record-time rules inside the store's
 * transaction and writes alerts, cases and deliveries there; the delivery worker; and a periodic evaluator for the
 * fleet rules and case escalation (on PostgreSQL one gateway at a time, under an advisory lock).
 */
public final class AlertsService implements CommitParticipant, AutoCloseable {
    /** PostgreSQL advisory lock key of the periodic evaluator ("alerts", issue 17). */
    static final long EVALUATOR_LOCK = 0x616c657274L + 17;

    private final AlertsSettings settings;
    private final DataSource pool;
    private final Dialect dialect;
    private final Clock clock;
    private final RuleEngine engine;
    private final FleetRules fleet;
    private final AlertWriter writer;
    private final CaseService cases;
    private final AlertMetrics metrics;
    private final DeliveryStore deliveries;
    private final DeliveryWorker worker;
    private final String ownerPrefix;
    private final CaseLinks links;
    private final ConsoleRuleStore consoleRules;
    private final LiveRules rules;
    private ScheduledExecutorService timer;

    public AlertsService(
            AlertsSettings settings,
            DataSource pool,
            Dialect dialect,
            ObjectMapper json,
            MeterRegistry registry,
            Clock clock,
            String gatewayId,
            byte[] linkKey,
            Supplier<String> baseUrl,
            Map<String, ChannelSender> sendersOrNull) {
        this(
                settings,
                pool,
                dialect,
                json,
                registry,
                clock,
                gatewayId,
                linkKey,
                baseUrl,
                sendersOrNull,
                AlertFeed.none());
    }

    /** @param feed alert and case events for the central platform (the forwarding outbox), written with the change */
    public AlertsService(
            AlertsSettings settings,
            DataSource pool,
            Dialect dialect,
            ObjectMapper json,
            MeterRegistry registry,
            Clock clock,
            String gatewayId,
            byte[] linkKey,
            Supplier<String> baseUrl,
            Map<String, ChannelSender> sendersOrNull,
            AlertFeed feed) {
        this.settings = settings;
        this.pool = pool;
        this.dialect = dialect;
        this.clock = clock;
        this.engine = new RuleEngine(settings, json);
        this.consoleRules = new ConsoleRuleStore(pool, dialect, json);
        this.rules = new LiveRules(settings, consoleRules);
        try {
            rules.refresh(); // before ingest starts: console rules apply from the first record
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the console's alert rules: " + e.getMessage(), e);
        }
        this.fleet = new FleetRules(settings, rules::current);
        this.writer = new AlertWriter(settings, feed);
        this.cases = new CaseService(pool, dialect, settings, feed);
        this.metrics = new AlertMetrics(registry);
        this.deliveries = new DeliveryStore(pool, dialect, settings);
        this.ownerPrefix = gatewayId + ":";
        this.links = new CaseLinks(linkKey, baseUrl, settings.linkValidity());
        Map<String, ChannelSender> senders = sendersOrNull;
        if (senders == null) {
            HttpChannels http = new HttpChannels(json, clock);
            senders = new LinkedHashMap<>();
            for (AlertsSettings.Channel ch : settings.channels()) {
                senders.put(
                        ch.id(), ch.kind() == AlertsSettings.ChannelKind.SMTP ? new SmtpChannel(ch) : http.sender(ch));
            }
        }
        byte[] nonce = new byte[4];
        new SecureRandom().nextBytes(nonce);
        this.worker = new DeliveryWorker(
                deliveries,
                senders,
                settings,
                links,
                metrics,
                clock,
                ownerPrefix + HexFormat.of().formatHex(nonce));
    }

    /** The key for signed case links: {@code alerts.link_secret}, else {@code <data dir>/alerts-link-key} (made once). */
    public static byte[] linkKey(AlertsSettings settings, Path dataDir) throws IOException {
        if (settings.linkSecret() != null) {
            return settings.linkSecret().getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDir.resolve("alerts-link-key");
        if (Files.exists(file)) {
            OwnerOnly.restrict(file);
            return HexFormat.of().parseHex(Files.readString(file).trim());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        OwnerOnly.writeAtomically(file, (HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.UTF_8));
        return key;
    }

    public AlertsSettings settings() {
        return settings;
    }

    public LiveRules rules() {
        return rules;
    }

    public ConsoleRuleStore consoleRules() {
        return consoleRules;
    }

    public CaseService cases() {
        return cases;
    }

    public CaseLinks links() {
        return links;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void participate(Connection c, Dialect d, CommittedChanges changes) throws SQLException {
        if (changes.insertedRecords().isEmpty()) {
            return;
        }
        List<Firing> firings = engine.onRecords(c, d, changes.insertedRecords(), rules.current());
        if (firings.isEmpty()) {
            return;
        }
        List<AlertWriter.Written> written = writer.writeAll(c, d, firings, clock.instant());
        for (Firing f : firings) {
            Logger.debug("event=alert_fired rule={} site={} device={}", f.rule().id(), f.site(), f.deviceId());
        }
        written.forEach(w -> metrics.fired(w.ruleId()));
        worker.wakeUp();
    }

    /** See {@link DeliveryWorker#faults}. */
    public void faults(java.util.function.Consumer<String> hook) {
        worker.faults(hook);
    }

    /** Starts the delivery worker and the periodic evaluator. Leases a killed earlier run of this gateway held are dropped. */
    public void start() throws SQLException {
        int released = deliveries.releaseLeases(ownerPrefix);
        if (released > 0) {
            Logger.info("event=alert_leases_released rows={}", released);
        }
        worker.start();
        timer = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("alert-evaluator").daemon(true).unstarted(r));
        long every = settings.evaluateEvery().toMillis();
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        evaluatePeriodic();
                    } catch (Exception e) {
                        Logger.warn("event=alert_evaluator_error error=\"{}\"", e.getMessage());
                    }
                },
                Math.min(every, 1000),
                every,
                TimeUnit.MILLISECONDS);
        long reload = settings.rulesReloadEvery().toMillis();
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        rules.refresh();
                    } catch (Exception e) {
                        Logger.warn("event=alert_rules_reload_error error=\"{}\"", e.getMessage());
                    }
                },
                reload,
                reload,
                TimeUnit.MILLISECONDS);
        Logger.info(
                "event=alerts_started channels={} rules={} built_in_attention={} rules_reload_every_ms={}",
                settings.channels().size(),
                rules.current().size(),
                settings.builtInAttention(),
                reload);
    }

    /** Fleet rules and escalation, once; public for tests with a simulated clock. */
    public int evaluatePeriodic() throws SQLException {
        try (Connection c = pool.getConnection()) {
            try {
                if (dialect == Dialect.POSTGRESQL && !advisoryLock(c)) {
                    c.rollback();
                    return 0;
                }
                Instant now = clock.instant();
                List<AlertWriter.Written> written = writer.writeAll(c, dialect, fleet.evaluate(c, dialect, now), now);
                int escalated = cases.escalate(c, now);
                c.commit();
                written.forEach(w -> metrics.fired(w.ruleId()));
                if (!written.isEmpty() || escalated > 0) {
                    worker.wakeUp();
                }
                return written.size() + escalated;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static boolean advisoryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, EVALUATOR_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Claims and sends what is due now (tests with a simulated clock drive delivery with this). */
    public int deliverOnce() throws Exception {
        return worker.deliverSynchronously();
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        worker.close();
    }
}
