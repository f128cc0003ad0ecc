package io.vocedge.device.selftest;

import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The system clock is NTP-synchronised and not before the software's build floor (a Pi has no real-time clock). */
public final class ClockCheck implements Check {
    private final BooleanSupplier ntpSynchronised;
    private final Supplier<Instant> now;
    private final Instant floor;

    /** @param ntpSynchronised {@code NtpSync::isSynchronised} on the device */
    public ClockCheck(BooleanSupplier ntpSynchronised, Supplier<Instant> now, Instant floor) {
        this.ntpSynchronised = ntpSynchronised;
        this.now = now;
        this.floor = floor;
    }

    @Override
    public List<CheckResult> run() {
        Instant t = now.get();
        if (t.isBefore(floor)) {
            return List.of(
                    CheckResult.fail(
                            "clock",
                            "the clock says " + t + ", before this software was built (" + floor
                                    + "): the device has not reached an NTP server yet; check network access to NTP (timedatectl status)"));
        }
        if (!ntpSynchronised.getAsBoolean()) {
            return List.of(CheckResult.fail(
                    "clock",
                    "the clock (" + t + ") is not NTP-synchronised: check 'timedatectl status',"
                            + " that systemd-timesyncd (or chrony) runs and that the store network lets NTP (UDP 123) out; records are"
                            + " still kept and marked unsynchronised"));
        }
        return List.of(CheckResult.pass("clock", "NTP-synchronised, " + t));
    }
}
