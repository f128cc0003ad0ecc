package io.vocedge.provisioning.fs;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.provisioning.ProvisionException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Writes that never leave a half-written file behind: content goes to a temporary file in the same directory,
 * is fsynced, given its final permissions and then renamed over the target in one step. Secrets are created
 * owner-only from the first byte (never written world-readable and chmod-ed afterwards).
 */
public final class SafeFiles {
    public static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");
    public static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SafeFiles() {}

    /** Writes {@code bytes} to {@code target} atomically, readable by everyone (certificates, configs). */
    public static void writePublic(Path target, byte[] bytes) {
        write(target, bytes, PUBLIC);
    }

    /** Writes {@code bytes} to {@code target} atomically, readable by the owner only (keys, tokens). */
    public static void writePrivate(Path target, byte[] bytes) {
        write(target, bytes, PRIVATE);
    }

    public static void write(Path target, byte[] bytes, Set<PosixFilePermission> perms) {
        Path dir = parentOf(target);
        requireWritableDirectory(dir, target);
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + randomSuffix());
        try {
            try (FileChannel ch = FileChannel.open(
                            tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes(perms));
                    OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                out.write(bytes);
                out.flush();
                ch.force(true);
            }
            setPermissions(tmp, perms);
            moveAtomically(tmp, target);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new ProvisionException(
                    "cannot write " + target + ": " + describe(e)
                            + " (check that the directory exists, is writable and the disk is not full)",
                    e);
        }
    }

    /** A fresh private directory next to {@code target}, for building something that is then renamed into place. */
    public static Path tempDirNextTo(Path target) {
        Path dir = parentOf(target);
        requireWritableDirectory(dir, target);
        try {
            Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + randomSuffix());
            return Files.createDirectory(tmp, attributes(PRIVATE_DIR));
        } catch (IOException e) {
            throw new ProvisionException(
                    "cannot create a temporary directory in " + dir + ": " + describe(e)
                            + " (check that it is writable and the disk is not full)",
                    e);
        }
    }

    /** Rename within one file system; fails rather than falling back to a non-atomic copy. */
    public static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + from + " to " + to + " atomically (different file systems?)", e);
        }
    }

    /**
     * Creates {@code dir} and its missing parents like {@code install -d}: each new directory 0755 whatever the umask
     * (an install target such as {@code /opt/voc/model} on a fresh Pi, read by the agent's own user). Refuses to
     * create anything under a directory that other users may write to and that is not sticky: they could replace
     * what we create with their own (a swapped speech model or library).
     *
     * @return the directories created, outermost first (empty when {@code dir} existed)
     */
    public static java.util.List<Path> createDirectories(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        java.util.Deque<Path> missing = new java.util.ArrayDeque<>();
        Path p = abs;
        while (p != null && !Files.exists(p)) {
            missing.push(p);
            p = p.getParent();
        }
        if (missing.isEmpty()) {
            if (!Files.isDirectory(abs)) {
                throw new BadInputException(abs + " exists and is not a directory: choose another path");
            }
            return java.util.List.of();
        }
        if (p == null || !Files.isDirectory(p)) {
            throw new BadInputException(p + " (for " + abs + ") is not a directory: choose another path");
        }
        if (writableByOthers(p)) {
            throw new BadInputException("refusing to create " + missing.peek() + " inside " + p
                    + ", which other users can " + "write to: create " + abs
                    + " yourself with the right owner (e.g. sudo install -d -m 0755 " + abs + ")");
        }
        java.util.List<Path> created = new java.util.ArrayList<>();
        for (Path m : missing) {
            try {
                Files.createDirectory(m);
                setPermissions(m, PosixFilePermissions.fromString("rwxr-xr-x"));
                created.add(m);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (!Files.isDirectory(m)) {
                    throw new BadInputException(m + " exists and is not a directory: choose another path");
                }
            } catch (IOException e) {
                throw new ProvisionException(
                        "cannot create " + m + ": " + describe(e) + " (run with sudo for a system "
                                + "directory such as /opt/voc, or choose another path)",
                        e);
            }
        }
        return java.util.List.copyOf(created);
    }

    /** Group- or world-writable and without the sticky bit ({@code /tmp} is sticky: others cannot replace our entries). */
    static boolean writableByOthers(Path dir) {
        try {
            Object mode = Files.getAttribute(dir, "unix:mode");
            if (mode instanceof Integer m) {
                boolean sticky = (m & 01000) != 0;
                return (m & 0022) != 0 && !sticky;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // No unix view (not Linux/POSIX): nothing to check.
        }
        return false;
    }

    public static void requireWritableDirectory(Path dir, Path forTarget) {
        if (!Files.exists(dir)) {
            throw new BadInputException("directory " + dir + " (for " + forTarget + ") does not exist: create it first "
                    + "or choose another path");
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + " (for " + forTarget + ") is not a directory: choose another path");
        }
        if (!Files.isWritable(dir)) {
            throw new ProvisionException(
                    "directory " + dir + " is not writable: fix its permissions or choose another path");
        }
    }

    public static void setPermissions(Path p, Set<PosixFilePermission> perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, perms);
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system (e.g. a FAT SD-card partition): nothing we can set.
        }
    }

    public static FileAttribute<?>[] attributes(Set<PosixFilePermission> perms) {
        if (!java.nio.file.FileSystems.getDefault()
                .supportedFileAttributeViews()
                .contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)};
    }

    /** Deletes a file or a directory tree; problems are ignored (used for clean-up after a failure). */
    public static void deleteQuietly(Path p) {
        if (p == null || !Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    public static String randomSuffix() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null
                ? kind
                : kind.equals("IOException") ? e.getMessage() : kind + ": " + e.getMessage();
    }

    private static Path parentOf(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        return abs.getParent() == null ? abs.getRoot() : abs.getParent();
    }
}
