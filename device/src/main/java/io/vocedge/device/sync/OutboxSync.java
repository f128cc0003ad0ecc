package io.vocedge.device.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.device.outbox.Outbox;
import io.vocedge.device.outbox.OutboxConfig;
import io.vocedge.protocol.Status;
import io.vocedge.protocol.Topics;
import java.io.IOException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One device's store-and-forward stack: its outbox file, its MQTT link and the sync engine between them.
 * Start order: outbox, then sync; stop order: sync (publishes offline), then outbox (drains queued records).
 */
public final class OutboxSync implements AutoCloseable {
    private final Outbox outbox;
    private final SyncEngine sync;

    private OutboxSync(Outbox outbox, SyncEngine sync) {
        this.outbox = outbox;
        this.sync = sync;
    }

    /** Identity and broker of one device. */
    public record Identity(String deviceId, String site, String brokerUrl, TlsFiles tls) {}

    public static OutboxSync open(
            Identity id,
            OutboxConfig outboxConfig,
            SyncConfig syncConfig,
            ObjectMapper json,
            String bootId,
            LongSupplier monoMs,
            Supplier<Status> status,
            DownSink down,
            AckListener acks)
            throws IOException, BrokerLink.LinkException {
        Outbox outbox = Outbox.open(outboxConfig, json);
        try {
            BrokerLink link = new PahoBrokerLink(
                    id.brokerUrl(),
                    "voc-" + id.deviceId(),
                    id.tls(),
                    SyncEngine.subscriptions(id.site(), id.deviceId()),
                    Topics.status(id.site(), id.deviceId()),
                    syncConfig.sessionExpiry().toSeconds(),
                    (int) syncConfig.keepAlive().toSeconds(),
                    10_000);
            SyncEngine sync = new SyncEngine(
                    id.deviceId(),
                    id.site(),
                    syncConfig,
                    outbox,
                    link,
                    json,
                    status,
                    down,
                    acks,
                    bootId,
                    monoMs,
                    RandomGenerator.getDefault());
            sync.start();
            return new OutboxSync(outbox, sync);
        } catch (BrokerLink.LinkException | RuntimeException e) {
            outbox.close();
            throw e;
        }
    }

    public Outbox outbox() {
        return outbox;
    }

    public SyncEngine sync() {
        return sync;
    }

    @Override
    public void close() {
        try {
            sync.close();
        } finally {
            outbox.close();
        }
    }
}
