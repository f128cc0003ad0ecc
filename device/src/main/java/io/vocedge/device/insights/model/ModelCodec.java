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
 *   magic "VOCIM" | format int (2) | version, corpus sha256, lexicon version, training summary (UTF) |
 *   features version int | topics (int n, UTF ids) | flags (int n, UTF ids) |
 *   temperature float | per yes/no head: Platt a, Platt b, threshold (floats) |
 *   weight bits int (2-16) | rows int | row feature hashes (ascending ints) | bias float[heads] | scale float[heads] |
 *   weights: rows*heads two's-complement numbers of that many bits, packed most significant bit first, the last byte
 *   padded with zero bits |
 *   SHA-256 of everything before (32 bytes)
 * </pre>
 * Format 1 (until 2026-12-07) had no weight bits field and 16-bit weights; it is still read, so a device that upgrades
 * its agent keeps the model it has. Packing to the bits the weights use, rather than compressing the file, keeps the
 * bytes the same on every JDK. {@link #read} refuses a file that is truncated, altered (checksum), of another format or
 * of another feature version, naming what is wrong.
 */
public final class ModelCodec {
    static final int FORMAT = 2;
    private static final int FORMAT_SIXTEEN_BIT = 1;
    /** The widest weight a file holds (the model keeps weights in shorts). */
    static final int MAX_WEIGHT_BITS = 16;

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
            short[] weights = m.quantizedWeights();
            int bits = bitsFor(weights);
            out.writeInt(bits);
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
            out.write(pack(weights, bits));
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
            if (format != FORMAT && format != FORMAT_SIXTEEN_BIT) {
                throw new IllegalArgumentException("model " + source + " has format " + format
                        + "; this agent reads formats " + FORMAT_SIXTEEN_BIT + " and " + FORMAT
                        + " (upgrade the agent or retrain with it)");
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
            int bits = format == FORMAT_SIXTEEN_BIT ? MAX_WEIGHT_BITS : in.readInt();
            if (bits < 2 || bits > MAX_WEIGHT_BITS) {
                throw new IllegalArgumentException("model " + source + " has " + bits
                        + "-bit weights; this agent reads 2 to " + MAX_WEIGHT_BITS + " bits");
            }
            int rows = in.readInt();
            int heads = labels.heads();
            if (rows < 0 || (long) rows * ((long) bits * heads + 32) > 8L * file.length) {
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
            byte[] packed = new byte[(int) (((long) rows * heads * bits + 7) / 8)];
            in.readFully(packed);
            short[] w = unpack(packed, rows * heads, bits, source);
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

    /** The fewest bits that hold every weight as a two's-complement number (at least 2). */
    static int bitsFor(short[] weights) {
        int max = 0;
        for (short w : weights) {
            max = Math.max(max, w < 0 ? -w - 1 : w);
        }
        return Math.max(2, 33 - Integer.numberOfLeadingZeros(max));
    }

    static byte[] pack(short[] weights, int bits) {
        byte[] out = new byte[(int) (((long) weights.length * bits + 7) / 8)];
        int mask = (1 << bits) - 1;
        long acc = 0;
        int held = 0;
        int at = 0;
        for (short w : weights) {
            acc = (acc << bits) | (w & mask);
            held += bits;
            while (held >= 8) {
                held -= 8;
                out[at++] = (byte) (acc >>> held);
            }
        }
        if (held > 0) {
            out[at] = (byte) (acc << (8 - held));
        }
        return out;
    }

    static short[] unpack(byte[] packed, int count, int bits, String source) {
        short[] out = new short[count];
        int shift = 32 - bits;
        long acc = 0;
        int held = 0;
        int at = 0;
        for (int i = 0; i < count; i++) {
            while (held < bits) {
                acc = (acc << 8) | (packed[at++] & 0xff);
                held += 8;
            }
            held -= bits;
            // sign-extend the field from its top bit
            out[i] = (short) (((int) (acc >>> held) << shift) >> shift);
        }
        if ((acc & ((1L << held) - 1)) != 0) {
            throw new IllegalArgumentException("model " + source + ": the padding after the weights is not zero");
        }
        return out;
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
