package io.vocedge.provisioning.install;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.provisioning.ProvisionException;
import io.vocedge.provisioning.fs.SafeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.tinylog.Logger;

/**
 * {@code model install}: checksum, unpack into a temporary directory next to the target (same file system, so
 * the final step is a rename), validate the Vosk layout, then swap: the current model becomes
 * {@code <target>.previous} and the new one takes its name. Any failure before the swap leaves the current model
 * as it was; a failure during the swap puts it back.
 */
public final class ModelInstaller {
    public static final long MAX_BYTES = 8L * 1024 * 1024 * 1024;
    public static final int MAX_ENTRIES = 100_000;

    private final ZipExtractor zip;

    public ModelInstaller() {
        this(new ZipExtractor(MAX_BYTES, MAX_ENTRIES));
    }

    public ModelInstaller(ZipExtractor zip) {
        this.zip = zip;
    }

    public Installed install(Path archive, String sha256, Path target) {
        String expected = Checksums.requireSha256(sha256);
        Path t = target.toAbsolutePath().normalize();
        if (Files.exists(t, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(
                    "--target " + target + " exists and is not a directory: choose the model directory "
                            + "(asr.model in device.yaml), e.g. /opt/voc/model");
        }
        Checksums.verify(archive, expected);
        // A fresh Pi has no /opt/voc: create the missing parents (0755, never under a directory others can write).
        for (Path created : SafeFiles.createDirectories(t.getParent())) {
            Logger.info("event=directory_created path={} mode=0755", created);
        }
        Path tmp = SafeFiles.tempDirNextTo(t);
        try {
            int files = zip.extract(archive, tmp);
            Path root = singleTopDirectory(tmp);
            List<String> problems = VoskModelLayout.problems(root);
            if (!problems.isEmpty()) {
                throw new BadInputException(
                        archive + " is not a complete Vosk model: " + String.join("; ", problems)
                                + ". Use a model archive from https://alphacephei.com/vosk/models (the current model was not touched)");
            }
            readableByAll(root);
            Path previous = swap(root, t);
            Logger.info("event=model_installed target={} sha256={} files={} previous={}", t, expected, files, previous);
            return new Installed(t, previous, expected, files);
        } finally {
            SafeFiles.deleteQuietly(tmp);
        }
    }

    /** Moves {@code fresh} to {@code target}; an existing target becomes {@code target.previous} (replacing an older one). */
    static Path swap(Path fresh, Path target) {
        Path previous = target.resolveSibling(target.getFileName() + ".previous");
        boolean hadOld = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        try {
            if (hadOld) {
                SafeFiles.deleteQuietly(previous);
                SafeFiles.moveAtomically(target, previous);
            }
            try {
                SafeFiles.moveAtomically(fresh, target);
            } catch (IOException e) {
                if (hadOld) {
                    SafeFiles.moveAtomically(previous, target);
                }
                throw e;
            }
            return hadOld ? previous : null;
        } catch (IOException e) {
            throw new ProvisionException(
                    "cannot move the new model into " + target + ": " + SafeFiles.describe(e)
                            + " (the previous model was kept)",
                    e);
        }
    }

    /**
     * Directories 0755, files 0644 whatever the umask of whoever ran the install: the agent reads the model as its
     * own user ('voc'), and a root umask of 077 would otherwise leave it unreadable.
     */
    static void readableByAll(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                SafeFiles.setPermissions(
                        p,
                        java.nio.file.attribute.PosixFilePermissions.fromString(
                                Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        } catch (IOException e) {
            throw new ProvisionException("cannot set permissions in " + root + ": " + e.getMessage(), e);
        }
    }

    /** Model zips contain one top-level directory (vosk-model-small-en-us-0.15/); use it as the model root. */
    static Path singleTopDirectory(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> entries = s.toList();
            if (entries.size() == 1 && Files.isDirectory(entries.get(0)) && !Files.exists(dir.resolve("am"))) {
                return entries.get(0);
            }
            return dir;
        } catch (IOException e) {
            throw new ProvisionException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
