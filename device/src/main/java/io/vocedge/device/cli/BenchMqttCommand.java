package io.vocedge.device.cli;

import io.vocedge.device.simulate.MqttBaseline;
import io.vocedge.protocol.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-mqtt}: the raw Paho QoS 1 publish-to-receive baseline on a broker. */
@Command(
        name = "bench-mqtt",
        mixinStandardHelpOptions = true,
        description = "Raw broker baseline: one Paho v5 client publishes N QoS 1 messages, another receives them.")
final class BenchMqttCommand implements Callable<Integer> {
    @Option(names = "--broker", required = true)
    String broker;

    @Option(names = "--messages", defaultValue = "100000")
    int messages;

    @Option(names = "--size", defaultValue = "600", description = "payload bytes (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--in-flight", defaultValue = "1000")
    int inFlight;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var r = new MqttBaseline(broker, messages, size, inFlight).run();
        System.out.println(
                json
                        ? Json.newMapper().writeValueAsString(r)
                        : String.format(
                                java.util.Locale.ROOT,
                                "mqtt baseline: %d x %d B QoS 1, %d in flight: %.2f s, %.0f msg/s",
                                r.messages(),
                                r.size(),
                                r.inFlight(),
                                r.seconds(),
                                r.messagesPerSecond()));
        return 0;
    }
}
