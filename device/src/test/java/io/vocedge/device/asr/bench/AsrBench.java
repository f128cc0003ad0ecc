package io.vocedge.device.asr.bench;

import io.vocedge.device.asr.AsrConfig;
import io.vocedge.device.asr.EngineLoader;
import io.vocedge.device.asr.EspeakFixture;
import io.vocedge.device.asr.RecognizerFactory;
import io.vocedge.device.asr.SegmentRecognizer;
import io.vocedge.device.asr.VoskEngineLoader;
import io.vocedge.device.asr.WavReader;
import io.vocedge.device.pending.PendingAudioQueue;
import io.vocedge.device.pending.PendingEntry;
import io.vocedge.device.pipeline.SpeechSegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Harness that prints figures (not a test). Run:
 * {@code ./mvnw -q -pl device -am test-compile dependency:build-classpath -Dmdep.outputFile=$PWD/device/target/bench.cp}, then
 * {@code java --enable-native-access=ALL-UNNAMED -cp device/target/test-classes:device/target/classes:$(cat device/target/bench.cp) [-Dvoc.model=/path/to/model] io.vocedge.device.asr.bench.AsrBench}.
 * Part 1, always: pending-queue throughput (append + take + complete of 3 s segments, fsync per append) against
 * a baseline of plain file write+fsync+delete of the same bytes in the same run.
 * Part 2, with a model (-Dvoc.model or VOC_TEST_VOSK_MODEL): real-time factor on espeak-ng speech with 1 and 2
 * recognizers in parallel (per core).
 */
public final class AsrBench {
    private AsrBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("asr-bench");
        int n = 300;
        short[] pcm = new short[3 * SpeechSegment.SAMPLE_RATE];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (Math.sin(i / 5.0) * 6000);
        }
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            byte[] bytes = new byte[pcm.length * 2];
            for (int i = 0; i < n; i++) {
                Path f = dir.resolve("base" + i);
                try (var ch = java.nio.channels.FileChannel.open(
                        f, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
                    ch.write(java.nio.ByteBuffer.wrap(bytes));
                    ch.force(false);
                }
                Files.readAllBytes(f);
                Files.delete(f);
            }
            double base = n / ((System.nanoTime() - t0) / 1e9);
            PendingAudioQueue q = new PendingAudioQueue(dir.resolve("q" + round), 1L << 30, 1L << 30);
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                q.appendSegment(new SpeechSegment("s" + i, i * 3000L, i * 3000L + 3000, pcm, -20));
                PendingEntry e = q.take(Duration.ZERO).orElseThrow();
                q.complete(e);
            }
            double rate = n / ((System.nanoTime() - t0) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "round %d: pending queue %.0f segments/s (%.0f s of audio per s); baseline write+fsync+read+delete %.0f files/s; ratio %.2f%n",
                    round,
                    rate,
                    rate * 3,
                    base,
                    rate / base);
        }
        String model = System.getProperty("voc.model", System.getenv("VOC_TEST_VOSK_MODEL"));
        if (model == null || model.isBlank()) {
            System.out.println(
                    "real-time factor: NOT MEASURED - no Vosk model on this machine (set -Dvoc.model=/path/to/vosk-model-small-en-us-0.15)");
            return;
        }
        AsrConfig cfg = AsrConfig.of(Path.of(model), dir.resolve("p"));
        short[] speech = WavReader.read16kMono(EspeakFixture.speak(
                dir,
                System.getProperty("voc.lang", "en"),
                "good afternoon I bought this phone last week and the battery does not last, can I get a refund or an exchange",
                "b"));
        try (RecognizerFactory f = new VoskEngineLoader(cfg).load()) {
            SpeechSegment seg = new SpeechSegment("b", 0, speech.length / 16L, speech, -20);
            new SegmentRecognizer(f).recognize(seg, p -> {}); // warm-up
            for (int threads = 1; threads <= Runtime.getRuntime().availableProcessors(); threads++) {
                ExecutorService ex = Executors.newFixedThreadPool(threads);
                long t0 = System.nanoTime();
                Future<?>[] fs = new Future<?>[threads];
                for (int t = 0; t < threads; t++) {
                    fs[t] = ex.submit(() -> {
                        for (int i = 0; i < 3; i++) {
                            new SegmentRecognizer(f).recognize(seg, p -> {});
                        }
                    });
                }
                for (Future<?> fu : fs) {
                    fu.get();
                }
                ex.shutdown();
                double wall = (System.nanoTime() - t0) / 1e6;
                double audio = 3.0 * threads * speech.length / 16.0;
                System.out.printf(
                        Locale.ROOT,
                        "real-time factor with %d recognizer(s): %.3f per core (%.2fx real time in aggregate)%n",
                        threads,
                        wall * threads / audio,
                        audio / wall);
            }
        } catch (EngineLoader.EngineUnavailableException e) {
            System.out.println("real-time factor: NOT MEASURED - model not usable: " + e.getMessage());
        }
    }
}
