package io.vocedge.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code voc.model/1}: the insight model a device should run, retained on its {@code down/model} topic by the gateway
 * ({@code voc-gateway model publish}). A manifest, never the bytes: the file's {@code version} (as the file names
 * itself), its size, its SHA-256 and the SHA-256 of each {@link Limits#MODEL_CHUNK_BYTES}-sized chunk, so a device
 * can check every chunk as it arrives and never keeps a byte it cannot vouch for. The device then asks for the chunks
 * one at a time ({@link ModelRequest}) and the gateway answers each with a {@link ModelChunk}.
 */
public record ModelManifest(
        String version, String sha256, long sizeBytes, int chunkBytes, List<String> chunkSha256, Instant issuedAt)
        implements Envelope {
    public ModelManifest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(chunkSha256, "chunk_sha256");
        chunkSha256 = List.copyOf(chunkSha256);
    }

    @Override
    public SchemaId schemaId() {
        return SchemaId.MODEL;
    }

    /** The manifest of a model file's bytes, cut into {@link Limits#MODEL_CHUNK_BYTES} chunks. */
    public static ModelManifest of(String version, byte[] file, Instant issuedAt) {
        int chunk = Limits.MODEL_CHUNK_BYTES;
        int chunks = (file.length + chunk - 1) / chunk;
        String[] digests = new String[chunks];
        for (int i = 0; i < chunks; i++) {
            int from = i * chunk;
            digests[i] =
                    LexiconUpdate.sha256(java.util.Arrays.copyOfRange(file, from, Math.min(file.length, from + chunk)));
        }
        return new ModelManifest(version, LexiconUpdate.sha256(file), file.length, chunk, List.of(digests), issuedAt);
    }

    /** Number of chunks. */
    public int chunks() {
        return chunkSha256.size();
    }

    /** Bytes in chunk {@code index} (the last may be short). */
    public int chunkLength(int index) {
        long from = (long) index * chunkBytes;
        return (int) Math.min(chunkBytes, sizeBytes - from);
    }

    /**
     * Checks that the manifest describes a file this build would accept: size within {@link Limits#MAX_MODEL_BYTES},
     * the agreed chunk size and a chunk count that covers the file exactly. Throws {@link ProtocolException} naming
     * what is wrong.
     */
    public ModelManifest requireConsistent() {
        if (sizeBytes < 1 || sizeBytes > Limits.MAX_MODEL_BYTES) {
            throw new ProtocolException("model manifest says " + sizeBytes + " bytes; a model file is 1 to "
                    + Limits.MAX_MODEL_BYTES + " bytes");
        }
        if (chunkBytes != Limits.MODEL_CHUNK_BYTES) {
            throw new ProtocolException("model manifest uses chunks of " + chunkBytes + " bytes; this build expects "
                    + Limits.MODEL_CHUNK_BYTES);
        }
        long expected = (sizeBytes + chunkBytes - 1) / chunkBytes;
        if (chunkSha256.size() != expected) {
            throw new ProtocolException("model manifest lists " + chunkSha256.size() + " chunk digests for " + sizeBytes
                    + " bytes; expected " + expected);
        }
        return this;
    }

    /** The bytes of chunk {@code index} when they match this manifest; otherwise a {@link ProtocolException}. */
    public byte[] verifyChunk(ModelChunk chunk) {
        if (!chunk.version().equals(version)) {
            throw new ProtocolException(
                    "model chunk is of version " + chunk.version() + ", the download is " + version);
        }
        if (chunk.index() < 0 || chunk.index() >= chunks()) {
            throw new ProtocolException("model chunk index " + chunk.index() + " is outside 0.." + (chunks() - 1));
        }
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(chunk.data());
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("model chunk " + chunk.index() + " is not valid base64");
        }
        if (bytes.length != chunkLength(chunk.index())) {
            throw new ProtocolException("model chunk " + chunk.index() + " has " + bytes.length + " bytes; expected "
                    + chunkLength(chunk.index()));
        }
        if (!sameDigest(LexiconUpdate.sha256(bytes), chunkSha256.get(chunk.index()))) {
            throw new ProtocolException(
                    "model chunk " + chunk.index() + " does not match its sha256 (corrupted or tampered with)");
        }
        return bytes;
    }

    /** Whether {@code file} is the whole file this manifest names (size and SHA-256). */
    public boolean matchesFile(byte[] file) {
        return file.length == sizeBytes && sameDigest(LexiconUpdate.sha256(file), sha256);
    }

    private static boolean sameDigest(String a, String b) {
        return java.security.MessageDigest.isEqual(
                a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                b.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
