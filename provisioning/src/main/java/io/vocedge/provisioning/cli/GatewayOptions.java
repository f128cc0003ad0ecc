package io.vocedge.provisioning.cli;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.provisioning.gatewayapi.GatewayAdmin;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Optional {@code --gateway URL --gateway-token-file F}: talk to the gateway's admin API. */
public final class GatewayOptions {
    @Option(
            names = "--gateway",
            paramLabel = "URL",
            description = "gateway HTTP(S) address, e.g. https://gw:8086 (registers there)")
    String url;

    @Option(
            names = "--gateway-token-file",
            paramLabel = "FILE",
            description = "the gateway's admin token (<data_dir>/admin-token)")
    Path tokenFile;

    @Option(
            names = "--gateway-ca",
            paramLabel = "FILE",
            description = "CA that signed an https:// gateway's certificate (default: the fleet CA, --ca DIR/ca.pem)")
    Path trustCa;

    /**
     * @param fleetCa the fleet CA certificate, trusted for an https:// gateway when no --gateway-ca is given
     * @return the client, or null when no --gateway was given
     */
    GatewayAdmin client(Path fleetCa) {
        if (url == null) {
            if (tokenFile != null) {
                throw new BadInputException("--gateway-token-file given without --gateway URL");
            }
            return null;
        }
        return new GatewayAdmin(url, GatewayAdmin.readToken(tokenFile), trustCa != null ? trustCa : fleetCa);
    }
}
