package io.vocedge.device.insights;

import io.vocedge.device.pipeline.ConversationEnd;
import io.vocedge.device.pipeline.RecordClock;
import io.vocedge.device.pipeline.RecordSink;
import io.vocedge.device.pipeline.Transcript;
import io.vocedge.device.pipeline.TranscriptSink;
import io.vocedge.protocol.ConversationSummary;
import io.vocedge.protocol.Limits;
import io.vocedge.protocol.RecordTime;
import io.vocedge.protocol.Utterance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tinylog.Logger;

/**
 * Turns transcripts into outbox records. The engine redacts personal data FIRST: the raw transcript never reaches
 * the outbox, the disk or a log line above DEBUG. When a conversation ends, its summary (topics, sentiment per role,
 * peak-end score, compliance, attention) goes to the outbox too.
 *
 * <p>Bounded: at most {@link #MAX_OPEN_CONVERSATIONS} conversations are tracked; beyond that the oldest is summarised
 * early with reason {@code overflow} (logged), so a lost end event cannot grow memory without bound.
 */
public final class InsightStage implements TranscriptSink {
    static final int MAX_OPEN_CONVERSATIONS = 64;

    private final String deviceId;
    private final InsightEngine engine;
    private final ConversationScorer scorer = new ConversationScorer();
    private final RecordSink sink;
    private final RecordClock clock;
    private final Map<String, Conversation> open = new HashMap<>();

    private static final class Conversation {
        final List<ConversationScorer.Turn> turns = new ArrayList<>();
        final Set<String> redactions = new LinkedHashSet<>();
        RecordTime started;
    }

    /** The analysis of one transcript (the engine's in production; a test can make it fail). */
    @FunctionalInterface
    interface Analyzer {
        InsightEngine.Analysis analyze(String text, String lang, String role);
    }

    private final Analyzer analyzer;
    private final java.util.concurrent.atomic.AtomicLong unanalyzable = new java.util.concurrent.atomic.AtomicLong();

    public InsightStage(String deviceId, InsightEngine engine, RecordSink sink, RecordClock clock) {
        this(deviceId, engine, engine::analyze, sink, clock);
    }

    InsightStage(String deviceId, InsightEngine engine, Analyzer analyzer, RecordSink sink, RecordClock clock) {
        this.deviceId = deviceId;
        this.engine = engine;
        this.analyzer = analyzer;
        this.sink = sink;
        this.clock = clock;
    }

    /** Transcripts dropped because their analysis failed (never stored: their text could not be redacted). */
    public long unanalyzable() {
        return unanalyzable.get();
    }

    @Override
    public synchronized void onTranscript(Transcript t) {
        InsightEngine.Analysis a;
        try {
            a = analyzer.analyze(
                    t.text(), t.lang(), t.speaker() == null ? null : t.speaker().wireName());
        } catch (RuntimeException | StackOverflowError e) {
            // A text the redactor cannot get through is dropped, never stored raw; the transcript is consumed so the
            // speech stage does not retry the same text for ever (a poison pill would stop every later segment).
            unanalyzable.incrementAndGet();
            Logger.error(
                    "event=utterance_unanalyzable segment={} chars={} error={}",
                    t.segmentId(),
                    t.text() == null ? 0 : t.text().length(),
                    e.getClass().getSimpleName());
            return;
        }
        String text = a.redactedText().length() > Limits.MAX_TEXT_CHARS
                ? a.redactedText().substring(0, Limits.MAX_TEXT_CHARS)
                : a.redactedText();
        RecordTime now = clock.now();
        Utterance u = new Utterance(
                deviceId,
                0,
                now,
                t.conversationId(),
                a.lang(),
                t.speaker(),
                text,
                t.startMs(),
                t.endMs(),
                t.confidence(),
                a.redactions(),
                a.topics(),
                a.sentiment(),
                a.flags(),
                a.lexiconVersion(),
                t.source(),
                a.sentimentEvidence(),
                a.flagEvidence(),
                a.modelVersion());
        try {
            long seq = sink.accept(u);
            Logger.debug(
                    "event=utterance_accepted seq={} topics={} sentiment={}",
                    seq,
                    a.topicIds(),
                    a.sentiment().label());
        } catch (RecordSink.RecordRejectedException e) {
            Logger.error("event=utterance_lost segment={} reason=\"{}\"", t.segmentId(), e.getMessage());
        }
        if (t.conversationId() != null) {
            if (!open.containsKey(t.conversationId()) && open.size() >= MAX_OPEN_CONVERSATIONS) {
                String oldest = open.keySet().iterator().next();
                Logger.warn("event=conversation_overflow closing={} open={}", oldest, open.size());
                onConversationEnd(new ConversationEnd(oldest, 0, 0, "overflow", Map.of()));
            }
            Conversation c = open.computeIfAbsent(t.conversationId(), id -> new Conversation());
            if (c.started == null) {
                c.started = now;
            }
            c.turns.add(new ConversationScorer.Turn(t.speaker(), a));
            c.redactions.addAll(a.redactions());
        }
    }

    @Override
    public synchronized void onConversationEnd(ConversationEnd end) {
        Conversation c = open.remove(end.conversationId());
        List<ConversationScorer.Turn> turns = c == null ? List.of() : c.turns;
        ConversationScorer.Score s = scorer.score(turns);
        RecordTime now = clock.now();
        ConversationSummary summary = new ConversationSummary(
                deviceId,
                0,
                now,
                end.conversationId(),
                c == null || c.started == null ? null : c.started.wall(),
                now.wall(),
                Math.max(0, end.endMs() - end.startMs()),
                end.reason(),
                turns.size(),
                end.talkMsByRole(),
                s.topicCounts(),
                s.sentimentByRole(),
                s.experienceScore(),
                s.compliance(),
                s.attention(),
                c == null ? List.of() : new ArrayList<>(c.redactions),
                engine.lexiconVersion(),
                s.flagCounts(),
                engine.modelVersion());
        try {
            sink.accept(summary);
        } catch (RecordSink.RecordRejectedException e) {
            Logger.error("event=summary_lost conversation={} reason=\"{}\"", end.conversationId(), e.getMessage());
        }
    }
}
