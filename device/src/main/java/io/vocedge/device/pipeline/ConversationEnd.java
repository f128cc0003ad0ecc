package io.vocedge.device.pipeline;

import java.util.Map;

/**
 * Boundaries of a finished conversation as the ASR stage saw them; the insight stage turns it, with the
 * utterances it analysed, into a {@code voc.conversation/1} summary.
 *
 * @param reason one of {@code silence}, {@code button}, {@code max_length}, {@code shutdown}
 */
public record ConversationEnd(
        String conversationId, long startMs, long endMs, String reason, Map<String, Long> talkMsByRole) {
    public ConversationEnd {
        talkMsByRole = talkMsByRole == null ? Map.of() : Map.copyOf(talkMsByRole);
    }
}
