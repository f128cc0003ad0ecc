package io.vocedge.gateway.console.auth;

import java.util.Locale;

/** What a console user or API token may do. */
public enum Role {
    /** Every site; reads everything, manages the fleet (remote commands). */
    ADMIN,
    /** Every site; reads everything and may correct insights (training data), changes nothing else. */
    ANALYST,
    /** Only the sites named on the account, read only. */
    SITE_MANAGER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code admin}, {@code analyst} or {@code site_manager}; the message names the allowed values. */
    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.id().equals(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "': use admin, analyst or site_manager");
    }

    public boolean allSites() {
        return this != SITE_MANAGER;
    }
}
