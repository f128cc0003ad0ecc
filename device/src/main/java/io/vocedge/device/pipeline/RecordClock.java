package io.vocedge.device.pipeline;

import io.vocedge.protocol.RecordTime;

/** Stamps records: wall clock, whether it is NTP-synchronised, boot id and monotonic offset. Injected for tests. */
public interface RecordClock {
    RecordTime now();
}
