package io.vocedge.device.sync;

import io.vocedge.protocol.Ack;

/** Told about every ack after the acked records were deleted (the fleet simulator measures latency with it). */
@FunctionalInterface
public interface AckListener {
    void onAck(Ack ack);
}
