package io.vocedge.gateway.broker;

import io.vocedge.protocol.Ids;
import io.vocedge.protocol.Topics;
import java.util.List;

/**
 * Who may do what on the embedded broker: the same rules {@code voc-provision broker config} gives Mosquitto, decided
 * at CONNECT, SUBSCRIBE and PUBLISH. Pure functions of the authenticated identity, so they are tested without a broker.
 *
 * <ul>
 *   <li>a device (user name = its id) publishes exactly {@code voc/v1/<site>/<id>/up/records}, {@code up/status},
 *       {@code up/result}, {@code up/model_request}, retained only on {@code up/status} (the contract's retained
 *       topic); it subscribes only to
 *       {@code voc/v1/<site>/<id>/down/+}, {@code down/#} or one {@code down/<kind>}, never shared;</li>
 *   <li>the gateway (user name {@value #GATEWAY_USER}) subscribes exactly to the three shared filters of the
 *       {@value Topics#GATEWAY_GROUP} group (records, results, model requests) and the status filter, and publishes
 *       {@code voc/v1/<site>/<device>/down/<kind>}, retained only on {@code down/lexicon} and {@code down/model} (never
 *       {@code down/model_chunk});</li>
 *   <li>client ids are tied to the identity ({@code voc-<id>} for the agent, {@code <id>-selftest} for its self-test; the gateway {@code voc-gateway-...}), so a
 *       device cannot take over the gateway's session or another device's.</li>
 * </ul>
 * Topics deeper or shallower than the contract never match, so they are refused.
 */
public final class EmbeddedBrokerRules {
    /** The gateway's user name: not a valid device id, so no device can claim it. */
    public static final String GATEWAY_USER = "@gateway";

    static final String GATEWAY_CLIENT_PREFIX = "voc-gateway-";
    private static final List<String> DEVICE_UP =
            List.of(Topics.UP_RECORDS, Topics.UP_STATUS, Topics.UP_RESULT, Topics.UP_MODEL_REQUEST);
    /** The down topics the gateway keeps retained (the desired lexicon and model manifest). */
    private static final List<String> GATEWAY_RETAINED = List.of(Topics.DOWN_LEXICON, Topics.DOWN_MODEL);

    private EmbeddedBrokerRules() {}

    /** Whether this authenticated user may use this client id. */
    public static boolean clientIdAllowed(String user, String clientId) {
        if (clientId == null || clientId.isEmpty()) {
            return false;
        }
        if (GATEWAY_USER.equals(user)) {
            return clientId.startsWith(GATEWAY_CLIENT_PREFIX);
        }
        if (!Ids.isValid(user) || clientId.startsWith(GATEWAY_CLIENT_PREFIX)) {
            return false;
        }
        // Exact names, not prefixes: with "voc-<id>-anything" device dev-a could take over dev-a-b's session.
        return clientId.equals("voc-" + user) || clientId.equals(user + "-selftest");
    }

    /** Whether {@code user} may subscribe to {@code filter} (as sent, {@code $share/<group>/...} included). */
    public static boolean maySubscribe(String user, String filter) {
        if (filter == null) {
            return false;
        }
        if (GATEWAY_USER.equals(user)) {
            return filter.equals(Topics.sharedRecordsFilter())
                    || filter.equals(Topics.sharedResultsFilter())
                    || filter.equals(Topics.sharedModelRequestsFilter())
                    || filter.equals(Topics.statusFilter());
        }
        if (!Ids.isValid(user) || filter.startsWith("$")) {
            return false;
        }
        String[] p = filter.split("/", -1);
        if (p.length != 6
                || !"voc".equals(p[0])
                || !"v1".equals(p[1])
                || !Ids.isValid(p[2])
                || !user.equals(p[3])
                || !"down".equals(p[4])) {
            return false;
        }
        return p[5].equals("+") || p[5].equals("#") || Ids.isValid(p[5]);
    }

    /** Whether {@code user} may publish on {@code topic} with this retain flag. */
    public static boolean mayPublish(String user, String topic, boolean retain) {
        String[] p = topic == null ? new String[0] : topic.split("/", -1);
        if (p.length != 6 || !"voc".equals(p[0]) || !"v1".equals(p[1]) || !Ids.isValid(p[2]) || !Ids.isValid(p[3])) {
            return false;
        }
        String channel = p[4] + "/" + p[5];
        if (GATEWAY_USER.equals(user)) {
            return "down".equals(p[4]) && Ids.isValid(p[5]) && (!retain || GATEWAY_RETAINED.contains(channel));
        }
        if (!Ids.isValid(user) || !user.equals(p[3]) || !DEVICE_UP.contains(channel)) {
            return false;
        }
        return !retain || channel.equals(Topics.UP_STATUS);
    }
}
