package io.vocedge.device.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.device.sync.TlsFiles;
import io.vocedge.testsupport.MosquittoBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check against a real situation on this machine. */
class ChecksTest {
    @TempDir
    Path dir;

    private static CheckResult only(List<CheckResult> r) {
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    @Test
    void brokerReachableAndUnreachable() {
        try (MosquittoBroker broker = MosquittoBroker.start()) {
            CheckResult ok =
                    only(new BrokerCheck(broker.url(), new TlsFiles(null, null, null), "dev-1", Duration.ofSeconds(5))
                            .run());
            assertThat(ok.status()).isEqualTo(CheckResult.Status.PASS);
            assertThat(ok.message()).startsWith("connected to " + broker.url());
            broker.kill();
            CheckResult down =
                    only(new BrokerCheck(broker.url(), new TlsFiles(null, null, null), "dev-1", Duration.ofSeconds(5))
                            .run());
            assertThat(down.status()).isEqualTo(CheckResult.Status.FAIL);
            assertThat(down.message())
                    .contains("nothing accepts connections at 127.0.0.1:" + broker.port())
                    .contains("check broker.url");
        }
    }

    @Test
    void brokerWithBrokenTlsFilesSaysWhichFiles() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        CheckResult r = only(
                new BrokerCheck("ssl://127.0.0.1:8883", new TlsFiles(ca, null, null), "dev-1", Duration.ofSeconds(2))
                        .run());
        assertThat(r.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(r.message()).contains("cannot use the TLS files").contains("broker.ca_file");
        CheckResult none = only(
                new BrokerCheck("ssl://127.0.0.1:8883", new TlsFiles(null, null, null), "dev-1", Duration.ofSeconds(2))
                        .run());
        assertThat(none.message()).contains("broker.ca_file is not set");
    }

    @Test
    void diskSpaceAndWritability() {
        assertThat(only(new DiskCheck(dir, 1024).run()).status()).isEqualTo(CheckResult.Status.PASS);
        CheckResult full = only(new DiskCheck(dir, Long.MAX_VALUE / 2).run());
        assertThat(full.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(full.message()).contains("MB free in " + dir).contains("needed");
        assertThat(full.detail()).containsKey("free_mb");
        CheckResult missing = only(new DiskCheck(dir.resolve("nope"), 1024).run());
        assertThat(missing.message()).contains("does not exist").contains("install -d");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void clockFloorAndNtp() {
        Instant floor = Instant.parse("2026-11-01T00:00:00Z");
        assertThat(only(new ClockCheck(() -> true, () -> floor.plusSeconds(5), floor).run())
                        .status())
                .isEqualTo(CheckResult.Status.PASS);
        CheckResult unsynced = only(new ClockCheck(() -> false, () -> floor.plusSeconds(5), floor).run());
        assertThat(unsynced.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(unsynced.message()).contains("timedatectl");
        CheckResult in1970 = only(new ClockCheck(() -> true, () -> Instant.EPOCH, floor).run());
        assertThat(in1970.message()).contains("before this software was built");
    }

    @Test
    void modelLayoutThenTheEngineDecides() throws Exception {
        Path model = dir.resolve("vosk-model");
        for (String f : List.of("am/final.mdl", "conf/mfcc.conf", "conf/model.conf", "graph/HCLG.fst")) {
            Files.createDirectories(model.resolve(f).getParent());
            Files.writeString(model.resolve(f), "x");
        }
        Path lib = Files.createDirectories(dir.resolve("lib"));
        List<CheckResult> ok = new ModelCheck(model, lib, true, () -> {}, () -> {}).run();
        assertThat(ok)
                .extracting(CheckResult::status)
                .containsExactly(CheckResult.Status.PASS, CheckResult.Status.PASS);
        assertThat(ok.get(0).message()).contains("loaded by Vosk");

        List<CheckResult> refused = new ModelCheck(model, lib, true, () -> {}, () -> {
                    throw new IllegalStateException(
                            "Vosk could not load the model " + model + ": download the model again");
                })
                .run();
        assertThat(refused.get(0).status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(refused.get(0).message()).contains("download the model again");

        List<CheckResult> layoutOnly = new ModelCheck(model, lib, true, () -> {}, null).run();
        assertThat(layoutOnly.get(0).status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(layoutOnly.get(0).message()).contains("only the layout was checked");

        List<CheckResult> noLib = new ModelCheck(
                        model,
                        lib,
                        true,
                        () -> {
                            throw new IllegalStateException(
                                    "libvosk.so for aarch64 not found: install it as /opt/voc/lib/libvosk.so");
                        },
                        () -> {})
                .run();
        assertThat(noLib)
                .extracting(CheckResult::status)
                .containsExactly(CheckResult.Status.WARN, CheckResult.Status.FAIL);
        assertThat(noLib.get(0).message()).contains("only the layout was checked");
        assertThat(noLib.get(1).message()).contains("/opt/voc/lib/libvosk.so");

        Files.delete(model.resolve("am/final.mdl"));
        List<CheckResult> bad = new ModelCheck(model, lib, true, () -> {}, () -> {}).run();
        assertThat(bad.get(0).status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(bad.get(0).message()).contains("am/final.mdl is missing");

        assertThat(new ModelCheck(null, lib, true, () -> {}, () -> {}).run())
                .extracting(CheckResult::status)
                .containsOnly(CheckResult.Status.SKIP);
    }

    @Test
    void aMissingNativeLibraryDirectoryFailsEvenWhereTheJarCarriesLibvosk() {
        Path missing = dir.resolve("no-such-lib-dir");
        List<CheckResult> r = new ModelCheck(dir, missing, true, () -> {}, () -> {}).run();
        assertThat(r.get(1).status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(r.get(1).message())
                .contains("asr.native_lib_dir " + missing + " does not exist")
                .contains("voc-provision native install");
    }

    @Test
    void realNativeLibraryLoadsOnThisMachine() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        List<CheckResult> r =
                new ModelCheck(dir, lib, true, new io.vocedge.device.asr.NativeLibrary(lib)::load, null).run();
        assertThat(r.get(1).status())
                .as(r.get(1).message())
                .isEqualTo(
                        new io.vocedge.device.asr.NativeLibrary(lib).bundledInJar()
                                ? CheckResult.Status.PASS
                                : CheckResult.Status.FAIL);
    }

    /** The self-test as the technician runs it, from a config: real libvosk, a fabricated model Vosk refuses. */
    @Test
    void theSelfTestLoadsTheModelThroughTheRealEngine() throws Exception {
        org.assertj.core.api.Assumptions.assumeThat(System.getProperty("os.arch"))
                .as("libvosk is bundled for x86-64 only")
                .isIn("amd64", "x86_64");
        Path model = io.vocedge.device.asr.ModelValidatorTest.fabricateSmallModel(dir.resolve("junk-model"));
        Path cfgFile = dir.resolve("device.yaml");
        Files.writeString(
                cfgFile,
                "device:\n  id: pi-07\n  site: store-1\ndata_dir: " + dir.resolve("data")
                        + "\nbroker:\n  url: tcp://127.0.0.1:1\nasr:\n  model: " + model + "\n");
        io.vocedge.device.config.DeviceConfig cfg = io.vocedge.device.config.DeviceConfig.load(
                cfgFile, io.vocedge.device.config.DeviceConfig.Overrides.TOOL);
        List<CheckResult> r = SelfTests.modelCheck(cfg, true).run();
        assertThat(r.get(1).status()).as(r.get(1).message()).isEqualTo(CheckResult.Status.PASS); // bundled, default dir
        assertThat(r.get(0).status()).as("a complete layout Vosk refuses").isEqualTo(CheckResult.Status.FAIL);
        assertThat(r.get(0).message()).contains("Vosk could not load the model " + model);

        Files.writeString(cfgFile, Files.readString(cfgFile) + "  native_lib_dir: " + dir.resolve("nowhere") + "\n");
        cfg = io.vocedge.device.config.DeviceConfig.load(cfgFile, io.vocedge.device.config.DeviceConfig.Overrides.TOOL);
        List<CheckResult> configured = SelfTests.modelCheck(cfg, false).run();
        assertThat(configured.get(1).status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(configured.get(1).message()).contains(dir.resolve("nowhere") + " does not exist");
    }

    @Test
    void aCheckThatThrowsIsAFailAndTheOthersStillRun() {
        SelfTestReport r = new SelfTest("dev-1")
                .add("boom", () -> {
                    throw new IllegalStateException("kaputt");
                })
                .add("disk", new DiskCheck(dir, 1))
                .add("later", () -> List.of(CheckResult.skip("later", "not here")))
                .run();
        assertThat(r.results()).extracting(CheckResult::name).containsExactly("boom", "disk", "later");
        assertThat(r.passed()).isFalse();
        assertThat(r.toTable())
                .contains("boom   FAIL  the check itself failed")
                .contains("self-test FAILED: 1 pass, 1 fail, 1 skip");
    }
}
