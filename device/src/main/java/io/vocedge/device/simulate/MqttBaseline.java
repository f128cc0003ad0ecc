package io.vocedge.device.simulate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The raw broker baseline for the fleet benchmark: one Paho v5 publisher sends N QoS 1 messages of a given size
 * with a bounded window in flight, one subscriber receives them; reports messages/s from first publish to last
 * receive. Our end-to-end figure is compared with this, measured on the same broker in the same run.
 */
public final class MqttBaseline {
    private final String brokerUrl;
    private final int messages;
    private final int size;
    private final int inFlight;

    public MqttBaseline(String brokerUrl, int messages, int size, int inFlight) {
        this.brokerUrl = brokerUrl;
        this.messages = messages;
        this.size = size;
        this.inFlight = inFlight;
    }

    /** Messages per second, publish of the first to receipt of the last. */
    public record Result(int messages, int size, int inFlight, double seconds, double messagesPerSecond) {}

    public Result run() throws Exception {
        String topic = "voc-bench/" + System.nanoTime();
        CountDownLatch done = new CountDownLatch(messages);
        AtomicLong lastReceive = new AtomicLong();
        MqttAsyncClient sub = new MqttAsyncClient(brokerUrl, "bench-sub-" + System.nanoTime(), new MemoryPersistence());
        MqttAsyncClient pub = new MqttAsyncClient(brokerUrl, "bench-pub-" + System.nanoTime(), new MemoryPersistence());
        try {
            sub.setCallback(new MqttCallback() {
                @Override
                public void disconnected(MqttDisconnectResponse r) {}

                @Override
                public void mqttErrorOccurred(MqttException e) {}

                @Override
                public void messageArrived(String t, MqttMessage m) {
                    lastReceive.set(System.nanoTime());
                    done.countDown();
                }

                @Override
                public void deliveryComplete(IMqttToken token) {}

                @Override
                public void connectComplete(boolean reconnect, String uri) {}

                @Override
                public void authPacketArrived(int code, MqttProperties p) {}
            });
            MqttConnectionOptions so = new MqttConnectionOptions();
            so.setReceiveMaximum(65535);
            sub.connect(so).waitForCompletion(10_000);
            sub.subscribe(topic, 1).waitForCompletion(10_000);
            pub.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
            byte[] payload = new byte[size];
            java.util.Arrays.fill(payload, (byte) 'x');
            Semaphore window = new Semaphore(inFlight);
            MqttActionListener release = new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    window.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    window.release();
                }
            };
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                window.acquire();
                while (true) {
                    try {
                        pub.publish(topic, payload, 1, false, null, release);
                        break;
                    } catch (MqttException e) {
                        if (e.getReasonCode() != 32202) {
                            throw e;
                        }
                        Thread.onSpinWait(); // Paho's in-flight limit: back-pressure, retry
                    }
                }
            }
            if (!done.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + (messages - done.getCount()) + " of " + messages
                        + " messages arrived: the broker dropped QoS 1 messages (check max_queued_messages)");
            }
            double seconds = (lastReceive.get() - start) / 1e9;
            return new Result(messages, size, inFlight, seconds, messages / seconds);
        } finally {
            for (MqttAsyncClient c : new MqttAsyncClient[] {pub, sub}) {
                try {
                    c.disconnect().waitForCompletion(5000);
                } catch (MqttException ignored) {
                    // benchmark teardown
                }
                c.close(true);
            }
        }
    }
}
