package io.vocedge.device.agent;

import io.vocedge.device.command.CommandHandler;
import io.vocedge.device.config.LogLevelSetting;
import java.nio.file.Path;
import java.util.Locale;

/** {@code set_log_level} with {@code level}: saved in the data dir for the next start. */
final class LogLevelCommand {
    private LogLevelCommand() {}

    static CommandHandler handler(Path dataDir) {
        return c -> {
            String level = c.args().get("level");
            try {
                LogLevelSetting.write(dataDir, level);
            } catch (java.io.IOException e) {
                return CommandHandler.Outcome.failed("cannot save the level in " + dataDir + ": " + e.getMessage());
            }
            // TinyLog fixes levels at start-up: saved now, applied before the first line of the next start.
            return CommandHandler.Outcome.ok("log level " + level.toLowerCase(Locale.ROOT) + " saved; it applies from "
                    + "the next start of the agent (restart the service to apply it now)");
        };
    }
}
