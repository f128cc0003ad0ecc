package io.vocedge.protocol;

/** Size limits that both ends enforce; a gateway dead-letters anything larger. */
public final class Limits {
    /** Largest MQTT payload a gateway accepts on an up topic. */
    public static final int MAX_MESSAGE_BYTES = 256 * 1024;
    /** Most records one batch may carry. */
    public static final int MAX_RECORDS_PER_BATCH = 500;
    /** Longest utterance text (characters, after redaction). */
    public static final int MAX_TEXT_CHARS = 8_000;
    /** Largest lexicon (YAML bytes) the gateway distributes and a device accepts. */
    public static final int MAX_LEXICON_BYTES = 128 * 1024;
    /** Largest insight model file the gateway distributes and a device accepts (the shipped one is 4.4 MB). */
    public static final int MAX_MODEL_BYTES = 8 * 1024 * 1024;
    /**
     * Bytes of a model file per {@code voc.model-chunk/1} (the last chunk may be shorter): base64 and the envelope
     * keep a chunk message under {@link #MAX_MESSAGE_BYTES} and far under the broker's packet limit (1 MiB).
     */
    public static final int MODEL_CHUNK_BYTES = 128 * 1024;
    /** Longest site or device id. */
    public static final int MAX_ID_LENGTH = 64;

    private Limits() {}
}
