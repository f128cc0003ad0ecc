package io.vocedge.device.cli;

import io.vocedge.device.insights.BundledModel;
import io.vocedge.device.insights.InsightEngine;
import io.vocedge.device.insights.Lexicon;
import io.vocedge.device.insights.PiiTagger;
import io.vocedge.device.insights.Redactor;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-insights}: single-thread throughput of the insight engine (redaction + topics + sentiment) over the
 * utterances read from stdin, after a warm-up; prints utterances/s per core and bytes allocated per utterance
 * (HotSpot's per-thread allocation counter). A documented harness rather than JMH: one command on the device jar.
 */
@Command(
        name = "bench-insights",
        mixinStandardHelpOptions = true,
        description =
                "Measure insight-engine utterances/s on one core and allocation per utterance (stdin: one text per line).")
final class BenchInsightsCommand implements Callable<Integer> {
    @Option(
            names = "--seconds",
            defaultValue = "10",
            description = "measurement time after a warm-up of the same length")
    int seconds;

    @Option(names = "--rules-only", description = "the lexicon rules without the learned model (the baseline)")
    boolean rulesOnly;

    @Option(
            names = "--no-pii-tagger",
            description = "redaction by the rules alone, without the learned PII tagger (its cost)")
    boolean noTagger;

    @Override
    public Integer call() throws Exception {
        List<String> texts = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] f = line.split("\t");
            String text = f[f.length - 1];
            if (!text.isBlank() && !line.startsWith("#")) {
                texts.add(text);
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(
                    "no utterances on stdin (one per line; TSV lines use their last column)");
        }
        Redactor redactor = noTagger ? new Redactor(PiiTagger.none()) : new Redactor();
        InsightEngine engine = rulesOnly
                ? new InsightEngine(redactor, Lexicon.loadDefault())
                : new InsightEngine(redactor, Lexicon.loadDefault(), BundledModel.load());
        run(engine, texts, seconds * 1_000_000_000L);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long alloc0 = threads.getThreadAllocatedBytes(tid);
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long n = run(engine, texts, seconds * 1_000_000_000L);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        long alloc = threads.getThreadAllocatedBytes(tid) - alloc0;
        System.out.printf(
                Locale.ROOT,
                "insights (%s): %d utterances in %.1f s wall (%.1f s CPU): %.0f utterances/s per core (CPU time), "
                        + "%.0f per wall second; %.0f bytes allocated per utterance%n",
                (rulesOnly ? "rules only" : "model " + engine.modelVersion())
                        + (noTagger
                                ? ", no PII tagger"
                                : ", PII tagger " + PiiTagger.bundled().version()),
                n,
                wall,
                cpu,
                n / cpu,
                n / wall,
                alloc / (double) n);
        return 0;
    }

    private static long run(InsightEngine engine, List<String> texts, long nanos) {
        long end = System.nanoTime() + nanos;
        long n = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            for (String t : texts) {
                sink += engine.analyze(t, null).topics().size();
                n++;
            }
        }
        return sink >= 0 ? n : -n;
    }
}
