package io.vocedge.device.asr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Parses Vosk's result JSON with Jackson. A malformed result is an engine bug: it fails loudly with the input's size. */
public final class VoskJson {
    private final ObjectMapper mapper = io.vocedge.common.json.Mappers.json();

    public VoskResult result(String json) {
        try {
            return mapper.readValue(json, VoskResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "unparsable Vosk result (" + json.length() + " chars): " + e.getOriginalMessage(), e);
        }
    }

    public VoskResult.Partial partial(String json) {
        try {
            return mapper.readValue(json, VoskResult.Partial.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "unparsable Vosk partial (" + json.length() + " chars): " + e.getOriginalMessage(), e);
        }
    }
}
