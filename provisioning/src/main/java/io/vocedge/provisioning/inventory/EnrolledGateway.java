package io.vocedge.provisioning.inventory;

import java.time.Instant;

/** A gateway identity this CA issued; its id is its certificate CN and its broker user name. */
public record EnrolledGateway(
        String gatewayId, String serial, String fingerprint, Instant enrolledAt, Instant notAfter) {}
