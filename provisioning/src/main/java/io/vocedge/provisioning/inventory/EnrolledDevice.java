package io.vocedge.provisioning.inventory;

import java.time.Instant;

/** A device this CA enrolled. {@code serial} is the certificate serial in hex; {@code state} registered or revoked. */
public record EnrolledDevice(
        String deviceId,
        String site,
        String name,
        String serial,
        String fingerprint,
        String state,
        Instant enrolledAt,
        Instant notAfter,
        Instant revokedAt) {
    public static final String REGISTERED = "registered";
    public static final String REVOKED = "revoked";

    public boolean revoked() {
        return REVOKED.equals(state);
    }

    /** The same device with a renewed certificate. */
    public EnrolledDevice renewed(String newSerial, String newFingerprint, Instant newNotAfter) {
        return new EnrolledDevice(
                deviceId, site, name, newSerial, newFingerprint, state, enrolledAt, newNotAfter, revokedAt);
    }

    public EnrolledDevice revoke(Instant at) {
        return new EnrolledDevice(deviceId, site, name, serial, fingerprint, REVOKED, enrolledAt, notAfter, at);
    }
}
