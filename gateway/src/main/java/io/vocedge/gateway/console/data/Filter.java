package io.vocedge.gateway.console.data;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.protocol.Ids;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Function;

/**
 * The filters shared by pages, the read API and {@code voc-gateway records}: time range, site, topic, sentiment, speaker
 * role, attention, and a page ({@code limit} 1-{@value #MAX_LIMIT}, {@code offset} 0-{@value #MAX_OFFSET}). Parsed
 * strictly from text: a malformed value is a {@link BadInputException} naming the parameter and the expected form.
 */
public record Filter(
        Instant since,
        Instant until,
        String site,
        String topic,
        String sentiment,
        String speaker,
        Boolean attention,
        int limit,
        int offset) {
    public static final int MAX_LIMIT = 500;
    public static final int MAX_OFFSET = 100_000;
    public static final int DEFAULT_LIMIT = 50;
    private static final Set<String> SENTIMENTS = Set.of("positive", "neutral", "negative");
    private static final Set<String> SPEAKERS = Set.of("staff", "customer", "unknown");

    public static Filter none(int limit) {
        return new Filter(null, null, null, null, null, null, null, limit, 0);
    }

    /** Reads every filter from {@code param} (query string, form or CLI options); null or blank = not set. */
    public static Filter parse(Function<String, String> param) {
        Instant since = time("since", param.apply("since"), false);
        Instant until = time("until", param.apply("until"), true);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new BadInputException("since (" + since + ") must be before until (" + until + ")");
        }
        String site = id("site", param.apply("site"));
        String topic = blank(param.apply("topic"));
        if (topic != null && !topic.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new BadInputException(
                    "topic '" + shorten(topic) + "': a topic id is a-z, 0-9 and '_', e.g. delivery_delay");
        }
        String sentiment = oneOf("sentiment", param.apply("sentiment"), SENTIMENTS);
        String speaker = oneOf("speaker", param.apply("speaker"), SPEAKERS);
        String att = blank(param.apply("attention"));
        Boolean attention = null;
        if (att != null) {
            attention = switch (att) {
                case "true", "1", "yes", "on" -> Boolean.TRUE;
                case "false", "0", "no" -> Boolean.FALSE;
                default -> throw new BadInputException("attention '" + shorten(att) + "': use true or false");
            };
        }
        int limit = integer("limit", param.apply("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = integer("offset", param.apply("offset"), 0, 0, MAX_OFFSET);
        return new Filter(since, until, site, topic, sentiment, speaker, attention, limit, offset);
    }

    public Filter withPage(int newLimit, int newOffset) {
        return new Filter(since, until, site, topic, sentiment, speaker, attention, newLimit, newOffset);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String id(String name, String v) {
        v = blank(v);
        if (v != null && !Ids.isValid(v)) {
            throw new BadInputException(
                    name + " '" + shorten(v) + "': an id is 1-64 characters of a-z, 0-9, '-' or '_'");
        }
        return v;
    }

    private static String oneOf(String name, String v, Set<String> allowed) {
        v = blank(v);
        if (v != null && !allowed.contains(v)) {
            throw new BadInputException(
                    name + " '" + shorten(v) + "': use one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return v;
    }

    /** An ISO instant (2026-12-02T10:00:00Z) or a date (2026-12-02; for until: the end of that day, UTC). */
    public static Instant time(String name, String v, boolean endOfDay) {
        v = blank(v);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (endOfDay ? d.plusDays(1) : d)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadInputException(name + " '" + shorten(v) + "': use a date like 2026-12-02 or a UTC time like "
                    + "2026-12-02T10:00:00Z");
        }
    }

    private static int integer(String name, String v, int fallback, int min, int max) {
        v = blank(v);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new BadInputException(name + " " + n + " is out of range: use " + min + "-" + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadInputException(name + " '" + shorten(v) + "': use a whole number " + min + "-" + max);
        }
    }

    /** {@code s} cut to 40 characters with control characters replaced: safe to quote in an error message. */
    public static String shorten(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return t.replaceAll("[\\p{Cntrl}]", "?");
    }
}
