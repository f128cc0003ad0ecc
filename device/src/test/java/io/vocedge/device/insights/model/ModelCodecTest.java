package io.vocedge.device.insights.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.device.insights.InsightEngine;
import io.vocedge.device.insights.Lexicon;
import io.vocedge.device.insights.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model file's weights packed to the bits they use (format 2), and the 16-bit format 1 still read. The files here
 * are written by {@link #file}, which follows the format as ModelCodec's javadoc documents it, not by the codec itself.
 */
class ModelCodecTest {
    private static InsightModel model;

    @BeforeAll
    static void trainASmallModel() throws Exception {
        List<Example> slice =
                LabelledCorpus.read(Path.of("corpus/train")).examples().subList(0, 150);
        InsightEngine rules = new InsightEngine(new Redactor(), Lexicon.loadDefault());
        String sha = ModelTraining.digest("codec".getBytes(StandardCharsets.UTF_8), "L1");
        model = ModelCodec.read(
                ModelTraining.train(slice, rules::prepare, sha, "L1", "c", 3).bytes(), "test");
    }

    @Test
    void everyWidthFromTwoToSixteenBitsPacksAndUnpacksEveryValueItHolds() {
        Random random = new Random(7);
        for (int bits = 2; bits <= 16; bits++) {
            int top = (1 << (bits - 1)) - 1;
            short[] w = new short[1001]; // an odd count, so most widths end in a part-filled byte
            for (int i = 0; i < w.length; i++) {
                w[i] = (short) (random.nextInt(2 * top + 2) - top - 1);
            }
            w[0] = (short) top;
            w[1] = (short) (-top - 1);
            w[2] = 0;
            w[3] = -1;
            byte[] packed = ModelCodec.pack(w, bits);
            assertThat(packed).hasSize((w.length * bits + 7) / 8);
            assertThat(ModelCodec.unpack(packed, w.length, bits, "test")).isEqualTo(w);
            assertThat(ModelCodec.bitsFor(w)).isEqualTo(bits);
        }
    }

    @Test
    void aTrainedModelUsesTwelveBitsAndItsFileReadsBackToTheSameBytes() {
        byte[] bytes = ModelCodec.write(model);
        assertThat(ModelCodec.bitsFor(model.quantizedWeights())).isEqualTo(12);
        assertThat(model.info().trainingSummary()).contains("weight_bits=12");
        assertThat(bytes).isEqualTo(file(2, 12, ModelCodec.pack(model.quantizedWeights(), 12)));
        assertThat(ModelCodec.write(ModelCodec.read(bytes, "test"))).isEqualTo(bytes);
    }

    @Test
    void aFormatOneFileWithSixteenBitWeightsIsStillReadAsTheSameModel() {
        short[] w = model.quantizedWeights();
        ByteArrayOutputStream shorts = new ByteArrayOutputStream();
        for (short x : w) {
            shorts.write(x >> 8);
            shorts.write(x);
        }
        InsightModel old = ModelCodec.read(file(1, -1, shorts.toByteArray()), "format 1");
        assertThat(old.quantizedWeights()).isEqualTo(w);
        assertThat(old.sortedKeys()).isEqualTo(model.sortedKeys());
        assertThat(old.scales()).isEqualTo(model.scales());
        assertThat(old.version()).isEqualTo(model.version());
        // written again, it is the current format
        assertThat(ModelCodec.write(old)).isEqualTo(ModelCodec.write(model));
    }

    @Test
    void aFileWithImpossibleWidthsPaddingOrFormatIsRefusedWithTheReason() {
        byte[] packed = ModelCodec.pack(model.quantizedWeights(), 12);
        assertThatThrownBy(() -> ModelCodec.read(file(2, 17, packed), "wide")).hasMessageContaining("17-bit weights");
        assertThatThrownBy(() -> ModelCodec.read(file(2, 1, packed), "narrow")).hasMessageContaining("1-bit weights");
        assertThatThrownBy(() -> ModelCodec.read(file(2, 12, Arrays.copyOf(packed, packed.length - 1)), "short"))
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> ModelCodec.read(file(2, 12, Arrays.copyOf(packed, packed.length + 1)), "long"))
                .hasMessageContaining("trailing bytes");
        assertThatThrownBy(() -> ModelCodec.read(file(3, 12, packed), "future"))
                .hasMessageContaining("format 3")
                .hasMessageContaining("upgrade the agent");
        // an odd number of 12-bit weights leaves four padding bits, which must be zero
        short[] odd = {5, -5, 7};
        byte[] padded = ModelCodec.pack(odd, 12);
        padded[padded.length - 1] |= 1;
        assertThatThrownBy(() -> ModelCodec.unpack(padded, 3, 12, "padded")).hasMessageContaining("padding");
    }

    /** A model file as documented: format 1 has no weight bits field ({@code bits} < 0), format 2 has it. */
    private static byte[] file(int format, int bits, byte[] weights) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write("VOCIM".getBytes(StandardCharsets.US_ASCII));
            out.writeInt(format);
            InsightModel.ModelInfo info = model.info();
            out.writeUTF(info.version());
            out.writeUTF(info.corpusSha256());
            out.writeUTF(info.lexiconVersion());
            out.writeUTF(info.trainingSummary());
            out.writeInt(info.featuresVersion());
            out.writeInt(model.labels().topics().size());
            for (String t : model.labels().topics()) {
                out.writeUTF(t);
            }
            out.writeInt(model.labels().flags().size());
            for (String f : model.labels().flags()) {
                out.writeUTF(f);
            }
            out.writeFloat(model.temperature());
            for (int i = 0; i < model.labels().binaryHeads(); i++) {
                out.writeFloat(model.plattA()[i]);
                out.writeFloat(model.plattB()[i]);
                out.writeFloat(model.thresholds()[i]);
            }
            if (bits >= 0) {
                out.writeInt(bits);
            }
            out.writeInt(model.sortedKeys().length);
            for (int k : model.sortedKeys()) {
                out.writeInt(k);
            }
            for (float b : model.biases()) {
                out.writeFloat(b);
            }
            for (float s : model.scales()) {
                out.writeFloat(s);
            }
            out.write(weights);
            out.flush();
            byte[] body = bytes.toByteArray();
            byte[] sum = ModelCodec.sha256(body, body.length);
            byte[] all = Arrays.copyOf(body, body.length + sum.length);
            System.arraycopy(sum, 0, all, body.length, sum.length);
            return all;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
