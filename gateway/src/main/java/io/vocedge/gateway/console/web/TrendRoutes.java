package io.vocedge.gateway.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.vocedge.common.cli.BadInputException;
import io.vocedge.gateway.console.auth.AuditLog;
import io.vocedge.gateway.console.auth.ConsoleUser;
import io.vocedge.gateway.console.data.Facets;
import io.vocedge.gateway.console.data.TrendQueries;
import io.vocedge.gateway.console.data.TrendReport;
import io.vocedge.gateway.console.data.TrendReport.SitePeriod;
import io.vocedge.gateway.console.data.TrendRequest;
import io.vocedge.gateway.console.data.Views.TrendRow;
import io.vocedge.gateway.http.HttpRoutes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trends (issue 14): the page {@code /console/trends} with four ECharts charts and a compare-sites table, its CSV
 * downloads {@code /console/trends.csv?chart=...}, and the read API {@code GET /api/v1/trends} (JSON) and
 * {@code GET /api/v1/trends.csv?chart=...}. Parameters: {@code period} (day/week), {@code since}, {@code until}, {@code
 * site} (repeat to compare), {@code topic}. Every answer is limited to the caller's sites; every API read and CSV
 * download is written to the audit log.
 */
public final class TrendRoutes implements HttpRoutes {
    private final ConsoleAuth auth;
    private final AuditLog audit;
    private final TrendQueries trends;
    private final Facets facets;
    private final Templates templates;
    private final ObjectMapper json;
    private final Clock clock;

    /** One chart on the page: its id (also the CSV's), its ECharts option as JSON and its CSV link. */
    public record Chart(String id, String option, String csvHref) {}

    public TrendRoutes(
            ConsoleAuth auth,
            AuditLog audit,
            TrendQueries trends,
            Facets facets,
            Templates templates,
            ObjectMapper json,
            Clock clock) {
        this.auth = auth;
        this.audit = audit;
        this.trends = trends;
        this.facets = facets;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/api/v1/trends", auth::apiFilter);
        routes.before("/api/v1/trends.csv", auth::apiFilter);
        routes.get("/api/v1/trends", this::api);
        routes.get("/api/v1/trends.csv", ctx -> csv(ctx, "api"));
        routes.get("/console/trends", this::page);
        routes.get("/console/trends.csv", ctx -> csv(ctx, "page"));
    }

    private TrendRequest request(Context ctx) {
        return TrendRequest.parse(ctx::queryParam, ctx::queryParams, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    private void api(Context ctx) throws SQLException {
        TrendRequest req = request(ctx);
        ConsoleUser user = ConsoleAuth.user(ctx);
        TrendReport r = trends.report(user.scope(), req);
        audit.record(user.name(), "trends_read", "api", String.join(",", req.sites()), describe(req));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", req.period());
        body.put("since", req.since().toString());
        body.put("until", req.until().toString());
        body.put("sites", r.sites());
        List<Map<String, Object>> topics = new ArrayList<>();
        for (TrendRow x : r.topics()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("period", x.period());
            m.put("site", x.site());
            m.put("topic", x.topic());
            m.put("mentions", x.mentions());
            m.put("negative", x.negative());
            m.put("negative_share", x.negativeShare());
            topics.add(m);
        }
        body.put("topics", topics);
        List<Map<String, Object>> conversations = new ArrayList<>();
        for (SitePeriod x : r.conversations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("period", x.period());
            m.put("site", x.site());
            m.put("conversations", x.conversations());
            m.put("greeting_rate", SitePeriod.rate(x.greeting(), x.conversations()));
            m.put("thanks_rate", SitePeriod.rate(x.thanks(), x.conversations()));
            m.put("no_profanity_rate", SitePeriod.rate(x.noProfanity(), x.conversations()));
            m.put("attention", x.attention());
            m.put("experience_score", x.score());
            conversations.add(m);
        }
        body.put("conversations", conversations);
        ctx.header("Cache-Control", "no-store");
        ctx.json(body);
    }

    private void csv(Context ctx, String via) throws SQLException {
        String chart = ctx.queryParam("chart");
        if (chart == null || !TrendCharts.CHARTS.contains(chart)) {
            throw new BadInputException(
                    "chart '" + (chart == null ? "" : io.vocedge.common.text.Printable.of(chart, 40)) + "': use one of "
                            + String.join(", ", TrendCharts.CHARTS));
        }
        TrendRequest req = request(ctx);
        ConsoleUser user = ConsoleAuth.user(ctx);
        TrendReport r = trends.report(user.scope(), req);
        String body = TrendCharts.csv(chart, r);
        audit.record(
                user.name(),
                "trends_export",
                chart,
                String.join(",", req.sites()),
                "via=" + via + " " + describe(req) + " result_sites=" + String.join(",", r.sites()));
        Templates.secure(ctx);
        ctx.header(
                "Content-Disposition",
                "attachment; filename=\"voc-trends-" + chart + "-" + req.period() + "-" + req.since() + "_"
                        + req.until() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(body);
    }

    private void page(Context ctx) throws SQLException {
        ConsoleUser user = ConsoleAuth.user(ctx);
        I18n t = I18n.of(ConsoleAuth.lang(ctx));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", ConsoleAuth.page(ctx, t.t("trends.title"), "trends"));
        p.put("sites", facets.sites(user.scope()));
        p.put("topics", facets.topics(user.scope()));
        List<Chart> charts = new ArrayList<>();
        TrendReport report = null;
        String error = null;
        TrendRequest req;
        try {
            req = request(ctx);
            report = trends.report(user.scope(), req);
            String query = query(ctx);
            for (String id : List.of("volume", "negative", "compliance", "experience")) {
                charts.add(new Chart(
                        id, write(TrendCharts.option(id, report, t)), "/console/trends.csv?chart=" + id + query));
            }
        } catch (BadInputException e) {
            ctx.status(400);
            error = e.getMessage();
            req = null;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("period", req != null ? req.period() : "day");
        form.put("since", req != null ? req.since().toString() : "");
        form.put("until", req != null ? req.until().toString() : "");
        form.put("topic", req != null && req.topic() != null ? req.topic() : "");
        p.put("form", form);
        p.put("chosen", req != null ? req.sites() : List.of());
        p.put("charts", charts);
        p.put("totals", report != null ? report.siteTotals() : List.of());
        p.put("sitesCsv", report != null ? "/console/trends.csv?chart=sites" + query(ctx) : null);
        p.put("error", error);
        templates.page(ctx, "trends.jte", p);
    }

    private String write(Map<String, Object> option) {
        try {
            return json.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page's own filter parameters as {@code &name=value...}, for its CSV links. */
    static String query(Context ctx) {
        StringBuilder b = new StringBuilder();
        for (String name : List.of("period", "since", "until", "topic", "site")) {
            for (String v : ctx.queryParams(name)) {
                if (v != null && !v.isBlank()) {
                    b.append('&').append(name).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                }
            }
        }
        return b.toString();
    }

    static String describe(TrendRequest r) {
        return "period=" + r.period() + " since=" + r.since() + " until=" + r.until() + " sites="
                + String.join(",", r.sites()) + (r.topic() != null ? " topic=" + r.topic() : "");
    }
}
