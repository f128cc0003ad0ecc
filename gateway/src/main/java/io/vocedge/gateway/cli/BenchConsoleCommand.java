package io.vocedge.gateway.cli;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.console.bench.BenchClient;
import io.vocedge.gateway.console.bench.BenchData;
import io.vocedge.gateway.store.JdbcVocStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-console}: the console benchmark of issue 14 (run by bench/console.sh). {@code generate} fills an empty
 * PostgreSQL store with synthetic conversations; {@code measure} times the console's pages and search on a running
 * gateway and prints p50/p95/max per page.
 */
@Command(
        name = "bench-console",
        description = "Console benchmark: generate a data set into PostgreSQL, time pages and search.",
        subcommands = {BenchConsoleCommand.Generate.class, BenchConsoleCommand.Measure.class})
final class BenchConsoleCommand implements Runnable {
    @Override
    public void run() {
        throw new BadInputException("name a subcommand: generate or measure (see --help)");
    }

    @Command(name = "generate", description = "Generate conversations into an EMPTY PostgreSQL store (migrated first).")
    static final class Generate implements Callable<Integer> {
        @Option(
                names = "--config",
                required = true,
                paramLabel = "FILE",
                description = "gateway YAML with store.kind postgresql")
        Path config;

        @Option(
                names = "--conversations",
                defaultValue = "1000000",
                description = "conversations (default ${DEFAULT-VALUE})")
        long conversations;

        @Option(
                names = "--utterances",
                defaultValue = "8",
                description = "utterances per conversation (default ${DEFAULT-VALUE})")
        int utterances;

        @Option(names = "--sites", defaultValue = "50", description = "sites (default ${DEFAULT-VALUE})")
        int sites;

        @Option(
                names = "--devices-per-site",
                defaultValue = "4",
                description = "devices per site (default ${DEFAULT-VALUE})")
        int devicesPerSite;

        @Option(
                names = "--days",
                defaultValue = "90",
                description = "days the conversations span, up to now (default ${DEFAULT-VALUE})")
        int days;

        @Option(
                names = "--chunk",
                defaultValue = "50000",
                description = "conversations per statement (default ${DEFAULT-VALUE})")
        int chunk;

        @Override
        public Integer call() throws Exception {
            if (conversations < 1 || utterances < 1 || sites < 1 || devicesPerSite < 1 || days < 1 || chunk < 1) {
                throw new BadInputException(
                        "--conversations, --utterances, --sites, --devices-per-site, --days and --chunk must be"
                                + " at least 1");
            }
            GatewayConfig cfg = GatewayConfig.resolve(config, null);
            if (!cfg.store().postgres()) {
                throw new BadInputException("bench-console generate needs store.kind postgresql in " + config);
            }
            try (JdbcVocStore store = JdbcVocStore.open(cfg.store(), "bench")) {
                new BenchData(store.dataSource(), line -> System.err.println("bench-console: " + line))
                        .generate(new BenchData.Shape(conversations, utterances, sites, devicesPerSite, days, chunk));
            }
            return 0;
        }
    }

    @Command(
            name = "measure",
            description = "Time console pages and search on a running gateway (p50/p95/max per page).")
    static final class Measure implements Callable<Integer> {
        @Option(names = "--url", required = true, description = "the gateway's HTTP URL, e.g. http://127.0.0.1:8086")
        String url;

        @Option(names = "--user", required = true, description = "an analyst account")
        String user;

        @Option(
                names = "--site-manager",
                description = "also measure as this site_manager account of site-007 (same password)")
        String siteManager;

        @Option(
                names = "--password-stdin",
                required = true,
                description = "read the accounts' password from standard input")
        boolean passwordStdin;

        @Option(names = "--conversations", required = true, description = "as generated")
        long conversations;

        @Option(names = "--sites", defaultValue = "50", description = "as generated (default ${DEFAULT-VALUE})")
        int sites;

        @Option(
                names = "--devices-per-site",
                defaultValue = "4",
                description = "as generated (default ${DEFAULT-VALUE})")
        int devicesPerSite;

        @Option(
                names = "--samples",
                defaultValue = "100",
                description = "measured requests per page (default ${DEFAULT-VALUE})")
        int samples;

        @Option(
                names = "--warmup",
                defaultValue = "5",
                description = "unmeasured requests first (default ${DEFAULT-VALUE})")
        int warmup;

        @Override
        public Integer call() throws Exception {
            String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (password == null || password.isEmpty()) {
                throw new BadInputException("no password on standard input");
            }
            List<BenchClient.Result> results = new ArrayList<>();
            results.addAll(run(user, password, ""));
            if (siteManager != null) {
                results.addAll(run(siteManager, password, "site_manager "));
            }
            results.forEach(r -> System.out.println(r.line()));
            return results.stream().anyMatch(r -> r.failures() > 0) ? 1 : 0;
        }

        private List<BenchClient.Result> run(String account, String password, String prefix) throws Exception {
            BenchClient c = new BenchClient(url);
            c.login(account, password);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            List<BenchClient.Result> out = new ArrayList<>();
            out.add(c.measure(prefix + "attention queue /console/today", i -> "/console/today", warmup, samples));
            out.add(c.measure(
                    prefix + "conversation (random)",
                    BenchClient.conversations(
                            conversations, sites * devicesPerSite, devicesPerSite, prefix.isEmpty() ? -1 : 7, 7),
                    warmup,
                    samples));
            out.add(c.measure(prefix + "trends (30 days per day)", i -> "/console/trends", warmup, samples));
            out.add(c.measure(
                    prefix + "trends (90 days per week)",
                    i -> "/console/trends?period=week&since=" + today.minusDays(89),
                    warmup,
                    samples));
            out.add(c.measure(
                    prefix + "trends (3 sites compared)",
                    i -> "/console/trends?site=site-000&site=site-001&site=site-002",
                    warmup,
                    samples));
            out.add(c.measure(prefix + "fleet page /console/fleet", i -> "/console/fleet", warmup, samples));
            out.add(c.measure(prefix + "fleet api /api/v1/devices", i -> "/api/v1/devices", warmup, samples));
            for (String q : List.of("车", "退", "定金", "异响", "投诉", "refund", "noise")) {
                out.add(c.measure(
                        prefix + "search page q=" + q,
                        i -> "/console/search?q=" + BenchClient.enc(q),
                        warmup,
                        samples));
                out.add(c.measure(
                        prefix + "search api q=" + q, i -> "/api/v1/search?q=" + BenchClient.enc(q), warmup, samples));
            }
            out.add(c.measure(
                    prefix + "search api q=车 site=site-007",
                    i -> "/api/v1/search?site=site-007&q=" + BenchClient.enc("车"),
                    warmup,
                    samples));
            return out;
        }
    }
}
