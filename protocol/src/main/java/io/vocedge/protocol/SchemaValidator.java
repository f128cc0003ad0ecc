package io.vocedge.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates envelopes against the JSON Schema files published in this module
 * ({@code io/vocedge/protocol/schema/<kind>-<major>.json}), the same files the central platform uses.
 */
public final class SchemaValidator {
    /** Every schema this build knows, in the order they are documented. */
    public static final List<SchemaId> KNOWN = List.of(
            SchemaId.BATCH,
            SchemaId.UTTERANCE,
            SchemaId.CONVERSATION,
            SchemaId.TELEMETRY,
            SchemaId.STATUS,
            SchemaId.ACK,
            SchemaId.COMMAND,
            SchemaId.COMMAND_RESULT,
            SchemaId.LEXICON,
            SchemaId.MODEL,
            SchemaId.MODEL_CHUNK,
            SchemaId.MODEL_REQUEST,
            SchemaId.ALERT,
            SchemaId.CASE);

    private final Map<SchemaId, JsonSchema> schemas = new HashMap<>();
    /** Per schema, the compiled one-sided check that spares valid records the interpreter (see SchemaPrecheck). */
    private final Map<SchemaId, SchemaPrecheck> prechecks = new HashMap<>();

    public SchemaValidator() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (SchemaId id : KNOWN) {
            try (InputStream in = openSchema(id)) {
                byte[] text = in.readAllBytes();
                schemas.put(id, factory.getSchema(new ByteArrayInputStream(text)));
                SchemaPrecheck.compile(new ObjectMapper().readTree(text)).ifPresent(p -> prechecks.put(id, p));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema " + resourceName(id), e);
            }
        }
    }

    public static String resourceName(SchemaId id) {
        return "schema/" + id.kind() + "-" + id.major() + ".json";
    }

    private static InputStream openSchema(SchemaId id) {
        InputStream in = SchemaValidator.class.getResourceAsStream(resourceName(id));
        if (in == null) {
            throw new IllegalStateException("schema file " + resourceName(id) + " missing from the protocol jar");
        }
        return in;
    }

    /**
     * Validates {@code node} against the schema it names. Returns empty when valid, otherwise one line naming
     * every problem (unknown schema, missing or malformed fields).
     */
    public Optional<String> problems(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.of("not a JSON object");
        }
        JsonNode schemaField = node.get("schema");
        SchemaId id;
        try {
            id = SchemaId.parse(schemaField == null || !schemaField.isTextual() ? null : schemaField.asText());
        } catch (ProtocolException | IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        JsonSchema schema = schemas.get(id);
        if (schema == null) {
            return Optional.of("unknown schema '" + id + "': this gateway understands " + KNOWN
                    + "; upgrade the gateway before devices send a new major version");
        }
        SchemaPrecheck precheck = prechecks.get(id);
        if (precheck != null && precheck.accepts(node)) {
            return Optional.empty();
        }
        return problems(schema, node);
    }

    /** The interpreted validator's verdict alone, without the precheck: what the precheck must never contradict. */
    Optional<String> interpretedProblems(SchemaId id, JsonNode node) {
        return problems(schemas.get(id), node);
    }

    /** Whether {@code id}'s schema has a compiled precheck (every schema of this build should; tests say so). */
    boolean precompiled(SchemaId id) {
        return prechecks.containsKey(id);
    }

    /** Validates against a given schema (for payloads whose kind the topic already fixes). */
    public Optional<String> problems(SchemaId expected, JsonNode node) {
        Optional<String> generic = problems(node);
        if (generic.isPresent()) {
            return generic;
        }
        String actual = node.get("schema").asText();
        if (!expected.toString().equals(actual)) {
            return Optional.of("expected schema '" + expected + "' here, got '" + actual + "'");
        }
        return Optional.empty();
    }

    private static Optional<String> problems(JsonSchema schema, JsonNode node) {
        var messages = schema.validate(node);
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("schema violations: ");
        int n = 0;
        for (ValidationMessage m : messages) {
            if (n++ > 0) {
                sb.append("; ");
            }
            if (n > 5) {
                sb.append("and ").append(messages.size() - 5).append(" more");
                break;
            }
            sb.append(m.getMessage());
        }
        return Optional.of(sb.toString());
    }
}
