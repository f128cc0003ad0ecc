package io.vocedge.device.outbox;

import java.nio.file.Path;
import java.time.Duration;
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
public record OutboxConfig(Path file, long maxBytes, boolean powerLossSafe, int queueCapacity, Duration acceptTimeout,
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
}
