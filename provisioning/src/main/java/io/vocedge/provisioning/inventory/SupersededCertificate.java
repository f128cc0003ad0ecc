package io.vocedge.provisioning.inventory;

import java.time.Instant;

/**
 * A device certificate replaced by {@code device renew}: its serial (hex), when it was replaced, and from when the CRL
 * lists it ({@code revokeAt}; null = never, {@code --keep-old}). A CRL written before {@code revokeAt} leaves it
 * valid (the grace for the device to pick up its new certificate); every CRL written after lists it. A revoked
 * device's superseded certificates are always listed.
 */
public record SupersededCertificate(String deviceId, String serial, Instant supersededAt, Instant revokeAt) {
    public boolean revokedBy(Instant crlTime) {
        return revokeAt != null && !revokeAt.isAfter(crlTime);
    }
}
