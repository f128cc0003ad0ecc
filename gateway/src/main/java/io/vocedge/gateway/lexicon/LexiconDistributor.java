package io.vocedge.gateway.lexicon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.ingest.MqttPort;
import io.vocedge.gateway.store.DeviceEntry;
import io.vocedge.protocol.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * Keeps each registered device's desired lexicon retained on its {@code down/lexicon} topic: every few seconds it
 * reads the newest publications and the registry and publishes ({@code voc.lexicon/1}, QoS 1, retained) to every
 * device whose desired publication changed since it last published there, including devices registered later and
 * after a gateway restart (a retained copy of the same version is a no-op on the device). A revoked device gets
 * nothing. One thread; a failing round is logged and the next one tries again.
 */
public final class LexiconDistributor implements AutoCloseable {
    private final LexiconPublications publications;
    private final Supplier<List<DeviceEntry>> devices;
    private final MqttPort mqtt;
    private final ObjectMapper json;
    private final Map<String, Long> sent = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("lexicon-distributor").daemon(true).unstarted(r));

    public LexiconDistributor(
            LexiconPublications publications, Supplier<List<DeviceEntry>> devices, MqttPort mqtt, ObjectMapper json) {
        this.publications = publications;
        this.devices = devices;
        this.mqtt = mqtt;
        this.json = json;
    }

    public LexiconDistributor start(long periodMs) {
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        round();
                    } catch (Exception e) {
                        Logger.warn("event=lexicon_distribution_failed error=\"{}\"", e.getMessage());
                    }
                },
                0,
                periodMs,
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** One pass; returns how many devices were sent a lexicon. */
    synchronized int round() throws Exception {
        if (!mqtt.isConnected()) {
            return 0;
        }
        var latest = publications.latest();
        if (latest.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (DeviceEntry d : devices.get()) {
            if (d.revoked()) {
                continue;
            }
            var desired = LexiconPublications.desiredFor(d.site(), latest);
            if (desired.isEmpty() || Long.valueOf(desired.get().id()).equals(sent.get(d.deviceId()))) {
                continue;
            }
            byte[] payload = json.writeValueAsBytes(desired.get().update());
            if (mqtt.publish(Topics.lexicon(d.site(), d.deviceId()), payload, true)) {
                sent.put(d.deviceId(), desired.get().id());
                n++;
                Logger.info(
                        "event=lexicon_sent device={} site={} version={} sha256={}",
                        d.deviceId(),
                        d.site(),
                        desired.get().version(),
                        desired.get().sha256());
            }
        }
        return n;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
