package io.vocedge.device.asr;

/**
 * What the ASR stage reports in device status.
 *
 * @param state {@code starting}, {@code running}, {@code engine_unavailable} (model or native library problem,
 *     audio keeps buffering) or {@code stopped}
 * @param problem why the engine is unavailable, naming the file and the fix; null when running
 * @param backlogMs audio waiting for the recognizer
 * @param realTimeFactor EWMA of processing time / audio time (NaN before the first segment)
 */
public record AsrStatus(
        String state,
        String problem,
        long backlogMs,
        int pendingEntries,
        long pendingBytes,
        long droppedSegments,
        long droppedMs,
        double realTimeFactor,
        double realTimeFactorLifetime,
        long transcripts,
        long failedSegments) {}
