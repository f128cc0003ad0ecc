package io.vocedge.device.pipeline;

/** Receives transcripts in order; the insight stage implements it and hands records to the outbox. */
public interface TranscriptSink {
    void onTranscript(Transcript transcript);

    /** A conversation ended (silence gap, button, maximum length or shutdown). */
    void onConversationEnd(ConversationEnd end);
}
