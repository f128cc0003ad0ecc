package io.vocedge.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a stopped device's outbox file: how many records it ever produced, how many it evicted, what is left. */
final class DeviceOutboxFile {
    private final Path file;

    DeviceOutboxFile(Path file) {
        this.file = file;
    }

    long meta(String key, long fallback) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : fallback;
            }
        }
    }

    /** The highest seq ever handed out: every one of 1..this was produced. */
    long lastSeq() throws SQLException {
        return meta("next_seq", 1) - 1;
    }

    long evictedTotal() throws SQLException {
        long n = 0;
        for (String p : new String[] {"TELEMETRY", "LOW_VALUE_UTTERANCE", "UTTERANCE", "CONVERSATION_SUMMARY"}) {
            n += meta("evicted." + p, 0);
        }
        return n;
    }

    long depth() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
