package io.vocedge.device.command;

import io.vocedge.common.fs.OwnerOnly;
import io.vocedge.protocol.Command;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Refuses commands that could be replays: delivered from the broker's retained store (a retained command would run
 * again on every reconnect), without {@code issued_at}, issued more than {@code commands.max_age} ago, or with an id
 * already executed. Executed ids are written (0600, atomically) to {@code commands-executed} in the data dir
 * <em>before</em> the command runs - at most once, also across a crash or restart - and forgotten once older than
 * {@code max_age}, when staleness refuses them anyway. Bounded: with {@code max_remembered} ids younger than
 * {@code max_age} on file, further commands are refused until the oldest expire (the file never grows past that).
 *
 * <p>A command dated in the future is accepted: a device without a synchronised clock (a Pi without RTC boots in
 * 1970) would otherwise refuse every command, mute included. Forging a fresh command needs publish rights on the
 * device's command topic, which the broker ACL gives to gateways only.
 */
public final class CommandGuard {
    static final String FILE = "commands-executed";
    private static final java.util.regex.Pattern SAFE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Path file;
    private final CommandConfig config;
    private final Clock clock;
    /** Command id to issued_at (epoch ms), in arrival order. */
    private final Map<String, Long> executed = new LinkedHashMap<>();

    private CommandGuard(Path file, CommandConfig config, Clock clock) {
        this.file = file;
        this.config = config;
        this.clock = clock;
    }

    /** Loads the executed ids kept in {@code dataDir}; unreadable lines are skipped (and logged), never fatal. */
    public static CommandGuard open(Path dataDir, CommandConfig config, Clock clock) throws IOException {
        CommandGuard g = new CommandGuard(dataDir.resolve(FILE), config, clock);
        if (Files.exists(g.file)) {
            OwnerOnly.restrict(g.file);
            int bad = 0;
            for (String line : Files.readAllLines(g.file, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                try {
                    g.executed.put(line.substring(0, space), Long.parseLong(line.substring(space + 1)));
                } catch (RuntimeException e) {
                    bad++;
                }
            }
            if (bad > 0) {
                Logger.warn("event=command_ids_unreadable file={} lines={}", g.file, bad);
            }
        }
        return g;
    }

    /**
     * Decides on one command. Empty: run it (its id is then on file). Otherwise the reason it is refused, for the
     * command result.
     */
    public synchronized Optional<String> admit(Command command, boolean retained) throws IOException {
        if (!SAFE_ID.matcher(command.commandId()).matches()) {
            return Optional.of("refused: command_id must be 1-64 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'");
        }
        if (retained) {
            return Optional.of(
                    "refused: delivered as a retained message; commands are never retained (it would run again "
                            + "on every reconnect) - clear it by publishing an empty retained message on this device's command topic");
        }
        if (command.issuedAt() == null) {
            return Optional.of("refused: no issued_at, so its age cannot be checked; send it through the gateway");
        }
        Instant now = clock.instant();
        long issued = command.issuedAt().toEpochMilli();
        if (issued < now.toEpochMilli() - config.maxAge().toMillis()) {
            return Optional.of("refused: stale, issued at " + command.issuedAt() + ", more than commands.max_age ("
                    + config.maxAge().toSeconds() + " s) before the device's clock (" + now + ")");
        }
        if (executed.containsKey(command.commandId())) {
            return Optional.of("refused: command id already executed (a replay); send a new command");
        }
        forgetExpired(now);
        if (executed.size() >= config.maxRemembered()) {
            return Optional.of("refused: " + executed.size() + " commands arrived within commands.max_age ("
                    + config.maxAge().toSeconds() + " s); try again later");
        }
        executed.put(command.commandId(), issued);
        try {
            persist();
        } catch (IOException e) {
            executed.remove(command.commandId());
            throw e;
        }
        return Optional.empty();
    }

    private void forgetExpired(Instant now) {
        long horizon = now.toEpochMilli() - config.maxAge().toMillis();
        executed.values().removeIf(issuedMs -> issuedMs < horizon);
    }

    private void persist() throws IOException {
        StringBuilder b = new StringBuilder(executed.size() * 56);
        executed.forEach((id, ms) -> b.append(id).append(' ').append(ms).append('\n'));
        OwnerOnly.writeAtomically(file, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Ids currently remembered (tests, status). */
    public synchronized int remembered() {
        return executed.size();
    }
}
