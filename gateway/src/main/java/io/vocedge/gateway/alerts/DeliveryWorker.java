package io.vocedge.gateway.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.tinylog.Logger;

/**
 * Sends due deliveries. One claim loop; each channel has its own sender threads and at most
 * {@link #IN_FLIGHT_PER_CHANNEL} batches in flight, so a slow or failing channel never holds up the others or ingest
 * (its rows simply stay in the store: the store is the bounded queue, overflow = rows wait their turn).
 */
public final class DeliveryWorker implements AutoCloseable {
    static final int IN_FLIGHT_PER_CHANNEL = 4;

    private final DeliveryStore store;
    private final Map<String, ChannelSender> senders;
    private final Map<String, AlertsSettings.Channel> channels;
    private final AlertsSettings settings;
    private final CaseLinks links;
    private final AlertMetrics metrics;
    private final Clock clock;
    private final String owner;
    private final Map<String, ExecutorService> pools = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Thread loop;
    private volatile boolean running;
    private final Object wake = new Object();
    private volatile java.util.function.Consumer<String> faults = point -> {};

    public DeliveryWorker(
            DeliveryStore store,
            Map<String, ChannelSender> senders,
            AlertsSettings settings,
            CaseLinks links,
            AlertMetrics metrics,
            Clock clock,
            String owner) {
        this.store = store;
        this.senders = senders;
        this.settings = settings;
        this.links = links;
        this.metrics = metrics;
        this.clock = clock;
        this.owner = owner;
        this.channels = new ConcurrentHashMap<>();
        settings.channels().forEach(c -> channels.put(c.id(), c));
        for (String id : senders.keySet()) {
            pools.put(
                    id,
                    Executors.newFixedThreadPool(
                            IN_FLIGHT_PER_CHANNEL,
                            r -> Thread.ofPlatform()
                                    .name("alert-send-" + id)
                                    .daemon(true)
                                    .unstarted(r)));
            inFlight.put(id, new AtomicInteger());
        }
        this.loop = Thread.ofPlatform().name("alert-delivery").daemon(true).unstarted(this::run);
    }

    /** Fault injection for the fault tests ({@code alert_before_send}, {@code alert_after_send}); a no-op otherwise. */
    public void faults(java.util.function.Consumer<String> hook) {
        this.faults = hook;
    }

    public void start() {
        running = true;
        loop.start();
    }

    /** Asks the loop to look for due rows now (after a commit that wrote some). */
    public void wakeUp() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void run() {
        long backoff = 200;
        while (running) {
            try {
                int claimed = claimOnce();
                backoff = 200;
                if (claimed == 0) {
                    synchronized (wake) {
                        wake.wait(200);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                Logger.warn("event=alert_claim_error error=\"{}\"", e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    /** Claims what is due for channels with room and hands each batch to its channel's threads. */
    int claimOnce() throws Exception {
        Set<String> free = new LinkedHashSet<>();
        inFlight.forEach((id, n) -> {
            if (n.get() < IN_FLIGHT_PER_CHANNEL) {
                free.add(id);
            }
        });
        Instant now = clock.instant();
        // Longer than any send can take (the channel's timeout bounds it), so a live sender never loses its lease.
        Duration lease = settings.channels().stream()
                .map(AlertsSettings.Channel::timeout)
                .max(Duration::compareTo)
                .orElse(Duration.ofSeconds(10))
                .multipliedBy(2)
                .plusSeconds(30);
        List<DeliveryStore.Claim> claims = store.claim(now, owner, lease, 200, free);
        for (DeliveryStore.Claim claim : claims) {
            AtomicInteger n = inFlight.get(claim.channelId());
            n.incrementAndGet();
            pools.get(claim.channelId()).execute(() -> {
                try {
                    sendOne(claim);
                } finally {
                    n.decrementAndGet();
                    wakeUp();
                }
            });
        }
        return claims.size();
    }

    /** Claims what is due and sends it in the calling thread (tests on a simulated clock); returns batches sent. */
    int deliverSynchronously() throws Exception {
        List<DeliveryStore.Claim> claims =
                store.claim(clock.instant(), owner, Duration.ofMinutes(5), 200, senders.keySet());
        claims.forEach(this::sendOne);
        return claims.size();
    }

    void sendOne(DeliveryStore.Claim claim) {
        AlertsSettings.Channel ch = channels.get(claim.channelId());
        try {
            List<Notification.Item> items = store.items(claim, links, clock.instant());
            if (items.isEmpty()) {
                return;
            }
            Notification n = new Notification(claim.batchId(), ch, settings.site(claim.site()), items);
            faults.accept("alert_before_send");
            try {
                senders.get(ch.id()).send(n);
            } catch (Exception e) {
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                boolean dead = store.failed(claim, owner, clock.instant(), error);
                metrics.outcome(ch.id(), dead ? "failed" : "retried", items.size());
                Logger.warn(
                        "event=alert_delivery_failed channel={} batch={} alerts={} attempt={} dead={} error=\"{}\"",
                        ch.id(),
                        claim.batchId(),
                        items.size(),
                        claim.attempts() + 1,
                        dead,
                        error);
                return;
            }
            faults.accept("alert_after_send");
            Instant done = clock.instant();
            store.delivered(claim, owner, done);
            metrics.outcome(ch.id(), "delivered", items.size());
            for (Notification.Item i : items) {
                metrics.latency(ch.id(), Duration.between(i.committedAt(), done));
            }
            Logger.info(
                    "event=alert_delivered channel={} batch={} alerts={} attempt={}",
                    ch.id(),
                    claim.batchId(),
                    items.size(),
                    claim.attempts() + 1);
        } catch (Exception e) {
            // The store failed: the lease expires and the batch is claimed again.
            Logger.warn(
                    "event=alert_delivery_store_error channel={} batch={} error=\"{}\"",
                    ch.id(),
                    claim.batchId(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        loop.interrupt();
        for (ExecutorService p : pools.values()) {
            p.shutdownNow();
        }
        try {
            loop.join(5000);
            for (ExecutorService p : pools.values()) {
                p.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
