package io.vocedge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.model.ModelPublications;
import io.vocedge.gateway.store.Dialect;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.ModelChunk;
import io.vocedge.protocol.ModelManifest;
import io.vocedge.protocol.ModelRequest;
import io.vocedge.protocol.Topics;
import io.vocedge.testsupport.MosquittoBroker;
import io.vocedge.testsupport.PostgresDatabase;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The whole gateway ({@link GatewayApp}, real Mosquitto and PostgreSQL): a model published into its store reaches a
 * device that registered by sending a batch, as a retained manifest within the distributor's round; the device
 * downloads every chunk through the running gateway and gets the exact file; a request for another version is
 * refused and counted in /metrics.
 */
class ModelGatewayAppIT {
    @TempDir
    Path dir;

    private static byte[] model(String version, int body) throws Exception {
        return io.vocedge.gateway.model.ModelFiles.model(version, body);
    }

    @Test
    void theRunningGatewayDistributesAndServesAPublishedModel() throws Exception {
        ObjectMapper json = Json.newMapper();
        try (MosquittoBroker broker = MosquittoBroker.start();
                PostgresDatabase pg = PostgresDatabase.create()) {
            Path cfg = Files.writeString(
                    dir.resolve("gateway.yaml"),
                    "gateway_id: it-model\nbroker:\n  url: " + broker.url() + "\nregistry:\n  mode: open\n"
                            + "store:\n  kind: postgresql\n  jdbc_url: " + pg.jdbcUrl() + "\n  user: " + pg.user()
                            + "\n");
            try (GatewayApp app = GatewayApp.start(GatewayConfig.load(cfg, dir.resolve("data")));
                    FakeDevice registering = new FakeDevice(broker.url(), "site-m", "dev-m")) {
                registering.publish(registering.batch("b1", 1, 2));
                await().atMost(Duration.ofSeconds(20)).until(() -> registering.acks.size() == 1);

                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setUrl(pg.jdbcUrl());
                ds.setUser(pg.user());
                byte[] file = model("5-app", 400_000);
                new ModelPublications(ds, Dialect.POSTGRESQL).publish(file, "m.vocim", "site-m", "it");

                BlockingQueue<byte[]> manifests = new LinkedBlockingQueue<>();
                BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
                MqttClient device = new MqttClient(broker.url(), "voc-dev-m", new MemoryPersistence());
                device.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
                    @Override
                    public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {}

                    @Override
                    public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException e) {}

                    @Override
                    public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage m) {
                        (topic.endsWith("/down/model") ? manifests : chunks).add(m.getPayload());
                    }

                    @Override
                    public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken t) {}

                    @Override
                    public void connectComplete(boolean reconnect, String uri) {}

                    @Override
                    public void authPacketArrived(int c, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {}
                });
                device.connect(new MqttConnectionOptions());
                try {
                    device.subscribe(Topics.model("site-m", "dev-m"), 1);
                    device.subscribe(Topics.modelChunk("site-m", "dev-m"), 1);
                    byte[] m = manifests.poll(20, TimeUnit.SECONDS);
                    assertThat(m).as("manifest within the distributor's round").isNotNull();
                    ModelManifest manifest =
                            json.readValue(m, ModelManifest.class).requireConsistent();
                    assertThat(manifest.version()).isEqualTo("5-app");

                    device.publish(
                            Topics.modelRequest("site-m", "dev-m"),
                            json.writeValueAsBytes(new ModelRequest("4-old", 0)),
                            1,
                            false);
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    for (int i = 0; i < manifest.chunks(); i++) {
                        device.publish(
                                Topics.modelRequest("site-m", "dev-m"),
                                json.writeValueAsBytes(new ModelRequest("5-app", i)),
                                1,
                                false);
                        byte[] c = chunks.poll(10, TimeUnit.SECONDS);
                        assertThat(c).as("chunk %d", i).isNotNull();
                        got.write(manifest.verifyChunk(json.readValue(c, ModelChunk.class)));
                    }
                    assertThat(manifest.matchesFile(got.toByteArray())).isTrue();
                    assertThat(chunks.poll(300, TimeUnit.MILLISECONDS)).isNull();
                } finally {
                    device.disconnect();
                    device.close();
                }
                HttpResponse<String> metrics = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(app.httpUrl() + "/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(metrics.body())
                        .contains("voc_model_chunks_served_total 4.0")
                        .contains("voc_model_requests_refused_total{reason=\"wrong_version\"} 1.0");
            }
        }
    }
}
