package io.vocedge.device.replay;

/**
 * One line of a transcript replay file (JSON Lines). Only {@code text} and {@code lang} are required.
 *
 * @param endConversation when true, the conversation ends after this utterance (as if the button was pressed)
 */
public record ReplayLine(
        String text,
        String lang,
        String speaker,
        String conversationId,
        Long startMs,
        Long endMs,
        Double confidence,
        Boolean endConversation) {}
