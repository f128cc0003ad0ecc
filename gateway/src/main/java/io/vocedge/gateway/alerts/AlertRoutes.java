package io.vocedge.gateway.alerts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.vocedge.gateway.http.HttpRoutes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alert HTTP routes.
 * <ul>
 *   <li>{@code GET /alerts/cases/{id}/{ack|resolve}?exp=&sig=}: the signed link of a notification. It only shows a
 *       confirmation form (link previews in chat apps must not acknowledge anything); the form's POST to the same
 *       signed URL changes the case. A wrong or expired signature is 403 and changes nothing.</li>
 *   <li>{@code /admin/alerts/...} (bearer token, checked by the admin routes' filter): case list, case with its
 *       audit trail, ack, resolve, time-to-ack/resolve per site.</li>
 * </ul>
 */
public final class AlertRoutes implements HttpRoutes {
    private static final Set<String> ACTIONS = Set.of("ack", "resolve");
    private final AlertsService alerts;

    public AlertRoutes(AlertsService alerts) {
        this.alerts = alerts;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/alerts/cases/{id}/{action}", this::confirmPage);
        routes.post("/alerts/cases/{id}/{action}", this::signedAction);
        routes.get("/admin/alerts/cases", this::list);
        routes.get("/admin/alerts/cases/{id}", this::detail);
        routes.post("/admin/alerts/cases/{id}/ack", ctx -> adminChange(ctx, "ack"));
        routes.post("/admin/alerts/cases/{id}/resolve", ctx -> adminChange(ctx, "resolve"));
        routes.get("/admin/alerts/times", this::times);
    }

    /** False (and a 403 page) unless the link's signature matches and it has not expired. */
    private boolean signed(Context ctx) {
        String id = ctx.pathParam("id");
        String action = ctx.pathParam("action");
        if (!ACTIONS.contains(action)
                || !alerts.links()
                        .valid(
                                id,
                                action,
                                ctx.queryParam("exp"),
                                ctx.queryParam("sig"),
                                alerts.clock().instant())) {
            page(
                    ctx,
                    403,
                    "Link not valid",
                    "This link is not valid or has expired. Open the case in the console instead.");
            return false;
        }
        return true;
    }

    private void confirmPage(Context ctx) throws Exception {
        if (!signed(ctx)) {
            return;
        }
        CaseService.CaseView c = alerts.cases().get(ctx.pathParam("id"));
        if (c == null) {
            page(ctx, 404, "No such case", "The case does not exist.");
            return;
        }
        String action = ctx.pathParam("action");
        String form = "<form method=\"post\">"
                + (action.equals("resolve")
                        ? "<label>Resolution note <textarea name=\"note\" maxlength=\"2000\" required></textarea></label><br>"
                        : "")
                + "<label>Your name <input name=\"actor\" maxlength=\"64\" required></label><br>"
                + "<button type=\"submit\">" + (action.equals("ack") ? "Acknowledge" : "Resolve") + "</button></form>";
        html(
                ctx,
                200,
                (action.equals("ack") ? "Acknowledge" : "Resolve") + " case",
                "<p>" + esc(c.title()) + "</p><p>Site " + esc(c.site()) + ", state " + esc(c.state()) + "</p>" + form);
    }

    private void signedAction(Context ctx) throws Exception {
        if (!signed(ctx)) {
            return;
        }
        String actor = ctx.formParam("actor");
        actor = actor == null || actor.isBlank() ? "link" : "link:" + actor.strip();
        String action = ctx.pathParam("action");
        CaseService.Change r = action.equals("ack")
                ? alerts.cases()
                        .acknowledge(ctx.pathParam("id"), actor, alerts.clock().instant())
                : alerts.cases()
                        .resolve(
                                ctx.pathParam("id"),
                                actor,
                                ctx.formParam("note"),
                                alerts.clock().instant());
        switch (r) {
            case DONE ->
                page(ctx, 200, "Done", "The case is " + (action.equals("ack") ? "acknowledged" : "resolved") + ".");
            case ALREADY ->
                page(
                        ctx,
                        409,
                        "Nothing changed",
                        "The case was already " + (action.equals("ack") ? "acknowledged or resolved" : "resolved")
                                + ".");
            default -> page(ctx, 404, "No such case", "The case does not exist.");
        }
    }

    private void list(Context ctx) throws Exception {
        int limit = 100;
        String l = ctx.queryParam("limit");
        if (l != null && l.matches("\\d{1,4}")) {
            limit = Integer.parseInt(l);
        }
        ctx.json(alerts.cases().list(ctx.queryParam("site"), ctx.queryParam("state"), limit).stream()
                .map(AlertRoutes::view)
                .toList());
    }

    private void detail(Context ctx) throws Exception {
        CaseService.CaseView c = alerts.cases().get(ctx.pathParam("id"));
        if (c == null) {
            throw new HttpResponseException(404, "no case with id " + ctx.pathParam("id"), Map.of());
        }
        Map<String, Object> out = view(c);
        out.put("events", alerts.cases().events(c.id()));
        ctx.json(out);
    }

    private void adminChange(Context ctx, String action) throws Exception {
        String note = null;
        if (action.equals("resolve")) {
            var body = ctx.bodyAsClass(Map.class);
            Object n = body == null ? null : body.get("note");
            if (!(n instanceof String s) || s.isBlank()) {
                throw new HttpResponseException(400, "resolve needs {\"note\": \"what was done\"}", Map.of());
            }
            note = (String) n;
        }
        CaseService.Change r = action.equals("ack")
                ? alerts.cases()
                        .acknowledge(
                                ctx.pathParam("id"), "admin", alerts.clock().instant())
                : alerts.cases()
                        .resolve(
                                ctx.pathParam("id"),
                                "admin",
                                note,
                                alerts.clock().instant());
        if (r == CaseService.Change.NOT_FOUND) {
            throw new HttpResponseException(404, "no case with id " + ctx.pathParam("id"), Map.of());
        }
        ctx.status(r == CaseService.Change.DONE ? 200 : 409)
                .json(Map.of("case_id", ctx.pathParam("id"), "changed", r == CaseService.Change.DONE));
    }

    private void times(Context ctx) throws Exception {
        List<CaseService.SiteTimes> t =
                alerts.cases().times(alerts.clock().instant().minus(Duration.ofDays(30)));
        ctx.json(t);
    }

    static Map<String, Object> view(CaseService.CaseView c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("site", c.site());
        m.put("title", c.title());
        m.put("severity", c.severity());
        m.put("state", c.state());
        m.put("owner", c.owner());
        m.put("escalation_step", c.step());
        m.put("opened_at", c.openedAt());
        m.put("acknowledged_at", c.ackedAt());
        m.put("resolved_at", c.resolvedAt());
        m.put("resolution", c.resolution());
        m.put("alerts", c.alertCount());
        return m;
    }

    private static void page(Context ctx, int status, String title, String text) {
        html(ctx, status, title, "<p>" + esc(text) + "</p>");
    }

    private static void html(Context ctx, int status, String title, String bodyHtml) {
        ctx.status(status)
                .contentType("text/html; charset=utf-8")
                .header("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .result("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + esc(title)
                        + "</title></head><body><h1>" + esc(title) + "</h1>" + bodyHtml + "</body></html>");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
