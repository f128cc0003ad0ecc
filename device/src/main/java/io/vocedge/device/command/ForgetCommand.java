package io.vocedge.device.command;

import io.vocedge.device.privacy.Forgetter;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code forget} with {@code minutes} (1-1440): deletes on the device the pending audio and the unsynced records of
 * the last minutes, and puts the window in the result ({@code forget_from}, {@code forget_to}) so the gateway deletes
 * what it already stored of that window (it audits that and appends its count to the stored result).
 */
public final class ForgetCommand {
    private ForgetCommand() {}

    public static CommandHandler handler(Supplier<Forgetter> forgetter) {
        return c -> {
            if (!Set.of("minutes").containsAll(c.args().keySet())) {
                throw new IllegalArgumentException(
                        "'forget' takes only minutes, got " + c.args().keySet());
            }
            String minutes = c.args().get("minutes");
            long m;
            try {
                m = Long.parseLong(minutes == null ? "" : minutes.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "args.minutes: a whole number of minutes, 1-" + Forgetter.MAX_WINDOW.toMinutes());
            }
            Forgetter f = forgetter.get();
            if (f == null) {
                return CommandHandler.Outcome.failed("the agent is still starting; send it again");
            }
            Forgetter.Result r = f.forget(Duration.ofMinutes(m), "command");
            return new CommandHandler.Outcome(true, r.message(), r.detail());
        };
    }
}
