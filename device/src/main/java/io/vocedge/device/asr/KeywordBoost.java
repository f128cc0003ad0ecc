package io.vocedge.device.asr;

import io.vocedge.device.pipeline.SpeechSegment;
import io.vocedge.device.pipeline.Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Optional second pass (off by default, {@code asr.keyword_boost}): when the main pass heard a word with low
 * confidence, the segment is decoded again with a runtime grammar of the taxonomy keywords; a keyword the
 * grammar pass hears confidently, overlapping the doubtful word in time, replaces it.
 *
 * <p>Only models with a lookahead graph (small models: graph/Gr.fst + graph/HCLr.fst) accept a runtime
 * grammar; with others this is a no-op. Whether it improves keyword recall could NOT be measured on the
 * build machine (no acoustic model can be downloaded there), which is why it stays off by default.
 */
public final class KeywordBoost {
    private final RecognizerFactory factory;
    private final List<String> phrases;
    private final java.util.Set<String> keywordWords;
    private final double lowConfidence;
    private final double confirmConfidence;
    private final VoskJson json = new VoskJson();

    public KeywordBoost(
            RecognizerFactory factory, List<String> keywords, double lowConfidence, double confirmConfidence) {
        this.factory = factory;
        this.phrases = keywords.stream()
                .map(k -> k.toLowerCase(Locale.ROOT).strip())
                .filter(k -> !k.isEmpty())
                .toList();
        this.keywordWords =
                phrases.stream().flatMap(p -> Arrays.stream(p.split("\\s+"))).collect(Collectors.toUnmodifiableSet());
        this.lowConfidence = lowConfidence;
        this.confirmConfidence = confirmConfidence;
    }

    public boolean applicable() {
        return factory.supportsGrammar() && !phrases.isEmpty();
    }

    public Recognition apply(SpeechSegment segment, Recognition main) {
        if (!applicable() || main.words().stream().noneMatch(w -> w.confidence() < lowConfidence)) {
            return main;
        }
        List<VoskResult> finals = new ArrayList<>();
        try (RecognizerSession s = factory.openGrammar(SpeechSegment.SAMPLE_RATE, phrases)) {
            short[] samples = segment.samples();
            for (int off = 0; off < samples.length; off += SegmentRecognizer.CHUNK) {
                int len = Math.min(SegmentRecognizer.CHUNK, samples.length - off);
                if (s.accept(Arrays.copyOfRange(samples, off, off + len), len)) {
                    finals.add(json.result(s.resultJson()));
                }
            }
            finals.add(json.result(s.finalJson()));
        }
        List<Transcript.Word> grammarWords =
                SegmentRecognizer.merge(finals, segment.startMs()).words();
        List<Transcript.Word> out = new ArrayList<>(main.words().size());
        boolean changed = false;
        for (Transcript.Word w : main.words()) {
            Transcript.Word replacement = w;
            if (w.confidence() < lowConfidence) {
                for (Transcript.Word g : grammarWords) {
                    if (keywordWords.contains(g.word())
                            && g.confidence() >= confirmConfidence
                            && g.startMs() < w.endMs()
                            && w.startMs() < g.endMs()) {
                        replacement = new Transcript.Word(g.word(), w.startMs(), w.endMs(), g.confidence());
                        changed = true;
                        break;
                    }
                }
            }
            out.add(replacement);
        }
        if (!changed) {
            return main;
        }
        double weighted = 0;
        double total = 0;
        for (Transcript.Word w : out) {
            double d = Math.max(1, w.endMs() - w.startMs());
            weighted += w.confidence() * d;
            total += d;
        }
        String text = out.stream().map(Transcript.Word::word).collect(Collectors.joining(" "));
        return new Recognition(text, out, weighted / total, main.speakerVector());
    }
}
