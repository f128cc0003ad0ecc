package io.vocedge.provisioning.broker;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.vocedge.protocol.Topics;
import io.vocedge.provisioning.inventory.EnrolledDevice;
import io.vocedge.provisioning.inventory.EnrolledGateway;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broker's rules as a Mosquitto dynamic-security plugin file ({@code dynamic-security.json}).
 *
 * <p>Why not the ACL file: Mosquitto 2.0.11's ACL file is not consulted at SUBSCRIBE time (its default check answers
 * "allowed" for every subscription; {@code read} is only checked when a message is delivered). A device could
 * therefore join {@code $share/voc-gateways/...}: the broker hands it a share of every device's batches and then
 * drops them under the read rule, so the gateways never see them (reproduced: 5 of 10 delivered). The
 * dynamic-security plugin checks {@code subscribeLiteral}/{@code subscribePattern} at SUBSCRIBE and denies
 * everything not granted ({@code defaultACLAccess} all false, except unsubscribing). Its topics do not expand
 * {@code %u} in 2.0.11 (tried), so every device gets its own role naming its exact site and id; devices not in the
 * file (revoked, or enrolled after the broker started) get nothing at all.
 *
 * <ul>
 *   <li>device {@code D} at site {@code S}: publish exactly {@code voc/v1/S/D/up/records}, {@code up/status},
 *       {@code up/result}, {@code up/model_request} (nothing deeper, nothing else: retained messages can only sit on
 *       those four, one each: the plugin has no rule for the retain flag, and shared subscriptions such as the
 *       gateways' model-request one are never sent retained messages);
 *       subscribe to {@code voc/v1/S/D/down/+} or {@code .../down/#} and receive only those;</li>
 *   <li>gateway: subscribe exactly to the three shared filters (records, results, model requests) and the status
 *       filter it uses, receive {@code voc/v1/+/+/up/+}, publish {@code voc/v1/+/+/down/+} (acks, commands, the
 *       retained lexicon and model manifest, model chunks);</li>
 *   <li>only {@link #ADMIN_USER} may publish to {@code $CONTROL/dynamic-security/v1} (and read its responses): its
 *       certificate is issued by the fleet CA for each {@code enroll}/{@code revoke --broker-admin URL} and never
 *       stored ({@link LiveRules}); devices and gateways cannot change the rules.</li>
 * </ul>
 * The plugin reads this file when Mosquitto starts (a SIGHUP does not reload it) and writes changes made through
 * {@code $CONTROL} back to it: either restart the broker after enrolling or revoking a device, or apply the change
 * live with {@code --broker-admin}.
 */
public final class DynamicSecurityRules {
    public static final String FILE = "dynamic-security.json";
    /** Topic kinds a device may publish (the protocol's {@code up/} channels). */
    public static final List<String> DEVICE_UP =
            List.of(Topics.UP_RECORDS, Topics.UP_STATUS, Topics.UP_RESULT, Topics.UP_MODEL_REQUEST);

    static final String GATEWAY_ROLE = "voc-gateway";
    /** The rules' administrator: not a valid device or gateway id, so no enrolled certificate can carry it. */
    public static final String ADMIN_USER = "@voc-admin";

    static final String ADMIN_ROLE = "voc-rules-admin";

    private DynamicSecurityRules() {}

    static String deviceRole(String deviceId) {
        return "voc-device-" + deviceId;
    }

    /** The file's JSON for these gateways and the not-revoked devices among {@code devices}. */
    public static byte[] render(List<EnrolledGateway> gateways, List<EnrolledDevice> devices) {
        List<Object> clients = new ArrayList<>();
        List<Object> roles = new ArrayList<>();
        roles.add(role(GATEWAY_ROLE, gatewayAcls()));
        roles.add(role(ADMIN_ROLE, adminAcls()));
        clients.add(client(
                ADMIN_USER, "rules administrator (voc-provision --broker-admin, certificate per command)", ADMIN_ROLE));
        gateways.stream()
                .sorted(Comparator.comparing(EnrolledGateway::gatewayId))
                .forEach(g -> clients.add(client(g.gatewayId(), "gateway", GATEWAY_ROLE)));
        devices.stream()
                .filter(d -> !d.revoked())
                .sorted(Comparator.comparing(EnrolledDevice::deviceId))
                .forEach(d -> {
                    clients.add(client(d.deviceId(), "device at " + d.site(), deviceRole(d.deviceId())));
                    roles.add(role(deviceRole(d.deviceId()), deviceAcls(d.site(), d.deviceId())));
                });
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("publishClientSend", false);
        defaults.put("publishClientReceive", false);
        defaults.put("subscribe", false);
        defaults.put("unsubscribe", true);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("defaultACLAccess", defaults);
        root.put("clients", clients);
        root.put("groups", List.of());
        root.put("roles", roles);
        try {
            return io.vocedge.common.json.Mappers.json()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render the dynamic-security rules", e);
        }
    }

    static List<Map<String, Object>> gatewayAcls() {
        List<Map<String, Object>> acls = new ArrayList<>();
        for (String f : List.of(
                Topics.sharedRecordsFilter(),
                Topics.sharedResultsFilter(),
                Topics.sharedModelRequestsFilter(),
                Topics.statusFilter())) {
            acls.add(acl("subscribeLiteral", f));
        }
        acls.add(acl("publishClientReceive", Topics.ROOT + "/+/+/up/+"));
        acls.add(acl("publishClientSend", Topics.ROOT + "/+/+/down/+"));
        return acls;
    }

    static List<Map<String, Object>> adminAcls() {
        return List.of(
                acl("publishClientSend", LiveRules.CONTROL),
                acl("subscribeLiteral", LiveRules.RESPONSE),
                acl("publishClientReceive", LiveRules.RESPONSE));
    }

    static List<Map<String, Object>> deviceAcls(String site, String deviceId) {
        String base = Topics.ROOT + "/" + site + "/" + deviceId + "/";
        List<Map<String, Object>> acls = new ArrayList<>();
        for (String up : DEVICE_UP) {
            acls.add(acl("publishClientSend", base + up));
        }
        acls.add(acl("subscribePattern", base + "down/+"));
        acls.add(acl("subscribeLiteral", base + "down/+"));
        acls.add(acl("subscribeLiteral", base + "down/#"));
        acls.add(acl("publishClientReceive", base + "down/+"));
        return acls;
    }

    private static Map<String, Object> client(String username, String text, String role) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("username", username);
        c.put("textName", text);
        c.put("roles", List.of(Map.of("rolename", role)));
        return c;
    }

    private static Map<String, Object> role(String name, List<Map<String, Object>> acls) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rolename", name);
        r.put("acls", acls);
        return r;
    }

    private static Map<String, Object> acl(String type, String topic) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("acltype", type);
        a.put("topic", topic);
        a.put("allow", true);
        return a;
    }
}
