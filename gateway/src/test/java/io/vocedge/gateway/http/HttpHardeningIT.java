package io.vocedge.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.gateway.GatewayApp;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.testsupport.MosquittoBroker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 11 on the real gateway (real Mosquitto, SQLite file, the real HTTP server on loopback), with
 * real sockets: half request lines, a drip of header bytes, a drip of body bytes, a flood of connections from one
 * address, oversized bodies and headers, the admin token over plain HTTP on a non-loopback bind. Slow clients come
 * from 127.0.0.2 (still loopback), so the per-address limit they trip is theirs, not the health checker's.
 */
class HttpHardeningIT {
    private static final String TOKEN = "test-admin-token-0123456789";
    private static final InetSocketAddress ATTACKER = new InetSocketAddress("127.0.0.2", 0);

    @TempDir
    static Path dir;

    static MosquittoBroker broker;
    static GatewayApp app;
    static int port;
    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        broker = MosquittoBroker.start();
        app = gateway("loopback", """
                http:
                  host: 127.0.0.1
                  header_timeout: 2s
                  request_timeout: 3s
                  idle_timeout: 20s
                  max_threads: 8
                  max_connections_per_address: 6
                  max_body: 16KiB
                  max_header: 4KiB
                """);
        port = URI.create(app.httpUrl()).getPort();
    }

    static GatewayApp gateway(String name, String httpYaml) throws Exception {
        Path cfg = dir.resolve(name + ".yaml");
        Files.writeString(
                cfg,
                "gateway_id: http-it\nadmin_token: " + TOKEN + "\nbroker:\n  url: " + broker.url() + "\n" + httpYaml);
        return GatewayApp.start(GatewayConfig.load(cfg, dir.resolve(name + "-data")));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** GET /health from 127.0.0.1; returns the time it took in ms, asserting 200. */
    static long timedHealth() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(app.httpUrl() + "/health"))
                        .timeout(Duration.ofSeconds(2))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ms;
    }

    static Socket open(InetSocketAddress from) throws IOException {
        Socket s = new Socket();
        s.bind(from);
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        return s;
    }

    /** Blocks until the server closes the socket (EOF or reset); returns ms waited, or -1 if still open at the limit. */
    static long msUntilClosedByServer(Socket s, Duration limit) throws IOException {
        long t0 = System.nanoTime();
        s.setSoTimeout((int) limit.toMillis());
        InputStream in = s.getInputStream();
        try {
            while (in.read() != -1) {
                // discard whatever the server sends before closing (e.g. an error response)
            }
        } catch (SocketTimeoutException e) {
            return -1;
        } catch (IOException reset) {
            // connection reset: closed by the server as well
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void halfRequestLinesDoNotDelayHealthAndAreCutAfterTheHeaderTimeout() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                Socket s = open(ATTACKER);
                s.getOutputStream().write("GET /hea".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            }
            // Two more from the health checker's own address: still fine.
            for (int i = 0; i < 2; i++) {
                Socket s = open(new InetSocketAddress("127.0.0.1", 0));
                s.getOutputStream().write("GET /met".getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            long worst = 0;
            for (int i = 0; i < 5; i++) {
                worst = Math.max(worst, timedHealth());
            }
            org.tinylog.Logger.info(
                    "event=measure what=\"/health worst of 5 with 7 half-request-line sockets open\" ms={}", worst);
            assertThat(worst).isLessThan(2000);
            // Each half-open connection is closed by the server once header_timeout (2 s) has passed.
            for (Socket s : slow) {
                long ms = msUntilClosedByServer(s, Duration.ofSeconds(6));
                assertThat(ms).as("server closed the half request").isNotNegative();
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void aDripOfHeaderBytesIsCutAtTheHeaderTimeout() throws Exception {
        try (Socket s = open(ATTACKER)) {
            OutputStream out = s.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: gw\r\n".getBytes(StandardCharsets.US_ASCII));
            long t0 = System.nanoTime();
            boolean cut = false;
            // One header byte every 200 ms: the idle timeout (20 s) would never fire.
            for (int i = 0; i < 60 && !cut; i++) {
                try {
                    out.write('a');
                    out.flush();
                } catch (IOException e) {
                    cut = true;
                }
                Thread.sleep(200);
                if (s.getInputStream().available() == 0 && isClosedByServer(s)) {
                    cut = true;
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            org.tinylog.Logger.info(
                    "event=measure what=\"slowloris header drip cut after (header_timeout 2 s)\" ms={}", ms);
            assertThat(cut).as("drip cut by the server").isTrue();
            assertThat(ms).isBetween(1500L, 6000L);
        }
        assertThat(timedHealth()).isLessThan(2000);
    }

    @Test
    void aDripOfBodyBytesHoldsNoWorkerAndIsCutAtTheRequestTimeout() throws Exception {
        List<Socket> drips = new ArrayList<>();
        try {
            // More body drippers than the server has worker threads (8): a blocking read would starve /health.
            for (int i = 0; i < 6; i++) {
                Socket s = open(ATTACKER);
                s.getOutputStream()
                        .write(("POST /admin/devices HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + TOKEN
                                        + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"dev")
                                .getBytes(StandardCharsets.US_ASCII));
                drips.add(s);
            }
            for (int i = 0; i < 6; i++) {
                Socket s = open(new InetSocketAddress("127.0.0.3", 0));
                s.getOutputStream()
                        .write(("POST /admin/devices HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + TOKEN
                                        + "\r\nContent-Length: 1000\r\n\r\n{")
                                .getBytes(StandardCharsets.US_ASCII));
                drips.add(s);
            }
            long worst = 0;
            for (int i = 0; i < 5; i++) {
                worst = Math.max(worst, timedHealth());
            }
            org.tinylog.Logger.info(
                    "event=measure what=\"/health worst of 5 with 12 body drippers open (8 worker threads)\" ms={}",
                    worst);
            assertThat(worst).isLessThan(2000);
            for (Socket s : drips) {
                assertThat(msUntilClosedByServer(s, Duration.ofSeconds(8)))
                        .as("body drip cut")
                        .isNotNegative();
            }
        } finally {
            for (Socket s : drips) {
                s.close();
            }
        }
    }

    @Test
    void connectionsBeyondThePerAddressLimitAreClosedAtOnce() throws Exception {
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                flood.add(open(ATTACKER));
            }
            Thread.sleep(500); // well inside header_timeout (2 s): only the limit closes anything yet
            int closedAtOnce = 0;
            for (Socket s : flood) {
                if (isClosedByServer(s)) {
                    closedAtOnce++;
                }
            }
            assertThat(closedAtOnce)
                    .as("connections over max_connections_per_address (6)")
                    .isEqualTo(4);
            assertThat(timedHealth()).isLessThan(2000);
        } finally {
            for (Socket s : flood) {
                s.close();
            }
        }
    }

    @Test
    void oversizedBodiesAndHeadersAreRefusedWithAJsonErrorAndNoStackTrace() throws Exception {
        String big = "{\"device_id\":\"" + "x".repeat(20_000) + "\"}";
        HttpResponse<String> r = http.send(
                admin("/admin/devices")
                        .POST(HttpRequest.BodyPublishers.ofString(big))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body())
                .contains("\"error\"")
                .contains("larger than 16384 bytes")
                .doesNotContain("at org.", "Exception");

        // Chunked (no Content-Length): refused while reading.
        try (Socket s = open(new InetSocketAddress("127.0.0.1", 0))) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /admin/devices HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + TOKEN
                            + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 20; i++) {
                out.write(("400\r\n" + "y".repeat(0x400) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(5000);
            String head = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(head).isEqualTo("HTTP/1.1 413");
        }

        HttpResponse<String> h = http.send(
                HttpRequest.newBuilder(URI.create(app.httpUrl() + "/health"))
                        .header("X-Padding", "p".repeat(6000))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(h.statusCode()).isEqualTo(431);
        assertThat(h.body()).contains("larger than 4096 bytes").doesNotContain("at org.");
    }

    @Test
    void errorsAreJsonNamingTheProblem() throws Exception {
        HttpResponse<String> nf =
                http.send(admin("/admin/nothing-here").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(nf.statusCode()).isEqualTo(404);
        assertThat(nf.body()).contains("no such endpoint: GET /admin/nothing-here");
        HttpResponse<String> bad = http.send(
                admin("/admin/devices")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"password\": \"hunter2"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("malformed JSON at line 1").doesNotContain("hunter2");
        HttpResponse<String> noToken = http.send(
                HttpRequest.newBuilder(URI.create(app.httpUrl() + "/admin/devices"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.body()).contains("missing or wrong bearer token");
        // Loopback plain HTTP stays allowed for the demo.
        HttpResponse<String> ok =
                http.send(admin("/admin/devices").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void theAdminTokenIsRefusedOverPlainHttpOnANonLoopbackBind() throws Exception {
        GatewayApp open = gateway("anyaddress", "http:\n  host: 0.0.0.0\n");
        try {
            int p = URI.create(open.httpUrl()).getPort();
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/admin/devices"))
                            .header("Authorization", "Bearer " + TOKEN)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("not accepted over plain HTTP").contains("http.tls");
            // A wrong token gets the same answer: the token is not even looked at.
            HttpResponse<String> wrong = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/admin/devices"))
                            .header("Authorization", "Bearer nope")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).isEqualTo(403);
            // /health stays open without a token. Awaited: right after start on a loaded machine the bounded store
            // ping may still answer store_busy (503), which is /health doing its job, not what this test is about.
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(http.send(
                                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/health"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .statusCode())
                            .isEqualTo(200));
        } finally {
            open.close();
        }
    }

    private static HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(app.httpUrl() + path))
                .header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(5));
    }

    /** Non-blocking check: a read with a tiny timeout returns -1 (EOF) once the server has closed. */
    private static boolean isClosedByServer(Socket s) throws IOException {
        s.setSoTimeout(1);
        try {
            return s.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
