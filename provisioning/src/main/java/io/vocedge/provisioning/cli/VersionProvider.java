package io.vocedge.provisioning.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = ProvisionMain.class.getPackage().getImplementationVersion();
        return new String[] {"voc-provision " + (v == null ? "dev" : v)};
    }
}
