package io.vocedge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.protocol.PemTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's HTTPS with a server certificate from the fleet CA, as a technician sets it up: {@code voc-provision ca
 * init}, {@code gateway enroll --http-host}, the gateway jar with {@code http.tls} on all interfaces, and clients that
 * trust the fleet CA alone. And the other side: the same gateway without TLS refuses the admin token, says why, and
 * logs it.
 */
class GatewayHttpsIT {
    private static final String TOKEN = "system-test-admin-token-0123";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void httpsWithAFleetCaCertificateServesClientsThatTrustOnlyTheFleetCa() throws Exception {
        Path pass = Files.writeString(dir.resolve("passphrase"), "correct horse battery staple\n");
        Path ca = dir.resolve("ca");
        Path gw = dir.resolve("gw");
        String enrolled = provision("ca", "init", "--dir", ca.toString(), "--passphrase-file", pass.toString());
        enrolled = provision(
                "gateway",
                "enroll",
                "--ca",
                ca.toString(),
                "--passphrase-file",
                pass.toString(),
                "--id",
                "gw-tls",
                "--out",
                gw.toString(),
                "--http-host",
                "127.0.0.1",
                "--http-host",
                "localhost");
        assertThat(enrolled).contains("http.pem").contains("tls: {cert_file: http.pem, key_file: http.key}");

        try (JarProcess gateway = gateway(
                "tls",
                "http:\n  host: 0.0.0.0\n  tls:\n    cert_file: " + gw.resolve("http.pem") + "\n    key_file: "
                        + gw.resolve("http.key") + "\n")) {
            String url = json.readTree(dir.resolve("tls-data/runtime.json").toFile())
                    .get("http_url")
                    .asText();
            assertThat(url).startsWith("https://");
            int port = URI.create(url).getPort();
            HttpClient fleetOnly = HttpClient.newBuilder()
                    .sslContext(PemTls.trusting(ca.resolve("ca.pem")))
                    .connectTimeout(Duration.ofSeconds(30))
                    .build(); // generous: a first TLS handshake on a loaded 2-core machine

            // By address and by name, both in the certificate; the admin API works over TLS on a non-loopback bind.
            HttpResponse<String> admin = fleetOnly.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/admin/devices"))
                            .header("Authorization", "Bearer " + TOKEN)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
            assertThat(fleetOnly
                            .send(
                                    HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/health"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);

            // A client that trusts only the JDK's public CAs refuses the gateway; so does one reaching it by a name
            // the certificate does not carry (127.0.0.2 is this machine too).
            assertThatThrownBy(() -> HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/health"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
            assertThatThrownBy(() -> fleetOnly.send(
                            HttpRequest.newBuilder(URI.create("https://127.0.0.2:" + port + "/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);

            // The technician's tool over HTTPS, trusting the fleet CA.
            Path token = Files.writeString(dir.resolve("token"), TOKEN + "\n");
            String fleet = provision(
                    "fleet",
                    "list",
                    "--gateway",
                    "https://127.0.0.1:" + port,
                    "--token-file",
                    token.toString(),
                    "--gateway-ca",
                    ca.resolve("ca.pem").toString());
            assertThat(fleet).contains("0 devices, 0 online");
        }
    }

    @Test
    void plainHttpOnAllInterfacesRefusesTheAdminTokenAndSaysSoInResponseAndLog() throws Exception {
        try (JarProcess gateway = gateway("plain", "http:\n  host: 0.0.0.0\n")) {
            String url = json.readTree(dir.resolve("plain-data/runtime.json").toFile())
                    .get("http_url")
                    .asText();
            int port = URI.create(url).getPort();
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/devices"))
                                    .header("Authorization", "Bearer " + TOKEN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("not accepted over plain HTTP").contains("http.tls");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> gateway.logText().contains("event=admin_refused_plain_http"));
            assertThat(gateway.logText())
                    .contains("event=http_plain_on_network")
                    .doesNotContain(TOKEN);

            // Issue 11, attack 4, on the real process: sockets that send half a request line and stop (two of them
            // once took /health, /metrics and the admin API down for minutes) do not delay /health.
            List<java.net.Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 7; i++) {
                    java.net.Socket sock = new java.net.Socket("127.0.0.1", port);
                    sock.getOutputStream().write("GET /hea".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    sock.getOutputStream().flush();
                    slow.add(sock);
                }
                HttpClient client = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(2))
                        .build();
                for (int i = 0; i < 3; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> health = client.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                    assertThat(ms)
                            .as("/health with 7 half-request sockets open")
                            .isLessThan(2000);
                }
            } finally {
                for (java.net.Socket sock : slow) {
                    sock.close();
                }
            }
        }
    }

    private JarProcess gateway(String name, String httpYaml) throws Exception {
        Path cfg = dir.resolve(name + ".yaml");
        Files.writeString(cfg, "gateway_id: gw-" + name + "\nadmin_token: " + TOKEN + "\n" + httpYaml);
        Path data = dir.resolve(name + "-data");
        JarProcess g = new JarProcess(
                "gateway " + name,
                JarProcess.jar("voc.gateway.jar"),
                dir.resolve(name + ".log"),
                List.of("run", "--config", cfg.toString(), "--data-dir", data.toString()),
                Map.of());
        g.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(data.resolve("runtime.json")) || !g.isAlive());
        assertThat(g.isAlive())
                .as("gateway %s running; log:%n%s", name, g.logText())
                .isTrue();
        return g;
    }

    private static String provision(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JarProcess.jar("voc.provision.jar").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as("voc-provision %s:%n%s", String.join(" ", args), out)
                .isZero();
        return out;
    }
}
