package io.vocedge.provisioning.enroll;

import io.vocedge.protocol.Ids;
import io.vocedge.protocol.Limits;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Predicate;

/**
 * New device ids: {@code dev-<site>-<8 random hex>}, valid as an MQTT topic level, a certificate CN and a broker
 * user name (protocol {@code Ids}). Assigned once at enrolment and never derived from the name, so a replaced
 * device gets a new id and the old one stays revoked.
 */
public final class DeviceIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceIds() {}

    public static String newId(String site, Predicate<String> taken) {
        String prefix = "dev-" + site;
        int max = Limits.MAX_ID_LENGTH - 9; // "-" + 8 hex
        if (prefix.length() > max) {
            prefix = prefix.substring(0, max);
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            byte[] b = new byte[4];
            RANDOM.nextBytes(b);
            String id = prefix + "-" + HexFormat.of().formatHex(b);
            if (Ids.isValid(id) && !taken.test(id)) {
                return id;
            }
        }
        throw new IllegalStateException("could not find a free device id for site " + site);
    }
}
