package io.vocedge.gateway.http;

import io.javalin.config.RoutesConfig;

/**
 * A feature's HTTP routes. Each feature (health and metrics, the admin API, the console of issue 14) implements
 * this once and is handed to {@link GatewayHttpServer}, which calls {@link #register} while it builds the server:
 * routes are fixed before the first request. Shared concerns - error bodies, request logging, limits, TLS - belong to
 * the server, not to the routes. A route that takes credentials (bearer token, login form, session cookie) calls
 * {@link CredentialTransport#require} first.
 */
@FunctionalInterface
public interface HttpRoutes {
    void register(RoutesConfig routes);
}
