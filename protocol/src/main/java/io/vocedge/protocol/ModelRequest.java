package io.vocedge.protocol;

import java.util.Objects;

/**
 * {@code voc.model-request/1}: a device asks for chunk {@code index} of model {@code version}, on its own
 * {@code up/model_request} topic. The gateway answers only for the version it has published for that device and only
 * while the device is not revoked; the device asks for the next chunk once one has arrived and checked out (one
 * chunk in flight: a Zero 2 W on a weak Wi-Fi is never flooded) and asks again after a timeout.
 */
public record ModelRequest(String version, int index) implements Envelope {
    public ModelRequest {
        Objects.requireNonNull(version, "version");
    }

    @Override
    public SchemaId schemaId() {
        return SchemaId.MODEL_REQUEST;
    }
}
