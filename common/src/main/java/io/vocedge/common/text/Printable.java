package io.vocedge.common.text;

/**
 * Makes a device-supplied string safe to print on a terminal or in a log line: control characters (ESC sequences
 * that clear a technician's screen or retitle the window, C1 controls, DEL) and bidirectional overrides (which make
 * text read differently than it is stored) are replaced with {@code ?}, and the length is capped. HTML escaping is
 * the page template's job; this is for terminals and plain-text output.
 */
public final class Printable {
    private Printable() {}

    /** {@code null} stays {@code null}; longer than {@code maxChars}: cut and ended with {@code ...}. */
    public static String of(String s, int maxChars) {
        if (s == null) {
            return null;
        }
        int n = Math.min(s.length(), maxChars);
        StringBuilder b = new StringBuilder(n + 3);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            b.append(unsafe(c) ? '?' : c);
        }
        if (s.length() > maxChars) {
            b.append("...");
        }
        return b.toString();
    }

    /** True for characters a terminal or a reader could be tricked by. */
    public static boolean unsafe(char c) {
        return Character.isISOControl(c)
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E'
                || c == '\u200F'
                || c == '\u061C';
    }
}
