package io.vocedge.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads what the VoC store holds, the way the central platform would. */
final class StoreQueries {
    private final String jdbcUrl;
    private final String user;

    StoreQueries(String jdbcUrl, String user) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
    }

    /** Sequence numbers stored for a device, ascending. */
    List<Long> seqs(String deviceId) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
                PreparedStatement ps = c.prepareStatement("SELECT seq FROM records WHERE device_id = ? ORDER BY seq")) {
            ps.setString(1, deviceId);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first column of every row of {@code sql}, as text. */
    List<String> strings(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    long countSafely(String sql) {
        try {
            return count(sql);
        } catch (SQLException e) {
            return -1;
        }
    }
}
