package io.vocedge.gateway.console.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in console sessions, in memory (a gateway restart signs everyone out). A session id is 32 random bytes sent
 * only as an HttpOnly, SameSite=Strict cookie; each session has its own CSRF token. A session ends after
 * {@code idle} without a request or {@code absolute} after sign-in, whichever comes first. Bounded: at
 * {@code maxSessions} the least recently used session is dropped to make room (overflow policy).
 */
public final class Sessions {
    /** One session: its user, CSRF token and times. */
    public static final class Session {
        private final String id;
        private final ConsoleUser user;
        private final String csrf;
        private final Instant created;
        private volatile Instant lastUsed;

        Session(String id, ConsoleUser user, String csrf, Instant created) {
            this.id = id;
            this.user = user;
            this.csrf = csrf;
            this.created = created;
            this.lastUsed = created;
        }

        public String id() {
            return id;
        }

        public ConsoleUser user() {
            return user;
        }

        public String csrf() {
            return csrf;
        }
    }

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Duration absolute;
    private final int maxSessions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Sessions(Duration idle, Duration absolute, int maxSessions, Clock clock) {
        this.idle = idle;
        this.absolute = absolute;
        this.maxSessions = maxSessions;
        this.clock = clock;
    }

    public Session create(ConsoleUser user) {
        Instant now = clock.instant();
        if (byId.size() >= maxSessions) {
            byId.values().removeIf(s -> expired(s, now));
            while (byId.size() >= maxSessions) {
                byId.values().stream()
                        .min(Comparator.comparing(s -> s.lastUsed))
                        .ifPresent(s -> byId.remove(s.id));
            }
        }
        Session s = new Session(token(), user, token(), now);
        byId.put(s.id, s);
        return s;
    }

    /** The live session for this cookie value, touched; an expired one is removed and not returned. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(s, now)) {
            byId.remove(id);
            return Optional.empty();
        }
        s.lastUsed = now;
        return Optional.of(s);
    }

    public void end(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    public Duration idle() {
        return idle;
    }

    private boolean expired(Session s, Instant now) {
        return s.lastUsed.plus(idle).isBefore(now) || s.created.plus(absolute).isBefore(now);
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
