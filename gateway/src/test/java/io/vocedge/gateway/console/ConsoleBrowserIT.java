package io.vocedge.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vocedge.gateway.GatewayApp;
import io.vocedge.gateway.cli.GatewayMain;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.console.IngestSeed.Line;
import io.vocedge.gateway.console.auth.Accounts;
import io.vocedge.protocol.SentimentLabel;
import io.vocedge.testsupport.MosquittoBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import picocli.CommandLine;

/**
 * The console in real headless Chromium (issue 14) against a real gateway (Mosquitto, SQLite file) fed through the real
 * ingest path ({@link IngestSeed}: batches over MQTT, acked after the store commit). Screenshots of every page visited
 * land in {@code gateway/target/screenshots/ConsoleBrowserIT/}, desktop and phone sizes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
    static final String PW = "correct horse battery";
    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    static Path dir;

    static MosquittoBroker broker;
    static GatewayApp app;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        broker = MosquittoBroker.start();
        Path cfg = dir.resolve("gw.yaml");
        Files.writeString(
                cfg, "gateway_id: browser-it\nbroker:\n  url: " + broker.url() + "\nregistry:\n  mode: open\n");
        app = GatewayApp.start(GatewayConfig.load(cfg, dir.resolve("data")));
        Accounts accounts = app.console().accounts();
        accounts.putUser(Accounts.validate("ana", "analyst", List.of()), PW.toCharArray());
        accounts.putUser(Accounts.validate("mgr-a", "site_manager", List.of("site-a")), PW.toCharArray());
        new IngestSeed()
                .conversation(
                        "site-a",
                        "dev-a1",
                        "conv-a",
                        T0,
                        "escalation: asked for a manager",
                        -0.62,
                        true,
                        false,
                        Line.staff("zh", "您好 欢迎 光临"),
                        Line.customer("zh", "我 的 定金 还 没 退 已经 等 了 两 周", SentimentLabel.NEGATIVE, "deposit_refund", "定金"),
                        Line.staff("zh", "我 马上 帮 您 查 一下"),
                        Line.customer("zh", "我要 见 你们 经理", SentimentLabel.NEGATIVE, "escalation", "经理"))
                .conversation(
                        "site-a",
                        "dev-a1",
                        "conv-calm",
                        T0.plusSeconds(600),
                        null,
                        0.4,
                        true,
                        true,
                        Line.staff("en", "good morning welcome"),
                        Line.customer("en", "the new model looks great", SentimentLabel.POSITIVE, "product", "great"))
                .conversation(
                        "site-b",
                        "dev-b1",
                        "conv-b",
                        T0.plusSeconds(60),
                        "churn risk: will buy elsewhere",
                        -0.81,
                        false,
                        false,
                        Line.customer(
                                "en",
                                "secret site b complaint about the deposit, I will buy elsewhere",
                                SentimentLabel.NEGATIVE,
                                "deposit_refund",
                                "deposit"))
                .publish(app.brokerUrl());
        browser = Browser.start(app.httpUrl(), ConsoleBrowserIT.class);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void fresh() {
        browser.desktop();
        browser.open("/login?lang=en");
        browser.deleteCookies();
    }

    @Test
    @Order(1)
    void analystSignsInSeesTheFlaggedConversationsAndOpensOne() throws Exception {
        browser.visit("/console/today", "redirected-to-login");
        assertThat(browser.path()).startsWith("/login?next=");
        browser.login("ana", "wrong password").shot("login-failed");
        assertThat(browser.find(By.id("login-message")).getText()).isEqualTo("Wrong user name or password.");

        browser.login("ana", PW).shot("today-analyst");
        assertThat(browser.path()).isEqualTo("/console/today");
        List<WebElement> rows = browser.all(By.cssSelector("#queue-rows tr.attention-row"));
        // Both flagged conversations, newest first; the calm one (no attention) is not in the queue.
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("site-b", "churn risk: will buy elsewhere");
        assertThat(rows.get(1).getText()).contains("site-a", "escalation: asked for a manager", "deposit_refund");
        assertThat(browser.text()).doesNotContain("conv-calm");

        rows.get(1).findElement(By.cssSelector("a.reason")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/console/conversations/"));
        browser.shot("conversation-a");
        assertThat(browser.path()).isEqualTo("/console/conversations/dev-a1/conv-a");
        assertThat(browser.find(By.id("attention-reason")).getText()).isEqualTo("escalation: asked for a manager");
        List<WebElement> utterances = browser.all(By.cssSelector("#utterances tr.utterance"));
        assertThat(utterances)
                .extracting(e -> e.findElement(By.cssSelector("td.text")).getText())
                .containsExactly("您好 欢迎 光临", "我 的 定金 还 没 退 已经 等 了 两 周", "我 马上 帮 您 查 一下", "我要 见 你们 经理");
        assertThat(utterances.get(1).getText()).contains("customer", "negative", "deposit_refund", "«定金»");
        assertThat(utterances.get(0).getText()).contains("staff");
        assertThat(browser.find(By.id("compliance")).getText()).contains("✔ ", "✘ ");

        // A manager's phone: the same pages fit the width (no sideways scrolling) and keep what matters.
        browser.phone();
        browser.visit("/console/today", "today-phone");
        assertThat(browser.overflowsHorizontally())
                .as("today page wider than a phone")
                .isFalse();
        assertThat(browser.find(By.id("queue")).getText()).contains("escalation: asked for a manager");
        browser.visit("/console/conversations/dev-a1/conv-a", "conversation-phone");
        assertThat(browser.overflowsHorizontally())
                .as("conversation page wider than a phone")
                .isFalse();
        assertThat(browser.find(By.id("utterances")).getText()).contains("我要 见 你们 经理", "negative");
    }

    @Test
    @Order(2)
    void siteManagerIsRefusedAnotherSitesConversation() throws Exception {
        browser.open("/console/today").login("mgr-a", PW).shot("today-site-manager");
        assertThat(browser.all(By.cssSelector("#queue-rows tr.attention-row"))).hasSize(1);
        assertThat(browser.text()).contains("escalation: asked for a manager").doesNotContain("site-b", "churn risk");

        browser.visit("/console/conversations/dev-b1/conv-b", "conversation-b-refused");
        assertThat(browser.title()).contains("Something is wrong");
        assertThat(browser.text()).contains("404").doesNotContain("secret site b", "churn risk", "will buy elsewhere");
        // The same answer as for a conversation that does not exist: nothing tells the other site's apart.
        String refused = browser.find(By.tagName("main")).getText();
        browser.visit("/console/conversations/dev-b1/conv-nope", "conversation-unknown");
        assertThat(browser.find(By.tagName("main")).getText()).isEqualTo(refused.replace("conv-b", "conv-nope"));

        // The API and the CSV export of that conversation: the same 404, nothing of site-b.
        Object api = browser.script(
                "return fetch('/api/v1/conversations/dev-b1/conv-b1').then(r => r.text().then(t => r.status + ' ' + t));");
        assertThat(String.valueOf(api)).startsWith("404 ").doesNotContain("secret site b", "churn risk");
        browser.visit("/console/conversations/dev-b1/conv-b/utterances.csv", "export-b-refused");
        assertThat(browser.text()).contains("404").doesNotContain("secret site b", "will buy elsewhere");
        Object own =
                browser.script("return fetch('/console/conversations/dev-a1/conv-a/utterances.csv').then(r => r.text()"
                        + ".then(t => r.status + ' ' + r.headers.get('Content-Type') + ' ' + t));");
        assertThat(String.valueOf(own)).startsWith("200 text/csv").contains("我要 见 你们 经理");
        // The read API with the browser's own session: another site's words never come back.
        Object search = browser.script(
                "return fetch('/api/v1/search?q=deposit').then(r => r.text().then(t => r.status + ' ' + t))"
                        + ".catch(e => 'failed ' + e);");
        assertThat(String.valueOf(search)).startsWith("200 ").doesNotContain("secret site b", "site-b");
        Object asked = browser.script(
                "return fetch('/api/v1/search?q=deposit&site=site-b').then(r => r.text().then(t => r.status + ' ' + t));");
        assertThat(String.valueOf(asked)).doesNotContain("secret site b");
    }

    @Test
    @Order(4)
    void analystCorrectsAnUtteranceAndTheCorrectionIsExportedAsTrainingData() throws Exception {
        browser.open("/console/today").login("ana", PW);
        browser.visit("/console/conversations/dev-a1/conv-a", "conversation-before-correction");
        WebElement row = browser.all(By.cssSelector("#utterances tr.utterance")).stream()
                .filter(r -> r.getText().contains("我要 见 你们 经理"))
                .findFirst()
                .orElseThrow();
        String seq = row.getAttribute("id").substring(2);
        row.findElement(By.cssSelector("details.correct summary")).click();
        WebElement form = browser.find(By.id("correct-" + seq));
        form.findElement(By.cssSelector("input[name=topic][value=staff_attitude]"))
                .click();
        form.findElement(By.cssSelector("input[name=flag][value=escalation]")).click();
        form.findElement(By.cssSelector("input[name=sentiment][value=negative]"))
                .click();
        browser.shot("correction-form");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitFor(d -> !d.findElements(By.id("correction-" + seq)).isEmpty());
        browser.shot("corrected");
        assertThat(browser.find(By.id("correction-" + seq)).getText())
                .contains("ana", "negative", "staff_attitude", "escalation");

        // Labels outside TAXONOMY v2 are refused with the reason, and nothing is stored.
        Object bad = browser.script(
                "return fetch(arguments[0], {method: 'POST', headers: {'X-CSRF-Token':"
                        + " document.body.dataset.csrf, 'Content-Type': 'application/x-www-form-urlencoded'},"
                        + " body: 'sentiment=negative&topic=free_coffee'}).then(r => r.text().then(t => r.status + ' ' + t));",
                "/console/conversations/dev-a1/conv-a/utterances/" + seq + "/correction");
        assertThat(String.valueOf(bad)).startsWith("400 ").contains("unknown topic 'free_coffee'");
        // A forged form without the session's token: refused like every console form.
        Object forged = browser.script(
                "return fetch(arguments[0], {method: 'POST', headers: {'Content-Type':"
                        + " 'application/x-www-form-urlencoded'}, body: 'sentiment=positive'}).then(r => r.status);",
                "/console/conversations/dev-a1/conv-a/utterances/" + seq + "/correction");
        assertThat(((Number) forged).intValue()).isEqualTo(403);

        // The export is what 'voc-device insights train --corrections' reads: the redacted text, labels, who, when.
        Path out = dir.resolve("corrections.jsonl");
        CommandLine cli = GatewayMain.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute(
                        "corrections",
                        "export",
                        "--data-dir",
                        dir.resolve("data").toString(),
                        "--out",
                        out.toString()))
                .isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.path("text").asText()).isEqualTo("我要 见 你们 经理");
        assertThat(line.path("lang").asText()).isEqualTo("zh");
        assertThat(line.path("topics").toString()).isEqualTo("[\"staff_attitude\"]");
        assertThat(line.path("sentiment").asText()).isEqualTo("negative");
        assertThat(line.path("flags").toString()).isEqualTo("[\"escalation\"]");
        assertThat(line.path("who").asText()).isEqualTo("ana");
        assertThat(line.path("role").asText()).isEqualTo("customer");
        assertThat(Instant.parse(line.path("when").asText())).isAfter(T0);
    }

    @Test
    @Order(5)
    void siteManagerReadsInsightsButCannotCorrectThem() throws Exception {
        browser.open("/console/today").login("mgr-a", PW);
        browser.visit("/console/conversations/dev-a1/conv-a", "conversation-site-manager");
        assertThat(browser.all(By.cssSelector("details.correct"))).isEmpty();
        String seq = browser.all(By.cssSelector("#utterances tr.utterance"))
                .get(0)
                .getAttribute("id")
                .substring(2);
        Object refused = browser.script(
                "return fetch(arguments[0], {method: 'POST', headers: {'X-CSRF-Token':"
                        + " document.body.dataset.csrf, 'Content-Type': 'application/x-www-form-urlencoded'},"
                        + " body: 'sentiment=positive'}).then(r => r.status);",
                "/console/conversations/dev-a1/conv-a/utterances/" + seq + "/correction");
        assertThat(((Number) refused).intValue()).isEqualTo(403);
        // Another site's utterance: the same 404 as for one that does not exist.
        Object other = browser.script(
                "return fetch(arguments[0], {method: 'POST', headers: {'X-CSRF-Token':"
                        + " document.body.dataset.csrf, 'Content-Type': 'application/x-www-form-urlencoded'},"
                        + " body: 'sentiment=positive'}).then(r => r.status);",
                "/console/conversations/dev-b1/conv-b/utterances/1/correction");
        assertThat(((Number) other).intValue()).isEqualTo(404);
    }

    @Test
    @Order(10)
    void openApiDocumentsExactlyTheApiRoutesTheGatewayServes() throws Exception {
        JsonNode doc = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("openapi.yaml").toFile());
        Set<String> documented = new TreeSet<>();
        doc.path("paths")
                .fields()
                .forEachRemaining(p -> p.getValue()
                        .fieldNames()
                        .forEachRemaining(
                                m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey())));
        Set<String> served = app.httpEndpoints().stream()
                .filter(e -> e.matches("(GET|POST|PUT|PATCH|DELETE|HEAD) /api/v1/.*"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(served).as("routes under /api/v1 (GatewayApp)").isNotEmpty().contains("GET /api/v1/devices");
        assertThat(documented).as("gateway/openapi.yaml paths").isEqualTo(served);
    }

    @Test
    @Order(3)
    void formPostsWithoutTheSessionsCsrfTokenAreRefused() throws Exception {
        browser.open("/console/today").login("ana", PW);
        // A forged sign-out form (what another site could make the browser submit): no token, so 403 and still signed
        // in.
        browser.script("var f = document.createElement('form'); f.method = 'post'; f.action = '/logout';"
                + " var i = document.createElement('input'); i.name = '_csrf'; i.value = 'forged'; f.appendChild(i);"
                + " document.body.appendChild(f); f.submit();");
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/logout"));
        browser.shot("csrf-refused");
        assertThat(browser.text()).contains("403", "CSRF");
        browser.visit("/console/today", "still-signed-in");
        assertThat(browser.path()).isEqualTo("/console/today");
        assertThat(browser.find(By.id("who")).getText()).startsWith("ana");
        // An htmx-style request with a wrong X-CSRF-Token header is refused too.
        Object status = browser.script("return fetch('/logout', {method: 'POST', headers: {'X-CSRF-Token': 'nope'}})"
                + ".then(r => r.status);");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        // The real button carries the token and works.
        browser.logout().shot("signed-out");
        browser.open("/console/today");
        assertThat(browser.path()).startsWith("/login");
    }

    @Test
    @Order(4)
    void anIdleSessionExpiresAndTheUserIsToldSo() throws Exception {
        // A second, broker-less console whose sessions end after 2 s idle (the main gateway keeps the default 30 min).
        Path d = Files.createDirectories(dir.resolve("short"));
        try (ConsoleStack shortLived = ConsoleStack.sqlite(d, "console:\n  session_idle: 2s\n")) {
            shortLived.user("ana", "analyst");
            browser.open(shortLived.base + "/login?lang=en");
            browser.login("ana", ConsoleStack.PW);
            assertThat(browser.path()).isEqualTo(shortLived.base + "/console/today");
            Thread.sleep(3500);
            browser.open(shortLived.base + "/console/today").shot("session-expired");
            assertThat(browser.path()).startsWith(shortLived.base + "/login?next=");
            assertThat(browser.find(By.id("login-message")).getText())
                    .isEqualTo("Your session ended; please sign in again.");
            Object api = browser.script("return fetch('/api/v1/search?q=x').then(r => r.status);");
            assertThat(((Number) api).intValue()).isEqualTo(401);
        }
    }

    @Test
    @Order(5)
    void theLanguageSwitchesBetweenChineseAndEnglishAndStays() throws Exception {
        browser.open("/console/today").login("ana", PW);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Conversations that need attention");
        browser.find(By.id("lang-switch")).click();
        browser.waitFor(d -> "zh".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        browser.shot("today-zh");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("需要跟进的对话");
        assertThat(browser.text()).contains("待跟进", "escalation: asked for a manager");
        // The choice is remembered for the next page.
        browser.visit("/console/conversations/dev-a1/conv-a", "conversation-zh");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("zh");
        browser.phone();
        browser.visit("/console/today", "today-zh-phone");
        assertThat(browser.overflowsHorizontally()).isFalse();
        browser.desktop();
        browser.find(By.id("lang-switch")).click();
        browser.waitFor(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Conversations that need attention");
        // A Chinese browser gets Chinese on the sign-in page without choosing.
        browser.deleteCookies();
        Object zh = browser.script(
                "return fetch('/login', {headers: {'Accept-Language': 'zh-CN,zh;q=0.9'}}).then(r => r.text());");
        assertThat(String.valueOf(zh)).contains("<html lang=\"zh\"");
    }
}
