package io.vocedge.gateway.fleet;

import io.vocedge.gateway.console.web.Format;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The Fleet page's model: the devices the user may see, the recent commands to them, the time they were read at, and whether the user may send
 * remote commands (admin; a site manager for their own sites, which are the only ones listed).
 */
public record FleetView(
        List<FleetDevice> devices, List<CommandRow> recent, Instant now, boolean mayCommand, List<String> commands) {
    public FleetView {
        devices = List.copyOf(devices);
        recent = List.copyOf(recent);
        commands = List.copyOf(commands);
    }

    /** How long ago {@code t} was, e.g. {@code 45 s} or {@code 3 min 5 s} (0 for a time in the future). */
    public String ago(Instant t) {
        Duration d = Duration.between(t, now);
        return span(d.isNegative() ? Duration.ZERO : d);
    }

    static String span(Duration d) {
        if (d.toHours() >= 48) {
            return d.toDays() + " d";
        }
        if (d.toMinutes() >= 60) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return Format.duration(d.toMillis());
    }

    public String oldestUnsent(FleetDevice d) {
        Duration age = d.oldestUnsentAge(now);
        return age == null ? "-" : span(age);
    }
}
