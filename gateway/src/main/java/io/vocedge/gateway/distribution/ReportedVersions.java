package io.vocedge.gateway.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.protocol.Json;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What each device says it runs of something the gateway distributes: one text field of {@code details} in its last
 * status ({@code lexicon_version}, {@code model_version}), for the {@code status} commands.
 */
public final class ReportedVersions {
    private static final ObjectMapper JSON = Json.newMapper();

    private ReportedVersions() {}

    /**
     * Per device id, in site and id order: {@code {site, state, version}}, the version null when the device never
     * reported one (or its status is not JSON).
     */
    public static Map<String, String[]> read(DataSource db, String detailsField) throws SQLException {
        Map<String, String[]> out = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT device_id, site, state, last_status FROM devices ORDER BY site, device_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString("device_id"), new String[] {
                    rs.getString("site"), rs.getString("state"), field(rs.getString("last_status"), detailsField)
                });
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        return out;
    }

    private static String field(String status, String name) {
        if (status == null) {
            return null;
        }
        try {
            JsonNode v = JSON.readTree(status).path("details").path(name);
            return v.isTextual() ? v.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
