package io.vocedge.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.StoreTransaction;
import io.vocedge.gateway.store.StoredRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code voc-gateway records} on a real SQLite store holding device text made to attack a technician's terminal. */
class RecordsCommandTest {
    @TempDir
    Path dir;

    @Test
    void deviceTextWithTerminalEscapesIsPrintedHarmlessly() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Instant t = Instant.parse("2026-05-01T10:00:00Z");
        String evil = "price \u001b[2J\u001b]0;pwned\u0007 ok \u009b31m \u202Eflipped";
        try (JdbcVocStore store = JdbcVocStore.open(GatewayConfig.defaults(data).store(), "gw-test")) {
            StoreTransaction tx = new StoreTransaction();
            tx.add(new StoredRecord("dev-x\u001b[1m", 1, "voc.utterance/1", "utterance", "s1", "c1", "customer", "en", evil,
                    "negative", -0.5, "v1", t, true, "boot", 1, t, t, List.of(new StoredRecord.Topic("price\u001b[5m", null)),
                    "{\"topics\":[{\"id\":\"price\\u001b[5m\"}]}"));
            store.commit(tx);
        }
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = GatewayMain.commandLine().execute("records", "--data-dir", data.toString());
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(out).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b").doesNotContain("\u202E");
        assertThat(out).contains("price ?[2J?]0;pwned? ok ?31m ?flipped").contains("dev-x?[1m").contains("price?[5m");
    }
}
