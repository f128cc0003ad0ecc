package io.vocedge.device.pending;

/**
 * Snapshot of the pending-audio queue for status and telemetry.
 *
 * @param backlogMs seconds of audio waiting (in ms), including the segment being transcribed
 * @param droppedSegments segments dropped because the queue was full (oldest first), since start
 * @param droppedMs audio dropped, since start
 */
public record QueueStats(int entries, long bytes, long backlogMs, long droppedSegments, long droppedMs) {}
