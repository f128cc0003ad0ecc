package io.vocedge.device.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.device.cli.AsrCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
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
        Path yaml = Files.writeString(
                tmp.resolve("d.yaml"), "asr:\n  model: " + model + "\n  pending_dir: " + tmp.resolve("p") + "\n");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new AsrCommand());
        cli.setOut(new PrintWriter(out, true));
        int rc = cli.execute("--config", yaml.toString(), "check");
        assertThat(rc).isEqualTo(2);
        assertThat(out.toString())
                .startsWith("not usable: ")
                .contains(model.resolve("conf/mfcc.conf").toString())
                .contains("missing");
    }
}
