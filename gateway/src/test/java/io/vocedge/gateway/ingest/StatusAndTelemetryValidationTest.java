package io.vocedge.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.registry.DeviceRegistry;
import io.vocedge.gateway.store.DeviceEntry;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.StoreSettings;
import io.vocedge.protocol.Ack;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.SchemaValidator;
import io.vocedge.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status and telemetry validated at the gateway (issue 11), on a real SQLite store with the real worker: every bad
 * message is dead-lettered with its reason and never touches the registry, and the good ones in the same
 * transaction still go through.
 */
class StatusAndTelemetryValidationTest {
    @TempDir
    Path dir;

    private final ObjectMapper json = Json.newMapper();
    private final List<String[]> published = new ArrayList<>();

    private final MqttPort mqtt = new MqttPort() {
        @Override
        public boolean publish(String topic, byte[] payload, boolean retained) {
            published.add(new String[] {topic, new String(payload, StandardCharsets.UTF_8)});
            return true;
        }

        @Override
        public void complete(IngestMessage message) {}

        @Override
        public boolean isConnected() {
            return true;
        }
    };

    private static IngestMessage msg(String topic, String payload) {
        return IngestMessage.arrived(topic, payload.getBytes(StandardCharsets.UTF_8), 1, 1, Instant.now());
    }

    private static String status(String device, String site, String state, String version) {
        return "{\"schema\":\"voc.status/1\",\"device_id\":\"" + device + "\""
                + (site == null ? "" : ",\"site\":\"" + site + "\"")
                + ",\"state\":\"" + state
                + "\",\"at\":\"2026-05-01T10:00:00Z\",\"clock_synced\":true,\"software_version\":\"" + version
                + "\",\"details\":{\"outbox_depth\":7}}";
    }

    @Test
    void badStatusesAreDeadLetteredWithTheirReasonAndNeverTouchTheRegistry() throws Exception {
        StoreSettings settings = GatewayConfig.defaults(dir).store();
        try (JdbcVocStore store = JdbcVocStore.open(settings, "gw-test")) {
            Instant now = Instant.now();
            store.register(new DeviceEntry(
                    "dev-a", "s1", "a", null, DeviceEntry.REGISTERED, now, null, null, false, null, null));
            store.register(new DeviceEntry(
                    "dev-r", "s1", "r", null, DeviceEntry.REGISTERED, now, null, null, false, null, null));
            store.revoke("dev-r");
            DeviceRegistry registry = new DeviceRegistry(store, false);
            registry.refresh();
            SchemaValidator schemas = new SchemaValidator();
            IngestWorker worker = new IngestWorker(
                    16,
                    64,
                    1024 * 1024,
                    new BatchValidator(json, schemas, registry),
                    schemas,
                    registry,
                    store,
                    mqtt,
                    json,
                    new IngestMetrics(new SimpleMeterRegistry()),
                    point -> {});

            worker.process(List.of(
                    msg(Topics.status("s1", "dev-a"), status("dev-a", "s1", "maybe", "9.9.9")), // schema
                    msg(Topics.status("s1", "dev-a"), status("dev-b", "s1", "online", "9.9.9")), // another device
                    msg(Topics.status("s1", "dev-a"), status("dev-a", "s2", "online", "9.9.9")), // another site
                    msg(Topics.status("s2", "dev-a"), status("dev-a", null, "online", "9.9.9")), // registered elsewhere
                    msg(Topics.status("s1", "dev-r"), status("dev-r", "s1", "online", "9.9.9")), // revoked
                    msg(Topics.status("s1", "dev-a"), "{\"schema\":\"voc.status/1\",\"secret\":\"hunter2"), // not JSON
                    msg(Topics.status("s1", "dev-a"), status("dev-a", "s1", "online", "1.2.3")))); // good, last

            DeviceEntry a = store.device("dev-a").orElseThrow();
            assertThat(a.online()).isTrue();
            assertThat(a.softwareVersion()).as("only the good status applied").isEqualTo("1.2.3");
            assertThat(a.outboxDepth()).isEqualTo(7L);
            DeviceEntry r = store.device("dev-r").orElseThrow();
            assertThat(r.online()).isFalse();
            assertThat(r.softwareVersion()).isNull();

            List<String> reasons = deadLetterReasons(settings.sqliteFile());
            assertThat(reasons).hasSize(6);
            assertThat(reasons)
                    .anySatisfy(
                            x -> assertThat(x).startsWith("schema violations").contains("state"))
                    .anySatisfy(x -> assertThat(x).contains("names device 'dev-b'"))
                    .anySatisfy(x -> assertThat(x).contains("names site 's2'"))
                    .anySatisfy(x -> assertThat(x).contains("registered at site 's1', not 's2'"))
                    .anySatisfy(x -> assertThat(x).contains("'dev-r' is revoked"))
                    .anySatisfy(
                            x -> assertThat(x).startsWith("unreadable status").doesNotContain("hunter2"));
        }
    }

    @Test
    void invalidTelemetryIsDeadLetteredAndRejectedWhileItsBatchMatesAreStored() throws Exception {
        StoreSettings settings = GatewayConfig.defaults(dir).store();
        try (JdbcVocStore store = JdbcVocStore.open(settings, "gw-test")) {
            DeviceRegistry registry = new DeviceRegistry(store, false);
            SchemaValidator schemas = new SchemaValidator();
            IngestWorker worker = new IngestWorker(
                    16,
                    64,
                    1024 * 1024,
                    new BatchValidator(json, schemas, registry),
                    schemas,
                    registry,
                    store,
                    mqtt,
                    json,
                    new IngestMetrics(new SimpleMeterRegistry()),
                    point -> {});
            String time =
                    "\"time\":{\"wall\":\"2026-05-01T10:00:00Z\",\"synced\":true,\"boot_id\":\"b\",\"mono_ms\":5}";
            String good = "{\"schema\":\"voc.telemetry/1\",\"device_id\":\"dev-t\",\"seq\":1," + time
                    + ",\"metrics\":{\"load_1m\":0.5}}";
            String bad = "{\"schema\":\"voc.telemetry/1\",\"device_id\":\"dev-t\",\"seq\":2," + time
                    + ",\"metrics\":{\"load_1m\":\"\\u001b[2J\"}}";
            String batch = "{\"schema\":\"voc.batch/1\",\"device_id\":\"dev-t\",\"site\":\"s1\",\"batch_id\":\"b1\","
                    + "\"sent_at\":\"2026-05-01T10:00:01Z\",\"boot_id\":\"b\",\"sent_mono_ms\":10,\"records\":[" + good
                    + "," + bad + "]}";
            worker.process(List.of(msg(Topics.records("s1", "dev-t"), batch)));

            assertThat(deadLetterReasons(settings.sqliteFile()))
                    .singleElement()
                    .asString()
                    .startsWith("schema violations")
                    .contains("metrics");
            Ack ack = json.readValue(published.get(0)[1], Ack.class);
            assertThat(ack.stored()).containsExactly(new Ack.SeqRange(1, 1));
            assertThat(ack.rejected()).extracting(Ack.Rejected::seq).containsExactly(2L);
        }
    }

    private static List<String> deadLetterReasons(Path db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery("SELECT reason FROM dead_letters ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
