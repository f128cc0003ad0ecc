package io.vocedge.gateway.forward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.gateway.alerts.AlertsSettings;
import io.vocedge.protocol.SchemaId;
import io.vocedge.protocol.SchemaValidator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published schemas of the forwarded kinds and the code that writes them do not drift apart. */
class ForwardedSchemasTest {
    private static JsonNode schema(SchemaId id) throws Exception {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(SchemaValidator.resourceName(id))) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void everyForwardedKindHasAPublishedSchema() {
        List<String> known = SchemaValidator.KNOWN.stream().map(SchemaId::kind).toList();
        for (String kind : ForwardEvent.KINDS) {
            assertThat(known).as(kind).contains("voc." + kind);
        }
    }

    @Test
    void theAlertSchemaNamesEveryRuleKindAndSeverityTheGatewayHas() throws Exception {
        JsonNode alert = schema(SchemaId.ALERT);
        assertThat(strings(alert.at("/properties/rule_kind/enum")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(AlertsSettings.RuleKind.values())
                        .map(AlertsSettings.RuleKind::wire)
                        .toList());
        List<String> severities = Arrays.stream(AlertsSettings.Severity.values())
                .map(s -> s.name().toLowerCase(java.util.Locale.ROOT))
                .toList();
        assertThat(strings(alert.at("/properties/severity/enum"))).containsExactlyInAnyOrderElementsOf(severities);
        assertThat(strings(schema(SchemaId.CASE).at("/properties/severity/enum")))
                .containsExactlyInAnyOrderElementsOf(severities);
    }
}
