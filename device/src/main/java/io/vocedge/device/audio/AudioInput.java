package io.vocedge.device.audio;

import io.vocedge.device.pipeline.InputPipeline;
import io.vocedge.device.pipeline.SegmentListener;
import io.vocedge.device.telemetry.MetricsSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.tinylog.Logger;

/**
 * Live audio into the pipeline: the capture thread fills a bounded ring, the front-end thread
 * ({@code voc-frontend}) turns it into speech segments for the listener (the ASR stage's pending-audio queue).
 * The front-end is rebuilt when a reopened device comes back in another format (a Bluetooth headset that
 * switches between 16 kHz mSBC and 8 kHz CVSD); the capture clock carries on across it.
 */
public final class AudioInput implements InputPipeline, MetricsSource {
    private final AudioConfig config;
    private final SourceOpener opener;
    private final SegmentListener listener;
    private final FrameRing ring;
    private final CaptureLoop capture;
    private final Thread worker;
    private volatile FrontEnd frontEnd;
    private volatile boolean running;
    private volatile boolean finished;

    public AudioInput(AudioConfig config, SourceOpener opener, BooleanSupplier muted, SegmentListener listener) {
        this.config = config;
        this.opener = opener;
        this.listener = listener;
        int blockFrames = Math.max(1, config.sampleRate() / 100);
        int slots = Math.max(8, config.ringMs() / 10);
        // A device reopened with more channels than configured gets shorter blocks rather than a bigger ring.
        this.ring = new FrameRing(slots, blockFrames * Math.max(config.channels(), 2));
        this.capture = new CaptureLoop(
                opener,
                ring,
                muted,
                config.sampleRate(),
                Duration.ofMillis(config.stallTimeoutMs()),
                Duration.ofMillis(config.reopenInitialMs()),
                Duration.ofMillis(config.reopenMaxMs()));
        this.worker = Thread.ofPlatform().name("voc-frontend").daemon(true).unstarted(this::work);
        this.worker.setUncaughtExceptionHandler((t, e) -> Logger.error(e, "event=frontend_thread_died"));
    }

    @Override
    public void start() {
        running = true;
        worker.start();
        capture.start();
        Logger.info("event=audio_input_started source=\"{}\" ring_slots={}", opener.describe(), ring.capacity());
    }

    private void work() {
        long clockCarryMs = 0;
        while (running || ring.depth() > 0) {
            int slot = ring.poll(100_000_000L);
            if (slot < 0) {
                continue;
            }
            try {
                int ch = ring.channels(slot);
                int rate = ring.rate(slot);
                FrontEnd fe = frontEnd;
                if (ring.endOfStream(slot)) {
                    if (fe != null) {
                        fe.flush();
                        fe.close();
                    }
                    finished = true;
                    return;
                }
                if (fe == null || fe.format().channels() != ch || fe.format().sampleRate() != rate) {
                    if (fe != null) {
                        fe.flush();
                        clockCarryMs = fe.clockMs();
                        fe.close();
                    }
                    fe = new FrontEnd(config.withFormat(rate, ch), PcmFormat.signed16(rate, ch), listener);
                    fe.gap(clockCarryMs * rate / 1000);
                    frontEnd = fe;
                }
                fe.gap(ring.gapBefore(slot));
                fe.process(ring.data(slot), ring.frames(slot));
            } catch (RuntimeException e) {
                // One bad block must not stop listening; the segment in progress is cut.
                Logger.error(e, "event=frontend_block_failed");
            } finally {
                ring.release();
            }
        }
        FrontEnd fe = frontEnd;
        if (fe != null) {
            fe.flush();
            fe.close();
        }
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public String describe() {
        return capture.source();
    }

    /** Status for the agent's retained status message. */
    public Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("audio_state", capture.state().name().toLowerCase(java.util.Locale.ROOT));
        s.put("audio_source", capture.source());
        if (capture.lastFault() != null) {
            s.put("audio_last_fault", capture.lastFault());
        }
        FrontEnd fe = frontEnd;
        if (fe != null) {
            FrontEnd.FrontEndStats st = fe.stats();
            s.put("audio_listening_to", st.listeningTo());
            if (st.channels() != null) {
                s.put("mic_dead_channels", st.channels().deadCount());
                s.put("mic_clipping", st.channels().anyClipping());
            }
        }
        return s;
    }

    @Override
    public void collect(Map<String, Double> m) {
        m.put("audio_frames_captured_total", (double) capture.framesCaptured());
        m.put("audio_frames_dropped_total", (double) capture.framesDropped());
        m.put("audio_frames_muted_total", (double) capture.framesMuted());
        m.put("audio_faults_total", (double) capture.faults());
        m.put("audio_stalls_total", (double) capture.stalls());
        m.put("audio_reopens_total", (double) capture.reopens());
        m.put("audio_capturing", capture.state() == CaptureLoop.State.RUNNING ? 1.0 : 0.0);
        m.put("muted", capture.state() == CaptureLoop.State.MUTED ? 1.0 : 0.0);
        m.put("audio_ring_depth", (double) ring.depth());
        FrontEnd fe = frontEnd;
        if (fe != null) {
            FrontEnd.FrontEndStats st = fe.stats();
            m.put("audio_segments_total", (double) st.segments());
            m.put("audio_speech_s_total", st.speechMs() / 1000.0);
            if (Double.isFinite(st.noiseFloorDb())) {
                m.put("audio_noise_floor_dbfs", st.noiseFloorDb());
            }
            if (st.channels() != null) {
                m.put("mic_level_dbfs", st.channels().maxLevelDbfs());
                m.put("mic_dead_channels", (double) st.channels().deadCount());
                m.put("mic_clipping", st.channels().anyClipping() ? 1.0 : 0.0);
            }
        }
    }

    /** The capture clock (ms) segments are stamped with; 0 before the first block. Any thread. */
    public long clockMs() {
        FrontEnd fe = frontEnd;
        return fe == null ? 0 : fe.clockMs();
    }

    CaptureLoop capture() {
        return capture;
    }

    @Override
    public void close() {
        capture.close();
        running = false;
        try {
            worker.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Logger.info(
                "event=audio_input_stopped frames={} dropped={} muted={} faults={}",
                capture.framesCaptured(),
                capture.framesDropped(),
                capture.framesMuted(),
                capture.faults());
    }
}
