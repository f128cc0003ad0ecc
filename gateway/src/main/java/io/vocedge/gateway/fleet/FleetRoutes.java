package io.vocedge.gateway.fleet;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
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
 * seen, versions, outbox, mute, disk and microphone health, and the recent remote commands with their answers, both
 * refreshed every 10 s with htmx. A command is a link to a confirmation page whose form POSTs (with the session's CSRF
 * token, checked by the console's page filter for every non-GET under {@code /console/}) to
 * {@code /console/fleet/{device}/commands}. Behind the console's page filter (session); the site scope is part of
 * every query.
 */
public final class FleetRoutes implements HttpRoutes {
    /** The remote commands the page offers, by their device-side names. */
    public static final List<String> COMMANDS = List.of("mute", "unmute", "selftest", "lexicon");

    static final int RECENT_COMMANDS = 20;
    private final FleetQueries fleet;
    private final FleetCommands commands;
    private final Templates templates;
    private final Clock clock;

    public FleetRoutes(FleetQueries fleet, FleetCommands commands, Templates templates, Clock clock) {
        this.fleet = fleet;
        this.commands = commands;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/fleet", this::page);
        routes.get("/console/fleet/rows", this::rows);
        routes.get("/console/fleet/commands", this::recent);
        routes.get("/console/fleet/{device}/confirm", this::confirm);
        routes.post("/console/fleet/{device}/commands", this::send);
    }

    /** Admins command every device; a site manager the devices of their own sites (the only ones they see). */
    static boolean mayCommand(ConsoleUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.SITE_MANAGER;
    }

    private FleetView view(Context ctx) throws Exception {
        ConsoleUser user = ConsoleAuth.user(ctx);
        return new FleetView(
                fleet.devices(user.scope(), clock.instant()),
                fleet.recentCommands(user.scope(), RECENT_COMMANDS),
                clock.instant(),
                mayCommand(user),
                COMMANDS);
    }

    private void page(Context ctx) throws Exception {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", ConsoleAuth.page(ctx, I18n.of(ConsoleAuth.lang(ctx)).t("fleet.title"), "fleet"));
        p.put("fleet", view(ctx));
        String sent = ctx.queryParam("sent");
        p.put("sent", sent != null && sent.matches("[0-9a-f-]{36}") ? sent : null);
        templates.page(ctx, "fleet.jte", p);
    }

    private void rows(Context ctx) throws Exception {
        fragment(ctx, "fleet_rows.jte");
    }

    private void recent(Context ctx) throws Exception {
        fragment(ctx, "fleet_commands.jte");
    }

    private void fragment(Context ctx, String template) throws Exception {
        Page page = ConsoleAuth.page(ctx, "", "fleet");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", page);
        p.put("fleet", view(ctx));
        Templates.secure(ctx);
        ctx.html(templates.render(template, p));
    }

    private void confirm(Context ctx) throws Exception {
        ConsoleUser user = ConsoleAuth.user(ctx);
        String command = single(ctx, "command");
        FleetDevice device = commands.authorise(user, ctx.pathParam("device"), command);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", ConsoleAuth.page(ctx, I18n.of(ConsoleAuth.lang(ctx)).t("fleet.confirm"), "fleet"));
        p.put("device", device);
        p.put("command", command);
        templates.page(ctx, "fleet_confirm.jte", p);
    }

    private void send(Context ctx) throws Exception {
        ConsoleUser user = ConsoleAuth.user(ctx);
        String command = ctx.formParam("command");
        if (command == null) {
            throw new HttpResponseException(
                    400, "form field 'command' is missing: use one of " + String.join(", ", COMMANDS), Map.of());
        }
        FleetCommands.Sent sent = commands.send(user, ctx.pathParam("device"), command);
        ctx.redirect("/console/fleet?sent=" + sent.commandId(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static String single(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() != 1) {
            throw new HttpResponseException(
                    400, "give exactly one '" + name + "' parameter: one of " + String.join(", ", COMMANDS), Map.of());
        }
        return values.get(0);
    }
}
