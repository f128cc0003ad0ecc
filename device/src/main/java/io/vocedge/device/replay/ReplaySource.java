package io.vocedge.device.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.device.pipeline.ConversationEnd;
import io.vocedge.device.pipeline.Transcript;
import io.vocedge.device.pipeline.TranscriptSink;
import io.vocedge.protocol.SpeakerRole;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tinylog.Logger;

/**
 * Feeds a transcript replay file (one JSON object per line, at least {@code text} and {@code lang}) into the
 * pipeline as if the recognizer had heard it: for demos, benchmarks, re-processing, and to run the spine
 * without audio. A bad line is reported with its line number and skipped; the rest still plays.
 */
public final class ReplaySource {
    private final Path file;
    private final double ratePerSecond;
    private final ObjectMapper json;

    /**
     * @param ratePerSecond utterances per second; 0 plays as fast as the sink takes them
     */
    public ReplaySource(Path file, double ratePerSecond, ObjectMapper json) {
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("--rate must be >= 0 (0 = as fast as possible), got " + ratePerSecond);
        }
        this.file = file;
        this.ratePerSecond = ratePerSecond;
        this.json = json;
    }

    /** Plays the file into {@code sink}; returns how many lines became transcripts. */
    public Result play(TranscriptSink sink, java.util.function.BooleanSupplier keepGoing) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("replay file " + file + " does not exist or is unreadable");
        }
        long intervalNanos = ratePerSecond > 0 ? (long) (1e9 / ratePerSecond) : 0;
        long next = System.nanoTime();
        int played = 0;
        int skipped = 0;
        int lineNo = 0;
        long clockMs = 0;
        String conversation = newConversationId();
        long conversationStart = 0;
        Map<String, Long> talk = new HashMap<>();
        int inConversation = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null && keepGoing.getAsBoolean()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                ReplayLine r;
                try {
                    r = json.readValue(line, ReplayLine.class);
                    if (r.text() == null || r.lang() == null) {
                        throw new IllegalArgumentException("needs at least \"text\" and \"lang\"");
                    }
                } catch (IOException | IllegalArgumentException e) {
                    skipped++;
                    Logger.warn(
                            "event=replay_line_skipped file={} line={} error=\"{}\"",
                            file,
                            lineNo,
                            firstLine(e.getMessage()));
                    continue;
                }
                if (intervalNanos > 0) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        sleepNanos(wait);
                    }
                    next += intervalNanos;
                }
                if (r.conversationId() != null && !r.conversationId().equals(conversation)) {
                    if (inConversation > 0) {
                        sink.onConversationEnd(
                                new ConversationEnd(conversation, conversationStart, clockMs, "silence", talk));
                    }
                    inConversation = 0;
                    conversation = r.conversationId();
                    conversationStart = clockMs;
                    talk = new HashMap<>();
                }
                long start = r.startMs() != null ? r.startMs() : clockMs;
                long end = r.endMs() != null ? r.endMs() : start + estimateDurationMs(r.text());
                clockMs = Math.max(clockMs, end + 500);
                SpeakerRole role = r.speaker() == null ? SpeakerRole.UNKNOWN : SpeakerRole.fromWire(r.speaker());
                talk.merge(role.wireName(), end - start, Long::sum);
                sink.onTranscript(new Transcript(
                        "replay-" + lineNo,
                        start,
                        end,
                        r.lang(),
                        r.text(),
                        List.of(),
                        r.confidence() == null ? 1.0 : r.confidence(),
                        role,
                        conversation,
                        "replay"));
                played++;
                inConversation++;
                if (Boolean.TRUE.equals(r.endConversation())) {
                    inConversation = 0;
                    sink.onConversationEnd(
                            new ConversationEnd(conversation, conversationStart, clockMs, "button", talk));
                    conversation = newConversationId();
                    conversationStart = clockMs;
                    talk = new HashMap<>();
                }
            }
        }
        if (inConversation > 0) {
            sink.onConversationEnd(new ConversationEnd(conversation, conversationStart, clockMs, "shutdown", talk));
        }
        return new Result(played, skipped);
    }

    /** Lines played and lines skipped as malformed. */
    public record Result(int played, int skipped) {}

    private static String newConversationId() {
        return "conv-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** About 4 words (or 6 CJK characters) per second of speech. */
    static long estimateDurationMs(String text) {
        long cjk = text.codePoints()
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                .count();
        long words = text.isBlank() ? 0 : text.trim().split("\\s+").length;
        return Math.max(300, cjk > 0 ? cjk * 170 : words * 250);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).replace('"', '\'');
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
