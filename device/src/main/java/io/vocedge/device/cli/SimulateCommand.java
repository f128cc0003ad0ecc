package io.vocedge.device.cli;

import io.vocedge.device.simulate.FleetSimulator;
import io.vocedge.protocol.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simulate}: a fleet of device stacks in one JVM against a real broker and gateway. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run N device outbox+sync stacks (own SQLite file and MQTT client each) and report end-to-end "
                + "records/s, commit->ack latency p50/p99 and outbox insert rate. Needs a gateway on the broker.")
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--devices", defaultValue = "200", description = "simulated devices (default ${DEFAULT-VALUE})")
    int devices;

    @Option(names = "--records-per-device", defaultValue = "500", description = "records each (default ${DEFAULT-VALUE})")
    int records;

    @Option(names = "--broker", required = true, description = "broker URL, e.g. tcp://127.0.0.1:1883")
    String broker;

    @Option(names = "--data-dir", required = true, description = "directory for the simulated outbox files")
    Path dataDir;

    @Option(names = "--site", defaultValue = "sim-site")
    String site;

    @Option(names = "--crash-safe-only", description = "synchronous=NORMAL instead of FULL (survives a crash, not a power cut)")
    boolean crashSafeOnly;

    @Option(names = "--timeout", defaultValue = "PT10M", description = "give up after this ISO-8601 duration")
    Duration timeout;

    @Option(names = "--rate", defaultValue = "0", description = "aggregate records/s over all devices; 0 = as fast as "
            + "possible (throughput; latency then includes the backlog)")
    double rate;

    @Option(names = "--json", description = "print the report as one JSON line")
    boolean jsonOut;

    @Override
    public Integer call() throws Exception {
        var json = Json.newMapper();
        var report = new FleetSimulator(devices, records, broker, dataDir, site, !crashSafeOnly, timeout, json, rate).run();
        System.out.println(jsonOut ? json.writeValueAsString(report) : report.human());
        return report.complete() ? 0 : 1;
    }
}
