package io.vocedge.device.asr;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Recognizer double at the edge of the missing acoustic model. It emits Vosk's documented JSON shapes computed
 * from the audio it is fed: one word per 500 ms of audio, named after the mean absolute amplitude of that
 * stretch ({@code a<amplitude/100>}), confidence = amplitude / 32767, plus an optional speaker vector. Silence
 * (all zeros) gives an empty result, as Vosk does. {@code costNanosPerSample} busy-waits to emulate a slow CPU.
 */
final class FakeRecognizerFactory implements RecognizerFactory {
    final AtomicInteger sessionsOpened = new AtomicInteger();
    final AtomicInteger sessionsClosed = new AtomicInteger();
    private final float[] speakerVector;
    private final boolean grammar;
    volatile long costNanosPerSample;
    volatile boolean closed;

    FakeRecognizerFactory(float[] speakerVector, boolean grammar) {
        this.speakerVector = speakerVector;
        this.grammar = grammar;
    }

    @Override
    public RecognizerSession open(float sampleRate) {
        sessionsOpened.incrementAndGet();
        return new Session(null);
    }

    @Override
    public RecognizerSession openGrammar(float sampleRate, List<String> phrases) {
        sessionsOpened.incrementAndGet();
        return new Session(phrases);
    }

    @Override
    public boolean supportsGrammar() {
        return grammar;
    }

    @Override
    public boolean hasSpeakerModel() {
        return speakerVector != null;
    }

    @Override
    public void close() {
        closed = true;
    }

    private final class Session implements RecognizerSession {
        private final List<String> grammarPhrases;
        private final StringBuilder words = new StringBuilder();
        private long samples;
        private long windowSum;
        private int windowLen;
        private int wordCount;

        Session(List<String> grammarPhrases) {
            this.grammarPhrases = grammarPhrases;
        }

        @Override
        public boolean accept(short[] data, int length) {
            long until = System.nanoTime() + costNanosPerSample * length;
            for (int i = 0; i < length; i++) {
                windowSum += Math.abs(data[i]);
                windowLen++;
                samples++;
                if (windowLen == 8000) {
                    emitWord();
                }
            }
            while (costNanosPerSample > 0 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return false;
        }

        private void emitWord() {
            long mean = windowSum / windowLen;
            double end = samples / 16000.0;
            double start = end - windowLen / 16000.0;
            windowSum = 0;
            windowLen = 0;
            if (mean == 0) {
                return;
            }
            String w = grammarPhrases != null ? grammarPhrases.getFirst() : "a" + mean / 100;
            double conf = grammarPhrases != null ? 0.95 : Math.min(1.0, mean / 32767.0);
            if (wordCount++ > 0) {
                words.append(',');
            }
            words.append(String.format(
                    java.util.Locale.ROOT,
                    "{\"conf\":%.6f,\"end\":%.3f,\"start\":%.3f,\"word\":\"%s\"}",
                    conf,
                    end,
                    start,
                    w));
        }

        @Override
        public String partialJson() {
            return "{\"partial\" : \"" + "x".repeat(wordCount) + "\"}";
        }

        @Override
        public String resultJson() {
            throw new UnsupportedOperationException("fake never reports an endpoint");
        }

        @Override
        public String finalJson() {
            if (windowLen > 0) {
                emitWord();
            }
            if (wordCount == 0) {
                return "{\"text\" : \"\"}";
            }
            StringBuilder text = new StringBuilder();
            for (String part : words.toString().split("\"word\":\"")) {
                int q = part.indexOf('"');
                if (q >= 0 && text.length() + part.length() > 0 && part.contains("\"}")) {
                    text.append(text.isEmpty() ? "" : " ").append(part, 0, q);
                }
            }
            String spk = speakerVector == null
                    ? ""
                    : ", \"spk\" : " + java.util.Arrays.toString(speakerVector) + ", \"spk_frames\" : " + samples / 160;
            return "{\"result\" : [" + words + "], \"text\" : \"" + text + "\"" + spk + "}";
        }

        @Override
        public void close() {
            sessionsClosed.incrementAndGet();
        }
    }
}
