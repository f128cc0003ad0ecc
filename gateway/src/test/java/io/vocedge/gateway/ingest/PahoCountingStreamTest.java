package io.vocedge.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;
import org.junit.jupiter.api.Test;

/** The gateway's bulk-reading CountingInputStream stands in for Paho's and Paho still decodes packets with it. */
class PahoCountingStreamTest {
    @Test
    void theGatewaysClassIsTheOneLoadedAndItReadsInBulk() throws Exception {
        assertThat(CountingInputStream.class.getDeclaredMethod("read", byte[].class, int.class, int.class))
                .isNotNull();
        byte[] data = new byte[100_000];
        new Random(1).nextBytes(data);
        CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(data));
        byte[] back = new byte[data.length - 1];
        new DataInputStream(in).readFully(back);
        assertThat(in.getCounter()).isEqualTo(data.length - 1);
        assertThat(in.read()).isEqualTo(data[data.length - 1] & 0xff);
        assertThat(in.getCounter()).isEqualTo(data.length);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.read(back, 0, 10)).isEqualTo(-1);
        assertThat(in.getCounter()).isEqualTo(data.length);
        in.resetCounter();
        assertThat(in.getCounter()).isZero();
    }

    @Test
    void pahoStillDecodesAPublishOfARecordBatchsSize() throws Exception {
        byte[] payload = "{\"schema\":\"voc.batch/1\"}".repeat(5_000).getBytes(StandardCharsets.UTF_8);
        MqttMessage message = new MqttMessage(payload, 1, false, new MqttProperties());
        MqttPublish out = new MqttPublish("voc/v1/site-a/dev-1/up/records", message, new MqttProperties());
        out.setMessageId(42);
        byte[] header = out.getHeader();
        byte[] body = out.getPayload();
        byte[] wire = new byte[header.length + body.length];
        System.arraycopy(header, 0, wire, 0, header.length);
        System.arraycopy(body, 0, wire, header.length, body.length);

        MqttPublish in = (MqttPublish) MqttWireMessage.createWireMessage(wire);
        assertThat(in.getTopicName()).isEqualTo("voc/v1/site-a/dev-1/up/records");
        assertThat(in.getMessageId()).isEqualTo(42);
        assertThat(in.getMessage().getPayload()).isEqualTo(payload);
        assertThat(in.getMessage().getQos()).isEqualTo(1);
    }
}
