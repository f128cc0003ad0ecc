package io.vocedge.gateway.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small formatting helpers for templates (times in UTC, scores, links). */
public final class Format {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Format() {}

    public static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }

    public static String clock(Instant t) {
        return t == null ? "-" : CLOCK.format(t);
    }

    public static String score(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%+.2f", d);
    }

    public static String percent(double d) {
        return String.format(Locale.ROOT, "%.0f%%", d * 100);
    }

    public static String duration(long ms) {
        long s = ms / 1000;
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }

    public static String check(Boolean b) {
        return b == null ? "?" : b ? "✔" : "✘";
    }

    public static String checkClass(Boolean b) {
        return b == null ? "unknown" : b ? "ok" : "bad";
    }

    public static String conversationHref(String deviceId, String conversationId) {
        return "/console/conversations/" + enc(deviceId) + "/" + enc(conversationId);
    }

    public static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
