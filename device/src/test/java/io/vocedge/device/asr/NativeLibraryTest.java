package io.vocedge.device.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NativeLibraryTest {
    @Test
    void loadsTheJarsLibvoskForRealOnX86_64() {
        assumeThat(System.getProperty("os.arch"))
                .as("the Vosk jar carries libvosk for x86-64 only")
                .isIn("amd64", "x86_64");
        NativeLibrary lib = new NativeLibrary(Path.of("/nonexistent/voc/lib"));
        assertThat(lib.bundledInJar()).isTrue();
        assertThatCode(lib::load).doesNotThrowAnyException();
        // A real native call after loading: a model path that does not exist makes libvosk return NULL.
        assertThatCode(() -> new org.vosk.Model("/nonexistent/model")).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void armNeedsTheDocumentedDirectoryAndTheErrorSaysSo() {
        NativeLibrary arm64 = new NativeLibrary(Path.of("/opt/voc/lib"), "aarch64", "Linux");
        assertThat(arm64.bundledInJar()).isFalse();
        assertThat(arm64.missingMessage())
                .contains("libvosk.so for aarch64 not found")
                .contains("only for x86-64 Linux, macOS and Windows")
                .contains("vosk-linux-aarch64-0.3.45.zip")
                .contains("/opt/voc/lib/libvosk.so")
                .contains("jna.library.path");
        assertThat(new NativeLibrary(Path.of("/x"), "arm", "Linux").missingMessage())
                .contains("vosk-linux-armv7l-0.3.45.zip");
    }

    @Test
    void whenJnaCannotFindLibvoskTheErrorNamesTheDirectory(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        // A child JVM with JNA barred from the jar's bundled copy (jna.noclasspath) behaves like a Pi without
        // libvosk.so.
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(
                        javaBin.toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-Djna.noclasspath=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        NativeLoadProbe.class.getName(),
                        tmp.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out)
                .contains("FAILED libvosk.so for")
                .contains(tmp.resolve("libvosk.so").toString())
                .contains("jna.library.path");
    }
}
