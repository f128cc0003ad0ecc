package io.vocedge.gateway.model;

import io.vocedge.gateway.store.DeviceEntry;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

/** Synthetic but valid insight model files (the VOCIM layout ModelFileHeader reads) and registry entries for tests. */
public final class ModelFiles {
    private ModelFiles() {}

    /** A model file named {@code version} with {@code bodyBytes} of pseudo-random weights (so chunks differ). */
    public static byte[] model(String version, int bodyBytes) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("VOCIM".getBytes(StandardCharsets.US_ASCII));
        out.writeInt(1);
        out.writeUTF(version);
        out.writeUTF("corpus-sha");
        out.writeUTF("en-1");
        out.writeUTF("summary");
        out.writeInt(9);
        byte[] body = new byte[bodyBytes];
        new Random(version.hashCode()).nextBytes(body);
        out.write(body);
        out.flush();
        byte[] all = bytes.toByteArray();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(all);
        byte[] file = Arrays.copyOf(all, all.length + 32);
        System.arraycopy(digest, 0, file, all.length, 32);
        return file;
    }

    /** About 300 KB: three chunks, the last one short. */
    public static byte[] model(String version) throws Exception {
        return model(version, 300_000);
    }

    static DeviceEntry device(String id, String site) {
        return new DeviceEntry(
                id, site, id, null, DeviceEntry.REGISTERED, Instant.now(), null, null, false, null, null);
    }
}
