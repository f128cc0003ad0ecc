package io.vocedge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.testsupport.MosquittoBroker;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole gateway with alerts on: records over a real Mosquitto fire a rule in the store transaction, the webhook
 * arrives, and the notification's signed link acknowledges the case - and what an attacker would try with the link
 * and the case API fails.
 */
class GatewayAlertsIT {
    private static final String LINK_SECRET = "link-secret-0123456789abcdef0123456789";
    private static final String TOKEN = "admin-token-0123456789";

    @TempDir
    Path dir;

    @Test
    void aRecordFiresTheRuleAndTheSignedLinkAcknowledgesItsCaseButNothingElse() throws Exception {
        List<JsonNode> hooks = new CopyOnWriteArrayList<>();
        ObjectMapper json = new ObjectMapper();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", ex -> {
            hooks.add(json.readTree(ex.getRequestBody().readAllBytes()));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        try (MosquittoBroker broker = MosquittoBroker.start()) {
            Path cfg = dir.resolve("gateway.yaml");
            Files.writeString(cfg, """
                    gateway_id: it-alerts
                    broker: {url: %s}
                    admin_token: %s
                    alerts:
                      link_secret: %s
                      channels: [{id: hook, kind: webhook, url: "http://127.0.0.1:%d/voc", secret: "0123456789abcdef0123456789"}]
                      rules: [{id: delivery, kind: negative_utterance, topics: [delivery], max_score: -0.5}]
                    """.formatted(
                    broker.url(), TOKEN, LINK_SECRET, receiver.getAddress().getPort()));
            try (GatewayApp app = GatewayApp.start(GatewayConfig.load(cfg, dir.resolve("data")));
                    FakeDevice dev = new FakeDevice(broker.url(), "site-a", "dev-1")) {
                dev.publish(dev.batch("b1", 1, 20));
                await().atMost(Duration.ofSeconds(30)).until(() -> hooks.size() == 1);
                JsonNode alert = hooks.get(0).path("data").path("alerts").get(0);
                String caseId = alert.path("case_id").asText();
                String ack = alert.path("links").path("ack").asText();
                assertThat(ack).startsWith(app.httpUrl() + "/alerts/cases/" + caseId + "/ack?exp=");
                HttpClient http = HttpClient.newHttpClient();

                // Opening the link (a chat app's preview does) only shows a form.
                HttpResponse<String> page = http.send(
                        HttpRequest.newBuilder(URI.create(ack)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("<form method=\"post\">");
                assertThat(page.headers().firstValue("Content-Security-Policy"))
                        .hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
                assertThat(state(http, app, caseId)).isEqualTo("open");

                // Tampered signature, another case's link, another action, a stretched expiry: 403, nothing changes.
                String sig = ack.substring(ack.indexOf("sig=") + 4);
                String flipped = (sig.charAt(0) == 'A' ? 'B' : 'A') + sig.substring(1);
                for (String bad : List.of(
                        ack.replace("sig=" + sig, "sig=" + flipped),
                        ack.replace("/ack?", "/resolve?"),
                        ack.replace(caseId, "00000000-0000-0000-0000-000000000000"),
                        ack.replaceFirst("exp=(\\d+)", "exp=99999999999"),
                        ack.substring(0, ack.indexOf('?')))) {
                    HttpResponse<String> r = post(http, bad, "actor=mallory");
                    assertThat(r.statusCode()).as(bad).isEqualTo(403);
                }
                assertThat(state(http, app, caseId)).isEqualTo("open");

                assertThat(post(http, ack, "actor=Li").statusCode()).isEqualTo(200);
                assertThat(state(http, app, caseId)).isEqualTo("acknowledged");
                assertThat(post(http, ack, "actor=Li").statusCode()).isEqualTo(409);

                // The case API needs the admin token.
                HttpResponse<String> anon = http.send(
                        HttpRequest.newBuilder(URI.create(app.httpUrl() + "/admin/alerts/cases"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(anon.statusCode()).isEqualTo(401);
                HttpResponse<String> resolve = http.send(
                        HttpRequest.newBuilder(URI.create(app.httpUrl() + "/admin/alerts/cases/" + caseId + "/resolve"))
                                .header("Authorization", "Bearer " + TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"called back\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(resolve.statusCode()).isEqualTo(200);
                JsonNode detail = json.readTree(http.send(
                                HttpRequest.newBuilder(URI.create(app.httpUrl() + "/admin/alerts/cases/" + caseId))
                                        .header("Authorization", "Bearer " + TOKEN)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
                assertThat(detail.path("state").asText()).isEqualTo("resolved");
                assertThat(detail.path("resolution").asText()).isEqualTo("called back");
                assertThat(detail.path("events").findValuesAsText("actor"))
                        .containsExactly("system", "link:Li", "admin");

                // The device's resend of the same batch: acked after its (empty) commit, no second alert or case.
                int acks = dev.acks.size();
                dev.publish(dev.batch("b1", 1, 20));
                await().atMost(Duration.ofSeconds(20)).until(() -> dev.acks.size() > acks);
                JsonNode cases = json.readTree(http.send(
                                HttpRequest.newBuilder(URI.create(app.httpUrl() + "/admin/alerts/cases"))
                                        .header("Authorization", "Bearer " + TOKEN)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
                assertThat(cases).hasSize(1);
                assertThat(cases.get(0).path("alerts").asInt()).isEqualTo(1);
            }
        } finally {
            receiver.stop(0);
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String state(HttpClient http, GatewayApp app, String caseId) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(app.httpUrl() + "/admin/alerts/cases/" + caseId))
                        .header("Authorization", "Bearer " + TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body()).path("state").asText();
    }
}
