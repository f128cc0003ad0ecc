package io.vocedge.device.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code analyze} acceptance interface: JSON lines in and out, plain text too, bad lines answered in place. */
class AnalyzeCommandTest {
    @Test
    void readsTextAndJsonLinesAndAnswersEachWithOneJsonLine() throws Exception {
        String input = String.join(
                "\n",
                "{\"id\":\"a1\",\"text\":\"我 上 周 交 的 定金 到 现在 还 没 退\",\"lang\":\"zh\"}",
                "we've been waiting forty minutes",
                "{\"id\":\"a3\",\"speaker\":\"customer\"}",
                "{\"id\":\"a4\",\"text\":\"call me on one three eight one two three four five six seven eight\"}",
                "");
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = DeviceMain.commandLine().execute("analyze");
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
        }
        assertThat(code).isZero();
        List<JsonNode> lines = out.toString(StandardCharsets.UTF_8)
                .lines()
                .map(l -> {
                    try {
                        return new ObjectMapper().readTree(l);
                    } catch (Exception e) {
                        throw new IllegalStateException(l, e);
                    }
                })
                .toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).get("id").asText()).isEqualTo("a1");
        assertThat(lines.get(0).get("topics").toString()).isEqualTo("[\"deposit_contract\"]");
        assertThat(lines.get(0).get("sentiment").asText()).isEqualTo("negative");
        assertThat(lines.get(0).get("score").asDouble()).isNegative();
        assertThat(lines.get(1).get("topics").toString()).contains("waiting_time");
        assertThat(lines.get(1).has("id")).isFalse();
        assertThat(lines.get(2).get("error").asText()).contains("line 3").contains("\"text\"");
        assertThat(lines.get(3).get("redacted_text").asText()).isEqualTo("call me on <phone>");
        assertThat(lines.get(3).get("redactions").toString()).isEqualTo("[\"phone\"]");
    }
}
