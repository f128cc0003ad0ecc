package io.vocedge.device.asr;

import io.vocedge.device.pipeline.SpeechSegment;
import io.vocedge.device.pipeline.Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams one segment through a recognizer session in 100 ms chunks (as a live stream would arrive),
 * collects every final result Vosk emits at its own endpoints plus the closing one, and merges them.
 * Utterance confidence = duration-weighted mean of the word confidences (0 when nothing was heard).
 */
public final class SegmentRecognizer {
    static final int CHUNK = SpeechSegment.SAMPLE_RATE / 10;

    private final RecognizerFactory factory;
    private final VoskJson json = new VoskJson();

    public SegmentRecognizer(RecognizerFactory factory) {
        this.factory = factory;
    }

    /** @param partials receives partial texts as they change (status LED, DEBUG logs); may be a no-op */
    public Recognition recognize(SpeechSegment segment, Consumer<String> partials) {
        List<VoskResult> finals = new ArrayList<>();
        try (RecognizerSession session = factory.open(SpeechSegment.SAMPLE_RATE)) {
            short[] samples = segment.samples();
            String lastPartial = "";
            for (int off = 0; off < samples.length; off += CHUNK) {
                int len = Math.min(CHUNK, samples.length - off);
                short[] chunk =
                        off == 0 && len == samples.length ? samples : Arrays.copyOfRange(samples, off, off + len);
                if (session.accept(chunk, len)) {
                    finals.add(json.result(session.resultJson()));
                } else {
                    String p = json.partial(session.partialJson()).partial();
                    if (!p.equals(lastPartial)) {
                        partials.accept(p);
                        lastPartial = p;
                    }
                }
            }
            finals.add(json.result(session.finalJson()));
        }
        return merge(finals, segment.startMs());
    }

    static Recognition merge(List<VoskResult> finals, long segmentStartMs) {
        List<Transcript.Word> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        float[] spk = null;
        int spkFrames = -1;
        double weighted = 0;
        double total = 0;
        for (VoskResult r : finals) {
            if (!r.text().isBlank()) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(r.text().strip());
            }
            for (VoskResult.VoskWord w : r.result()) {
                long s = segmentStartMs + Math.round(w.start() * 1000);
                long e = segmentStartMs + Math.round(w.end() * 1000);
                double conf = Math.clamp(w.conf(), 0.0, 1.0);
                words.add(new Transcript.Word(w.word(), s, e, conf));
                double d = Math.max(1, e - s);
                weighted += conf * d;
                total += d;
            }
            if (r.spk() != null && r.spkFrames() > spkFrames) {
                spk = r.spk();
                spkFrames = r.spkFrames();
            }
        }
        double confidence = total == 0 ? 0.0 : weighted / total;
        return new Recognition(text.toString(), words, confidence, spk);
    }
}
