package io.vocedge.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.common.config.ConfigException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class CliTest {
    @Command(
            name = "tool",
            subcommands = {Sub.class})
    static final class Tool implements Runnable {
        @Override
        public void run() {}
    }

    @Command(name = "sub", description = "does a thing")
    static final class Sub implements Callable<Integer> {
        @Option(names = "--needed", required = true)
        String needed;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            return switch (needed) {
                case "config" ->
                    throw new ConfigException("x.yaml", List.of("a.b: expected true or false, got \"maybe\""));
                case "input" -> throw new BadInputException("--since 'yesterday': use an ISO date like 2026-12-01");
                case "boom" -> throw new java.io.IOException("broker 127.0.0.1:1883 refused the connection");
                case "missing" -> throw new java.nio.file.NoSuchFileException("corpus/pii.tsv");
                case "denied" -> throw new java.nio.file.AccessDeniedException("/etc/voc/device.key");
                default -> ExitCodes.OK;
            };
        }
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.configure(new CommandLine(new Tool()), "tool 1.2.3");
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void help_works_on_a_subcommand_with_required_options() {
        Run r = run("sub", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("does a thing").contains("--needed");
    }

    @Test
    void usage_errors_are_one_line_exit_2_without_usage_dump() {
        Run r = run("sub");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("Missing required option: '--needed").contains("see 'tool sub --help'");
    }

    @Test
    void bad_config_and_bad_input_exit_2_runtime_failures_exit_1() {
        Run config = run("sub", "--needed", "config");
        assertThat(config.code()).isEqualTo(2);
        assertThat(config.err()).contains("a.b: expected true or false");
        Run input = run("sub", "--needed", "input");
        assertThat(input.code()).isEqualTo(2);
        assertThat(input.err().strip()).isEqualTo("error: --since 'yesterday': use an ISO date like 2026-12-01");
        Run boom = run("sub", "--needed", "boom");
        assertThat(boom.code()).isEqualTo(1);
        assertThat(boom.err().strip()).isEqualTo("error: broker 127.0.0.1:1883 refused the connection");
        assertThat(run("sub", "--needed", "ok").code()).isZero();
    }

    @Test
    void file_errors_name_what_is_wrong_with_the_path_not_just_the_path() {
        Run missing = run("sub", "--needed", "missing");
        assertThat(missing.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err().strip())
                .startsWith("error: no such file or directory: corpus/pii.tsv (relative paths start from /");
        Run denied = run("sub", "--needed", "denied");
        assertThat(denied.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(denied.err().strip()).isEqualTo("error: permission denied: /etc/voc/device.key");
    }

    @Test
    void json_mode_gets_every_error_as_json_on_stdout_and_one_line_on_stderr() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Run usage = run("sub", "--json");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(json.readTree(usage.out()).get("error").asText()).contains("Missing required option");
        assertThat(json.readTree(usage.out()).get("exit_code").asInt()).isEqualTo(2);
        assertThat(usage.err().strip().lines()).hasSize(1);

        Run config = run("sub", "--needed", "config", "--json");
        assertThat(config.code()).isEqualTo(2);
        var node = json.readTree(config.out());
        assertThat(node.get("ok").asBoolean()).isFalse();
        assertThat(node.get("problems").get(0).asText()).isEqualTo("a.b: expected true or false, got \"maybe\"");

        Run boom = run("sub", "--needed", "boom", "--json");
        assertThat(boom.code()).isEqualTo(1);
        assertThat(json.readTree(boom.out()).get("error").asText())
                .isEqualTo("broker 127.0.0.1:1883 refused the connection");

        Run plain = run("sub", "--needed", "boom");
        assertThat(plain.out()).as("no JSON unless asked for").isEmpty();
        Run afterEnd = run("sub", "--needed", "boom", "--", "--json");
        assertThat(afterEnd.out()).isEmpty();
    }

    @Test
    void version_works_on_every_subcommand() {
        assertThat(run("--version").out().strip()).isEqualTo("tool 1.2.3");
        Run sub = run("sub", "--version");
        assertThat(sub.code()).isZero();
        assertThat(sub.out().strip()).isEqualTo("tool 1.2.3");
    }
}
