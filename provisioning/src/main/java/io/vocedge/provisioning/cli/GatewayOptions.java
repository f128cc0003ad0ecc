package io.vocedge.provisioning.cli;

import io.vocedge.provisioning.gatewayapi.GatewayAdmin;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Optional {@code --gateway URL --gateway-token-file F}: talk to the gateway's admin API. */
public final class GatewayOptions {
    @Option(names = "--gateway", paramLabel = "URL", description = "gateway HTTP address, e.g. http://gw:8086 (registers there)")
    String url;

    @Option(names = "--gateway-token-file", paramLabel = "FILE", description = "the gateway's admin token (<data_dir>/admin-token)")
    Path tokenFile;

    /** @return the client, or null when no --gateway was given */
    GatewayAdmin client() {
        if (url == null) {
            if (tokenFile != null) {
                throw new io.vocedge.provisioning.ProvisionException("--gateway-token-file given without --gateway URL");
            }
            return null;
        }
        return new GatewayAdmin(url, GatewayAdmin.readToken(tokenFile));
    }
}
