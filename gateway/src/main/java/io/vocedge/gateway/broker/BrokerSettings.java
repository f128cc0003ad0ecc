package io.vocedge.gateway.broker;

import io.vocedge.common.config.ConfigNode;
import io.vocedge.gateway.settings.SettingsSupport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code broker:} section: embedded HiveMQ on {@code embeddedPort} (taken: a free one), or an external broker at
 * {@code url}.
 *
 * @param reconnectMin first reconnect delay after the connection is lost; doubles with jitter up to
 *     {@code reconnectMax}; a reconnect is tried at once whenever the broker's port accepts connections again
 * @param crlFile the broker's CRL when this host can read it (Mosquitto refuses everyone once it expires); only
 *     watched: {@code /health} and {@code /metrics} warn before it expires, like the CA and certificate files
 */
public record BrokerSettings(
        boolean embedded,
        int embeddedPort,
        String url,
        Path caFile,
        Path certFile,
        Path keyFile,
        java.time.Duration reconnectMin,
        java.time.Duration reconnectMax,
        Path crlFile) {
    public static BrokerSettings from(ConfigNode b) {
        String url = b.string("url", "embedded");
        boolean embedded = "embedded".equals(url);
        if (!embedded && !url.matches("(tcp|ssl)://[^/\\s]+:\\d{1,5}")) {
            b.problem("url", "expected tcp://host:port, ssl://host:port or 'embedded', got \"" + url + "\"");
        }
        int port = b.integer("embedded_port", 1883, 0, 65535);
        Path ca = b.path("ca_file", null);
        Path cert = b.path("cert_file", null);
        Path key = b.path("key_file", null);
        if (!embedded && url.startsWith("ssl://") && ca == null) {
            b.problem("ca_file", "required for an ssl:// broker (the fleet CA certificate)");
        }
        if ((cert == null) != (key == null)) {
            b.problem("cert_file", "set cert_file and key_file together (mutual TLS), or neither");
        }
        SettingsSupport.readable(b, "ca_file", ca);
        SettingsSupport.readable(b, "cert_file", cert);
        SettingsSupport.readable(b, "key_file", key);
        Path crl = b.path("crl_file", null);
        SettingsSupport.readable(b, "crl_file", crl);
        java.time.Duration min = b.duration(
                "reconnect_min",
                java.time.Duration.ofMillis(250),
                java.time.Duration.ofMillis(50),
                java.time.Duration.ofSeconds(10));
        java.time.Duration max = b.duration(
                "reconnect_max",
                java.time.Duration.ofSeconds(5),
                java.time.Duration.ofSeconds(1),
                java.time.Duration.ofMinutes(2));
        if (max.compareTo(min) < 0) {
            b.problem("reconnect_max", "must not be shorter than reconnect_min (" + ConfigNode.format(min) + ")");
        }
        return new BrokerSettings(embedded, port, embedded ? null : url, ca, cert, key, min, max, crl);
    }

    /** The section as {@code config check} prints it: every default filled in, in the file's key names. */
    public Map<String, Object> effective() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", embedded ? "embedded" : url);
        m.put("embedded_port", embeddedPort);
        m.put("ca_file", SettingsSupport.text(caFile));
        m.put("cert_file", SettingsSupport.text(certFile));
        m.put("key_file", SettingsSupport.text(keyFile));
        m.put("crl_file", SettingsSupport.text(crlFile));
        m.put("reconnect_min", ConfigNode.format(reconnectMin));
        m.put("reconnect_max", ConfigNode.format(reconnectMax));
        return m;
    }
}
