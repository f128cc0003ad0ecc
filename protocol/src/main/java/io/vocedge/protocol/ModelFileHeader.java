package io.vocedge.protocol;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * What a gateway can check of an insight model file without the device's model code: the {@code VOCIM} magic, the
 * format, the file's own trailing SHA-256 (over everything before it), and the names it carries: its version (what
 * the device will report as {@code model_version} once it runs it) and the features version it was trained on. The
 * device checks everything else when it installs the file (the device's {@code ModelCodec}); this is the same layout
 * read only as far as the gateway needs, so a wrong or damaged file is refused at {@code model publish}, not on every
 * device.
 */
public record ModelFileHeader(
        int format, String version, String corpusSha256, String lexiconVersion, int featuresVersion) {
    private static final byte[] MAGIC = "VOCIM".getBytes(StandardCharsets.US_ASCII);
    /** The newest model file format this build reads (2: weights packed to their bits; 1: 16-bit weights). */
    public static final int FORMAT = 2;

    private static final int OLDEST_FORMAT = 1;

    /** Reads the header; {@link IllegalArgumentException} names what is wrong with the file. */
    public static ModelFileHeader read(byte[] file, String source) {
        if (file.length > Limits.MAX_MODEL_BYTES) {
            throw new IllegalArgumentException(
                    source + " is " + file.length + " bytes; a model file may have at most " + Limits.MAX_MODEL_BYTES);
        }
        if (file.length < MAGIC.length + 36 || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException(source + " is not a VoC Edge insight model (no VOCIM header); make one "
                    + "with 'voc-device insights train --corpus DIR --out FILE'");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(file, file.length - 32));
            if (!MessageDigest.isEqual(digest, Arrays.copyOfRange(file, file.length - 32, file.length))) {
                throw new IllegalArgumentException(source + " is damaged or truncated (its SHA-256 check failed)");
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(file, 0, file.length - 32))) {
            in.skipNBytes(MAGIC.length);
            int format = in.readInt();
            if (format < OLDEST_FORMAT || format > FORMAT) {
                throw new IllegalArgumentException(source + " has model format " + format
                        + "; this build reads formats " + OLDEST_FORMAT + " to " + FORMAT);
            }
            String version = in.readUTF();
            String corpus = in.readUTF();
            String lexicon = in.readUTF();
            in.readUTF(); // training summary
            int features = in.readInt();
            if (!version.matches("[0-9A-Za-z._-]{1,64}")) {
                throw new IllegalArgumentException(source + " names itself '" + SchemaId.abbreviate(version)
                        + "', not a model version (1-64 of A-Z a-z 0-9 . _ -)");
            }
            return new ModelFileHeader(format, version, corpus, lexicon, features);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " ends inside its header (truncated or not a model file)");
        }
    }
}
