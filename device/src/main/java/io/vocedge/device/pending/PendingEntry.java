package io.vocedge.device.pending;

import io.vocedge.device.pipeline.SpeechSegment;

/**
 * One item of the pending-audio queue, in capture order: a speech segment, or a conversation marker that
 * must be handled after the segments before it.
 *
 * @param segment the audio for {@link Kind#SEGMENT}, null for markers
 * @param atMs capture time of a marker (segment end for segments)
 */
public record PendingEntry(long seq, Kind kind, SpeechSegment segment, long atMs) {
    public enum Kind {
        /** Speech to transcribe. */
        SEGMENT,
        /** The front-end saw a silence longer than the conversation gap. */
        BOUNDARY,
        /** Staff pressed the button or sent the end command. */
        BUTTON
    }

    public long audioMs() {
        return segment == null ? 0 : segment.samples().length * 1000L / SpeechSegment.SAMPLE_RATE;
    }
}
