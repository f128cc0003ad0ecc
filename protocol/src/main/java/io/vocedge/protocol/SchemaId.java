package io.vocedge.protocol;

import java.util.regex.Pattern;

/**
 * The {@code schema} field of every envelope: {@code <kind>/<major>}, e.g. {@code voc.utterance/1}.
 * Adding optional fields keeps the major; anything else is a new major.
 */
public record SchemaId(String kind, int major) {
    private static final Pattern FORMAT = Pattern.compile("(voc\\.[a-z][a-z0-9-]*)/([1-9][0-9]{0,3})");
    private static final Pattern KIND = Pattern.compile("voc\\.[a-z][a-z0-9-]*");

    public static final SchemaId BATCH = new SchemaId("voc.batch", 1);
    public static final SchemaId UTTERANCE = new SchemaId("voc.utterance", 1);
    public static final SchemaId CONVERSATION = new SchemaId("voc.conversation", 1);
    public static final SchemaId TELEMETRY = new SchemaId("voc.telemetry", 1);
    public static final SchemaId STATUS = new SchemaId("voc.status", 1);
    public static final SchemaId ACK = new SchemaId("voc.ack", 1);
    public static final SchemaId COMMAND = new SchemaId("voc.command", 1);
    public static final SchemaId COMMAND_RESULT = new SchemaId("voc.command-result", 1);
    public static final SchemaId LEXICON = new SchemaId("voc.lexicon", 1);
    /** Gateway -> device, retained on {@code down/model}: the insight model the device should run (a manifest). */
    public static final SchemaId MODEL = new SchemaId("voc.model", 1);
    /** Gateway -> device on {@code down/model_chunk}: one chunk of a model file. */
    public static final SchemaId MODEL_CHUNK = new SchemaId("voc.model-chunk", 1);
    /** Device -> gateway on {@code up/model_request}: the chunk the device wants next. */
    public static final SchemaId MODEL_REQUEST = new SchemaId("voc.model-request", 1);
    /** Gateway -> central platform only: an alert fired (forwarded kind {@code alert}). */
    public static final SchemaId ALERT = new SchemaId("voc.alert", 1);
    /** Gateway -> central platform only: a case changed (forwarded kind {@code case}). */
    public static final SchemaId CASE = new SchemaId("voc.case", 1);

    public SchemaId {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("schema kind must look like 'voc.<name>', got: " + kind);
        }
        if (major < 1) {
            throw new IllegalArgumentException("schema major must be >= 1, got: " + major);
        }
    }

    /** Parses {@code voc.kind/N}; throws {@link ProtocolException} naming the bad value. */
    public static SchemaId parse(String text) {
        if (text == null) {
            throw new ProtocolException("missing 'schema' field: every envelope needs one, e.g. \"voc.utterance/1\"");
        }
        SchemaId known = Known.BY_TEXT.get(text);
        if (known != null) {
            return known; // the gateway parses one per record: no regex, no allocation for the schemas it knows
        }
        var m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new ProtocolException(
                    "malformed schema '" + abbreviate(text) + "': expected '<kind>/<major>', e.g. \"voc.utterance/1\"");
        }
        return new SchemaId(m.group(1), Integer.parseInt(m.group(2)));
    }

    /** The constants above by their text (a holder class: the constants must exist before the map is built). */
    private static final class Known {
        static final java.util.Map<String, SchemaId> BY_TEXT = java.util.stream.Stream.of(
                        BATCH,
                        UTTERANCE,
                        CONVERSATION,
                        TELEMETRY,
                        STATUS,
                        ACK,
                        COMMAND,
                        COMMAND_RESULT,
                        LEXICON,
                        MODEL,
                        MODEL_CHUNK,
                        MODEL_REQUEST,
                        ALERT,
                        CASE)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(SchemaId::toString, id -> id));
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    @Override
    public String toString() {
        return kind + "/" + major;
    }
}
