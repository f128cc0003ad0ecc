package io.vocedge.gateway.lexicon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.distribution.RetainedDistributor;
import io.vocedge.gateway.ingest.MqttPort;
import io.vocedge.gateway.store.DeviceEntry;
import io.vocedge.protocol.Topics;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * Keeps each registered device's desired lexicon retained on its {@code down/lexicon} topic: every few seconds it
 * reads the newest publications and the registry and publishes ({@code voc.lexicon/1}, QoS 1, retained) to every
 * device whose desired publication changed since it last published there, including devices registered later and
 * after a gateway restart (a retained copy of the same version is a no-op on the device). A revoked device gets
 * nothing. One thread; a failing round is logged and the next one tries again. The loop is {@link RetainedDistributor}.
 */
public final class LexiconDistributor implements AutoCloseable {
    private final RetainedDistributor<LexiconPublications.Publication> loop;

    public LexiconDistributor(
            LexiconPublications publications, Supplier<List<DeviceEntry>> devices, MqttPort mqtt, ObjectMapper json) {
        this.loop = new RetainedDistributor<>(
                "lexicon",
                new RetainedDistributor.Source<>() {
                    @Override
                    public List<LexiconPublications.Publication> latest() throws Exception {
                        return publications.latest();
                    }

                    @Override
                    public Optional<LexiconPublications.Publication> desiredFor(
                            String site, List<LexiconPublications.Publication> latest) {
                        return LexiconPublications.desiredFor(site, latest);
                    }

                    @Override
                    public long id(LexiconPublications.Publication p) {
                        return p.id();
                    }

                    @Override
                    public String topic(DeviceEntry d) {
                        return Topics.lexicon(d.site(), d.deviceId());
                    }

                    @Override
                    public byte[] payload(LexiconPublications.Publication p) throws Exception {
                        return json.writeValueAsBytes(p.update());
                    }

                    @Override
                    public void sent(DeviceEntry d, LexiconPublications.Publication p) {
                        Logger.info(
                                "event=lexicon_sent device={} site={} version={} sha256={}",
                                d.deviceId(),
                                d.site(),
                                p.version(),
                                p.sha256());
                    }
                },
                devices,
                mqtt);
    }

    public LexiconDistributor start(long periodMs) {
        loop.start(periodMs);
        return this;
    }

    /** One pass; returns how many devices were sent a lexicon. */
    synchronized int round() throws Exception {
        return loop.round();
    }

    @Override
    public void close() {
        loop.close();
    }
}
