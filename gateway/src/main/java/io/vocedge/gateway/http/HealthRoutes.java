package io.vocedge.gateway.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vocedge.gateway.store.StoreCondition;
import io.vocedge.gateway.store.StoreFault;
import io.vocedge.gateway.store.VocStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** {@code GET /health} (200 up / 503 down, JSON) and {@code GET /metrics} (Prometheus text). No credentials. */
public final class HealthRoutes implements HttpRoutes {
    private final VocStore store;
    private final PrometheusMeterRegistry metrics;
    private final BooleanSupplier brokerConnected;
    private final IntSupplier queueDepth;
    private static final java.time.Duration PING_WAIT = java.time.Duration.ofMillis(1500);
    private java.util.concurrent.Future<Boolean> inFlight;
    /** One daemon thread; at most one ping at a time (see {@link #pingState}). */
    private final java.util.concurrent.ExecutorService pinger =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "health-ping");
                t.setDaemon(true);
                return t;
            });

    private final Supplier<StoreCondition.Snapshot> storeCondition;
    private final Supplier<Map<String, Object>> forward;
    private final Supplier<java.util.List<io.vocedge.protocol.PemExpiry.Check>> certificates;

    /**
     * @param storeCondition what the ingest worker last learned from a commit: a write-locked SQLite file still
     *     answers {@code SELECT 1}, so the ping alone cannot tell a busy store from a healthy one
     * @param forward per forwarding sink: lag (events, bytes, oldest unforwarded age) and the last error; a sink that
     *     lags does not make the gateway "down" (ingest goes on, the outbox holds the events)
     * @param certificates the watched certificates and CRL ({@code CertificateWatch}): within 30 days of an expiry they
     *     add {@code warnings} and the gateway stays "up"; once one has expired it is "down"
     */
    public HealthRoutes(
            VocStore store,
            PrometheusMeterRegistry metrics,
            BooleanSupplier brokerConnected,
            IntSupplier queueDepth,
            Supplier<StoreCondition.Snapshot> storeCondition,
            Supplier<Map<String, Object>> forward,
            Supplier<java.util.List<io.vocedge.protocol.PemExpiry.Check>> certificates) {
        this.certificates = certificates;
        this.storeCondition = storeCondition;
        this.forward = forward;
        this.store = store;
        this.metrics = metrics;
        this.brokerConnected = brokerConnected;
        this.queueDepth = queueDepth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/metrics", this::metrics);
    }

    private void health(Context ctx) {
        boolean broker = brokerConnected.getAsBoolean();
        StoreCondition.Snapshot condition = storeCondition.get();
        String storeState = condition.ok() ? pingState() : condition.state();
        boolean storeOk = "ok".equals(storeState);
        var certs = certificates.get();
        boolean certsOk = !io.vocedge.gateway.certs.CertificateWatch.anyExpired(certs);
        boolean up = broker && storeOk && certsOk;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "up" : "down");
        body.put("broker_connected", broker);
        body.put("store_reachable", !StoreFault.UNREACHABLE.code.equals(storeState));
        // ok | store_busy | store_unreachable | store_unwritable | store_error; never the error text (no credentials
        // here).
        body.put("store_state", storeState);
        if (condition.since() != null) {
            body.put("store_problem_since", condition.since().toString());
        }
        body.put("ingest_queue_depth", queueDepth.getAsInt());
        Map<String, Object> sinks = forward.get();
        if (!sinks.isEmpty()) {
            body.put("forward", sinks);
        }
        if (!certs.isEmpty()) {
            body.put(
                    "certificates",
                    certs.stream()
                            .map(io.vocedge.gateway.certs.CertificateWatch::toMap)
                            .toList());
        }
        java.util.List<String> warnings = certs.stream()
                .map(io.vocedge.protocol.PemExpiry.Check::warning)
                .filter(java.util.Objects::nonNull)
                .toList();
        if (!warnings.isEmpty()) {
            body.put("warnings", warnings);
        }
        ctx.status(up ? 200 : 503).json(body);
    }

    /**
     * The store's own answer, waited for at most {@link #PING_WAIT}: /health must answer within seconds, and a pool whose
     * connections all wait on a write-locked SQLite file (pool of one, 10 s busy timeout) is a busy store, not a dead one.
     */
    private String pingState() {
        java.util.concurrent.Future<Boolean> ping;
        synchronized (this) {
            // A ping still waiting is shared, never queued behind: a flood of /health adds no work.
            if (inFlight == null || inFlight.isDone()) {
                inFlight = pinger.submit(store::ping);
            }
            ping = inFlight;
        }
        try {
            return ping.get(PING_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    ? "ok"
                    : StoreFault.UNREACHABLE.code;
        } catch (java.util.concurrent.TimeoutException e) {
            return StoreFault.BUSY.code;
        } catch (java.util.concurrent.ExecutionException e) {
            return StoreFault.UNREACHABLE.code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StoreFault.UNREACHABLE.code;
        }
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
