package io.vocedge.device.audio;

import java.io.IOException;

/** Opens (or reopens, after a fault) the capture source. */
public interface SourceOpener {
    FrameSource open() throws IOException;

    /** A live device is reopened after faults; a file source ends at its first fault. */
    boolean live();

    String describe();
}
