package io.vocedge.device.agent;

import io.vocedge.device.pipeline.InputPipeline;
import io.vocedge.device.pipeline.TranscriptSink;
import io.vocedge.device.replay.ReplaySource;
import java.nio.file.Path;
import org.tinylog.Logger;

/** Plays a transcript replay file on its own thread into the insight stage. */
public final class ReplayInput implements InputPipeline {
    private final ReplaySource source;
    private final Path file;
    private final TranscriptSink sink;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean finished;

    public ReplayInput(ReplaySource source, Path file, TranscriptSink sink) {
        this.source = source;
        this.file = file;
        this.sink = sink;
        this.thread = Thread.ofPlatform().name("replay").daemon(true).unstarted(this::play);
    }

    private void play() {
        try {
            ReplaySource.Result r = source.play(sink, () -> running);
            Logger.info("event=replay_done file={} played={} skipped={}", file, r.played(), r.skipped());
        } catch (Exception e) {
            Logger.error("event=replay_failed file={} error=\"{}\"", file, e.getMessage());
        } finally {
            finished = true;
        }
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public String describe() {
        return "replay:" + file;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
