package io.vocedge.device.agent;

import io.vocedge.device.clock.SystemRecordClock;
import io.vocedge.device.config.DeviceConfig;
import io.vocedge.protocol.Status;
import java.time.Instant;

/** The retained status: identity, version, clock sync, and the details every started part contributes. */
final class AgentStatus {
    private final DeviceConfig config;
    private final String softwareVersion;
    private final SystemRecordClock clock;
    private final PartChain parts;

    AgentStatus(DeviceConfig config, String softwareVersion, SystemRecordClock clock, PartChain parts) {
        this.config = config;
        this.softwareVersion = softwareVersion;
        this.clock = clock;
        this.parts = parts;
    }

    Status status() {
        return new Status(
                config.deviceId(),
                config.site(),
                Status.ONLINE,
                Instant.now(),
                clock.isSynchronised(),
                softwareVersion,
                parts.statusFields());
    }
}
