package io.vocedge.device.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = DeviceMain.class.getPackage().getImplementationVersion();
        return new String[] {"voc-device " + (v == null ? "dev" : v)};
    }
}
