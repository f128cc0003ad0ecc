package io.vocedge.device.insights.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The model file: a small binary format of our own (documented here and in device/README.md), uncompressed so the
 * same model always gives the same bytes whatever zlib the JDK ships.
 * <pre>
 *   magic "VOCIM" | format int (1) | version, corpus sha256, lexicon version, training summary (UTF) |
 *   features version int | topics (int n, UTF ids) | flags (int n, UTF ids) |
 *   temperature float | per yes/no head: Platt a, Platt b, threshold (floats) |
 *   rows int | row feature hashes (ascending ints) | bias float[heads] | scale float[heads] | weights short[rows*heads] |
 *   SHA-256 of everything before (32 bytes)
 * </pre>
 * {@link #read} refuses a file that is truncated, altered (checksum), of another format or of another feature version,
 * naming what is wrong.
 */
public final class ModelCodec {
    static final int FORMAT = 1;
    private static final byte[] MAGIC = "VOCIM".getBytes(StandardCharsets.US_ASCII);
    /** Larger than any model we ship (< 5 MB); refuses absurd input before reading it. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private ModelCodec() {}

    public static byte[] write(InsightModel m) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(FORMAT);
            InsightModel.ModelInfo info = m.info();
            out.writeUTF(info.version());
            out.writeUTF(info.corpusSha256());
            out.writeUTF(info.lexiconVersion());
            out.writeUTF(info.trainingSummary());
            out.writeInt(info.featuresVersion());
            Labels labels = m.labels();
            out.writeInt(labels.topics().size());
            for (String t : labels.topics()) {
                out.writeUTF(t);
            }
            out.writeInt(labels.flags().size());
            for (String f : labels.flags()) {
                out.writeUTF(f);
            }
            out.writeFloat(m.temperature());
            float[] a = m.plattA();
            float[] b = m.plattB();
            float[] t = m.thresholds();
            for (int i = 0; i < labels.binaryHeads(); i++) {
                out.writeFloat(a[i]);
                out.writeFloat(b[i]);
                out.writeFloat(t[i]);
            }
            int[] keys = m.sortedKeys();
            out.writeInt(keys.length);
            for (int k : keys) {
                out.writeInt(k);
            }
            for (float x : m.biases()) {
                out.writeFloat(x);
            }
            for (float x : m.scales()) {
                out.writeFloat(x);
            }
            for (short w : m.quantizedWeights()) {
                out.writeShort(w);
            }
            out.flush();
            byte[] body = bytes.toByteArray();
            byte[] sum = sha256(body, body.length);
            byte[] file = Arrays.copyOf(body, body.length + sum.length);
            System.arraycopy(sum, 0, file, body.length, sum.length);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    /** Reads and verifies a model file; {@link IllegalArgumentException} names what is wrong. */
    public static InsightModel read(byte[] file, String source) {
        if (file.length > MAX_BYTES) {
            throw new IllegalArgumentException("model " + source + " is " + file.length + " bytes, more than the "
                    + MAX_BYTES + " a model may have");
        }
        if (file.length < MAGIC.length + 36 || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException(
                    "model " + source + " is not a VoC Edge insight model (no VOCIM header)");
        }
        byte[] expected = sha256(file, file.length - 32);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(file, file.length - 32, file.length))) {
            throw new IllegalArgumentException("model " + source + " is damaged or truncated (SHA-256 check failed)");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(file, 0, file.length - 32));
            in.skipNBytes(MAGIC.length);
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("model " + source + " has format " + format
                        + "; this agent reads format " + FORMAT + " (upgrade the agent or retrain with it)");
            }
            String version = in.readUTF();
            String corpus = in.readUTF();
            String lexicon = in.readUTF();
            String summary = in.readUTF();
            int features = in.readInt();
            if (features != Featurizer.VERSION) {
                throw new IllegalArgumentException("model " + source + " was trained on features version " + features
                        + "; this agent computes version " + Featurizer.VERSION
                        + " (retrain with this agent's 'insights train')");
            }
            List<String> topics = readIds(in, "topics", source);
            List<String> flags = readIds(in, "flags", source);
            Labels labels = new Labels(topics, flags);
            float temperature = in.readFloat();
            int binary = labels.binaryHeads();
            float[] a = new float[binary];
            float[] b = new float[binary];
            float[] t = new float[binary];
            for (int i = 0; i < binary; i++) {
                a[i] = in.readFloat();
                b[i] = in.readFloat();
                t[i] = in.readFloat();
            }
            int rows = in.readInt();
            int heads = labels.heads();
            if (rows < 0 || (long) rows * (2L * heads + 4) > file.length) {
                throw new IllegalArgumentException(
                        "model " + source + " claims " + rows + " rows, more than its size holds");
            }
            int[] keys = new int[rows];
            for (int r = 0; r < rows; r++) {
                keys[r] = in.readInt();
                if (r > 0 && keys[r] <= keys[r - 1]) {
                    throw new IllegalArgumentException("model " + source + ": feature rows are not in ascending order");
                }
            }
            float[] bias = new float[heads];
            float[] scale = new float[heads];
            for (int h = 0; h < heads; h++) {
                bias[h] = in.readFloat();
            }
            for (int h = 0; h < heads; h++) {
                scale[h] = in.readFloat();
            }
            short[] w = new short[rows * heads];
            for (int i = 0; i < w.length; i++) {
                w[i] = in.readShort();
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException(
                        "model " + source + " has " + in.available() + " unexpected trailing bytes");
            }
            InsightModel.ModelInfo info = new InsightModel.ModelInfo(version, corpus, lexicon, features, rows, summary);
            return new InsightModel(info, labels, keys, w, scale, bias, temperature, a, b, t);
        } catch (IOException e) {
            throw new IllegalArgumentException("model " + source + " is truncated: " + e.getMessage(), e);
        }
    }

    private static List<String> readIds(DataInputStream in, String what, String source) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 256) {
            throw new IllegalArgumentException("model " + source + " lists " + n + " " + what + " (at most 256)");
        }
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = in.readUTF();
            if (!id.matches("[a-z][a-z0-9_]{0,63}")) {
                throw new IllegalArgumentException("model " + source + ": bad " + what + " id '" + id + "'");
            }
            ids.add(id);
        }
        return ids;
    }

    static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(data, 0, length);
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
