package io.vocedge.provisioning.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocedge.protocol.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FleetTableTest {
    @Test
    void showsStatusLastSeenOutboxAndVersionSortedBySiteAndName() throws Exception {
        Instant now = Instant.parse("2026-05-01T12:00:00Z");
        JsonNode devices = Json.newMapper().readTree("""
                [{"device_id":"dev-b-2","site":"b","name":"till","state":"registered","online":false,
                  "last_seen":"2026-05-01T09:00:00Z","outbox_depth":1200,"software_version":"0.1.0"},
                 {"device_id":"dev-a-1","site":"a","name":"desk","state":"registered","online":true,
                  "last_seen":"2026-05-01T11:59:30Z","outbox_depth":0,"software_version":"0.2.0"},
                 {"device_id":"dev-a-0","site":"a","name":"old","state":"revoked","online":true,"last_seen":null,
                  "outbox_depth":null,"software_version":null}]""");
        String table = FleetTable.render(devices, now);
        var lines = table.lines().toList();
        assertThat(lines.get(0))
                .startsWith("DEVICE")
                .contains("SITE")
                .contains("STATUS")
                .contains("LAST SEEN")
                .contains("OUTBOX")
                .contains("VERSION");
        assertThat(lines.get(1))
                .startsWith("dev-a-1")
                .contains("online")
                .contains("30s ago")
                .contains("0.2.0");
        assertThat(lines.get(2))
                .startsWith("dev-a-0")
                .contains("revoked")
                .contains("never")
                .contains(" - ");
        assertThat(lines.get(3))
                .startsWith("dev-b-2")
                .contains("offline")
                .contains("3h ago")
                .contains("1200");
        assertThat(lines.get(4)).isEqualTo("3 devices, 1 online");
        // Columns line up.
        assertThat(lines.get(1).indexOf("online")).isEqualTo(lines.get(0).indexOf("STATUS"));
    }

    @Test
    void terminalEscapesFromASpoofedStatusArePrintedHarmlessly() throws Exception {
        // ESC[2J clears the screen, ESC]0;...BEL retitles the window, U+009B is a one-byte CSI, U+202E flips text.
        JsonNode devices = Json.newMapper().readTree("""
                [{"device_id":"dev-a-1","site":"a","name":"desk\\u202Eevil","state":"registered","online":true,
                  "last_seen":"\\u001b[2J","outbox_depth":0,"software_version":"\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m1.0"}]""");
        String table = FleetTable.render(devices, Instant.now());
        assertThat(table)
                .doesNotContain("\u001b")
                .doesNotContain("\u0007")
                .doesNotContain("\u009b")
                .doesNotContain("\u202E");
        assertThat(table).contains("?[2J?]0;pwned??31m1.0").contains("desk?evil");

        var mapper = Json.newMapper();
        mapper.getFactory().setCharacterEscapes(new io.vocedge.common.text.TerminalSafeEscapes());
        String json = mapper.writeValueAsString(devices);
        assertThat(json)
                .doesNotContain("\u001b")
                .doesNotContain("\u009b")
                .doesNotContain("\u202E")
                .contains("\\u001B[2J")
                .contains("\\u009B31m")
                .contains("desk\\u202Eevil");
        assertThat(mapper.readTree(json)).as("still exact JSON").isEqualTo(devices);
    }
}
