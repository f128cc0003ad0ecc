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
 * Trends (page, {@code /api/v1/trends}, CSV downloads) on a real store, run by {@link TrendsSqliteIT} and
 * {@link TrendsPostgresIT}: the roll-ups written by the real commit, summed per day and per ISO week in each store's
 * SQL; site comparison; a site manager's scope on page, API and CSV; the audit log; bad input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrendsContract {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String RANGE = "since=2026-11-29&until=2026-12-01";
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
        stack.store.commit(new Conversations()
                .compliance(true, true, true)
                .add(
                        "dev-a1",
                        "site-a",
                        "c1",
                        Instant.parse("2026-11-30T10:00:00Z"),
                        false,
                        null,
                        0.5,
                        new Line("customer", "zh", "太 贵 了", "negative", "price", "贵"),
                        new Line("customer", "zh", "价格 还 可以", "positive", "price", "价格"))
                .compliance(true, false, false)
                .add(
                        "dev-a1",
                        "site-a",
                        "c2",
                        Instant.parse("2026-12-01T10:00:00Z"),
                        true,
                        "profanity",
                        -0.5,
                        new Line("customer", "zh", "太 贵", "negative", "price", "贵"),
                        new Line("staff", "zh", "服务 一般", "neutral", "service", "服务"))
                .compliance(false, true, true)
                .add(
                        "dev-b1",
                        "site-b",
                        "c3",
                        Instant.parse("2026-12-01T11:00:00Z"),
                        false,
                        null,
                        0.2,
                        new Line("customer", "en", "good price", "positive", "price", "price"))
                .compliance(true, true, true)
                .add(
                        "dev-b1",
                        "site-b",
                        "c4",
                        Instant.parse("2026-11-29T11:00:00Z"),
                        false,
                        null,
                        0.0,
                        new Line("customer", "en", "slow service", "negative", "service", "service"))
                .add(
                        "dev-b1",
                        "site-b",
                        "c5",
                        Instant.parse("2026-10-01T11:00:00Z"),
                        false,
                        null,
                        0.9,
                        new Line("customer", "en", "outside the range", "positive", "price", "price"))
                .transaction());
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    JsonNode api(String token, String query) throws Exception {
        HttpResponse<String> r = stack.api("/api/v1/trends?" + query, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static List<String> rows(JsonNode body, String key, String... fields) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : body.path(key)) {
            List<String> cells = new ArrayList<>();
            for (String f : fields) {
                cells.add(n.path(f).asText());
            }
            out.add(String.join(" ", cells));
        }
        return out;
    }

    @Test
    void perDayAndPerWeekVolumeNegativeShareComplianceAndScore() throws Exception {
        JsonNode day = api(analyst, RANGE);
        assertThat(rows(day, "topics", "period", "site", "topic", "mentions", "negative"))
                .containsExactly(
                        "2026-11-29 site-b service 1 1",
                        "2026-11-30 site-a price 2 1",
                        "2026-12-01 site-a price 1 1",
                        "2026-12-01 site-a service 1 0",
                        "2026-12-01 site-b price 1 0");
        assertThat(rows(
                        day,
                        "conversations",
                        "period",
                        "site",
                        "conversations",
                        "greeting_rate",
                        "thanks_rate",
                        "no_profanity_rate",
                        "attention",
                        "experience_score"))
                .containsExactly(
                        "2026-11-29 site-b 1 1.0 1.0 1.0 0 0.0", "2026-11-30 site-a 1 1.0 1.0 1.0 0 0.5",
                        "2026-12-01 site-a 1 1.0 0.0 0.0 1 -0.5", "2026-12-01 site-b 1 0.0 1.0 1.0 0 0.2");
        JsonNode week = api(analyst, RANGE + "&period=week");
        assertThat(rows(week, "topics", "period", "site", "topic", "mentions", "negative", "negative_share"))
                .as("weeks start Monday")
                .containsExactly(
                        "2026-11-23 site-b service 1 1 1.0",
                        "2026-11-30 site-a price 3 2 0.6666666666666666",
                        "2026-11-30 site-a service 1 0 0.0",
                        "2026-11-30 site-b price 1 0 0.0");
        assertThat(rows(
                        week,
                        "conversations",
                        "period",
                        "site",
                        "conversations",
                        "greeting_rate",
                        "thanks_rate",
                        "attention",
                        "experience_score"))
                .containsExactly(
                        "2026-11-23 site-b 1 1.0 1.0 0 0.0",
                        "2026-11-30 site-a 2 1.0 0.5 1 0.0",
                        "2026-11-30 site-b 1 0.0 1.0 0 0.2");
        assertThat(rows(api(analyst, RANGE + "&topic=service"), "topics", "site", "topic"))
                .containsExactly("site-b service", "site-a service");
        assertThat(rows(api(analyst, RANGE + "&site=site-b"), "conversations", "site"))
                .containsOnly("site-b");
    }

    @Test
    void csvHoldsEachChartsNumbersOnlyForTheCallersSitesAndIsAudited() throws Exception {
        HttpResponse<String> neg = stack.api("/api/v1/trends.csv?chart=negative&" + RANGE, analyst);
        assertThat(neg.statusCode()).isEqualTo(200);
        assertThat(neg.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(neg.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("voc-trends-negative-day-2026-11-29_2026-12-01.csv");
        assertThat(neg.body())
                .isEqualTo("range,site,topic,mentions,negative,negative_share\r\n"
                        + "2026-11-29..2026-12-01,site-a,price,3,2,0.6667\r\n"
                        + "2026-11-29..2026-12-01,site-a,service,1,0,0.0000\r\n"
                        + "2026-11-29..2026-12-01,site-b,price,1,0,0.0000\r\n"
                        + "2026-11-29..2026-12-01,site-b,service,1,1,1.0000\r\n");
        HttpResponse<String> mine = stack.api("/api/v1/trends.csv?chart=compliance&" + RANGE, managerA);
        assertThat(mine.body()).contains("site-a").doesNotContain("site-b");
        assertThat(mine.body().lines()).hasSize(3);
        HttpResponse<String> other = stack.api("/api/v1/trends.csv?chart=experience&site=site-b&" + RANGE, managerA);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isEqualTo("day,site,conversations,scored,experience_score\r\n");
        assertThat(stack.api("/api/v1/trends?site=site-b&" + RANGE, managerA).body())
                .doesNotContain("site-b\",\"");
        String cookie = stack.login("mgr-a");
        HttpResponse<String> page = stack.get("/console/trends.csv?chart=sites&" + RANGE, cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .startsWith("range,site,conversations")
                .contains("site-a,2,1.0000,0.5000,0.5000,0.5000,0.0000,4,0.5000")
                .doesNotContain("site-b");
        List<Map<String, Object>> audit = stack.console.audit().recent(100);
        assertThat(audit)
                .anySatisfy(a -> assertThat(a)
                        .containsEntry("actor", "mgr-a")
                        .containsEntry("action", "trends_export")
                        .containsEntry("target", "sites")
                        .satisfies(m -> assertThat((String) m.get("detail"))
                                .contains("via=page")
                                .contains("result_sites=site-a")));
        assertThat(audit)
                .anySatisfy(a -> assertThat(a)
                        .containsEntry("action", "trends_export")
                        .containsEntry("target", "experience")
                        .containsEntry("site", "site-b"));
        assertThat(audit).anySatisfy(a -> assertThat(a).containsEntry("action", "trends_read"));
    }

    @Test
    void thePageDrawsFourChartsFromTheWebjarAndComparesSites() throws Exception {
        String cookie = stack.login("ana");
        HttpResponse<String> r = stack.get("/console/trends?" + RANGE + "&site=site-a&site=site-b&lang=zh", cookie);
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        assertThat(html)
                .contains("/console/assets/echarts.min.js")
                .doesNotContain("cdn")
                .doesNotContain("https://");
        for (String id : List.of("volume", "negative", "compliance", "experience")) {
            assertThat(html)
                    .contains("id=\"chart-" + id + "\" data-chart=\"{")
                    .contains("id=\"csv-" + id + "\" href=\"/console/trends.csv?chart=" + id
                            + "&amp;since=2026-11-29&amp;until=2026-12-01&amp;site=site-a&amp;site=site-b\"");
        }
        assertThat(html)
                .contains("门店对比")
                .contains("各话题负面占比")
                .contains("data-site=\"site-a\"")
                .contains("data-site=\"site-b\"");
        assertThat(html)
                .as("experience: one series per site")
                .contains("&#34;name&#34;:&#34;site-a&#34;,&#34;type&#34;:&#34;line&#34;");
        HttpResponse<String> a = stack.get("/console/trends?" + RANGE + "&site=site-a", cookie);
        assertThat(a.body()).contains("data-site=\"site-a\"").doesNotContain("data-site=\"site-b\"");
        String mgr = stack.login("mgr-a");
        HttpResponse<String> scoped = stack.get("/console/trends?" + RANGE + "&site=site-b", mgr);
        assertThat(scoped.statusCode()).isEqualTo(200);
        assertThat(scoped.body()).doesNotContain("data-site=\"site-b\"").contains("id=\"trends-empty\"");
        HttpResponse<String> js = stack.get("/console/assets/echarts.min.js", null);
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body()).contains("echarts");
    }

    @Test
    void badInputGetsAClearError() throws Exception {
        SearchContract.assertError(
                stack.api("/api/v1/trends?period=month", analyst), 400, "period 'month': use day or week");
        SearchContract.assertError(stack.api("/api/v1/trends?since=2026-13-01", analyst), 400, "since '2026-13-01'");
        SearchContract.assertError(
                stack.api("/api/v1/trends?since=2026-12-02&until=2026-12-01", analyst), 400, "is after until");
        SearchContract.assertError(
                stack.api("/api/v1/trends?since=2024-01-01&until=2026-01-01", analyst), 400, "or period=week");
        SearchContract.assertError(
                stack.api("/api/v1/trends?since=2020-01-01&until=2026-01-01&period=week", analyst),
                400,
                "at most 1098 days");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            many.append("&site=s").append(i);
        }
        SearchContract.assertError(stack.api("/api/v1/trends?x=1" + many, analyst), 400, "compare at most 10");
        SearchContract.assertError(stack.api("/api/v1/trends?site=%3Cscript%3E", analyst), 400, "an id is");
        SearchContract.assertError(
                stack.api("/api/v1/trends.csv?chart=" + ConsoleStack.enc("=cmd|' /C calc'!A0"), analyst),
                400,
                "use one of volume, negative, compliance, experience, sites");
        SearchContract.assertError(stack.api("/api/v1/trends", null), 401, "Bearer");
        String cookie = stack.login("ana");
        HttpResponse<String> page = stack.get("/console/trends?period=%3Cscript%3Ealert(1)%3C/script%3E", cookie);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .contains("id=\"error-message\"")
                .contains("use day or week")
                .doesNotContain("<script>alert")
                .doesNotContain("Exception");
    }
}
