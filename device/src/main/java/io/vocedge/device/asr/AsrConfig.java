package io.vocedge.device.asr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vocedge.common.config.ConfigDocument;
import io.vocedge.common.config.ConfigException;
import io.vocedge.common.config.ConfigNode;
import io.vocedge.common.config.InvalidValuesException;
import io.vocedge.device.conversation.XVectorRoleClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *   speaker_model: /opt/voc/models/vosk-model-spk-0.4     # optional; without it the level heuristic is used
 *   enrolment: /var/lib/voc/staff-voice.json              # optional; needed with speaker_model
 *   pending_dir: /var/lib/voc/pending-audio               # default: <data_dir>/pending-audio
 *   pending_max_bytes: 268435456                          # 256 MiB ~ 2.3 h of 16 kHz audio
 *   pending_max_seconds: 7200
 *   native_lib_dir: /opt/voc/lib                          # libvosk.so on aarch64/armv7
 *   silence_gap_seconds: 20
 *   max_conversation_seconds: 1800
 *   staff_threshold: 0.55
 *   customer_threshold: 0.30
 *   keyword_boost: false
 *   keywords: [refund, price, queue]
 * </pre>
 */
public record AsrConfig(
        Path model,
        String lang,
        Path speakerModel,
        Path enrolment,
        Path pendingDir,
        Long pendingMaxBytes,
        Long pendingMaxSeconds,
        Path nativeLibDir,
        Long silenceGapSeconds,
        Long maxConversationSeconds,
        Double staffThreshold,
        Double customerThreshold,
        Boolean keywordBoost,
        List<String> keywords) {
    public static final Path DEFAULT_NATIVE_LIB_DIR = Path.of("/opt/voc/lib");
    private static final String REQUIRED_MODEL = "required: the path of an unpacked Vosk model directory (install one "
            + "with 'voc-provision model install --target /opt/voc/model')";
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
        customerThreshold =
                customerThreshold == null ? XVectorRoleClassifier.DEFAULT_CUSTOMER_THRESHOLD : customerThreshold;
        keywordBoost = keywordBoost != null && keywordBoost;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);

        List<String> errors = new ArrayList<>();
        if (model == null) {
            errors.add("asr.model: " + REQUIRED_MODEL);
        }
        if (!KNOWN_LANGS.contains(lang) && !lang.matches("[a-z]{2,3}(-[A-Za-z0-9]+)*")) {
            errors.add("asr.lang '" + lang + "' is not a language tag (use en or zh)");
        }
        if (speakerModel != null && enrolment == null) {
            errors.add(
                    "asr.speaker_model is set but asr.enrolment is not: enrol the staff voice with 'voc-device asr enrol' and set asr.enrolment");
        }
        if (pendingMaxBytes < 1024 * 1024) {
            errors.add("asr.pending_max_bytes " + pendingMaxBytes + " is below 1 MiB");
        }
        if (pendingMaxSeconds < 60) {
            errors.add("asr.pending_max_seconds " + pendingMaxSeconds + " is below 60");
        }
        if (silenceGapSeconds < 1) {
            errors.add("asr.silence_gap_seconds must be at least 1");
        }
        if (maxConversationSeconds <= silenceGapSeconds) {
            errors.add("asr.max_conversation_seconds (" + maxConversationSeconds
                    + ") must exceed asr.silence_gap_seconds (" + silenceGapSeconds + ")");
        }
        if (staffThreshold > 1 || customerThreshold < -1 || customerThreshold > staffThreshold) {
            errors.add("asr thresholds need -1 <= customer_threshold <= staff_threshold <= 1, got " + customerThreshold
                    + " / " + staffThreshold);
        }
        if (keywordBoost && keywords.isEmpty()) {
            errors.add("asr.keyword_boost is on but asr.keywords is empty");
        }
        InvalidValuesException.throwIfAny(errors);
    }

    /** A minimal configuration for a model directory and a pending-audio directory, everything else default. */
    public static AsrConfig of(Path model, Path pendingDir) {
        return new AsrConfig(model, null, null, null, pendingDir, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Reads the {@code asr:} section strictly (snake_case keys like every other section); the pending-audio queue
     * defaults to {@code <data_dir>/pending-audio}. All problems go to the section's document.
     */
    public static AsrConfig read(ConfigNode a, Path dataDir) {
        int before = a.document().problemCount();
        Path model = a.path("model", null);
        String lang = a.string("lang", "en");
        Path speaker = a.path("speaker_model", null);
        Path enrolment = a.path("enrolment", null);
        Path pending = a.path("pending_dir", dataDir.resolve("pending-audio"));
        long maxBytes = a.bytes("pending_max_bytes", 256L * 1024 * 1024, 1024 * 1024, 1L << 40);
        long maxSeconds = a.longValue("pending_max_seconds", 7200, 60, 30L * 86_400);
        Path lib = a.path("native_lib_dir", DEFAULT_NATIVE_LIB_DIR);
        long gap = a.longValue("silence_gap_seconds", 20, 1, 3600);
        long maxConversation = a.longValue("max_conversation_seconds", 1800, 2, 86_400);
        double staff = a.decimal("staff_threshold", XVectorRoleClassifier.DEFAULT_STAFF_THRESHOLD, -1, 1);
        double customer = a.decimal("customer_threshold", XVectorRoleClassifier.DEFAULT_CUSTOMER_THRESHOLD, -1, 1);
        boolean boost = a.bool("keyword_boost", false);
        List<String> keywords = a.stringList("keywords", List.of());
        if (a.document().problemCount() > before) {
            if (model == null && !a.has("model")) {
                a.problem("model", REQUIRED_MODEL);
            }
            return null;
        }
        return a.document()
                .build(
                        () -> new AsrConfig(
                                model,
                                lang,
                                speaker,
                                enrolment,
                                pending,
                                maxBytes,
                                maxSeconds,
                                lib,
                                gap,
                                maxConversation,
                                staff,
                                customer,
                                boost,
                                keywords),
                        null);
    }

    /**
     * A section handed over as a tree (tests, tools), read exactly like the file's {@code asr:} section. A missing
     * section is an error that says what to add.
     */
    public static AsrConfig from(JsonNode asr, Path dataDir) {
        if (asr == null || asr.isMissingNode() || asr.isNull() || asr.isEmpty()) {
            throw new IllegalArgumentException("the config has no asr: section; add 'asr: {model: /opt/voc/model}' "
                    + "(install a model with 'voc-provision model install')");
        }
        try {
            ConfigDocument doc =
                    ConfigDocument.of(JsonNodeFactory.instance.objectNode().set("asr", asr), "asr section");
            AsrConfig c = read(doc.root().section("asr"), dataDir);
            doc.finish();
            return c;
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The section as {@code config check} prints it: every default filled in, in the file's key names. */
    public Map<String, Object> effective() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", text(model));
        m.put("lang", lang);
        m.put("speaker_model", text(speakerModel));
        m.put("enrolment", text(enrolment));
        m.put("pending_dir", text(pendingDir));
        m.put("pending_max_bytes", pendingMaxBytes);
        m.put("pending_max_seconds", pendingMaxSeconds);
        m.put("native_lib_dir", text(nativeLibDir));
        m.put("silence_gap_seconds", silenceGapSeconds);
        m.put("max_conversation_seconds", maxConversationSeconds);
        m.put("staff_threshold", staffThreshold);
        m.put("customer_threshold", customerThreshold);
        m.put("keyword_boost", keywordBoost);
        m.put("keywords", keywords);
        return m;
    }

    private static String text(Path p) {
        return p == null ? null : p.toString();
    }

    public long silenceGapMs() {
        return silenceGapSeconds * 1000;
    }

    public long maxConversationMs() {
        return maxConversationSeconds * 1000;
    }
}
