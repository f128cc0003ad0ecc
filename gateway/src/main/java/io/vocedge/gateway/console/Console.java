package io.vocedge.gateway.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.console.auth.Accounts;
import io.vocedge.gateway.console.auth.AuditLog;
import io.vocedge.gateway.console.auth.LoginThrottle;
import io.vocedge.gateway.console.auth.PasswordHasher;
import io.vocedge.gateway.console.auth.Sessions;
import io.vocedge.gateway.console.data.ConsoleIndexer;
import io.vocedge.gateway.console.data.ConsoleQueries;
import io.vocedge.gateway.console.data.Facets;
import io.vocedge.gateway.console.data.InsightCorrections;
import io.vocedge.gateway.console.data.TrendQueries;
import io.vocedge.gateway.console.web.ApiRoutes;
import io.vocedge.gateway.console.web.ConsoleAuth;
import io.vocedge.gateway.console.web.ConsoleRoutes;
import io.vocedge.gateway.console.web.SearchRoutes;
import io.vocedge.gateway.console.web.Templates;
import io.vocedge.gateway.console.web.TrendRoutes;
import io.vocedge.gateway.http.CredentialTransport;
import io.vocedge.gateway.http.HttpRoutes;
import io.vocedge.gateway.store.JdbcVocStore;
import java.time.Clock;
import java.util.List;

/**
 * The web console and read API of issue 14, assembled from the store: accounts, sessions, throttle, audit log,
 * queries, the search/trend indexer (a {@link io.vocedge.gateway.store.CommitParticipant}) and the routes. Other
 * features that add console pages use {@link #auth()}, {@link #templates()} and {@link #audit()}.
 */
public final class Console {
    private final Accounts accounts;
    private final AuditLog audit;
    private final ConsoleQueries queries;
    private final ConsoleAuth auth;
    private final Templates templates;
    private final List<HttpRoutes> routes;

    public Console(
            JdbcVocStore store,
            ConsoleSettings settings,
            CredentialTransport transport,
            ObjectMapper json,
            Clock clock) {
        accounts = new Accounts(store.dataSource(), store.dialect(), new PasswordHasher());
        audit = new AuditLog(store.dataSource(), store.dialect());
        queries = new ConsoleQueries(store.dataSource(), store.dialect(), json);
        Sessions sessions = new Sessions(settings.sessionIdle(), settings.sessionMax(), settings.maxSessions(), clock);
        auth = new ConsoleAuth(sessions, accounts, transport);
        templates = new Templates();
        LoginThrottle throttle = new LoginThrottle(settings.loginMaxFailures(), settings.loginWindow(), 100_000, clock);
        store.addParticipant(new ConsoleIndexer(json));
        Facets facets = new Facets(store.dataSource());
        routes = List.of(
                new ConsoleRoutes(
                        auth,
                        accounts,
                        throttle,
                        audit,
                        queries,
                        new InsightCorrections(store.dataSource(), store.dialect()),
                        templates,
                        transport),
                new SearchRoutes(auth, audit, queries, facets, templates),
                new ApiRoutes(auth, audit, queries),
                new TrendRoutes(
                        auth,
                        audit,
                        new TrendQueries(store.dataSource(), store.dialect()),
                        facets,
                        templates,
                        json,
                        clock));
    }

    public List<HttpRoutes> routes() {
        return routes;
    }

    public ConsoleAuth auth() {
        return auth;
    }

    public Templates templates() {
        return templates;
    }

    public AuditLog audit() {
        return audit;
    }

    public Accounts accounts() {
        return accounts;
    }

    public ConsoleQueries queries() {
        return queries;
    }
}
