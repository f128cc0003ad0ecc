package io.vocedge.gateway.console;

import io.vocedge.common.config.ConfigNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code console:} section (issue 14): sessions and sign-in throttling of the web console and read API.
 *
 * @param sessionIdle a session ends after this long without a request
 * @param sessionMax a session ends this long after sign-in whatever happens
 * @param maxSessions sessions kept at once; at the limit the least recently used one ends (overflow policy)
 * @param loginMaxFailures failed sign-ins allowed per user name and per client address within {@code loginWindow}
 * @param loginWindow how long a failed sign-in counts
 */
public record ConsoleSettings(
        Duration sessionIdle, Duration sessionMax, int maxSessions, int loginMaxFailures, Duration loginWindow) {

    public static ConsoleSettings from(ConfigNode c) {
        Duration idle = c.duration("session_idle", Duration.ofMinutes(30), Duration.ofSeconds(1), Duration.ofDays(1));
        Duration max = c.duration("session_max", Duration.ofHours(12), Duration.ofSeconds(1), Duration.ofDays(30));
        int sessions = c.integer("max_sessions", 10_000, 1, 1_000_000);
        int failures = c.integer("login_max_failures", 5, 1, 1000);
        Duration window = c.duration("login_window", Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofDays(1));
        return new ConsoleSettings(idle, max, sessions, failures, window);
    }

    public Map<String, Object> effective() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session_idle", ConfigNode.format(sessionIdle));
        m.put("session_max", ConfigNode.format(sessionMax));
        m.put("max_sessions", maxSessions);
        m.put("login_max_failures", loginMaxFailures);
        m.put("login_window", ConfigNode.format(loginWindow));
        return m;
    }
}
