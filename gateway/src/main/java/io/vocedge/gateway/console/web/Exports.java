package io.vocedge.gateway.console.web;

import io.vocedge.gateway.console.data.Views.ConversationRow;
import io.vocedge.gateway.console.data.Views.TopicView;
import io.vocedge.gateway.console.data.Views.UtteranceView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One shape per exported row, shared by the read API ({@code /api/v1/records}, {@code /api/v1/conversations} and their
 * CSV downloads) and {@code voc-gateway records}, so a script sees the same fields whichever door it uses.
 */
public final class Exports {
    public static final List<String> UTTERANCE_CSV_HEADER = List.of(
            "device_id",
            "seq",
            "at",
            "site",
            "conversation_id",
            "speaker",
            "lang",
            "text",
            "sentiment",
            "sentiment_score",
            "topics");
    public static final List<String> CONVERSATION_CSV_HEADER =
            List.of("device_id", "site", "conversation_id", "at", "attention", "reason", "score", "topics");

    private Exports() {}

    public static void utteranceCsv(Csv out, UtteranceView u) {
        out.row(
                u.deviceId(),
                u.seq(),
                str(u.at()),
                u.site(),
                u.conversationId(),
                u.speaker(),
                u.lang(),
                u.text(),
                u.sentiment(),
                u.sentimentScore(),
                topicIds(u));
    }

    public static void conversationCsv(Csv out, ConversationRow r) {
        out.row(
                r.deviceId(),
                r.site(),
                r.conversationId(),
                str(r.at()),
                r.attention(),
                r.reason(),
                r.score(),
                String.join(" ", r.topics()));
    }

    /** An utterance as JSON: text, sentiment and topics with their evidence, and the console link of its conversation. */
    public static Map<String, Object> utteranceJson(UtteranceView u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device_id", u.deviceId());
        m.put("seq", u.seq());
        m.put("at", str(u.at()));
        m.put("site", u.site());
        m.put("conversation_id", u.conversationId());
        m.put("speaker", u.speaker());
        m.put("lang", u.lang());
        m.put("text", u.text());
        m.put("sentiment", u.sentiment());
        m.put("sentiment_score", u.sentimentScore());
        List<Map<String, Object>> topics = new java.util.ArrayList<>();
        for (TopicView t : u.topics()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("id", t.id());
            tm.put("sentiment", t.sentiment());
            tm.put("evidence", t.evidence());
            topics.add(tm);
        }
        m.put("topics", topics);
        m.put("flags", u.flags());
        m.put(
                "conversation_url",
                u.conversationId() == null ? null : Format.conversationHref(u.deviceId(), u.conversationId()));
        return m;
    }

    /** A conversation's verdict as JSON, with the API address of the whole conversation. */
    public static Map<String, Object> conversationJson(ConversationRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device_id", r.deviceId());
        m.put("device_name", r.deviceName());
        m.put("site", r.site());
        m.put("conversation_id", r.conversationId());
        m.put("at", str(r.at()));
        m.put("attention", r.attention());
        m.put("reason", r.reason());
        m.put("score", r.score());
        m.put("topics", r.topics());
        m.put(
                "url",
                "/api/v1"
                        + Format.conversationHref(r.deviceId(), r.conversationId())
                                .substring("/console".length()));
        return m;
    }

    public static String topicIds(UtteranceView u) {
        return u.topics().stream().map(TopicView::id).collect(Collectors.joining(" "));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
