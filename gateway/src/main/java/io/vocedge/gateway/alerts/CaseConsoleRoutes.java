package io.vocedge.gateway.alerts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.vocedge.common.config.ConfigDocument;
import io.vocedge.common.config.ConfigException;
import io.vocedge.gateway.console.auth.AuditLog;
import io.vocedge.gateway.console.auth.ConsoleUser;
import io.vocedge.gateway.console.auth.Role;
import io.vocedge.gateway.console.web.ConsoleAuth;
import io.vocedge.gateway.console.web.I18n;
import io.vocedge.gateway.console.web.Page;
import io.vocedge.gateway.console.web.Templates;
import io.vocedge.gateway.http.HttpRoutes;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The console's alert pages, behind the console's sign-in and CSRF filter ({@code /console/*}): the case list with
 * time to acknowledge and to resolve per site, a case with its alerts, deliveries and audit trail, acknowledge and
 * resolve (admins, and site managers for their own sites; analysts read), and the rule preview (users who see every
 * site: it reads every site's records). A site manager asking for another site's case gets the same 404 as for a case
 * that does not exist.
 */
public final class CaseConsoleRoutes implements HttpRoutes {
    private final AlertsService alerts;
    private final RulePreview preview;
    private final Templates templates;
    private final AuditLog audit;

    /** {@code alerts} null: alerts are off; the pages say so and list nothing. */
    public CaseConsoleRoutes(AlertsService alerts, RulePreview preview, Templates templates, AuditLog audit) {
        this.alerts = alerts;
        this.preview = preview;
        this.templates = templates;
        this.audit = audit;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/cases", this::list);
        routes.get("/console/cases/{id}", this::detail);
        routes.post("/console/cases/{id}/ack", ctx -> change(ctx, "ack"));
        routes.post("/console/cases/{id}/resolve", ctx -> change(ctx, "resolve"));
        routes.get("/console/alerts/preview", this::previewPage);
        routes.post("/console/alerts/preview", this::previewPage);
    }

    private static Set<String> sites(ConsoleUser u) {
        return u.role().allSites() ? null : u.sites();
    }

    private Page page(Context ctx, String key) {
        return ConsoleAuth.page(ctx, I18n.of(ConsoleAuth.lang(ctx)).t(key), "cases");
    }

    private void list(Context ctx) throws Exception {
        ConsoleUser u = ConsoleAuth.user(ctx);
        String state = ctx.queryParam("state");
        if (state != null && !Set.of("open", "acknowledged", "resolved").contains(state)) {
            state = null;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", page(ctx, "cases.title"));
        p.put("cases", alerts == null ? List.of() : alerts.cases().listForSites(sites(u), state, 200));
        p.put(
                "times",
                alerts == null ? List.of() : alerts.cases().times(Instant.now().minus(Duration.ofDays(30)), sites(u)));
        p.put("state", state);
        templates.page(ctx, "cases.jte", p);
    }

    private CaseService.CaseView visibleCase(Context ctx) throws Exception {
        ConsoleUser u = ConsoleAuth.user(ctx);
        String id = ctx.pathParam("id");
        CaseService.CaseView c = alerts == null || !id.matches("[0-9a-f-]{36}")
                ? null
                : alerts.cases().get(id);
        if (c == null || !u.scope().allows(c.site())) {
            if (c != null) {
                audit.record(u.name(), "case_refused", id, c.site(), "outside the user's sites");
            }
            throw new HttpResponseException(404, "no case " + id + " that you may see", Map.of());
        }
        return c;
    }

    private static boolean mayChange(ConsoleUser u, CaseService.CaseView c) {
        return u.role() == Role.ADMIN
                || (u.role() == Role.SITE_MANAGER && u.scope().allows(c.site()));
    }

    private void detail(Context ctx) throws Exception {
        CaseService.CaseView c = visibleCase(ctx);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", page(ctx, "cases.case"));
        p.put("c", c);
        p.put("alerts", alerts.cases().alerts(c.id()));
        p.put("events", alerts.cases().events(c.id()));
        p.put("canChange", mayChange(ConsoleAuth.user(ctx), c));
        templates.page(ctx, "case.jte", p);
    }

    private void change(Context ctx, String action) throws Exception {
        CaseService.CaseView c = visibleCase(ctx);
        ConsoleUser u = ConsoleAuth.user(ctx);
        if (!mayChange(u, c)) {
            audit.record(
                    u.name(),
                    "case_change_refused",
                    c.id(),
                    c.site(),
                    action + ": role " + u.role().id());
            throw new HttpResponseException(
                    403, "your role (" + u.role().id() + ") may read cases but not change them", Map.of());
        }
        String note = ctx.formParam("note");
        if (action.equals("resolve") && (note == null || note.isBlank())) {
            throw new HttpResponseException(400, "resolving needs a resolution note", Map.of());
        }
        CaseService.Change r = action.equals("ack")
                ? alerts.cases().acknowledge(c.id(), "console:" + u.name(), Instant.now())
                : alerts.cases().resolve(c.id(), "console:" + u.name(), note.strip(), Instant.now());
        audit.record(u.name(), "case_" + action, c.id(), c.site(), r.name().toLowerCase(java.util.Locale.ROOT));
        ctx.redirect("/console/cases/" + c.id(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void previewPage(Context ctx) throws Exception {
        ConsoleUser u = ConsoleAuth.user(ctx);
        if (!u.role().allSites()) {
            throw new HttpResponseException(
                    403, "the rule preview reads every site's records: ask an admin or analyst", Map.of());
        }
        String rules = ctx.formParam("rules");
        int days = 30;
        String d = ctx.formParam("days");
        if (d != null && d.matches("\\d{1,3}")) {
            days = Math.max(1, Math.min(365, Integer.parseInt(d)));
        }
        List<String> problems = List.of();
        List<RulePreview.Result> results = null;
        if (rules != null && !rules.isBlank()) {
            try {
                ConfigDocument doc = ConfigDocument.parse(rules, "rules");
                List<AlertsSettings.Rule> parsed = AlertsSettings.ruleFile(doc.root());
                doc.finish();
                Instant to = Instant.now();
                results = preview.run(parsed, to.minus(Duration.ofDays(days)), to);
                audit.record(u.name(), "alert_preview", "rules", null, parsed.size() + " rules, " + days + " days");
            } catch (ConfigException e) {
                problems = e.problems();
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", page(ctx, "preview.title"));
        p.put(
                "rules",
                rules == null
                        ? "rules:\n  - {id: deposit, kind: negative_utterance, topics: [deposit_contract], max_score: -0.5}\n"
                        : rules);
        p.put("days", days);
        p.put("results", results);
        p.put("problems", problems);
        templates.page(ctx, "alert_preview.jte", p);
    }
}
