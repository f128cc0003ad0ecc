package io.vocedge.provisioning.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocedge.common.text.Printable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code fleet list} as a table: one row per device from the gateway's registry, sorted by site and name. Status is
 * {@code revoked}, or {@code online}/{@code offline} from the device's retained status; last seen is shown as an age.
 * Device-supplied text (a spoofed status can carry terminal escape codes) is printed through {@link Printable}.
 */
public final class FleetTable {
    private static final String[] HEAD = {"DEVICE", "SITE", "NAME", "STATUS", "LAST SEEN", "OUTBOX", "VERSION"};

    private FleetTable() {}

    public static String render(JsonNode devices, Instant now) {
        List<String[]> rows = new ArrayList<>();
        List<JsonNode> sorted = new ArrayList<>();
        devices.forEach(sorted::add);
        sorted.sort(Comparator.comparing((JsonNode d) -> d.path("site").asText())
                .thenComparing(d -> d.path("name").asText()));
        for (JsonNode d : sorted) {
            String status = "revoked".equals(d.path("state").asText())
                    ? "revoked"
                    : d.path("online").asBoolean() ? "online" : "offline";
            // Everything but the status word comes from a device or the registry: made safe for the terminal.
            rows.add(new String[] {
                cell(d.path("device_id").asText()),
                cell(d.path("site").asText()),
                cell(d.path("name").asText()),
                status,
                cell(age(d.path("last_seen"), now)),
                d.path("outbox_depth").isNumber() ? d.path("outbox_depth").asText() : "-",
                d.path("software_version").isTextual()
                        ? cell(d.path("software_version").asText())
                        : "-"
            });
        }
        int[] w = new int[HEAD.length];
        for (int i = 0; i < HEAD.length; i++) {
            w[i] = HEAD[i].length();
            for (String[] r : rows) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, HEAD, w);
        rows.forEach(r -> line(b, r, w));
        long online = rows.stream().filter(r -> r[3].equals("online")).count();
        b.append(rows.size()).append(" devices, ").append(online).append(" online\n");
        return b.toString();
    }

    private static String cell(String s) {
        return Printable.of(s, 64);
    }

    static String age(JsonNode lastSeen, Instant now) {
        if (!lastSeen.isTextual()) {
            return "never";
        }
        try {
            Duration d = Duration.between(Instant.parse(lastSeen.asText()), now);
            if (d.isNegative()) {
                return "just now";
            }
            long s = d.toSeconds();
            return s < 120
                    ? s + "s ago"
                    : s < 7200 ? d.toMinutes() + "m ago" : s < 172800 ? d.toHours() + "h ago" : d.toDays() + "d ago";
        } catch (DateTimeParseException e) {
            return lastSeen.asText();
        }
    }

    private static void line(StringBuilder b, String[] cells, int[] w) {
        for (int i = 0; i < cells.length; i++) {
            b.append(cells[i]);
            if (i < cells.length - 1) {
                b.append(" ".repeat(w[i] - cells[i].length() + 2));
            }
        }
        b.append('\n');
    }
}
