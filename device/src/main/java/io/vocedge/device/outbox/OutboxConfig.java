package io.vocedge.device.outbox;

import io.vocedge.common.config.ConfigNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Outbox settings.
 *
 * @param file the SQLite file
 * @param maxBytes bound on stored record bytes; beyond it records are evicted in policy order
 * @param powerLossSafe {@code true}: synchronous=FULL (survives a power cut, one fsync per commit);
 *     {@code false}: synchronous=NORMAL (survives a crash of the agent, may lose the last commits on power loss)
 * @param queueCapacity records waiting for the writer before {@code accept} blocks
 * @param acceptTimeout how long {@code accept} blocks on a full writer queue before it rejects the record
 * @param maxRecordsPerCommit group-commit size: more records per fsync when producers are busy
 */
public record OutboxConfig(
        Path file,
        long maxBytes,
        boolean powerLossSafe,
        int queueCapacity,
        Duration acceptTimeout,
        int maxRecordsPerCommit) {
    public OutboxConfig {
        Objects.requireNonNull(file, "file");
        if (maxBytes < 64 * 1024) {
            throw new IllegalArgumentException("outbox.max_bytes must be at least 65536, got " + maxBytes);
        }
        if (queueCapacity < 1 || maxRecordsPerCommit < 1) {
            throw new IllegalArgumentException("outbox queue capacity and commit size must be >= 1");
        }
        Objects.requireNonNull(acceptTimeout, "acceptTimeout");
    }

    public static OutboxConfig defaults(Path file) {
        return new OutboxConfig(file, 256L * 1024 * 1024, true, 4096, Duration.ofSeconds(5), 512);
    }

    /** Reads the {@code outbox:} section strictly; the database is {@code <data_dir>/outbox.db}. */
    public static OutboxConfig read(ConfigNode o, Path dataDir) {
        OutboxConfig d = defaults(dataDir.resolve("outbox.db"));
        return new OutboxConfig(
                d.file(),
                o.bytes("max_bytes", d.maxBytes(), 64 * 1024, 1L << 40),
                o.bool("power_loss_safe", d.powerLossSafe()),
                o.integer("queue_capacity", d.queueCapacity(), 1, 1_000_000),
                o.duration("accept_timeout", d.acceptTimeout(), Duration.ZERO, Duration.ofMinutes(1)),
                o.integer("max_records_per_commit", d.maxRecordsPerCommit(), 1, 100_000));
    }

    /** The same settings with the database in another data directory ({@code --data-dir}). */
    public OutboxConfig inDataDir(Path dataDir) {
        return new OutboxConfig(
                dataDir.resolve("outbox.db"),
                maxBytes,
                powerLossSafe,
                queueCapacity,
                acceptTimeout,
                maxRecordsPerCommit);
    }

    /** The section as {@code config check} prints it. */
    public Map<String, Object> effective() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_bytes", maxBytes);
        m.put("power_loss_safe", powerLossSafe);
        m.put("queue_capacity", queueCapacity);
        m.put("accept_timeout", ConfigNode.format(acceptTimeout));
        m.put("max_records_per_commit", maxRecordsPerCommit);
        return m;
    }
}
