package io.vocedge.provisioning.install;

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
            throw new ProvisionException("--target " + target + " exists and is not a directory: choose the model directory "
                    + "(asr.model in device.yaml), e.g. /opt/voc/model");
        }
        Checksums.verify(archive, expected);
        Path tmp = SafeFiles.tempDirNextTo(t);
        try {
            int files = zip.extract(archive, tmp);
            Path root = singleTopDirectory(tmp);
            List<String> problems = VoskModelLayout.problems(root);
            if (!problems.isEmpty()) {
                throw new ProvisionException(archive + " is not a complete Vosk model: " + String.join("; ", problems)
                        + ". Use a model archive from https://alphacephei.com/vosk/models (the current model was not touched)");
            }
            try {
                SafeFiles.setPermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new ProvisionException("cannot set permissions on " + root + ": " + e.getMessage(), e);
            }
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
            throw new ProvisionException("cannot move the new model into " + target + ": " + SafeFiles.describe(e)
                    + " (the previous model was kept)", e);
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
