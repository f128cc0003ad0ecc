package io.vocedge.protocol;

import java.util.regex.Pattern;

/** Site and device ids: they become MQTT topic levels and certificate subjects, so they are restricted. */
public final class Ids {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0," + (Limits.MAX_ID_LENGTH - 1) + "}");

    private Ids() {}

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Returns the id or throws, naming the field and the allowed form. */
    public static String require(String field, String id) {
        if (!isValid(id)) {
            throw new ProtocolException(field + " '" + (id == null ? "null" : SchemaId.abbreviate(id))
                    + "' is not a valid id: use 1-" + Limits.MAX_ID_LENGTH
                    + " characters of a-z, 0-9, '-' or '_', starting with a letter or digit");
        }
        return id;
    }
}
