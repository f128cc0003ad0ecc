package io.vocedge.gateway.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.vocedge.common.config.ConfigException;
import io.vocedge.gateway.console.auth.AuditLog;
import io.vocedge.gateway.console.auth.ConsoleUser;
import io.vocedge.gateway.console.auth.Role;
import io.vocedge.gateway.console.web.ConsoleAuth;
import io.vocedge.gateway.console.web.I18n;
import io.vocedge.gateway.console.web.Templates;
import io.vocedge.gateway.http.HttpRoutes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The console's alert rules page (admins only; everyone else gets 403 for the page and every form): the effective
 * rules (the config file's read-only, the console's editable), a form with the fields of an {@code alerts.rules}
 * entry read by the same strict reader, the 30-day preview before saving, enable/disable/delete. Console rules live in
 * the store ({@link ConsoleRuleStore}) and every gateway on it picks them up within {@code alerts.rules_reload_every}.
 */
public final class RuleConsoleRoutes implements HttpRoutes {
    /** Form fields in order: the keys of an {@code alerts.rules} entry. */
    public static final List<String> FIELDS = List.of(
            "id",
            "kind",
            "severity",
            "sites",
            "channels",
            "roster",
            "store_hours_only",
            "quiet_hours",
            "cooldown",
            "topics",
            "max_score",
            "measure",
            "threshold",
            "last_n",
            "min_count",
            "factor",
            "after",
            "older_than",
            "within",
            "files");

    private static final Set<String> LISTS = Set.of("sites", "channels", "topics", "files");
    private static final Set<String> NUMBERS = Set.of("max_score", "threshold", "last_n", "min_count", "factor");
    private static final int MAX_FIELD = 1000;
    private static final int MAX_NAME = 200;
    static final int PREVIEW_DAYS = 30;

    private final AlertsService alerts;
    private final RulePreview preview;
    private final Templates templates;
    private final AuditLog audit;

    /** {@code alerts} null: alerts are off (no channels); the page says so and saves nothing. */
    public RuleConsoleRoutes(AlertsService alerts, RulePreview preview, Templates templates, AuditLog audit) {
        this.alerts = alerts;
        this.preview = preview;
        this.templates = templates;
        this.audit = audit;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/alerts/rules", this::list);
        routes.get(
                "/console/alerts/rules/new",
                ctx -> form(
                        ctx,
                        new Form("create", Map.of("kind", "attention", "severity", "warning"), "", true),
                        List.of(),
                        null,
                        false));
        routes.get("/console/alerts/rules/{id}/edit", this::edit);
        routes.post("/console/alerts/rules/preview", this::previewForm);
        routes.post("/console/alerts/rules/save", this::save);
        routes.post("/console/alerts/rules/{id}/enable", ctx -> toggle(ctx, "enable"));
        routes.post("/console/alerts/rules/{id}/disable", ctx -> toggle(ctx, "disable"));
        routes.post("/console/alerts/rules/{id}/delete", ctx -> toggle(ctx, "delete"));
    }

    /** The form's values: mode create or edit, field values as typed, the display name, enabled. */
    public record Form(String mode, Map<String, String> values, String name, boolean enabled) {
        public String v(String key) {
            String s = values.get(key);
            return s == null ? "" : s;
        }
    }

    /** A row of the list. source: file, console or built_in. */
    public record Row(
            String id,
            String name,
            String kind,
            String severity,
            String source,
            boolean enabled,
            String summary,
            String updatedBy,
            Instant updatedAt,
            String problem) {}

    private ConsoleUser admin(Context ctx) throws Exception {
        ConsoleUser u = ConsoleAuth.user(ctx);
        if (u.role() != Role.ADMIN) {
            audit.record(
                    u.name(),
                    "alert_rules_refused",
                    ctx.path(),
                    null,
                    "role " + u.role().id());
            throw new HttpResponseException(
                    403,
                    "alert rules are changed by admins only (your role: "
                            + u.role().id() + ")",
                    Map.of());
        }
        return u;
    }

    private void requireAlerts() {
        if (alerts == null) {
            throw new HttpResponseException(
                    409, "alerts are off: configure alerts.channels in the gateway config first", Map.of());
        }
    }

    private Map<String, Object> base(Context ctx, String titleKey) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", ConsoleAuth.page(ctx, I18n.of(ConsoleAuth.lang(ctx)).t(titleKey), "rules"));
        return p;
    }

    private void list(Context ctx) throws Exception {
        admin(ctx);
        List<Row> rows = new ArrayList<>();
        List<ConsoleRuleStore.Event> events = List.of();
        if (alerts != null) {
            alerts.rules().refresh();
            LiveRules.State state = alerts.rules().state();
            AlertsSettings s = alerts.settings();
            for (AlertsSettings.Rule r : s.fileRules()) {
                rows.add(new Row(r.id(), null, r.kind().wire(), sev(r), "file", true, summary(r), null, null, null));
            }
            if (state.effective().size() == 1
                    && state.effective().get(0).id().equals("attention")
                    && s.fileRules().isEmpty()) {
                AlertsSettings.Rule r = state.effective().get(0);
                rows.add(
                        new Row(r.id(), null, r.kind().wire(), sev(r), "built_in", true, summary(r), null, null, null));
            }
            for (ConsoleRuleStore.StoredRule st : alerts.consoleRules().list()) {
                JsonNode d = st.definition();
                rows.add(new Row(
                        st.id(),
                        st.name(),
                        d.path("kind").asText(""),
                        d.path("severity").asText("warning"),
                        "console",
                        st.enabled(),
                        summary(d),
                        st.updatedBy(),
                        st.updatedAt(),
                        state.broken().get(st.id())));
            }
            events = alerts.consoleRules().events(50);
        }
        Map<String, Object> p = base(ctx, "rules.title");
        p.put("rows", rows);
        p.put("events", events);
        p.put("on", alerts != null);
        p.put(
                "reloadSeconds",
                alerts == null ? 0 : alerts.settings().rulesReloadEvery().toSeconds());
        templates.page(ctx, "alert_rules.jte", p);
    }

    private static String sev(AlertsSettings.Rule r) {
        return r.severity().name().toLowerCase(Locale.ROOT);
    }

    private static String summary(AlertsSettings.Rule r) {
        StringBuilder b = new StringBuilder();
        if (!r.sites().isEmpty()) {
            b.append("sites: ").append(String.join(", ", r.sites())).append(' ');
        }
        if (!r.topics().isEmpty()) {
            b.append("topics: ").append(String.join(", ", r.topics())).append(' ');
        }
        if (!r.channels().isEmpty()) {
            b.append("channels: ").append(String.join(", ", r.channels())).append(' ');
        }
        if (r.roster() != null) {
            b.append("roster: ").append(r.roster());
        }
        return b.toString().strip();
    }

    private static String summary(JsonNode d) {
        StringBuilder b = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!Set.of("id", "kind", "severity").contains(e.getKey())) {
                JsonNode v = e.getValue();
                String text = v.isArray() ? String.join(", ", strings(v)) : v.asText();
                b.append(e.getKey()).append(": ").append(text).append(' ');
            }
        }
        return b.toString().strip();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    private void edit(Context ctx) throws Exception {
        admin(ctx);
        requireAlerts();
        String id = ctx.pathParam("id");
        ConsoleRuleStore.StoredRule st =
                AlertsSettings.ID.matcher(id).matches() ? alerts.consoleRules().get(id) : null;
        if (st == null) {
            throw new HttpResponseException(
                    404, "no console rule '" + id + "' (rules from the config file are edited there)", Map.of());
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("base", String.valueOf(st.updatedAt().toEpochMilli()));
        for (String f : FIELDS) {
            JsonNode v = st.definition().get(f);
            if (v != null && !v.isNull()) {
                values.put(f, v.isArray() ? String.join(", ", strings(v)) : v.asText());
            }
        }
        form(ctx, new Form("edit", values, st.name() == null ? "" : st.name(), st.enabled()), List.of(), null, false);
    }

    private void form(Context ctx, Form form, List<String> problems, RulePreview.Result result, boolean changed)
            throws Exception {
        admin(ctx);
        Map<String, Object> p = base(ctx, "rules.form");
        p.put("changed", changed);
        p.put("form", form);
        p.put("problems", problems);
        p.put("result", result);
        p.put("days", PREVIEW_DAYS);
        p.put(
                "kinds",
                java.util.Arrays.stream(AlertsSettings.RuleKind.values())
                        .map(AlertsSettings.RuleKind::wire)
                        .toList());
        p.put("on", alerts != null);
        templates.page(ctx, "alert_rule_form.jte", p);
    }

    /** The form as typed (blank fields left out). */
    static Form readForm(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String v = ctx.formParam(f);
            if (v != null && !v.isBlank()) {
                values.put(f, v.strip());
            }
        }
        String mode = "edit".equals(ctx.formParam("mode")) ? "edit" : "create";
        String base = ctx.formParam("base");
        if (mode.equals("edit") && base != null && base.matches("\\d{1,19}")) {
            values.put("base", base); // the rule's updated_at when the form was opened: no silent lost update
        }
        String name = ctx.formParam("name");
        return new Form(mode, values, name == null ? "" : name.strip(), ctx.formParam("enabled") != null);
    }

    /** The definition for the strict reader; problems of the form itself (length, id taken) go to {@code problems}. */
    ObjectNode definition(Form form, List<String> problems) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        if (form.name().length() > MAX_NAME) {
            problems.add("name: at most " + MAX_NAME + " characters (got "
                    + form.name().length() + ")");
        }
        for (Map.Entry<String, String> e : form.values().entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            if (!FIELDS.contains(k)) {
                continue;
            }
            if (v.length() > MAX_FIELD) {
                problems.add(k + ": at most " + MAX_FIELD + " characters (got " + v.length() + ")");
                continue;
            }
            if (LISTS.contains(k)) {
                ArrayNode a = d.putArray(k);
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        a.add(part.strip());
                    }
                }
            } else if (NUMBERS.contains(k) && v.matches("-?\\d{1,9}")) {
                d.put(k, Integer.parseInt(v));
            } else if (NUMBERS.contains(k) && v.matches("-?\\d{0,9}\\.\\d{1,9}")) {
                d.put(k, Double.parseDouble(v));
            } else if (k.equals("store_hours_only") && (v.equals("true") || v.equals("false"))) {
                d.put(k, Boolean.parseBoolean(v));
            } else {
                d.put(k, v); // the strict reader names the field when this is not what it expects
            }
        }
        String id = form.v("id");
        if (alerts != null && alerts.rules().reservedIds().contains(id)) {
            problems.add("id: '" + id + "' is taken by a rule of the gateway config file (alerts.rules) or the built-in"
                    + " rule: pick another id");
        }
        return d;
    }

    /** Validates the form; the rule, or null with {@code problems} filled. */
    private AlertsSettings.Rule validate(Form form, ObjectNode d, List<String> problems) {
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            AlertsSettings.Rule r = alerts.settings().consoleRule(d);
            if (r == null) {
                problems.add("id: required (letters, digits, . _ : -)");
            }
            return r;
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private void previewForm(Context ctx) throws Exception {
        admin(ctx);
        requireAlerts();
        Form form = readForm(ctx);
        List<String> problems = new ArrayList<>();
        ObjectNode d = definition(form, problems);
        AlertsSettings.Rule rule = validate(form, d, problems);
        showPreview(ctx, form, d, rule, problems, false);
    }

    private void showPreview(
            Context ctx, Form form, ObjectNode d, AlertsSettings.Rule rule, List<String> problems, boolean changed)
            throws Exception {
        RulePreview.Result result = null;
        if (rule != null) {
            Instant to = Instant.now();
            result = preview.run(List.of(rule), to.minus(Duration.ofDays(PREVIEW_DAYS)), to)
                    .get(0);
            audit.record(
                    ConsoleAuth.user(ctx).name(),
                    "alert_rule_preview",
                    rule.id(),
                    null,
                    result.firings() + " firings in " + PREVIEW_DAYS + " days");
        }
        if (!problems.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        Map<String, String> values = new LinkedHashMap<>(form.values());
        values.put("previewed", digest(d));
        form(ctx, new Form(form.mode(), values, form.name(), form.enabled()), problems, result, changed);
    }

    /** What the preview counted: saving needs it unchanged (else the form shows the new count first). */
    static String digest(ObjectNode d) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(d.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void save(Context ctx) throws Exception {
        ConsoleUser u = admin(ctx);
        requireAlerts();
        Form form = readForm(ctx);
        List<String> problems = new ArrayList<>();
        ObjectNode d = definition(form, problems);
        AlertsSettings.Rule rule = validate(form, d, problems);
        if (rule != null && !digest(d).equals(ctx.formParam("previewed"))) {
            // Not previewed, or changed since: show what this version would have fired before saving it.
            showPreview(ctx, form, d, rule, problems, true);
            return;
        }
        if (rule != null) {
            try {
                alerts.consoleRules()
                        .save(
                                "console:" + u.name(),
                                form.mode().equals("create"),
                                form.name().isEmpty() ? null : form.name(),
                                d,
                                form.enabled(),
                                Instant.now(),
                                form.values().containsKey("base")
                                        ? Long.valueOf(form.values().get("base"))
                                        : null);
            } catch (ConsoleRuleStore.Conflict e) {
                problems.add("id: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            form(ctx, form, problems, null, false);
            return;
        }
        audit.record(u.name(), "alert_rule_" + form.mode(), rule.id(), null, d.toString());
        alerts.rules().refresh();
        ctx.redirect("/console/alerts/rules", HttpStatus.SEE_OTHER);
    }

    private void toggle(Context ctx, String action) throws Exception {
        ConsoleUser u = admin(ctx);
        requireAlerts();
        String id = ctx.pathParam("id");
        if (!AlertsSettings.ID.matcher(id).matches()) {
            throw new HttpResponseException(404, "no console rule with that id", Map.of());
        }
        try {
            String actor = "console:" + u.name();
            switch (action) {
                case "enable" -> alerts.consoleRules().setEnabled(actor, id, true, Instant.now());
                case "disable" -> alerts.consoleRules().setEnabled(actor, id, false, Instant.now());
                default -> alerts.consoleRules().delete(actor, id, Instant.now());
            }
        } catch (ConsoleRuleStore.Conflict e) {
            throw new HttpResponseException(404, e.getMessage(), Map.of());
        }
        audit.record(u.name(), "alert_rule_" + action, id, null, null);
        alerts.rules().refresh();
        ctx.redirect("/console/alerts/rules", HttpStatus.SEE_OTHER);
    }
}
