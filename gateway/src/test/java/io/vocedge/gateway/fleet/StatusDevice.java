package io.vocedge.gateway.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.OutboxState;
import io.vocedge.protocol.Status;
import io.vocedge.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A device as the Fleet page sees it, over real MQTT: it connects with the agent's last will (a retained
 * {@code offline} status with the details it had when connecting), publishes retained statuses on {@code up/status} and records every command delivered on
 * its {@code down/command} and {@code down/lexicon} topics. {@link #vanish()} drops the connection with reason 0x04 so the broker publishes the
 * will, as it does when a device dies.
 */
final class StatusDevice implements AutoCloseable {
    private static final ObjectMapper JSON = Json.newMapper();
    final String site;
    final String id;
    final Queue<String> commands = new ConcurrentLinkedQueue<>();
    private final MqttAsyncClient client;

    /** Connects with the agent's will: its status as of connecting ({@code willDetails}), in state offline. */
    StatusDevice(String brokerUrl, String site, String id, String software, Map<String, Object> willDetails)
            throws Exception {
        this.site = site;
        this.id = id;
        client = new MqttAsyncClient(brokerUrl, "status-" + id + "-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        MqttMessage will = new MqttMessage(
                JSON.writeValueAsBytes(
                        new Status(id, site, Status.OFFLINE, Instant.now(), true, software, willDetails)),
                1,
                true,
                new MqttProperties());
        o.setWill(Topics.status(site, id), will);
        client.setCallback(io.vocedge.testsupport.MqttProbe.recorder(commands));
        client.connect(o).waitForCompletion(10_000);
        client.subscribe(Topics.command(site, id), 1).waitForCompletion(10_000);
        client.subscribe(Topics.lexicon(site, id), 1).waitForCompletion(10_000);
    }

    /** Publishes a retained online status sent at {@code at} with these details and outbox. */
    void online(Instant at, String software, Map<String, Object> details, OutboxState outbox) throws Exception {
        byte[] payload =
                JSON.writeValueAsBytes(new Status(id, site, Status.ONLINE, at, true, software, details, outbox));
        client.publish(Topics.status(site, id), payload, 1, true).waitForCompletion(10_000);
    }

    /** Answers a command on {@code up/result}, as the agent does. */
    void answer(String commandId, boolean ok, String message) throws Exception {
        byte[] payload = JSON.writeValueAsBytes(
                new io.vocedge.protocol.CommandResult(commandId, id, ok, message, Instant.now(), Map.of()));
        client.publish(Topics.commandResult(site, id), payload, 1, false).waitForCompletion(10_000);
    }

    /** The connection drops without a clean goodbye: the broker publishes the last will. */
    void vanish() throws Exception {
        client.disconnect(5_000, null, null, 0x04, new MqttProperties()).waitForCompletion(10_000);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close();
    }
}
