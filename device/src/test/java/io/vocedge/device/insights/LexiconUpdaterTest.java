package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.LexiconUpdate;
import io.vocedge.protocol.Limits;
import io.vocedge.protocol.SchemaValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lexicon updates as the gateway sends them, and as an attacker with publish rights would try them. */
class LexiconUpdaterTest {
    private static final String SECRET = "hunter2-SECRET-7f3a";

    @TempDir
    Path dir;

    private final ObjectMapper json = Json.newMapper();
    private final InsightEngine engine = new InsightEngine(new Redactor(), Lexicon.loadDefault());
    private final AtomicInteger changes = new AtomicInteger();
    private LexiconUpdater updater;

    @org.junit.jupiter.api.BeforeEach
    void setUp() {
        updater = new LexiconUpdater(dir, engine, json, new SchemaValidator(), changes::incrementAndGet);
    }

    private static String lexicon(String version) {
        return "version: \"" + version + "\"\ntopics:\n  delivery: {en: [shipment]}\n  ev_charging: {en: [wallbox]}\n";
    }

    private byte[] message(LexiconUpdate u) throws Exception {
        return json.writeValueAsBytes(u);
    }

    private byte[] valid(String version) throws Exception {
        return message(LexiconUpdate.of(version, lexicon(version).getBytes(StandardCharsets.UTF_8), Instant.now()));
    }

    @Test
    void aNewerVerifiedLexiconIsAppliedKeptOwnerOnlyAndTheOldOneKeptAsPrevious() throws Exception {
        String before = engine.lexiconVersion();
        updater.onMessage(valid("2099.1.1"), true);
        assertThat(engine.lexiconVersion()).isEqualTo("2099.1.1");
        assertThat(engine.analyze("the wallbox again", "en").topicIds()).contains("ev_charging");
        Path active = dir.resolve("lexicon/active.yaml");
        assertThat(Files.readString(active)).isEqualTo(lexicon("2099.1.1"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(active)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("lexicon"))))
                .isEqualTo("rwx------");

        updater.onMessage(valid("2099.1.2"), true);
        assertThat(engine.lexiconVersion()).isEqualTo("2099.1.2");
        assertThat(Files.readString(dir.resolve("lexicon/previous.yaml"))).isEqualTo(lexicon("2099.1.1"));
        // The same again (a retained copy at every reconnect) is a no-op; an older one is refused.
        updater.onMessage(valid("2099.1.2"), true);
        updater.onMessage(valid("2099.1.1"), true);
        assertThat(engine.lexiconVersion()).isEqualTo("2099.1.2");
        assertThat(updater.status()).containsEntry("lexicon_updates_refused", 1L);
        assertThat(changes).hasValue(3);

        // A restart starts from the distributed lexicon, not the older configured one.
        assertThat(LexiconUpdater.startupLexicon(dir, Lexicon.loadDefault()).version())
                .isEqualTo("2099.1.2");
        assertThat(before).isNotEqualTo("2099.1.2");
    }

    @Test
    void badShaOversizeWrongVersionAndSecretsAreRefusedWithoutEchoingContent() throws Exception {
        String active = engine.lexiconVersion();
        byte[] good = lexicon("2099.2.1").getBytes(StandardCharsets.UTF_8);
        // Wrong digest.
        LexiconUpdate tampered = new LexiconUpdate(
                "2099.2.1",
                LexiconUpdate.sha256("other".getBytes(StandardCharsets.UTF_8)),
                new String(good, StandardCharsets.UTF_8),
                Instant.now());
        updater.onMessage(message(tampered), true);
        assertThat(updater.status().get("lexicon_update_error").toString()).contains("sha256");
        // Oversize content (digest right).
        byte[] big = (lexicon("2099.2.2") + "# " + "x".repeat(Limits.MAX_LEXICON_BYTES) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        updater.onMessage(message(LexiconUpdate.of("2099.2.2", big, Instant.now())), true);
        assertThat(updater.status().get("lexicon_update_error").toString()).containsAnyOf("more than", "voc.lexicon/1");
        // Content claiming another version.
        updater.onMessage(message(LexiconUpdate.of("2099.9.9", good, Instant.now())), true);
        assertThat(updater.status().get("lexicon_update_error").toString()).contains("content is version 2099.2.1");
        // A secret file's content, and broken YAML quoting a secret: refused, the secret in no error.
        for (String secret : new String[] {
            "password: " + SECRET + "\n",
            "DB_PASSWORD=" + SECRET + "\0HOME=/root\0",
            "version: \"2099.3.1\"\ntopics: {" + SECRET + ": [\n",
            "version: \"2099.3.1\"\ntopics:\n  " + SECRET + ": {en: [x]}\n"
        }) {
            updater.onMessage(
                    message(LexiconUpdate.of("2099.3.1", secret.getBytes(StandardCharsets.UTF_8), Instant.now())),
                    true);
            assertThat(updater.status().get("lexicon_update_error").toString())
                    .doesNotContain(SECRET)
                    .doesNotContain("hunter2");
        }
        updater.onMessage(
                "{\"schema\":\"voc.lexicon/1\",\"content\":\"".concat(SECRET).getBytes(StandardCharsets.UTF_8), true);
        assertThat(updater.status().get("lexicon_update_error").toString()).doesNotContain(SECRET);
        assertThat(engine.lexiconVersion()).isEqualTo(active);
        assertThat(Files.exists(dir.resolve("lexicon/active.yaml"))).isFalse();
        assertThat(updater.status()).containsEntry("lexicon_updates_refused", 8L);
    }
}
