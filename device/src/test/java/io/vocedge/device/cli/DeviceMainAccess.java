package io.vocedge.device.cli;

import picocli.CommandLine;

/** Lets tests in other packages run the real command tree in-process. */
public final class DeviceMainAccess {
    private DeviceMainAccess() {}

    public static CommandLine commandLine() {
        return DeviceMain.commandLine();
    }
}
