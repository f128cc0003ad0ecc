package io.vocedge.common.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {
    @Test
    void directories_and_files_carry_no_group_or_other_bits_even_when_they_existed_wider(@TempDir Path tmp)
            throws Exception {
        Path wide = Files.createDirectory(
                tmp.resolve("wide"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(wide, PosixFilePermissions.fromString("rwxrwxrwx"));
        OwnerOnly.directory(wide);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wide)))
                .isEqualTo("rwx------");

        Path nested = OwnerOnly.directory(tmp.resolve("a/b/c"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested)))
                .isEqualTo("rwx------");

        Path f = Files.writeString(tmp.resolve("voc.db"), "x");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(OwnerOnly.isShared(f)).isTrue();
        OwnerOnly.file(f);
        assertThat(OwnerOnly.isShared(f)).isFalse();
        assertThat(Files.readString(f)).isEqualTo("x");
    }

    @Test
    void atomic_write_replaces_content_owner_only(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("runtime.json");
        OwnerOnly.writeAtomically(f, "{\"pid\":1}".getBytes(StandardCharsets.UTF_8));
        OwnerOnly.writeAtomically(f, "{\"pid\":2}".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(f)).isEqualTo("{\"pid\":2}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo("rw-------");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("runtime.json");
        }
    }

    @Test
    void a_second_lock_on_the_same_directory_is_refused_with_the_fix(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("data");
        try (DataDirLock first = DataDirLock.acquire(dir, "gateway")) {
            assertThat(first).isNotNull();
            assertThatThrownBy(() -> DataDirLock.acquire(dir, "gateway"))
                    .hasMessageContaining("in use by another gateway")
                    .hasMessageContaining("--data-dir");
        }
        try (DataDirLock again = DataDirLock.acquire(dir, "gateway")) {
            assertThat(again).isNotNull();
        }
        assertThat(OwnerOnly.isShared(dir)).isFalse();
        assertThat(OwnerOnly.isShared(dir.resolve(".lock"))).isFalse();
    }
}
