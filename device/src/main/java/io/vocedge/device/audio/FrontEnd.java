package io.vocedge.device.audio;

import io.vocedge.device.pipeline.SegmentListener;
import org.tinylog.Logger;

/**
 * The audio front-end, from raw capture frames to speech segments: per-channel DC removal and high-pass,
 * channel health, best-channel selection or delay-and-sum beamforming (or one channel / the average),
 * anti-aliased resampling to 16 kHz, VAD and segmentation with optional per-segment gain.
 *
 * <p>Single-threaded (the front-end thread). Works in blocks of at most 10 ms at the capture rate; buffers are
 * sized once at construction, so {@link #process} allocates nothing except a segment's samples when one is
 * emitted.
 */
public final class FrontEnd implements AutoCloseable {
    private final PcmFormat format;
    private final Biquad[] highPass;
    private final ChannelHealth health;
    private final ChannelCombiner combiner;
    private final PolyphaseResampler resampler;
    private final VoiceDetector vad;
    private final SpeechSegmenter segmenter;
    /** Two mics or more: which side of the room the block comes from, for the VAD (null with one mic). */
    private final SpatialGate spatial;

    private final int blockFrames;
    private final float[] filtered;
    private final float[] mono;
    private final float[] out16k;
    private long framesIn;
    private volatile long publishedClockMs;

    public FrontEnd(AudioConfig cfg, PcmFormat format, SegmentListener listener) {
        if (cfg.channels() != format.channels() || cfg.sampleRate() != format.sampleRate()) {
            cfg = cfg.withFormat(format.sampleRate(), format.channels());
        }
        this.format = format;
        int ch = format.channels();
        this.highPass = new Biquad[ch];
        for (int c = 0; c < ch; c++) {
            highPass[c] = Biquad.highPass(cfg.highpassHz(), format.sampleRate());
        }
        this.health = new ChannelHealth(ch, format.sampleRate());
        this.combiner = combiner(cfg, format, health);
        this.resampler = new PolyphaseResampler(format.sampleRate(), SpeechSegmenter.RATE, 0.85);
        this.vad = VoiceDetectors.create(cfg);
        this.segmenter = new SpeechSegmenter(cfg, vad, listener, resampler.delayOutputSamples());
        this.blockFrames = Math.max(1, format.sampleRate() / 100);
        this.filtered = new float[blockFrames * ch];
        this.mono = new float[blockFrames];
        this.out16k = new float[resampler.maxOutput(blockFrames) + 4];
        // Mic 0 and the one half-way round a circular array (or the second of a pair): the widest spacing.
        this.spatial = ch >= 2 ? new SpatialGate(ch, 0, ch / 2, format.sampleRate(), blockFrames) : null;
        Logger.info(
                "event=frontend_ready format={} combine=\"{}\" highpass_hz={} agc={} vad={}",
                format,
                combiner.describe(),
                cfg.highpassHz(),
                cfg.agc(),
                cfg.vad());
    }

    private static ChannelCombiner combiner(AudioConfig cfg, PcmFormat f, ChannelHealth health) {
        int ch = f.channels();
        return switch (cfg.combineMode()) {
            case CHANNEL -> ChannelCombiner.single(ch, cfg.channelIndex());
            case AVERAGE -> ChannelCombiner.average(ch);
            case BEAMFORM -> new DelayAndSumBeamformer(cfg.micPositionsM(), f.sampleRate(), health);
            case BEST -> new BestChannelSelector(ch, f.sampleRate(), health);
            case AUTO ->
                ch == 1
                        ? ChannelCombiner.single(1, 0)
                        : cfg.micPositionsM().size() == ch
                                ? new DelayAndSumBeamformer(cfg.micPositionsM(), f.sampleRate(), health)
                                : new BestChannelSelector(ch, f.sampleRate(), health);
        };
    }

    public PcmFormat format() {
        return format;
    }

    /** Processes {@code frames} interleaved capture frames. */
    public void process(float[] interleaved, int frames) {
        int ch = format.channels();
        int done = 0;
        while (done < frames) {
            int n = Math.min(blockFrames, frames - done);
            int base = done * ch;
            for (int i = 0; i < n * ch; i++) {
                filtered[i] = interleaved[base + i];
            }
            health.observe(filtered, n);
            for (int f = 0; f < n; f++) {
                int b = f * ch;
                for (int c = 0; c < ch; c++) {
                    filtered[b + c] = highPass[c].process(filtered[b + c]);
                }
            }
            combiner.speech(segmenter.foreground());
            if (spatial != null) {
                spatial.observe(filtered, n, !segmenter.inSpeech());
                vad.direction(spatial.state());
            }
            combiner.combine(filtered, n, mono);
            int m = resampler.process(mono, n, out16k, 0);
            segmenter.push(out16k, m);
            done += n;
        }
        framesIn += frames;
        publishedClockMs = segmenter.clockMs();
    }

    /** {@code frames} capture frames that will never arrive (muted, device lost, overflow). */
    public void gap(long frames) {
        if (frames <= 0) {
            return;
        }
        segmenter.gap(frames * SpeechSegmenter.RATE / format.sampleRate());
        publishedClockMs = segmenter.clockMs();
        health.restartWindow();
        combiner.reset();
        if (spatial != null) {
            spatial.reset();
        }
        resampler.reset();
        for (Biquad b : highPass) {
            b.reset();
        }
    }

    /** End of a finite input. */
    public void flush() {
        segmenter.flush();
    }

    /** Releases the VAD's resources (a neural VAD's native session); the front-end is unusable afterwards. */
    @Override
    public void close() {
        vad.close();
    }

    /** The capture clock, ms; safe to read from any thread (it is the last value the front-end thread published). */
    public long clockMs() {
        return publishedClockMs;
    }

    public FrontEndStats stats() {
        return new FrontEndStats(
                framesIn,
                segmenter.segments(),
                segmenter.conversations(),
                segmenter.speechMs(),
                segmenter.inSpeech(),
                segmenter.noiseFloorDb(),
                combiner.describe(),
                health.last());
    }

    /** A snapshot for status and telemetry. */
    public record FrontEndStats(
            long framesIn,
            long segments,
            long conversations,
            long speechMs,
            boolean inSpeech,
            double noiseFloorDb,
            String listeningTo,
            ChannelHealth.Report channels) {}
}
