package io.vocedge.gateway.cli;

import io.vocedge.common.cli.ProcessCpu;
import io.vocedge.gateway.forward.ForwardSettings.KafkaSettings;
import io.vocedge.gateway.forward.KafkaSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-kafka}: the two Kafka halves of the forwarding benchmark (bench/forward.sh, issue 18).
 * <ul>
 *   <li>{@code produce}: the raw baseline - the gateway's own producer settings ({@link KafkaSink#producerProperties}:
 *       idempotent, transactional, lz4, acks=all) sending equal-size messages with the same headers, one transaction per
 *       forwarder-sized batch, keyed by 200 device keys. What forwarding costs is read against this.</li>
 *   <li>{@code consume}: a {@code read_committed} consumer, as the central platform would run it, that counts distinct
 *       event ids, duplicates and per-device order breaks ({@code voc-device-seq} must rise per key), and the latency from
 *       the store commit ({@code voc-committed-at}) to the moment the event was readable here.</li>
 * </ul>
 */
@Command(
        name = "bench-kafka",
        description = "Kafka baselines for bench/forward.sh: a raw producer and a read_committed consumer.",
        subcommands = {BenchKafkaCommand.Produce.class, BenchKafkaCommand.Consume.class})
final class BenchKafkaCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: produce or consume");
    }

    private static KafkaSettings plaintext(String bootstrap, String prefix, Duration linger) {
        return KafkaSettings.plaintext(bootstrap, prefix, linger, Duration.ofSeconds(30));
    }

    @Command(name = "produce", description = "Raw transactional producer of equal-size messages; prints messages/s.")
    static final class Produce implements Callable<Integer> {
        @Option(names = "--bootstrap", required = true, description = "host:port of the Kafka broker")
        String bootstrap;

        @Option(
                names = "--topic",
                defaultValue = "bench-raw.utterance",
                description = "topic (default ${DEFAULT-VALUE})")
        String topic;

        @Option(names = "--messages", defaultValue = "100000")
        int messages;

        @Option(
                names = "--size",
                defaultValue = "600",
                description = "value bytes per message (default ${DEFAULT-VALUE})")
        int size;

        @Option(
                names = "--per-transaction",
                defaultValue = "500",
                description = "messages per transaction: the forwarder's batch_max_events (default ${DEFAULT-VALUE})")
        int perTransaction;

        @Option(names = "--linger", defaultValue = "PT0.005S", description = "producer linger, as forward.kafka.linger")
        Duration linger;

        @Option(
                names = "--property",
                description = "a producer property over the gateway's, e.g. batch.size=262144 (repeatable; to measure"
                        + " a setting before changing KafkaSink)")
        Map<String, String> properties = new java.util.LinkedHashMap<>();

        @Option(
                names = "--text-values",
                description = "values of words drawn at random (about as compressible as the records' JSON) instead of"
                        + " one repeated byte")
        boolean textValues;

        @Override
        public Integer call() throws Exception {
            Properties p = KafkaSink.producerProperties(
                    plaintext(bootstrap, "bench", linger), "voc-bench-raw-" + UUID.randomUUID());
            p.putAll(properties);
            byte[] value = new byte[size];
            Arrays.fill(value, (byte) 'x');
            byte[][] values = new byte[64][];
            java.util.Random random = new java.util.Random(18);
            String[] words = {
                "the",
                "deposit",
                "was",
                "never",
                "refunded",
                "\"sentiment\":",
                "{\"label\":",
                "\"negative\"",
                "car",
                "delivery",
                "when",
                "can",
                "I",
                "\"score\":",
                "-0.62,",
                "\"topics\":"
            };
            for (int v = 0; v < values.length; v++) {
                if (!textValues) {
                    values[v] = value;
                    continue;
                }
                StringBuilder sb = new StringBuilder(size + 16);
                while (sb.length() < size) {
                    sb.append(words[random.nextInt(words.length)])
                            .append(random.nextInt(3) == 0 ? random.nextInt(1000) : "")
                            .append(' ');
                }
                values[v] = sb.substring(0, size).getBytes(StandardCharsets.UTF_8);
            }
            byte[] now = Instant.now().toString().getBytes(StandardCharsets.UTF_8);
            try (KafkaProducer<String, byte[]> producer =
                    new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
                producer.initTransactions();
                long t0 = System.nanoTime();
                long cpu0 = ProcessCpu.millis();
                for (int i = 0; i < messages; i += perTransaction) {
                    producer.beginTransaction();
                    for (int j = i; j < Math.min(messages, i + perTransaction); j++) {
                        RecordHeaders h = new RecordHeaders();
                        h.add(
                                KafkaSink.HEADER_EVENT_ID,
                                UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                        h.add(KafkaSink.HEADER_SCHEMA, "voc.utterance/1".getBytes(StandardCharsets.UTF_8));
                        h.add(KafkaSink.HEADER_KIND, "utterance".getBytes(StandardCharsets.UTF_8));
                        h.add(KafkaSink.HEADER_DEVICE_SEQ, Integer.toString(j).getBytes(StandardCharsets.UTF_8));
                        h.add(KafkaSink.HEADER_COMMITTED_AT, now);
                        h.add(KafkaSink.HEADER_GATEWAY, "bench".getBytes(StandardCharsets.UTF_8));
                        h.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
                        producer.send(new ProducerRecord<>(
                                topic, null, null, "dev-" + (j % 200), values[j % values.length], h));
                    }
                    producer.commitTransaction();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "raw kafka producer: %d messages of %d B, %d per transaction: %.2f s, %.0f msg/s, cpu %d ms%n",
                        messages,
                        size,
                        perTransaction,
                        seconds,
                        messages / seconds,
                        ProcessCpu.millis() - cpu0);
            }
            return 0;
        }
    }

    @Command(
            name = "consume",
            description = "read_committed consumer: counts, duplicates, order, commit->readable latency "
                    + "(one JSON line).")
    static final class Consume implements Callable<Integer> {
        @Option(names = "--bootstrap", required = true, description = "host:port of the Kafka broker")
        String bootstrap;

        @Option(
                names = "--topic",
                required = true,
                description = "topic to read, e.g. voc.utterance (created if absent)")
        String topic;

        @Option(names = "--expect", required = true, description = "stop once this many distinct event ids were read")
        long expect;

        @Option(
                names = "--idle-timeout",
                defaultValue = "PT120S",
                description = "give up when nothing new arrived for this long (default ${DEFAULT-VALUE})")
        Duration idle;

        @Option(
                names = "--key-prefix",
                defaultValue = "",
                description =
                        "count only events whose key (device id) starts with this, e.g. sim- when a warm-up fleet "
                                + "(warm-...) was forwarded to the same topic first; others are read and skipped")
        String keyPrefix;

        @Option(
                names = "--ready-file",
                description = "written once the consumer is assigned (start producing after it)")
        Path readyFile;

        @Override
        public Integer call() throws Exception {
            createTopic();
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
            p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
            Set<String> ids = new HashSet<>();
            Map<String, Long> lastSeqByKey = new HashMap<>();
            long read = 0;
            long duplicates = 0;
            long orderBreaks = 0;
            long bytes = 0;
            long first = 0;
            long last = 0;
            List<Long> latencies = new ArrayList<>();
            try (KafkaConsumer<String, byte[]> c =
                    new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition()))
                        .toList();
                c.assign(parts);
                c.seekToBeginning(parts);
                parts.forEach(c::position); // resolve now, before the producers start
                if (readyFile != null) {
                    Files.writeString(readyFile, "ready\n");
                }
                long lastProgress = System.nanoTime();
                while (ids.size() < expect && System.nanoTime() - lastProgress < idle.toNanos()) {
                    var records = c.poll(Duration.ofMillis(200));
                    long at = System.currentTimeMillis();
                    for (ConsumerRecord<String, byte[]> r : records) {
                        if (r.key() == null || !r.key().startsWith(keyPrefix)) {
                            continue;
                        }
                        read++;
                        bytes += r.value() == null ? 0 : r.value().length;
                        String id = header(r, KafkaSink.HEADER_EVENT_ID);
                        if (!ids.add(id)) {
                            duplicates++;
                            continue;
                        }
                        long seq = Long.parseLong(header(r, KafkaSink.HEADER_DEVICE_SEQ));
                        Long prev = lastSeqByKey.put(r.key(), seq);
                        if (prev != null && seq <= prev) {
                            orderBreaks++;
                        }
                        latencies.add(at
                                - Instant.parse(header(r, KafkaSink.HEADER_COMMITTED_AT))
                                        .toEpochMilli());
                        first = first == 0 ? at : first;
                        last = at;
                    }
                    if (!records.isEmpty()) {
                        lastProgress = System.nanoTime();
                    }
                }
            }
            long[] sorted =
                    latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            double seconds = Math.max(0.001, (last - first) / 1000.0);
            System.out.printf(
                    Locale.ROOT,
                    "{\"expected\":%d,\"distinct\":%d,\"read\":%d,\"duplicates\":%d,\"order_breaks\":%d,"
                            + "\"first_ms\":%d,\"last_ms\":%d,\"events_per_second\":%.0f,\"avg_value_bytes\":%d,"
                            + "\"p50_ms\":%d,\"p99_ms\":%d,\"max_ms\":%d,\"cpu_ms\":%d}%n",
                    expect,
                    ids.size(),
                    read,
                    duplicates,
                    orderBreaks,
                    first,
                    last,
                    ids.size() / seconds,
                    read == 0 ? 0 : bytes / read,
                    pct(sorted, 0.50),
                    pct(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                    ProcessCpu.millis());
            return ids.size() >= expect ? 0 : 1;
        }

        private void createTopic() throws Exception {
            Properties a = new Properties();
            a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (Admin admin = Admin.create(a)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
                        .all()
                        .get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }

        private static String header(ConsumerRecord<?, ?> r, String name) {
            Header h = r.headers().lastHeader(name);
            if (h == null) {
                throw new IllegalStateException("event at " + r.topic() + "/" + r.partition() + "@" + r.offset()
                        + " has no " + name + " header");
            }
            return new String(h.value(), StandardCharsets.UTF_8);
        }

        private static long pct(long[] sorted, double q) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
        }
    }
}
