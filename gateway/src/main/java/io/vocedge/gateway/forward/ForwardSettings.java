package io.vocedge.gateway.forward;

import io.vocedge.common.config.ConfigNode;
import io.vocedge.gateway.settings.SettingsSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code forward:} section: where stored events go next (the central VoC platform). Without a sink the outbox is
 * off and nothing is forwarded.
 *
 * @param retention forwarded events stay in the outbox this long (for {@code forward replay}); unforwarded ones stay
 *     until forwarded, however long that takes (bounded by disk)
 * @param batchMaxEvents events per published batch (one Kafka transaction)
 * @param batchMaxBytes payload bytes per batch
 * @param kafka the Kafka sink, or null
 * @param http the signed HTTP batch sink, or null
 */
public record ForwardSettings(
        Duration retention,
        int batchMaxEvents,
        long batchMaxBytes,
        Duration batchLinger,
        KafkaSettings kafka,
        HttpSinkSettings http) {
    private static final Pattern SERVERS =
            Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}(,[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5})*");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public boolean enabled() {
        return kafka != null || http != null;
    }

    /** The names of the configured sinks ({@code kafka}, {@code http}): their cursors, metrics tags and /health keys. */
    public java.util.List<String> sinkNames() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (kafka != null) {
            out.add("kafka");
        }
        if (http != null) {
            out.add("http");
        }
        return out;
    }

    /**
     * The HTTP batch sink (platforms without Kafka): gzip JSON batches POSTed to {@code url}, signed the Standard
     * Webhooks way with {@code secret}.
     *
     * @param url https:// (http:// only to a loopback receiver); redirects are never followed
     * @param secret the signing secret shared with the receiver ({@code whsec_<base64>} or at least 24 characters)
     * @param caFile PEM CA certificates the receiver's certificate chains to; null = the JVM's trust store
     * @param timeout per request: connect, send and the answer's headers
     * @param retryMin first wait after a failed batch (doubling, with jitter)
     * @param retryMax longest wait between attempts (also caps a receiver's Retry-After)
     * @param gzip compress bodies ({@code Content-Encoding: gzip})
     */
    public record HttpSinkSettings(
            java.net.URI url,
            String secret,
            Path caFile,
            Duration timeout,
            Duration retryMin,
            Duration retryMax,
            boolean gzip) {

        static HttpSinkSettings from(ConfigNode h) {
            String text =
                    h.requiredString("url", "the receiver's https:// URL, e.g. https://cx.example.com/voc/events");
            java.net.URI url = null;
            if (text != null) {
                try {
                    url = java.net.URI.create(text.trim());
                    String scheme =
                            url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
                    if (url.getHost() == null) {
                        h.problem("url", "has no host: expected https://host[:port]/path");
                        url = null;
                    } else if (url.getUserInfo() != null) {
                        h.problem(
                                "url",
                                "must not carry user:password@ (the batches are signed with forward.http.secret)");
                        url = null;
                    } else if (!scheme.equals("https") && !scheme.equals("http")) {
                        h.problem("url", "expected an https:// URL, got scheme \"" + scheme + "\"");
                        url = null;
                    } else if (scheme.equals("http") && !SettingsSupport.loopback(url.getHost())) {
                        h.problem(
                                "url",
                                "plain http:// to " + url.getHost() + " would expose every record: use https://"
                                        + " (http:// is accepted only to a loopback receiver)");
                        url = null;
                    }
                } catch (IllegalArgumentException e) {
                    h.problem("url", "not a valid URL (value not shown: it may carry a token)");
                }
            }
            String secret = h.secret("secret", null);
            if (secret == null) {
                h.problem(
                        "secret",
                        "required: the signing secret shared with the receiver (whsec_<base64 of >= 24 random"
                                + " bytes>, or at least 24 characters)");
            } else if (io.vocedge.common.webhook.WebhookSigner.key(secret) == null) {
                h.problem(
                        "secret",
                        "too short or not valid whsec_ base64: use whsec_<base64 of >= 24 random bytes> or at"
                                + " least 24 characters (value not shown)");
            }
            Path ca = null;
            if (h.has("tls")) {
                ConfigNode t = h.section("tls");
                ca = t.path("ca_file", null);
                SettingsSupport.readable(t, "ca_file", ca);
            }
            Duration timeout =
                    h.duration("timeout", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(5));
            Duration min =
                    h.duration("retry_min", Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofMinutes(10));
            Duration max = h.duration("retry_max", Duration.ofMinutes(5), Duration.ofMillis(10), Duration.ofHours(1));
            if (max.compareTo(min) < 0) {
                h.problem("retry_max", "must be at least retry_min (" + ConfigNode.format(min) + ")");
            }
            boolean gzip = h.bool("gzip", true);
            return new HttpSinkSettings(url, secret, ca, timeout, min, max, gzip);
        }

        /** The URL without its query (which may carry a token), for logs and status. */
        public String safeUrl() {
            if (url == null) {
                return null;
            }
            return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                    + (url.getRawPath() == null ? "" : url.getRawPath())
                    + (url.getRawQuery() == null ? "" : "?" + SettingsSupport.MASKED);
        }

        Map<String, Object> effective() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", safeUrl());
            m.put("secret", SettingsSupport.MASKED);
            if (caFile != null) {
                m.put("tls", Map.of("ca_file", caFile.toString()));
            }
            m.put("timeout", ConfigNode.format(timeout));
            m.put("retry_min", ConfigNode.format(retryMin));
            m.put("retry_max", ConfigNode.format(retryMax));
            m.put("gzip", gzip);
            return m;
        }

        @Override
        public String toString() {
            return "HttpSinkSettings[" + safeUrl() + "]";
        }
    }

    /**
     * @param bootstrapServers {@code host:port[,host:port...]}
     * @param topicPrefix topics are {@code <prefix>.<kind>}
     * @param securityProtocol PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
     * @param caFile PEM CA certificates the brokers' certificates chain to (SSL, SASL_SSL); null = the JVM's
     * @param certFile PEM client certificate for mutual TLS, with {@code keyFile} (unencrypted PKCS#8)
     * @param saslMechanism PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (SASL_*)
     * @param linger how long the producer waits to fill a request
     * @param deliveryTimeout a batch not acknowledged by Kafka within this is aborted and retried later
     * @param compression the producer's compression.type: lz4 (default), zstd, gzip, snappy or none; none saves the
     *     gateway about a quarter of the producer's CPU but sends 2-3x the bytes (BENCHMARKS.md, issue 18)
     */
    public record KafkaSettings(
            String bootstrapServers,
            String topicPrefix,
            String securityProtocol,
            Path caFile,
            Path certFile,
            Path keyFile,
            String saslMechanism,
            String saslUsername,
            String saslPassword,
            Duration linger,
            Duration deliveryTimeout,
            String compression) {

        public String topic(String kind) {
            return topicPrefix + "." + kind;
        }

        /** A plaintext, unauthenticated cluster with the default codec (lz4): benchmarks and tests on loopback. */
        public static KafkaSettings plaintext(
                String bootstrapServers, String topicPrefix, Duration linger, Duration deliveryTimeout) {
            return new KafkaSettings(
                    bootstrapServers,
                    topicPrefix,
                    "PLAINTEXT",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    linger,
                    deliveryTimeout,
                    "lz4");
        }

        static KafkaSettings from(ConfigNode k) {
            String servers = k.requiredString("bootstrap_servers", "host:port[,host:port], e.g. kafka-1.example:9092");
            if (servers != null && !SERVERS.matcher(servers).matches()) {
                k.problem("bootstrap_servers", "expected host:port[,host:port...], got \"" + servers + "\"");
            }
            String prefix = k.string(
                    "topic_prefix", "voc", PREFIX, "expected 1-100 of A-Z a-z 0-9 . _ - (a Kafka topic name part)");
            String protocol =
                    k.oneOf("security_protocol", "PLAINTEXT", "PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
            Path ca = null;
            Path cert = null;
            Path key = null;
            if (k.has("tls")) {
                ConfigNode t = k.section("tls");
                ca = t.path("ca_file", null);
                cert = t.path("cert_file", null);
                key = t.path("key_file", null);
                if ((cert == null) != (key == null)) {
                    t.problem("cert_file", "set cert_file and key_file together (mutual TLS), or neither");
                }
                SettingsSupport.readable(t, "ca_file", ca);
                SettingsSupport.readable(t, "cert_file", cert);
                SettingsSupport.readable(t, "key_file", key);
                if (!protocol.endsWith("SSL")) {
                    k.problem("tls", "only with security_protocol SSL or SASL_SSL (is " + protocol + ")");
                }
            }
            String mechanism = null;
            String user = null;
            String password = null;
            if (k.has("sasl")) {
                ConfigNode s = k.section("sasl");
                mechanism = s.oneOf("mechanism", "SCRAM-SHA-512", "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
                user = s.requiredString("username", "the Kafka user the gateway publishes as");
                password = s.secret("password", null);
                if (password == null) {
                    s.problem("password", "required with sasl (the Kafka user's password)");
                }
                if (!protocol.startsWith("SASL")) {
                    k.problem("sasl", "only with security_protocol SASL_PLAINTEXT or SASL_SSL (is " + protocol + ")");
                }
            } else if (protocol.startsWith("SASL")) {
                k.problem("sasl", "required with security_protocol " + protocol + " (mechanism, username, password)");
            }
            Duration linger = k.duration("linger", Duration.ofMillis(5), Duration.ZERO, Duration.ofSeconds(5));
            Duration delivery = k.duration(
                    "delivery_timeout", Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(10));
            String compression = k.oneOf("compression", "lz4", "lz4", "zstd", "gzip", "snappy", "none");
            return new KafkaSettings(
                    servers, prefix, protocol, ca, cert, key, mechanism, user, password, linger, delivery, compression);
        }

        Map<String, Object> effective() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bootstrap_servers", bootstrapServers);
            m.put("topic_prefix", topicPrefix);
            m.put("security_protocol", securityProtocol);
            if (caFile != null || certFile != null) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("ca_file", caFile == null ? null : caFile.toString());
                t.put("cert_file", certFile == null ? null : certFile.toString());
                t.put("key_file", keyFile == null ? null : keyFile.toString());
                m.put("tls", t);
            }
            if (saslMechanism != null) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("mechanism", saslMechanism);
                s.put("username", saslUsername);
                s.put("password", SettingsSupport.MASKED);
                m.put("sasl", s);
            }
            m.put("linger", ConfigNode.format(linger));
            m.put("delivery_timeout", ConfigNode.format(deliveryTimeout));
            m.put("compression", compression);
            return m;
        }

        @Override
        public String toString() {
            return "KafkaSettings[" + bootstrapServers + ", prefix=" + topicPrefix + ", " + securityProtocol + "]";
        }
    }

    public static ForwardSettings from(ConfigNode f) {
        Duration retention = f.duration("retention", Duration.ofDays(7), Duration.ofHours(1), Duration.ofDays(365));
        int events = f.integer("batch_max_events", 500, 1, 10_000);
        long bytes = f.bytes("batch_max_bytes", 1024 * 1024, 1024, 64L * 1024 * 1024);
        Duration linger = f.duration("batch_linger", Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(10));
        KafkaSettings kafka = f.has("kafka") ? KafkaSettings.from(f.section("kafka")) : null;
        HttpSinkSettings http = f.has("http") ? HttpSinkSettings.from(f.section("http")) : null;
        return new ForwardSettings(retention, events, bytes, linger, kafka, http);
    }

    /** The section as {@code config check} prints it: every default filled in, in the file's key names. */
    public Map<String, Object> effective() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("retention", ConfigNode.format(retention));
        m.put("batch_max_events", batchMaxEvents);
        m.put("batch_max_bytes", batchMaxBytes);
        m.put("batch_linger", ConfigNode.format(batchLinger));
        if (kafka != null) {
            m.put("kafka", kafka.effective());
        }
        if (http != null) {
            m.put("http", http.effective());
        }
        return m;
    }
}
