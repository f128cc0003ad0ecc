package io.vocedge.gateway.console.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.vocedge.gateway.console.auth.Accounts;
import io.vocedge.gateway.console.auth.AuditLog;
import io.vocedge.gateway.console.auth.ConsoleUser;
import io.vocedge.gateway.console.auth.LoginThrottle;
import io.vocedge.gateway.console.data.ConsoleQueries;
import io.vocedge.gateway.console.data.Filter;
import io.vocedge.gateway.console.data.InsightCorrections;
import io.vocedge.gateway.console.data.Views;
import io.vocedge.gateway.http.CredentialTransport;
import io.vocedge.gateway.http.ErrorPage;
import io.vocedge.gateway.http.HttpRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tinylog.Logger;

/**
 * The console's sign-in and its core pages: the attention queue (live-updating with htmx) and the conversation page.
 * Static assets (htmx and ECharts from their webjars, the console's CSS and JS) are served from the jar: nothing is
 * loaded from the internet.
 */
public final class ConsoleRoutes implements HttpRoutes {
    private static final Map<String, String[]> ASSETS = Map.of(
            "htmx.min.js",
                    new String[] {"/META-INF/resources/webjars/htmx.org/2.0.4/dist/htmx.min.js", "text/javascript"},
            "echarts.min.js",
                    new String[] {"/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js", "text/javascript"},
            "console.css", new String[] {"/console/console.css", "text/css"},
            "console.js", new String[] {"/console/console.js", "text/javascript"});
    private final ConsoleAuth auth;
    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final ConsoleQueries queries;
    private final InsightCorrections corrections;
    private final Templates templates;
    private final CredentialTransport transport;
    private final Map<String, byte[]> assetCache = new ConcurrentHashMap<>();

    public ConsoleRoutes(
            ConsoleAuth auth,
            Accounts accounts,
            LoginThrottle throttle,
            AuditLog audit,
            ConsoleQueries queries,
            InsightCorrections corrections,
            Templates templates,
            CredentialTransport transport) {
        this.auth = auth;
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
        this.queries = queries;
        this.corrections = corrections;
        this.templates = templates;
        this.transport = transport;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/login", ctx -> ErrorPage.attach(ctx, this::errorPage));
        routes.before("/logout", ctx -> ErrorPage.attach(ctx, this::errorPage));
        routes.before("/console", ctx -> ErrorPage.attach(ctx, this::errorPage));
        routes.before("/console/*", ctx -> {
            ErrorPage.attach(ctx, this::errorPage);
            if (!ctx.path().startsWith("/console/assets/")) {
                auth.pageFilter(ctx);
            }
        });
        routes.get("/", ctx -> ctx.redirect("/console/today"));
        routes.get("/console", ctx -> ctx.redirect("/console/today"));
        routes.get("/login", this::loginPage);
        routes.post("/login", this::login);
        routes.post("/logout", this::logout);
        routes.get("/console/assets/{name}", this::asset);
        routes.get("/console/today", this::today);
        routes.get("/console/today/rows", this::todayRows);
        routes.get("/console/conversations/{device}/{conversation}", this::conversation);
        routes.post("/console/conversations/{device}/{conversation}/utterances/{seq}/correction", this::correct);
    }

    private void loginPage(Context ctx) {
        ConsoleAuth.rememberLang(ctx);
        I18n t = I18n.of(ConsoleAuth.lang(ctx));
        String message = ctx.queryParam("expired") != null ? t.t("login.expired") : null;
        renderLogin(ctx, safeNext(ctx.queryParam("next")), message);
    }

    private void renderLogin(Context ctx, String next, String message) {
        I18n t = I18n.of(ConsoleAuth.lang(ctx));
        Page page = new Page(t.t("login.title"), "login", null, "", t, "/login");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", page);
        p.put("next", next);
        p.put("message", message);
        templates.page(ctx, "login.jte", p);
    }

    private void login(Context ctx) throws Exception {
        transport.require(ctx);
        if (!ConsoleAuth.sameOrigin(ctx)) {
            throw new HttpResponseException(403, "sign-in from another site refused", Map.of());
        }
        String name = ctx.formParam("name");
        String password = ctx.formParam("password");
        String next = safeNext(ctx.formParam("next"));
        I18n t = I18n.of(ConsoleAuth.lang(ctx));
        long wait = throttle.retryAfterSeconds(name, ctx.ip());
        if (wait > 0) {
            Logger.warn("event=console_login_throttled user={} client={} retry_after_s={}", safe(name), ctx.ip(), wait);
            ctx.status(429).header("Retry-After", Long.toString(wait));
            renderLogin(ctx, next, t.t("login.throttled", wait));
            return;
        }
        Optional<ConsoleUser> user = name == null || password == null || password.length() > 1024
                ? Optional.empty()
                : accounts.login(name, password.toCharArray());
        if (user.isEmpty()) {
            throttle.failed(name, ctx.ip());
            Logger.warn("event=console_login_failed user={} client={}", safe(name), ctx.ip());
            ctx.status(401);
            renderLogin(ctx, next, t.t("login.failed"));
            return;
        }
        throttle.succeeded(name);
        auth.signIn(ctx, user.get());
        audit.record(user.get().name(), "login", null, null, "client=" + ctx.ip());
        ctx.redirect(next);
    }

    private void logout(Context ctx) {
        auth.pageFilter(ctx);
        if (ctx.attribute("console.user") == null) {
            return;
        }
        auth.signOut(ctx);
        ctx.redirect("/login");
    }

    private void today(Context ctx) throws Exception {
        Page page = ConsoleAuth.page(ctx, I18n.of(ConsoleAuth.lang(ctx)).t("today.title"), "today");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", page);
        p.put("rows", queue(ctx));
        templates.page(ctx, "today.jte", p);
    }

    private void todayRows(Context ctx) throws Exception {
        Page page = ConsoleAuth.page(ctx, "", "today");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", page);
        p.put("rows", queue(ctx));
        Templates.secure(ctx);
        ctx.html(templates.render("today_rows.jte", p));
    }

    private List<Views.ConversationRow> queue(Context ctx) throws Exception {
        Filter f = Filter.parse(ctx::queryParam);
        f = new Filter(
                f.since(),
                f.until(),
                f.site(),
                f.topic(),
                f.sentiment(),
                f.speaker(),
                Boolean.TRUE,
                f.limit(),
                f.offset());
        return queries.conversations(ConsoleAuth.user(ctx).scope(), f);
    }

    /** The conversation the user may see, or the same 404 whether it does not exist or is another site's. */
    private Views.ConversationView visibleConversation(Context ctx, ConsoleUser user) throws Exception {
        String device = ctx.pathParam("device");
        String conversation = ctx.pathParam("conversation");
        if (!io.vocedge.protocol.Ids.isValid(device) || conversation.isEmpty() || conversation.length() > 64) {
            throw new HttpResponseException(404, "no such conversation: malformed device or conversation id", Map.of());
        }
        Optional<Views.ConversationView> view = queries.conversation(user.scope(), device, conversation);
        if (view.isEmpty()) {
            Optional<String> site = queries.conversationSite(device, conversation);
            if (site.isPresent()) {
                audit.record(
                        user.name(),
                        "conversation_refused",
                        device + "/" + conversation,
                        site.get(),
                        "outside the user's sites");
            }
            // The same answer whether it does not exist or belongs to another site: nothing leaks.
            throw new HttpResponseException(
                    404, "no conversation " + device + "/" + conversation + " that you may see", Map.of());
        }
        return view.get();
    }

    /**
     * Who may correct an utterance's insights: the roles that see every site (admins and analysts), whose corrections
     * become training data for every store. Site managers read.
     */
    private static boolean mayCorrect(ConsoleUser user) {
        return user.role().allSites();
    }

    private void conversation(Context ctx) throws Exception {
        ConsoleUser user = ConsoleAuth.user(ctx);
        Views.ConversationView view = visibleConversation(ctx, user);
        audit.record(
                user.name(), "conversation_read", view.deviceId() + "/" + view.conversationId(), view.site(), "page");
        Page page = ConsoleAuth.page(ctx, I18n.of(ConsoleAuth.lang(ctx)).t("conv.title"), "today");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", page);
        p.put("c", view);
        p.put("corrections", corrections.latest(view.deviceId(), view.conversationId()));
        p.put("canCorrect", mayCorrect(user));
        templates.page(ctx, "conversation.jte", p);
    }

    /**
     * An analyst's correction of one utterance's topics, sentiment and flags (form fields {@code topic} and
     * {@code flag}, repeatable, and {@code sentiment}); behind the console's CSRF check like every form.
     */
    private void correct(Context ctx) throws Exception {
        ConsoleUser user = ConsoleAuth.user(ctx);
        Views.ConversationView view = visibleConversation(ctx, user);
        long seq;
        try {
            seq = Long.parseLong(ctx.pathParam("seq"));
        } catch (NumberFormatException e) {
            throw new HttpResponseException(404, "no such utterance: the sequence number is not a number", Map.of());
        }
        Views.UtteranceView u = view.utterances().stream()
                .filter(x -> x.seq() == seq)
                .findFirst()
                .orElseThrow(() -> new HttpResponseException(
                        404, "no utterance " + seq + " in conversation " + view.conversationId(), Map.of()));
        String target = view.deviceId() + "/" + seq;
        if (!mayCorrect(user)) {
            audit.record(
                    user.name(),
                    "insight_correction_refused",
                    target,
                    view.site(),
                    "role " + user.role().id());
            throw new HttpResponseException(
                    403, "your role (" + user.role().id() + ") may read insights but not correct them", Map.of());
        }
        List<String> topics = ctx.formParams("topic");
        List<String> flags = ctx.formParams("flag");
        String sentiment = ctx.formParam("sentiment");
        String problem = InsightCorrections.Correction.problem(topics, sentiment, flags);
        if (problem != null) {
            throw new HttpResponseException(400, "correction refused: " + problem, Map.of());
        }
        corrections.add(new InsightCorrections.Correction(
                u.deviceId(), u.seq(), view.site(), topics, sentiment, flags, user.name(), java.time.Instant.now()));
        audit.record(
                user.name(),
                "insight_correction",
                target,
                view.site(),
                "sentiment=" + sentiment + " topics=" + String.join(",", topics) + " flags=" + String.join(",", flags));
        ctx.redirect(
                Format.conversationHref(view.deviceId(), view.conversationId()) + "#u-" + seq,
                io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void asset(Context ctx) throws IOException {
        String[] a = ASSETS.get(ctx.pathParam("name"));
        if (a == null) {
            throw new HttpResponseException(404, "no such asset", Map.of());
        }
        byte[] body = assetCache.get(a[0]);
        if (body == null) {
            try (InputStream in = ConsoleRoutes.class.getResourceAsStream(a[0])) {
                if (in == null) {
                    throw new IOException("asset missing from the jar: " + a[0]);
                }
                body = in.readAllBytes();
            }
            assetCache.put(a[0], body);
        }
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(a[1] + "; charset=utf-8").result(body);
    }

    /** The console's HTML error page (status already set); a fragment request (htmx) gets just the message. */
    private void errorPage(Context ctx, int status, String message) {
        if (status == 401 && "GET".equals(ctx.method().name())) {
            ctx.status(302);
            ctx.redirect("/login");
            return;
        }
        I18n t = I18n.of(ConsoleAuth.lang(ctx));
        ConsoleUser user = ctx.attribute("console.user");
        Page page = new Page(t.t("error.title"), "", user, ConsoleAuth.csrf(ctx), t, ctx.path());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", page);
        p.put("status", status);
        p.put("message", message);
        Templates.secure(ctx);
        ctx.html(templates.render("error.jte", p));
    }

    /** Only paths of this console: never an absolute URL (no open redirect). */
    static String safeNext(String next) {
        if (next == null
                || !next.startsWith("/console")
                || next.startsWith("//")
                || next.contains("\\")
                || next.chars().anyMatch(ch -> ch < 0x20)) {
            return "/console/today";
        }
        return next;
    }

    private static String safe(String s) {
        return s == null ? "-" : io.vocedge.common.text.Printable.of(s, 64);
    }
}
