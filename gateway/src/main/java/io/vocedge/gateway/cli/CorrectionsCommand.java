package io.vocedge.gateway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.console.data.Filter;
import io.vocedge.gateway.console.data.InsightCorrections;
import io.vocedge.gateway.store.JdbcVocStore;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code corrections export}: the analysts' corrections made on the console's conversation pages, as the JSON lines
 * {@code voc-device insights train --corrections FILE} reads (issue 15's feedback loop), with each record's redacted
 * text, language and speaker role joined from the store. Read-only; a record forgotten for privacy is not exported.
 */
@Command(
        name = "corrections",
        description = "Analysts' corrections of insights, for training.",
        subcommands = {CorrectionsCommand.Export.class})
final class CorrectionsCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "export",
            description = {
                "Write the corrections made since a time as JSON lines for 'voc-device insights train --corrections'.",
                "Exit code 2 when there is no store where --data-dir or --config points, or --since is malformed."
            })
    static final class Export implements Callable<Integer> {
        @Option(names = "--config", paramLabel = "FILE", description = "gateway YAML (default: embedded defaults)")
        Path config;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "gateway data dir (default data/gateway)")
        Path dataDir;

        @Option(
                names = "--since",
                paramLabel = "TIME",
                defaultValue = "1970-01-01",
                description = "corrections made at or after this UTC time or date (default: all)")
        String since;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "FILE",
                description = "JSON lines file to write (replaced whole)")
        Path out;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Instant from = Filter.time("--since", since, false);
            GatewayConfig cfg = GatewayConfig.resolve(config, dataDir);
            List<InsightCorrections.TrainingLine> lines;
            try (JdbcVocStore store = JdbcVocStore.openExisting(cfg.store(), cfg.gatewayId())) {
                lines = new InsightCorrections(store.dataSource(), store.dialect()).since(from);
            }
            write(lines, out);
            spec.commandLine().getOut().println(lines.size() + " corrections written to " + out);
            return 0;
        }

        /** Written to a temporary file beside it and moved into place: a reader never sees half a file. */
        static void write(List<InsightCorrections.TrainingLine> lines, Path out) throws IOException {
            ObjectMapper json = io.vocedge.common.json.Mappers.json();
            Path dir = out.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".corrections-", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (InsightCorrections.TrainingLine l : lines) {
                    ObjectNode n = json.createObjectNode();
                    n.put("text", l.text());
                    n.put("lang", l.lang());
                    n.putPOJO("topics", l.topics());
                    n.put("sentiment", l.sentiment());
                    n.putPOJO("flags", l.flags());
                    n.put("who", l.who());
                    n.put("when", l.when().toString());
                    n.put("role", l.role());
                    w.write(json.writeValueAsString(n));
                    w.write('\n');
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
