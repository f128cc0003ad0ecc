package io.vocedge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device agent as a real process listening to a WAV file in real time: the privacy mute sent as a command
 * through the gateway's admin API stops audio at capture (no segment is queued while muted), is shown in the
 * retained status, and survives a {@code kill -9} and restart; unmute resumes.
 */
class DeviceAudioIT {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void muteByCommandStopsCaptureAndSurvivesKill9() throws Exception {
        Path wav = showroomWav(dir, 120);
        try (Scenario s = new Scenario(dir)) {
            s.startGateway(s.gateway("g1", Map.of()), "g1");
            JsonNode runtime =
                    json.readTree(dir.resolve("gateway-g1/data/runtime.json").toFile());
            String http = runtime.get("http_url").asText();
            String token =
                    Files.readString(dir.resolve("gateway-g1/data/admin-token")).strip();
            AtomicReference<JsonNode> status = new AtomicReference<>();
            MqttClient watcher = new MqttClient(s.broker.url(), "status-watcher", new MemoryPersistence());
            watcher.setCallback(new StatusCallback(json, status));
            watcher.connect(new MqttConnectionOptions());
            watcher.subscribe(new String[] {"voc/v1/store-1/dev-audio/up/status"}, new int[] {1});

            JarProcess device = s.audioDevice("dev-audio", wav).start();
            // Speech every 4 s: within ~10 s some segments are cut and queued for the (absent) recognizer.
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> pendingFiles(s.deviceDataDir("dev-audio")) > 1.0);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(status.get().path("details").path("asr_state").asText())
                        .isEqualTo("engine_unavailable");
                assertThat(status.get().path("details").path("audio_state").asText())
                        .isEqualTo("running");
            });

            // The watcher hears the broker; the gateway learns the device from the same status a moment later.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> s.store.count("SELECT COUNT(*) FROM devices WHERE device_id = 'dev-audio'") == 1);
            String commandId = command(http, token, "mute");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> s.store.count("SELECT COUNT(*) FROM command_results WHERE command_id = '" + commandId
                                    + "' AND ok")
                            == 1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> status.get().path("details").path("muted").asBoolean(false));
            double pendingAtMute = pendingFiles(s.deviceDataDir("dev-audio"));
            Thread.sleep(10_000); // two or three utterances' worth of audio while muted
            double pendingAfterMutedWhile = pendingFiles(s.deviceDataDir("dev-audio"));
            assertThat(pendingAfterMutedWhile)
                    .as("seconds of audio queued while muted (at mute: %.1f s)", pendingAtMute)
                    .isLessThanOrEqualTo(pendingAtMute + 0.6); // at most the segment that was open at the press

            device.kill9();
            device.start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> "online".equals(status.get().path("state").asText())
                            && "muted"
                                    .equals(status.get()
                                            .path("details")
                                            .path("audio_state")
                                            .asText()));
            assertThat(status.get().path("details").path("muted").asBoolean())
                    .as("mute survived kill -9")
                    .isTrue();
            Thread.sleep(6_000);
            assertThat(pendingFiles(s.deviceDataDir("dev-audio")))
                    .as("still nothing new while muted after the restart")
                    .isLessThanOrEqualTo(pendingAtMute + 0.6);

            command(http, token, "unmute");
            await().atMost(Duration.ofSeconds(40))
                    .until(() -> pendingFiles(s.deviceDataDir("dev-audio")) > pendingAtMute + 1.0);
            assertThat(status.get().path("details").path("muted").asBoolean(true))
                    .isFalse();
            watcher.disconnect();
            watcher.close();
        }
    }

    /**
     * {@code --exit-when-synced} on a WAV with no speech model: the agent must not claim {@code all_synced} and exit 0
     * while the segments it cut are still queued for the recognizer; it exits 1 naming why, and keeps them on disk.
     */
    @Test
    void exitWhenSyncedDoesNotClaimSyncedWhileSegmentsWaitForTheRecognizer() throws Exception {
        Path wav = showroomWav(dir, 16);
        try (Scenario s = new Scenario(dir)) {
            s.startGateway(s.gateway("g1", Map.of()), "g1");
            JarProcess device = s.audioDevice("dev-strand", wav, List.of("--exit-when-synced"))
                    .start();
            await().atMost(Duration.ofSeconds(120)).until(() -> !device.isAlive());
            assertThat(device.exitCode())
                    .as("device log:%n%s", device.logText())
                    .isEqualTo(1);
            assertThat(device.logText())
                    .contains("event=not_synced")
                    .contains("wait for the recognizer")
                    .contains("engine_unavailable")
                    .doesNotContain("event=all_synced");
            assertThat(pendingFiles(s.deviceDataDir("dev-strand")))
                    .as("heard audio kept for the recognizer")
                    .isGreaterThan(1.0);
        }
    }

    /** Seconds of audio in the on-disk pending queue (16 kHz 16-bit samples in its segment files). */
    private static double pendingFiles(Path dataDir) throws Exception {
        Path q = dataDir.resolve("pending-audio");
        if (!Files.isDirectory(q)) {
            return 0;
        }
        try (var files = Files.list(q)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".seg"))
                            .mapToLong(f -> {
                                try {
                                    return Files.size(f);
                                } catch (java.io.IOException e) {
                                    return 0;
                                }
                            })
                            .sum()
                    / 32_000.0;
        }
    }

    private String command(String http, String token, String name) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(http + "/admin/devices/dev-audio/commands"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"args\":{}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("command %s: %s", name, r.body()).isEqualTo(202);
        return json.readTree(r.body()).get("command_id").asText();
    }

    /** Speech every 4 s over low noise, {@code seconds} long, 48 kHz stereo. */
    static Path showroomWav(Path dir, int seconds) throws Exception {
        Path line = dir.resolve("line.wav");
        run(
                "espeak-ng",
                "-v",
                "en-us",
                "-s",
                "160",
                "-w",
                line.toString(),
                "My deposit was never refunded, I want to talk to the manager.");
        Path padded = dir.resolve("line-padded.wav");
        run(
                "sox",
                line.toString(),
                "-r",
                "48000",
                "-c",
                "2",
                "-b",
                "16",
                padded.toString(),
                "pad",
                "0.5",
                "0",
                "trim",
                "0",
                "4");
        List<String> cmd = new ArrayList<>(List.of("sox"));
        for (int i = 0; i < seconds / 4; i++) {
            cmd.add(padded.toString());
        }
        Path speech = dir.resolve("speech.wav");
        cmd.add(speech.toString());
        run(cmd.toArray(String[]::new));
        Path noise = dir.resolve("noise.wav");
        run(
                "sox",
                "-R",
                "-n",
                "-r",
                "48000",
                "-c",
                "2",
                "-b",
                "16",
                noise.toString(),
                "synth",
                String.valueOf(seconds),
                "pinknoise",
                "vol",
                "0.02");
        Path out = dir.resolve("showroom.wav");
        run("sox", "-m", speech.toString(), noise.toString(), out.toString());
        return out;
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        }
    }

    private record StatusCallback(ObjectMapper json, AtomicReference<JsonNode> status)
            implements org.eclipse.paho.mqttv5.client.MqttCallback {
        @Override
        public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage m) throws Exception {
            status.set(json.readTree(m.getPayload()));
        }

        @Override
        public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {}

        @Override
        public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException e) {}

        @Override
        public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken t) {}

        @Override
        public void connectComplete(boolean reconnect, String uri) {}

        @Override
        public void authPacketArrived(int code, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {}
    }
}
