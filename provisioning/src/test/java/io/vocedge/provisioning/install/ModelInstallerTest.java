package io.vocedge.provisioning.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.common.cli.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelInstallerTest {
    @TempDir
    Path dir;

    private Path target;
    private final ModelInstaller installer = new ModelInstaller();

    @BeforeEach
    void installAFirstModel() throws Exception {
        target = dir.resolve("opt/model");
        Files.createDirectories(target.getParent());
        Path v1 = Zips.zip(dir.resolve("v1.zip"), Zips.smallModel("vosk-model-small-en-us-0.15/", "v1"));
        Installed r = installer.install(v1, Checksums.sha256(v1), target);
        assertThat(r.previous()).isNull();
        assertThat(target.resolve("am/final.mdl")).hasContent("v1 am/final.mdl");
    }

    @Test
    void upgradeSwapsInTheNewModelAndKeepsThePreviousOne() throws Exception {
        Path v2 = Zips.zip(dir.resolve("v2.zip"), Zips.smallModel("", "v2"));
        Installed r = installer.install(v2, Checksums.sha256(v2).toUpperCase(), target);
        assertThat(target.resolve("am/final.mdl")).hasContent("v2 am/final.mdl");
        assertThat(r.previous()).isEqualTo(dir.resolve("opt/model.previous"));
        assertThat(r.previous().resolve("am/final.mdl")).hasContent("v1 am/final.mdl");
        assertNoTemporaries();
    }

    @Test
    void checksumMismatchChangesNothing() throws Exception {
        Path v2 = Zips.zip(dir.resolve("v2.zip"), Zips.smallModel("", "v2"));
        assertThatThrownBy(() -> installer.install(v2, "0".repeat(64), target))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("expected " + "0".repeat(64))
                .hasMessageContaining("download it again");
        assertUntouched();
        assertThatThrownBy(() -> installer.install(v2, "abc", target)).hasMessageContaining("64 hex digits");
    }

    @Test
    void corruptArchiveChangesNothing() throws Exception {
        Path good = Zips.zip(dir.resolve("v2.zip"), Zips.smallModel("", "v2"));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.zip"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> installer.install(truncated, Checksums.sha256(truncated), target))
                .hasMessageContaining("not a valid zip archive");
        Path garbage = Files.write(dir.resolve("garbage.zip"), "this is not a zip".getBytes());
        assertThatThrownBy(() -> installer.install(garbage, Checksums.sha256(garbage), target))
                .hasMessageContaining("not a valid zip archive");
        assertUntouched();
    }

    @Test
    void incompleteModelIsRefusedNamingTheMissingFiles() throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>(Zips.smallModel("m/", "v2"));
        m.remove("m/am/final.mdl");
        m.put("m/conf/model.conf", new byte[0]);
        Path broken = Zips.zip(dir.resolve("broken.zip"), m);
        assertThatThrownBy(() -> installer.install(broken, Checksums.sha256(broken), target))
                .hasMessageContaining("am/final.mdl is missing")
                .hasMessageContaining("conf/model.conf is empty")
                .hasMessageContaining("current model was not touched");
        assertUntouched();
    }

    @Test
    void zipSlipEntriesAreRefused() throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>(Zips.smallModel("", "v2"));
        m.put("../../escaped.txt", "pwned".getBytes());
        Path evil = Zips.zip(dir.resolve("evil.zip"), m);
        assertThatThrownBy(() -> installer.install(evil, Checksums.sha256(evil), target))
                .hasMessageContaining("zip slip");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
        assertThat(dir.resolve("opt/escaped.txt")).doesNotExist();
        Path absolute = Zips.zip(dir.resolve("abs.zip"), Map.of("/tmp/abs.txt", "x".getBytes()));
        assertThatThrownBy(() -> installer.install(absolute, Checksums.sha256(absolute), target))
                .hasMessageContaining("absolute path");
        assertUntouched();
    }

    @Test
    void archiveLargerThanTheBoundIsRefused() throws Exception {
        Path big = Zips.zip(dir.resolve("big.zip"), Map.of("am/final.mdl", new byte[200_000]));
        ModelInstaller small = new ModelInstaller(new ZipExtractor(100_000, 10));
        assertThatThrownBy(() -> small.install(big, Checksums.sha256(big), target))
                .hasMessageContaining("unpacks to more than");
        assertUntouched();
    }

    @Test
    void unwritableOrWrongTargetsAreRefused() throws Exception {
        Path v2 = Zips.zip(dir.resolve("v2.zip"), Zips.smallModel("", "v2"));
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> installer.install(v2, Checksums.sha256(v2), file))
                .hasMessageContaining("not a directory");
        assertThatThrownBy(() -> installer.install(v2, Checksums.sha256(v2), file.resolve("model")))
                .hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> installer.install(dir.resolve("missing.zip"), "a".repeat(64), target))
                .hasMessageContaining("missing or unreadable");
        assertUntouched();
    }

    @Test
    void onAFreshPiMissingParentsAreCreated0755AndTheModelIsReadableByTheAgentsUser() throws Exception {
        Path v2 = Zips.zip(dir.resolve("v2.zip"), Zips.smallModel("vosk-model-small-en-us-0.15/", "v2"));
        Path fresh = dir.resolve("fresh-pi/opt/voc/model");
        Installed r = installer.install(v2, Checksums.sha256(v2), fresh);
        assertThat(r.target()).isEqualTo(fresh.toAbsolutePath());
        assertThat(fresh.resolve("am/final.mdl")).hasContent("v2 am/final.mdl");
        for (Path p : List.of(dir.resolve("fresh-pi"), dir.resolve("fresh-pi/opt"), dir.resolve("fresh-pi/opt/voc"))) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
                    .as(p.toString())
                    .isEqualTo("rwxr-xr-x");
        }
        try (Stream<Path> s = Files.walk(fresh)) {
            for (Path p : s.toList()) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
                        .as(p.toString())
                        .isEqualTo(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--");
            }
        }
    }

    @Test
    void refusesToCreateParentsInsideADirectoryOthersCanWrite() throws Exception {
        Path v2 = Zips.zip(dir.resolve("v2.zip"), Zips.smallModel("", "v2"));
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> installer.install(v2, Checksums.sha256(v2), shared.resolve("voc/model")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("which other users can write to")
                .hasMessageContaining("install -d -m 0755");
        assertThat(shared.resolve("voc")).doesNotExist();
        // A sticky directory such as /tmp is fine: others cannot replace what we create there.
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setAttribute(shared, "unix:mode", 01777);
        assertThat(installer
                        .install(v2, Checksums.sha256(v2), shared.resolve("voc/model"))
                        .files())
                .isPositive();
    }

    private void assertUntouched() throws Exception {
        assertThat(target.resolve("am/final.mdl")).hasContent("v1 am/final.mdl");
        assertThat(dir.resolve("opt/model.previous")).doesNotExist();
        assertNoTemporaries();
    }

    private void assertNoTemporaries() throws Exception {
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
        }
    }
}
