package io.vocedge.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.console.Conversations.Line;
import io.vocedge.protocol.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read API of records and conversations (issue 14) on the real HTTP server and SQLite store: filters, paging,
 * site scope for site managers (lists, one conversation, CSV exports), bad and hostile input answered with a JSON
 * 400/404 and never a stack trace or another site's rows, and the audit log of transcript reads. The same filters on
 * PostgreSQL in {@link #postgresAnswersTheSameFilters}.
 */
class ConsoleApiIT {
    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final ObjectMapper JSON = Json.newMapper();

    @TempDir
    static Path dir;

    static ConsoleStack stack;
    static String analyst;
    static String managerA;

    @BeforeAll
    static void start() throws Exception {
        stack = ConsoleStack.sqlite(dir);
        seed(stack);
        analyst = stack.token("ana", "analyst");
        managerA = stack.token("mgr-a", "site_manager", "site-a");
    }

    static void seed(ConsoleStack s) throws Exception {
        Conversations c = new Conversations();
        // site-a: three conversations on two days (one flagged); site-b: one flagged with words only site-b may read.
        c.add(
                "dev-a1",
                "site-a",
                "conv-a1",
                T0,
                true,
                "escalation: asked for a manager",
                -0.6,
                new Line("staff", "zh", "欢迎 光临", "neutral", null, null),
                new Line("customer", "zh", "我 的 定金 还 没 退", "negative", "deposit_refund", "定金"));
        c.add(
                "dev-a1",
                "site-a",
                "conv-a2",
                T0.plusSeconds(3600),
                false,
                null,
                0.5,
                new Line("customer", "en", "the test drive was lovely", "positive", "test_drive", "lovely"));
        c.add(
                "dev-a1",
                "site-a",
                "conv-a3",
                T0.plusSeconds(86_400),
                false,
                null,
                0.1,
                new Line("customer", "en", "=1+2 price, please", "neutral", "price", "price"));
        c.add(
                "dev-b1",
                "site-b",
                "conv-b1",
                T0.plusSeconds(120),
                true,
                "churn risk",
                -0.9,
                new Line(
                        "customer",
                        "en",
                        "secret site b complaint about the deposit",
                        "negative",
                        "deposit_refund",
                        "deposit"));
        s.store.commit(c.transaction());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    static JsonNode ok(String path, String token) throws Exception {
        HttpResponse<String> r = stack.api(path, token);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static List<String> ids(JsonNode page, String field) {
        List<String> out = new ArrayList<>();
        page.path("results").forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void conversationsFilterByAttentionTimeSiteTopicAndSentiment() throws Exception {
        assertThat(ids(ok("/api/v1/conversations", analyst), "conversation_id"))
                .containsExactly("conv-a3", "conv-a2", "conv-b1", "conv-a1");
        JsonNode queue = ok("/api/v1/conversations?attention=true", analyst);
        assertThat(ids(queue, "conversation_id")).containsExactly("conv-b1", "conv-a1");
        assertThat(queue.path("results").get(1).path("reason").asText()).isEqualTo("escalation: asked for a manager");
        assertThat(queue.path("results").get(1).path("url").asText()).isEqualTo("/api/v1/conversations/dev-a1/conv-a1");
        assertThat(ids(ok("/api/v1/conversations?attention=false", analyst), "conversation_id"))
                .containsExactly("conv-a3", "conv-a2");
        assertThat(ids(ok("/api/v1/conversations?since=2026-12-02", analyst), "conversation_id"))
                .containsExactly("conv-a3");
        assertThat(ids(ok("/api/v1/conversations?until=2026-12-01", analyst), "conversation_id"))
                .containsExactly("conv-a2", "conv-b1", "conv-a1");
        assertThat(ids(
                        ok("/api/v1/conversations?since=2026-12-01T09:30:00Z&until=2026-12-01T23:00:00Z", analyst),
                        "conversation_id"))
                .containsExactly("conv-a2");
        assertThat(ids(ok("/api/v1/conversations?site=site-b", analyst), "conversation_id"))
                .containsExactly("conv-b1");
        assertThat(ids(ok("/api/v1/conversations?topic=deposit_refund", analyst), "conversation_id"))
                .containsExactly("conv-b1", "conv-a1");
        assertThat(ids(ok("/api/v1/conversations?sentiment=positive", analyst), "conversation_id"))
                .containsExactly("conv-a2");
    }

    @Test
    void recordsFilterAndPageWithAHardMaximum() throws Exception {
        assertThat(ids(ok("/api/v1/records?speaker=customer&sentiment=negative", analyst), "text"))
                .containsExactly("secret site b complaint about the deposit", "我 的 定金 还 没 退");
        assertThat(ids(ok("/api/v1/records?attention=true&site=site-a", analyst), "text"))
                .containsExactly("我 的 定金 还 没 退", "欢迎 光临");
        assertThat(ids(ok("/api/v1/records?topic=test_drive", analyst), "text"))
                .containsExactly("the test drive was lovely");
        // Paging: 5 utterances in pages of 2.
        List<String> all = new ArrayList<>();
        JsonNode page = ok("/api/v1/records?limit=2", analyst);
        all.addAll(ids(page, "text"));
        while (page.path("more").asBoolean()) {
            assertThat(page.path("next_offset").asInt()).isEqualTo(all.size());
            page = ok(
                    "/api/v1/records?limit=2&offset=" + page.path("next_offset").asInt(), analyst);
            all.addAll(ids(page, "text"));
        }
        assertThat(page.hasNonNull("next_offset")).isFalse();
        assertThat(all).hasSize(5).doesNotHaveDuplicates();
        assertThat(ids(ok("/api/v1/records?limit=500", analyst), "text")).containsExactlyElementsOf(all);
        HttpResponse<String> huge = stack.api("/api/v1/records?limit=1000000", analyst);
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(huge.body()).path("error").asText()).contains("limit", "1-500");
    }

    @Test
    void oneConversationWithSummaryAndUtterancesInOrder() throws Exception {
        JsonNode c = ok("/api/v1/conversations/dev-a1/conv-a1", analyst);
        assertThat(c.path("site").asText()).isEqualTo("site-a");
        assertThat(c.path("summary").path("attention").path("reason").asText())
                .isEqualTo("escalation: asked for a manager");
        assertThat(c.path("summary").path("compliance").path("greeting").asBoolean())
                .isTrue();
        assertThat(c.path("summary").path("compliance").path("thanks").asBoolean())
                .isFalse();
        assertThat(ids(wrap(c.path("utterances")), "text")).containsExactly("欢迎 光临", "我 的 定金 还 没 退");
        assertThat(c.path("utterances")
                        .get(1)
                        .path("topics")
                        .get(0)
                        .path("evidence")
                        .get(0)
                        .asText())
                .isEqualTo("定金");
        HttpResponse<String> csv = stack.api("/api/v1/conversations/dev-a1/conv-a1/utterances.csv", analyst);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).contains("我 的 定金 还 没 退", "deposit_refund");
        // Spreadsheet formulas in redacted text are defused in every CSV export.
        HttpResponse<String> records = stack.api("/api/v1/records.csv?topic=price", analyst);
        assertThat(records.body()).contains("\"'=1+2 price, please\"");
    }

    private static JsonNode wrap(JsonNode array) {
        return JSON.createObjectNode().set("results", array);
    }

    @Test
    void aSiteManagerGetsOnlyTheirSitesEverywhere() throws Exception {
        assertThat(ids(ok("/api/v1/conversations", managerA), "site"))
                .containsOnly("site-a")
                .hasSize(3);
        assertThat(ids(ok("/api/v1/records", managerA), "site"))
                .containsOnly("site-a")
                .hasSize(4);
        // Asking for another site by filter: no rows, not an error that confirms the site exists.
        assertThat(ids(ok("/api/v1/conversations?site=site-b", managerA), "site"))
                .isEmpty();
        assertThat(ids(ok("/api/v1/records?site=site-b&attention=true", managerA), "site"))
                .isEmpty();
        assertThat(stack.api("/api/v1/records.csv?site=site-b", managerA).body())
                .doesNotContain("secret", "site-b");
        assertThat(stack.api("/api/v1/conversations.csv", managerA).body())
                .contains("conv-a1")
                .doesNotContain("conv-b1");
        // Another site's conversation: the same 404 as an unknown one, for JSON and CSV.
        for (String path : List.of(
                "/api/v1/conversations/dev-b1/conv-b1", "/api/v1/conversations/dev-b1/conv-b1/utterances.csv")) {
            HttpResponse<String> r = stack.api(path, managerA);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).doesNotContain("secret", "site-b", "churn");
            assertThat(JSON.readTree(r.body()).path("error").asText())
                    .isEqualTo("no conversation dev-b1/conv-b1 that you may see");
        }
        HttpResponse<String> unknown = stack.api("/api/v1/conversations/dev-b1/conv-zz", managerA);
        assertThat(unknown.statusCode()).isEqualTo(404);
        // The refusal is in the audit log, and so is every read of transcript text.
        List<Map<String, Object>> audit = stack.console.audit().recent(50);
        assertThat(audit)
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("action", "conversation_refused")
                        .containsEntry("target", "dev-b1/conv-b1")
                        .containsEntry("site", "site-b")
                        .hasEntrySatisfying(
                                "actor", a -> assertThat(a.toString()).startsWith("token:")));
        assertThat(audit).anySatisfy(e -> assertThat(e).containsEntry("action", "records_read"));
    }

    @Test
    void badAndHostileInputIsAJsonErrorNeverAStackTraceOrAnotherSitesRows() throws Exception {
        Map<String, Integer> cases = new java.util.LinkedHashMap<>();
        cases.put("/api/v1/conversations?since=yesterday", 400);
        cases.put("/api/v1/conversations?since=2026-12-02&until=2026-12-01", 400);
        cases.put("/api/v1/conversations?attention=maybe", 400);
        cases.put("/api/v1/conversations?sentiment=angry", 400);
        cases.put("/api/v1/conversations?limit=0", 400);
        cases.put("/api/v1/conversations?limit=-1", 400);
        cases.put("/api/v1/conversations?offset=99999999999", 400);
        cases.put("/api/v1/conversations?limit=abc", 400);
        cases.put("/api/v1/conversations?sitee=site-a", 400);
        cases.put("/api/v1/conversations?site=site-a&site=site-b", 400);
        cases.put("/api/v1/conversations?site=" + ConsoleStack.enc("site-a' OR '1'='1"), 400);
        cases.put("/api/v1/conversations?topic=" + ConsoleStack.enc("x) OR 1=1 --"), 400);
        cases.put("/api/v1/records?speaker=" + ConsoleStack.enc("<script>alert(1)</script>"), 400);
        cases.put("/api/v1/records?since=" + ConsoleStack.enc("2026-12-01'; DROP TABLE records; --"), 400);
        cases.put("/api/v1/conversations/dev-a1/conv-a1?format=xml", 400);
        cases.put("/api/v1/conversations/" + ConsoleStack.enc("dev-a1' OR '1'='1") + "/conv-a1", 404);
        cases.put("/api/v1/conversations/dev-a1/" + ConsoleStack.enc("conv-a1' OR site='site-b"), 404);
        cases.put("/api/v1/conversations/dev-a1/" + "x".repeat(300), 404);
        cases.put("/api/v1/conversations/nobody/nothing", 404);
        cases.put("/api/v1/nothing-here", 404);
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            HttpResponse<String> r = stack.api(c.getKey(), managerA);
            assertThat(r.statusCode()).as(c.getKey() + " -> " + r.body()).isEqualTo(c.getValue());
            assertThat(r.headers().firstValue("Content-Type").orElse(""))
                    .as(c.getKey())
                    .startsWith("application/json");
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("error").asText()).as(c.getKey()).isNotBlank();
            assertThat(r.body()).as(c.getKey()).doesNotContain("Exception", "\tat ", "secret", "site-b\"");
        }
        // Still there: nothing was dropped or widened.
        assertThat(ids(ok("/api/v1/conversations", analyst), "conversation_id")).hasSize(4);
        // No credentials, a wrong token: 401 JSON.
        assertThat(stack.api("/api/v1/records", null).statusCode()).isEqualTo(401);
        assertThat(stack.api("/api/v1/conversations/dev-a1/conv-a1", "voc_not-a-token")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void postgresAnswersTheSameFilters() throws Exception {
        try (ConsoleStack pg = ConsoleStack.postgres(java.nio.file.Files.createDirectories(dir.resolve("pg")))) {
            seed(pg);
            String mgr = pg.token("mgr-a", "site_manager", "site-a");
            String ana = pg.token("ana", "analyst");
            HttpResponse<String> queue =
                    pg.api("/api/v1/conversations?attention=true&since=2026-12-01&until=2026-12-01", ana);
            assertThat(ids(JSON.readTree(queue.body()), "conversation_id")).containsExactly("conv-b1", "conv-a1");
            HttpResponse<String> mine = pg.api("/api/v1/records?topic=deposit_refund&sentiment=negative", mgr);
            assertThat(ids(JSON.readTree(mine.body()), "text")).containsExactly("我 的 定金 还 没 退");
            assertThat(pg.api("/api/v1/conversations/dev-b1/conv-b1", mgr).statusCode())
                    .isEqualTo(404);
            assertThat(pg.api("/api/v1/records?limit=501", mgr).statusCode()).isEqualTo(400);
        }
    }
}
