package io.vocedge.device.outbox;

import io.vocedge.common.fs.OwnerOnly;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A high-water mark for sequence numbers kept beside the outbox file. The outbox reserves blocks ahead of
 * use, so if the SQLite file is found corrupt and quarantined, the fresh outbox still continues above every
 * sequence number ever handed out: {@code seq} stays strictly increasing per device (guarantee 2).
 */
final class SeqReservation {
    static final long BLOCK = 10_000;

    private final Path file;
    private long reservedUpTo;

    SeqReservation(Path file) throws IOException {
        this.file = file;
        this.reservedUpTo = Files.exists(file) ? parse(Files.readString(file, StandardCharsets.US_ASCII)) : 0;
    }

    private long parse(String text) throws IOException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IOException(
                    "sequence reservation file " + file + " is damaged ('" + text.trim()
                            + "'); restore it or write the highest seq the gateway has seen for this device into it",
                    e);
        }
    }

    long reservedUpTo() {
        return reservedUpTo;
    }

    /** Makes sure every seq below {@code nextSeq + needed} is covered by a durable reservation. */
    void ensure(long nextSeq, int needed) throws IOException {
        long last = nextSeq + needed;
        if (last <= reservedUpTo) {
            return;
        }
        long target = last + BLOCK;
        Path tmp = OwnerOnly.file(file.resolveSibling(file.getFileName() + ".tmp"));
        try (FileChannel ch = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(Long.toString(target).getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        reservedUpTo = target;
    }
}
