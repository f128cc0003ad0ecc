package io.vocedge.device.asr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AsrCommandTest {
    @Test
    void checkNamesTheBrokenFileAndExitsNonZero(@TempDir Path tmp) throws Exception {
        Path model = ModelValidatorTest.fabricateSmallModel(tmp.resolve("m"));
        Files.delete(model.resolve("conf/mfcc.conf"));
        Path yaml = Files.writeString(tmp.resolve("d.yaml"), "asr:\n  model: " + model + "\n  pending_dir: " + tmp.resolve("p") + "\n");
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            rc = new CommandLine(new AsrCommand()).execute("--config", yaml.toString(), "check");
        } finally {
            System.setOut(old);
        }
        assertThat(rc).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("not usable: ").contains(model.resolve("conf/mfcc.conf").toString()).contains("missing");
    }
}
