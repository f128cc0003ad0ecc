package io.vocedge.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.ingest.GatewayMqtt;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.TestStores;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.ModelChunk;
import io.vocedge.protocol.ModelManifest;
import io.vocedge.protocol.ModelRequest;
import io.vocedge.protocol.SchemaValidator;
import io.vocedge.protocol.Topics;
import io.vocedge.testsupport.MosquittoBroker;
import io.vocedge.testsupport.PostgresDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real Mosquitto and PostgreSQL: a model published with {@link ModelPublications} reaches a plain MQTT
 * client acting as the device as a retained manifest; the device asks for every chunk, one at a time, through the
 * gateway's shared subscription, checks each against the manifest and reassembles the exact file.
 */
class ModelDistributionIT {
    private static final String SITE = "store-1";
    private static final String DEVICE = "dev-a";

    @TempDir
    Path dir;

    record Received(String topic, byte[] payload, boolean retained) {}

    @Test
    void aDeviceReceivesTheRetainedManifestDownloadsEveryChunkAndGetsTheExactFile() throws Exception {
        ObjectMapper json = Json.newMapper();
        byte[] file = ModelFiles.model("1-e2e", 300_000);
        try (MosquittoBroker broker = MosquittoBroker.start();
                PostgresDatabase pg = PostgresDatabase.create();
                JdbcVocStore store = TestStores.open("postgresql", dir, pg, 2)) {
            store.register(ModelFiles.device(DEVICE, SITE));
            ModelPublications pubs = new ModelPublications(store.dataSource(), store.dialect());
            pubs.publish(file, "model.vocim", ModelPublications.ALL_SITES, "it");

            GatewayMqtt mqtt = new GatewayMqtt(broker.url(), "voc-gateway-it", null);
            ModelChunkServer chunks = new ModelChunkServer(
                            pubs,
                            id -> {
                                try {
                                    return store.device(id);
                                } catch (java.sql.SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            mqtt::publish,
                            json,
                            new SchemaValidator(),
                            System::nanoTime)
                    .start();
            mqtt.withModelRequests(chunks::offer);
            mqtt.connect(m -> {}, () -> true);
            ModelDistributor distributor = new ModelDistributor(
                            pubs,
                            () -> {
                                try {
                                    return store.devices();
                                } catch (java.sql.SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            mqtt,
                            json)
                    .start(200);
            MqttAsyncClient device = null;
            try {
                // The manifest is retained: the device connects after it was published and still gets it.
                BlockingQueue<Received> manifests = new LinkedBlockingQueue<>();
                BlockingQueue<Received> chunkQueue = new LinkedBlockingQueue<>();
                Thread.sleep(1000);
                device = new MqttAsyncClient(broker.url(), "voc-" + DEVICE, new MemoryPersistence());
                device.setCallback(new Recorder(manifests, chunkQueue));
                MqttConnectionOptions o = new MqttConnectionOptions();
                o.setCleanStart(true);
                device.connect(o).waitForCompletion(5000);
                device.subscribe(Topics.model(SITE, DEVICE), 1).waitForCompletion(5000);
                device.subscribe(Topics.modelChunk(SITE, DEVICE), 1).waitForCompletion(5000);

                Received m = manifests.poll(10, TimeUnit.SECONDS);
                assertThat(m).as("retained manifest").isNotNull();
                assertThat(m.retained()).isTrue();
                ModelManifest manifest =
                        json.readValue(m.payload(), ModelManifest.class).requireConsistent();
                assertThat(manifest.version()).isEqualTo("1-e2e");
                assertThat(manifest.chunks()).isEqualTo(3);

                // A version that is not published for it: nothing comes back.
                device.publish(
                                Topics.modelRequest(SITE, DEVICE),
                                json.writeValueAsBytes(new ModelRequest("6-forged", 0)),
                                1,
                                false)
                        .waitForCompletion(5000);

                ByteArrayOutputStream reassembled = new ByteArrayOutputStream();
                for (int i = 0; i < manifest.chunks(); i++) {
                    device.publish(
                                    Topics.modelRequest(SITE, DEVICE),
                                    json.writeValueAsBytes(new ModelRequest(manifest.version(), i)),
                                    1,
                                    false)
                            .waitForCompletion(5000);
                    Received c = chunkQueue.poll(10, TimeUnit.SECONDS);
                    assertThat(c).as("chunk %d", i).isNotNull();
                    assertThat(c.retained()).isFalse();
                    ModelChunk chunk = json.readValue(c.payload(), ModelChunk.class);
                    assertThat(chunk.index())
                            .as("the answer to the request, not the forged one")
                            .isEqualTo(i);
                    reassembled.write(manifest.verifyChunk(chunk));
                }
                assertThat(manifest.matchesFile(reassembled.toByteArray())).isTrue();
                assertThat(reassembled.toByteArray()).isEqualTo(file);
                assertThat(chunkQueue.poll(300, TimeUnit.MILLISECONDS)).isNull();
                assertThat(chunks.served()).isEqualTo(3);
                assertThat(chunks.refused("wrong_version")).isEqualTo(1);
            } finally {
                if (device != null) {
                    try {
                        device.disconnect().waitForCompletion(2000);
                    } catch (MqttException ignored) {
                        // gone already
                    }
                    device.close(true);
                }
                distributor.close();
                chunks.close();
                mqtt.close();
            }
        }
    }

    private record Recorder(BlockingQueue<Received> manifests, BlockingQueue<Received> chunks) implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            Received r = new Received(topic, message.getPayload(), message.isRetained());
            (topic.endsWith("/" + Topics.DOWN_MODEL) ? manifests : chunks).add(r);
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {}

        @Override
        public void mqttErrorOccurred(MqttException exception) {}

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
