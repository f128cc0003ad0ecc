package io.vocedge.protocol;

/**
 * The topic scheme {@code voc/v1/{site}/{device}/(up|down)/...}. Devices publish only under their own
 * {@code up/}; the gateway publishes acks and commands under {@code down/}.
 */
public final class Topics {
    public static final String ROOT = "voc/v1";
    public static final String UP_RECORDS = "up/records";
    public static final String UP_STATUS = "up/status";
    public static final String UP_RESULT = "up/result";
    public static final String DOWN_ACK = "down/ack";
    public static final String DOWN_COMMAND = "down/command";
    /** Retained desired lexicon ({@code voc.lexicon/1}) per device: the one down topic that is retained. */
    public static final String DOWN_LEXICON = "down/lexicon";
    /**
     * Retained desired insight model ({@code voc.model/1}, a manifest: version, size, digests; never the bytes) per
     * device. The bytes travel in chunks the device asks for ({@link #UP_MODEL_REQUEST}, {@link #DOWN_MODEL_CHUNK}):
     * a model is megabytes, over the broker's packet limit and too big to retain once per device.
     */
    public static final String DOWN_MODEL = "down/model";
    /** One chunk of a model file ({@code voc.model-chunk/1}), sent to the one device that asked for it; not retained. */
    public static final String DOWN_MODEL_CHUNK = "down/model_chunk";
    /** A device asks for one chunk of the model its manifest names ({@code voc.model-request/1}). */
    public static final String UP_MODEL_REQUEST = "up/model_request";
    /** The shared-subscription group all gateways join, so they split the load. */
    public static final String GATEWAY_GROUP = "voc-gateways";

    private Topics() {}

    public static String records(String site, String device) {
        return base(site, device) + UP_RECORDS;
    }

    public static String status(String site, String device) {
        return base(site, device) + UP_STATUS;
    }

    public static String commandResult(String site, String device) {
        return base(site, device) + UP_RESULT;
    }

    public static String ack(String site, String device) {
        return base(site, device) + DOWN_ACK;
    }

    public static String command(String site, String device) {
        return base(site, device) + DOWN_COMMAND;
    }

    public static String lexicon(String site, String device) {
        return base(site, device) + DOWN_LEXICON;
    }

    public static String model(String site, String device) {
        return base(site, device) + DOWN_MODEL;
    }

    public static String modelChunk(String site, String device) {
        return base(site, device) + DOWN_MODEL_CHUNK;
    }

    public static String modelRequest(String site, String device) {
        return base(site, device) + UP_MODEL_REQUEST;
    }

    /** Shared: one gateway of the group answers each chunk request. */
    public static String sharedModelRequestsFilter() {
        return "$share/" + GATEWAY_GROUP + "/" + ROOT + "/+/+/" + UP_MODEL_REQUEST;
    }

    /** Shared subscription for the gateways on every device's record batches. */
    public static String sharedRecordsFilter() {
        return "$share/" + GATEWAY_GROUP + "/" + ROOT + "/+/+/" + UP_RECORDS;
    }

    public static String sharedResultsFilter() {
        return "$share/" + GATEWAY_GROUP + "/" + ROOT + "/+/+/" + UP_RESULT;
    }

    /** Status is retained; every gateway wants every status, so this one is not shared. */
    public static String statusFilter() {
        return ROOT + "/+/+/" + UP_STATUS;
    }

    private static String base(String site, String device) {
        return ROOT + "/" + Ids.require("site", site) + "/" + Ids.require("device", device) + "/";
    }

    /** Parses a device topic; throws {@link ProtocolException} if it is not one of ours. */
    public static DeviceTopic parse(String topic) {
        String[] parts = topic == null ? new String[0] : topic.split("/", -1);
        if (parts.length != 6 || !"voc".equals(parts[0]) || !"v1".equals(parts[1])) {
            throw new ProtocolException(
                    "topic '" + topic + "' is not of the form voc/v1/{site}/{device}/(up|down)/{what}");
        }
        if (!Ids.isValid(parts[2]) || !Ids.isValid(parts[3])) {
            throw new ProtocolException("topic '" + topic + "' has an invalid site or device id");
        }
        return new DeviceTopic(parts[2], parts[3], parts[4] + "/" + parts[5]);
    }

    /** A parsed device topic. */
    public record DeviceTopic(String site, String device, String channel) {}
}
