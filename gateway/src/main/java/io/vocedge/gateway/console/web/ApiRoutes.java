package io.vocedge.gateway.console.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.vocedge.common.cli.BadInputException;
import io.vocedge.gateway.console.auth.AuditLog;
import io.vocedge.gateway.console.auth.ConsoleUser;
import io.vocedge.gateway.console.data.ConsoleQueries;
import io.vocedge.gateway.console.data.Filter;
import io.vocedge.gateway.console.data.Views.ConversationRow;
import io.vocedge.gateway.console.data.Views.ConversationView;
import io.vocedge.gateway.console.data.Views.Summary;
import io.vocedge.gateway.console.data.Views.UtteranceView;
import io.vocedge.gateway.http.HttpRoutes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The read API of records and conversations (issue 14) under {@code /api/v1/}, behind {@link ConsoleAuth#apiFilter}
 * (bearer token or session) and the caller's site scope, which is part of every query: a site manager asking for
 * another site gets no rows ({@code site=} outside the scope) or a 404 (a conversation of another site, the same answer
 * as for one that does not exist). Pages are {@code limit} (1-{@value Filter#MAX_LIMIT}) and {@code offset}; an answer
 * says whether there is {@code more} and the {@code next_offset}. Unknown or malformed parameters are a 400 naming the
 * parameter. Reads of transcript text (records, a conversation, their CSV exports) are written to the audit log, and
 * so are refused reads. The conversation page's CSV download ({@code /console/conversations/.../utterances.csv}) is
 * here too: the same query and scope as the API. Documented in {@code gateway/openapi.yaml}.
 */
public final class ApiRoutes implements HttpRoutes {
    private static final Set<String> RECORD_PARAMS =
            Set.of("since", "until", "site", "topic", "sentiment", "speaker", "attention", "limit", "offset");
    private static final Set<String> CONVERSATION_PARAMS =
            Set.of("since", "until", "site", "topic", "sentiment", "attention", "limit", "offset");
    private final ConsoleAuth auth;
    private final AuditLog audit;
    private final ConsoleQueries queries;

    public ApiRoutes(ConsoleAuth auth, AuditLog audit, ConsoleQueries queries) {
        this.auth = auth;
        this.audit = audit;
        this.queries = queries;
    }

    @Override
    public void register(RoutesConfig routes) {
        for (String p : List.of(
                "/api/v1/records",
                "/api/v1/records.csv",
                "/api/v1/conversations",
                "/api/v1/conversations.csv",
                "/api/v1/conversations/*")) {
            routes.before(p, auth::apiFilter);
        }
        routes.get("/api/v1/records", ctx -> records(ctx, false));
        routes.get("/api/v1/records.csv", ctx -> records(ctx, true));
        routes.get("/api/v1/conversations", ctx -> conversations(ctx, false));
        routes.get("/api/v1/conversations.csv", ctx -> conversations(ctx, true));
        routes.get("/api/v1/conversations/{device}/{conversation}", ctx -> conversation(ctx, false, "api"));
        routes.get(
                "/api/v1/conversations/{device}/{conversation}/utterances.csv", ctx -> conversation(ctx, true, "api"));
        routes.get(
                "/console/conversations/{device}/{conversation}/utterances.csv",
                ctx -> conversation(ctx, true, "page"));
    }

    private void records(Context ctx, boolean csv) throws SQLException {
        Filter f = filter(ctx, RECORD_PARAMS);
        ConsoleUser user = ConsoleAuth.user(ctx);
        List<UtteranceView> rows = queries.utterances(user.scope(), f.withPage(f.limit() + 1, f.offset()));
        boolean more = rows.size() > f.limit();
        List<UtteranceView> page = more ? rows.subList(0, f.limit()) : rows;
        audit.record(
                user.name(),
                "records_read",
                "records",
                f.site(),
                "via=" + (csv ? "api_csv" : "api") + " results=" + page.size() + " result_sites="
                        + sites(page.stream().map(UtteranceView::site).toList()));
        ctx.header("Cache-Control", "no-store");
        if (csv) {
            Csv out = new Csv().row(Exports.UTTERANCE_CSV_HEADER);
            for (UtteranceView u : page) {
                Exports.utteranceCsv(out, u);
            }
            sendCsv(ctx, "records.csv", out);
            return;
        }
        List<Map<String, Object>> results = new ArrayList<>();
        page.forEach(u -> results.add(Exports.utteranceJson(u)));
        ctx.json(paged(f, more, results));
    }

    private void conversations(Context ctx, boolean csv) throws SQLException {
        Filter f = filter(ctx, CONVERSATION_PARAMS);
        ConsoleUser user = ConsoleAuth.user(ctx);
        List<ConversationRow> rows = queries.conversations(user.scope(), f.withPage(f.limit() + 1, f.offset()));
        boolean more = rows.size() > f.limit();
        List<ConversationRow> page = more ? rows.subList(0, f.limit()) : rows;
        ctx.header("Cache-Control", "no-store");
        if (csv) {
            Csv out = new Csv().row(Exports.CONVERSATION_CSV_HEADER);
            for (ConversationRow r : page) {
                Exports.conversationCsv(out, r);
            }
            sendCsv(ctx, "conversations.csv", out);
            return;
        }
        List<Map<String, Object>> results = new ArrayList<>();
        page.forEach(r -> results.add(Exports.conversationJson(r)));
        ctx.json(paged(f, more, results));
    }

    private void conversation(Context ctx, boolean csv, String via) throws SQLException {
        if (!ctx.queryParamMap().isEmpty()) {
            throw new BadInputException("unknown parameter '"
                    + Filter.shorten(ctx.queryParamMap().keySet().iterator().next()) + "': this endpoint takes none");
        }
        ConsoleUser user = ConsoleAuth.user(ctx);
        String device = ctx.pathParam("device");
        String conversation = ctx.pathParam("conversation");
        Optional<ConversationView> view =
                io.vocedge.protocol.Ids.isValid(device) && !conversation.isEmpty() && conversation.length() <= 64
                        ? queries.conversation(user.scope(), device, conversation)
                        : Optional.empty();
        if (view.isEmpty()) {
            Optional<String> site = io.vocedge.protocol.Ids.isValid(device) && conversation.length() <= 64
                    ? queries.conversationSite(device, conversation)
                    : Optional.empty();
            if (site.isPresent()) {
                audit.record(
                        user.name(),
                        "conversation_refused",
                        device + "/" + conversation,
                        site.get(),
                        "via=" + via + (csv ? "_csv" : "") + " outside the user's sites");
            }
            // The same answer whether it does not exist or belongs to another site: nothing leaks.
            throw new HttpResponseException(
                    404,
                    "no conversation " + Filter.shorten(device) + "/" + Filter.shorten(conversation)
                            + " that you may see",
                    Map.of());
        }
        ConversationView c = view.get();
        audit.record(
                user.name(),
                "conversation_read",
                device + "/" + conversation,
                c.site(),
                "via=" + via + (csv ? "_csv" : ""));
        ctx.header("Cache-Control", "no-store");
        if (csv) {
            Csv out = new Csv().row(Exports.UTTERANCE_CSV_HEADER);
            for (UtteranceView u : c.utterances()) {
                Exports.utteranceCsv(out, u);
            }
            sendCsv(ctx, device + "-" + conversation + ".csv", out);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("device_id", c.deviceId());
        body.put("site", c.site());
        body.put("conversation_id", c.conversationId());
        body.put("summary", c.summary() == null ? null : summary(c.summary()));
        List<Map<String, Object>> utterances = new ArrayList<>();
        c.utterances().forEach(u -> utterances.add(Exports.utteranceJson(u)));
        body.put("utterances", utterances);
        ctx.json(body);
    }

    /** The shared filters, after refusing parameters this endpoint does not know (a typo must not widen a query). */
    private static Filter filter(Context ctx, Set<String> allowed) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!allowed.contains(name)) {
                throw new BadInputException("unknown parameter '" + Filter.shorten(name) + "': use "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
            if (ctx.queryParams(name).size() > 1) {
                throw new BadInputException("parameter '" + name + "' given more than once");
            }
        }
        return Filter.parse(ctx::queryParam);
    }

    private static Map<String, Object> paged(Filter f, boolean more, List<Map<String, Object>> results) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("limit", f.limit());
        body.put("offset", f.offset());
        body.put("more", more);
        body.put("next_offset", more ? f.offset() + f.limit() : null);
        body.put("results", results);
        return body;
    }

    private static Map<String, Object> summary(Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("started_at", str(s.startedAt()));
        m.put("ended_at", str(s.endedAt()));
        m.put("duration_ms", s.durationMs());
        m.put("end_reason", s.endReason());
        m.put("utterance_count", s.utteranceCount());
        m.put("experience_score", s.score());
        Map<String, Object> compliance = new LinkedHashMap<>();
        compliance.put("greeting", s.greeting());
        compliance.put("thanks", s.thanks());
        compliance.put("no_profanity", s.noProfanity());
        m.put("compliance", compliance);
        Map<String, Object> attention = new LinkedHashMap<>();
        attention.put("flag", s.attention());
        attention.put("reason", s.reason());
        m.put("attention", attention);
        m.put("topic_counts", s.topicCounts());
        return m;
    }

    private static void sendCsv(Context ctx, String filename, Csv csv) {
        ctx.header(
                "Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9_.-]", "_") + "\"");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("text/csv; charset=utf-8").result(csv.toString());
    }

    private static String sites(List<String> sites) {
        return String.join(",", new TreeSet<>(sites));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
