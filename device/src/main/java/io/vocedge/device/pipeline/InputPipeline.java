package io.vocedge.device.pipeline;

import java.util.Map;

/**
 * Where transcripts come from: a replay file, or microphone/WAV audio through front-end and recognizer.
 * Started after the outbox and sync are up; closed first on shutdown, so what it already heard drains into
 * the outbox before the outbox closes.
 */
public interface InputPipeline extends AutoCloseable {
    void start();

    /** True when a finite input (a replay or WAV file) has been fully processed. */
    boolean finished();

    /**
     * Work a finished input leaves behind that this run cannot complete, described for the operator (segments
     * queued for a recognizer that is unavailable); empty when everything heard was processed. A run with
     * {@code --exit-when-synced} must not report itself synced while this is present.
     */
    default java.util.Optional<String> strandedWork() {
        return java.util.Optional.empty();
    }

    /**
     * Ends the conversation after what was heard so far (the button, the {@code end_conversation} command).
     *
     * @return false when this input has no conversations to mark (a replay carries its own)
     */
    default boolean markConversationEnd() {
        return false;
    }

    /**
     * Privacy: deletes the audio not yet recognised written at or after {@code sinceMs} ({@code Long.MIN_VALUE}: all).
     *
     * @return how many segments were deleted (0 for an input without pending audio)
     */
    default int dropPendingAudio(long sinceMs) {
        return 0;
    }

    /** Short description for logs and status, e.g. {@code replay:/path/file.jsonl}. */
    String describe();

    /** Extra fields for the retained status (capture state, faults, recognizer state). */
    default Map<String, Object> statusDetails() {
        return Map.of();
    }

    /** Figures for periodic telemetry (mic level, dropped frames, pending audio, real-time factor). */
    default void metrics(Map<String, Double> into) {}

    @Override
    void close();
}
