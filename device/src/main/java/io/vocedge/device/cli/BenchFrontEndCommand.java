package io.vocedge.device.cli;

import io.vocedge.device.audio.AudioConfig;
import io.vocedge.device.audio.FrontEnd;
import io.vocedge.device.audio.PcmFormat;
import io.vocedge.device.pipeline.SegmentListener;
import io.vocedge.device.pipeline.SpeechSegment;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code audio bench}: front-end throughput in multiples of real time per core (thread CPU time, so a busy
 * machine slows the wall clock but not the figure much) and bytes allocated per second of audio in steady
 * state, for the capture formats that matter. Baseline in the same run: one pass that only reads every
 * sample (what any front-end must at least do), so the ratio says how much work per sample ours adds.
 *
 * <p>The signal is synthetic and generated in memory: noise at -50 dBFS on every channel with a harmonic
 * "voice" burst (1.2 s on, 1.8 s off) arriving with per-channel delays, so VAD, segmentation, beam steering
 * and segment emission all run as they would in a showroom.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Front-end throughput (x real time per core) and steady-state allocation per audio second.")
final class BenchFrontEndCommand implements Callable<Integer> {
    @Option(
            names = "--seconds",
            defaultValue = "300",
            description = "audio seconds processed per case after warm-up (default 300)")
    int seconds;

    @Option(names = "--warmup", defaultValue = "120", description = "audio seconds of warm-up per case (default 120)")
    int warmup;

    @Option(
            names = "--vad",
            description = "VAD to measure (audio.vad: ${COMPLETION-CANDIDATES}); default: the configured default")
    String vad;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    record Case(String name, int rate, int channels, String combine) {}

    static final List<Case> CASES = List.of(
            new Case("4ch 16kHz beamform", 16_000, 4, "beamform"),
            new Case("4ch 16kHz best-channel", 16_000, 4, "best"),
            new Case("2ch 48kHz best-channel", 48_000, 2, "best"),
            new Case("1ch 16kHz", 16_000, 1, "auto"));

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String v = vad == null ? AudioConfig.defaults().vad() : vad;
        if (!AudioConfig.VADS.contains(v)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--vad must be one of " + String.join(", ", AudioConfig.VADS));
        }
        out.printf(
                Locale.ROOT,
                "front-end benchmark: %d s audio per case after %d s warm-up, vad %s, JVM %s, %d cores%n",
                seconds,
                warmup,
                v,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        out.printf(
                Locale.ROOT,
                "%-24s %12s %14s %7s %16s %18s %9s%n",
                "case",
                "x real time",
                "baseline x RT",
                "ratio",
                "alloc B/audio s",
                "of it segments B/s",
                "segments");
        for (Case c : CASES) {
            Result r = run(c, v, warmup, seconds);
            out.printf(
                    Locale.ROOT,
                    "%-24s %12.0f %14.0f %7.1f %16.0f %18.0f %9d%n",
                    c.name(),
                    r.xRealTime(),
                    r.baselineXRealTime(),
                    r.baselineXRealTime() / r.xRealTime(),
                    r.allocatedPerAudioSecond(),
                    r.segmentBytesPerAudioSecond(),
                    r.segments());
            out.flush();
        }
        out.println(
                "x real time = audio seconds / thread CPU seconds; ratio = how many times slower than the read-only "
                        + "baseline; alloc includes the emitted segments' samples");
        return 0;
    }

    record Result(
            double xRealTime,
            double baselineXRealTime,
            double allocatedPerAudioSecond,
            double segmentBytesPerAudioSecond,
            long segments) {}

    static Result run(Case c, String vad, int warmupSeconds, int seconds) {
        int positions = c.channels();
        List<List<Double>> mics = new java.util.ArrayList<>();
        for (int i = 0; i < positions; i++) {
            double a = 2 * Math.PI * i / positions;
            mics.add(List.of(0.032 * Math.cos(a), 0.032 * Math.sin(a)));
        }
        AudioConfig cfg = new AudioConfig(
                null,
                c.rate(),
                c.channels(),
                null,
                null,
                c.combine(),
                null,
                c.combine().equals("beamform") ? mics : null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                vad,
                null);
        long[] segments = {0, 0};
        SegmentListener counter = new SegmentListener() {
            @Override
            public void onSegment(SpeechSegment s) {
                segments[0]++;
                segments[1] += 16 + 2L * s.samples().length; // the samples array the segment must carry
            }

            @Override
            public void onConversationBoundary(long atMs) {}
        };
        try (FrontEnd fe = new FrontEnd(cfg, PcmFormat.signed16(c.rate(), c.channels()), counter)) {
            return measure(fe, c, segments, warmupSeconds, seconds);
        }
    }

    /** Keeps the JIT from removing the baseline loop: its result is stored where the JIT must assume it is read. */
    @SuppressWarnings("unused")
    private static volatile double blackhole;

    private static Result measure(FrontEnd fe, Case c, long[] segments, int warmupSeconds, int seconds) {
        float[] signal = signal(c.rate(), c.channels(), 30);
        int block = c.rate() / 100;
        feed(fe, signal, c.channels(), block, (long) warmupSeconds * c.rate());
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long segBefore = segments[0];
        long segBytesBefore = segments[1];
        long alloc0 = threads.getThreadAllocatedBytes(tid);
        long cpu0 = threads.getCurrentThreadCpuTime();
        feed(fe, signal, c.channels(), block, (long) seconds * c.rate());
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long alloc = threads.getThreadAllocatedBytes(tid) - alloc0;
        // Baseline: read every sample once.
        baseline(signal, (long) warmupSeconds * c.rate() * c.channels());
        long b0 = threads.getCurrentThreadCpuTime();
        double sink = baseline(signal, (long) seconds * c.rate() * c.channels());
        long bcpu = threads.getCurrentThreadCpuTime() - b0;
        blackhole = sink;
        return new Result(
                seconds / (cpu / 1e9),
                seconds / (Math.max(1, bcpu) / 1e9),
                alloc / (double) seconds,
                (segments[1] - segBytesBefore) / (double) seconds,
                segments[0] - segBefore);
    }

    private static void feed(FrontEnd fe, float[] signal, int ch, int block, long frames) {
        int total = signal.length / ch;
        float[] buf = new float[block * ch];
        int pos = 0;
        for (long done = 0; done < frames; done += block) {
            if (pos + block > total) {
                pos = 0;
            }
            System.arraycopy(signal, pos * ch, buf, 0, block * ch);
            fe.process(buf, block);
            pos += block;
        }
    }

    private static double baseline(float[] signal, long samples) {
        double s = 0;
        int n = signal.length;
        for (long i = 0; i < samples; i++) {
            s += signal[(int) (i % n)];
        }
        return s;
    }

    /** Noise on every channel plus a voiced burst pattern with per-channel delays (a talker at 60 degrees). */
    static float[] signal(int rate, int ch, int seconds) {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = rate * seconds;
        float[] voice = new float[n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double cycle = t % 3.0;
            if (cycle < 1.2) {
                double f0 = 140 + 20 * Math.sin(2 * Math.PI * 3 * t);
                double v = 0;
                for (int h = 1; h <= 12; h++) {
                    v += Math.sin(2 * Math.PI * f0 * h * t) / h;
                }
                voice[i] = (float) (0.05 * v * Math.sin(Math.PI * cycle / 1.2));
            }
        }
        float[] out = new float[n * ch];
        for (int c = 0; c < ch; c++) {
            int delay = c; // up to a few samples: a small array
            for (int i = 0; i < n; i++) {
                float noise = (float) (rnd.nextGaussian() * 0.003);
                out[i * ch + c] = (i >= delay ? voice[i - delay] : 0f) + noise;
            }
        }
        return out;
    }
}
