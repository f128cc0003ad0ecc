package io.vocedge.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.vocedge.gateway.GatewayApp;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.console.Conversations.Line;
import io.vocedge.gateway.console.auth.Accounts;
import io.vocedge.testsupport.MosquittoBroker;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's alert rules page on the real gateway: an admin makes a rule in real Chromium, sees the 30-day
 * preview, saves it, and the next matching record alerts a real HTTP receiver; and what analysts, site managers,
 * forged forms, script in names, bad fields and an id of the config file's rules get. Screenshots land in
 * {@code gateway/target/screenshots/RuleConsoleIT/}.
 */
class RuleConsoleIT {
    static final String PW = ConsoleAuthIT.PW;

    @TempDir
    static Path dir;

    static MosquittoBroker broker;
    static HttpServer receiver;
    static final List<String> received = new CopyOnWriteArrayList<>();
    static GatewayApp app;
    static String base;
    static final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        broker = MosquittoBroker.start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        Path cfg = dir.resolve("gw.yaml");
        Files.writeString(
                cfg,
                "gateway_id: rules-it\nbroker:\n  url: " + broker.url() + "\nalerts:\n"
                        + "  group_window: 0s\n  group_max_delay: 0s\n"
                        + "  channels: [{id: chat, kind: slack, url: \"http://127.0.0.1:"
                        + receiver.getAddress().getPort() + "/hook\"}]\n"
                        + "  rules: [{id: file-rule, kind: staff_profanity}]\n");
        app = GatewayApp.start(GatewayConfig.load(cfg, dir.resolve("data")));
        base = app.httpUrl();
        Accounts accounts = app.console().accounts();
        accounts.putUser(Accounts.validate("boss", "admin", List.of()), PW.toCharArray());
        accounts.putUser(Accounts.validate("ana", "analyst", List.of()), PW.toCharArray());
        accounts.putUser(Accounts.validate("mgr-a", "site_manager", List.of("site-a")), PW.toCharArray());
        // Two delivery complaints five days ago: what the preview counts (no rule fires on them when stored).
        Instant past = Instant.now().minus(Duration.ofDays(5));
        app.store()
                .commit(new Conversations()
                        .add(
                                "dev-a1",
                                "site-a",
                                "conv-old-1",
                                past,
                                false,
                                null,
                                -0.4,
                                new Line("customer", "en", "the car came a week late", "negative", "delivery", "late"))
                        .add(
                                "dev-a1",
                                "site-a",
                                "conv-old-2",
                                past.plusSeconds(600),
                                false,
                                null,
                                -0.4,
                                new Line(
                                        "customer",
                                        "en",
                                        "delivery date moved again",
                                        "negative",
                                        "delivery",
                                        "delivery"))
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
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void anAdminMakesARuleInTheBrowserSeesThePreviewAndTheNextMatchingRecordAlerts() throws Exception {
        try (Browser browser = Browser.start(base, RuleConsoleIT.class)) {
            browser.open("/login?lang=en");
            browser.login("boss", PW);
            browser.visit("/console/alerts/rules", "rules-list-file-rule-only");
            assertThat(browser.find(By.cssSelector("tr[data-rule='file-rule'] .rule-source"))
                            .getText())
                    .isEqualTo("config file");
            assertThat(browser.all(By.cssSelector("tr[data-rule='file-rule'] .edit-rule")))
                    .as("read-only")
                    .isEmpty();

            browser.find(By.id("new-rule")).click();
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/console/alerts/rules/new"));
            browser.type(By.id("f-id"), "late-delivery");
            browser.type(By.id("f-name"), "Late delivery complaints");
            new Select(browser.find(By.id("f-kind"))).selectByValue("negative_utterance");
            new Select(browser.find(By.id("f-severity"))).selectByValue("critical");
            browser.type(By.id("f-topics"), "delivery");
            browser.type(By.id("f-max_score"), "-0.9");
            browser.shot("rule-form-filled");
            browser.find(By.id("preview-rule")).click();
            browser.waitFor(d -> !d.findElements(By.id("preview-firings")).isEmpty()
                    || !d.findElements(By.id("rule-problems")).isEmpty());
            browser.shot("rule-preview-strict");
            assertThat(browser.all(By.id("rule-problems"))).isEmpty();
            assertThat(browser.find(By.id("preview-firings")).getText())
                    .as("the stored complaints score 0")
                    .isEqualTo("0");

            // Changed after the preview: "Save" shows the preview of what would be saved, and saves nothing yet.
            browser.type(By.id("f-max_score"), "0");
            browser.find(By.id("save-rule")).click();
            browser.waitFor(d -> !d.findElements(By.id("preview-changed")).isEmpty());
            browser.shot("rule-preview-after-change");
            assertThat(browser.find(By.id("preview-firings")).getText())
                    .as("the two stored complaints")
                    .isEqualTo("2");
            assertThat(app.alerts().consoleRules().get("late-delivery")).isNull();
            assertThat(received).as("a preview sends nothing").isEmpty();

            browser.find(By.id("save-rule")).click();
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/console/alerts/rules"));
            browser.shot("rules-list-after-save");
            assertThat(browser.find(By.cssSelector("tr[data-rule='late-delivery'] .rule-source"))
                            .getText())
                    .isEqualTo("console");
            assertThat(browser.find(By.cssSelector("tr[data-rule='late-delivery'] .rule-name"))
                            .getText())
                    .isEqualTo("Late delivery complaints");
            assertThat(browser.find(By.id("rule-history")).getText())
                    .contains("console:boss", "create", "late-delivery");
            browser.visit("/console/alerts/rules?lang=zh", "rules-list-zh");
            assertThat(browser.find(By.cssSelector("tr[data-rule='file-rule'] .rule-source"))
                            .getText())
                    .isEqualTo("配置文件");
            browser.open("/console/alerts/rules?lang=en");
        }

        app.store()
                .commit(new Conversations()
                        .add(
                                "dev-a2",
                                "site-a",
                                "conv-new",
                                Instant.now(),
                                false,
                                null,
                                -0.4,
                                new Line(
                                        "customer", "en", "still no delivery date", "negative", "delivery", "delivery"))
                        .transaction());
        await().atMost(Duration.ofSeconds(60)).until(() -> !received.isEmpty());
        assertThat(ruleIdsOfAlerts()).containsExactly("late-delivery");
        assertThat(received.get(0)).contains("site-a");
        assertThat(app.console().audit().recent(50))
                .anySatisfy(a -> assertThat(a)
                        .containsEntry("action", "alert_rule_create")
                        .containsEntry("target", "late-delivery"));
    }

    static List<String> ruleIdsOfAlerts() throws Exception {
        try (Connection c = ((io.vocedge.gateway.store.JdbcVocStore) app.store())
                        .dataSource()
                        .getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT rule_id FROM alerts ORDER BY fired_at");
                ResultSet rs = ps.executeQuery()) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            c.rollback();
            return out;
        }
    }

    static Map<String, String> rule(String id, String... more) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mode", "create");
        m.put("id", id);
        m.put("kind", "attention");
        m.put("severity", "warning");
        m.put("enabled", "on");
        for (int i = 0; i < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return m;
    }

    static Map<String, String> with(Map<String, String> form, String csrf) {
        Map<String, String> m = new LinkedHashMap<>(form);
        m.put("_csrf", csrf);
        return m;
    }

    @Test
    void analystsAndSiteManagersAreRefusedThePageAndEveryForm() throws Exception {
        for (String who : List.of("ana", "mgr-a")) {
            String cookie = login(who);
            assertThat(get("/console/alerts/rules", cookie).statusCode())
                    .as(who)
                    .isEqualTo(403);
            assertThat(get("/console/alerts/rules/new", cookie).statusCode())
                    .as(who)
                    .isEqualTo(403);
            String csrf = ConsoleAuthIT.csrf(get("/console/cases", cookie).body());
            for (String path : List.of("/console/alerts/rules/preview", "/console/alerts/rules/save")) {
                HttpResponse<String> r = post(path, cookie, with(rule(who + "-rule"), csrf));
                assertThat(r.statusCode()).as(who + " " + path).isEqualTo(403);
            }
            assertThat(get("/console/cases", cookie).body()).doesNotContain("nav-rules");
        }
        String boss = login("boss");
        String list = get("/console/alerts/rules", boss).body();
        assertThat(list).doesNotContain("ana-rule").doesNotContain("mgr-a-rule");
        // A rule the analyst may not touch: disable and delete are refused too.
        String csrf = ConsoleAuthIT.csrf(list);
        assertThat(save(boss, with(rule("kept"), csrf)).statusCode()).isEqualTo(303);
        String ana = login("ana");
        String anaCsrf = ConsoleAuthIT.csrf(get("/console/cases", ana).body());
        for (String action : List.of("disable", "delete")) {
            assertThat(post("/console/alerts/rules/kept/" + action, ana, Map.of("_csrf", anaCsrf))
                            .statusCode())
                    .isEqualTo(403);
        }
        assertThat(get("/console/alerts/rules", boss).body())
                .containsPattern("(?s)data-rule=\"kept\">.*?class=\"rule-state\">Enabled");
        // The admin disables and deletes it; both audited with before and after.
        assertThat(post("/console/alerts/rules/kept/disable", boss, Map.of("_csrf", csrf))
                        .statusCode())
                .isEqualTo(303);
        assertThat(app.alerts().rules().current()).extracting(r -> r.id()).doesNotContain("kept");
        assertThat(post("/console/alerts/rules/kept/delete", boss, Map.of("_csrf", csrf))
                        .statusCode())
                .isEqualTo(303);
        assertThat(app.alerts().consoleRules().events(20))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("disable");
                    assertThat(e.before()).contains("\"enabled\":true");
                    assertThat(e.after()).contains("\"enabled\":false");
                })
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("delete");
                    assertThat(e.after()).isNull();
                });
    }

    @Test
    void savingWithoutAPreviewOfThatVersionOnlyPreviews() throws Exception {
        String boss = login("boss");
        String csrf = ConsoleAuthIT.csrf(get("/console/alerts/rules", boss).body());
        HttpResponse<String> r = post("/console/alerts/rules/save", boss, with(rule("unseen"), csrf));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"preview-changed\"").contains("id=\"preview-firings\"");
        Map<String, String> stale = with(rule("unseen"), csrf);
        stale.put("previewed", "0".repeat(64));
        assertThat(post("/console/alerts/rules/save", boss, stale).body()).contains("id=\"preview-changed\"");
        assertThat(app.alerts().consoleRules().get("unseen")).isNull();
        assertThat(save(boss, with(rule("unseen"), csrf)).statusCode()).isEqualTo(303);
        assertThat(app.alerts().consoleRules().get("unseen")).isNotNull();
    }

    @Test
    void anEditOfARuleChangedSinceItWasOpenedIsRefused() throws Exception {
        String boss = login("boss");
        String csrf = ConsoleAuthIT.csrf(get("/console/alerts/rules", boss).body());
        assertThat(save(boss, with(rule("shared", "name", "v1"), csrf)).statusCode())
                .isEqualTo(303);
        java.util.regex.Pattern basePattern = java.util.regex.Pattern.compile("name=\"base\" value=\"(\\d+)\"");
        java.util.regex.Matcher m = basePattern.matcher(
                get("/console/alerts/rules/shared/edit", boss).body());
        assertThat(m.find()).isTrue();
        String openedAt = m.group(1);
        Map<String, String> first = with(
                rule("shared", "mode", "edit", "base", openedAt, "name", "first admin", "severity", "critical"), csrf);
        Map<String, String> second =
                with(rule("shared", "mode", "edit", "base", openedAt, "name", "second admin"), csrf);
        assertThat(save(boss, first).statusCode()).isEqualTo(303);
        HttpResponse<String> late = save(boss, second);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("was changed by console:boss").contains("after you opened it");
        assertThat(app.alerts().consoleRules().get("shared").name()).isEqualTo("first admin");
        assertThat(app.alerts()
                        .consoleRules()
                        .get("shared")
                        .definition()
                        .path("severity")
                        .asText())
                .isEqualTo("critical");
        assertThat(app.alerts().consoleRules().events(50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("update");
            assertThat(e.before()).contains("\"name\":\"v1\"");
            assertThat(e.after()).contains("\"name\":\"first admin\"", "\"severity\":\"critical\"");
        });
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() throws Exception {
        String boss = login("boss");
        HttpResponse<String> r = post("/console/alerts/rules/save", boss, rule("forged"));
        assertThat(r.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = post("/console/alerts/rules/save", boss, with(rule("forged"), "0".repeat(64)));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(app.alerts().consoleRules().get("forged")).isNull();
    }

    @Test
    void scriptInARuleNameIsShownAsText() throws Exception {
        String boss = login("boss");
        String csrf = ConsoleAuthIT.csrf(get("/console/alerts/rules", boss).body());
        String evil = "\"><script>document.title='pwned'</script><img src=x onerror=alert(1)>";
        assertThat(save(boss, with(rule("evil-name", "name", evil, "sites", "<b>site</b>"), csrf))
                        .statusCode())
                .isEqualTo(303);
        String list = get("/console/alerts/rules", boss).body();
        assertThat(list)
                .doesNotContain("<script>document.title")
                .doesNotContain("<img src=x")
                .doesNotContain("<b>site</b>")
                .contains("&lt;script&gt;document.title=");
        String edit = get("/console/alerts/rules/evil-name/edit", boss).body();
        // In the form the name is a quoted attribute value: the quote is escaped, so nothing leaves the attribute.
        assertThat(edit).doesNotContain("\"><script>").contains("&#34;>&lt;script>document.title");
    }

    @Test
    void badFieldsAreRefusedNamingTheField() throws Exception {
        String boss = login("boss");
        String csrf = ConsoleAuthIT.csrf(get("/console/alerts/rules", boss).body());
        Map<Map<String, String>, String> cases = new LinkedHashMap<>();
        cases.put(
                rule("spike", "kind", "topic_spike", "topics", "delivery", "min_count", "lots"),
                "rules[spike].min_count");
        cases.put(
                rule("neg", "kind", "negative_utterance", "topics", "delivery", "max_score", "3"),
                "rules[neg].max_score");
        cases.put(rule("neg2", "kind", "negative_utterance"), "rules[neg2].topics: required");
        cases.put(rule("att", "kind", "attention", "min_count", "3"), "rules[att].min_count: unknown key");
        cases.put(rule("ch", "channels", "pager"), "rules[ch].channels: no channel with id 'pager'");
        cases.put(rule("quiet", "quiet_hours", "late"), "rules[quiet].quiet_hours");
        cases.put(rule("bad id!"), ".id: expected 1-64 letters, digits");
        cases.put(rule("sev", "severity", "apocalyptic"), "rules[sev].severity");
        cases.put(rule("kind", "kind", "weather"), "rules[kind].kind");
        cases.put(rule("long", "name", "x".repeat(5000)), "name: at most 200 characters");
        cases.put(rule("huge", "topics", "t,".repeat(3000)), "topics: at most 1000 characters");
        // A console account must not make the gateway open files of its choosing.
        cases.put(
                rule("certs", "kind", "cert_expiry", "files", "/etc/shadow", "within", "30d"),
                "rules[certs].kind: cert_expiry watches files on the gateway");
        for (Map.Entry<Map<String, String>, String> c : cases.entrySet()) {
            for (String path : List.of("/console/alerts/rules/preview", "/console/alerts/rules/save")) {
                HttpResponse<String> r = post(path, boss, with(c.getKey(), csrf));
                assertThat(r.statusCode()).as(c.getValue() + " " + path).isEqualTo(400);
                assertThat(r.body()).as(path).contains(c.getValue());
            }
        }
        assertThat(app.alerts().consoleRules().list())
                .extracting(s -> s.id())
                .doesNotContain("spike", "neg", "neg2", "att", "ch", "quiet", "sev", "kind", "long", "huge", "certs");
    }

    @Test
    void aRuleIdOfTheConfigFileIsRefused() throws Exception {
        String boss = login("boss");
        String csrf = ConsoleAuthIT.csrf(get("/console/alerts/rules", boss).body());
        for (String id : List.of("file-rule", "attention")) {
            for (String mode : List.of("create", "edit")) {
                Map<String, String> form = with(rule(id), csrf);
                form.put("mode", mode);
                HttpResponse<String> r = post("/console/alerts/rules/save", boss, form);
                assertThat(r.statusCode()).as(id + " " + mode).isEqualTo(400);
                assertThat(r.body()).contains("id: '" + id + "' is taken by a rule of the gateway config file");
            }
        }
        assertThat(app.alerts().consoleRules().get("file-rule")).isNull();
        // A console rule cannot be created twice either.
        assertThat(save(boss, with(rule("twice"), csrf)).statusCode()).isEqualTo(303);
        HttpResponse<String> again = save(boss, with(rule("twice"), csrf));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("exists already");
    }

    /** Saves as the page does: preview first, then save what was previewed. */
    static HttpResponse<String> save(String cookie, Map<String, String> form) throws Exception {
        HttpResponse<String> p = post("/console/alerts/rules/preview", cookie, form);
        assertThat(p.statusCode()).as(p.body()).isEqualTo(200);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"previewed\" value=\"([0-9a-f]{64})\"")
                .matcher(p.body());
        assertThat(m.find()).as("the preview carries what it counted").isTrue();
        Map<String, String> withDigest = new LinkedHashMap<>(form);
        withDigest.put("previewed", m.group(1));
        return post("/console/alerts/rules/save", cookie, withDigest);
    }

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Cookie", cookie)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String cookie, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String login(String name) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password="
                                + URLEncoder.encode(PW, StandardCharsets.UTF_8) + "&next=/console/cases"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("voc_session="))
                .findFirst()
                .orElseThrow()
                .split(";")[0];
    }
}
