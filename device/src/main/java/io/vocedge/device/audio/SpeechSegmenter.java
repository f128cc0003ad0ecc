package io.vocedge.device.audio;

import io.vocedge.device.pipeline.SegmentListener;
import io.vocedge.device.pipeline.SpeechSegment;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Voice activity detection and segmentation on the 16 kHz mono stream, in 10 ms frames.
 *
 * <p>Each frame gets a decision from the {@link VoiceDetector} ({@code audio.vad}). Speech starts after 3 onset
 * frames in a row and continues while frames stay at least "continue"; it ends after {@code hangover_ms} below
 * that. A segment spans
 * {@code pre_roll_ms} before the first speech frame to {@code tail_ms} after the last. Segments shorter than
 * {@code min_speech_ms} of speech are dropped (clicks, door slams). A segment reaching {@code max_segment_ms}
 * is split at the quietest frame of its last second (a pause between words rather than mid-word). After
 * {@code conversation_gap_ms} without speech the listener hears a conversation boundary, once.
 *
 * <p>Optional automatic gain is applied per segment when it is emitted: the speech is scaled towards the
 * target level (at most {@code agc_max_gain_db}, never past full scale), which cannot pump noise in pauses.
 * Allocation happens only when a segment is emitted (its samples); none per frame.
 */
final class SpeechSegmenter {
    static final int RATE = SpeechSegment.SAMPLE_RATE;
    static final int FRAME = RATE / 100;
    private static final int ONSET_FRAMES = 3;
    private static final int SPLIT_SEARCH_FRAMES = 100;

    private final AudioConfig cfg;
    private final SegmentListener listener;
    private final long startDelaySamples;
    private final VoiceDetector vad;
    private final float[] history;
    private final float[] frame = new float[FRAME];
    private final float[] frameEnergyDb = new float[128];
    private final String session =
            HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final float agcTarget;
    private final float agcMaxGain;

    private long processed; // 16 kHz samples seen since start (excludes gaps)
    private long offset; // samples of gaps (mute, faults): added to times
    private int frameFill;
    private long frameIndex;

    private boolean inSpeech;
    private int lastDecision;
    private int onsetRun;
    private long onsetFrame = -1;
    private long speechStartFrame;
    private long lastVoiceFrame;
    private long segStartSample;
    private long barrierSample; // pre-roll never reaches back across a gap or into the previous segment
    private long segments;
    private long conversations;
    private long lastSegmentEndMs = -1;
    private boolean boundaryPending;
    private long speechMsTotal;

    SpeechSegmenter(AudioConfig cfg, VoiceDetector vad, SegmentListener listener, double resamplerDelaySamples) {
        this.cfg = cfg;
        this.vad = vad;
        this.listener = listener;
        this.startDelaySamples = Math.round(resamplerDelaySamples);
        long capacity =
                (long) (cfg.preRollMs() + cfg.maxSegmentMs() + cfg.hangoverMs() + cfg.tailMs() + 2000) * RATE / 1000;
        this.history = new float[(int) capacity];
        this.agcTarget = cfg.agc() ? (float) Math.pow(10, cfg.agcTargetDbfs() / 20) : 0f;
        this.agcMaxGain = (float) Math.pow(10, cfg.agcMaxGainDb() / 20);
    }

    void push(float[] x, int n) {
        int cap = history.length;
        for (int i = 0; i < n; i++) {
            float v = x[i];
            history[(int) (processed % cap)] = v;
            processed++;
            frame[frameFill] = v;
            if (++frameFill == FRAME) {
                endFrame();
            }
        }
    }

    private void endFrame() {
        frameFill = 0;
        int decision = vad.classify(frame);
        lastDecision = decision;
        long fi = frameIndex++;
        frameEnergyDb[(int) (fi & 127)] = vad.levelDb();
        boolean on = decision == VoiceDetector.ONSET;
        boolean cont = decision >= VoiceDetector.CONTINUE;
        if (!inSpeech) {
            if (on) {
                if (onsetRun++ == 0) {
                    onsetFrame = fi;
                }
                if (onsetRun >= ONSET_FRAMES) {
                    startSegment(onsetFrame, fi);
                }
            } else {
                onsetRun = 0;
            }
            maybeBoundary();
            return;
        }
        if (cont) {
            lastVoiceFrame = fi;
        }
        long frameEndSample = (fi + 1) * FRAME;
        if ((fi - lastVoiceFrame) * 10 >= cfg.hangoverMs()) {
            endSegment(Math.min(processed, (lastVoiceFrame + 1) * FRAME + (long) cfg.tailMs() * RATE / 1000));
        } else if (frameEndSample - segStartSample >= (long) cfg.maxSegmentMs() * RATE / 1000) {
            split(fi);
        }
    }

    private void startSegment(long firstSpeechFrame, long fi) {
        firstSpeechFrame -= Math.min(vad.onsetLead((int) (fi - firstSpeechFrame)), firstSpeechFrame);
        inSpeech = true;
        onsetRun = 0;
        speechStartFrame = firstSpeechFrame;
        lastVoiceFrame = fi;
        long preRoll = (long) cfg.preRollMs() * RATE / 1000;
        segStartSample = Math.max(Math.max(0, firstSpeechFrame * FRAME - preRoll), barrierSample);
        boundaryPending = false;
    }

    private void endSegment(long endSample) {
        inSpeech = false;
        onsetRun = 0;
        long voicedMs = (lastVoiceFrame + 1 - speechStartFrame) * 10;
        if (voicedMs >= cfg.minSpeechMs() && endSample > segStartSample) {
            emit(segStartSample, endSample);
        }
        barrierSample = endSample;
    }

    private void split(long fi) {
        long from = Math.max(speechStartFrame + 1, fi - SPLIT_SEARCH_FRAMES + 1);
        long quietest = fi;
        float min = Float.MAX_VALUE;
        for (long f = from; f <= fi; f++) {
            float e = frameEnergyDb[(int) (f & 127)];
            if (e < min) {
                min = e;
                quietest = f;
            }
        }
        long cut = quietest * FRAME + FRAME / 2;
        emit(segStartSample, cut);
        segStartSample = cut;
        speechStartFrame = quietest;
    }

    private void emit(long startSample, long endSample) {
        int n = (int) (endSample - startSample);
        int cap = history.length;
        double sum = 0;
        float peak = 0;
        for (long s = startSample; s < endSample; s++) {
            float v = history[(int) (s % cap)];
            sum += v * v;
            peak = Math.max(peak, Math.abs(v));
        }
        double rms = Math.sqrt(sum / Math.max(1, n));
        float gain = 1f;
        if (cfg.agc() && rms > 0) {
            gain = (float) Math.min(agcMaxGain, agcTarget / rms);
            gain = Math.max(1f, Math.min(gain, peak > 0 ? 0.98f / peak : gain));
        }
        short[] pcm = new short[n];
        for (int i = 0; i < n; i++) {
            float v = history[(int) ((startSample + i) % cap)] * gain;
            pcm[i] = (short) Math.max(-32768, Math.min(32767, Math.round(v * 32768f)));
        }
        long startMs = toMs(startSample);
        long endMs = Math.max(startMs, toMs(endSample));
        double level = sum == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(rms);
        segments++;
        speechMsTotal += endMs - startMs;
        lastSegmentEndMs = endMs;
        boundaryPending = true;
        listener.onSegment(new SpeechSegment(session + "-" + segments, startMs, endMs, pcm, level));
    }

    private void maybeBoundary() {
        if (boundaryPending && clockMs() - lastSegmentEndMs >= cfg.conversationGapMs()) {
            boundaryPending = false;
            conversations++;
            listener.onConversationBoundary(lastSegmentEndMs + cfg.conversationGapMs());
        }
    }

    /**
     * Audio that will never come (muted, device lost, ring overflow): closes an open segment where the audio
     * stopped and moves the clock on by the gap.
     */
    void gap(long samples) {
        if (inSpeech) {
            endSegment(Math.min(processed, (lastVoiceFrame + 1) * FRAME + (long) cfg.tailMs() * RATE / 1000));
        }
        onsetRun = 0;
        frameFill = 0;
        vad.gap();
        // Keep frame indices aligned to the sample count.
        frameIndex = processed / FRAME;
        long partial = processed % FRAME;
        processed -= partial;
        offset += samples + partial;
        barrierSample = processed;
        maybeBoundary();
    }

    /** End of a finite input: the open segment ends where the audio ends, and so does the conversation. */
    void flush() {
        if (inSpeech) {
            endSegment(Math.min(processed, (lastVoiceFrame + 1) * FRAME + (long) cfg.tailMs() * RATE / 1000));
        }
        if (boundaryPending) {
            boundaryPending = false;
            conversations++;
            listener.onConversationBoundary(clockMs());
        }
    }

    private long toMs(long sample) {
        return Math.max(0, (sample + offset - startDelaySamples) * 1000 / RATE);
    }

    long clockMs() {
        return (processed + offset) * 1000 / RATE;
    }

    /** The latest frame is onset-grade speech inside a segment: the talker, for steering a beam. */
    boolean foreground() {
        return inSpeech && lastDecision == VoiceDetector.ONSET;
    }

    boolean inSpeech() {
        return inSpeech;
    }

    double noiseFloorDb() {
        return vad.noiseFloorDb();
    }

    long segments() {
        return segments;
    }

    long conversations() {
        return conversations;
    }

    long speechMs() {
        return speechMsTotal;
    }
}
