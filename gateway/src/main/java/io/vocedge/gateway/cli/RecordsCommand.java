package io.vocedge.gateway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.common.text.Printable;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.protocol.Limits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code records}: the newest records in the VoC store, for technicians and the demo. Read-only: it opens an
 * existing store and never creates one (a mistyped {@code --data-dir} is an error, not an empty new database).
 */
@Command(name = "records", description = {"Print the newest records in an existing store (read-only; never creates one).",
    "Exit code 2 when there is no store where --data-dir or --config points."})
final class RecordsCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "gateway YAML (default: embedded defaults)")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "gateway data dir (default data/gateway)")
    Path dataDir;

    @Option(names = "--limit", defaultValue = "20", description = "how many (1-10000, default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "one JSON object per record, oldest first")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > 10_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit " + limit + " must be 1-10000");
        }
        GatewayConfig cfg = GatewayConfig.resolve(config, dataDir);
        PrintWriter out = spec.commandLine().getOut();
        try (JdbcVocStore store = JdbcVocStore.openExisting(cfg.store(), cfg.gatewayId())) {
            List<Map<String, Object>> rows = store.recentRecords(limit).reversed();
            if (json) {
                ObjectMapper mapper = io.vocedge.common.json.Mappers.json();
                for (Map<String, Object> r : rows) {
                    out.println(mapper.writeValueAsString(r));
                }
            } else {
                out.printf(Locale.ROOT, "%-14s %5s %-12s %-9s %-9s %-28s %s%n", "device", "seq", "kind", "speaker", "sentiment", "topics", "text");
                for (Map<String, Object> r : rows) {
                    // Every column but seq came from a device: control and bidi characters never reach the terminal.
                    out.printf(Locale.ROOT, "%-14s %5d %-12s %-9s %-9s %-28s %s%n", safe(r.get("device_id"), 64), (Long) r.get("seq"),
                            safe(r.get("kind"), 32), safe(r.get("speaker"), 32), safe(r.get("sentiment"), 32),
                            safe(r.get("topics"), 512), safe(r.get("text"), Limits.MAX_TEXT_CHARS));
                }
            }
            out.flush();
            return 0;
        }
    }

    static String safe(Object o, int maxChars) {
        return o == null ? "-" : Printable.of(o.toString(), maxChars);
    }
}
