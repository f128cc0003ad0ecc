package io.vocedge.device.config;

import io.vocedge.common.fs.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The log level asked for by the {@code set_log_level} command, kept in {@code <data_dir>/log-level}. TinyLog fixes
 * its levels when it starts, so a new level cannot take effect in a running agent; it is applied at the next start,
 * before the first log line, through TinyLog's {@code tinylog.writer.level} system property.
 */
public final class LogLevelSetting {
    public static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error");
    static final String FILE = "log-level";

    private LogLevelSetting() {}

    public static Optional<String> read(Path dataDir) {
        try {
            String level = Files.readString(dataDir.resolve(FILE), StandardCharsets.UTF_8)
                    .strip()
                    .toLowerCase(Locale.ROOT);
            return LEVELS.contains(level) ? Optional.of(level) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // unreadable: the packaged default (info) is the safe choice
        }
    }

    /** Saves a level for the next start (write to a temporary file, then rename). */
    public static void write(Path dataDir, String level) throws IOException {
        String l = level == null ? "" : level.toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(l)) {
            throw new IllegalArgumentException("args.level must be one of trace, debug, info, warn, error");
        }
        Files.createDirectories(dataDir);
        Path tmp = OwnerOnly.file(dataDir.resolve(FILE + ".tmp"));
        Files.writeString(tmp, l + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Sets TinyLog's level from the saved setting; must run before anything logs. An explicit
     * {@code -Dtinylog.writer.level} on the command line wins.
     */
    public static Optional<String> applyBeforeLogging(Path dataDir) {
        Optional<String> level = read(dataDir);
        if (level.isPresent() && System.getProperty("tinylog.writer.level") == null) {
            System.setProperty("tinylog.writer.level", level.get());
            return level;
        }
        return Optional.empty();
    }
}
