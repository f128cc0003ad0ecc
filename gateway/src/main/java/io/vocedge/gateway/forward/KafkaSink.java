package io.vocedge.gateway.forward;

import io.vocedge.gateway.forward.ForwardSettings.KafkaSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tinylog.Logger;

/**
 * Publishes outbox batches to Kafka with an idempotent, transactional producer: one Kafka transaction per batch, so a
 * {@code read_committed} consumer sees a batch whole or not at all. Topic {@code <prefix>.<kind>}, key the device key,
 * value the protocol JSON, headers {@link #HEADER_EVENT_ID} and friends (protocol/README.md).
 *
 * <p>The transactional id is fixed per gateway ({@code voc-forward-<gateway_id>}): a restarted gateway fences its own
 * previous incarnation (a transaction it left open is aborted), and gateways with different ids never fence each
 * other.
 */
public final class KafkaSink implements Sink {
    public static final String HEADER_EVENT_ID = "voc-event-id";
    public static final String HEADER_SCHEMA = "voc-schema";
    public static final String HEADER_KIND = "voc-kind";
    public static final String HEADER_DEVICE_SEQ = "voc-device-seq";
    public static final String HEADER_COMMITTED_AT = "voc-committed-at";
    public static final String HEADER_GATEWAY = "voc-gateway";

    private static final byte[] CONTENT_TYPE = utf8("application/json");

    private final KafkaSettings settings;
    private final String transactionalId;
    private KafkaProducer<String, byte[]> producer;

    public KafkaSink(KafkaSettings settings, String gatewayId) {
        this("voc-forward-" + gatewayId, settings);
    }

    private KafkaSink(String transactionalId, KafkaSettings settings) {
        this.settings = settings;
        this.transactionalId = transactionalId;
    }

    /**
     * The sink {@code voc-gateway forward replay} publishes with: its own transactional id
     * ({@code voc-replay-<gateway_id>}), so a replay beside the running gateway never fences the gateway's producer.
     */
    public static KafkaSink forReplay(KafkaSettings settings, String gatewayId) {
        return new KafkaSink("voc-replay-" + gatewayId, settings);
    }

    @Override
    public String name() {
        return "kafka";
    }

    /** Producer properties from the config (shared with the benchmark's raw baseline). */
    public static Properties producerProperties(KafkaSettings s, String transactionalId) throws IOException {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        if (transactionalId != null) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        p.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(s.linger().toMillis()));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, s.compression());
        // A forwarder batch (500 events of ~600 B, one Kafka transaction) fits one producer batch per partition instead
        // of ~7 of the default 16 KiB: measured with the raw producer (bench-kafka produce --text-values, 3 rounds,
        // 2026-12-04), producer CPU -5 %, the broker's -28 % per message (BENCHMARKS.md, forwarding).
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        p.put(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                Long.toString(s.deliveryTimeout().toMillis()));
        p.put(
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                Long.toString(Math.min(s.deliveryTimeout().toMillis(), 15_000)));
        p.put(
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                Long.toString(Math.min(s.deliveryTimeout().toMillis(), 15_000)));
        p.put(
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                Long.toString(Math.max(60_000, s.deliveryTimeout().toMillis() * 2)));
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "5000");
        p.put("security.protocol", s.securityProtocol());
        if (s.securityProtocol().endsWith("SSL")) {
            if (s.caFile() != null) {
                p.put("ssl.truststore.type", "PEM");
                p.put("ssl.truststore.location", s.caFile().toString());
            }
            if (s.certFile() != null) {
                p.put("ssl.keystore.type", "PEM");
                p.put("ssl.keystore.certificate.chain", Files.readString(s.certFile(), StandardCharsets.US_ASCII));
                p.put("ssl.keystore.key", Files.readString(s.keyFile(), StandardCharsets.US_ASCII));
            }
        }
        if (s.saslMechanism() != null) {
            p.put("sasl.mechanism", s.saslMechanism());
            String module = "PLAIN".equals(s.saslMechanism())
                    ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            p.put(
                    "sasl.jaas.config",
                    module + " required username=\"" + jaasEscape(s.saslUsername()) + "\" password=\""
                            + jaasEscape(s.saslPassword()) + "\";");
        }
        return p;
    }

    private static String jaasEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private KafkaProducer<String, byte[]> producer() throws IOException {
        if (producer == null) {
            KafkaProducer<String, byte[]> p = new KafkaProducer<>(
                    producerProperties(settings, transactionalId), new StringSerializer(), new ByteArraySerializer());
            try {
                p.initTransactions();
            } catch (RuntimeException e) {
                p.close(Duration.ZERO);
                throw e;
            }
            producer = p;
            Logger.info(
                    "event=kafka_producer_ready transactional_id={} bootstrap={}",
                    transactionalId,
                    settings.bootstrapServers());
        }
        return producer;
    }

    @Override
    public void publish(List<OutboxRow> batch) throws Exception {
        KafkaProducer<String, byte[]> p = producer();
        p.beginTransaction();
        try {
            // Values that repeat across a batch (schema, kind, gateway; one commit time for all events of one ingest
            // transaction) are encoded once; header arrays are only read by the producer, so sharing them is safe.
            Map<String, byte[]> text = new HashMap<>();
            Map<String, String> topics = new HashMap<>();
            Instant lastAt = null;
            byte[] lastAtBytes = null;
            for (OutboxRow r : batch) {
                if (!r.createdAt().equals(lastAt)) {
                    lastAt = r.createdAt();
                    lastAtBytes = utf8(lastAt.toString());
                }
                RecordHeaders h = new RecordHeaders();
                h.add(HEADER_EVENT_ID, utf8(r.eventId()));
                h.add(HEADER_SCHEMA, text.computeIfAbsent(r.schemaId(), KafkaSink::utf8));
                h.add(HEADER_KIND, text.computeIfAbsent(r.kind(), KafkaSink::utf8));
                h.add(HEADER_DEVICE_SEQ, utf8(Long.toString(r.dseq())));
                h.add(HEADER_COMMITTED_AT, lastAtBytes);
                h.add(HEADER_GATEWAY, text.computeIfAbsent(r.gatewayId(), KafkaSink::utf8));
                h.add("content-type", CONTENT_TYPE);
                String topic = topics.computeIfAbsent(r.kind(), settings::topic);
                p.send(new ProducerRecord<>(topic, null, null, r.deviceKey(), utf8(r.payload()), h));
            }
            p.commitTransaction();
        } catch (RuntimeException e) {
            reset();
            throw e;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * After any failure the producer is closed and a new one is made for the next batch: its initTransactions aborts
     * whatever transaction this one left open, so nothing half-sent is ever committed.
     */
    @Override
    public void reset() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                Logger.debug("event=kafka_producer_close_failed error=\"{}\"", e.getMessage());
            }
            producer = null;
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                Logger.debug("event=kafka_producer_close_failed error=\"{}\"", e.getMessage());
            }
            producer = null;
        }
    }
}
