package io.vocedge.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Queue;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * What attacker tests ask a broker, as reason codes: the SUBACK of one subscription, the PUBACK of one QoS 1 publish
 * (0x87 = not authorised; a client-side error code when the broker dropped the connection instead), and a callback
 * that records {@code "topic payload"} of everything delivered.
 */
public final class MqttProbe {
    private MqttProbe() {}

    /** Subscribes at QoS 1 and returns the SUBACK reason code (1 = granted QoS 1, 0x87 = not authorised). */
    public static int subscribe(MqttAsyncClient c, String filter) {
        try {
            IMqttToken t = c.subscribe(new MqttSubscription(filter, 1));
            t.waitForCompletion(5000);
            int[] codes = t.getReasonCodes();
            return codes == null || codes.length == 0 ? -1 : codes[0];
        } catch (MqttException e) {
            return e.getReasonCode();
        }
    }

    /** Publishes at QoS 1 and returns the PUBACK reason code (0 = success, 0x87 = not authorised). */
    public static int publish(MqttAsyncClient c, String topic, String payload, boolean retained) {
        try {
            IMqttToken t = c.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
            t.waitForCompletion(5000);
            int[] codes = t.getReasonCodes();
            return codes == null || codes.length == 0 ? 0 : codes[0];
        } catch (MqttException e) {
            return e.getReasonCode();
        }
    }

    /** A callback adding {@code "topic payload"} of every delivered message to {@code received}. */
    public static MqttCallback recorder(Queue<String> received) {
        return new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {}

            @Override
            public void mqttErrorOccurred(MqttException e) {}

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                received.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void deliveryComplete(IMqttToken t) {}

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {}

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties p) {}
        };
    }
}
