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
 * Turns transcripts into outbox records, redacting personal data FIRST: the raw transcript never reaches the
 * outbox, the disk or a log line above DEBUG. Conversation summaries carry the boundaries, durations, talk time
 * and utterance counts this stage saw.
 *
 * <p>Scope today: redaction and record building. Topic spotting, sentiment, compliance and the peak-end score
 * belong to the insight-engine work (issue 5) and are not implemented yet: utterances carry no topics and a
 * neutral sentiment, summaries leave those fields out. Nothing here pretends otherwise.
 */
public final class InsightStage implements TranscriptSink {
    private final String deviceId;
    private final Redactor redactor;
    private final RecordSink sink;
    private final RecordClock clock;
    private final String lexiconVersion;
    private final Map<String, Conversation> open = new HashMap<>();

    private static final class Conversation {
        int utterances;
        final Set<String> redactions = new LinkedHashSet<>();
        RecordTime started;
    }

    public InsightStage(String deviceId, Redactor redactor, RecordSink sink, RecordClock clock, String lexiconVersion) {
        this.deviceId = deviceId;
        this.redactor = redactor;
        this.sink = sink;
        this.clock = clock;
        this.lexiconVersion = lexiconVersion;
    }

    @Override
    public synchronized void onTranscript(Transcript t) {
        Redactor.Result r = redactor.redact(t.text());
        String text = r.text().length() > Limits.MAX_TEXT_CHARS ? r.text().substring(0, Limits.MAX_TEXT_CHARS) : r.text();
        RecordTime now = clock.now();
        Utterance u = new Utterance(deviceId, 0, now, t.conversationId(), t.lang(), t.speaker(), text, t.startMs(),
                t.endMs(), t.confidence(), r.kinds(), List.of(), null, List.of(), lexiconVersion, t.source());
        try {
            long seq = sink.accept(u);
            Logger.debug("event=utterance_accepted seq={} redactions={}", seq, r.kinds());
        } catch (RecordSink.RecordRejectedException e) {
            Logger.error("event=utterance_lost segment={} reason=\"{}\"", t.segmentId(), e.getMessage());
        }
        if (t.conversationId() != null) {
            Conversation c = open.computeIfAbsent(t.conversationId(), id -> new Conversation());
            if (c.started == null) {
                c.started = now;
            }
            c.utterances++;
            c.redactions.addAll(r.kinds());
        }
    }

    @Override
    public synchronized void onConversationEnd(ConversationEnd end) {
        Conversation c = open.remove(end.conversationId());
        RecordTime now = clock.now();
        int count = c == null ? 0 : c.utterances;
        ConversationSummary s = new ConversationSummary(deviceId, 0, now, end.conversationId(),
                c == null || c.started == null ? null : c.started.wall(), now.wall(), Math.max(0, end.endMs() - end.startMs()),
                end.reason(), count, end.talkMsByRole(), Map.of(), Map.of(), null, null, null,
                c == null ? List.of() : new ArrayList<>(c.redactions), lexiconVersion);
        try {
            sink.accept(s);
        } catch (RecordSink.RecordRejectedException e) {
            Logger.error("event=summary_lost conversation={} reason=\"{}\"", end.conversationId(), e.getMessage());
        }
    }
}
