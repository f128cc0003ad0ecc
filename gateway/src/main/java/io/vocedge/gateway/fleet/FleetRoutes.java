package io.vocedge.gateway.fleet;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.vocedge.gateway.console.auth.ConsoleUser;
import io.vocedge.gateway.console.auth.Role;
import io.vocedge.gateway.console.web.ConsoleAuth;
import io.vocedge.gateway.console.web.I18n;
import io.vocedge.gateway.console.web.Page;
import io.vocedge.gateway.console.web.Templates;
import io.vocedge.gateway.http.HttpRoutes;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's Fleet page ({@code /console/fleet}, issue 14): every device the user may see with online/offline, last
 * seen, versions, outbox, mute, disk and microphone health, refreshed every 10 s with htmx. Behind the console's page
 * filter (session; registered by the console for {@code /console/*}); the site scope is part of the query.
 */
public final class FleetRoutes implements HttpRoutes {
    /** The remote commands the page offers, by their device-side names. */
    public static final List<String> COMMANDS = List.of("mute", "unmute", "selftest", "lexicon");
    private final FleetQueries fleet;
    private final Templates templates;
    private final Clock clock;

    public FleetRoutes(FleetQueries fleet, Templates templates, Clock clock) {
        this.fleet = fleet;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/fleet", this::page);
        routes.get("/console/fleet/rows", this::rows);
    }

    /** Admins command every device; a site manager the devices of their own sites (the only ones they see). */
    static boolean mayCommand(ConsoleUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.SITE_MANAGER;
    }

    private FleetView view(Context ctx) throws Exception {
        ConsoleUser user = ConsoleAuth.user(ctx);
        return new FleetView(fleet.devices(user.scope(), clock.instant()), clock.instant(), false, COMMANDS);
    }

    private void page(Context ctx) throws Exception {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", ConsoleAuth.page(ctx, I18n.of(ConsoleAuth.lang(ctx)).t("fleet.title"), "fleet"));
        p.put("fleet", view(ctx));
        templates.page(ctx, "fleet.jte", p);
    }

    private void rows(Context ctx) throws Exception {
        Page page = ConsoleAuth.page(ctx, "", "fleet");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", page);
        p.put("fleet", view(ctx));
        Templates.secure(ctx);
        ctx.html(templates.render("fleet_rows.jte", p));
    }
}
