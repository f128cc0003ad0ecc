package io.vocedge.gateway.cli;

import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.store.JdbcVocStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code records}: the newest records in the VoC store, for technicians and the demo. */
@Command(name = "records", mixinStandardHelpOptions = true, description = "Print the newest records in the store.")
final class RecordsCommand implements Callable<Integer> {
    @Option(names = "--config", description = "gateway YAML (default: embedded defaults)")
    Path config;

    @Option(names = "--data-dir", description = "gateway data dir (default data/gateway)")
    Path dataDir;

    @Option(names = "--limit", defaultValue = "20")
    int limit;

    @Override
    public Integer call() throws Exception {
        GatewayConfig cfg = GatewayConfig.resolve(config, dataDir);
        try (JdbcVocStore store = JdbcVocStore.open(cfg.store(), cfg.gatewayId())) {
            List<Map<String, Object>> rows = store.recentRecords(limit);
            System.out.printf("%-14s %5s %-12s %-9s %-9s %-28s %s%n", "device", "seq", "kind", "speaker", "sentiment", "topics", "text");
            for (Map<String, Object> r : rows.reversed()) {
                System.out.printf("%-14s %5d %-12s %-9s %-9s %-28s %s%n", r.get("device_id"), (Long) r.get("seq"), r.get("kind"),
                        nz(r.get("speaker")), nz(r.get("sentiment")), nz(r.get("topics")), nz(r.get("text")));
            }
            return 0;
        }
    }

    private static Object nz(Object o) {
        return o == null ? "-" : o;
    }
}
