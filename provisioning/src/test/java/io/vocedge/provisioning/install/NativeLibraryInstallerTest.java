package io.vocedge.provisioning.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.provisioning.install.NativeLibraryInstaller.Arch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryInstallerTest {
    @TempDir
    Path dir;

    private final NativeLibraryInstaller installer = new NativeLibraryInstaller();

    /** The first 20 bytes of an ELF shared object header for a CPU, then padding. */
    static byte[] elf(int elfClass, int machine, String marker) {
        byte[] b = new byte[64 + marker.length()];
        b[0] = 0x7f;
        b[1] = 'E';
        b[2] = 'L';
        b[3] = 'F';
        b[4] = (byte) elfClass;
        b[5] = 1; // little endian
        b[16] = 3; // ET_DYN
        b[18] = (byte) (machine & 0xff);
        b[19] = (byte) (machine >> 8);
        System.arraycopy(marker.getBytes(), 0, b, 64, marker.length());
        return b;
    }

    @Test
    void installsTheLibraryForTheRightCpuAndKeepsThePreviousOne() throws Exception {
        Path lib = Files.createDirectory(dir.resolve("lib"));
        Path v1 = Zips.zip(
                dir.resolve("vosk-linux-aarch64-0.3.45.zip"),
                Map.of(
                        "vosk-linux-aarch64-0.3.45/libvosk.so",
                        elf(2, 183, "v1"),
                        "vosk-linux-aarch64-0.3.45/vosk_api.h",
                        "h".getBytes()));
        installer.install(v1, Checksums.sha256(v1), lib, Arch.AARCH64);
        assertThat(new String(Files.readAllBytes(lib.resolve("libvosk.so")))).endsWith("v1");
        Path v2 = Zips.zip(dir.resolve("v2.zip"), Map.of("x/libvosk.so", elf(2, 183, "v2")));
        Installed r = installer.install(v2, Checksums.sha256(v2), lib, Arch.parse("aarch64"));
        assertThat(new String(Files.readAllBytes(lib.resolve("libvosk.so")))).endsWith("v2");
        assertThat(new String(Files.readAllBytes(r.previous()))).endsWith("v1");
    }

    @Test
    void wrongCpuCorruptLibraryOrMissingLibraryChangesNothing() throws Exception {
        Path lib = Files.createDirectory(dir.resolve("lib"));
        Files.write(lib.resolve("libvosk.so"), elf(1, 40, "old"));
        Path x86 = Zips.zip(dir.resolve("x86.zip"), Map.of("libvosk.so", elf(2, 62, "x86")));
        assertThatThrownBy(() -> installer.install(x86, Checksums.sha256(x86), lib, Arch.ARMV7L))
                .hasMessageContaining("another CPU")
                .hasMessageContaining("vosk-linux-armv7l");
        Path notElf = Zips.zip(dir.resolve("bad.zip"), Map.of("libvosk.so", "MZ not elf at all........".getBytes()));
        assertThatThrownBy(() -> installer.install(notElf, Checksums.sha256(notElf), lib, Arch.ARMV7L))
                .hasMessageContaining("not an ELF library");
        Path none = Zips.zip(dir.resolve("none.zip"), Map.of("README", "x".getBytes()));
        assertThatThrownBy(() -> installer.install(none, Checksums.sha256(none), lib, Arch.ARMV7L))
                .hasMessageContaining("contains 0 libvosk.so");
        assertThatThrownBy(() -> Arch.parse("mips")).hasMessageContaining("uname -m");
        assertThat(new String(Files.readAllBytes(lib.resolve("libvosk.so")))).endsWith("old");
        try (var s = Files.list(lib)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("libvosk.so");
        }
    }
}
