package io.vocedge.gateway.forward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.cli.GatewayMain;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.StatusUpdate;
import io.vocedge.gateway.store.StoreTransaction;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code voc-gateway forward status|replay} on a real SQLite store, replaying to a real signed HTTP receiver. */
class ForwardCommandIT {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cli = GatewayMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path config(String url) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path f = dir.resolve("gateway.yaml");
        Files.writeString(
                f,
                "gateway_id: gw-cli\ndata_dir: " + data + "\nforward:\n  batch_max_events: 3\n  http:\n    url: \""
                        + url + "\"\n    secret: \"" + HttpForwardIT.SECRET
                        + "\"\n    retry_min: 10ms\n    retry_max: 50ms\n    timeout: 5s\n");
        return f;
    }

    /** Two devices' records (utterances, one conversation summary each) and a status; returns the utterance ids. */
    private static Set<String> fill(JdbcVocStore store) throws Exception {
        ForwardOutbox outbox = new ForwardOutbox(store.dialect(), "gw-cli", true, Clock.systemUTC(), () -> {});
        store.addParticipant(new OutboxParticipant(outbox, () -> {}));
        Set<String> utterances = new HashSet<>();
        for (String d : List.of("dev-a", "dev-b")) {
            StoreTransaction tx = new StoreTransaction();
            for (long seq = 1; seq <= 5; seq++) {
                tx.add(ForwardOutboxIT.record(d, seq, seq == 5 ? "conversation" : "utterance"));
                if (seq < 5) {
                    utterances.add(ForwardEvent.recordEventId(d, seq));
                }
            }
            tx.add(new StatusUpdate(
                    d, "s1", true, "1.0", 0L, Instant.now(), "{\"schema\":\"voc.status/1\",\"d\":\"" + d + "\"}"));
            store.commit(tx);
        }
        return utterances;
    }

    @Test
    void statusShowsLagPerSinkAndReplayRepublishesTheRangeWithTheOriginalIds() throws Exception {
        try (SignedReceiver r = new SignedReceiver(HttpForwardIT.SECRET)) {
            Path cfgFile = config(r.url("/voc"));
            GatewayConfig cfg = GatewayConfig.load(cfgFile, null);
            Set<String> utterances;
            long pendingBytes = 0;
            try (JdbcVocStore store = JdbcVocStore.open(cfg.store(), "gw-cli")) {
                utterances = fill(store);
                OutboxStore os = new OutboxStore(store.dataSource(), store.dialect());
                os.ensureCursors("http");
                try (OutboxStore.Claim c = os.claim("http", 1, 100, 1 << 20)) { // dev-a forwarded, dev-b pending
                    assertThat(c.rows())
                            .allMatch(row -> row.deviceKey().equals("dev-a"))
                            .hasSize(6);
                    c.markSent(Instant.now());
                }
                for (OutboxRow row : os.range(Instant.EPOCH, Instant.now().plusSeconds(5), null, null, 0, 100)) {
                    pendingBytes += row.deviceKey().equals("dev-b") ? row.bytes() : 0;
                }
            }

            Run status = run("forward", "status", "--config", cfgFile.toString(), "--json");
            assertThat(status.code()).as(status.err()).isZero();
            JsonNode doc = new ObjectMapper().readTree(status.out());
            assertThat(doc.path("outbox").path("events").asLong()).isEqualTo(12);
            assertThat(doc.path("outbox").path("device_keys").asLong()).isEqualTo(2);
            JsonNode http = doc.path("sinks").get(0);
            assertThat(http.path("sink").asText()).isEqualTo("http");
            assertThat(http.path("configured").asBoolean()).isTrue();
            assertThat(http.path("pending_events").asLong()).isEqualTo(6);
            assertThat(http.path("pending_bytes").asLong())
                    .isEqualTo(pendingBytes)
                    .isPositive();
            assertThat(http.path("oldest_unforwarded_at").isTextual()).isTrue();
            assertThat(http.path("last_published_at").isTextual()).isTrue();
            Run text =
                    run("forward", "status", "--data-dir", dir.resolve("data").toString());
            assertThat(text.code()).isZero();
            // Without the config the defaults have no sink, but the store remembers the one that published.
            assertThat(text.out()).contains("forwarding is off").containsPattern("http +no +6 ");

            Run replay =
                    run("forward", "replay", "--config", cfgFile.toString(), "--since", "1h", "--kind", "utterance");
            assertThat(replay.code()).as(replay.err()).isZero();
            assertThat(replay.out()).contains("http: replayed 8 event(s) in 3 batch(es)");
            assertThat(r.events.keySet()).isEqualTo(utterances);
            assertThat(r.badSignatures.get()).isZero();
            assertThat(r.events.values()).allMatch(e -> e.kind().equals("utterance"));
            r.orderPerDevice.values().forEach(seqs -> assertThat(seqs).containsExactly(1L, 2L, 3L, 4L));

            Run again = run(
                    "forward",
                    "replay",
                    "--config",
                    cfgFile.toString(),
                    "--since",
                    "2026-01-01T00:00:00Z",
                    "--json",
                    "--sink",
                    "http");
            assertThat(again.code()).as(again.err()).isZero();
            JsonNode result = new ObjectMapper().readTree(again.out());
            assertThat(result.path("ok").asBoolean()).isTrue();
            assertThat(result.path("sinks").get(0).path("events").asLong()).isEqualTo(12);
            assertThat(r.duplicates.get()).isEqualTo(8); // the utterances again, by their original ids
            assertThat(r.events).hasSize(12);

            Run empty = run(
                    "forward",
                    "replay",
                    "--config",
                    cfgFile.toString(),
                    "--since",
                    "2026-01-01T00:00:00Z",
                    "--until",
                    "2026-01-02T00:00:00Z");
            assertThat(empty.code()).isZero();
            assertThat(empty.out()).contains("http: replayed 0 event(s)");

            r.mode = SignedReceiver.Mode.DOWN_503;
            Run down = run("forward", "replay", "--config", cfgFile.toString(), "--since", "1h", "--kind", "status");
            assertThat(down.code()).isEqualTo(1);
            assertThat(down.out()).contains("STOPPED: IOException: HTTP 503 from 127.0.0.1");
            assertThat(down.err()).contains("replay incomplete").doesNotContain(HttpForwardIT.SECRET);
        }
    }

    @Test
    void badTimesKindsAndSinksAreExit2() throws Exception {
        Path cfgFile = config("http://127.0.0.1:9/voc");
        try (JdbcVocStore store =
                JdbcVocStore.open(GatewayConfig.load(cfgFile, null).store(), "gw-cli")) {
            fill(store);
        }
        String c = cfgFile.toString();
        Run badTime = run("forward", "replay", "--config", c, "--since", "yesterday");
        assertThat(badTime.code()).isEqualTo(2);
        assertThat(badTime.err()).contains("--since 'yesterday' is neither a time");
        Run badUntil = run("forward", "replay", "--config", c, "--since", "1h", "--until", "2026-13-01T00:00:00Z");
        assertThat(badUntil.code()).isEqualTo(2);
        assertThat(badUntil.err()).contains("--until '2026-13-01T00:00:00Z' is neither a time");
        Run backwards = run("forward", "replay", "--config", c, "--since", "1h", "--until", "2h");
        assertThat(backwards.code()).isEqualTo(2);
        assertThat(backwards.err()).contains("must be after --since");
        Run badKind = run("forward", "replay", "--config", c, "--since", "1h", "--kind", "utterances\u001b[2J");
        assertThat(badKind.code()).isEqualTo(2);
        assertThat(badKind.err())
                .contains(
                        "is not a forwarded kind: one of utterance, conversation, telemetry, status," + " alert, case")
                .doesNotContain("\u001b");
        Run badSink = run("forward", "replay", "--config", c, "--since", "1h", "--sink", "ftp");
        assertThat(badSink.code()).isEqualTo(2);
        Run notConfigured = run("forward", "replay", "--config", c, "--since", "1h", "--sink", "kafka");
        assertThat(notConfigured.code()).isEqualTo(2);
        assertThat(notConfigured.err()).contains("sink kafka is not configured in " + c);
        Run noSink = run("forward", "replay", "--data-dir", dir.resolve("data").toString(), "--since", "1h");
        assertThat(noSink.code()).isEqualTo(2);
        assertThat(noSink.err()).contains("no sink is configured in the embedded defaults");
        Run noSince = run("forward", "replay", "--config", c);
        assertThat(noSince.code()).isEqualTo(2);
        Run json = run("forward", "replay", "--config", c, "--since", "soon", "--json");
        assertThat(json.code()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(json.out()).path("exit_code").asInt())
                .isEqualTo(2);
        Path missing = dir.resolve("no-such-dir");
        Run noStore = run("forward", "status", "--data-dir", missing.toString());
        assertThat(noStore.code()).isEqualTo(2);
        assertThat(Files.exists(missing)).isFalse(); // read-only: nothing created
    }
}
