package io.vocedge.device.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vocedge.device.conversation.LevelRoleClassifier;
import io.vocedge.device.conversation.XVectorRoleClassifier;
import io.vocedge.device.pending.PendingAudioQueue;
import io.vocedge.device.pipeline.SpeechSegment;
import io.vocedge.device.pipeline.Transcript;
import io.vocedge.protocol.SpeakerRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsrStageTest {
    @TempDir
    Path tmp;

    private AsrStage stage;

    @AfterEach
    void tearDown() {
        if (stage != null) {
            stage.close();
        }
    }

    static SpeechSegment seg(String id, long startMs, long ms, short amplitude, double level) {
        short[] pcm = new short[(int) (ms * 16)];
        java.util.Arrays.fill(pcm, amplitude);
        return new SpeechSegment(id, startMs, startMs + ms, pcm, level);
    }

    private AsrConfig config() {
        return new AsrConfig(
                tmp.resolve("model"),
                "en",
                null,
                null,
                tmp.resolve("pending"),
                2L * 1024 * 1024,
                60L,
                null,
                10L,
                600L,
                null,
                null,
                null,
                null);
    }

    private List<Path> pendingFiles() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("pending"))) {
            return s.toList();
        }
    }

    @Test
    void transcribesInOrderAssignsConversationAndDeletesAudioAfterTheSinkAccepted() throws Exception {
        FakeRecognizerFactory engine = new FakeRecognizerFactory(null, false);
        RecordingSink sink = new RecordingSink();
        PendingAudioQueue q = new PendingAudioQueue(tmp.resolve("pending"), 2L * 1024 * 1024, 60_000);
        AtomicInteger filesSeenAtAccept = new AtomicInteger(-1);
        sink.onAccept = () -> {
            try {
                filesSeenAtAccept.set(pendingFiles().size());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        stage = new AsrStage(
                config(), q, () -> engine, f -> new LevelRoleClassifier(6, 12, 0.5, 1), sink, Duration.ofMillis(50));
        stage.onSegment(seg("s1", 0, 1000, (short) 12000, -10));
        stage.onSegment(seg("s2", 2000, 1000, (short) 0, -90)); // silence: no transcript
        stage.onSegment(seg("s3", 3000, 500, (short) 1000, -35));
        stage.onConversationBoundary(20_000);
        stage.onSegment(seg("s4", 30_000, 500, (short) 12000, -11));
        stage.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.transcripts.size() == 3 && sink.ends.size() == 1);
        assertThat(sink.transcripts).extracting(Transcript::segmentId).containsExactly("s1", "s3", "s4");
        Transcript t1 = sink.transcripts.getFirst();
        assertThat(t1.text()).isEqualTo("a120 a120");
        assertThat(t1.words()).extracting(Transcript.Word::startMs).containsExactly(0L, 500L);
        assertThat(t1.confidence()).isBetween(0.36, 0.37);
        assertThat(t1.lang()).isEqualTo("en");
        assertThat(t1.speaker()).isEqualTo(SpeakerRole.STAFF);
        assertThat(sink.transcripts.get(1).speaker()).isEqualTo(SpeakerRole.CUSTOMER);
        assertThat(sink.transcripts.get(1).conversationId()).isEqualTo(t1.conversationId());
        assertThat(sink.transcripts.get(2).conversationId()).isNotEqualTo(t1.conversationId());
        assertThat(sink.ends.getFirst().talkMsByRole())
                .containsEntry("staff", 1000L)
                .containsEntry("customer", 500L);
        assertThat(filesSeenAtAccept.get())
                .as("audio still on disk while the sink works")
                .isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingFiles().isEmpty());
        AsrStatus st = stage.status();
        assertThat(st.state()).isEqualTo("running");
        assertThat(st.backlogMs()).isZero();
        assertThat(st.transcripts()).isEqualTo(3);
        assertThat(st.realTimeFactor()).isPositive().isLessThan(1);
        stage.close();
        assertThat(sink.ends).extracting(e -> e.reason()).containsExactly("silence", "shutdown");
        assertThat(engine.closed).isTrue();
        assertThat(engine.sessionsClosed.get()).isEqualTo(engine.sessionsOpened.get());
        stage.close(); // idempotent
    }

    @Test
    void badModelIsReportedAudioKeepsBufferingAndIsTranscribedOnceTheModelIsFixed() throws Exception {
        FakeRecognizerFactory engine = new FakeRecognizerFactory(null, false);
        RecordingSink sink = new RecordingSink();
        AsrConfig cfg = config();
        ModelValidator validator = new ModelValidator();
        EngineLoader loader = () -> {
            List<String> problems = validator.validateModel(cfg.model());
            if (!problems.isEmpty()) {
                throw new EngineLoader.EngineUnavailableException(String.join("; ", problems), null);
            }
            return engine;
        };
        stage = new AsrStage(
                cfg,
                new PendingAudioQueue(cfg.pendingDir(), cfg.pendingMaxBytes(), 60_000),
                loader,
                f -> new LevelRoleClassifier(),
                sink,
                Duration.ofMillis(50));
        stage.start();
        for (int i = 0; i < 5; i++) {
            stage.onSegment(seg("s" + i, i * 2000L, 1000, (short) 5000, -20));
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "engine_unavailable".equals(stage.status().state()));
        assertThat(stage.status().problem())
                .contains("does not exist")
                .contains(cfg.model().toString());
        assertThat(stage.status().backlogMs()).isEqualTo(5000);
        assertThat(sink.transcripts).isEmpty();

        ModelValidatorTest.fabricateSmallModel(cfg.model());
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.transcripts.size() == 5);
        assertThat(stage.status().state()).isEqualTo("running");
        assertThat(stage.status().problem()).isNull();
        assertThat(stage.status().backlogMs()).isZero();
    }

    @Test
    void catchesUpASlowRecognizerBacklogDropsOldestWhenFullAndReportsRealTimeFactor() throws Exception {
        FakeRecognizerFactory engine = new FakeRecognizerFactory(null, false);
        engine.costNanosPerSample = 12_500; // 0.2 ms per ms of audio: RTF ~0.2
        RecordingSink sink = new RecordingSink();
        AsrConfig cfg = config();
        PendingAudioQueue q = new PendingAudioQueue(cfg.pendingDir(), cfg.pendingMaxBytes(), 10_000); // 10 s bound
        stage = new AsrStage(cfg, q, () -> engine, f -> new LevelRoleClassifier(), sink, Duration.ofMillis(50));
        // a rush while the recognizer is busy (not started yet): 20 one-second segments
        for (int i = 0; i < 20; i++) {
            stage.onSegment(seg("r" + i, i * 1000L, 1000, (short) 3000, -20));
        }
        AsrStatus during = stage.status();
        assertThat(during.backlogMs()).isEqualTo(10_000L);
        assertThat(during.droppedSegments()).isEqualTo(10);
        assertThat(during.droppedMs()).isEqualTo(10_000L);
        stage.start();
        // quiet hours: it catches up
        await().atMost(Duration.ofSeconds(30))
                .until(() -> stage.status().backlogMs() == 0 && stage.status().pendingEntries() == 0);
        AsrStatus after = stage.status();
        assertThat(sink.transcripts.size() + after.droppedSegments()).isEqualTo(20);
        // the survivors are the newest, in order
        List<String> ids = sink.transcripts.stream().map(Transcript::segmentId).toList();
        assertThat(ids).first().isEqualTo("r10");
        assertThat(ids.getLast()).isEqualTo("r19");
        assertThat(ids).isSortedAccordingTo(java.util.Comparator.comparingInt(s -> Integer.parseInt(s.substring(1))));
        assertThat(after.realTimeFactor()).isBetween(0.19, 1.0);
        assertThat(after.realTimeFactorLifetime()).isBetween(0.19, 1.0);
    }

    @Test
    void refusedTranscriptKeepsTheAudioAndIsRetried() throws Exception {
        FakeRecognizerFactory engine = new FakeRecognizerFactory(null, false);
        RecordingSink sink = new RecordingSink();
        sink.refuseNext.set(2);
        AsrConfig cfg = config();
        stage = new AsrStage(
                cfg,
                new PendingAudioQueue(cfg.pendingDir(), cfg.pendingMaxBytes(), 60_000),
                () -> engine,
                f -> new LevelRoleClassifier(),
                sink,
                Duration.ofMillis(20));
        stage.onSegment(seg("keep", 0, 1000, (short) 3000, -20));
        stage.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.transcripts.size() == 1);
        assertThat(sink.transcripts.getFirst().segmentId()).isEqualTo("keep");
        assertThat(sink.refuseNext.get()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingFiles().isEmpty());
    }

    @Test
    void speakerVectorDecidesTheRoleWhenASpeakerModelIsLoaded() throws Exception {
        float[] staffVoice = {0.9f, 0.1f, -0.3f, 0.5f};
        FakeRecognizerFactory engine = new FakeRecognizerFactory(staffVoice, false);
        RecordingSink sink = new RecordingSink();
        AsrConfig cfg = config();
        AtomicBoolean builtWithSpeakerModel = new AtomicBoolean();
        stage = new AsrStage(
                cfg,
                new PendingAudioQueue(cfg.pendingDir(), cfg.pendingMaxBytes(), 60_000),
                () -> engine,
                f -> {
                    builtWithSpeakerModel.set(f.hasSpeakerModel());
                    return new XVectorRoleClassifier(new float[] {1f, 0.1f, -0.25f, 0.45f}, 0.55, 0.30);
                },
                sink,
                Duration.ofMillis(20));
        stage.onSegment(seg("v", 0, 1000, (short) 100, -40)); // quiet, but the voice matches
        stage.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.transcripts.size() == 1);
        assertThat(builtWithSpeakerModel).isTrue();
        assertThat(sink.transcripts.getFirst().speaker()).isEqualTo(SpeakerRole.STAFF);
    }
}
