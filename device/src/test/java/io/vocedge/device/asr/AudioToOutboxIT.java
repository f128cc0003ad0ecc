package io.vocedge.device.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.device.agent.AgentInput;
import io.vocedge.device.agent.DeviceAssembly;
import io.vocedge.device.audio.AudioConfig;
import io.vocedge.device.audio.SourceOpeners;
import io.vocedge.device.config.DeviceConfig;
import io.vocedge.device.conversation.LevelRoleClassifier;
import io.vocedge.device.outbox.OutboxRow;
import io.vocedge.device.pending.PendingAudioQueue;
import io.vocedge.testsupport.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's audio path end to end on this machine: a noisy 44.1 kHz stereo WAV of synthesised speech goes
 * through capture, front-end, the pending-audio queue, the recognizer stage and the insight stage into the
 * SQLite outbox. The recognizer engine is the documented double (no Vosk model can be downloaded here); every
 * other part is the production code. The broker is absent, so the records wait in the outbox where the test
 * reads them.
 */
class AudioToOutboxIT {
    @TempDir
    Path dir;

    @Test
    void threeUtterancesInAWavBecomeThreeUtteranceRecordsAndTheAudioIsDeleted() throws Exception {
        Path wav = speechWav();
        ObjectMapper yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        Path cfgFile = dir.resolve("device.yaml");
        Files.writeString(cfgFile, """
                device: {id: dev-audio-1, site: test-site}
                data_dir: %s
                broker: {url: "tcp://127.0.0.1:%d"}
                audio: {conversation_gap_ms: 5000}
                """.formatted(dir.resolve("data"), FreePorts.next()));
        DeviceConfig cfg = DeviceConfig.load(cfgFile);
        AudioConfig audio = cfg.audio().withFormat(44_100, 2);
        AsrConfig asr = AsrConfig.from(yaml.readTree("{model: " + dir.resolve("no-model") + "}"), cfg.dataDir());
        FakeRecognizerFactory engine = new FakeRecognizerFactory(null, false);
        DeviceAssembly agent = DeviceAssembly.start(
                cfg,
                "test",
                Instant.parse("2026-11-01T00:00:00Z"),
                AgentInput.audio(
                        audio,
                        SourceOpeners.wav(wav, false),
                        sink -> new AsrStage(
                                asr,
                                new PendingAudioQueue(asr.pendingDir(), asr.pendingMaxBytes(), 600_000),
                                () -> engine,
                                f -> new LevelRoleClassifier(),
                                sink,
                                Duration.ofMillis(50))));
        try {
            await().atMost(Duration.ofSeconds(60)).until(agent::inputFinished);
            await().atMost(Duration.ofSeconds(30)).until(() -> kinds(agent).contains("voc.conversation/1"));
            List<JsonNode> utterances = records(agent).stream()
                    .filter(r -> r.path("schema").asText().equals("voc.utterance/1"))
                    .toList();
            assertThat(utterances).hasSize(3);
            long[] truthStartMs = {1000, 6000, 11_500};
            for (int i = 0; i < 3; i++) {
                JsonNode u = utterances.get(i);
                assertThat(u.path("start_ms").asLong()).isBetween(truthStartMs[i] - 300, truthStartMs[i] + 300);
                assertThat(u.path("end_ms").asLong())
                        .isGreaterThan(u.path("start_ms").asLong() + 1000);
                assertThat(u.path("text").asText())
                        .as("the recognizer double's words")
                        .isNotBlank();
            }
            assertThat(utterances.get(0).path("conversation_id").asText()).isNotBlank();
            assertThat(agent.status().details()).containsEntry("audio_state", "ended");
            // Privacy: audio is deleted once transcribed.
            try (Stream<Path> pending = Files.list(asr.pendingDir())) {
                assertThat(pending.filter(p -> p.toString().endsWith(".pcm")
                                        || p.toString().endsWith(".wav"))
                                .toList())
                        .isEmpty();
            }
        } finally {
            agent.close();
        }
    }

    private Path speechWav() throws Exception {
        String[] lines = {
            "Hello, I paid a deposit for the blue car last week.",
            "The salesman said it was in stock, but now you tell me it is not.",
            "I would like to speak to the manager about the delivery date."
        };
        double[] at = {1.0, 6.0, 11.5};
        int rate = 44_100;
        float[] left = new float[rate * 16];
        for (int i = 0; i < lines.length; i++) {
            Path raw = dir.resolve("line" + i + ".wav");
            Path conv = dir.resolve("line" + i + "-44k.wav");
            run("espeak-ng", "-v", "en-us", "-s", "150", "-w", raw.toString(), lines[i]);
            run("sox", raw.toString(), "-r", "44100", "-c", "1", "-b", "16", conv.toString());
            short[] s = read16(conv);
            int start = (int) (at[i] * rate);
            for (int k = 0; k < s.length && start + k < left.length; k++) {
                left[start + k] = s[k] / 32768f;
            }
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        float[] right = new float[left.length];
        for (int i = 0; i < left.length; i++) {
            float noise = (float) (r.nextGaussian() * 0.01);
            right[i] = 0.5f * left[i] + noise;
            left[i] = left[i] + (float) (r.nextGaussian() * 0.01);
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(left.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < left.length; i++) {
            b.putShort((short) Math.max(-32768, Math.min(32767, left[i] * 32767)));
            b.putShort((short) Math.max(-32768, Math.min(32767, right[i] * 32767)));
        }
        Path out = dir.resolve("showroom-44k-stereo.wav");
        var fmt = new javax.sound.sampled.AudioFormat(rate, 16, 2, true, false);
        try (var in = new javax.sound.sampled.AudioInputStream(
                new java.io.ByteArrayInputStream(b.array()), fmt, left.length)) {
            javax.sound.sampled.AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.WAVE, out.toFile());
        }
        return out;
    }

    private static short[] read16(Path wav) throws Exception {
        try (var in = javax.sound.sampled.AudioSystem.getAudioInputStream(wav.toFile())) {
            byte[] raw = in.readAllBytes();
            short[] s = new short[raw.length / 2];
            java.nio.ByteBuffer.wrap(raw)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .asShortBuffer()
                    .get(s);
            return s;
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        }
    }

    private static List<JsonNode> records(DeviceAssembly agent) throws Exception {
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> out = new java.util.ArrayList<>();
        for (OutboxRow row : agent.outbox().readAfter(0, 10_000, 64 * 1024 * 1024)) {
            out.add(m.readTree(row.json()));
        }
        return out;
    }

    private static List<String> kinds(DeviceAssembly agent) throws Exception {
        return records(agent).stream().map(r -> r.path("schema").asText()).toList();
    }
}
