package io.vocedge.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.console.auth.Accounts;
import io.vocedge.gateway.http.CredentialTransport;
import io.vocedge.gateway.http.GatewayHttpServer;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.protocol.Json;
import io.vocedge.testsupport.PostgresDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The console without a broker: the real store (SQLite file or a PostgreSQL database of its own), the real
 * {@link Console} and the gateway's real HTTP server on a free loopback port. For console ITs that need pages and the
 * read API but no ingest, so they start in about a second.
 */
final class ConsoleStack implements AutoCloseable {
    static final String PW = "correct horse battery";
    final JdbcVocStore store;
    final Console console;
    final GatewayHttpServer http;
    final String base;
    private final PostgresDatabase pg;
    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private ConsoleStack(GatewayConfig config, PostgresDatabase pg) throws Exception {
        this.pg = pg;
        store = JdbcVocStore.open(config.store(), "console-it");
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        CredentialTransport transport = new CredentialTransport(config.http(), metrics);
        console = new Console(store, config.console(), transport, Json.newMapper(), Clock.systemUTC());
        http = new GatewayHttpServer(config.http(), Json.newMapper(), metrics, console.routes());
        http.start();
        base = http.url();
    }

    static ConsoleStack sqlite(Path dir) throws Exception {
        return sqlite(dir, "");
    }

    /** A SQLite stack whose gateway.yaml also holds {@code moreYaml} (e.g. a {@code console:} section). */
    static ConsoleStack sqlite(Path dir, String moreYaml) throws Exception {
        Path cfg = Files.writeString(dir.resolve("gw.yaml"), "gateway_id: console-it\n" + moreYaml);
        return new ConsoleStack(GatewayConfig.load(cfg, dir.resolve("data")), null);
    }

    static ConsoleStack postgres(Path dir) throws Exception {
        PostgresDatabase pg = PostgresDatabase.create();
        try {
            Path cfg = Files.writeString(
                    dir.resolve("gw.yaml"),
                    "gateway_id: console-it\nstore: {kind: postgresql, jdbc_url: \"" + pg.jdbcUrl() + "\", user: "
                            + pg.user() + "}\n");
            return new ConsoleStack(GatewayConfig.load(cfg, dir.resolve("data")), pg);
        } catch (Exception | Error e) {
            pg.close();
            throw e;
        }
    }

    void user(String name, String role, String... sites) throws Exception {
        console.accounts().putUser(Accounts.validate(name, role, List.of(sites)), PW.toCharArray());
    }

    String token(String name, String role, String... sites) throws Exception {
        return console.accounts().createToken(Accounts.validate(name, role, List.of(sites)));
    }

    HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> api(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the form and returns the Cookie header value. */
    String login(String name) throws Exception {
        String body = Map.of("name", name, "password", PW, "next", "/console/today").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("voc_session="))
                .findFirst()
                .orElseThrow()
                .split(";")[0];
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
        store.close();
        if (pg != null) {
            pg.close();
        }
    }
}
