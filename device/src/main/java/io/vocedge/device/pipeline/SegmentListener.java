package io.vocedge.device.pipeline;

/** Receives the front-end's output, in capture order. */
public interface SegmentListener {
    void onSegment(SpeechSegment segment);

    /** Silence lasted longer than the configured conversation gap: the conversation, if any, has ended. */
    void onConversationBoundary(long atMs);
}
