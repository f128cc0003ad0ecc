package io.vocedge.device.insights;

import io.vocedge.device.insights.model.InsightModel;
import io.vocedge.device.insights.model.ModelCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model that ships in the jar ({@code model-default.vocim}, next to {@code lexicon-default.yaml}), trained by
 * {@code voc-device insights train} from {@code device/corpus/train}; or a model file named by
 * {@code insights.model_file}.
 */
public final class BundledModel {
    static final String RESOURCE = "model-default.vocim";

    private BundledModel() {}

    /** The model in the jar; {@link IllegalStateException} if it is missing or damaged (a broken build). */
    public static InsightModel load() {
        try (InputStream in = BundledModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " missing from the device jar (run 'voc-device insights train')");
            }
            return ModelCodec.read(in.readNBytes(ModelCodec.MAX_BYTES + 1), "built-in " + RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in model", e);
        }
    }

    /** A model file on disk (the {@code insights.model_file} override); errors name the file and the fix. */
    public static InsightModel load(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("model file " + file + " does not exist or is unreadable (insights.model_file)");
        }
        if (Files.size(file) > ModelCodec.MAX_BYTES) {
            throw new IOException("model file " + file + " is larger than " + ModelCodec.MAX_BYTES + " bytes");
        }
        return ModelCodec.read(Files.readAllBytes(file), file.toString());
    }
}
