package io.vocedge.device.agent;

import io.vocedge.device.asr.AsrStage;
import io.vocedge.device.audio.AudioConfig;
import io.vocedge.device.audio.AudioInput;
import io.vocedge.device.audio.SourceOpener;
import io.vocedge.device.pipeline.InputPipeline;
import io.vocedge.device.pipeline.TranscriptSink;
import io.vocedge.device.replay.ReplaySource;
import io.vocedge.protocol.Json;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** The input {@code run --source} chose; the assembly builds it once the insight stage it feeds exists. */
@FunctionalInterface
public interface AgentInput {
    /**
     * @param sink the insight stage
     * @param muted the privacy mute as capture must read it, at every block
     */
    InputPipeline open(TranscriptSink sink, BooleanSupplier muted) throws Exception;

    /** Transcripts from a replay file, no audio. */
    static AgentInput replay(Path file, double ratePerSecond) {
        return (sink, muted) -> new ReplayInput(new ReplaySource(file, ratePerSecond, Json.newMapper()), file, sink);
    }

    /** Audio (microphone or WAV) through the front-end into the recognizer stage {@code recognizer} builds. */
    static AgentInput audio(AudioConfig audio, SourceOpener opener, Function<TranscriptSink, AsrStage> recognizer) {
        return (sink, muted) -> {
            AsrStage stage = recognizer.apply(sink);
            return new AudioPipeline(new AudioInput(audio, opener, muted, stage), stage);
        };
    }
}
