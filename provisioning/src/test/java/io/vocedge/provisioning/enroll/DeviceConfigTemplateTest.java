package io.vocedge.provisioning.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vocedge.protocol.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The generated device.yaml must be one the device agent accepts. Provisioning cannot depend on the device module, so
 * the key names below are COPIED from the device agent's strict readers ({@code DeviceConfig.read} and the section
 * records it calls; every key snake_case, unknown keys refused, durations with a unit). If the device changes its
 * keys, change them here too. The real proof is {@code ProvisionedDeviceIT} (system-tests), which loads this template's
 * output with the agent's own {@code DeviceConfig.load}.
 */
class DeviceConfigTemplateTest {
    /** Top-level sections the device agent reads (DeviceConfig + its stage sections). */
    static final Set<String> DEVICE_SECTIONS = Set.of(
            "device", "data_dir", "broker", "outbox", "sync", "telemetry", "audio", "asr", "insights", "hardware");
    // The agent also reads an optional commands: section (max_age, max_remembered); the template leaves it at defaults.
    static final Set<String> DEVICE_KEYS = Set.of("id", "site");
    static final Set<String> BROKER_KEYS = Set.of("url", "ca_file", "cert_file", "key_file");
    static final Set<String> OUTBOX_KEYS =
            Set.of("max_bytes", "power_loss_safe", "queue_capacity", "accept_timeout", "max_records_per_commit");
    static final Set<String> SYNC_KEYS = Set.of(
            "max_records_per_batch",
            "max_batch_bytes",
            "max_in_flight_batches",
            "ack_timeout",
            "reconnect_initial",
            "reconnect_max",
            "session_expiry",
            "keep_alive",
            "linger");
    static final Set<String> SYNC_DURATIONS =
            Set.of("ack_timeout", "reconnect_initial", "reconnect_max", "session_expiry", "keep_alive", "linger");
    static final Set<String> ASR_KEYS = Set.of(
            "model",
            "lang",
            "speaker_model",
            "enrolment",
            "pending_dir",
            "pending_max_bytes",
            "pending_max_seconds",
            "native_lib_dir",
            "silence_gap_seconds",
            "max_conversation_seconds",
            "staff_threshold",
            "customer_threshold",
            "keyword_boost",
            "keywords");

    @Test
    void generatedConfigUsesExactlyTheDeviceAgentsKeysAndValueForms() throws Exception {
        DeviceSettings s = new DeviceSettings(
                "dev-store-berlin-0a1b2c3d",
                "store-berlin",
                "desk 1",
                "ssl://gw.example:8883",
                "/etc/voc",
                "/var/lib/voc",
                "/opt/voc/model",
                "/opt/voc/lib",
                "zh");
        JsonNode root = new ObjectMapper(new YAMLFactory())
                .readTree(DeviceConfigTemplate.render(s, Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(names(root)).isEqualTo(new TreeSet<>(DEVICE_SECTIONS));
        assertThat(names(root.get("device"))).isEqualTo(new TreeSet<>(DEVICE_KEYS));
        assertThat(root.at("/device/id").asText())
                .isEqualTo("dev-store-berlin-0a1b2c3d")
                .satisfies(id -> assertThat(Ids.isValid(id)).isTrue());
        assertThat(root.at("/device/site").asText()).isEqualTo("store-berlin");
        assertThat(root.get("data_dir").asText()).isEqualTo("/var/lib/voc");

        assertThat(BROKER_KEYS).containsAll(names(root.get("broker")));
        // DeviceConfig's own URL check, and mutual TLS needs all three files.
        assertThat(root.at("/broker/url").asText())
                .matches("(tcp|ssl)://[^/\\s]+:\\d{1,5}")
                .startsWith("ssl://");
        assertThat(root.at("/broker/ca_file").asText()).isEqualTo("/etc/voc/ca.pem");
        assertThat(root.at("/broker/cert_file").asText()).isEqualTo("/etc/voc/device.pem");
        assertThat(root.at("/broker/key_file").asText()).isEqualTo("/etc/voc/device.key");

        assertThat(OUTBOX_KEYS).containsAll(names(root.get("outbox")));
        assertThat(root.at("/outbox/max_bytes").asLong()).isGreaterThanOrEqualTo(65536);
        assertThat(root.at("/outbox/power_loss_safe").isBoolean()).isTrue();

        assertThat(SYNC_KEYS).containsAll(names(root.get("sync")));
        assertThat(root.at("/sync/max_records_per_batch").asInt()).isBetween(1, 500);
        assertThat(root.at("/sync/max_batch_bytes").asInt()).isBetween(4096, 256 * 1024 - 1024);
        assertThat(root.at("/sync/max_in_flight_batches").asInt()).isBetween(1, 64);
        for (String k : SYNC_DURATIONS) {
            JsonNode v = root.get("sync").get(k);
            if (v != null) {
                // common ConfigNode.duration: text with a unit (500ms, 15s, 2m); a bare number is refused
                assertThat(v.isTextual()).as(k + " is written with its unit").isTrue();
                assertThat(v.asText()).as(k).matches("\\d+(ms|s|m|h|d)");
            }
        }
        assertThat(root.at("/telemetry/interval_s").asLong()).isPositive();

        assertThat(ASR_KEYS).containsAll(names(root.get("asr")));
        assertThat(root.at("/asr/model").asText()).isEqualTo("/opt/voc/model");
        assertThat(root.at("/asr/lang").asText()).isEqualTo("zh");
        assertThat(root.at("/asr/native_lib_dir").asText()).isEqualTo("/opt/voc/lib");
        assertThat(root.at("/asr/pending_dir").asText()).isEqualTo("/var/lib/voc/pending-audio");
        for (String section : List.of("audio", "insights", "hardware")) {
            assertThat(root.get(section).isObject()).as(section).isTrue();
        }
    }

    @Test
    void theMicPresetFillsTheAudioSection() throws Exception {
        DeviceSettings s = new DeviceSettings(
                "dev-store-berlin-0a1b2c3d",
                "store-berlin",
                "desk 1",
                "ssl://gw.example:8883",
                "/etc/voc",
                "/var/lib/voc",
                "/opt/voc/model",
                "/opt/voc/lib",
                "en",
                MicPreset.RESPEAKER_USB_4MIC,
                null);
        JsonNode audio = new ObjectMapper(new YAMLFactory())
                .readTree(DeviceConfigTemplate.render(s, Instant.EPOCH))
                .get("audio");
        assertThat(audio.get("device").asText()).isEqualTo("ReSpeaker 4 Mic Array");
        assertThat(audio.get("channels").asInt()).isEqualTo(6);
        assertThat(audio.get("combine").asText()).isEqualTo("channel");
        assertThat(audio.get("channel_index").asInt()).isZero();
        DeviceSettings hat = new DeviceSettings(
                "dev-store-berlin-0a1b2c3d",
                "store-berlin",
                "desk 1",
                "ssl://gw.example:8883",
                "/etc/voc",
                "/var/lib/voc",
                "/opt/voc/model",
                "/opt/voc/lib",
                "en",
                MicPreset.RESPEAKER_4MIC_HAT,
                null);
        JsonNode hw = new ObjectMapper(new YAMLFactory())
                .readTree(DeviceConfigTemplate.render(hat, Instant.EPOCH))
                .get("hardware");
        assertThat(hw.at("/ring/leds").asInt()).isEqualTo(12);
        assertThat(hw.at("/ring/power_pin").asInt()).isEqualTo(5);

        DeviceSettings bt = new DeviceSettings(
                "dev-store-berlin-0a1b2c3d",
                "store-berlin",
                "desk 1",
                "ssl://gw.example:8883",
                "/etc/voc",
                "/var/lib/voc",
                "/opt/voc/model",
                "/opt/voc/lib",
                "en",
                MicPreset.BT_HEADSET,
                "Jabra Evolve");
        audio = new ObjectMapper(new YAMLFactory())
                .readTree(DeviceConfigTemplate.render(bt, Instant.EPOCH))
                .get("audio");
        assertThat(audio.get("device").asText()).isEqualTo("Jabra Evolve");
        assertThat(audio.get("channels").asInt()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MicPreset.parse("respeaker"))
                .hasMessageContaining("respeaker-2mic-hat");
    }

    private static TreeSet<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return new TreeSet<>(out);
    }
}
