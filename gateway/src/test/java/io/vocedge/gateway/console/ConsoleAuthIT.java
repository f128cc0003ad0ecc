package io.vocedge.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.gateway.GatewayApp;
import io.vocedge.gateway.cli.GatewayMain;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.console.Conversations.Line;
import io.vocedge.gateway.console.auth.Accounts;
import io.vocedge.testsupport.MosquittoBroker;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's access control on the real gateway (real Mosquitto, SQLite file, HTTP on loopback) with plain HTTP
 * requests: sign-in, throttling, session cookie flags, CSRF, site scope on pages, users and tokens made by the CLI,
 * and the audit log. The browser tests (ConsoleBrowserIT) drive the same pages through Chromium.
 */
class ConsoleAuthIT {
    static final String PW = "correct horse battery";

    @TempDir
    static Path dir;

    static MosquittoBroker broker;
    static GatewayApp app;
    static String base;
    static final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        broker = MosquittoBroker.start();
        Path cfg = dir.resolve("gw.yaml");
        Files.writeString(
                cfg,
                "gateway_id: console-it\nbroker:\n  url: " + broker.url() + "\nconsole:\n  login_max_failures: 3\n");
        app = GatewayApp.start(GatewayConfig.load(cfg, dir.resolve("data")));
        base = app.httpUrl();
        Accounts accounts = app.console().accounts();
        accounts.putUser(Accounts.validate("ana", "analyst", List.of()), PW.toCharArray());
        accounts.putUser(Accounts.validate("mgr-a", "site_manager", List.of("site-a")), PW.toCharArray());
        accounts.putUser(Accounts.validate("victim", "analyst", List.of()), PW.toCharArray());
        Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
        app.store()
                .commit(new Conversations()
                        .add(
                                "dev-a1",
                                "site-a",
                                "conv-a",
                                t0,
                                true,
                                "escalation: asked for a manager",
                                -0.6,
                                new Line("staff", "zh", "欢迎 光临", "neutral", null, null),
                                new Line("customer", "zh", "我 的 定金 还 没 退", "negative", "deposit_refund", "定金"))
                        .add(
                                "dev-b1",
                                "site-b",
                                "conv-b",
                                t0.plusSeconds(60),
                                true,
                                "churn risk: will buy elsewhere",
                                -0.8,
                                new Line(
                                        "customer",
                                        "en",
                                        "secret site b complaint about the deposit",
                                        "negative",
                                        "deposit_refund",
                                        "deposit"))
                        .transaction());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String cookie, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in and returns the Cookie header value. */
    static String login(String name) throws Exception {
        HttpResponse<String> r = post("/login", null, Map.of("name", name, "password", PW, "next", "/console/today"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String setCookie = r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("voc_session="))
                .findFirst()
                .orElseThrow();
        return setCookie.split(";")[0];
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("data-csrf=\"([0-9a-f]{64})\"").matcher(html);
        assertThat(m.find()).as("page carries a CSRF token").isTrue();
        return m.group(1);
    }

    @Test
    void pagesNeedASignInAndTheCookieIsLockedDown() throws Exception {
        HttpResponse<String> r = get("/console/today", null);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/login?next=%2Fconsole%2Ftoday");
        HttpResponse<String> ok =
                post("/login", null, Map.of("name", "ana", "password", PW, "next", "https://evil.example/"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElseThrow())
                .as("no open redirect")
                .isEqualTo("/console/today");
        String cookie = ok.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("voc_session="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        HttpResponse<String> page = get("/console/today", cookie.split(";")[0]);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'");
        assertThat(page.body()).contains("escalation: asked for a manager").contains("churn risk: will buy elsewhere");
        assertThat(get("/console/today", "voc_session=" + "0".repeat(64)).statusCode())
                .as("forged session")
                .isEqualTo(302);
    }

    @Test
    void wrongPasswordsAreThrottledPerAccount() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = post("/login", null, Map.of("name", "victim", "password", "wrong-" + i));
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("Wrong user name or password").doesNotContain("Exception");
        }
        HttpResponse<String> blocked = post("/login", null, Map.of("name", "victim", "password", PW));
        assertThat(blocked.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        assertThat(blocked.headers().allValues("Set-Cookie"))
                .noneMatch(c -> c.startsWith("voc_session=") && !c.contains("Max-Age=0"));
    }

    @Test
    void siteManagerSeesOnlyOwnSites() throws Exception {
        String cookie = login("mgr-a");
        HttpResponse<String> today = get("/console/today", cookie);
        assertThat(today.body())
                .contains("escalation: asked for a manager")
                .doesNotContain("churn risk")
                .doesNotContain("site-b");
        HttpResponse<String> own = get("/console/conversations/dev-a1/conv-a", cookie);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("定金").contains("deposit_refund");
        HttpResponse<String> other = get("/console/conversations/dev-b1/conv-b", cookie);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("secret site b").contains("that you may see");
        List<Map<String, Object>> audit = app.console().audit().recent(50);
        assertThat(audit)
                .anySatisfy(a -> assertThat(a)
                        .containsEntry("actor", "mgr-a")
                        .containsEntry("action", "conversation_read")
                        .containsEntry("target", "dev-a1/conv-a"));
        assertThat(audit)
                .anySatisfy(a -> assertThat(a)
                        .containsEntry("actor", "mgr-a")
                        .containsEntry("action", "conversation_refused")
                        .containsEntry("site", "site-b"));
    }

    @Test
    void postsNeedTheSessionsCsrfToken() throws Exception {
        String cookie = login("ana");
        String token = csrf(get("/console/today", cookie).body());
        HttpResponse<String> forged = post("/logout", cookie, Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        assertThat(get("/console/today", cookie).statusCode())
                .as("still signed in")
                .isEqualTo(200);
        HttpResponse<String> wrong = post("/logout", cookie, Map.of("_csrf", "f".repeat(64)));
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> ok = post("/logout", cookie, Map.of("_csrf", token));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(get("/console/today", cookie).statusCode()).as("signed out").isEqualTo(302);
    }

    @Test
    void badInputGetsAnErrorPageNotAStackTrace() throws Exception {
        String cookie = login("ana");
        HttpResponse<String> r = get("/console/today?limit=999999", cookie);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .contains("limit 999999 is out of range")
                .doesNotContain("at io.vocedge")
                .doesNotContain("Exception");
        HttpResponse<String> unknown = get("/console/conversations/%3Cscript%3E/x", cookie);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).doesNotContain("<script>");
    }

    @Test
    void cliAddsUsersFromStdinAndPrintsTokensOnce() throws Exception {
        Path other = dir.resolve("cli-data");
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream((PW + "\n").getBytes(StandardCharsets.UTF_8)));
            assertThat(run(
                            "user",
                            "add",
                            "--data-dir",
                            other.toString(),
                            "--name",
                            "boss",
                            "--role",
                            "site_manager",
                            "--site",
                            "site-a",
                            "--site",
                            "site-c",
                            "--password-stdin"))
                    .startsWith("0:");
        } finally {
            System.setIn(stdin);
        }
        assertThat(run(
                        "user",
                        "add",
                        "--data-dir",
                        other.toString(),
                        "--name",
                        "x",
                        "--role",
                        "site_manager",
                        "--password-stdin"))
                .startsWith("2:")
                .contains("needs at least one --site");
        assertThat(run("token", "create", "--data-dir", other.toString(), "--name", "x", "--role", "root"))
                .startsWith("2:")
                .contains("unknown role 'root'");
        String out = run("token", "create", "--data-dir", other.toString(), "--name", "script", "--role", "analyst");
        assertThat(out).matches("(?s)0:voc_[0-9a-f]{12}_[0-9a-f]{64}\\s*");
    }

    static String run(String... args) {
        var cli = GatewayMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return code + ":" + out + err;
    }
}
