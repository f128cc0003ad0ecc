package io.vocedge.gateway.console.data;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.protocol.Ids;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a Trends page, API call or CSV export asks for: {@code period} day or week (weeks start on Monday), a UTC date
 * range {@code since}..{@code until} (both inclusive; default the 30 days up to today), up to {@value #MAX_SITES}
 * sites to compare (none = every site the caller may see) and optionally one topic. Parsed strictly: a malformed or
 * too long range is a {@link BadInputException} naming the parameter.
 */
public record TrendRequest(String period, LocalDate since, LocalDate until, List<String> sites, String topic) {
    public static final int MAX_SITES = 10;
    public static final int MAX_DAYS = 366;
    public static final int MAX_WEEKS_DAYS = 3 * 366;
    public static final int DEFAULT_DAYS = 30;

    public TrendRequest {
        sites = List.copyOf(sites);
    }

    public boolean weekly() {
        return "week".equals(period);
    }

    /**
     * @param param one value of a parameter (null when absent)
     * @param all every value of a repeated parameter ({@code site=a&site=b})
     * @param today the default end of the range
     */
    public static TrendRequest parse(
            Function<String, String> param, Function<String, List<String>> all, LocalDate today) {
        String period = blank(param.apply("period"));
        if (period == null) {
            period = "day";
        } else if (!period.equals("day") && !period.equals("week")) {
            throw new BadInputException("period '" + Filter.shorten(period) + "': use day or week");
        }
        LocalDate until = date("until", param.apply("until"));
        LocalDate since = date("since", param.apply("since"));
        if (until == null) {
            until = since != null && since.plusDays(DEFAULT_DAYS - 1).isBefore(today)
                    ? since.plusDays(DEFAULT_DAYS - 1)
                    : today;
        }
        if (since == null) {
            since = until.minusDays(DEFAULT_DAYS - 1);
        }
        if (since.isAfter(until)) {
            throw new BadInputException("since (" + since + ") is after until (" + until + ")");
        }
        long days = ChronoUnit.DAYS.between(since, until) + 1;
        int max = "week".equals(period) ? MAX_WEEKS_DAYS : MAX_DAYS;
        if (days > max) {
            throw new BadInputException("the range " + since + ".." + until + " is " + days + " days: per " + period
                    + " use at most " + max + " days" + ("day".equals(period) ? " (or period=week)" : ""));
        }
        List<String> sites = new ArrayList<>();
        for (String s : all.apply("site")) {
            String v = blank(s);
            if (v == null || sites.contains(v)) {
                continue;
            }
            if (!Ids.isValid(v)) {
                throw new BadInputException(
                        "site '" + Filter.shorten(v) + "': an id is 1-64 characters of a-z, 0-9, '-' or '_'");
            }
            sites.add(v);
        }
        if (sites.size() > MAX_SITES) {
            throw new BadInputException(sites.size() + " sites given: compare at most " + MAX_SITES);
        }
        String topic = blank(param.apply("topic"));
        if (topic != null && !topic.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new BadInputException(
                    "topic '" + Filter.shorten(topic) + "': a topic id is a-z, 0-9 and '_', e.g. delivery_delay");
        }
        return new TrendRequest(period, since, until, sites, topic);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static LocalDate date(String name, String v) {
        v = blank(v);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadInputException(name + " '" + Filter.shorten(v) + "': use a date like 2026-12-02");
        }
    }
}
