package io.vocedge.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.console.Conversations.Line;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search (page and {@code /api/v1/search}) on a real store, run by {@link SearchSqliteIT} and {@link SearchPostgresIT}:
 * one- and two-character Chinese and English words, every filter, paging, the site scope of a site manager, the
 * audit log, and attacks (script in the query and in stored text, huge and malformed input, SQL in the query).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchContract {
    static final ObjectMapper JSON = new ObjectMapper();
    ConsoleStack stack;
    String analyst;
    String managerA;

    abstract ConsoleStack open(Path dir) throws Exception;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        stack = open(dir);
        stack.user("ana", "analyst");
        stack.user("mgr-a", "site_manager", "site-a");
        analyst = stack.token("ana-script", "analyst");
        managerA = stack.token("mgr-a-script", "site_manager", "site-a");
        Instant d1 = Instant.parse("2026-12-01T09:00:00Z");
        Instant d3 = Instant.parse("2026-12-03T15:00:00Z");
        stack.store.commit(new Conversations()
                .add(
                        "dev-a1",
                        "site-a",
                        "conv-a",
                        d1,
                        true,
                        "escalation: asked for a manager",
                        -0.6,
                        new Line("staff", "zh", "欢迎 光临", "neutral", null, null),
                        new Line("customer", "zh", "我 的 定金 还 没 退", "negative", "deposit_refund", "定金"))
                .add(
                        "dev-b1",
                        "site-b",
                        "conv-b",
                        d1.plusSeconds(60),
                        true,
                        "churn risk",
                        -0.8,
                        new Line(
                                "customer",
                                "en",
                                "secret site b complaint about the deposit",
                                "negative",
                                "deposit_refund",
                                "deposit"),
                        new Line("customer", "zh", "定金 问题 很 严重", "negative", "deposit_refund", "定金"))
                .add(
                        "dev-a2",
                        "site-a",
                        "conv-a2",
                        d3,
                        false,
                        null,
                        0.4,
                        new Line("customer", "en", "Refund please <script>alert(1)</script>", "positive", null, null),
                        new Line("staff", "zh", "定 金 已经 退 了", "positive", "deposit_refund", "定金"))
                .transaction());
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    JsonNode search(String token, String query) throws Exception {
        HttpResponse<String> r = stack.api("/api/v1/search?" + query, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    static List<String> hits(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.path("results")
                .forEach(n -> out.add(
                        n.path("device_id").asText() + "#" + n.path("seq").asText()));
        return out;
    }

    static List<String> texts(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.path("results").forEach(n -> out.add(n.path("text").asText()));
        return out;
    }

    @Test
    void oneAndTwoCharacterChineseAndEnglishWordsAreFound() throws Exception {
        assertThat(texts(search(analyst, "q=" + ConsoleStack.enc("定金"))))
                .as("two characters, newest first, spaces between" + " segmented characters ignored")
                .containsExactly("定 金 已经 退 了", "定金 问题 很 严重", "我 的 定金 还 没 退");
        assertThat(texts(search(analyst, "q=" + ConsoleStack.enc("退")))).containsExactly("定 金 已经 退 了", "我 的 定金 还 没 退");
        assertThat(texts(search(analyst, "q=" + ConsoleStack.enc("光临")))).containsExactly("欢迎 光临");
        assertThat(texts(search(analyst, "q=" + ConsoleStack.enc("临光"))))
                .as("order of characters matters")
                .isEmpty();
        assertThat(texts(search(analyst, "q=REFUND"))).containsExactly("Refund please <script>alert(1)</script>");
        assertThat(texts(search(analyst, "q=deposit"))).containsExactly("secret site b complaint about the deposit");
        assertThat(texts(search(analyst, "q=" + ConsoleStack.enc("定金 严重"))))
                .as("all words must occur")
                .containsExactly("定金 问题 很 严重");
        assertThat(texts(search(analyst, "q=" + ConsoleStack.enc("定金还没"))))
                .as("a longer run must occur as written")
                .containsExactly("我 的 定金 还 没 退");
        assertThat(texts(search(analyst, "q=" + ConsoleStack.enc("定金已没")))).isEmpty();
        JsonNode one = search(analyst, "q=" + ConsoleStack.enc("定金"));
        assertThat(one.path("results").get(0).path("conversation_url").asText())
                .isEqualTo("/console/conversations/dev-a2/conv-a2");
        assertThat(one.path("results")
                        .get(2)
                        .path("topics")
                        .get(0)
                        .path("evidence")
                        .get(0)
                        .asText())
                .isEqualTo("定金");
    }

    @Test
    void everyFilterNarrowsTheResults() throws Exception {
        String q = "q=" + ConsoleStack.enc("定金");
        assertThat(texts(search(analyst, q + "&site=site-b"))).containsExactly("定金 问题 很 严重");
        assertThat(texts(search(analyst, q + "&since=2026-12-02"))).containsExactly("定 金 已经 退 了");
        assertThat(texts(search(analyst, q + "&until=2026-12-01"))).containsExactly("定金 问题 很 严重", "我 的 定金 还 没 退");
        assertThat(texts(search(analyst, q + "&speaker=staff"))).containsExactly("定 金 已经 退 了");
        assertThat(texts(search(analyst, q + "&sentiment=negative"))).containsExactly("定金 问题 很 严重", "我 的 定金 还 没 退");
        assertThat(texts(search(analyst, "q=" + ConsoleStack.enc("退") + "&attention=true")))
                .containsExactly("我 的 定金 还 没 退");
        assertThat(texts(search(analyst, "q=" + ConsoleStack.enc("退") + "&attention=false")))
                .containsExactly("定 金 已经 退 了");
        assertThat(texts(search(analyst, "q=" + ConsoleStack.enc("欢迎") + "&topic=deposit_refund")))
                .isEmpty();
        assertThat(texts(search(analyst, "q=deposit&topic=deposit_refund"))).hasSize(1);
        JsonNode first = search(analyst, q + "&limit=2");
        assertThat(first.path("more").asBoolean()).isTrue();
        JsonNode second = search(analyst, q + "&limit=2&offset=2");
        assertThat(second.path("more").asBoolean()).isFalse();
        assertThat(hits(second)).hasSize(1).doesNotContainAnyElementsOf(hits(first));
    }

    @Test
    void aSiteManagerFindsOnlyOwnSitesAndEverySearchIsAudited() throws Exception {
        String q = "q=" + ConsoleStack.enc("定金");
        JsonNode own = search(managerA, q);
        assertThat(own.path("results"))
                .hasSize(2)
                .allSatisfy(n -> assertThat(n.path("site").asText()).isEqualTo("site-a"));
        assertThat(search(managerA, q + "&site=site-b").path("results"))
                .as("another site: empty, not an error")
                .isEmpty();
        assertThat(search(managerA, "q=secret").path("results")).isEmpty();
        String cookie = stack.login("mgr-a");
        HttpResponse<String> page = stack.get("/console/search?" + q, cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("我 的 <mark>定金</mark> 还 没 退")
                .contains("<mark>定 金</mark> 已经")
                .doesNotContain("严重")
                .doesNotContain("site-b");
        HttpResponse<String> other = stack.get("/console/search?" + q + "&site=site-b", cookie);
        assertThat(other.body()).doesNotContain("严重");
        List<Map<String, Object>> audit = stack.console.audit().recent(200);
        assertThat(audit)
                .anySatisfy(a -> assertThat(a)
                        .containsEntry("actor", "mgr-a")
                        .containsEntry("action", "search")
                        .satisfies(m -> assertThat((String) m.get("detail"))
                                .contains("via=page")
                                .contains("results=2")
                                .contains("result_sites=site-a")
                                .contains("q=定金")));
        assertThat(audit)
                .anySatisfy(a -> assertThat(a)
                        .containsEntry("action", "search")
                        .containsEntry("site", "site-b")
                        .satisfies(m -> assertThat((String) m.get("detail"))
                                .contains("via=api")
                                .contains("results=0")));
        assertThat(audit)
                .noneSatisfy(a -> assertThat(a.get("actor"))
                        .isEqualTo("mgr-a")
                        .satisfies(x -> assertThat((String) a.get("detail")).contains("result_sites=site-b")));
    }

    @Test
    void scriptInTheQueryOrInStoredTextIsShownAsText() throws Exception {
        String cookie = stack.login("ana");
        HttpResponse<String> r =
                stack.get("/console/search?q=" + ConsoleStack.enc("<script>alert(1)</script> refund"), cookie);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .doesNotContain("<script>alert")
                .contains("value=\"&lt;script>alert(1)&lt;/script> refund\"")
                .contains("<mark>Refund</mark> please &lt;<mark>script</mark>&gt;");
        HttpResponse<String> attr =
                stack.get("/console/search?q=" + ConsoleStack.enc("\"><img src=x onerror=alert(3)>"), cookie);
        assertThat(attr.body()).doesNotContain("<img src=x").doesNotContain("\"><img");
        assertThat(attr.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'");
    }

    @Test
    void hugeAndMalformedInputGetsAClearError() throws Exception {
        assertError(
                stack.api("/api/v1/search?q=" + "a".repeat(201), analyst),
                400,
                "q is 201 characters long: use at most 200");
        assertError(
                stack.api("/api/v1/search?q=" + ConsoleStack.enc("定金问题很严重而且没有人管理这个事情"), analyst),
                400,
                "use at most 12");
        assertError(stack.api("/api/v1/search", analyst), 400, "q is required");
        assertError(
                stack.api("/api/v1/search?q=" + ConsoleStack.enc("!!! ..."), analyst),
                400,
                "has no words to search for");
        assertError(stack.api("/api/v1/search?q=a&limit=100000", analyst), 400, "limit 100000 is out of range");
        assertError(stack.api("/api/v1/search?q=a&since=yesterday", analyst), 400, "since 'yesterday'");
        assertError(stack.api("/api/v1/search?q=a&site=" + ConsoleStack.enc("a' OR 1=1"), analyst), 400, "an id is");
        assertError(stack.api("/api/v1/search?q=a&speaker=boss", analyst), 400, "speaker 'boss'");
        HttpResponse<String> huge = stack.api("/api/v1/search?q=a&q2=" + "x".repeat(70_000), analyst);
        assertThat(huge.statusCode()).isIn(414, 431);
        assertThat(huge.body()).startsWith("{\"error\":").doesNotContain("Exception");
        assertError(stack.api("/api/v1/search?q=a", null), 401, "Bearer");
        assertError(
                stack.api("/api/v1/search?q=a", "voc_000000000000_" + "0".repeat(64)),
                401,
                "unknown or malformed API token");
        assertThat(search(analyst, "q=" + ConsoleStack.enc("定金' OR '1'='1")).path("results"))
                .as("SQL is just words")
                .isEmpty();
        String cookie = stack.login("ana");
        HttpResponse<String> page =
                stack.get("/console/search?q=" + ConsoleStack.enc("定金") + "&since=2026-13-45", cookie);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .contains("id=\"error-message\"")
                .contains("since '2026-13-45'")
                .doesNotContain("Exception")
                .doesNotContain("at io.vocedge");
    }

    static void assertError(HttpResponse<String> r, int status, String message) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("error").asText()).contains(message);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.");
    }
}
