package io.vocedge.device.cli;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.device.simulate.FleetSimulator;
import io.vocedge.protocol.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.tinylog.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simulate}: a fleet of device stacks in one JVM against a real broker and gateway. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Run N device outbox+sync stacks (own SQLite file and MQTT client each) and report end-to-end "
                + "records/s, commit->ack latency p50/p99 and outbox insert rate. Needs a gateway on the broker.")
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--devices", defaultValue = "200", description = "simulated devices (default ${DEFAULT-VALUE})")
    int devices;

    @Option(
            names = "--records-per-device",
            defaultValue = "500",
            description = "records each (default ${DEFAULT-VALUE})")
    int records;

    @Option(names = "--broker", required = true, description = "broker URL, e.g. tcp://127.0.0.1:1883")
    String broker;

    @Option(names = "--data-dir", required = true, description = "directory for the simulated outbox files")
    Path dataDir;

    @Option(names = "--site", defaultValue = "sim-site")
    String site;

    @Option(
            names = "--crash-safe-only",
            description = "synchronous=NORMAL instead of FULL (survives a crash, not a power cut)")
    boolean crashSafeOnly;

    @Option(names = "--timeout", defaultValue = "PT10M", description = "give up after this ISO-8601 duration")
    Duration timeout;

    @Option(
            names = "--rate",
            defaultValue = "0",
            description = "aggregate records/s over all devices; 0 = as fast as "
                    + "possible (throughput; latency then includes the backlog)")
    double rate;

    @Option(
            names = "--progress",
            description =
                    "log an event=sim_progress line (epoch_ms, committed, acked, connected "
                            + "devices) to stderr this often, ISO-8601 (PT1S); for runs with a fault in the middle, e.g. a broker outage")
    Duration progress;

    @Option(
            names = "--attention-share",
            defaultValue = "0",
            description = "0..1: end every conversation (20 records) "
                    + "with a conversation summary, this share of them needing attention (feeds the gateway's alert rules); "
                    + "0 = utterances only (default)")
    double attentionShare;

    @Option(
            names = "--sites",
            defaultValue = "1",
            description =
                    "spread the devices over this many sites " + "(SITE-00, SITE-01, ...); 1 = all on --site (default)")
    int sites;

    @Option(
            names = "--device-prefix",
            defaultValue = "sim",
            description =
                    "device ids PREFIX-0000 ..; give a second fleet run against the same gateway (e.g. a warm-up) "
                            + "its own prefix (default ${DEFAULT-VALUE})")
    String devicePrefix;

    @Option(names = "--json", description = "print the report as one JSON line")
    boolean jsonOut;

    @Override
    public Integer call() throws Exception {
        var json = Json.newMapper();
        if (progress != null && (progress.isNegative() || progress.isZero())) {
            throw new BadInputException("--progress must be a positive duration, got " + progress);
        }
        FleetSimulator simulator;
        try {
            simulator = new FleetSimulator(
                    devices,
                    records,
                    broker,
                    dataDir,
                    site,
                    !crashSafeOnly,
                    timeout,
                    json,
                    rate,
                    new FleetSimulator.Extras(progress, attentionShare, sites, devicePrefix),
                    p -> Logger.info("{}", p.line()));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        var report = simulator.run();
        System.out.println(jsonOut ? json.writeValueAsString(report) : report.human());
        return report.complete() ? 0 : 1;
    }
}
