package io.vocedge.gateway.store;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Something the gateway refused, kept with the reason so nothing that arrived is silently lost. Payloads are
 * kept up to {@link #MAX_KEPT_BYTES} (an oversized flood must not fill the store); text when valid UTF-8,
 * base64 otherwise.
 */
public record DeadLetter(
        Instant receivedAt,
        String topic,
        String deviceId,
        Long seq,
        String reasonCode,
        String reason,
        String payload,
        String payloadEncoding,
        int payloadBytes) {
    public static final int MAX_KEPT_BYTES = 64 * 1024;

    /**
     * @param reasonCode the stable code (the {@code voc_dead_letters{reason}} label, the {@code reason_code} column),
     *     e.g. {@code invalid_record}, {@code store_refused}
     * @param reason the human text naming what is wrong
     */
    public static DeadLetter of(
            Instant receivedAt, String topic, String deviceId, Long seq, String reasonCode, String reason, byte[] raw) {
        byte[] kept = raw.length > MAX_KEPT_BYTES ? Arrays.copyOf(raw, MAX_KEPT_BYTES) : raw;
        String text;
        String encoding;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(kept))
                    .toString();
            encoding = raw.length > MAX_KEPT_BYTES ? "utf8-truncated" : "utf8";
        } catch (CharacterCodingException e) {
            text = Base64.getEncoder().encodeToString(kept);
            encoding = raw.length > MAX_KEPT_BYTES ? "base64-truncated" : "base64";
        }
        // PostgreSQL text cannot hold NUL characters.
        if (text.indexOf('\0') >= 0) {
            text = Base64.getEncoder().encodeToString(kept);
            encoding = raw.length > MAX_KEPT_BYTES ? "base64-truncated" : "base64";
        }
        return new DeadLetter(receivedAt, topic, deviceId, seq, reasonCode, reason, text, encoding, raw.length);
    }
}
