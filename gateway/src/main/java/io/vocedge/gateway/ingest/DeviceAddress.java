package io.vocedge.gateway.ingest;

import io.vocedge.common.text.Printable;
import io.vocedge.protocol.ProtocolException;
import io.vocedge.protocol.Topics;

/**
 * Who sent a message and what it is, read ONCE from its MQTT topic in the MQTT callback
 * ({@code voc/v1/{site}/{device}/up/records|status|result}) and passed along with the message, so no later stage
 * parses the topic again or disagrees about it.
 *
 * @param site the site level of the topic (a valid id)
 * @param device the device level of the topic (a valid id); the broker's ACL lets only that device publish here
 * @param kind which of the topics the gateway reads
 */
public record DeviceAddress(String site, String device, Kind kind) {
    /** The device topics the gateway subscribes to. */
    public enum Kind {
        RECORDS(Topics.UP_RECORDS),
        STATUS(Topics.UP_STATUS),
        COMMAND_RESULT(Topics.UP_RESULT);

        private final String channel;

        Kind(String channel) {
            this.channel = channel;
        }

        public String channel() {
            return channel;
        }
    }

    /**
     * Parses a topic the gateway received.
     *
     * @throws ProtocolException naming what is wrong with the topic (the topic shown safely: it comes from a device)
     */
    public static DeviceAddress parse(String topic) {
        Topics.DeviceTopic t;
        try {
            t = Topics.parse(topic);
        } catch (ProtocolException e) {
            throw new ProtocolException(
                    "topic '" + Printable.of(topic, 200) + "' is not voc/v1/{site}/{device}/up/{records|status|result}"
                            + " with site and device ids of a-z, 0-9, '-' or '_'");
        }
        for (Kind k : Kind.values()) {
            if (k.channel.equals(t.channel())) {
                return new DeviceAddress(t.site(), t.device(), k);
            }
        }
        throw new ProtocolException(
                "topic '" + Printable.of(topic, 200) + "' is not one the gateway reads: expected up/records,"
                        + " up/status or up/result after the device id");
    }
}
