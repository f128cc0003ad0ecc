package io.vocedge.gateway.console.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.vocedge.gateway.console.auth.Accounts;
import io.vocedge.gateway.console.auth.ConsoleUser;
import io.vocedge.gateway.console.auth.Sessions;
import io.vocedge.gateway.http.CredentialTransport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Who is asking, for console pages and the read API. Pages need a session cookie ({@value #COOKIE}); the API takes
 * {@code Authorization: Bearer voc_...} or the session cookie. Every state-changing request (POST) with a session
 * must carry the session's CSRF token ({@code _csrf} form field or {@code X-CSRF-Token} header) and, when the browser
 * sends one, an Origin of this server. Credentials are refused over plain HTTP off loopback
 * ({@link CredentialTransport}).
 */
public final class ConsoleAuth {
    public static final String COOKIE = "voc_session";
    public static final String LANG_COOKIE = "voc_lang";
    private static final String USER = "console.user";
    private static final String SESSION = "console.session";
    private final Sessions sessions;
    private final Accounts accounts;
    private final CredentialTransport transport;

    public ConsoleAuth(Sessions sessions, Accounts accounts, CredentialTransport transport) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.transport = transport;
    }

    /** The user of this request; only after a filter of this class ran. */
    public static ConsoleUser user(Context ctx) {
        ConsoleUser u = ctx.attribute(USER);
        if (u == null) {
            throw new IllegalStateException("no console user on this request: route not behind ConsoleAuth");
        }
        return u;
    }

    /** The CSRF token of the request's session (empty for bearer-token requests). */
    public static String csrf(Context ctx) {
        Sessions.Session s = ctx.attribute(SESSION);
        return s == null ? "" : s.csrf();
    }

    /** The page model for a signed-in page. */
    public static Page page(Context ctx, String title, String active) {
        return new Page(title, active, user(ctx), csrf(ctx), I18n.of(lang(ctx)), pathWithQueryWithoutLang(ctx));
    }

    /** Before console pages: a live session, or a redirect to the sign-in page (which returns here afterwards). */
    public void pageFilter(Context ctx) {
        rememberLang(ctx);
        Optional<Sessions.Session> s = session(ctx);
        if (s.isEmpty()) {
            if ("GET".equals(ctx.method().name())) {
                String next = pathWithQueryWithoutLang(ctx);
                String expired = ctx.cookie(COOKIE) != null ? "&expired=1" : "";
                clearCookie(ctx);
                ctx.redirect("/login?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8) + expired);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new HttpResponseException(401, "not signed in or session expired: sign in again at /login", Map.of());
        }
        transport.require(ctx);
        ctx.attribute(SESSION, s.get());
        ctx.attribute(USER, s.get().user());
        if (!"GET".equals(ctx.method().name()) && !"HEAD".equals(ctx.method().name())) {
            checkCsrf(ctx, s.get());
        }
    }

    /** Before /api/v1: a bearer token or a session; the API only reads, so only GET is accepted with a session. */
    public void apiFilter(Context ctx) throws SQLException {
        String h = ctx.header("Authorization");
        if (h != null) {
            transport.require(ctx);
            Optional<ConsoleUser> u =
                    h.startsWith("Bearer ") ? accounts.bearer(h.substring(7).trim()) : Optional.empty();
            if (u.isEmpty()) {
                throw new HttpResponseException(
                        401,
                        "unknown or malformed API token: send 'Authorization: Bearer voc_...' "
                                + "(create one with 'voc-gateway token create')",
                        Map.of());
            }
            ctx.attribute(USER, u.get());
            return;
        }
        Optional<Sessions.Session> s = session(ctx);
        if (s.isEmpty()) {
            throw new HttpResponseException(401, "sign in at /login or send 'Authorization: Bearer <token>'", Map.of());
        }
        transport.require(ctx);
        if (!"GET".equals(ctx.method().name()) && !"HEAD".equals(ctx.method().name())) {
            checkCsrf(ctx, s.get());
        }
        ctx.attribute(SESSION, s.get());
        ctx.attribute(USER, s.get().user());
    }

    private Optional<Sessions.Session> session(Context ctx) {
        return sessions.find(ctx.cookie(COOKIE));
    }

    private static void checkCsrf(Context ctx, Sessions.Session s) {
        String sent = ctx.header("X-CSRF-Token");
        if (sent == null) {
            sent = ctx.formParam("_csrf");
        }
        boolean ok = sent != null
                && MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8), s.csrf().getBytes(StandardCharsets.UTF_8));
        if (!ok || !sameOrigin(ctx)) {
            throw new HttpResponseException(
                    403, "missing or wrong CSRF token: reload the page and try again", Map.of());
        }
    }

    /** True when the browser sent no Origin, or one naming this server. */
    static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.isEmpty()) {
            return true;
        }
        String host = ctx.header("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    /** Starts a session for {@code user} and sets its cookie. */
    public Sessions.Session signIn(Context ctx, ConsoleUser user) {
        Sessions.Session s = sessions.create(user);
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict"
                                + ("https".equals(ctx.scheme()) ? "; Secure" : ""));
        return s;
    }

    public void signOut(Context ctx) {
        sessions.end(ctx.cookie(COOKIE));
        clearCookie(ctx);
    }

    private static void clearCookie(Context ctx) {
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    }

    /** en or zh: the {@code lang} parameter, else the cookie, else Accept-Language. */
    public static String lang(Context ctx) {
        String q = ctx.queryParam("lang");
        if (I18n.EN.equals(q) || I18n.ZH.equals(q)) {
            return q;
        }
        String c = ctx.cookie(LANG_COOKIE);
        if (I18n.EN.equals(c) || I18n.ZH.equals(c)) {
            return c;
        }
        return I18n.fromAcceptLanguage(ctx.header("Accept-Language"));
    }

    /** Keeps a language chosen with {@code ?lang=} for the next pages. */
    public static void rememberLang(Context ctx) {
        String q = ctx.queryParam("lang");
        if (I18n.EN.equals(q) || I18n.ZH.equals(q)) {
            ctx.cookie(LANG_COOKIE, q, 365 * 24 * 3600);
        }
    }

    static String pathWithQueryWithoutLang(Context ctx) {
        String q = ctx.queryString();
        if (q == null || q.isEmpty()) {
            return ctx.path();
        }
        String kept = java.util.Arrays.stream(q.split("&"))
                .filter(p -> !p.startsWith("lang="))
                .collect(java.util.stream.Collectors.joining("&"));
        return kept.isEmpty() ? ctx.path() : ctx.path() + "?" + kept;
    }
}
