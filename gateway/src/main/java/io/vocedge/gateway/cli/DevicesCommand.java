package io.vocedge.gateway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.common.text.Printable;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.coverage.CoverageJson;
import io.vocedge.gateway.coverage.CoverageQuery;
import io.vocedge.gateway.coverage.DeviceCoverage;
import io.vocedge.gateway.store.JdbcVocStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code devices}: per-device sequence coverage in the store beside the outbox state the device last reported. */
@Command(
        name = "devices",
        description = {
            "Per device: records stored, highest seq with nothing missing below it, the gaps "
                    + "above it, last seen, and the outbox depth and oldest unsent age from its last status (read-only; never creates "
                    + "a store).",
            "A gap the device still holds (its outbox is not empty and older than the gap) is not sent yet; otherwise it is lost "
                    + "or was evicted (see 'evicted')."
        })
final class DevicesCommand implements Callable<Integer> {
    private static final Pattern SITE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    @Option(names = "--config", paramLabel = "FILE", description = "gateway YAML (default: embedded defaults)")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "gateway data dir (default data/gateway)")
    Path dataDir;

    @Option(names = "--site", paramLabel = "S", description = "only the devices of this site")
    String site;

    @Option(names = "--json", description = "one JSON object per device")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cli = spec.commandLine();
        if (site != null && !SITE.matcher(site).matches()) {
            throw new CommandLine.ParameterException(
                    cli,
                    "--site '" + Printable.of(site, 80) + "' is not a site id: 1-64 of "
                            + "a-z, 0-9, '_' and '-', starting with a letter or digit");
        }
        GatewayConfig cfg = GatewayConfig.resolve(config, dataDir);
        PrintWriter out = cli.getOut();
        Instant now = Instant.now();
        try (JdbcVocStore store = JdbcVocStore.openExisting(cfg.store(), cfg.gatewayId())) {
            List<DeviceCoverage> devices = new CoverageQuery(store.dataSource(), store.dialect()).devices(site);
            if (json) {
                ObjectMapper mapper = io.vocedge.protocol.Json.newMapper();
                for (DeviceCoverage d : devices) {
                    out.println(mapper.writeValueAsString(CoverageJson.of(d, now)));
                }
            } else {
                out.printf(
                        Locale.ROOT,
                        "%-12s %-16s %-10s %8s %8s %8s %-24s %7s %10s %s%n",
                        "site",
                        "device",
                        "state",
                        "stored",
                        "max_seq",
                        "complete",
                        "last_seen",
                        "outbox",
                        "oldest_s",
                        "gaps");
                for (DeviceCoverage d : devices) {
                    Duration age = d.oldestUnsentAge(now);
                    out.printf(
                            Locale.ROOT,
                            "%-12s %-16s %-10s %8d %8d %8d %-24s %7s %10s %s%n",
                            safe(d.site()),
                            safe(d.deviceId()),
                            safe(d.state()),
                            d.stored(),
                            d.maxSeq(),
                            d.contiguousTo(),
                            d.lastSeen() == null ? "-" : d.lastSeen().toString(),
                            d.outboxDepth() == null ? "-" : d.outboxDepth().toString(),
                            age == null ? "-" : Long.toString(age.toSeconds()),
                            d.gaps().isEmpty()
                                    ? "-"
                                    : d.gaps().stream()
                                                    .map(g -> g.from() == g.to()
                                                            ? Long.toString(g.from())
                                                            : g.from() + "-" + g.to())
                                                    .collect(Collectors.joining(","))
                                            + (d.gaps().size() == CoverageQuery.MAX_GAPS ? ",..." : "") + " ("
                                            + d.missing() + " missing)");
                }
            }
            out.flush();
            return 0;
        }
    }

    private static String safe(String s) {
        return s == null ? "-" : Printable.of(s, 64);
    }
}
