package io.vocedge.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.gateway.ingest.IngestMessage;
import io.vocedge.gateway.ingest.MqttPort;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.TestStores;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.ModelManifest;
import io.vocedge.protocol.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest round: retained on each registered device's down/model, once per publication, never to the revoked. */
class ModelDistributorTest {
    @TempDir
    Path dir;

    record Sent(String topic, byte[] payload, boolean retained) {}

    static final class RecordingPort implements MqttPort {
        final List<Sent> sent = new ArrayList<>();
        volatile boolean connected = true;

        @Override
        public synchronized boolean publish(String topic, byte[] payload, boolean retained) {
            if (!connected) {
                return false;
            }
            sent.add(new Sent(topic, payload, retained));
            return true;
        }

        @Override
        public void complete(IngestMessage message) {}

        @Override
        public boolean isConnected() {
            return connected;
        }
    }

    @Test
    void eachDeviceGetsItsDesiredManifestRetainedOnceAndRevokedDevicesNothing() throws Exception {
        try (JdbcVocStore store = TestStores.open("sqlite", dir, null, 1)) {
            store.register(ModelFiles.device("dev-a", "s1"));
            store.register(ModelFiles.device("dev-b", "s2"));
            store.register(ModelFiles.device("dev-r", "s1"));
            store.revoke("dev-r");
            ModelPublications pubs = new ModelPublications(store.dataSource(), store.dialect());
            RecordingPort port = new RecordingPort();
            var json = Json.newMapper();
            try (ModelDistributor d = new ModelDistributor(
                    pubs,
                    () -> {
                        try {
                            return store.devices();
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    port,
                    json)) {
                assertThat(d.round()).as("nothing published").isZero();

                byte[] v1 = ModelFiles.model("1-aaaa");
                pubs.publish(v1, "v1.vocim", ModelPublications.ALL_SITES, "ops");
                assertThat(d.round()).isEqualTo(2);
                assertThat(port.sent)
                        .extracting(Sent::topic)
                        .containsExactlyInAnyOrder(Topics.model("s1", "dev-a"), Topics.model("s2", "dev-b"));
                assertThat(port.sent).allMatch(Sent::retained);
                ModelManifest m = json.readValue(port.sent.get(0).payload(), ModelManifest.class);
                assertThat(m.version()).isEqualTo("1-aaaa");
                assertThat(m.requireConsistent().chunks()).isEqualTo(3);
                assertThat(m.matchesFile(v1)).isTrue();
                assertThat(json.readTree(port.sent.get(0).payload())
                                .get("schema")
                                .asText())
                        .isEqualTo("voc.model/1");
                assertThat(new String(port.sent.get(0).payload(), java.nio.charset.StandardCharsets.UTF_8))
                        .as("a manifest, never the bytes")
                        .hasSizeLessThan(2000);

                assertThat(d.round()).as("unchanged: nothing sent again").isZero();

                // A newer publication for s1 only: only dev-a gets it.
                pubs.publish(ModelFiles.model("2-bbbb"), "v2.vocim", "s1", "ops");
                port.sent.clear();
                assertThat(d.round()).isEqualTo(1);
                assertThat(port.sent).extracting(Sent::topic).containsExactly(Topics.model("s1", "dev-a"));

                // Disconnected: nothing, and the device is sent again once connected.
                pubs.publish(ModelFiles.model("3-cccc"), "v3.vocim", "s2", "ops");
                port.connected = false;
                assertThat(d.round()).isZero();
                port.connected = true;
                port.sent.clear();
                assertThat(d.round()).isEqualTo(1);
                assertThat(port.sent).extracting(Sent::topic).containsExactly(Topics.model("s2", "dev-b"));
                assertThat(port.sent).noneMatch(s -> s.topic().contains("dev-r"));
            }
        }
    }
}
