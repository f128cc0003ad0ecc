package io.vocedge.gateway.console.auth;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sites a request may see. Every console query takes one and adds {@link #sql} to its WHERE clause, so a site
 * manager's page, API call, export and search can only ever return rows of their own sites.
 */
public record SiteScope(boolean all, Set<String> sites) {
    public static final SiteScope ALL = new SiteScope(true, Set.of());

    public SiteScope {
        sites = Set.copyOf(new TreeSet<>(sites));
    }

    public static SiteScope only(Set<String> sites) {
        return new SiteScope(false, sites);
    }

    public boolean allows(String site) {
        return all || (site != null && sites.contains(site));
    }

    /**
     * A condition on {@code column} ({@code 1=1} for all sites, {@code 1=0} for none) whose parameters are appended to
     * {@code params} in order.
     */
    public String sql(String column, List<Object> params) {
        if (all) {
            return "1=1";
        }
        if (sites.isEmpty()) {
            return "1=0";
        }
        params.addAll(new TreeSet<>(sites));
        return column + " IN (" + String.join(",", java.util.Collections.nCopies(sites.size(), "?")) + ")";
    }

    /** The narrower of this scope and one requested site (a filter): a site outside the scope gives no rows. */
    public SiteScope narrow(String site) {
        if (site == null || site.isEmpty()) {
            return this;
        }
        return allows(site) ? only(Set.of(site)) : only(Set.of());
    }
}
