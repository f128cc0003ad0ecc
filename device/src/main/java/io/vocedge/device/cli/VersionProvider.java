package io.vocedge.device.cli;

import io.vocedge.common.cli.Cli;

/** The version Maven wrote into the jar manifest ({@code voc-device dev} when run from classes). */
final class VersionProvider {
    private VersionProvider() {}

    static String version() {
        return Cli.version(DeviceMain.class, "voc-device");
    }
}
