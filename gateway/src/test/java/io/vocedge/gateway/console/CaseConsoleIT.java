package io.vocedge.gateway.console;

import static io.vocedge.gateway.console.ConsoleAuthIT.PW;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's alert pages on the real gateway: case list and detail per role and site, acknowledge and resolve with
 * CSRF, time to acknowledge per site, and the rule preview - with what a site manager of another site, an analyst or
 * a forged form would try.
 */
class CaseConsoleIT {
    @TempDir
    static Path dir;

    static MosquittoBroker broker;
    static HttpServer receiver;
    static final AtomicInteger hooks = new AtomicInteger();
    static GatewayApp app;
    static String base;
    static final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        broker = MosquittoBroker.start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            hooks.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        Path cfg = dir.resolve("gw.yaml");
        Files.writeString(
                cfg,
                "gateway_id: cases-it\nbroker:\n  url: " + broker.url()
                        + "\nalerts:\n  channels: [{id: chat, kind: slack," + " url: \"http://127.0.0.1:"
                        + receiver.getAddress().getPort() + "/hook\"}]\n");
        app = GatewayApp.start(GatewayConfig.load(cfg, dir.resolve("data")));
        base = app.httpUrl();
        Accounts accounts = app.console().accounts();
        accounts.putUser(Accounts.validate("boss", "admin", List.of()), PW.toCharArray());
        accounts.putUser(Accounts.validate("ana", "analyst", List.of()), PW.toCharArray());
        accounts.putUser(Accounts.validate("mgr-a", "site_manager", List.of("site-a")), PW.toCharArray());
        Instant t0 = Instant.now().minus(Duration.ofMinutes(5));
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
                                new Line("customer", "zh", "我 的 定金 还 没 退", "negative", "deposit_contract", "定金"))
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
                                        "site b deposit complaint",
                                        "negative",
                                        "deposit_contract",
                                        "deposit"))
                        .transaction());
        await().atMost(Duration.ofSeconds(20)).until(() -> hooks.get() >= 2);
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

    static String caseId(String html, String site) {
        Matcher m = Pattern.compile("<td>" + site + "</td>\\s*<td><a href=\"/console/cases/([0-9a-f-]{36})\"")
                .matcher(html);
        assertThat(m.find()).as("a case of %s in the list", site).isTrue();
        return m.group(1);
    }

    @Test
    void aSiteManagerSeesAndHandlesOnlyTheirSitesCases() throws Exception {
        String boss = login("boss");
        HttpResponse<String> all = get("/console/cases", boss);
        assertThat(all.statusCode()).isEqualTo(200);
        String caseB = caseId(all.body(), "site-b");

        String mgr = login("mgr-a");
        HttpResponse<String> mine = get("/console/cases", mgr);
        assertThat(mine.body()).contains("site-a").doesNotContain("site-b");
        String caseA = caseId(mine.body(), "site-a");
        assertThat(get("/console/cases/" + caseB, mgr).statusCode())
                .as("another site's case")
                .isEqualTo(404);
        String page = get("/console/cases/" + caseA, mgr).body();
        assertThat(page).contains("id=\"ack\"").contains("/console/conversations/dev-a1/conv-a");
        String csrf = ConsoleAuthIT.csrf(page);

        // Forged forms: no token, another site's case.
        assertThat(post("/console/cases/" + caseA + "/ack", mgr, Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(post("/console/cases/" + caseB + "/ack", mgr, Map.of("_csrf", csrf))
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/console/cases/" + caseB, boss).body()).contains("id=\"case-state\">Open");

        HttpResponse<String> ack = post("/console/cases/" + caseA + "/ack", mgr, Map.of("_csrf", csrf));
        assertThat(ack.statusCode()).isEqualTo(303);
        assertThat(post("/console/cases/" + caseA + "/resolve", mgr, Map.of("_csrf", csrf, "note", ""))
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(
                                "/console/cases/" + caseA + "/resolve",
                                mgr,
                                Map.of("_csrf", csrf, "note", "refund <b>booked</b>"))
                        .statusCode())
                .isEqualTo(303);
        String done = get("/console/cases/" + caseA, mgr).body();
        assertThat(done)
                .contains("id=\"case-state\">Resolved")
                .contains("refund &lt;b&gt;booked&lt;/b&gt;")
                .contains("console:mgr-a")
                .doesNotContain("id=\"ack\"");
        String list = get("/console/cases", mgr).body();
        assertThat(list).containsPattern("(?s)data-site=\"site-a\">.*?<td class=\"tta\">[^-<]");

        // An analyst reads but cannot change.
        String ana = login("ana");
        String bPage = get("/console/cases/" + caseB, ana).body();
        assertThat(bPage).doesNotContain("id=\"ack\"");
        assertThat(post("/console/cases/" + caseB + "/ack", ana, Map.of("_csrf", ConsoleAuthIT.csrf(bPage)))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theRulePreviewCountsFiringsAndNamesBadFields() throws Exception {
        String mgr = login("mgr-a");
        assertThat(get("/console/alerts/preview", mgr).statusCode())
                .as("reads every site: not for site managers")
                .isEqualTo(403);
        String ana = login("ana");
        String page = get("/console/alerts/preview", ana).body();
        String csrf = ConsoleAuthIT.csrf(page);
        HttpResponse<String> r = post(
                "/console/alerts/preview",
                ana,
                Map.of(
                        "_csrf",
                        csrf,
                        "days",
                        "30",
                        "rules",
                        "rules:\n  - {id: att, kind: attention}\n  - {id: dep, kind: negative_utterance, topics: [deposit_contract], max_score: 0.0}\n"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .containsPattern("(?s)data-rule=\"att\">.*?<td class=\"firings\">2</td>")
                .containsPattern("(?s)data-rule=\"dep\">.*?<td class=\"firings\">2</td>");
        HttpResponse<String> bad = post(
                "/console/alerts/preview",
                ana,
                Map.of(
                        "_csrf",
                        csrf,
                        "rules",
                        "rules:\n  - {id: spike, kind: topic_spike, topics: [delivery], min_cuont: 3}\n"));
        assertThat(bad.body()).contains("rules[spike].min_cuont: unknown key (did you mean 'min_count'?)");
    }
}
