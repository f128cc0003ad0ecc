package io.vocedge.gateway.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The per-device table of {@code lexicon status} and {@code model status}: what the gateway wants each device to run,
 * what the device last reported, and {@code ok} / {@code pending} (nothing for a revoked device). One layout for
 * both, so an operator reads them the same way.
 */
final class DistributionStatusTable {
    private static final String ROW = "%-24s %-12s %-10s %-20s %-20s %s%n";

    private DistributionStatusTable() {}

    /**
     * {@code reported}: per device id {@code {site, state, version or null}}; {@code desiredForSite}: the version
     * published for a site, or {@code "-"}.
     */
    static void print(PrintWriter out, Map<String, String[]> reported, Function<String, String> desiredForSite) {
        out.printf(Locale.ROOT, ROW, "DEVICE", "SITE", "STATE", "DESIRED", "REPORTED", "");
        for (Map.Entry<String, String[]> d : reported.entrySet()) {
            String[] v = d.getValue();
            String desired = desiredForSite.apply(v[0]);
            String version = v[2] == null ? "?" : printable(v[2]);
            String note =
                    "revoked".equals(v[1]) ? "" : desired.equals("-") || desired.equals(version) ? "ok" : "pending";
            out.printf(Locale.ROOT, ROW, d.getKey(), v[0], v[1], desired, version, note);
        }
    }

    /** Device-supplied text for a terminal: printable ASCII only, at most 64 characters. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(64).forEach(c -> b.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return b.toString();
    }
}
