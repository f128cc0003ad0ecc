package io.vocedge.protocol;

import java.util.Base64;
import java.util.Objects;

/**
 * {@code voc.model-chunk/1}: chunk {@code index} of model {@code version}, {@code data} its bytes in base64, sent by a
 * gateway on the {@code down/model_chunk} topic of the one device that asked. Checked against the manifest's digest
 * ({@link ModelManifest#verifyChunk}) before a byte is kept.
 */
public record ModelChunk(String version, int index, String data) implements Envelope {
    public ModelChunk {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(data, "data");
    }

    @Override
    public SchemaId schemaId() {
        return SchemaId.MODEL_CHUNK;
    }

    /** Chunk {@code index} of {@code file} as the manifest cuts it. */
    public static ModelChunk of(ModelManifest manifest, byte[] file, int index) {
        int from = index * manifest.chunkBytes();
        byte[] part = java.util.Arrays.copyOfRange(file, from, from + manifest.chunkLength(index));
        return new ModelChunk(manifest.version(), index, Base64.getEncoder().encodeToString(part));
    }
}
