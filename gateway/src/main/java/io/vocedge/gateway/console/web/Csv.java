package io.vocedge.gateway.console.web;

import java.util.List;
import java.util.Locale;

/**
 * CSV as RFC 4180 (CRLF, fields with a comma, quote or line break quoted) for the console's downloads. Text cells that
 * a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a leading apostrophe; numbers are
 * written as numbers.
 */
public final class Csv {
    private final StringBuilder out = new StringBuilder();

    public Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    public Csv row(Object... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        if (v instanceof Number) {
            return v.toString();
        }
        String s = v.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
