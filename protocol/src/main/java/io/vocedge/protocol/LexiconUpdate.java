package io.vocedge.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * {@code voc.lexicon/1}: the lexicon a device should run, retained on its {@code down/lexicon} topic by the gateway
 * ({@code voc-gateway lexicon publish}). {@code content} is the lexicon YAML itself (never a path), at most
 * {@link Limits#MAX_LEXICON_BYTES} bytes of UTF-8; {@code sha256} is its hex digest; {@code version} repeats the
 * YAML's {@code version} so a device can skip a copy it already runs without parsing.
 */
public record LexiconUpdate(String version, String sha256, String content, Instant issuedAt) implements Envelope {
    public LexiconUpdate {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public SchemaId schemaId() {
        return SchemaId.LEXICON;
    }

    /** An update for {@code yaml} with its digest. */
    public static LexiconUpdate of(String version, byte[] yaml, Instant issuedAt) {
        return new LexiconUpdate(version, sha256(yaml), new String(yaml, StandardCharsets.UTF_8), issuedAt);
    }

    /** The content's bytes once size and digest check out; otherwise a {@link ProtocolException} naming what is wrong. */
    public byte[] verifiedContent() {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > Limits.MAX_LEXICON_BYTES) {
            throw new ProtocolException("lexicon content is " + bytes.length + " bytes, more than the "
                    + Limits.MAX_LEXICON_BYTES + " allowed");
        }
        if (!MessageDigest.isEqual(
                sha256(bytes).getBytes(StandardCharsets.US_ASCII),
                sha256.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new ProtocolException("lexicon content does not match its sha256 (corrupted or tampered with)");
        }
        return bytes;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
