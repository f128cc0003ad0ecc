package io.vocedge.gateway.console.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.vocedge.common.cli.BadInputException;
import io.vocedge.gateway.console.auth.AuditLog;
import io.vocedge.gateway.console.auth.ConsoleUser;
import io.vocedge.gateway.console.data.ConsoleQueries;
import io.vocedge.gateway.console.data.Facets;
import io.vocedge.gateway.console.data.Filter;
import io.vocedge.gateway.console.data.Highlight;
import io.vocedge.gateway.console.data.SearchRequest;
import io.vocedge.gateway.console.data.Views.UtteranceView;
import io.vocedge.gateway.http.HttpRoutes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Search over redacted utterance text (issue 14): the page {@code /console/search} and {@code GET /api/v1/search}, with
 * the shared filters (site, since/until, topic, sentiment, speaker, attention) and paging. The caller's site scope is
 * part of the SQL, so a site manager never gets another site's utterance; every search that runs is written to the
 * audit log (who, the query and filters, how many results from which sites) before the answer is sent.
 */
public final class SearchRoutes implements HttpRoutes {
    static final List<String> PARAMS =
            List.of("q", "site", "since", "until", "topic", "sentiment", "speaker", "attention", "limit");
    private final ConsoleAuth auth;
    private final AuditLog audit;
    private final ConsoleQueries queries;
    private final Facets facets;
    private final Templates templates;

    /** One result for the page: the utterance and its text cut into plain and matching segments. */
    public record Hit(UtteranceView u, List<Highlight.Segment> segments) {}

    /** What one search returned: the page of hits and whether there are more. */
    record Outcome(List<UtteranceView> hits, boolean more) {}

    public SearchRoutes(ConsoleAuth auth, AuditLog audit, ConsoleQueries queries, Facets facets, Templates templates) {
        this.auth = auth;
        this.audit = audit;
        this.queries = queries;
        this.facets = facets;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/api/v1/search", auth::apiFilter);
        routes.get("/api/v1/search", this::api);
        routes.get("/console/search", this::page);
    }

    private Outcome run(ConsoleUser user, SearchRequest req, Filter f, String via) throws SQLException {
        List<UtteranceView> rows = queries.search(user.scope(), req.query(), f.withPage(f.limit() + 1, f.offset()));
        boolean more = rows.size() > f.limit();
        List<UtteranceView> hits = more ? rows.subList(0, f.limit()) : rows;
        String sites = hits.stream().map(UtteranceView::site).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(","));
        audit.record(
                user.name(),
                "search",
                "search",
                f.site(),
                "via=" + via + " results=" + hits.size() + " result_sites=" + sites + " filters=" + describe(f) + " q="
                        + req.text());
        return new Outcome(hits, more);
    }

    private void api(Context ctx) throws SQLException {
        SearchRequest req = SearchRequest.parse(ctx.queryParam("q"));
        Filter f = Filter.parse(ctx::queryParam);
        Outcome o = run(ConsoleAuth.user(ctx), req, f, "api");
        List<Map<String, Object>> results = new ArrayList<>();
        for (UtteranceView u : o.hits()) {
            results.add(Exports.utteranceJson(u));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("q", req.text());
        body.put("terms", req.query().terms());
        body.put("limit", f.limit());
        body.put("offset", f.offset());
        body.put("more", o.more());
        body.put("results", results);
        ctx.header("Cache-Control", "no-store");
        ctx.json(body);
    }

    private void page(Context ctx) throws SQLException {
        ConsoleUser user = ConsoleAuth.user(ctx);
        I18n t = I18n.of(ConsoleAuth.lang(ctx));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", ConsoleAuth.page(ctx, t.t("search.title"), "search"));
        p.put("form", form(ctx));
        p.put("sites", facets.sites(user.scope()));
        p.put("topics", facets.topics(user.scope()));
        List<Hit> hits = new ArrayList<>();
        String error = null;
        String prev = null;
        String next = null;
        boolean searched = false;
        try {
            SearchRequest req = SearchRequest.parseOrNull(ctx.queryParam("q"));
            Filter f = Filter.parse(ctx::queryParam);
            if (req != null) {
                searched = true;
                Outcome o = run(user, req, f, "page");
                for (UtteranceView u : o.hits()) {
                    hits.add(new Hit(u, Highlight.segments(u.text(), req.query())));
                }
                if (f.offset() > 0) {
                    prev = href(ctx, Math.max(0, f.offset() - f.limit()));
                }
                if (o.more() && f.offset() + f.limit() <= Filter.MAX_OFFSET) {
                    next = href(ctx, f.offset() + f.limit());
                }
            }
        } catch (BadInputException e) {
            ctx.status(400);
            error = e.getMessage();
        }
        p.put("searched", searched);
        p.put("hits", hits);
        p.put("error", error);
        p.put("prev", prev);
        p.put("next", next);
        templates.page(ctx, "search.jte", p);
    }

    /** The form's current values (as typed, shown escaped), by parameter name. */
    static Map<String, String> form(Context ctx) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : PARAMS) {
            String v = ctx.queryParam(name);
            m.put(name, v == null ? "" : v.length() > 300 ? v.substring(0, 300) : v);
        }
        return m;
    }

    /** This page's link with another offset. */
    static String href(Context ctx, int offset) {
        StringBuilder b = new StringBuilder(ctx.path()).append("?");
        for (String name : PARAMS) {
            String v = ctx.queryParam(name);
            if (v != null && !v.isEmpty()) {
                b.append(name)
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                        .append('&');
            }
        }
        return b.append("offset=").append(offset).toString();
    }

    static String describe(Filter f) {
        List<String> parts = new ArrayList<>();
        if (f.site() != null) {
            parts.add("site:" + f.site());
        }
        if (f.since() != null) {
            parts.add("since:" + f.since());
        }
        if (f.until() != null) {
            parts.add("until:" + f.until());
        }
        if (f.topic() != null) {
            parts.add("topic:" + f.topic());
        }
        if (f.sentiment() != null) {
            parts.add("sentiment:" + f.sentiment());
        }
        if (f.speaker() != null) {
            parts.add("speaker:" + f.speaker());
        }
        if (f.attention() != null) {
            parts.add("attention:" + f.attention());
        }
        parts.add("limit:" + f.limit());
        parts.add("offset:" + f.offset());
        return String.join(";", parts);
    }
}
