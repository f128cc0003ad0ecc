package io.vocedge.gateway.http;

import io.vocedge.common.config.ConfigNode;
import io.vocedge.gateway.settings.SettingsSupport;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code http:} section: where the gateway's one HTTP server listens and the limits that keep a few slow or
 * greedy clients from taking it down (ARCHITECTURE.md guarantee 9).
 *
 * @param host bind address; anything but a loopback address refuses the admin token over plain HTTP
 * @param port 0 = any free port (written to runtime.json)
 * @param tls server certificate and key (PEM, from {@code voc-provision gateway enroll --http-host}); null = plain HTTP
 * @param headerTimeout the request line and headers must arrive within this (slowloris: a drip of header bytes)
 * @param requestTimeout the whole request (line, headers and body) must arrive within this
 * @param idleTimeout a connection with no bytes moving for this long is closed
 * @param maxThreads worker threads of the server (acceptor and selector included)
 * @param maxConnections open connections in all; at the limit the server stops accepting until one closes
 * @param maxConnectionsPerAddress open connections from one client address; more are closed at once
 * @param maxBodyBytes request bodies larger than this get 413
 * @param maxHeaderBytes request line plus headers larger than this get 431
 */
public record HttpSettings(
        String host,
        int port,
        TlsFiles tls,
        Duration headerTimeout,
        Duration requestTimeout,
        Duration idleTimeout,
        int maxThreads,
        int maxConnections,
        int maxConnectionsPerAddress,
        long maxBodyBytes,
        int maxHeaderBytes) {

    /** PEM server certificate (chain) and its unencrypted PKCS#8 key. */
    public record TlsFiles(Path certFile, Path keyFile) {}

    public static HttpSettings from(ConfigNode h) {
        String host = h.string("host", "127.0.0.1");
        int port = h.integer("port", 0, 0, 65535);
        TlsFiles tls = null;
        if (h.has("tls")) {
            ConfigNode t = h.section("tls");
            Path cert = t.path("cert_file", null);
            Path key = t.path("key_file", null);
            if (cert == null || key == null) {
                t.problem(
                        null,
                        "set cert_file and key_file (PEM, from 'voc-provision gateway enroll --http-host NAME'), "
                                + "or remove tls for plain HTTP");
            }
            SettingsSupport.readable(t, "cert_file", cert);
            SettingsSupport.readable(t, "key_file", key);
            tls = cert != null && key != null ? new TlsFiles(cert, key) : null;
        }
        Duration header =
                h.duration("header_timeout", Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofMinutes(5));
        Duration request =
                h.duration("request_timeout", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(30));
        Duration idle = h.duration("idle_timeout", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofHours(1));
        if (request.compareTo(header) < 0) {
            h.problem(
                    "request_timeout",
                    "must be at least header_timeout (" + ConfigNode.format(header) + "): the whole "
                            + "request includes its headers");
        }
        int threads = h.integer("max_threads", 16, 6, 512);
        int connections = h.integer("max_connections", 256, 4, 100_000);
        int perAddress = h.integer("max_connections_per_address", 16, 1, 100_000);
        if (perAddress > connections) {
            h.problem("max_connections_per_address", "must not exceed max_connections (" + connections + ")");
        }
        long body = h.bytes("max_body", 64 * 1024, 1024, 64L * 1024 * 1024);
        int header_ = (int) h.bytes("max_header", 8 * 1024, 1024, 64 * 1024);
        if (!host.isBlank()) {
            try {
                InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                h.problem(
                        "host",
                        "cannot resolve \"" + host + "\": use an address of this machine, e.g. 127.0.0.1 or 0.0.0.0");
            }
        } else {
            h.problem(
                    "host", "must not be empty: 127.0.0.1 (this machine only) or 0.0.0.0 (all interfaces, needs tls)");
        }
        return new HttpSettings(
                host, port, tls, header, request, idle, threads, connections, perAddress, body, header_);
    }

    /** The section as {@code config check} prints it: every default filled in, in the file's key names. */
    public java.util.Map<String, Object> effective() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("host", host);
        m.put("port", port);
        if (tls != null) {
            m.put(
                    "tls",
                    java.util.Map.of(
                            "cert_file",
                            tls.certFile().toString(),
                            "key_file",
                            tls.keyFile().toString()));
        }
        m.put("header_timeout", ConfigNode.format(headerTimeout));
        m.put("request_timeout", ConfigNode.format(requestTimeout));
        m.put("idle_timeout", ConfigNode.format(idleTimeout));
        m.put("max_threads", maxThreads);
        m.put("max_connections", maxConnections);
        m.put("max_connections_per_address", maxConnectionsPerAddress);
        m.put("max_body", maxBodyBytes);
        m.put("max_header", maxHeaderBytes);
        return m;
    }

    /** Loopback-only binds (127.0.0.0/8, ::1, localhost) may carry the admin token over plain HTTP. */
    public boolean loopbackOnly() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
