package io.vocedge.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Every message on the wire: it names its schema. */
public interface Envelope {
    SchemaId schemaId();

    @JsonProperty(value = "schema", index = 0)
    default String schema() {
        return schemaId().toString();
    }
}
