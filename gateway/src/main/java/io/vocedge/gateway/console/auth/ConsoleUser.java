package io.vocedge.gateway.console.auth;

import java.util.Set;

/**
 * Who is asking: a signed-in console user or an API token. {@code name} is what the audit log records (tokens as
 * {@code token:<id>}).
 */
public record ConsoleUser(String name, Role role, Set<String> sites) {
    public ConsoleUser {
        sites = Set.copyOf(sites);
    }

    public SiteScope scope() {
        return role.allSites() ? SiteScope.ALL : SiteScope.only(sites);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
