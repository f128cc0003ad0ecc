package io.vocedge.gateway.console.web;

import io.vocedge.gateway.console.data.TrendReport;
import io.vocedge.gateway.console.data.TrendReport.SitePeriod;
import io.vocedge.gateway.console.data.TrendReport.SiteTotal;
import io.vocedge.gateway.console.data.Views.TrendRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four Trends charts as ECharts options (plain maps, written as JSON into a {@code data-chart} attribute and drawn
 * by console.js with the ECharts webjar), and the same numbers as CSV. Each chart and its CSV come from the same rows
 * of a {@link TrendReport}:
 * <ul>
 *   <li>{@code volume}: mentions per topic and period (stacked bars, summed over the chosen sites); CSV per site.</li>
 *   <li>{@code negative}: negative share per topic over the range, one bar per site (compare sites).</li>
 *   <li>{@code compliance}: greeting, thanks and no-profanity rates per period (over the chosen sites); CSV per site.</li>
 *   <li>{@code experience}: mean peak-end score per period, one line per site (compare sites).</li>
 *   <li>{@code sites}: the compare-sites table (CSV only).</li>
 * </ul>
 * At most {@value #MAX_SERIES} sites are drawn as series (the most active); the CSV files hold every site.
 */
public final class TrendCharts {
    public static final List<String> CHARTS = List.of("volume", "negative", "compliance", "experience", "sites");
    static final int MAX_SERIES = 10;

    private TrendCharts() {}

    public static Map<String, Object> option(String chart, TrendReport r, I18n t) {
        return switch (chart) {
            case "volume" -> volume(r, t);
            case "negative" -> negative(r, t);
            case "compliance" -> compliance(r, t);
            case "experience" -> experience(r, t);
            default -> throw new IllegalArgumentException(chart);
        };
    }

    private static Map<String, Object> volume(TrendReport r, I18n t) {
        List<String> periods = r.periods();
        List<Object> series = new ArrayList<>();
        Map<String, Map<String, Long>> byTopic = r.mentionsByTopicAndPeriod();
        for (String topic : r.topicIds()) {
            Map<String, Long> m = byTopic.get(topic);
            series.add(series(
                            topic,
                            "bar",
                            periods.stream()
                                    .map(p -> (Object) m.getOrDefault(p, 0L))
                                    .toList())
                    .with("stack", "v"));
        }
        Map<String, Object> o = base(t.t("trends.volume"), periods, series, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> y = (Map<String, Object>) o.get("yAxis");
        y.put("minInterval", 1);
        return o;
    }

    private static Map<String, Object> negative(TrendReport r, I18n t) {
        List<String> topics = r.topicIds();
        List<String> sites = top(r.sites());
        Map<String, Map<String, Double>> share = new LinkedHashMap<>();
        for (TrendRow row : r.negativeBySiteAndTopic()) {
            share.computeIfAbsent(row.site(), k -> new LinkedHashMap<>())
                    .put(row.topic(), round(row.negativeShare() * 100, 1));
        }
        List<Object> series = new ArrayList<>();
        for (String site : sites) {
            Map<String, Double> m = share.getOrDefault(site, Map.of());
            series.add(series(
                    site, "bar", topics.stream().map(tp -> (Object) m.get(tp)).toList()));
        }
        return base(t.t("trends.negative") + " (%)", topics, series, 100);
    }

    private static Map<String, Object> compliance(TrendReport r, I18n t) {
        List<SitePeriod> rows = r.conversationsByPeriod();
        List<String> periods = rows.stream().map(SitePeriod::period).toList();
        List<Object> series = List.of(
                series(
                        t.t("conv.greeting"),
                        "line",
                        rows.stream()
                                .map(x -> (Object) pct(x.greeting(), x.conversations()))
                                .toList()),
                series(
                        t.t("conv.thanks"),
                        "line",
                        rows.stream()
                                .map(x -> (Object) pct(x.thanks(), x.conversations()))
                                .toList()),
                series(
                        t.t("conv.no_profanity"),
                        "line",
                        rows.stream()
                                .map(x -> (Object) pct(x.noProfanity(), x.conversations()))
                                .toList()));
        return base(t.t("trends.compliance") + " (%)", periods, series, 100);
    }

    private static Map<String, Object> experience(TrendReport r, I18n t) {
        List<String> periods = r.periods();
        Map<String, Map<String, Double>> bySite = new LinkedHashMap<>();
        for (SitePeriod p : r.conversations()) {
            if (p.score() != null) {
                bySite.computeIfAbsent(p.site(), k -> new LinkedHashMap<>()).put(p.period(), round(p.score(), 3));
            }
        }
        List<Object> series = new ArrayList<>();
        for (String site : top(r.sites())) {
            Map<String, Double> m = bySite.getOrDefault(site, Map.of());
            series.add(series(
                    site, "line", periods.stream().map(p -> (Object) m.get(p)).toList()));
        }
        return base(t.t("trends.experience"), periods, series, null);
    }

    /** The CSV of one chart: every row behind it, per site. */
    public static String csv(String chart, TrendReport r) {
        Csv csv = new Csv();
        String period = r.request().period();
        switch (chart) {
            case "volume" -> {
                csv.row(period, "site", "topic", "mentions");
                for (TrendRow x : r.topics()) {
                    csv.row(x.period(), x.site(), x.topic(), x.mentions());
                }
            }
            case "negative" -> {
                csv.row("range", "site", "topic", "mentions", "negative", "negative_share");
                for (TrendRow x : r.negativeBySiteAndTopic()) {
                    csv.row(x.period(), x.site(), x.topic(), x.mentions(), x.negative(), x.negativeShare());
                }
            }
            case "compliance" -> {
                csv.row(
                        period,
                        "site",
                        "conversations",
                        "greeting",
                        "thanks",
                        "no_profanity",
                        "greeting_rate",
                        "thanks_rate",
                        "no_profanity_rate",
                        "attention");
                for (SitePeriod x : r.conversations()) {
                    csv.row(
                            x.period(),
                            x.site(),
                            x.conversations(),
                            x.greeting(),
                            x.thanks(),
                            x.noProfanity(),
                            SitePeriod.rate(x.greeting(), x.conversations()),
                            SitePeriod.rate(x.thanks(), x.conversations()),
                            SitePeriod.rate(x.noProfanity(), x.conversations()),
                            x.attention());
                }
            }
            case "experience" -> {
                csv.row(period, "site", "conversations", "scored", "experience_score");
                for (SitePeriod x : r.conversations()) {
                    csv.row(x.period(), x.site(), x.conversations(), x.scored(), x.score());
                }
            }
            case "sites" -> {
                csv.row(
                        "range",
                        "site",
                        "conversations",
                        "greeting_rate",
                        "thanks_rate",
                        "no_profanity_rate",
                        "attention_rate",
                        "experience_score",
                        "mentions",
                        "negative_share");
                String range = r.request().since() + ".." + r.request().until();
                for (SiteTotal x : r.siteTotals()) {
                    csv.row(
                            range,
                            x.site(),
                            x.conversations(),
                            SitePeriod.rate(x.greeting(), x.conversations()),
                            SitePeriod.rate(x.thanks(), x.conversations()),
                            SitePeriod.rate(x.noProfanity(), x.conversations()),
                            SitePeriod.rate(x.attention(), x.conversations()),
                            x.score(),
                            x.mentions(),
                            SitePeriod.rate(x.negative(), x.mentions()));
                }
            }
            default -> throw new IllegalArgumentException(chart);
        }
        return csv.toString();
    }

    private static List<String> top(List<String> sites) {
        return sites.size() > MAX_SERIES ? sites.subList(0, MAX_SERIES) : sites;
    }

    private static Double pct(long n, long of) {
        return of == 0 ? null : round(100.0 * n / of, 1);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** A series map that can take extra keys. */
    static final class Series extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;

        Series with(String key, Object value) {
            put(key, value);
            return this;
        }
    }

    private static Series series(String name, String type, List<Object> data) {
        Series s = new Series();
        s.put("name", name);
        s.put("type", type);
        s.put("data", data);
        if ("line".equals(type)) {
            s.put("connectNulls", false);
        }
        return s;
    }

    private static Map<String, Object> base(String title, List<String> categories, List<Object> series, Integer yMax) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("animation", false);
        o.put("title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)));
        o.put("tooltip", Map.of("trigger", "axis"));
        o.put("legend", Map.of("type", "scroll", "top", 24));
        o.put("grid", Map.of("left", 48, "right", 16, "top", 64, "bottom", 48));
        o.put("xAxis", Map.of("type", "category", "data", categories));
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("type", "value");
        if (yMax != null) {
            y.put("max", yMax);
            y.put("min", 0);
        }
        o.put("yAxis", y);
        o.put("series", series);
        return o;
    }
}
