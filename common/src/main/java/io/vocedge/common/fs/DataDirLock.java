package io.vocedge.common.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory for the life of the process, so a second instance cannot open the same
 * store (two device agents would hand out the same sequence numbers; two gateways would fight over one SQLite file).
 * The OS releases it when the process dies, even on {@code kill -9}: a stale lock never blocks a restart.
 */
public final class DataDirLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the directory owner-only if needed and locks it.
     *
     * @param who what holds it, for the message ({@code agent}, {@code gateway})
     */
    public static DataDirLock acquire(Path dataDir, String who) throws IOException {
        OwnerOnly.directory(dataDir);
        Path file = dataDir.resolve(".lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        OwnerOnly.restrict(file);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            ch.close();
            throw new IOException("data directory " + dataDir.toAbsolutePath() + " is in use by another " + who
                    + "; stop it first or give this one its own --data-dir");
        }
        return new DataDirLock(ch, l);
    }

    @Override
    public void close() throws IOException {
        if (lock.isValid()) {
            lock.release();
        }
        channel.close();
    }
}
