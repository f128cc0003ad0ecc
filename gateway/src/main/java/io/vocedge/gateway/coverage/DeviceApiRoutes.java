package io.vocedge.gateway.coverage;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.vocedge.gateway.console.auth.SiteScope;
import io.vocedge.gateway.console.web.ConsoleAuth;
import io.vocedge.gateway.http.HttpRoutes;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/devices[?site=S]}: the read API's fleet coverage, the same figures as {@code voc-gateway devices}.
 * Behind the console's API filter (bearer token or session); a site-scoped user or token only ever sees its own sites,
 * and asking for another site gives an empty list, not an error that would confirm the site exists.
 */
public final class DeviceApiRoutes implements HttpRoutes {
    private static final Pattern SITE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private final ConsoleAuth auth;
    private final CoverageQuery coverage;
    private final Clock clock;

    public DeviceApiRoutes(ConsoleAuth auth, CoverageQuery coverage, Clock clock) {
        this.auth = auth;
        this.coverage = coverage;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/api/v1/devices", auth::apiFilter);
        routes.get("/api/v1/devices", this::devices);
    }

    private void devices(Context ctx) throws Exception {
        String site = ctx.queryParam("site");
        if (site != null && !SITE.matcher(site).matches()) {
            throw new HttpResponseException(400, "site must be 1-64 of a-z, 0-9, '_' and '-'", Map.of());
        }
        SiteScope scope = ConsoleAuth.user(ctx).scope().narrow(site);
        var now = clock.instant();
        List<Map<String, Object>> devices = coverage.devices(site).stream()
                .filter(d -> scope.allows(d.site()))
                .map(d -> CoverageJson.of(d, now))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", now.toString());
        body.put("devices", devices);
        ctx.json(body);
    }
}
