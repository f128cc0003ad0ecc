package io.vocedge.gateway.distribution;

import io.vocedge.gateway.ingest.MqttPort;
import io.vocedge.gateway.store.DeviceEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * The loop the lexicon and the model distributors share: every few seconds read the newest publications and the
 * registry, and publish (QoS 1, retained) to every registered, non-revoked device whose desired publication changed
 * since this gateway last published there, including devices registered later and after a restart (a retained copy
 * of the same version is a no-op on the device). A revoked device gets nothing. One thread; a failing round is logged
 * ({@code event=<name>_distribution_failed}) and the next one tries again.
 *
 * @param <P> a publication
 */
public final class RetainedDistributor<P> implements AutoCloseable {
    /** What differs between the lexicon and the model: where publications come from and what is sent. */
    public interface Source<P> {
        /** The newest publication of every scope. */
        List<P> latest() throws Exception;

        /** The publication a device of {@code site} should have, among {@code latest}. */
        Optional<P> desiredFor(String site, List<P> latest);

        /** The publication's store id: a device is sent again only when this changes. */
        long id(P publication);

        /** The retained topic of the device. */
        String topic(DeviceEntry device);

        /** The retained payload. */
        byte[] payload(P publication) throws Exception;

        /** Logs one line for a device just sent {@code publication}. */
        void sent(DeviceEntry device, P publication);
    }

    private final String name;
    private final Source<P> source;
    private final Supplier<List<DeviceEntry>> devices;
    private final MqttPort mqtt;
    private final Map<String, Long> sent = new HashMap<>();
    private final ScheduledExecutorService timer;

    public RetainedDistributor(String name, Source<P> source, Supplier<List<DeviceEntry>> devices, MqttPort mqtt) {
        this.name = name;
        this.source = source;
        this.devices = devices;
        this.mqtt = mqtt;
        this.timer = Executors.newSingleThreadScheduledExecutor(r ->
                Thread.ofPlatform().name(name + "-distributor").daemon(true).unstarted(r));
    }

    public void start(long periodMs) {
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        round();
                    } catch (Exception e) {
                        Logger.warn("event={}_distribution_failed error=\"{}\"", name, e.getMessage());
                    }
                },
                0,
                periodMs,
                TimeUnit.MILLISECONDS);
    }

    /** One pass; returns how many devices were sent a publication. */
    public synchronized int round() throws Exception {
        if (!mqtt.isConnected()) {
            return 0;
        }
        List<P> latest = source.latest();
        if (latest.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (DeviceEntry d : devices.get()) {
            if (d.revoked()) {
                continue;
            }
            Optional<P> desired = source.desiredFor(d.site(), latest);
            if (desired.isEmpty() || Long.valueOf(source.id(desired.get())).equals(sent.get(d.deviceId()))) {
                continue;
            }
            byte[] payload = source.payload(desired.get());
            if (mqtt.publish(source.topic(d), payload, true)) {
                sent.put(d.deviceId(), source.id(desired.get()));
                n++;
                source.sent(d, desired.get());
            }
        }
        return n;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
