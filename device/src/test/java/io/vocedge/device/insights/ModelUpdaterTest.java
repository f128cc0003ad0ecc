package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.device.insights.model.InsightModel;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.LexiconUpdate;
import io.vocedge.protocol.Limits;
import io.vocedge.protocol.ModelChunk;
import io.vocedge.protocol.ModelManifest;
import io.vocedge.protocol.ModelRequest;
import io.vocedge.protocol.SchemaValidator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model distribution as the gateway does it, and as an attacker with publish rights would try it. */
class ModelUpdaterTest {
    private static byte[] bundledBytes;
    private static InsightModel bundled;
    /** A second valid model: the bundled weights under another version (header rewritten, checksum redone). */
    private static byte[] second;

    private static final String V2 = "2-0123456789ab";
    private static final String V3 = "3-0123456789ab";

    @TempDir
    Path dir;

    private final ObjectMapper json = Json.newMapper();
    private final SchemaValidator validator = new SchemaValidator();
    private final AtomicInteger changes = new AtomicInteger();
    private final List<ModelUpdater> updaters = new ArrayList<>();
    private InsightEngine engine;
    private FakeGateway gateway;
    private ModelUpdater updater;

    @BeforeAll
    static void models() throws IOException {
        try (InputStream in = BundledModel.class.getResourceAsStream(BundledModel.RESOURCE)) {
            bundledBytes = in.readAllBytes();
        }
        bundled = BundledModel.load();
        second = rewrite(bundledBytes, V2, 0);
    }

    @BeforeEach
    void setUp() {
        engine = new InsightEngine(new Redactor(), Lexicon.loadDefault(), bundled);
        gateway = new FakeGateway();
        updater = updater(Duration.ofMinutes(5));
    }

    @AfterEach
    void tearDown() {
        updaters.forEach(ModelUpdater::close);
    }

    private ModelUpdater updater(Duration timeout) {
        ModelUpdater u = new ModelUpdater(
                dir,
                engine,
                json,
                validator,
                gateway,
                Executors.newSingleThreadScheduledExecutor(),
                timeout,
                changes::incrementAndGet);
        updaters.add(u);
        gateway.target = u;
        return u;
    }

    /**
     * The model file with another version and features version added to by {@code featuresDelta}; its trailing
     * SHA-256 recomputed, so it is a well-formed file ({@code ModelCodec} refuses another features version).
     */
    static byte[] rewrite(byte[] file, String version, int featuresDelta) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(file, 0, file.length - 32));
            byte[] magic = in.readNBytes(5);
            int format = in.readInt();
            in.readUTF();
            String corpus = in.readUTF();
            String lexicon = in.readUTF();
            String summary = in.readUTF();
            int features = in.readInt();
            byte[] rest = in.readAllBytes();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(magic);
            out.writeInt(format);
            out.writeUTF(version);
            out.writeUTF(corpus);
            out.writeUTF(lexicon);
            out.writeUTF(summary);
            out.writeInt(features + featuresDelta);
            out.write(rest);
            out.flush();
            byte[] body = bytes.toByteArray();
            out.write(MessageDigest.getInstance("SHA-256").digest(body));
            out.flush();
            return bytes.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers the device's requests when told to, each with the chunk of the file it serves, altered if asked. */
    static final class FakeGateway implements ModelUpdater.Requests {
        final List<ModelRequest> requests = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedDeque<ModelRequest> pending = new ConcurrentLinkedDeque<>();
        final AtomicBoolean online = new AtomicBoolean(true);
        final ObjectMapper json = Json.newMapper();
        ModelUpdater target;

        @Override
        public boolean send(ModelRequest request) {
            requests.add(request);
            if (!online.get()) {
                return false;
            }
            pending.add(request);
            return true;
        }

        byte[] message(ModelChunk c) {
            try {
                return json.writeValueAsBytes(c);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Answers one pending request; false if none was pending. */
        boolean answerOne(ModelManifest m, byte[] file, UnaryOperator<ModelChunk> alter) {
            ModelRequest r = pending.poll();
            if (r == null) {
                return false;
            }
            target.onChunk(message(alter.apply(ModelChunk.of(m, file, r.index()))), false);
            return true;
        }

        /** Answers until the device asks for nothing more; returns how many answers it sent. */
        int answerAll(ModelManifest m, byte[] file) {
            int n = 0;
            while (answerOne(m, file, UnaryOperator.identity())) {
                n++;
            }
            return n;
        }
    }

    private byte[] message(ModelManifest m) throws IOException {
        return json.writeValueAsBytes(m);
    }

    private static ModelManifest manifest(String version, byte[] file) {
        return ModelManifest.of(version, file, Instant.parse("2026-12-06T10:00:00Z"));
    }

    private Path modelDir() {
        return dir.resolve("model");
    }

    private static ModelChunk flipped(ModelChunk c) {
        byte[] b = Base64.getDecoder().decode(c.data());
        b[b.length / 2] ^= 1;
        return new ModelChunk(c.version(), c.index(), Base64.getEncoder().encodeToString(b));
    }

    private String error() {
        return String.valueOf(updater.status().get("model_update_error"));
    }

    @Test
    void aDistributedModelIsDownloadedChunkByChunkVerifiedInstalledAndKept() throws Exception {
        String before = engine.modelVersion();
        ModelManifest m2 = manifest(V2, second);
        assertThat(m2.chunks()).isGreaterThan(2);
        updater.onManifest(message(m2), true);
        assertThat(updater.status().get("model_download"))
                .isEqualTo(Map.of("version", V2, "chunks_done", 0, "chunks", m2.chunks()));
        assertThat(gateway.answerAll(m2, second)).isEqualTo(m2.chunks());

        assertThat(engine.modelVersion()).isEqualTo(V2);
        assertThat(gateway.requests).extracting(ModelRequest::index).containsExactlyElementsOf(range(m2.chunks()));
        assertThat(gateway.requests).extracting(ModelRequest::version).containsOnly(V2);
        Path active = modelDir().resolve("active.vocim");
        assertThat(Files.readAllBytes(active)).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(active)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(modelDir())))
                .isEqualTo("rwx------");
        assertThat(modelDir().resolve("download.part")).doesNotExist();
        assertThat(modelDir().resolve("download.json")).doesNotExist();
        assertThat(updater.status())
                .containsEntry("model_updates_refused", 0L)
                .containsEntry("model_chunks_ignored", 0L)
                .doesNotContainKeys("model_download", "model_update_error");
        assertThat(changes.get()).isPositive();

        // The next one keeps the replaced distributed file as previous.vocim; a restart starts from the newest.
        byte[] third = rewrite(bundledBytes, V3, 0);
        ModelManifest m3 = manifest(V3, third);
        updater.onManifest(message(m3), false);
        gateway.answerAll(m3, third);
        assertThat(engine.modelVersion()).isEqualTo(V3);
        Path previous = modelDir().resolve("previous.vocim");
        assertThat(Files.readAllBytes(previous)).isEqualTo(second);
        assertThat(Files.readAllBytes(active)).isEqualTo(third);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(previous)))
                .isEqualTo("rw-------");
        assertThat(modelDir().resolve("previous.vocim.new")).doesNotExist();
        assertThat(ModelUpdater.startupModel(dir, bundled).version()).isEqualTo(V3);
        // The engine can still roll back to the model before.
        assertThat(engine.rollbackModel()).isEqualTo(V2);
        assertThat(before).isEqualTo(bundled.version());
    }

    @Test
    void theRetainedManifestOfTheActiveModelDeliveredAgainIsANoOp() throws Exception {
        updater.onManifest(message(manifest(bundled.version(), bundledBytes)), true);
        assertThat(gateway.requests).isEmpty();
        assertThat(updater.status()).doesNotContainKeys("model_download", "model_update_error");

        ModelManifest m2 = manifest(V2, second);
        updater.onManifest(message(m2), true);
        gateway.answerAll(m2, second);
        int asked = gateway.requests.size();
        int changed = changes.get();
        updater.onManifest(message(m2), true); // reconnect
        assertThat(gateway.requests).hasSize(asked);
        assertThat(changes).hasValue(changed);
        assertThat(engine.modelVersion()).isEqualTo(V2);
        assertThat(updater.status()).containsEntry("model_updates_refused", 0L);
    }

    @Test
    void aRetainedRedeliveryDuringTheDownloadContinuesItInsteadOfStartingAgain() throws Exception {
        ModelManifest m2 = manifest(V2, second);
        updater.onManifest(message(m2), true);
        for (int i = 0; i < 3; i++) {
            gateway.answerOne(m2, second, UnaryOperator.identity());
        }
        gateway.pending.clear(); // the request for chunk 3 is lost in the outage
        updater.onManifest(message(m2), true);
        assertThat(updater.status().get("model_download"))
                .isEqualTo(Map.of("version", V2, "chunks_done", 3, "chunks", m2.chunks()));
        assertThat(gateway.requests.getLast()).isEqualTo(new ModelRequest(V2, 3));
        gateway.answerAll(m2, second);
        assertThat(engine.modelVersion()).isEqualTo(V2);
        assertThat(gateway.requests).extracting(ModelRequest::index).containsOnlyOnce(0, 1, 2, 4);
        assertThat(updater.status()).containsEntry("model_chunks_ignored", 0L);
    }

    @Test
    void aTamperedChunkIsRefusedAndAskedForAgainAndTooManyGiveUpTheDownload() throws Exception {
        ModelManifest m2 = manifest(V2, second);
        updater.onManifest(message(m2), true);
        gateway.answerOne(m2, second, UnaryOperator.identity());
        gateway.answerOne(m2, second, ModelUpdaterTest::flipped);
        assertThat(updater.status()).containsEntry("model_chunks_bad", 1L);
        assertThat(gateway.requests).extracting(ModelRequest::index).containsExactly(0, 1, 1);
        gateway.answerAll(m2, second);
        assertThat(engine.modelVersion()).isEqualTo(V2);

        // Every copy tampered with: after MAX_RETRIES re-requests the download is given up, nothing installed.
        byte[] third = rewrite(bundledBytes, V3, 0);
        ModelManifest m3 = manifest(V3, third);
        updater.onManifest(message(m3), true);
        int answers = 0;
        while (gateway.answerOne(m3, third, ModelUpdaterTest::flipped)) {
            answers++;
        }
        assertThat(answers).isEqualTo(ModelUpdater.MAX_RETRIES + 1);
        assertThat(engine.modelVersion()).isEqualTo(V2);
        assertThat(updater.status()).containsEntry("model_updates_refused", 1L).doesNotContainKey("model_download");
        assertThat(error()).contains("does not match its sha256");
        assertThat(Files.readAllBytes(modelDir().resolve("active.vocim"))).isEqualTo(second);

        // A later manifest (a reconnect's retained copy) starts it again.
        updater.onManifest(message(m3), true);
        gateway.answerAll(m3, third);
        assertThat(engine.modelVersion()).isEqualTo(V3);
        assertThat(updater.status()).doesNotContainKey("model_update_error");
    }

    @Test
    void chunksOfAnotherVersionOutOfOrderOrMalformedAreIgnored() throws Exception {
        ModelManifest m2 = manifest(V2, second);
        ModelManifest m3 = manifest(V3, rewrite(bundledBytes, V3, 0));
        updater.onChunk(gateway.message(ModelChunk.of(m2, second, 0)), false); // nothing asked yet
        updater.onManifest(message(m2), true);
        updater.onChunk(gateway.message(ModelChunk.of(m3, rewrite(bundledBytes, V3, 0), 0)), false);
        updater.onChunk(gateway.message(ModelChunk.of(m2, second, 1)), false);
        updater.onChunk("{\"schema\":\"voc.model-chunk/1\",\"version\":\"x\"}".getBytes(StandardCharsets.UTF_8), false);
        updater.onChunk(new byte[Limits.MAX_MESSAGE_BYTES + 1], false);
        assertThat(updater.status()).containsEntry("model_chunks_ignored", 5L).containsEntry("model_chunks_bad", 0L);
        assertThat(updater.status().get("model_download"))
                .isEqualTo(Map.of("version", V2, "chunks_done", 0, "chunks", m2.chunks()));
        assertThat(Files.size(modelDir().resolve("download.part"))).isZero();
        gateway.answerAll(m2, second);
        assertThat(engine.modelVersion()).isEqualTo(V2);
    }

    @Test
    void manifestsOverTheLimitsOrInconsistentAreRefusedBeforeAnythingIsAsked() throws Exception {
        ModelManifest good = manifest(V2, second);
        List<String> digests = new ArrayList<>(good.chunkSha256());
        while (digests.size() < 64) {
            digests.add(digests.getFirst());
        }
        ModelManifest oversize =
                new ModelManifest(V2, good.sha256(), Limits.MAX_MODEL_BYTES + 1L, good.chunkBytes(), digests, null);
        ModelManifest missingChunk = new ModelManifest(
                V2,
                good.sha256(),
                good.sizeBytes(),
                good.chunkBytes(),
                good.chunkSha256().subList(0, good.chunks() - 1),
                null);
        ModelManifest otherChunkSize =
                new ModelManifest(V2, good.sha256(), good.sizeBytes(), 65536, good.chunkSha256(), null);
        updater.onManifest(message(oversize), true);
        assertThat(error()).contains("voc.model/1");
        updater.onManifest(message(missingChunk), true);
        assertThat(error()).contains("chunk digests");
        updater.onManifest(message(otherChunkSize), true);
        updater.onManifest(new byte[Limits.MAX_MESSAGE_BYTES + 1], true);
        assertThat(error()).contains("more than");
        updater.onManifest("{\"schema\":\"voc.model/1\",\"version\":".getBytes(StandardCharsets.UTF_8), true);
        assertThat(error()).contains("not valid JSON");
        assertThat(updater.status()).containsEntry("model_updates_refused", 5L);
        assertThat(gateway.requests).isEmpty();
        assertThat(modelDir().resolve("download.part")).doesNotExist();
        assertThat(engine.modelVersion()).isEqualTo(bundled.version());
    }

    @Test
    void aFileTheModelCodeRefusesKeepsTheActiveModelAndLeavesNothingBehind() throws Exception {
        byte[] garbage = new byte[300_000];
        new Random(7).nextBytes(garbage);
        ModelManifest g = manifest("9-garbage", garbage);
        updater.onManifest(message(g), true);
        gateway.answerAll(g, garbage);
        assertThat(error()).contains("not a VoC Edge insight model");

        // Well-formed, right checksum, but trained on another features version: installModel refuses it.
        byte[] otherFeatures = rewrite(bundledBytes, V3, 1);
        ModelManifest f = manifest(V3, otherFeatures);
        updater.onManifest(message(f), true);
        gateway.answerAll(f, otherFeatures);
        assertThat(error()).contains("features version");

        // A valid file under a manifest naming another version.
        ModelManifest misnamed = manifest("7-misnamed", second);
        updater.onManifest(message(misnamed), true);
        gateway.answerAll(misnamed, second);
        assertThat(error()).contains("but the file is version " + V2);

        assertThat(engine.modelVersion()).isEqualTo(bundled.version());
        assertThat(updater.status()).containsEntry("model_updates_refused", 3L);
        assertThat(modelDir().resolve("active.vocim")).doesNotExist();
        assertThat(modelDir().resolve("download.part")).doesNotExist();
        assertThat(modelDir().resolve("download.json")).doesNotExist();
    }

    @Test
    void chunksThatEachMatchButNotTheWholeFileDigestAreRefused() throws Exception {
        ModelManifest real = manifest(V2, second);
        ModelManifest lying = new ModelManifest(
                V2,
                LexiconUpdate.sha256("another file".getBytes(StandardCharsets.UTF_8)),
                real.sizeBytes(),
                real.chunkBytes(),
                real.chunkSha256(),
                null);
        updater.onManifest(message(lying), true);
        gateway.answerAll(lying, second);
        assertThat(error()).contains("do not match the manifest's size and sha256");
        assertThat(engine.modelVersion()).isEqualTo(bundled.version());
        assertThat(modelDir().resolve("active.vocim")).doesNotExist();
        assertThat(modelDir().resolve("download.part")).doesNotExist();
    }

    @Test
    void aRestartedAgentContinuesTheDownloadFromTheVerifiedChunksOfThePartialFile() throws Exception {
        ModelManifest m2 = manifest(V2, second);
        updater.onManifest(message(m2), true);
        for (int i = 0; i < 5; i++) {
            gateway.answerOne(m2, second, UnaryOperator.identity());
        }
        updater.close();
        gateway.pending.clear();
        // A bit rots in chunk 3 of the partial file while the agent is down: it is cut off from there.
        Path part = modelDir().resolve("download.part");
        assertThat(Files.size(part)).isEqualTo(5L * Limits.MODEL_CHUNK_BYTES);
        byte[] onDisk = Files.readAllBytes(part);
        onDisk[3 * Limits.MODEL_CHUNK_BYTES + 17] ^= 1;
        Files.write(part, onDisk);

        ModelUpdater restarted = updater(Duration.ofMinutes(5));
        updater = restarted;
        gateway.requests.clear();
        restarted.onManifest(message(m2), true);
        assertThat(gateway.requests).containsExactly(new ModelRequest(V2, 3));
        assertThat(restarted.status().get("model_download"))
                .isEqualTo(Map.of("version", V2, "chunks_done", 3, "chunks", m2.chunks()));
        gateway.answerAll(m2, second);
        assertThat(engine.modelVersion()).isEqualTo(V2);
        assertThat(Files.readAllBytes(modelDir().resolve("active.vocim"))).isEqualTo(second);
    }

    @Test
    void aPartialFileOfAnotherVersionIsDeletedAndTheDownloadStartsAtZero() throws Exception {
        byte[] third = rewrite(bundledBytes, V3, 0);
        ModelManifest m3 = manifest(V3, third);
        updater.onManifest(message(m3), true);
        gateway.answerOne(m3, third, UnaryOperator.identity());
        gateway.answerOne(m3, third, UnaryOperator.identity());
        updater.close();
        gateway.pending.clear();

        ModelUpdater restarted = updater(Duration.ofMinutes(5));
        updater = restarted;
        gateway.requests.clear();
        ModelManifest m2 = manifest(V2, second);
        restarted.onManifest(message(m2), true);
        assertThat(gateway.requests).containsExactly(new ModelRequest(V2, 0));
        assertThat(Files.size(modelDir().resolve("download.part"))).isZero();
        gateway.answerAll(m2, second);
        assertThat(engine.modelVersion()).isEqualTo(V2);
    }

    @Test
    void aClearedManifestStopsTheDownloadAndKeepsWhatRuns() throws Exception {
        ModelManifest m2 = manifest(V2, second);
        updater.onManifest(message(m2), true);
        gateway.answerOne(m2, second, UnaryOperator.identity());
        updater.onManifest(new byte[0], true);
        assertThat(modelDir().resolve("download.part")).doesNotExist();
        assertThat(updater.status()).doesNotContainKeys("model_download", "model_update_error");
        gateway.answerAll(m2, second);
        assertThat(engine.modelVersion()).isEqualTo(bundled.version());
    }

    @Test
    void anUnansweredRequestIsRepeatedAfterTheTimeoutAndTheDownloadGivenUpAfterTheBound() throws Exception {
        updater.close();
        ModelUpdater quick = updater(Duration.ofMillis(50));
        updater = quick;
        gateway.online.set(false); // offline: the requests are not even handed over
        ModelManifest m2 = manifest(V2, second);
        quick.onManifest(message(m2), true);
        await().atMost(Duration.ofSeconds(10)).until(() -> quick.status().containsKey("model_update_error"));
        assertThat(gateway.requests).hasSize(ModelUpdater.MAX_RETRIES + 1).containsOnly(new ModelRequest(V2, 0));
        assertThat(error()).contains("no answer for chunk 0");
        assertThat(quick.status()).doesNotContainKey("model_download");
        assertThat(engine.modelVersion()).isEqualTo(bundled.version());

        // Back online, the retained manifest delivered again on reconnect starts it again and it completes.
        gateway.online.set(true);
        quick.onManifest(message(m2), true);
        gateway.answerAll(m2, second);
        assertThat(engine.modelVersion()).isEqualTo(V2);
    }

    @Test
    void aDownloadGivenUpForWantOfAnswersStartsAgainByItselfAndCompletes() throws Exception {
        updater.close();
        ModelUpdater quick = updater(Duration.ofMillis(50));
        updater = quick;
        gateway.online.set(false);
        ModelManifest m2 = manifest(V2, second);
        quick.onManifest(message(m2), true);
        await().atMost(Duration.ofSeconds(10)).until(() -> quick.status().containsKey("model_update_error"));
        assertThat(error()).contains("trying again in");
        gateway.online.set(true);
        // No new manifest arrives: RESUME_AFTER_TIMEOUTS timeouts later it asks again by itself.
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.requests.size() > ModelUpdater.MAX_RETRIES + 1);
        gateway.answerAll(m2, second);
        assertThat(engine.modelVersion()).isEqualTo(V2);
    }

    @Test
    void theDistributedModelIsStartedWithUnlessItIsDamaged() throws Exception {
        assertThat(ModelUpdater.startupModel(dir, bundled)).isSameAs(bundled);
        Path active = modelDir().resolve("active.vocim");
        Files.createDirectories(modelDir());
        Files.write(active, second);
        assertThat(ModelUpdater.startupModel(dir, bundled).version()).isEqualTo(V2);
        Files.write(active, Arrays.copyOf(second, second.length / 2));
        assertThat(ModelUpdater.startupModel(dir, bundled)).isSameAs(bundled);
        Files.write(active, "not a model".getBytes(StandardCharsets.UTF_8));
        assertThat(ModelUpdater.startupModel(dir, bundled)).isSameAs(bundled);
    }

    private static List<Integer> range(int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }
}
