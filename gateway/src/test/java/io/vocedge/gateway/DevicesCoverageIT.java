package io.vocedge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.cli.GatewayMain;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.console.auth.Accounts;
import io.vocedge.gateway.console.auth.ConsoleUser;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.OutboxState;
import io.vocedge.protocol.Status;
import io.vocedge.protocol.Topics;
import io.vocedge.testsupport.MosquittoBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Coverage for operators on the real gateway (real Mosquitto, SQLite file): records arrive with gaps, the device's
 * status carries its outbox state, and {@code voc-gateway devices} and {@code GET /api/v1/devices} report per device
 * the highest contiguous seq, the gaps, last seen, outbox depth and oldest unsent age - the API only within the
 * caller's sites.
 */
class DevicesCoverageIT {
    @TempDir
    Path dir;

    private final ObjectMapper json = Json.newMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private static String cli(String... args) {
        CommandLine cli = GatewayMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return exit + ":" + out + err;
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void gapsLastSeenAndOutboxStateArePerDeviceAndTheApiStaysWithinTheCallersSites() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start()) {
            Path cfg = Files.writeString(
                    dir.resolve("gw.yaml"), "gateway_id: cov\nbroker:\n  url: " + broker.url() + "\n");
            GatewayApp app = GatewayApp.start(GatewayConfig.load(cfg, dir.resolve("data")));
            try (app;
                    FakeDevice a = new FakeDevice(broker.url(), "site-a", "dev-a1");
                    FakeDevice b = new FakeDevice(broker.url(), "site-b", "dev-b1")) {
                a.publish(a.batch("a1", 1, 3));
                a.publish(a.batch("a2", 5, 6));
                a.publish(a.batch("a3", 9, 9));
                b.publish(b.batch("b1", 1, 2));
                Instant oldest = Instant.now().minusSeconds(120);
                Status st = new Status(
                        "dev-a1",
                        "site-a",
                        Status.ONLINE,
                        Instant.now(),
                        true,
                        "1.0",
                        Map.of(),
                        new OutboxState(3, oldest, 9, 0));
                await().atMost(Duration.ofSeconds(30)).until(() -> a.acks.size() == 3 && b.acks.size() == 1);
                // After the first records: a status of a device the registry does not know yet changes no row.
                a.publishOn(Topics.status("site-a", "dev-a1"), json.writeValueAsBytes(st));
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> cli(
                                        "devices",
                                        "--data-dir",
                                        dir.resolve("data").toString(),
                                        "--json")
                                .contains("\"outbox_depth\":3"));

                String table = cli("devices", "--data-dir", dir.resolve("data").toString());
                assertThat(table)
                        .startsWith("0:")
                        .contains("dev-a1")
                        .contains("4,7-8 (3 missing)")
                        .contains("dev-b1");
                String siteB =
                        cli("devices", "--data-dir", dir.resolve("data").toString(), "--site", "site-b", "--json");
                assertThat(siteB).contains("\"device_id\":\"dev-b1\"").doesNotContain("dev-a1");
                JsonNode devA = json.readTree(
                        cli("devices", "--data-dir", dir.resolve("data").toString(), "--site", "site-a", "--json")
                                .substring(2));
                assertThat(devA.get("stored").asLong()).isEqualTo(6);
                assertThat(devA.get("max_seq").asLong()).isEqualTo(9);
                assertThat(devA.get("contiguous_to").asLong()).isEqualTo(3);
                assertThat(devA.get("gaps").toString()).isEqualTo("[[4,4],[7,8]]");
                assertThat(devA.get("device_last_seq").asLong()).isEqualTo(9);
                assertThat(devA.get("oldest_unsent_age_s").asLong()).isBetween(119L, 400L);
                assertThat(devA.get("last_seen").asText()).isNotEmpty();
                assertThat(cli("devices", "--data-dir", dir.resolve("data").toString(), "--site", "Site B;"))
                        .startsWith("2:")
                        .contains("is not a site id");

                Accounts accounts = app.console().accounts();
                ConsoleUser mgrA = Accounts.validate("mgr-a", "site_manager", List.of("site-a"));
                accounts.putUser(mgrA, "correct horse battery".toCharArray());
                String tokenA = accounts.createToken(mgrA);
                ConsoleUser analyst = Accounts.validate("ana", "analyst", List.of());
                accounts.putUser(analyst, "correct horse battery".toCharArray());
                String tokenAll = accounts.createToken(analyst);
                String api = app.httpUrl() + "/api/v1/devices";

                assertThat(get(api, null).statusCode()).as("no credentials").isEqualTo(401);
                assertThat(get(api, "voc_000000000000_" + "0".repeat(64)).statusCode())
                        .as("forged token")
                        .isEqualTo(401);
                HttpResponse<String> all = get(api, tokenAll);
                assertThat(all.statusCode()).isEqualTo(200);
                assertThat(all.body()).contains("dev-a1").contains("dev-b1");
                HttpResponse<String> onlyA = get(api, tokenA);
                assertThat(onlyA.body()).contains("dev-a1").doesNotContain("dev-b1");
                HttpResponse<String> askForB = get(api + "?site=site-b", tokenA);
                assertThat(askForB.statusCode()).isEqualTo(200);
                assertThat(json.readTree(askForB.body()).get("devices"))
                        .as("another site's devices: none")
                        .isEmpty();
                assertThat(get(api + "?site=%27%20OR%201=1", tokenAll).statusCode())
                        .isEqualTo(400);
            }
        }
    }
}
