package io.vocedge.device.selftest;

import io.vocedge.device.command.CommandHandler;
import io.vocedge.protocol.Command;
import java.util.function.Supplier;

/**
 * Answers the {@code selftest} command with a fresh self-test report: passed or failed, a summary cut to 1,000
 * characters for the result message, every check in the detail. The argument check is the dispatcher's.
 */
public final class SelfTestCommandHandler implements CommandHandler {
    private static final int MAX_MESSAGE = 1000;
    private final Supplier<SelfTestReport> selfTest;

    public SelfTestCommandHandler(Supplier<SelfTestReport> selfTest) {
        this.selfTest = selfTest;
    }

    @Override
    public Outcome handle(Command command) {
        SelfTestReport r = selfTest.get();
        String msg = r.summary();
        return new Outcome(r.passed(), msg.length() > MAX_MESSAGE ? msg.substring(0, MAX_MESSAGE) : msg, r.toMap());
    }
}
