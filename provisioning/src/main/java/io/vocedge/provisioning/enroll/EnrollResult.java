package io.vocedge.provisioning.enroll;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What {@code device enroll} produced. {@code tar} is null without {@code --tar}; {@code brokerDir} is where the
 * broker's rules were updated to admit the device (null when no {@code broker config} directory is known).
 */
public record EnrollResult(
        String deviceId,
        String site,
        String name,
        String fingerprint,
        Instant notAfter,
        Path bundle,
        Path tar,
        boolean registeredWithGateway,
        Path brokerDir) {}
