package io.vocedge.gateway.console.data;

import io.vocedge.gateway.console.data.Views.TrendRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The numbers behind the Trends page, per period (a day, or the Monday of a week) and site: topic mentions and negative
 * mentions, and conversations with their compliance counts, attention count and peak-end score. The charts, the API
 * and the CSV files are all computed from these rows, so a chart and its CSV always agree.
 */
public record TrendReport(TrendRequest request, List<TrendRow> topics, List<SitePeriod> conversations) {

    /** Conversations of one site in one period. {@code score} is the mean peak-end score of the {@code scored} ones. */
    public record SitePeriod(
            String period,
            String site,
            long conversations,
            long greeting,
            long thanks,
            long noProfanity,
            long attention,
            double scoreSum,
            long scored) {
        public Double score() {
            return scored == 0 ? null : scoreSum / scored;
        }

        public static double rate(long n, long of) {
            return of == 0 ? 0 : (double) n / of;
        }
    }

    /** A site's totals over the whole range (the "compare sites" table). */
    public record SiteTotal(
            String site,
            long conversations,
            long greeting,
            long thanks,
            long noProfanity,
            long attention,
            double scoreSum,
            long scored,
            long mentions,
            long negative) {
        public Double score() {
            return scored == 0 ? null : scoreSum / scored;
        }
    }

    public TrendReport {
        topics = List.copyOf(topics);
        conversations = List.copyOf(conversations);
    }

    /** Every period with data, in order. */
    public List<String> periods() {
        TreeSet<String> p = new TreeSet<>();
        topics.forEach(r -> p.add(r.period()));
        conversations.forEach(r -> p.add(r.period()));
        return List.copyOf(p);
    }

    /** Sites with data, most conversations (then mentions) first. */
    public List<String> sites() {
        return siteTotals().stream().map(SiteTotal::site).toList();
    }

    /** Topics by mentions over the range, most first. */
    public List<String> topicIds() {
        Map<String, Long> m = new TreeMap<>();
        topics.forEach(r -> m.merge(r.topic(), r.mentions(), Long::sum));
        return m.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Mentions per period and topic, summed over the sites. */
    public Map<String, Map<String, Long>> mentionsByTopicAndPeriod() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (TrendRow r : topics) {
            out.computeIfAbsent(r.topic(), k -> new TreeMap<>()).merge(r.period(), r.mentions(), Long::sum);
        }
        return out;
    }

    /** Mentions and negative mentions per site and topic over the whole range. */
    public List<TrendRow> negativeBySiteAndTopic() {
        Map<List<String>, long[]> sums =
                new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        for (TrendRow r : topics) {
            long[] s = sums.computeIfAbsent(List.of(r.site(), r.topic()), k -> new long[2]);
            s[0] += r.mentions();
            s[1] += r.negative();
        }
        List<TrendRow> out = new ArrayList<>();
        sums.forEach((k, v) ->
                out.add(new TrendRow(request.since() + ".." + request.until(), k.get(0), k.get(1), v[0], v[1])));
        return out;
    }

    /** Conversations per period summed over the sites (the compliance chart). */
    public List<SitePeriod> conversationsByPeriod() {
        Map<String, SitePeriod> m = new TreeMap<>();
        for (SitePeriod r : conversations) {
            m.merge(
                    r.period(),
                    new SitePeriod(
                            r.period(),
                            "*",
                            r.conversations(),
                            r.greeting(),
                            r.thanks(),
                            r.noProfanity(),
                            r.attention(),
                            r.scoreSum(),
                            r.scored()),
                    TrendReport::add);
        }
        return List.copyOf(m.values());
    }

    public List<SiteTotal> siteTotals() {
        Map<String, SiteTotal> m = new TreeMap<>();
        for (SitePeriod r : conversations) {
            m.merge(
                    r.site(),
                    new SiteTotal(
                            r.site(),
                            r.conversations(),
                            r.greeting(),
                            r.thanks(),
                            r.noProfanity(),
                            r.attention(),
                            r.scoreSum(),
                            r.scored(),
                            0,
                            0),
                    TrendReport::add);
        }
        for (TrendRow r : topics) {
            m.merge(
                    r.site(),
                    new SiteTotal(r.site(), 0, 0, 0, 0, 0, 0, 0, r.mentions(), r.negative()),
                    TrendReport::add);
        }
        return m.values().stream()
                .sorted(Comparator.comparingLong(SiteTotal::conversations)
                        .reversed()
                        .thenComparing(
                                Comparator.comparingLong(SiteTotal::mentions).reversed())
                        .thenComparing(SiteTotal::site))
                .toList();
    }

    private static SitePeriod add(SitePeriod a, SitePeriod b) {
        return new SitePeriod(
                a.period(),
                a.site(),
                a.conversations() + b.conversations(),
                a.greeting() + b.greeting(),
                a.thanks() + b.thanks(),
                a.noProfanity() + b.noProfanity(),
                a.attention() + b.attention(),
                a.scoreSum() + b.scoreSum(),
                a.scored() + b.scored());
    }

    private static SiteTotal add(SiteTotal a, SiteTotal b) {
        return new SiteTotal(
                a.site(),
                a.conversations() + b.conversations(),
                a.greeting() + b.greeting(),
                a.thanks() + b.thanks(),
                a.noProfanity() + b.noProfanity(),
                a.attention() + b.attention(),
                a.scoreSum() + b.scoreSum(),
                a.scored() + b.scored(),
                a.mentions() + b.mentions(),
                a.negative() + b.negative());
    }
}
