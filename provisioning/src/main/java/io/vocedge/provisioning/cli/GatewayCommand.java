package io.vocedge.provisioning.cli;

import io.vocedge.provisioning.broker.GatewayEnroller;
import io.vocedge.provisioning.inventory.InventoryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gateway enroll}: the gateway's own broker certificate. */
@Command(
        name = "gateway",
        description = "Gateway identities.",
        subcommands = {GatewayCommand.Enroll.class})
public final class GatewayCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: enroll");
    }

    @Command(
            name = "enroll",
            description = "Certificate for a gateway (CN = gateway id): OUT/gateway.pem, gateway.key, ca.pem; with "
                    + "--http-host also its HTTPS server certificate OUT/http.pem, http.key.")
    static final class Enroll implements Callable<Integer> {
        @Mixin
        CaOptions ca;

        @Option(names = "--id", required = true, description = "the gateway's gateway_id, e.g. gw-1")
        String id;

        @Option(names = "--out", required = true, paramLabel = "DIR")
        Path out;

        @Option(
                names = "--days",
                defaultValue = "1825",
                description = "certificate validity (default: ${DEFAULT-VALUE})")
        int days;

        @Option(
                names = "--http-host",
                paramLabel = "NAME",
                description = "name or IP address clients use for the gateway's "
                        + "HTTPS API (repeat for several); issues http.pem/http.key for the gateway's http.tls")
        java.util.List<String> httpHosts;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try {
                GatewayEnroller.requireGatewayId(id);
                GatewayEnroller.requireHosts(hosts());
            } catch (io.vocedge.common.cli.BadInputException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Clock clock = Clock.systemUTC();
            var g = new GatewayEnroller(ca.open(clock), new InventoryStore(ca.dir), clock)
                    .enroll(id, out, Duration.ofDays(days), hosts());
            PrintWriter o = spec.commandLine().getOut();
            o.println("gateway " + g.gatewayId() + " enrolled: " + out.resolve("gateway.pem") + ", "
                    + out.resolve("gateway.key") + " (0600), " + out.resolve("ca.pem"));
            o.println(
                    "  gateway config: broker: {url: ssl://HOST:8883, ca_file: ca.pem, cert_file: gateway.pem, key_file: gateway.key}");
            if (!hosts().isEmpty()) {
                o.println("  HTTPS for " + String.join(", ", hosts()) + ": " + out.resolve("http.pem") + ", "
                        + out.resolve("http.key") + " (0600)");
                o.println(
                        "  gateway config: http: {host: 0.0.0.0, port: 8086, tls: {cert_file: http.pem, key_file: http.key}}");
            } else {
                o.println(
                        "  no --http-host: no HTTPS certificate; the admin API then works over plain HTTP on 127.0.0.1 only");
            }
            return 0;
        }

        private java.util.List<String> hosts() {
            return httpHosts == null ? java.util.List.of() : httpHosts;
        }
    }
}
