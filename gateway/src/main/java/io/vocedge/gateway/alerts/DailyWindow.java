package io.vocedge.gateway.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time-of-day window every day in a site's time zone, {@code 09:00-21:00}; it may wrap midnight
 * ({@code 22:00-07:00}). {@code 00:00-24:00} is all day.
 */
public record DailyWindow(LocalTime from, LocalTime to, boolean allDay) {
    public static final DailyWindow ALWAYS = new DailyWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, true);
    private static final Pattern FORM = Pattern.compile("([01]\\d|2[0-4]):([0-5]\\d)-([01]\\d|2[0-4]):([0-5]\\d)");

    /** Parses {@code HH:MM-HH:MM}; null when the text is not of that form. */
    public static DailyWindow parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        int fh = Integer.parseInt(m.group(1));
        int fm = Integer.parseInt(m.group(2));
        int th = Integer.parseInt(m.group(3));
        int tm = Integer.parseInt(m.group(4));
        if (fh == 24 || (th == 24 && tm != 0)) {
            return null;
        }
        LocalTime from = LocalTime.of(fh, fm);
        LocalTime to = th == 24 ? LocalTime.MIDNIGHT : LocalTime.of(th, tm);
        if (from.equals(LocalTime.MIDNIGHT) && to.equals(LocalTime.MIDNIGHT)) {
            return ALWAYS;
        }
        return from.equals(to) ? null : new DailyWindow(from, to, false);
    }

    public boolean contains(LocalTime t) {
        if (allDay) {
            return true;
        }
        if (to.equals(LocalTime.MIDNIGHT)) {
            return !t.isBefore(from);
        }
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    public boolean contains(Instant at, ZoneId zone) {
        return contains(at.atZone(zone).toLocalTime());
    }

    /** The first instant at or after {@code at} outside the window (for holding notifications in quiet hours). */
    public Instant endAfter(Instant at, ZoneId zone) {
        if (allDay || !contains(at, zone)) {
            return at;
        }
        ZonedDateTime z = at.atZone(zone);
        ZonedDateTime end = z.toLocalDate().atTime(to).atZone(zone);
        if (!end.isAfter(z)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }

    /**
     * How much of {@code [start, end)} lies inside the window, walking minute by minute is too slow for days: the
     * walk goes window edge to window edge. Used for "not acknowledged within 15 minutes of store hours".
     */
    public Duration overlap(Instant start, Instant end, ZoneId zone) {
        if (!end.isAfter(start)) {
            return Duration.ZERO;
        }
        if (allDay) {
            return Duration.between(start, end);
        }
        Duration total = Duration.ZERO;
        Instant t = start;
        int guard = 0;
        while (t.isBefore(end) && guard++ < 10_000) {
            ZonedDateTime z = t.atZone(zone);
            boolean inside = contains(z.toLocalTime());
            LocalTime edge = inside ? to : from;
            ZonedDateTime next = z.toLocalDate().atTime(edge).atZone(zone);
            if (!next.isAfter(z)) {
                next = next.plusDays(1);
            }
            Instant stop = next.toInstant().isBefore(end) ? next.toInstant() : end;
            if (inside) {
                total = total.plus(Duration.between(t, stop));
            }
            t = stop;
        }
        return total;
    }

    @Override
    public String toString() {
        return allDay ? "00:00-24:00" : from + "-" + (to.equals(LocalTime.MIDNIGHT) ? "24:00" : to.toString());
    }
}
