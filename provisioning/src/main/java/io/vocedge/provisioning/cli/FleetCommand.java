package io.vocedge.provisioning.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.vocedge.protocol.Json;
import io.vocedge.provisioning.fleet.FleetTable;
import io.vocedge.provisioning.gatewayapi.GatewayAdmin;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleet list}: the gateway's registry with live status. */
@Command(
        name = "fleet",
        description = "Fleet view from the gateway.",
        subcommands = {FleetCommand.ListFleet.class})
public final class FleetCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list");
    }

    @Command(
            name = "list",
            description =
                    "Registered devices: site, status (online/offline/revoked), last seen, outbox depth, software version.")
    static final class ListFleet implements Callable<Integer> {
        @Option(names = "--gateway", required = true, paramLabel = "URL", description = "gateway HTTP address")
        String url;

        @Option(
                names = "--token-file",
                required = true,
                paramLabel = "FILE",
                description = "the gateway's <data_dir>/admin-token")
        Path tokenFile;

        @Option(names = "--json", description = "print the registry as a JSON array")
        boolean json;

        @Option(
                names = "--gateway-ca",
                paramLabel = "FILE",
                description = "for an https:// gateway: the fleet CA's ca.pem, " + "trusted alone")
        Path trustCa;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            var devices = new GatewayAdmin(url, GatewayAdmin.readToken(tokenFile), trustCa).devices();
            var out = spec.commandLine().getOut();
            if (json) {
                var mapper = Json.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
                mapper.getFactory().setCharacterEscapes(new io.vocedge.common.text.TerminalSafeEscapes());
                out.println(mapper.writeValueAsString(devices));
            } else {
                out.print(FleetTable.render(devices, Instant.now()));
            }
            out.flush();
            return 0;
        }
    }
}
