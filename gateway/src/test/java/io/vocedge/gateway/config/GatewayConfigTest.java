package io.vocedge.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocedge.common.config.ConfigException;
import io.vocedge.gateway.forward.ForwardSettings;
import io.vocedge.gateway.forward.KafkaSink;
import io.vocedge.gateway.http.HttpSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreTheEmbeddedSetup() {
        GatewayConfig c = GatewayConfig.defaults(dir);
        assertThat(c.broker().embedded()).isTrue();
        assertThat(c.store().kind()).isEqualTo("sqlite");
        assertThat(c.store().sqliteFile()).isEqualTo(dir.resolve("voc.db"));
        assertThat(c.registryMode()).isEqualTo("open");
    }

    @Test
    void everyProblemIsListedAtOnceWithItsField() throws Exception {
        Path f = dir.resolve("g.yaml");
        Files.writeString(f, """
                gateway_id: "bad id!"
                broker: {url: "http://nope"}
                store: {kind: postgresql}
                http: {port: 70000}
                admin_token: short
                registry: {mode: lenient}
                ingest: {queue_capacity: 2, max_messages_per_transaction: 0, max_bytes_per_transaction: lots}
                """);
        assertThatThrownBy(() -> GatewayConfig.load(f, null))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(9))
                .hasMessageContaining("gateway_id")
                .hasMessageContaining("broker.url: expected tcp://host:port")
                .hasMessageContaining("store.jdbc_url")
                .hasMessageContaining("http.port: expected a whole number in 0..65535, got 70000")
                .hasMessageContaining("admin_token")
                .hasMessageContaining("registry.mode: expected one of open, strict, got \"lenient\"")
                .hasMessageContaining("ingest.queue_capacity")
                .hasMessageContaining("max_messages_per_transaction")
                .hasMessageContaining("ingest.max_bytes_per_transaction: expected a size like");
    }

    @Test
    void typosAndWrongTypesAreRefusedNotDefaulted() throws Exception {
        Path f = dir.resolve("typo.yaml");
        Files.writeString(f, """
                stroe: {kind: postgresql}
                http: {port: eighty}
                ingest: {queue_capacity: 64, max_mesages_per_transaction: 5}
                """);
        assertThatThrownBy(() -> GatewayConfig.load(f, null))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .hasSize(3)
                                .anySatisfy(p -> assertThat(p).startsWith("stroe: unknown key (did you mean 'store'?)"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("http.port: expected a whole number in 0..65535, got \"eighty\""))
                                .anySatisfy(
                                        p -> assertThat(p)
                                                .startsWith(
                                                        "ingest.max_mesages_per_transaction: unknown key (did you mean 'max_messages_per_transaction'?)")));
    }

    @Test
    void brokenYamlNamesTheFile() throws Exception {
        Path f = dir.resolve("broken.yaml");
        Files.writeString(f, "broker: [unclosed");
        assertThatThrownBy(() -> GatewayConfig.load(f, null))
                .hasMessageContaining(f.toString())
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void httpSectionReadsTlsTimeoutsAndLimitsStrictly() throws Exception {
        Path cert = Files.writeString(dir.resolve("http.pem"), "x");
        Path key = Files.writeString(dir.resolve("http.key"), "x");
        Path f = dir.resolve("http.yaml");
        Files.writeString(
                f,
                "http:\n  host: 0.0.0.0\n  port: 8086\n  tls: {cert_file: " + cert + ", key_file: " + key + "}\n"
                        + "  header_timeout: 5s\n  request_timeout: 20s\n  idle_timeout: 1m\n  max_threads: 32\n  max_connections: 100\n"
                        + "  max_connections_per_address: 8\n  max_body: 32KiB\n  max_header: 16KiB\n");
        HttpSettings h = GatewayConfig.load(f, null).http();
        assertThat(h.tls()).isEqualTo(new HttpSettings.TlsFiles(cert, key));
        assertThat(h.loopbackOnly()).isFalse();
        assertThat(h.headerTimeout()).hasSeconds(5);
        assertThat(h.requestTimeout()).hasSeconds(20);
        assertThat(h.idleTimeout()).hasMinutes(1);
        assertThat(h.maxThreads()).isEqualTo(32);
        assertThat(h.maxConnections()).isEqualTo(100);
        assertThat(h.maxConnectionsPerAddress()).isEqualTo(8);
        assertThat(h.maxBodyBytes()).isEqualTo(32 * 1024);
        assertThat(h.maxHeaderBytes()).isEqualTo(16 * 1024);

        GatewayConfig d = GatewayConfig.defaults(dir);
        assertThat(d.http().loopbackOnly()).isTrue();
        assertThat(d.http().tls()).isNull();
        assertThat(d.http().headerTimeout()).hasSeconds(10);
        assertThat(d.http().maxBodyBytes()).isEqualTo(64 * 1024);
    }

    @Test
    void httpSectionProblemsAreListedTogether() throws Exception {
        Path f = dir.resolve("bad-http.yaml");
        Files.writeString(f, """
                http:
                  tls: {cert_file: /nonexistent/http.pem}
                  header_timeout: 10
                  request_timeout: 2s
                  max_connections: 10
                  max_connections_per_address: 50
                  max_thraeds: 4
                """);
        assertThatThrownBy(() -> GatewayConfig.load(f, null))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p).startsWith("http.tls: set cert_file and key_file"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("http.tls.cert_file: /nonexistent/http.pem is missing"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("http.header_timeout: expected a duration")
                                        .contains("10s"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith(
                                                "http.max_connections_per_address: must not exceed max_connections"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("http.max_thraeds: unknown key (did you mean 'max_threads'?)")));
    }

    @Test
    void forwardHttpSinkIsReadStrictlyAndItsSecretNeverShown() throws Exception {
        Path f = dir.resolve("fwd.yaml");
        Files.writeString(f, """
                forward:
                  http:
                    url: "https://cx.example.com/voc/events?token=abc123"
                    secret: "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwd"
                    timeout: 5s
                    retry_min: 200ms
                    retry_max: 1m
                """);
        GatewayConfig c = GatewayConfig.load(f, null);
        ForwardSettings.HttpSinkSettings h = c.forward().http();
        assertThat(c.forward().enabled()).isTrue();
        assertThat(c.forward().sinkNames()).containsExactly("http");
        assertThat(h.url().getHost()).isEqualTo("cx.example.com");
        assertThat(h.timeout()).hasSeconds(5);
        assertThat(h.retryMin()).hasMillis(200);
        assertThat(h.retryMax()).hasMinutes(1);
        assertThat(h.gzip()).isTrue();
        String shown = c.effective().toString() + h;
        assertThat(shown).doesNotContain("whsec_AAEC").doesNotContain("abc123").contains("cx.example.com/voc/events");
    }

    @Test
    void forwardHttpSinkProblemsAreListedTogetherWithoutEchoingSecrets() throws Exception {
        Path f = dir.resolve("bad-fwd.yaml");
        Files.writeString(f, """
                forward:
                  http:
                    url: "http://cx.example.com/voc"
                    secret: "tooshort-secret-value"
                    retry_min: 2m
                    retry_max: 1m
                    gzipp: true
                """);
        assertThatThrownBy(() -> GatewayConfig.load(f, null))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .hasSize(4)
                                .anySatisfy(p ->
                                        assertThat(p).startsWith("forward.http.url: plain http:// to cx.example.com"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("forward.http.secret: too short")
                                        .doesNotContain("tooshort-secret"))
                                .anySatisfy(p ->
                                        assertThat(p).startsWith("forward.http.retry_max: must be at least retry_min"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("forward.http.gzipp: unknown key (did you mean 'gzip'?)")));
        Files.writeString(f, """
                forward:
                  http: {url: "https://user:pw@cx.example.com/voc"}
                """);
        assertThatThrownBy(() -> GatewayConfig.load(f, null))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .hasSize(2)
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("forward.http.url: must not carry user:password@")
                                        .doesNotContain("pw@"))
                                .anySatisfy(p -> assertThat(p).startsWith("forward.http.secret: required")));
        Files.writeString(f, """
                forward:
                  http: {url: "http://127.0.0.1:9/voc", secret: "a-loopback-secret-of-24-chars"}
                """);
        assertThat(GatewayConfig.load(f, null).forward().http().url().getPort()).isEqualTo(9);
    }

    @Test
    void forwardBatchLingerHasADefaultAndRefusesWhatIsNotADurationInRange() throws Exception {
        Path f = dir.resolve("linger.yaml");
        Files.writeString(f, """
                forward:
                  http: {url: "http://127.0.0.1:9/voc", secret: "a-loopback-secret-of-24-chars"}
                """);
        assertThat(GatewayConfig.load(f, null).forward().batchLinger()).hasMillis(200);
        Files.writeString(f, """
                forward:
                  batch_linger: 0s
                  http: {url: "http://127.0.0.1:9/voc", secret: "a-loopback-secret-of-24-chars"}
                """);
        assertThat(GatewayConfig.load(f, null).forward().batchLinger()).isZero();
        for (String bad : new String[] {"1h", "fast", "-5ms"}) {
            Files.writeString(f, """
                    forward:
                      batch_linger: %s
                      http: {url: "http://127.0.0.1:9/voc", secret: "a-loopback-secret-of-24-chars"}
                    """.formatted(bad));
            assertThatThrownBy(() -> GatewayConfig.load(f, null))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ConfigException.class,
                            e -> assertThat(e.problems())
                                    .singleElement()
                                    .satisfies(p -> assertThat(p).startsWith("forward.batch_linger: ")));
        }
    }

    @Test
    void kafkaCompressionDefaultsToLz4AndRefusesUnknownCodecs() throws Exception {
        Path f = dir.resolve("compression.yaml");
        Files.writeString(f, """
                forward:
                  kafka: {bootstrap_servers: "127.0.0.1:9092"}
                """);
        assertThat(GatewayConfig.load(f, null).forward().kafka().compression()).isEqualTo("lz4");
        Files.writeString(f, """
                forward:
                  kafka: {bootstrap_servers: "127.0.0.1:9092", compression: none}
                """);
        var kafka = GatewayConfig.load(f, null).forward().kafka();
        assertThat(kafka.compression()).isEqualTo("none");
        assertThat(KafkaSink.producerProperties(kafka, "t").getProperty("compression.type"))
                .isEqualTo("none");
        Files.writeString(f, """
                forward:
                  kafka: {bootstrap_servers: "127.0.0.1:9092", compression: brotli}
                """);
        assertThatThrownBy(() -> GatewayConfig.load(f, null))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p).startsWith("forward.kafka.compression: ")));
    }
}
