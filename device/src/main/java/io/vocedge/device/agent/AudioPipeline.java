package io.vocedge.device.agent;

import io.vocedge.device.asr.AsrStage;
import io.vocedge.device.asr.AsrStatus;
import io.vocedge.device.audio.AudioInput;
import io.vocedge.device.pipeline.InputPipeline;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Audio input for the agent: capture and front-end ({@link AudioInput}) feeding the recognizer stage
 * ({@link AsrStage}), which feeds the insight stage. The recognizer starts first and stops last, so segments
 * cut during shutdown still reach its on-disk pending queue (and are recognised after a restart if not now).
 * A finite input (a WAV file) is finished once its audio is cut and the recognizer has caught up.
 */
public final class AudioPipeline implements InputPipeline {
    private final AudioInput audio;
    private final AsrStage asr;

    public AudioPipeline(AudioInput audio, AsrStage asr) {
        this.audio = audio;
        this.asr = asr;
    }

    @Override
    public void start() {
        asr.start();
        audio.start();
    }

    @Override
    public boolean finished() {
        if (!audio.finished()) {
            return false;
        }
        AsrStatus s = asr.status();
        return s.pendingEntries() == 0 || "engine_unavailable".equals(s.state());
    }

    /**
     * Segments the recognizer could not take: they stay in the on-disk pending queue (recognised once the engine
     * loads, e.g. at the next start with the model installed), but this run did not turn them into records.
     */
    @Override
    public java.util.Optional<String> strandedWork() {
        AsrStatus s = asr.status();
        if (s.pendingEntries() == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(
                java.util.Locale.ROOT,
                "%d segment(s) (%.1f s of audio) wait for the recognizer, which is %s%s; they stay queued on disk and are"
                        + " recognised once the engine loads",
                s.pendingEntries(),
                s.backlogMs() / 1000.0,
                s.state(),
                s.problem() == null ? "" : " (" + s.problem() + ")"));
    }

    @Override
    public int dropPendingAudio(long sinceMs) {
        return asr.dropPendingAudio(sinceMs);
    }

    /** Button and command conversation markers, at the current capture time, after the audio queued so far. */
    @Override
    public boolean markConversationEnd() {
        asr.endConversation(audio.clockMs());
        return true;
    }

    @Override
    public String describe() {
        return audio.describe();
    }

    @Override
    public Map<String, Object> statusDetails() {
        Map<String, Object> d = new LinkedHashMap<>(audio.status());
        AsrStatus s = asr.status();
        d.put("asr_state", s.state());
        if (s.problem() != null) {
            d.put("asr_problem", s.problem());
        }
        d.put("pending_audio_s", s.backlogMs() / 1000.0);
        return d;
    }

    @Override
    public void metrics(Map<String, Double> m) {
        audio.collect(m);
        AsrStatus s = asr.status();
        m.put("pending_audio_s", s.backlogMs() / 1000.0);
        m.put("pending_audio_dropped_s_total", s.droppedMs() / 1000.0);
        m.put("asr_transcripts_total", (double) s.transcripts());
        m.put("asr_failed_segments_total", (double) s.failedSegments());
        m.put("asr_available", "running".equals(s.state()) ? 1.0 : 0.0);
        if (Double.isFinite(s.realTimeFactor())) {
            m.put("asr_real_time_factor", s.realTimeFactor());
        }
    }

    @Override
    public void close() {
        audio.close();
        asr.close();
    }
}
