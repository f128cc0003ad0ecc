package io.vocedge.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigNodeTest {
    private record Sync(Duration ackTimeout, int batch, boolean safe, long maxBytes) {}

    private static Sync read(ConfigDocument doc) {
        ConfigNode root = doc.root();
        ConfigNode sync = root.section("sync");
        ConfigNode outbox = root.section("outbox");
        root.section("broker").string("url", "tcp://x:1");
        return new Sync(
                sync.duration("ack_timeout", Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofHours(1)),
                sync.integer("max_records_per_batch", 200, 1, 1000),
                outbox.bool("power_loss_safe", true),
                outbox.bytes("max_bytes", 1024, 1024, Long.MAX_VALUE));
    }

    @Test
    void every_problem_is_listed_at_once_with_its_path() throws Exception {
        ConfigDocument doc = ConfigDocument.parse("""
                borker: {url: tcp://a:1}
                sync: {ack_timeout: 15 parsecs, max_records_per_batch: lots, ack_timout: 3s}
                outbox: {power_loss_safe: maybe, max_bytes: 12 furlongs}
                """, "test.yaml");
        read(doc);
        assertThatThrownBy(doc::finish)
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactlyInAnyOrder(
                                        "sync.ack_timeout: expected a duration like 15s, 500ms, 2m or 1h, got \"15 parsecs\"",
                                        "sync.max_records_per_batch: expected a whole number in 1..1000, got \"lots\"",
                                        "outbox.power_loss_safe: expected true or false, got \"maybe\"",
                                        "outbox.max_bytes: expected a size like 268435456, 256MiB or 64KB, got \"12 furlongs\"",
                                        "borker: unknown key (did you mean 'broker'?); known keys: sync, outbox, broker",
                                        "sync.ack_timout: unknown key (did you mean 'ack_timeout'?); known keys: ack_timeout, "
                                                + "max_records_per_batch"));
    }

    @Test
    void valid_values_and_defaults() throws Exception {
        ConfigDocument doc = ConfigDocument.parse("""
                sync: {ack_timeout: 1m30s, max_records_per_batch: 50}
                outbox: {power_loss_safe: false, max_bytes: 256MiB}
                """, "t");
        Sync s = read(doc);
        doc.finish();
        assertThat(s).isEqualTo(new Sync(Duration.ofSeconds(90), 50, false, 256L * 1024 * 1024));
        ConfigDocument empty = ConfigDocument.empty("defaults");
        assertThat(read(empty)).isEqualTo(new Sync(Duration.ofSeconds(15), 200, true, 1024));
        empty.finish();
    }

    @Test
    void a_bare_number_is_not_a_duration_and_the_hint_says_which_unit() throws Exception {
        ConfigDocument doc = ConfigDocument.parse("sync: {ack_timeout: 500}", "t");
        read(doc);
        assertThatThrownBy(doc::finish).hasMessageContaining("sync.ack_timeout").hasMessageContaining("500ms or 500s");
    }

    @Test
    void out_of_range_and_wrong_shapes() throws Exception {
        ConfigDocument doc = ConfigDocument.parse("""
                sync: [1, 2]
                outbox: {max_bytes: 10}
                """, "t");
        read(doc);
        assertThatThrownBy(doc::finish)
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .contains(
                                        "sync: expected a mapping of keys (a section), got a list",
                                        "outbox.max_bytes: expected a size in 1024..9223372036854775807 bytes, got 10"));
    }

    @Test
    void enums_lists_paths_and_required() throws Exception {
        enum Combine {
            AUTO,
            BEST_CHANNEL
        }
        ConfigDocument doc = ConfigDocument.parse("""
                a: {combine: best_channel, kinds: [x, y], dir: /tmp/x, mode: loud, pos: [[0.1, 0], [0, 0.1]]}
                b: {combine: Best}
                channels: [{id: one}, 7]
                rosters: {site-a: {people: [ann]}}
                """, "t");
        ConfigNode a = doc.root().section("a");
        assertThat(a.enumValue("combine", Combine.class, Combine.AUTO)).isEqualTo(Combine.BEST_CHANNEL);
        assertThat(a.stringList("kinds", List.of())).containsExactly("x", "y");
        assertThat(a.path("dir", null)).isEqualTo(Path.of("/tmp/x"));
        assertThat(a.oneOf("mode", "quiet", "quiet", "normal")).isEqualTo("quiet");
        assertThat(a.numberLists("pos", List.of())).containsExactly(List.of(0.1, 0.0), List.of(0.0, 0.1));
        assertThat(a.requiredString("name", "the device's name")).isNull();
        doc.root().section("b").enumValue("combine", Combine.class, Combine.AUTO);
        List<ConfigNode> channels = doc.root().sections("channels");
        assertThat(channels).hasSize(1);
        assertThat(channels.get(0).string("id", null)).isEqualTo("one");
        assertThat(doc.root().namedSections("rosters").get("site-a").stringList("people", List.of()))
                .containsExactly("ann");
        assertThatThrownBy(doc::finish)
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactlyInAnyOrder(
                                        "a.mode: expected one of quiet, normal, got \"loud\"",
                                        "a.name: required: the device's name",
                                        "b.combine: expected one of auto, best_channel, got \"Best\"",
                                        "channels[1]: expected a mapping, got 7"));
    }

    @Test
    void camel_case_keys_point_at_their_snake_case_name() throws Exception {
        ConfigDocument doc = ConfigDocument.parse("asr: {pendingDir: /x}", "t");
        doc.root().section("asr").path("pending_dir", null);
        assertThatThrownBy(doc::finish)
                .hasMessageContaining("asr.pendingDir: unknown key (did you mean 'pending_dir'?)");
    }

    @Test
    void secrets_are_never_echoed_and_long_values_are_cut() throws Exception {
        ConfigDocument doc = ConfigDocument.parse(
                "s: {password: [hunter2], name: {a: 1}, text: \"" + "x".repeat(100) + "\\u001b[2J\"}", "t");
        ConfigNode s = doc.root().section("s");
        s.secret("password", null);
        s.string("name", null);
        s.string("text", null, java.util.regex.Pattern.compile("y+"), "expected only y");
        assertThatThrownBy(doc::finish).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.getMessage())
                    .doesNotContain("hunter2")
                    .doesNotContain("\u001b")
                    .contains("...\"");
            assertThat(e.problems()).contains("s.password: expected text (value not shown: it is a secret)");
        });
    }

    @Test
    void broken_yaml_duplicate_keys_and_missing_files_are_named(@TempDir Path dir) throws Exception {
        Path dup = Files.writeString(dir.resolve("dup.yaml"), "sync: {}\nsync: {}\n");
        assertThatThrownBy(() -> ConfigDocument.load(dup))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("Duplicate field 'sync'");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "password: s3cret\nsync: [unclosed\n");
        assertThatThrownBy(() -> ConfigDocument.load(bad))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> ConfigDocument.load(dir.resolve("nope.yaml"))).hasMessageContaining("no such file");
        Path list = Files.writeString(dir.resolve("list.yaml"), "- a\n- b\n");
        assertThatThrownBy(() -> ConfigDocument.load(list)).hasMessageContaining("not a list");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "# nothing\n");
        assertThatThrownBy(() -> ConfigDocument.load(empty)).hasMessageContaining("empty");
    }

    @Test
    void durations_parse_and_format() {
        assertThat(ConfigNode.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigNode.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(ConfigNode.parseDuration("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(ConfigNode.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(ConfigNode.parseDuration("15")).isNull();
        assertThat(ConfigNode.parseDuration("s15")).isNull();
        assertThat(ConfigNode.parseDuration("15 parsecs")).isNull();
        assertThat(ConfigNode.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(ConfigNode.format(Duration.ofHours(2))).isEqualTo("2h");
    }
}
