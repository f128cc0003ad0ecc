package io.vocedge.gateway.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vocedge.gateway.GatewayApp;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.console.Browser;
import io.vocedge.gateway.console.auth.Accounts;
import io.vocedge.protocol.OutboxState;
import io.vocedge.testsupport.MosquittoBroker;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Fleet page (issue 14) in real headless Chromium against a real gateway and Mosquitto. Devices are real MQTT
 * clients publishing retained statuses with the agent's last will: one online, one that vanishes (the broker publishes
 * its will), one whose last status is older than 90 s, and one at another site. Screenshots land in
 * {@code gateway/target/screenshots/FleetBrowserIT/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetBrowserIT {
    static final String PW = "correct horse battery";
    static final String TOKEN = "fleet-admin-token-0123456789";

    @TempDir
    static Path dir;

    static MosquittoBroker broker;
    static GatewayApp app;
    static Browser browser;
    static StatusDevice a1;
    static StatusDevice a2;
    static StatusDevice a3;
    static StatusDevice b1;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String HOSTILE = "<img src=x id=pwned onerror=alert(1)>";

    @BeforeAll
    static void start() throws Exception {
        broker = MosquittoBroker.start();
        Path cfg = dir.resolve("gw.yaml");
        Files.writeString(
                cfg, "gateway_id: fleet-it\nbroker:\n  url: " + broker.url() + "\nadmin_token: " + TOKEN + "\n");
        app = GatewayApp.start(GatewayConfig.load(cfg, dir.resolve("data")));
        Accounts accounts = app.console().accounts();
        accounts.putUser(Accounts.validate("root", "admin", List.of()), PW.toCharArray());
        accounts.putUser(Accounts.validate("ana", "analyst", List.of()), PW.toCharArray());
        accounts.putUser(Accounts.validate("mgr-a", "site_manager", List.of("site-a")), PW.toCharArray());
        register("dev-a1", "site-a", "Front desk");
        register("dev-a2", "site-a", "Showroom");
        register("dev-a3", "site-a", "Service bay");
        register("dev-b1", "site-b", "Site B door");
        Instant now = Instant.now();
        Map<String, Object> a1Health = Map.of(
                "lexicon_version",
                "2026.11.1",
                "muted",
                false,
                "disk_state",
                "ok",
                "disk_free_mb",
                5120,
                "audio_state",
                "running",
                "mic_dead_channels",
                0,
                "mic_clipping",
                false);
        a1 = new StatusDevice(broker.url(), "site-a", "dev-a1", "1.4.2", a1Health);
        a1.online(now, "1.4.2", a1Health, new OutboxState(3, now.minusSeconds(125), 812, 0));
        Map<String, Object> a2Health = Map.of(
                "lexicon_version",
                "2026.10.2",
                "muted",
                true,
                "disk_state",
                "low",
                "disk_problem",
                "212 MB free",
                "audio_state",
                "reopening",
                "audio_last_fault",
                "device unplugged");
        a2 = new StatusDevice(broker.url(), "site-a", "dev-a2", "1.4.1", a2Health);
        a2.online(now, "1.4.1", a2Health, new OutboxState(0, null, 40, 0));
        // Its lexicon version is hostile text: the page must show it as text, never run it.
        Map<String, Object> a3Health = Map.of("muted", false, "lexicon_version", HOSTILE);
        a3 = new StatusDevice(broker.url(), "site-a", "dev-a3", "1.4.2", a3Health);
        a3.online(
                now.minus(Duration.ofMinutes(4)),
                "1.4.2",
                a3Health,
                new OutboxState(57, now.minusSeconds(3600), 990, 0));
        Map<String, Object> b1Health = Map.of("muted", false, "lexicon_version", "2026.11.1");
        b1 = new StatusDevice(broker.url(), "site-b", "dev-b1", "1.4.2", b1Health);
        b1.online(now, "1.4.2", b1Health, new OutboxState(0, null, 5, 0));
        awaitStatus("dev-a1", true);
        awaitStatus("dev-a2", true);
        a2.vanish(); // the broker publishes dev-a2's last will
        awaitStatus("dev-a2", false);
        awaitStatus("dev-b1", true);
        browser = Browser.start(app.httpUrl(), FleetBrowserIT.class);
    }

    static void register(String id, String site, String name) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(app.httpUrl() + "/admin/devices"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"device_id\":\"" + id + "\",\"site\":\"" + site + "\",\"name\":\"" + name + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    static void awaitStatus(String id, boolean online) {
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        app.store().device(id).map(d -> d.online() == online).orElse(false));
    }

    @AfterAll
    static void stop() throws Exception {
        for (StatusDevice d : new StatusDevice[] {a1, a2, a3, b1}) {
            if (d != null) {
                d.close();
            }
        }
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void fresh() {
        browser.desktop();
        browser.open("/login?lang=en");
        browser.deleteCookies();
    }

    static WebElement row(String device) {
        return browser.find(By.id("device-" + device));
    }

    @Test
    @Order(1)
    void adminSeesEveryDeviceOnlineAndOfflineWithItsHealth() throws Exception {
        browser.open("/console/fleet").login("root", PW).shot("fleet-admin");
        assertThat(browser.path()).isEqualTo("/console/fleet");
        assertThat(browser.all(By.cssSelector("#fleet-rows tr.device")))
                .extracting(e -> e.getAttribute("data-device"))
                .containsExactly("dev-a1", "dev-a3", "dev-a2", "dev-b1"); // by site, then name
        WebElement a1Row = row("dev-a1");
        assertThat(a1Row.getAttribute("class")).contains("is-online");
        assertThat(a1Row.findElement(By.cssSelector("td.state")).getText()).isEqualTo("online");
        assertThat(a1Row.getText()).contains("Front desk", "1.4.2", "2026.11.1", "5120 MB");
        assertThat(a1Row.findElement(By.cssSelector("td.outbox")).getText()).isEqualTo("3");
        assertThat(a1Row.findElement(By.cssSelector("td.oldest")).getText()).startsWith("2 min");
        assertThat(a1Row.findElement(By.cssSelector("td.muted")).getText()).isEqualTo("no");
        assertThat(a1Row.findElement(By.cssSelector("td.mic")).getText()).isEqualTo("ok");

        // Vanished: the broker's last will made it offline; its last online status still tells its health.
        WebElement a2Row = row("dev-a2");
        assertThat(a2Row.getAttribute("class")).contains("is-offline");
        assertThat(a2Row.findElement(By.cssSelector("td.state")).getText()).isEqualTo("offline (said offline)");
        // Silent for four minutes (no will ever came): offline by status age.
        WebElement a3Row = row("dev-a3");
        assertThat(a3Row.findElement(By.cssSelector("td.state")).getText()).isEqualTo("offline (silent over 90 s)");
        assertThat(a3Row.findElement(By.cssSelector("td.outbox")).getText()).isEqualTo("57");
        assertThat(a3Row.findElement(By.cssSelector("td.oldest")).getText()).isEqualTo("1 h 0 min");
        assertThat(row("dev-b1").getAttribute("class")).contains("is-online");

        // Zh, and a manager's phone: the page fits the width and keeps every field as a labelled card.
        browser.visit("/console/fleet?lang=zh", "fleet-zh");
        assertThat(row("dev-a1").findElement(By.cssSelector("td.state")).getText())
                .isEqualTo("在线");
        assertThat(row("dev-a2").findElement(By.cssSelector("td.state")).getText())
                .contains("离线");
        browser.open("/console/fleet?lang=en");
        browser.phone();
        browser.visit("/console/fleet", "fleet-phone");
        assertThat(browser.overflowsHorizontally())
                .as("fleet page wider than a phone")
                .isFalse();
        assertThat(row("dev-a2").getText()).contains("reopening: device unplugged", "low: 212 MB free", "2026.10.2");
    }

    @Test
    @Order(2)
    void thePageFollowsADeviceGoingOfflineByItself() throws Exception {
        browser.open("/console/fleet").login("root", PW);
        assertThat(row("dev-b1").getAttribute("class")).contains("is-online");
        b1.vanish();
        // htmx polls /console/fleet/rows every 10 s: no reload.
        browser.waitFor(d -> row("dev-b1").getAttribute("class").contains("is-offline"));
        browser.shot("fleet-b1-went-offline");
        assertThat(row("dev-b1").findElement(By.cssSelector("td.state")).getText())
                .isEqualTo("offline (said offline)");
    }

    @Test
    @Order(3)
    void siteManagerSeesOnlyTheirSitesDevices() throws Exception {
        browser.open("/console/fleet").login("mgr-a", PW).shot("fleet-site-manager");
        assertThat(browser.all(By.cssSelector("#fleet-rows tr.device")))
                .extracting(e -> e.getAttribute("data-device"))
                .containsExactly("dev-a1", "dev-a3", "dev-a2");
        assertThat(browser.text()).doesNotContain("dev-b1", "Site B door", "site-b");
        // The polled fragment is scoped the same way.
        browser.open("/console/fleet/rows");
        assertThat(browser.driver().getPageSource()).contains("dev-a1").doesNotContain("dev-b1");
    }

    @Test
    @Order(4)
    void analystSeesEveryDeviceButNoCommands() throws Exception {
        browser.open("/console/fleet").login("ana", PW).shot("fleet-analyst");
        assertThat(browser.all(By.cssSelector("#fleet-rows tr.device"))).hasSize(4);
        assertThat(browser.all(By.cssSelector("a.cmd"))).isEmpty();
        assertThat(browser.text()).contains("online", "offline");
    }

    @Test
    @Order(5)
    void siteManagerConfirmsAMuteThatReachesTheDeviceAndIsAudited() throws Exception {
        browser.open("/console/fleet").login("mgr-a", PW);
        browser.find(By.id("cmd-mute-dev-a1")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/confirm"));
        browser.shot("confirm-mute");
        assertThat(browser.find(By.id("confirm-command")).getText()).isEqualTo("Mute");
        assertThat(browser.find(By.id("confirm-device")).getText()).contains("Front desk", "dev-a1");
        assertThat(a1.commands).as("nothing is sent before the confirmation").isEmpty();

        browser.find(By.id("confirm-send")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/console/fleet?sent="));
        String commandId = browser.path().substring("/console/fleet?sent=".length());
        assertThat(browser.find(By.id("command-sent")).getText()).contains(commandId);

        // A real subscriber on the device's command topic gets the voc.command/1.
        await().atMost(Duration.ofSeconds(30)).until(() -> !a1.commands.isEmpty());
        String delivered = a1.commands.peek();
        assertThat(delivered).startsWith("voc/v1/site-a/dev-a1/down/command ");
        var cmd = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(delivered.substring(delivered.indexOf(' ') + 1));
        assertThat(cmd.path("name").asText()).isEqualTo("mute");
        assertThat(cmd.path("command_id").asText()).isEqualTo(commandId);
        assertThat(cmd.path("device_id").asText()).isEqualTo("dev-a1");
        assertThat(cmd.path("schema").asText()).isEqualTo("voc.command/1");

        // Audited: who, what, which device, when.
        Map<String, Object> entry = app.console().audit().recent(20).stream()
                .filter(e -> "fleet_command".equals(e.get("action")))
                .findFirst()
                .orElseThrow();
        assertThat(entry)
                .containsEntry("actor", "mgr-a")
                .containsEntry("target", "dev-a1")
                .containsEntry("site", "site-a");
        assertThat((String) entry.get("detail")).contains("command=mute", "command_id=" + commandId);
        assertThat(Instant.parse((String) entry.get("at")))
                .isAfter(Instant.now().minus(Duration.ofMinutes(5)));

        // The device answers; the page shows the result without a reload.
        WebElement pending =
                browser.find(By.cssSelector("#command-rows tr[data-command='" + commandId + "'] td.result"));
        assertThat(pending.getText()).isEqualTo("waiting for the device");
        a1.answer(commandId, true, "muted");
        browser.waitFor(
                d -> d.findElement(By.cssSelector("#command-rows tr[data-command='" + commandId + "'] td.result"))
                        .getText()
                        .equals("✔ muted"));
        browser.shot("command-answered");
        assertThat(browser.find(By.cssSelector("#command-rows tr[data-command='" + commandId + "']"))
                        .getText())
                .contains("dev-a1", "Mute", "mgr-a");
    }

    @Test
    @Order(6)
    void siteManagerIsRefusedAnotherSitesDeviceOnThePageTheApiAndTheCommandPost() throws Exception {
        browser.open("/console/fleet").login("mgr-a", PW);
        browser.visit("/console/fleet/dev-b1/confirm?command=mute", "confirm-other-site-refused");
        assertThat(browser.text()).contains("404").doesNotContain("Site B door");
        assertThat(browser.all(By.id("confirm-send"))).isEmpty();

        HttpResponse<String> api = get("/api/v1/devices");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("dev-a1").doesNotContain("dev-b1", "site-b");
        assertThat(get("/api/v1/devices?site=site-b").body()).doesNotContain("dev-b1");

        HttpResponse<String> post = post("/console/fleet/dev-b1/commands", "command=mute", csrf());
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(post.body()).doesNotContain("Site B door");
        assertThat(b1.commands).isEmpty();
        assertThat(app.console().audit().recent(20))
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("action", "fleet_command_refused")
                        .containsEntry("actor", "mgr-a")
                        .containsEntry("target", "dev-b1"));
    }

    @Test
    @Order(7)
    void analystIsRefusedCommands() throws Exception {
        browser.open("/console/fleet").login("ana", PW);
        browser.visit("/console/fleet/dev-a3/confirm?command=mute", "confirm-analyst-refused");
        assertThat(browser.text()).contains("403");
        assertThat(browser.all(By.id("confirm-send"))).isEmpty();
        HttpResponse<String> post = post("/console/fleet/dev-a3/commands", "command=mute", csrf());
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(a3.commands).isEmpty();
        assertThat(app.console().audit().recent(20))
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("action", "fleet_command_refused")
                        .containsEntry("actor", "ana")
                        .containsEntry("target", "dev-a3"));
    }

    @Test
    @Order(8)
    void aCommandWithoutTheCsrfTokenOrFromAnotherOriginIsRefused() throws Exception {
        browser.open("/console/fleet").login("root", PW);
        assertThat(post("/console/fleet/dev-a3/commands", "command=mute", null).statusCode())
                .isEqualTo(403);
        assertThat(post("/console/fleet/dev-a3/commands", "command=mute", "not-the-token")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> otherOrigin = HTTP.send(
                HttpRequest.newBuilder(URI.create(app.httpUrl() + "/console/fleet/dev-a3/commands"))
                        .header("Cookie", sessionCookie())
                        .header("Origin", "https://evil.example")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("command=mute&_csrf=" + csrf()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(otherOrigin.statusCode()).isEqualTo(403);
        // Bad input: an unknown command is a clear 400 and nothing is sent.
        HttpResponse<String> unknown = post("/console/fleet/dev-a3/commands", "command=rm+-rf", csrf());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown command").doesNotContain("Exception");
        assertThat(a3.commands).isEmpty();
        // With the token the same request goes through: the refusals above were the token's doing.
        assertThat(post("/console/fleet/dev-a3/commands", "command=selftest", csrf())
                        .statusCode())
                .isEqualTo(303);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> a3.commands.stream().anyMatch(c -> c.contains("\"selftest\"")));
    }

    static String sessionCookie() {
        return "voc_session=" + browser.cookie("voc_session").getValue();
    }

    static String csrf() {
        return (String) browser.script("return document.body.dataset.csrf;");
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(app.httpUrl() + path))
                        .header("Cookie", sessionCookie())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String form, String csrf) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(app.httpUrl() + path))
                        .header("Cookie", sessionCookie())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form + (csrf == null ? "" : "&_csrf=" + csrf)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(9)
    void hostileStatusTextIsShownAsTextAndLexiconIsSentOnlyWhenOneIsPublished() throws Exception {
        browser.open("/console/fleet").login("root", PW);
        assertThat(row("dev-a3").getText()).contains(HOSTILE);
        assertThat(browser.all(By.id("pwned"))).isEmpty();

        // No lexicon published yet: a clear refusal naming the fix, nothing sent.
        HttpResponse<String> none = post("/console/fleet/dev-a1/commands", "command=lexicon", csrf());
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(none.body()).contains("voc-gateway lexicon publish");
        assertThat(a1.commands).noneMatch(c -> c.contains("/down/lexicon "));

        byte[] yaml = "version: \"2099.1.1\"\ntopics:\n  delivery: {en: [shipment]}\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        io.vocedge.gateway.store.JdbcVocStore store = (io.vocedge.gateway.store.JdbcVocStore) app.store();
        new io.vocedge.gateway.lexicon.LexiconPublications(store.dataSource(), store.dialect())
                .publish(yaml, "test.yaml", "site-a", "test");
        // The distributor sends it by itself; the command sends it again now.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> a1.commands.stream()
                                .filter(c -> c.contains("/down/lexicon "))
                                .count()
                        >= 1);
        long before =
                a1.commands.stream().filter(c -> c.contains("/down/lexicon ")).count();
        assertThat(post("/console/fleet/dev-a1/commands", "command=lexicon", csrf())
                        .statusCode())
                .isEqualTo(303);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> a1.commands.stream()
                                .filter(c -> c.contains("/down/lexicon "))
                                .count()
                        > before);
        assertThat(a1.commands.stream()
                        .filter(c -> c.contains("/down/lexicon "))
                        .reduce((x, y) -> y)
                        .orElseThrow())
                .contains("2099.1.1");
        assertThat(app.console().audit().recent(5))
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("action", "fleet_command")
                        .containsEntry("target", "dev-a1")
                        .satisfies(m ->
                                assertThat((String) m.get("detail")).contains("command=lexicon", "version 2099.1.1")));
        browser.visit("/console/fleet", "lexicon-sent");
        assertThat(browser.find(By.id("command-rows")).getText())
                .contains("Publish lexicon", "sent; the device reports its lexicon in its status");
    }
}
