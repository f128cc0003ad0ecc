package io.vocedge.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelTransferTest {
    private final ObjectMapper json = Json.newMapper();
    private final SchemaValidator validator = new SchemaValidator();

    private static byte[] file(int size) {
        byte[] b = new byte[size];
        new Random(7).nextBytes(b);
        return b;
    }

    @Test
    void aFileCutIntoChunksComesBackWholeThroughTheWireFormat() throws Exception {
        byte[] file = file(3 * Limits.MODEL_CHUNK_BYTES + 1234);
        ModelManifest manifest = ModelManifest.of("1-abc", file, Instant.parse("2026-12-06T12:00:00Z"));
        assertThat(manifest.chunks()).isEqualTo(4);
        assertThat(manifest.chunkLength(3)).isEqualTo(1234);

        ObjectNode wire = json.valueToTree(manifest);
        assertThat(validator.problems(wire)).isEmpty();
        ModelManifest received = json.treeToValue(wire, ModelManifest.class).requireConsistent();
        assertThat(received).isEqualTo(manifest);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < received.chunks(); i++) {
            ObjectNode chunk = json.valueToTree(ModelChunk.of(manifest, file, i));
            assertThat(validator.problems(chunk)).isEmpty();
            assertThat(json.writeValueAsBytes(chunk).length).isLessThan(Limits.MAX_MESSAGE_BYTES);
            out.write(received.verifyChunk(json.treeToValue(chunk, ModelChunk.class)));
        }
        assertThat(received.matchesFile(out.toByteArray())).isTrue();
        assertThat(out.toByteArray()).isEqualTo(file);

        ObjectNode request = json.valueToTree(new ModelRequest("1-abc", 2));
        assertThat(validator.problems(request)).isEmpty();
        assertThat(request.get("schema").asText()).isEqualTo("voc.model-request/1");
    }

    @Test
    void aTamperedWrongOrShortChunkIsRefusedNamingWhy() {
        byte[] file = file(2 * Limits.MODEL_CHUNK_BYTES);
        ModelManifest manifest = ModelManifest.of("1-abc", file, null);
        ModelChunk good = ModelChunk.of(manifest, file, 1);
        byte[] bytes = Base64.getDecoder().decode(good.data());
        bytes[17] ^= 1;
        assertThatThrownBy(() -> manifest.verifyChunk(
                        new ModelChunk("1-abc", 1, Base64.getEncoder().encodeToString(bytes))))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("does not match its sha256");
        assertThatThrownBy(() -> manifest.verifyChunk(new ModelChunk("1-other", 1, good.data())))
                .hasMessageContaining("version 1-other");
        assertThatThrownBy(() -> manifest.verifyChunk(new ModelChunk("1-abc", 2, good.data())))
                .hasMessageContaining("outside 0..1");
        assertThatThrownBy(() -> manifest.verifyChunk(new ModelChunk("1-abc", 0, "AAAA")))
                .hasMessageContaining("has 3 bytes");
        assertThatThrownBy(() -> manifest.verifyChunk(new ModelChunk("1-abc", 0, "not base64!")))
                .hasMessageContaining("not valid base64");
        assertThat(manifest.matchesFile(java.util.Arrays.copyOf(file, file.length - 1)))
                .isFalse();
    }

    @Test
    void aManifestThatCannotDescribeAnAcceptableFileIsRefused() {
        String d = "0".repeat(64);
        assertThatThrownBy(() -> new ModelManifest(
                                "v", d, Limits.MAX_MODEL_BYTES + 1L, Limits.MODEL_CHUNK_BYTES, List.of(d), null)
                        .requireConsistent())
                .hasMessageContaining("a model file is 1 to");
        assertThatThrownBy(() -> new ModelManifest("v", d, 10, 1024, List.of(d), null).requireConsistent())
                .hasMessageContaining("chunks of 1024 bytes");
        assertThatThrownBy(() -> new ModelManifest(
                                "v", d, Limits.MODEL_CHUNK_BYTES + 1L, Limits.MODEL_CHUNK_BYTES, List.of(d), null)
                        .requireConsistent())
                .hasMessageContaining("lists 1 chunk digests")
                .hasMessageContaining("expected 2");
    }

    @Test
    void theSchemasRefuseWhatTheRecordsWouldNeverWrite() throws Exception {
        ObjectNode request = json.valueToTree(new ModelRequest("1-abc", 2));
        request.put("path", "/etc/shadow");
        assertThat(validator.problems(request)).isPresent();
        ObjectNode badIndex = json.valueToTree(new ModelRequest("1-abc", 64));
        assertThat(validator.problems(badIndex)).isPresent();
        ObjectNode badVersion = json.valueToTree(new ModelRequest("../../x", 0));
        assertThat(validator.problems(badVersion)).isPresent();
        ObjectNode manifest = json.valueToTree(ModelManifest.of("1-abc", file(10), null));
        manifest.put("chunk_bytes", 1024);
        assertThat(validator.problems(manifest)).isPresent();
    }

    private static byte[] modelFile(String version, int features) throws Exception {
        return modelFile(version, features, 1);
    }

    private static byte[] modelFile(String version, int features, int format) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.write("VOCIM".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeInt(format);
        out.writeUTF(version);
        out.writeUTF("corpus-sha");
        out.writeUTF("en-1");
        out.writeUTF("summary");
        out.writeInt(features);
        out.write(file(500));
        out.flush();
        byte[] body = bytes.toByteArray();
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body);
        byte[] all = java.util.Arrays.copyOf(body, body.length + 32);
        System.arraycopy(digest, 0, all, body.length, 32);
        return all;
    }

    @Test
    void theGatewayReadsAModelFilesVersionAndRefusesWhatIsNotOne() throws Exception {
        byte[] good = modelFile("1-f7b140039fe9", 9);
        ModelFileHeader h = ModelFileHeader.read(good, "model.vocim");
        assertThat(h.version()).isEqualTo("1-f7b140039fe9");
        assertThat(h.featuresVersion()).isEqualTo(9);

        byte[] damaged = good.clone();
        damaged[100] ^= 1;
        assertThatThrownBy(() -> ModelFileHeader.read(damaged, "model.vocim"))
                .hasMessageContaining("damaged or truncated");
        assertThatThrownBy(() -> ModelFileHeader.read(java.util.Arrays.copyOf(good, good.length - 1), "m"))
                .hasMessageContaining("damaged or truncated");
        assertThatThrownBy(() -> ModelFileHeader.read("version: 1\n".repeat(10).getBytes(), "lexicon.yaml"))
                .hasMessageContaining("not a VoC Edge insight model");
        assertThatThrownBy(() -> ModelFileHeader.read(modelFile("../../etc/passwd", 9), "evil.vocim"))
                .hasMessageContaining("not a model version");
        assertThatThrownBy(() -> ModelFileHeader.read(new byte[Limits.MAX_MODEL_BYTES + 1], "huge"))
                .hasMessageContaining("at most");
    }

    @Test
    void bothModelFormatsAreReadAndAFormatNoAgentReadsIsRefusedAtPublication() throws Exception {
        // format 1: 16-bit weights (models up to 2026-12-07); format 2: weights packed to 12 bits
        assertThat(ModelFileHeader.read(modelFile("1-aaa", 9, 1), "old.vocim").format())
                .isEqualTo(1);
        assertThat(ModelFileHeader.read(modelFile("1-bbb", 9, 2), "new.vocim").format())
                .isEqualTo(2);
        assertThatThrownBy(() -> ModelFileHeader.read(modelFile("1-ccc", 9, 3), "future.vocim"))
                .hasMessageContaining("model format 3; this build reads formats 1 to 2");
        assertThatThrownBy(() -> ModelFileHeader.read(modelFile("1-ddd", 9, 0), "zero.vocim"))
                .hasMessageContaining("model format 0");
    }
}
