package io.vocedge.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocedge.common.config.ConfigDocument;
import io.vocedge.gateway.alerts.AlertsSettings;
import io.vocedge.gateway.alerts.RulePreview;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.console.auth.SiteScope;
import io.vocedge.gateway.console.bench.BenchData;
import io.vocedge.gateway.console.data.ConsoleQueries;
import io.vocedge.gateway.console.data.Filter;
import io.vocedge.gateway.console.data.SearchTerms;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.gateway.store.TestStores;
import io.vocedge.protocol.Json;
import io.vocedge.testsupport.PostgresDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's index diet (V83) must not turn a console page into a table scan: on PostgreSQL with enough rows to make
 * the planner choose (the console benchmark's generator, 180,000 records over 5 sites, ANALYZEd), every statement the
 * console's lists, conversation page and search send is captured with its parameters and EXPLAINed; none may read
 * records, record_topics or search_terms sequentially, and no list may sort a whole posting list or a whole kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleIndexUsePostgresIT {
    private static final Set<String> BIG_TABLES = Set.of("records", "record_topics", "search_terms");
    /** Far more rows into one sort than a page (50, or 250 at offset 200) needs: a whole posting list or kind. */
    private static final long MAX_SORTED = 5_000;

    private PostgresDatabase pg;
    private JdbcVocStore store;
    private final List<Captured> captured = new ArrayList<>();
    private ConsoleQueries queries;

    @BeforeAll
    void generate(@TempDir Path dir) throws Exception {
        pg = PostgresDatabase.create();
        store = TestStores.open("postgresql", dir, pg, 2);
        new BenchData(store.dataSource(), line -> {}).generate(new BenchData.Shape(20_000, 8, 5, 4, 30, 10_000));
        queries = new ConsoleQueries(capturing(store.dataSource()), store.dialect(), Json.newMapper());
    }

    @AfterAll
    void drop() {
        if (store != null) {
            store.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @BeforeEach
    void forgetEarlierStatements() {
        captured.clear();
    }

    @Test
    void listsAndTheConversationPageUseIndexes() throws Exception {
        SiteScope two = SiteScope.only(Set.of("site-001", "site-003"));
        SiteScope one = SiteScope.only(Set.of("site-002"));
        Instant now = Instant.now();
        Filter lastWeek = new Filter(
                now.minus(14, ChronoUnit.DAYS), now.minus(7, ChronoUnit.DAYS), null, null, null, null, null, 50, 0);
        queries.conversations(SiteScope.ALL, Filter.none(50));
        queries.conversations(one, Filter.none(50));
        queries.conversations(two, lastWeek);
        queries.conversations(SiteScope.ALL, filter("deposit_refund", null, null));
        queries.conversations(one, filter(null, "negative", null));
        queries.utterances(SiteScope.ALL, Filter.none(50));
        queries.utterances(SiteScope.ALL, filter(null, "negative", null));
        queries.utterances(one, filter(null, null, "staff"));
        queries.utterances(two, filter(null, "positive", "customer"));
        queries.conversation(SiteScope.ALL, "bench-00007", "conv-107");
        queries.conversationSite("bench-00007", "conv-107");
        assertEveryPlanUsesIndexes(11);
    }

    @Test
    void searchUsesThePostingsIndexForEveryScope() throws Exception {
        SearchTerms.Query common = SearchTerms.query("的");
        SearchTerms.Query two = SearchTerms.query("定金 退");
        assertThat(queries.search(SiteScope.ALL, common, Filter.none(50))).hasSize(50);
        queries.search(SiteScope.only(Set.of("site-002")), common, Filter.none(50));
        queries.search(SiteScope.only(Set.of("site-001", "site-003")), common, Filter.none(50));
        queries.search(SiteScope.only(Set.of("site-999")), common, Filter.none(50));
        queries.search(SiteScope.ALL, two, filter(null, "negative", "customer"));
        queries.search(SiteScope.ALL, common, new Filter(null, null, null, null, null, null, null, 50, 200));
        assertEveryPlanUsesIndexes(6);
    }

    /**
     * The alert rule preview replays 30 days of records page by page: each page must walk the per-kind time index
     * (before, one select over all kinds sorted the whole table for every page of 2,000), and it must count what a
     * direct query counts.
     */
    @Test
    void theRulePreviewPagesThroughTheKindTimeIndex(@TempDir Path dir) throws Exception {
        AlertsSettings settings =
                GatewayConfig.read(ConfigDocument.parse("""
                                alerts:
                                  channels:
                                    - {id: ops, kind: webhook, url: "https://hooks.example/voc", secret: "0123456789abcdef0123456789"}
                                  rules:
                                    - {id: attention, kind: attention}
                                    - {id: deposit, kind: negative_utterance, topics: [deposit_refund], max_score: -0.5}
                                    - {id: stale, kind: outbox_stale, older_than: 1h}
                                """, "rules.yaml"), dir).alerts();
        Instant to = Instant.now();
        Instant from = to.minus(30, ChronoUnit.DAYS);
        List<RulePreview.Result> results = new RulePreview(
                        capturing(store.dataSource()), store.dialect(), settings, Json.newMapper())
                .run(settings.rules(), from, to);
        long pages =
                captured.stream().filter(q -> q.sql.contains("FROM records r")).count();
        assertThat(pages).as("pages of 2,000 records").isGreaterThan(50);
        assertEveryPlanUsesIndexes(captured.size());
        try (Connection c = pg.connect();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT (SELECT count(*) FROM records WHERE kind = 'conversation' AND attention
                                  AND corrected_at >= ? AND corrected_at <= ?),
                               (SELECT count(DISTINCT (r.device_id, r.conversation_id)) FROM records r
                                  JOIN record_topics t ON t.device_id = r.device_id AND t.seq = r.seq
                                  WHERE r.kind = 'utterance' AND r.speaker_role = 'customer' AND r.sentiment_score <= -0.5
                                  AND t.topic_id = 'deposit_refund' AND r.corrected_at >= ? AND r.corrected_at <= ?)""")) {
            for (int i = 0; i < 4; i += 2) {
                store.dialect().setTime(ps, i + 1, from);
                store.dialect().setTime(ps, i + 2, to);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isPositive();
                assertThat(rs.getLong(2)).isPositive();
                assertThat(results.get(0).firings()).as("attention").isEqualTo(rs.getLong(1));
                assertThat(results.get(1).firings()).as("deposit").isEqualTo(rs.getLong(2));
            }
        }
    }

    private void assertEveryPlanUsesIndexes(int statements) throws Exception {
        assertThat(captured).as("statements the console sent").hasSize(statements);
        try (Connection c = pg.connect()) {
            for (Captured q : captured) {
                JsonNode plan = explain(c, q);
                List<String> problems = new ArrayList<>();
                check(plan, problems);
                assertThat(problems)
                        .as("plan of%n%s%n%s", q.sql, plan.toPrettyString())
                        .isEmpty();
            }
        }
        captured.clear();
    }

    /** Sequential scans of the big tables, and sorts fed more than {@link #MAX_SORTED} rows, anywhere in the plan. */
    private static void check(JsonNode node, List<String> problems) {
        String type = node.path("Node Type").asText();
        if (type.equals("Seq Scan")
                && BIG_TABLES.contains(node.path("Relation Name").asText())) {
            problems.add("sequential scan of " + node.path("Relation Name").asText());
        }
        if (type.equals("Sort")) {
            for (JsonNode child : node.path("Plans")) {
                long rows = child.path("Actual Rows").asLong()
                        * child.path("Actual Loops").asLong();
                if (rows > MAX_SORTED) {
                    problems.add("sort of " + rows + " rows");
                }
            }
        }
        for (JsonNode child : node.path("Plans")) {
            check(child, problems);
        }
    }

    private static Filter filter(String topic, String sentiment, String speaker) {
        return new Filter(null, null, null, topic, sentiment, speaker, null, 50, 0);
    }

    private static JsonNode explain(Connection c, Captured q) throws Exception {
        try (PreparedStatement ps =
                c.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, FORMAT JSON) " + q.sql)) {
            for (Object[] call : q.binds) {
                Method m = PreparedStatement.class.getMethod((String) call[0], (Class<?>[]) call[1]);
                m.invoke(ps, (Object[]) call[2]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Json.newMapper().readTree(rs.getString(1)).get(0).path("Plan");
            }
        }
    }

    /** One statement the console sent: its SQL and the set* calls that bound its parameters. */
    private record Captured(String sql, List<Object[]> binds) {}

    /** A DataSource whose statements record their SQL and parameter bindings when executed. */
    private DataSource capturing(DataSource real) {
        InvocationHandler ds = (proxy, m, args) -> {
            Object out = invoke(real, m, args);
            return out instanceof Connection c ? capturing(c) : out;
        };
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, ds);
    }

    private Connection capturing(Connection real) {
        InvocationHandler h = (proxy, m, args) -> {
            Object out = invoke(real, m, args);
            if (m.getName().equals("prepareStatement") && out instanceof PreparedStatement ps) {
                return capturing(ps, (String) args[0]);
            }
            return out;
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, h);
    }

    private PreparedStatement capturing(PreparedStatement real, String sql) {
        List<Object[]> binds = new ArrayList<>();
        InvocationHandler h = (proxy, m, args) -> {
            if (m.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                binds.add(new Object[] {m.getName(), m.getParameterTypes(), args});
            }
            if (m.getName().equals("executeQuery")) {
                captured.add(new Captured(sql, List.copyOf(binds)));
            }
            return invoke(real, m, args);
        };
        return (PreparedStatement)
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, h);
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
