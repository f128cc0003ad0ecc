package io.vocedge.common.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories only their owner can read: data directories 0700, databases, tokens, keys and runtime
 * files 0600, whatever the process umask. Redacted transcripts are still personal data; on a shared machine or a
 * Pi with several users nobody else reads them. On a non-POSIX file system these calls do nothing.
 */
public final class OwnerOnly {
    public static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Creates {@code dir} (and missing parents) and makes {@code dir} itself 0700, also when it already existed. */
    public static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, dirAttribute(dir));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(dir);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(dir)) {
                    throw new IOException(dir + " exists and is not a directory", e);
                }
            }
        }
        setPermissions(dir, DIR);
        return dir;
    }

    /** Makes an existing file 0600 (SQLite creates its -wal and -shm files with the database file's mode). */
    public static void restrict(Path file) throws IOException {
        if (Files.exists(file)) {
            setPermissions(file, FILE);
        }
    }

    /**
     * Creates an empty file 0600 if it does not exist yet, so a library that opens it afterwards (SQLite) never
     * creates it with the umask's mode; tightens an existing one.
     */
    public static Path file(Path file) throws IOException {
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            directory(file.getParent());
        }
        try {
            Files.createFile(file, fileAttribute(file));
        } catch (FileAlreadyExistsException e) {
            // Tightened below.
        } catch (UnsupportedOperationException e) {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        }
        restrict(file);
        return file;
    }

    /**
     * Writes {@code content} to {@code file} atomically (temp file 0600 in the same directory, fsync, rename), so a
     * crash leaves the old or the new content, never half of one, and never a moment with wider permissions.
     */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        file(tmp);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some file systems cannot fsync a directory; the rename itself is still atomic.
        }
    }

    /** True if group or others have any permission on {@code p}. */
    public static boolean isShared(Path p) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            for (PosixFilePermission perm : perms) {
                if (perm.name().startsWith("GROUP_") || perm.name().startsWith("OTHERS_")) {
                    return true;
                }
            }
            return false;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static void setPermissions(Path p, Set<PosixFilePermission> perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, perms);
        } catch (UnsupportedOperationException e) {
            // Not POSIX: nothing to tighten.
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> dirAttribute(Path p) {
        return PosixFilePermissions.asFileAttribute(DIR);
    }

    private static FileAttribute<Set<PosixFilePermission>> fileAttribute(Path p) {
        return PosixFilePermissions.asFileAttribute(FILE);
    }
}
