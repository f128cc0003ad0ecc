package io.vocedge.gateway.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = GatewayMain.class.getPackage().getImplementationVersion();
        return new String[] {"voc-gateway " + (v == null ? "dev" : v)};
    }
}
