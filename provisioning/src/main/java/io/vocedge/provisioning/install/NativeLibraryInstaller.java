package io.vocedge.provisioning.install;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.provisioning.ProvisionException;
import io.vocedge.provisioning.fs.SafeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.tinylog.Logger;

/**
 * {@code native install}: Vosk's release archive for the Pi ({@code vosk-linux-aarch64-0.3.45.zip} or
 * {@code vosk-linux-armv7l-0.3.45.zip}) -> {@code <target>/libvosk.so}. Checksum, unpack to a temporary directory,
 * check the library is an ELF shared object for the requested architecture, then rename it over the old one (one
 * atomic step; the old one is kept as {@code libvosk.so.previous}).
 */
public final class NativeLibraryInstaller {
    public static final String LIBRARY = "libvosk.so";
    private final ZipExtractor zip = new ZipExtractor(512L * 1024 * 1024, 1000);

    /** CPU architectures Vosk ships for Linux, with ELF class and e_machine. */
    public enum Arch {
        AARCH64(2, 183),
        ARMV7L(1, 40),
        X86_64(2, 62);

        final int elfClass;
        final int machine;

        Arch(int elfClass, int machine) {
            this.elfClass = elfClass;
            this.machine = machine;
        }

        public static Arch parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new BadInputException(
                        "--arch '" + s + "' is not supported: use aarch64 (Pi 4/5, 64-bit OS), armv7l "
                                + "(32-bit OS) or x86_64; 'uname -m' on the device says which");
            }
        }
    }

    public Installed install(Path archive, String sha256, Path targetDir, Arch arch) {
        String expected = Checksums.requireSha256(sha256);
        Path dir = targetDir.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException(
                    "--target " + targetDir + " is not a directory: give the directory of asr.native_lib_dir "
                            + "from device.yaml, e.g. /opt/voc/lib");
        }
        Checksums.verify(archive, expected);
        for (Path created : SafeFiles.createDirectories(dir)) {
            Logger.info("event=directory_created path={} mode=0755", created);
        }
        Path tmp = SafeFiles.tempDirNextTo(dir.resolve(LIBRARY));
        try {
            zip.extract(archive, tmp);
            Path lib = findLibrary(tmp, archive);
            checkElf(lib, arch, archive);
            SafeFiles.setPermissions(lib, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Path target = dir.resolve(LIBRARY);
            Path previous = null;
            if (Files.exists(target)) {
                previous = dir.resolve(LIBRARY + ".previous");
                Files.deleteIfExists(previous);
                Files.createLink(previous, target);
            }
            SafeFiles.moveAtomically(lib, target);
            Logger.info("event=native_installed target={} arch={} sha256={}", target, arch, expected);
            return new Installed(target, previous, expected, 1);
        } catch (IOException e) {
            throw new ProvisionException(
                    "cannot install " + LIBRARY + " into " + dir + ": " + SafeFiles.describe(e)
                            + " (the previous library was kept)",
                    e);
        } finally {
            SafeFiles.deleteQuietly(tmp);
        }
    }

    private static Path findLibrary(Path dir, Path archive) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().equals(LIBRARY) && Files.isRegularFile(p))
                    .toList();
            if (found.size() != 1) {
                throw new BadInputException(archive + " contains " + found.size() + " " + LIBRARY
                        + " files, expected exactly 1: " + "use Vosk's release archive vosk-linux-<arch>-0.3.45.zip");
            }
            return found.get(0);
        }
    }

    static void checkElf(Path lib, Arch arch, Path archive) throws IOException {
        byte[] h;
        try (InputStream in = Files.newInputStream(lib)) {
            h = in.readNBytes(20);
        }
        if (h.length < 20 || h[0] != 0x7f || h[1] != 'E' || h[2] != 'L' || h[3] != 'F') {
            throw new BadInputException(
                    LIBRARY + " in " + archive + " is not an ELF library (corrupt archive?): download it again");
        }
        int elfClass = h[4];
        boolean little = h[5] == 1;
        int machine = little ? (h[18] & 0xff) | (h[19] & 0xff) << 8 : (h[19] & 0xff) | (h[18] & 0xff) << 8;
        if (elfClass != arch.elfClass || machine != arch.machine) {
            throw new BadInputException(LIBRARY + " in " + archive + " is built for another CPU (ELF class " + elfClass
                    + ", machine " + machine + ") than " + arch.name().toLowerCase(Locale.ROOT)
                    + ": use vosk-linux-" + arch.name().toLowerCase(Locale.ROOT) + "-0.3.45.zip (nothing was changed)");
        }
    }
}
