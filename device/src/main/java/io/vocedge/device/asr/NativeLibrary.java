package io.vocedge.device.asr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tinylog.Logger;
import org.vosk.LibVosk;
import org.vosk.LogLevel;

/**
 * Loads libvosk through JNA. The Vosk jar on Maven Central carries libvosk for x86-64 Linux, macOS and
 * Windows only; on a Raspberry Pi (aarch64, armv7) libvosk.so comes from Vosk's release archive for that
 * architecture (vosk-linux-aarch64-0.3.45.zip / vosk-linux-armv7l-0.3.45.zip), installed by provisioning in
 * {@code asr.native_lib_dir} (default {@code /opt/voc/lib}), which is added to {@code jna.library.path}.
 */
public final class NativeLibrary {
    private final Path nativeLibDir;
    private final String arch;
    private final String os;

    public NativeLibrary(Path nativeLibDir) {
        this(nativeLibDir, System.getProperty("os.arch"), System.getProperty("os.name"));
    }

    NativeLibrary(Path nativeLibDir, String arch, String os) {
        this.nativeLibDir = nativeLibDir;
        this.arch = arch.toLowerCase(Locale.ROOT);
        this.os = os.toLowerCase(Locale.ROOT);
    }

    /** True when the Vosk jar itself carries libvosk for this platform. */
    public boolean bundledInJar() {
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        return (x64 && (os.contains("linux") || os.contains("win"))) || os.contains("mac");
    }

    /** The error for a missing libvosk, exact enough to fix the device from it. */
    public String missingMessage() {
        return "libvosk.so for " + arch
                + " not found: the Vosk jar carries it only for x86-64 Linux, macOS and Windows. "
                + "Install libvosk.so from Vosk's release archive for this architecture (vosk-linux-"
                + (arch.startsWith("arm") ? "armv7l" : "aarch64") + "-0.3.45.zip) as "
                + nativeLibDir.resolve("libvosk.so")
                + " (asr.native_lib_dir; it is put on jna.library.path)";
    }

    /**
     * Points JNA at the configured directory (prepended, keeping any existing path) and forces the load.
     *
     * @throws IllegalStateException with {@link #missingMessage()} when the library cannot be loaded
     */
    public void load() {
        if (Files.isDirectory(nativeLibDir)) {
            String existing = System.getProperty("jna.library.path");
            String path = existing == null || existing.isBlank()
                    ? nativeLibDir.toString()
                    : nativeLibDir + java.io.File.pathSeparator + existing;
            System.setProperty("jna.library.path", path);
        }
        try {
            LibVosk.setLogLevel(LogLevel.WARNINGS);
            Logger.debug("vosk native library loaded arch={} bundled={}", arch, bundledInJar());
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new IllegalStateException(missingMessage() + " (" + e.getMessage() + ")", e);
        }
    }
}
