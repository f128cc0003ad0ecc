package io.vocedge.device.command;

import io.vocedge.common.config.ConfigNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code commands:} section: how old a command may be when it arrives ({@code max_age}, by its
 * {@code issued_at}) and how many executed command ids are remembered (across restarts) to refuse replays.
 *
 * @param maxAge older commands are refused as stale; ids are remembered for this long
 * @param maxRemembered most ids kept; when that many commands arrived within {@code maxAge}, new ones are refused
 */
public record CommandConfig(Duration maxAge, int maxRemembered) {
    public CommandConfig {
        if (maxAge.isNegative() || maxAge.isZero() || maxAge.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("commands.max_age must be between 1s and 1d, got " + maxAge);
        }
        if (maxRemembered < 16 || maxRemembered > 100_000) {
            throw new IllegalArgumentException("commands.max_remembered must be 16..100000, got " + maxRemembered);
        }
    }

    public static CommandConfig defaults() {
        return new CommandConfig(Duration.ofMinutes(10), 4096);
    }

    /** Reads the {@code commands:} section strictly. */
    public static CommandConfig read(ConfigNode s) {
        CommandConfig d = defaults();
        Duration maxAge = s.duration("max_age", d.maxAge(), Duration.ofSeconds(1), Duration.ofDays(1));
        int remembered = s.integer("max_remembered", d.maxRemembered(), 16, 100_000);
        return new CommandConfig(maxAge, remembered);
    }

    /** The section as {@code config check} prints it. */
    public Map<String, Object> effective() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_age", ConfigNode.format(maxAge));
        m.put("max_remembered", maxRemembered);
        return m;
    }
}
