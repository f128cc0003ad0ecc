package io.vocedge.gateway.cli;

import io.vocedge.common.config.ConfigDocument;
import io.vocedge.common.text.Printable;
import io.vocedge.gateway.alerts.AlertsSettings;
import io.vocedge.gateway.alerts.RulePreview;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.protocol.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alerts preview RULEFILE}: how often rules would have fired over the stored records of the last days. */
@Command(
        name = "alerts",
        description = "Alert rule tools.",
        subcommands = {AlertsCommand.Preview.class})
final class AlertsCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: preview");
    }

    @Command(
            name = "preview",
            description = {
                "Replay the stored records of the last --days through the rules in RULEFILE "
                        + "(a YAML mapping with 'rules:' as in alerts.rules) and print how many times each would have fired, "
                        + "with samples. Read-only: the store is opened as for 'records'.",
                "Exit code 2 when RULEFILE is invalid (every problem listed, naming the rule and field) or there is no store."
            })
    static final class Preview implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RULEFILE", description = "YAML with rules: [...]")
        Path file;

        @Option(
                names = "--config",
                paramLabel = "FILE",
                description = "gateway YAML: its store and alerts.sites (time zones)")
        Path config;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "gateway data dir (default data/gateway)")
        Path dataDir;

        @Option(names = "--days", defaultValue = "30", description = "how far back (1-365, default: ${DEFAULT-VALUE})")
        int days;

        @Option(names = "--json", description = "print {\"ok\": true, \"rules\": [...]} (errors as JSON too)")
        boolean json;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (days < 1 || days > 365) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--days " + days + " must be 1-365");
            }
            ConfigDocument doc = ConfigDocument.load(file);
            List<AlertsSettings.Rule> rules = AlertsSettings.ruleFile(doc.root());
            doc.finish();
            GatewayConfig cfg = GatewayConfig.resolve(config, dataDir);
            Instant to = Instant.now();
            List<RulePreview.Result> results;
            try (JdbcVocStore store = JdbcVocStore.openExisting(cfg.store(), cfg.gatewayId())) {
                results = new RulePreview(store.dataSource(), store.dialect(), cfg.alerts(), Json.newMapper())
                        .run(rules, to.minus(Duration.ofDays(days)), to);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("ok", true);
                body.put("days", days);
                body.put("rules", results);
                out.println(io.vocedge.common.json.Mappers.json().writeValueAsString(body));
            } else {
                out.printf(
                        Locale.ROOT,
                        "%-24s %-20s %8s  %s%n",
                        "rule",
                        "kind",
                        "firings",
                        "over the last " + days + " days");
                for (RulePreview.Result r : results) {
                    out.printf(
                            Locale.ROOT,
                            "%-24s %-20s %8d  %s%n",
                            r.ruleId(),
                            r.kind(),
                            r.firings(),
                            r.note() == null ? "" : r.note());
                    for (Map<String, Object> s : r.samples()) {
                        // Site, device and conversation ids came from devices: printed through Printable.
                        out.printf(
                                Locale.ROOT,
                                "    %s site=%s device=%s conversation=%s %s%n",
                                s.get("at"),
                                safe(s.get("site")),
                                safe(s.get("device_id")),
                                safe(s.get("conversation_id")),
                                safe(s.get("title")));
                    }
                }
            }
            out.flush();
            return 0;
        }

        private static String safe(Object o) {
            return o == null ? "-" : Printable.of(o.toString(), 200);
        }
    }
}
