package io.vocedge.gateway.model;

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
 * Keeps each registered device's desired insight model manifest ({@code voc.model/1}: version, size, digests, never
 * the bytes) retained on its {@code down/model} topic, exactly as {@link io.vocedge.gateway.lexicon.LexiconDistributor}
 * does the lexicon: the same periodic round ({@link RetainedDistributor}), published to a device only when its desired
 * publication changed since this gateway last published there; a revoked device gets nothing. The device then asks for
 * the chunks ({@link ModelChunkServer}).
 */
public final class ModelDistributor implements AutoCloseable {
    private final RetainedDistributor<ModelPublications.Publication> loop;

    public ModelDistributor(
            ModelPublications publications, Supplier<List<DeviceEntry>> devices, MqttPort mqtt, ObjectMapper json) {
        this.loop = new RetainedDistributor<>(
                "model",
                new RetainedDistributor.Source<>() {
                    @Override
                    public List<ModelPublications.Publication> latest() throws Exception {
                        return publications.latest();
                    }

                    @Override
                    public Optional<ModelPublications.Publication> desiredFor(
                            String site, List<ModelPublications.Publication> latest) {
                        return ModelPublications.desiredFor(site, latest);
                    }

                    @Override
                    public long id(ModelPublications.Publication p) {
                        return p.id();
                    }

                    @Override
                    public String topic(DeviceEntry d) {
                        return Topics.model(d.site(), d.deviceId());
                    }

                    @Override
                    public byte[] payload(ModelPublications.Publication p) throws Exception {
                        return json.writeValueAsBytes(publications.loaded(p).manifest());
                    }

                    @Override
                    public void sent(DeviceEntry d, ModelPublications.Publication p) {
                        Logger.info(
                                "event=model_manifest_sent device={} site={} version={} sha256={} chunks={}",
                                d.deviceId(),
                                d.site(),
                                p.version(),
                                p.sha256(),
                                p.chunks());
                    }
                },
                devices,
                mqtt);
    }

    public ModelDistributor start(long periodMs) {
        loop.start(periodMs);
        return this;
    }

    /** One pass; returns how many devices were sent a manifest. */
    public int round() throws Exception {
        return loop.round();
    }

    @Override
    public void close() {
        loop.close();
    }
}
