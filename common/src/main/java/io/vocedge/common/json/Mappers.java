package io.vocedge.common.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Plain Jackson mappers for code that does not speak the wire contract (which has {@code io.vocedge.protocol.Json}):
 * parser errors never carry the input ({@link StreamReadFeature#INCLUDE_SOURCE_IN_LOCATION} off, explicitly, whatever
 * the Jackson default), so an exception message that reaches a log, a command result or a table cannot quote a file.
 * Callers still report only the location of a parse error, never {@code getMessage()}: Jackson's messages name the
 * offending token.
 */
public final class Mappers {
    private Mappers() {}

    /** A JSON mapper with default settings otherwise. */
    public static ObjectMapper json() {
        return new ObjectMapper(JsonFactory.builder()
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build());
    }

    /** A YAML mapper with default settings otherwise. */
    public static ObjectMapper yaml() {
        return new ObjectMapper(YAMLFactory.builder()
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build());
    }

    /**
     * Parses YAML bytes through a stream: jackson-dataformat-yaml 2.18 ignores
     * {@link StreamReadFeature#INCLUDE_SOURCE_IN_LOCATION} and puts a {@code byte[]} or {@code String} input into the
     * error location (MappersTest shows it); a stream has no content to include. SnakeYAML's own message may still show
     * the offending line: report {@code getLocation()} line and column only.
     */
    public static com.fasterxml.jackson.databind.JsonNode readYamlTree(ObjectMapper yaml, byte[] content)
            throws java.io.IOException {
        return yaml.readTree(new java.io.ByteArrayInputStream(content));
    }

    /** The YAML factory builder with source inclusion off, for mappers that need more generator settings. */
    public static com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder yamlFactory() {
        return YAMLFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION);
    }
}
