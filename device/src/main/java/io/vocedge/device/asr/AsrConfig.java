package io.vocedge.device.asr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vocedge.device.conversation.XVectorRoleClassifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code asr:} section of the device configuration. Validated once in the constructor; every problem is
 * listed in one exception. Model presence is NOT a config error: a missing or broken model is reported in
 * status at run time while audio keeps buffering.
 *
 * <pre>
 * asr:
 *   model: /opt/voc/models/vosk-model-small-en-us-0.15   # required
 *   lang: en                                              # en or zh (any BCP-47 tag is accepted)
 *   speakerModel: /opt/voc/models/vosk-model-spk-0.4      # optional; without it the level heuristic is used
 *   enrolment: /var/lib/voc/staff-voice.json              # optional; needed with speakerModel
 *   pendingDir: /var/lib/voc/pending-audio
 *   pendingMaxBytes: 268435456                            # 256 MiB ~ 2.3 h of 16 kHz audio
 *   pendingMaxSeconds: 7200
 *   nativeLibDir: /opt/voc/lib                            # libvosk.so on aarch64/armv7
 *   silenceGapSeconds: 20
 *   maxConversationSeconds: 1800
 *   staffThreshold: 0.55
 *   customerThreshold: 0.30
 *   keywordBoost: false
 *   keywords: [refund, price, queue]
 * </pre>
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record AsrConfig(
        Path model,
        String lang,
        @com.fasterxml.jackson.annotation.JsonAlias("speaker_model") Path speakerModel,
        Path enrolment,
        @com.fasterxml.jackson.annotation.JsonAlias("pending_dir") Path pendingDir,
        @com.fasterxml.jackson.annotation.JsonAlias("pending_max_bytes") Long pendingMaxBytes,
        @com.fasterxml.jackson.annotation.JsonAlias("pending_max_seconds") Long pendingMaxSeconds,
        @com.fasterxml.jackson.annotation.JsonAlias("native_lib_dir") Path nativeLibDir,
        @com.fasterxml.jackson.annotation.JsonAlias("silence_gap_seconds") Long silenceGapSeconds,
        @com.fasterxml.jackson.annotation.JsonAlias("max_conversation_seconds") Long maxConversationSeconds,
        @com.fasterxml.jackson.annotation.JsonAlias("staff_threshold") Double staffThreshold,
        @com.fasterxml.jackson.annotation.JsonAlias("customer_threshold") Double customerThreshold,
        @com.fasterxml.jackson.annotation.JsonAlias("keyword_boost") Boolean keywordBoost,
        List<String> keywords) {
    public static final Path DEFAULT_NATIVE_LIB_DIR = Path.of("/opt/voc/lib");
    private static final Set<String> KNOWN_LANGS = Set.of("en", "zh");

    public AsrConfig {
        lang = lang == null ? "en" : lang;
        pendingDir = pendingDir == null ? Path.of("/var/lib/voc/pending-audio") : pendingDir;
        pendingMaxBytes = pendingMaxBytes == null ? 256L * 1024 * 1024 : pendingMaxBytes;
        pendingMaxSeconds = pendingMaxSeconds == null ? 7200L : pendingMaxSeconds;
        nativeLibDir = nativeLibDir == null ? DEFAULT_NATIVE_LIB_DIR : nativeLibDir;
        silenceGapSeconds = silenceGapSeconds == null ? 20L : silenceGapSeconds;
        maxConversationSeconds = maxConversationSeconds == null ? 1800L : maxConversationSeconds;
        staffThreshold = staffThreshold == null ? XVectorRoleClassifier.DEFAULT_STAFF_THRESHOLD : staffThreshold;
        customerThreshold = customerThreshold == null ? XVectorRoleClassifier.DEFAULT_CUSTOMER_THRESHOLD : customerThreshold;
        keywordBoost = keywordBoost != null && keywordBoost;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);

        List<String> errors = new ArrayList<>();
        if (model == null) {
            errors.add("asr.model is required: the path of an unpacked Vosk model directory");
        }
        if (!KNOWN_LANGS.contains(lang) && !lang.matches("[a-z]{2,3}(-[A-Za-z0-9]+)*")) {
            errors.add("asr.lang '" + lang + "' is not a language tag (use en or zh)");
        }
        if (speakerModel != null && enrolment == null) {
            errors.add("asr.speakerModel is set but asr.enrolment is not: enrol the staff voice with 'voc-device asr enrol' and set asr.enrolment");
        }
        if (pendingMaxBytes < 1024 * 1024) {
            errors.add("asr.pendingMaxBytes " + pendingMaxBytes + " is below 1 MiB");
        }
        if (pendingMaxSeconds < 60) {
            errors.add("asr.pendingMaxSeconds " + pendingMaxSeconds + " is below 60");
        }
        if (silenceGapSeconds < 1) {
            errors.add("asr.silenceGapSeconds must be at least 1");
        }
        if (maxConversationSeconds <= silenceGapSeconds) {
            errors.add("asr.maxConversationSeconds (" + maxConversationSeconds + ") must exceed asr.silenceGapSeconds (" + silenceGapSeconds + ")");
        }
        if (staffThreshold > 1 || customerThreshold < -1 || customerThreshold > staffThreshold) {
            errors.add("asr thresholds need -1 <= customerThreshold <= staffThreshold <= 1, got " + customerThreshold + " / " + staffThreshold);
        }
        if (keywordBoost && keywords.isEmpty()) {
            errors.add("asr.keywordBoost is on but asr.keywords is empty");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid asr configuration:\n  - " + String.join("\n  - ", errors));
        }
    }

    /** A minimal configuration for a model directory and a pending-audio directory, everything else default. */
    public static AsrConfig of(Path model, Path pendingDir) {
        return new AsrConfig(model, null, null, null, pendingDir, null, null, null, null, null, null, null, null, null);
    }

    /** Reads the {@code asr:} section of a YAML file; other sections are ignored, unknown keys inside it are errors. */
    public static AsrConfig fromYaml(Path file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JsonNode root = yaml.readTree(file.toFile());
        JsonNode asr = root == null ? null : root.get("asr");
        if (asr == null || asr.isNull()) {
            throw new IllegalArgumentException("no 'asr:' section in " + file);
        }
        try {
            return yaml.treeToValue(asr, AsrConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("unknown key asr." + e.getPropertyName() + " in " + file, e);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            throw new IllegalArgumentException(e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage(), e);
        }
    }

    /**
     * The {@code asr:} section of the device config; the pending-audio queue defaults to
     * {@code <data_dir>/pending-audio}. A missing section is an error that says what to add.
     */
    public static AsrConfig from(JsonNode asr, Path dataDir) {
        if (asr == null || asr.isMissingNode() || asr.isNull() || asr.isEmpty()) {
            throw new IllegalArgumentException("the config has no asr: section; add 'asr: {model: /opt/voc/models/<model dir>}' "
                    + "(install a model with 'voc-provision model install')");
        }
        com.fasterxml.jackson.databind.node.ObjectNode node = ((com.fasterxml.jackson.databind.node.ObjectNode) asr).deepCopy();
        if (!node.has("pendingDir") && !node.has("pending_dir")) {
            node.put("pendingDir", dataDir.resolve("pending-audio").toString());
        }
        ObjectMapper m = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return m.treeToValue(node, AsrConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("unknown key asr." + e.getPropertyName(), e);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            throw new IllegalArgumentException(e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("asr section: " + e.getOriginalMessage(), e);
        }
    }

    public long silenceGapMs() {
        return silenceGapSeconds * 1000;
    }

    public long maxConversationMs() {
        return maxConversationSeconds * 1000;
    }
}
