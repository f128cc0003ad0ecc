package io.vocedge.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vocedge.protocol.PemTls;
import java.io.IOException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.tinylog.Logger;

/**
 * The gateway's one HTTP server: Javalin on Jetty 12, built once from the {@code http:} section with every
 * feature's {@link HttpRoutes}. What it guarantees to every route (ARCHITECTURE.md guarantee 9):
 * <ul>
 *   <li>Bounded work: {@code max_threads} named worker threads ({@code http-N}), at most
 *       {@code max_connections} open connections and {@code max_connections_per_address} from one client.</li>
 *   <li>Slow clients cost no thread: Jetty reads without blocking, bodies are read in full asynchronously before a
 *       route runs ({@link EagerContentHandler}), and {@link RequestDeadlines} cuts connections whose headers or
 *       body do not arrive in time; {@code idle_timeout} closes silent ones.</li>
 *   <li>Size limits: headers over {@code max_header} get 431, bodies over {@code max_body} 413.</li>
 *   <li>TLS with the fleet CA's server certificate when {@code http.tls} is set; credentials refused over plain
 *       HTTP off loopback ({@link CredentialTransport}).</li>
 *   <li>One JSON error shape and no stack traces ({@link JsonErrors}); each request logged at DEBUG.</li>
 * </ul>
 * Server-wide additions for the console (static files, sessions, a CSRF check before every form POST) go in
 * {@link #configure}; its pages and {@code /api/v1} routes are an {@link HttpRoutes} passed in by GatewayApp.
 */
public final class GatewayHttpServer implements AutoCloseable {
    private final HttpSettings settings;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final List<HttpRoutes> routes;
    private RequestDeadlines deadlines;
    private PerAddressConnectionLimit perAddress;
    private Javalin app;
    private ServerConnector connector;

    public GatewayHttpServer(HttpSettings settings, ObjectMapper json, MeterRegistry metrics, List<HttpRoutes> routes) {
        this.settings = settings;
        this.json = json;
        this.metrics = metrics;
        this.routes = List.copyOf(routes);
    }

    public synchronized void start() throws IOException {
        if (app != null) {
            throw new IllegalStateException("already started");
        }
        SslContextFactory.Server tls = settings.tls() == null ? null : tls(settings.tls());
        perAddress = new PerAddressConnectionLimit(
                settings.maxConnectionsPerAddress(),
                counter(
                        "voc_http_connections_refused",
                        "reason",
                        "per_address_limit",
                        "connections closed at once because their client address already had max_connections_per_address open"));
        deadlines = new RequestDeadlines(
                settings.headerTimeout(),
                settings.requestTimeout(),
                counter(
                        "voc_http_connections_cut",
                        "rule",
                        "header_timeout",
                        "connections closed because the request line and headers did not arrive within header_timeout"),
                counter(
                        "voc_http_connections_cut",
                        "rule",
                        "request_timeout",
                        "connections closed because the request body did not arrive within request_timeout"));
        try {
            app = Javalin.create(cfg -> configure(cfg, tls));
            app.start();
        } catch (RuntimeException e) {
            close();
            throw new IOException(
                    "HTTP server cannot start on " + settings.host() + ":" + settings.port() + ": " + rootMessage(e)
                            + " (check http.host and http.port)",
                    e);
        }
        Logger.info(
                "event=http_started url={} tls={} max_threads={} max_connections={} per_address={} header_timeout_ms={} "
                        + "request_timeout_ms={} idle_timeout_ms={} max_body={} credentials_over_plain_http={}",
                url(),
                tls != null,
                settings.maxThreads(),
                settings.maxConnections(),
                settings.maxConnectionsPerAddress(),
                settings.headerTimeout().toMillis(),
                settings.requestTimeout().toMillis(),
                settings.idleTimeout().toMillis(),
                settings.maxBodyBytes(),
                tls == null && !settings.loopbackOnly() ? "refused" : "n/a");
        if (tls == null && !settings.loopbackOnly()) {
            Logger.warn(
                    "event=http_plain_on_network bind={} note=\"plain HTTP on a non-loopback address: /health and /metrics "
                            + "answer, the admin API refuses its token; set http.tls for admin use across the network\"",
                    settings.host());
        }
    }

    private void configure(io.javalin.config.JavalinConfig cfg, SslContextFactory.Server tls) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.startup.startupWatcherEnabled = false;
        cfg.jsonMapper(new JavalinJackson(json, false));
        cfg.http.maxRequestSize = settings.maxBodyBytes();
        cfg.jetty.threadPool = threadPool();
        cfg.jetty.modifyHttpConfiguration(hc -> {
            hc.setRequestHeaderSize(settings.maxHeaderBytes());
            hc.setIdleTimeout(settings.idleTimeout().toMillis());
            hc.setSendServerVersion(false);
            hc.setSendXPoweredBy(false);
        });
        cfg.jetty.addConnector((server, hc) -> connector(server, hc, tls));
        cfg.jetty.modifyServer(server -> {
            // Inserted innermost first: the size limit wraps the eager reader, so an oversized body is refused
            // (413) before it is buffered. Bodies are read completely without holding a worker thread.
            server.insertHandler(new EagerContentHandler(new EagerContentHandler.RetainedContentLoaderFactory(
                    settings.maxBodyBytes() + 16 * 1024, -1, true)));
            server.insertHandler(new SizeLimitHandler(settings.maxBodyBytes(), -1));
            server.addBean(new NetworkConnectionLimit(settings.maxConnections(), server));
            server.setErrorHandler(
                    new JsonErrors.JettyErrors(json, settings.maxBodyBytes(), settings.maxHeaderBytes()));
        });
        cfg.requestLogger.http((ctx, ms) -> Logger.debug(
                "event=http_request method={} path={} status={} ms={} client={}",
                ctx.method(),
                ctx.path(),
                ctx.statusCode(),
                String.format(java.util.Locale.ROOT, "%.1f", ms),
                ctx.ip()));
        JsonErrors.register(cfg.routes, settings.maxBodyBytes());
        routes.forEach(r -> r.register(cfg.routes));
    }

    private QueuedThreadPool threadPool() {
        // max_threads workers. The job queue is Jetty's default (unbounded by type) on purpose: Jetty warns that a
        // bounded one can reject its own internal tasks and wedge the server. It is bounded in effect by the
        // connection limits instead - each connection has at most one job waiting - so at most max_connections.
        QueuedThreadPool pool = new QueuedThreadPool(settings.maxThreads(), 2, 60_000, 0, null, null);
        pool.setName("http");
        pool.setDaemon(true);
        return pool;
    }

    private ServerConnector connector(Server server, HttpConfiguration hc, SslContextFactory.Server tls) {
        ServerConnector c;
        if (tls != null) {
            HttpConfiguration https = new HttpConfiguration(hc);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // One certificate and no virtual hosts: clients reach the gateway by IP as often as by name.
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            c = new ServerConnector(
                    server, 1, 1, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
        } else {
            c = new ServerConnector(server, 1, 1, new HttpConnectionFactory(hc));
        }
        c.setHost(settings.host());
        c.setPort(settings.port());
        c.setIdleTimeout(settings.idleTimeout().toMillis());
        c.setAcceptQueueSize(64);
        c.addBean(perAddress);
        c.addBean(deadlines);
        connector = c;
        return c;
    }

    private static SslContextFactory.Server tls(HttpSettings.TlsFiles files) throws IOException {
        char[] password = HexFormat.of().formatHex(randomBytes(16)).toCharArray();
        KeyStore ks = PemTls.keyStore(files.certFile(), files.keyFile(), "gateway-http", password);
        SslContextFactory.Server f = new SslContextFactory.Server();
        f.setKeyStore(ks);
        f.setKeyStorePassword(new String(password));
        f.setKeyManagerPassword(new String(password));
        f.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        f.setSniRequired(false);
        f.setRenegotiationAllowed(false);
        return f;
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private Counter counter(String name, String tag, String value, String description) {
        return Counter.builder(name).tag(tag, value).description(description).register(metrics);
    }

    public String url() {
        return (settings.tls() == null ? "http" : "https") + "://" + settings.host() + ":" + port();
    }

    /** Every HTTP route registered, as {@code "GET /api/v1/records"} (for the OpenAPI check). */
    public List<String> endpoints() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .toList();
    }

    public int port() {
        return connector.getLocalPort();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            try {
                app.stop();
            } catch (RuntimeException e) {
                Logger.warn("event=http_stop_failed error=\"{}\"", e.getMessage());
            }
        }
        if (deadlines != null) {
            deadlines.close();
        }
    }
}
