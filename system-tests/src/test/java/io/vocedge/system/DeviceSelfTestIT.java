package io.vocedge.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code voc-device selftest} with the real jar, as a technician runs it on a Pi whose model download went wrong: a
 * directory with the complete Vosk layout but junk inside must FAIL (Vosk refuses it, as {@code asr check} does) without
 * taking the JVM down, and a missing {@code asr.native_lib_dir} must FAIL naming the path and the fix, with the model
 * check saying plainly that only the layout could be checked. No real model can be downloaded here.
 */
class DeviceSelfTestIT {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {}

    @Test
    void aJunkModelWithACompleteLayoutFailsThroughTheRealEngine() throws Exception {
        Assumptions.assumeThat(System.getProperty("os.arch"))
                .as("the Vosk jar carries libvosk for x86-64 Linux only")
                .isIn("amd64", "x86_64");
        Path model = junkModel(tmp.resolve("vosk-model-small-en-us-0.15"));
        Result r = device("selftest", "--config", config(model, null).toString(), "--json", "--skip-interactive");

        assertThat(r.code())
                .as("exit 1 for failed checks, not a JVM crash (134) or bad usage (2); stderr:%n%s", r.err())
                .isEqualTo(1);
        JsonNode speech = check(r, "speech_model");
        assertThat(speech.path("status").asText()).as(speech.toString()).isEqualTo("FAIL");
        assertThat(speech.path("message").asText()).contains("Vosk could not load the model " + model);
        assertThat(check(r, "native_library").path("status").asText())
                .as("libvosk from the jar, default directory")
                .isEqualTo("PASS");
    }

    @Test
    void aMissingNativeLibraryDirectoryFailsAndTheModelIsOnlyLayoutChecked() throws Exception {
        Path model = junkModel(tmp.resolve("model"));
        Path libDir = tmp.resolve("opt-voc-lib-never-installed");
        Result r = device("selftest", "--config", config(model, libDir).toString(), "--json", "--skip-interactive");

        assertThat(r.code()).as("stderr:%n%s", r.err()).isEqualTo(1);
        JsonNode nativeLib = check(r, "native_library");
        assertThat(nativeLib.path("status").asText()).isEqualTo("FAIL");
        assertThat(nativeLib.path("message").asText())
                .contains("asr.native_lib_dir " + libDir + " does not exist")
                .contains("voc-provision native install");
        JsonNode speech = check(r, "speech_model");
        assertThat(speech.path("status").asText()).as(speech.toString()).isNotEqualTo("PASS");
        assertThat(speech.path("message").asText()).contains("only the layout was checked");
        assertThat(Files.exists(libDir))
                .as("the self-test only looks, it creates nothing")
                .isFalse();
    }

    /** Every file a small Vosk model has (so the layout check passes), none of them a real Kaldi file. */
    private static Path junkModel(Path dir) throws Exception {
        for (String f : List.of(
                "am/final.mdl",
                "conf/mfcc.conf",
                "conf/model.conf",
                "graph/Gr.fst",
                "graph/HCLr.fst",
                "graph/disambig_tid.int",
                "graph/phones/word_boundary.int",
                "ivector/final.ie",
                "ivector/final.mat",
                "ivector/final.dubm",
                "ivector/global_cmvn.stats",
                "ivector/online_cmvn.conf",
                "ivector/splice.conf")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "truncated download, not a Kaldi file\n");
        }
        return dir;
    }

    private Path config(Path model, Path nativeLibDir) throws Exception {
        return Files.writeString(
                tmp.resolve("device.yaml"),
                String.join(
                        "\n",
                        "device: {id: pi-selftest, site: store-1}",
                        "data_dir: " + tmp.resolve("data"),
                        "broker: {url: \"tcp://127.0.0.1:1\"}",
                        "asr:",
                        "  model: " + model,
                        "  pending_dir: " + tmp.resolve("pending"),
                        nativeLibDir == null ? "" : "  native_lib_dir: " + nativeLibDir,
                        "hardware: false",
                        ""));
    }

    private static JsonNode check(Result r, String name) throws Exception {
        JsonNode report = new ObjectMapper().readTree(r.out());
        for (JsonNode c : report.path("checks")) {
            if (name.equals(c.path("name").asText())) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in the report:\n" + r.out() + "\nstderr:\n" + r.err());
    }

    private Result device(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JarProcess.jar("voc.device.jar").toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 180 s: " + String.join(" ", args));
        }
        return new Result(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
