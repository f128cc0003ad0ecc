package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.device.agent.AgentInput;
import io.vocedge.device.agent.DeviceAssembly;
import io.vocedge.device.config.DeviceConfig;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.ModelChunk;
import io.vocedge.protocol.ModelManifest;
import io.vocedge.protocol.ModelRequest;
import io.vocedge.protocol.Topics;
import io.vocedge.testsupport.MosquittoBroker;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole agent against a real Mosquitto, a plain Paho client playing the gateway: it retains the manifest on
 * {@code down/model} and answers every {@code up/model_request} with the chunk on {@code down/model_chunk}. The agent
 * installs the model, reports its version in the retained status, and starts with it after a restart.
 */
class ModelDistributionIT {
    private static final Instant FLOOR = Instant.parse("2026-11-01T00:00:00Z");
    private static final String SITE = "test-site";
    private static final String DEVICE = "dev-model-1";
    private static final String V2 = "2-0123456789ab";

    @TempDir
    Path dir;

    /** The gateway's side of model distribution, reduced to what the device needs. */
    static final class ModelGatewayDouble implements AutoCloseable {
        private final ObjectMapper json = Json.newMapper();
        private final MqttClient client;
        private final ExecutorService answers = Executors.newSingleThreadExecutor();
        final List<ModelRequest> requests = new CopyOnWriteArrayList<>();
        volatile String status = "";

        ModelGatewayDouble(String url, ModelManifest manifest, byte[] file) throws Exception {
            client = new MqttClient(url, "gateway-double-" + System.nanoTime(), new MemoryPersistence());
            client.setCallback(new MqttCallback() {
                @Override
                public void disconnected(MqttDisconnectResponse r) {}

                @Override
                public void mqttErrorOccurred(MqttException e) {}

                @Override
                public void messageArrived(String topic, MqttMessage message) throws Exception {
                    if (topic.equals(Topics.status(SITE, DEVICE))) {
                        status = new String(message.getPayload(), StandardCharsets.UTF_8);
                        return;
                    }
                    ModelRequest r = json.readValue(message.getPayload(), ModelRequest.class);
                    requests.add(r);
                    // Published off the callback thread: Paho must not wait for a PUBACK on it.
                    answers.execute(() -> answer(manifest, file, r));
                }

                @Override
                public void deliveryComplete(IMqttToken t) {}

                @Override
                public void connectComplete(boolean reconnect, String uri) {}

                @Override
                public void authPacketArrived(int code, MqttProperties p) {}
            });
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(true);
            client.connect(o);
            client.subscribe(
                    new String[] {Topics.modelRequest(SITE, DEVICE), Topics.status(SITE, DEVICE)}, new int[] {1, 1});
            client.publish(Topics.model(SITE, DEVICE), json.writeValueAsBytes(manifest), 1, true);
        }

        private void answer(ModelManifest manifest, byte[] file, ModelRequest r) {
            try {
                if (r.version().equals(manifest.version())) {
                    client.publish(
                            Topics.modelChunk(SITE, DEVICE),
                            json.writeValueAsBytes(ModelChunk.of(manifest, file, r.index())),
                            1,
                            false);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws Exception {
            answers.shutdownNow();
            client.disconnect();
            client.close();
        }
    }

    private DeviceConfig config(String url) throws Exception {
        Path cfg = dir.resolve("device.yaml");
        Files.writeString(cfg, """
                device: {id: %s, site: %s}
                data_dir: %s
                broker: {url: "%s"}
                hardware: {enabled: false}
                """.formatted(DEVICE, SITE, dir.resolve("data"), url));
        return DeviceConfig.load(cfg);
    }

    private AgentInput emptyReplay() throws Exception {
        return AgentInput.replay(Files.writeString(dir.resolve("empty.jsonl"), ""), 0);
    }

    @Test
    void theAgentDownloadsThePublishedModelReportsItAndStartsWithItAfterARestart() throws Exception {
        byte[] bundled;
        try (InputStream in = BundledModel.class.getResourceAsStream(BundledModel.RESOURCE)) {
            bundled = in.readAllBytes();
        }
        byte[] second = ModelUpdaterTest.rewrite(bundled, V2, 0);
        ModelManifest manifest = ModelManifest.of(V2, second, Instant.now());
        try (MosquittoBroker broker = MosquittoBroker.start();
                ModelGatewayDouble gateway = new ModelGatewayDouble(broker.url(), manifest, second)) {
            DeviceConfig cfg = config(broker.url());
            try (DeviceAssembly agent = DeviceAssembly.start(cfg, "test", FLOOR, emptyReplay())) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> V2.equals(agent.status().details().get("model_version")));
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> gateway.status.contains("\"model_version\":\"" + V2 + "\""));
                assertThat(gateway.requests)
                        .extracting(ModelRequest::index)
                        .startsWith(0, 1, 2)
                        .contains(manifest.chunks() - 1);
                assertThat(agent.status().details())
                        .containsEntry("model_updates_refused", 0L)
                        .doesNotContainKeys("model_download", "model_update_error");
            }
            assertThat(Files.readAllBytes(cfg.dataDir().resolve("model/active.vocim")))
                    .isEqualTo(second);

            // A restart starts with the distributed model; the retained manifest names it, so nothing is asked.
            await().atMost(Duration.ofSeconds(10)).until(() -> gateway.status.contains("\"state\":\"offline\""));
            gateway.status = "";
            gateway.requests.clear();
            try (DeviceAssembly agent = DeviceAssembly.start(cfg, "test", FLOOR, emptyReplay())) {
                assertThat(agent.status().details()).containsEntry("model_version", V2);
                await().atMost(Duration.ofSeconds(10)).until(() -> gateway.status.contains("\"state\":\"online\""));
                Thread.sleep(500);
                assertThat(gateway.requests).isEmpty();
            }
        }
    }
}
