package io.vocedge.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who spoke: the staff member at the device, the customer, or unknown when unsure. */
public enum SpeakerRole {
    STAFF,
    CUSTOMER,
    UNKNOWN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SpeakerRole fromWire(String value) {
        for (SpeakerRole role : values()) {
            if (role.wireName().equals(value)) {
                return role;
            }
        }
        throw new ProtocolException("unknown speaker role '" + value + "': use staff, customer or unknown");
    }
}
