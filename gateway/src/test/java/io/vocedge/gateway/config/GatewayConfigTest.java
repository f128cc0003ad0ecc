package io.vocedge.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                ingest: {queue_capacity: 2, max_messages_per_transaction: 0}
                """);
        assertThatThrownBy(() -> GatewayConfig.load(f, null))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(8))
                .hasMessageContaining("gateway_id").hasMessageContaining("broker.url 'http://nope'")
                .hasMessageContaining("store.jdbc_url").hasMessageContaining("http.port 70000")
                .hasMessageContaining("admin_token").hasMessageContaining("registry.mode 'lenient'")
                .hasMessageContaining("ingest.queue_capacity").hasMessageContaining("max_messages_per_transaction");
    }

    @Test
    void brokenYamlNamesTheFile() throws Exception {
        Path f = dir.resolve("broken.yaml");
        Files.writeString(f, "broker: [unclosed");
        assertThatThrownBy(() -> GatewayConfig.load(f, null)).hasMessageContaining(f.toString()).hasMessageContaining("not valid YAML");
    }
}
