package io.vocedge.gateway.certs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.GatewayApp;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.protocol.PemTls;
import io.vocedge.provisioning.ca.FleetCa;
import io.vocedge.provisioning.ca.Pem;
import io.vocedge.testsupport.MosquittoBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates over time (issue 11): a real gateway with real certificates and a real CRL from the fleet CA code,
 * some of them short-lived. Within 30 days of an expiry {@code /health} stays up (200) and lists warnings; once the
 * CRL has expired it is down (503); a refreshed CRL is seen without a restart. {@code /metrics} has the seconds left.
 */
class CertificateExpiryIT {
    private static final char[] PASS = "correct horse battery staple".toCharArray();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void healthAndMetricsWarnBeforeExpiryAndGoDownOnlyOnceExpired() throws Exception {
        Instant now = Instant.now();
        Path caDir = dir.resolve("ca");
        // A CA made 400 days ago (valid 10 years) whose clock stays there: its CRLs are signed "then", so a validity of
        // 398 days has already run out and one of 420 days has 20 left. One CA, one slow key derivation.
        Clock past = Clock.fixed(now.minus(Duration.ofDays(400)), ZoneOffset.UTC);
        FleetCa ca = FleetCa.create(caDir, PASS.clone(), "expiry-it", Duration.ofDays(3650), past);

        var gwKeys = FleetCa.newKeyPair();
        Path gwCert = write(
                "gateway.pem",
                Pem.encode(ca.issue(
                        "gw-expiry",
                        gwKeys.getPublic(),
                        FleetCa.Purpose.CLIENT,
                        List.of(),
                        now.minus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(10)))));
        Path gwKey = write("gateway.key", FleetCa.privateKeyPem(gwKeys.getPrivate()));
        var httpKeys = FleetCa.newKeyPair();
        Path httpCert = write(
                "http.pem",
                Pem.encode(ca.issue(
                        "127.0.0.1",
                        httpKeys.getPublic(),
                        FleetCa.Purpose.SERVER,
                        List.of("127.0.0.1"),
                        now.minusSeconds(60),
                        now.plus(Duration.ofDays(365)))));
        Path httpKey = write("http.key", FleetCa.privateKeyPem(httpKeys.getPrivate()));
        Path crl = write("crl.pem", Pem.encode(ca.crl(Map.of(), Duration.ofDays(420))));

        try (MosquittoBroker broker = MosquittoBroker.start()) {
            Path cfg = dir.resolve("gateway.yaml");
            Files.writeString(
                    cfg, """
                    gateway_id: expiry-it
                    broker:
                      url: %s
                      ca_file: %s
                      cert_file: %s
                      key_file: %s
                      crl_file: %s
                    http:
                      host: 127.0.0.1
                      tls: {cert_file: %s, key_file: %s}
                    """.formatted(broker.url(), caDir.resolve("ca.pem"), gwCert, gwKey, crl, httpCert, httpKey));
            try (GatewayApp app = GatewayApp.start(GatewayConfig.load(cfg, dir.resolve("data")))) {
                HttpClient http = HttpClient.newBuilder()
                        .sslContext(PemTls.trusting(caDir.resolve("ca.pem")))
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                String base = app.httpUrl();
                assertThat(base).startsWith("https://");
                awaitBrokerConnected(http, base);

                // 10 and 20 days left: warnings, still up.
                HttpResponse<String> h = get(http, base + "/health");
                JsonNode body = json.readTree(h.body());
                assertThat(h.statusCode()).as(h.body()).isEqualTo(200);
                assertThat(body.get("status").asText()).isEqualTo("up");
                assertThat(states(body))
                        .containsEntry("broker_ca", "ok")
                        .containsEntry("broker_cert", "expiring")
                        .containsEntry("broker_crl", "expiring")
                        .containsEntry("http_cert", "ok");
                assertThat(body.get("warnings")).hasSize(2);
                assertThat(body.get("warnings").get(0).asText())
                        .startsWith("broker_cert")
                        .contains("expires in 9 days");
                assertThat(body.get("warnings").get(1).asText())
                        .startsWith("broker_crl")
                        .contains("crl refresh");

                String metrics = get(http, base + "/metrics").body();
                assertThat(gauge(metrics, "broker_cert")).isBetween(9 * 86_400.0, 10 * 86_400.0);
                assertThat(gauge(metrics, "broker_crl")).isBetween(19 * 86_400.0, 20 * 86_400.0);
                assertThat(gauge(metrics, "broker_ca")).isGreaterThan(3000 * 86_400.0);
                assertThat(gauge(metrics, "http_cert")).isGreaterThan(364 * 86_400.0);

                // The CRL expired a day ago: Mosquitto would refuse everyone now. Down.
                replace(crl, Pem.encode(ca.crl(Map.of(), Duration.ofDays(399))));
                h = get(http, base + "/health");
                body = json.readTree(h.body());
                assertThat(h.statusCode()).as(h.body()).isEqualTo(503);
                assertThat(body.get("status").asText()).isEqualTo("down");
                assertThat(body.get("broker_connected").asBoolean()).isTrue();
                assertThat(states(body)).containsEntry("broker_crl", "expired");
                assertThat(gauge(get(http, base + "/metrics").body(), "broker_crl"))
                        .isBetween(-86_400.0 - 60, -86_400.0 + 60);

                // 'crl refresh' wrote a new one: seen at the next request, no restart.
                replace(crl, Pem.encode(ca.crl(Map.of(), Duration.ofDays(765))));
                h = get(http, base + "/health");
                body = json.readTree(h.body());
                assertThat(h.statusCode()).as(h.body()).isEqualTo(200);
                assertThat(states(body)).containsEntry("broker_crl", "ok");
                assertThat(body.get("warnings")).hasSize(1);
            }
        }
    }

    private Path write(String name, byte[] pem) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, pem);
        return f;
    }

    /** As 'crl refresh' does: a new file renamed over the old one. */
    private void replace(Path file, byte[] pem) throws Exception {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, pem);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, String> states(JsonNode health) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        health.get("certificates")
                .forEach(c -> out.put(c.get("name").asText(), c.get("state").asText()));
        return out;
    }

    private static double gauge(String metrics, String name) {
        Matcher m = Pattern.compile(
                        "^" + CertificateWatch.METRIC + "\\{name=\"" + name + "\"} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        assertThat(m.find())
                .as("%s for %s in:%n%s", CertificateWatch.METRIC, name, metrics)
                .isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitBrokerConnected(HttpClient http, String base) {
        org.awaitility.Awaitility.await("gateway connected to the broker")
                .atMost(Duration.ofSeconds(30))
                .until(() -> json.readTree(get(http, base + "/health").body())
                        .path("broker_connected")
                        .asBoolean());
    }
}
