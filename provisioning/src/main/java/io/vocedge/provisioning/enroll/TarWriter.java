package io.vocedge.provisioning.enroll;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A minimal POSIX ustar writer (directories and regular files, names under 100 bytes), enough for a bundle of a
 * handful of small files with their permissions kept (the private key stays 0600 when unpacked with
 * {@code tar -xpf}). Avoids a compression library dependency for a few kilobytes.
 */
public final class TarWriter implements AutoCloseable {
    private final OutputStream out;
    private final long mtime;

    public TarWriter(OutputStream out, Instant mtime) {
        this.out = out;
        this.mtime = mtime.getEpochSecond();
    }

    public void directory(String name, int mode) throws IOException {
        header(name.endsWith("/") ? name : name + "/", mode, 0, '5');
    }

    public void file(String name, int mode, byte[] content) throws IOException {
        header(name, mode, content.length, '0');
        out.write(content);
        int pad = (512 - content.length % 512) % 512;
        out.write(new byte[pad]);
    }

    private void header(String name, int mode, long size, char type) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        if (nameBytes.length > 99) {
            throw new IOException("tar entry name too long: " + name);
        }
        byte[] h = new byte[512];
        System.arraycopy(nameBytes, 0, h, 0, nameBytes.length);
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        h[156] = (byte) type;
        byte[] magic = "ustar\00000".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, h, 257, magic.length);
        byte[] owner = "root".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(owner, 0, h, 265, owner.length);
        System.arraycopy(owner, 0, h, 297, owner.length);
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        h[155] = ' ';
        out.write(h);
    }

    private static void octal(byte[] h, int offset, int length, long value) {
        String s = Long.toOctalString(value);
        String padded = "0".repeat(Math.max(0, length - 1 - s.length())) + s;
        byte[] b = padded.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, offset, Math.min(b.length, length - 1));
        h[offset + length - 1] = 0;
    }

    /** Two zero blocks end the archive. */
    @Override
    public void close() throws IOException {
        out.write(new byte[1024]);
        out.flush();
    }
}
