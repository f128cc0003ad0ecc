package io.vocedge.provisioning.broker;

import io.vocedge.common.cli.BadInputException;
import java.time.Duration;
import java.util.List;

/**
 * How {@code broker config} sets up Mosquitto.
 *
 * @param listenHost address of the TLS listener (0.0.0.0 for all)
 * @param port its port (8883)
 * @param hostNames names and addresses devices use to reach the broker; they go into the broker certificate,
 *     which clients check (a device configured with ssl://gw.store.example:8883 needs gw.store.example here)
 * @param confDir where the generated files will be on the broker host (paths written into mosquitto.conf)
 * @param persistenceDir Mosquitto's persistence directory
 * @param maxInflight {@code max_inflight_messages}: also sent to MQTT 5 clients as their Receive Maximum
 * @param maxQueued {@code max_queued_messages} per client
 * @param maxQueuedBytes {@code max_queued_bytes} per client
 * @param crlValidity how long the CRL stays valid; Mosquitto refuses every client once it expires
 * @param dynsecPlugin the dynamic-security plugin on the broker host: a path, or the bare file name
 *     {@value #DEFAULT_DYNSEC_PLUGIN}, which the loader finds in the system library directories (Debian's
 *     {@code mosquitto} package installs it in {@code /usr/lib/<arch>-linux-gnu/}, so the same name works on a Pi)
 */
public record BrokerOptions(
        String listenHost,
        int port,
        List<String> hostNames,
        String confDir,
        String persistenceDir,
        int maxInflight,
        int maxQueued,
        long maxQueuedBytes,
        Duration certValidity,
        Duration crlValidity,
        String dynsecPlugin) {
    public static final String DEFAULT_DYNSEC_PLUGIN = "mosquitto_dynamic_security.so";

    public BrokerOptions(
            String listenHost,
            int port,
            List<String> hostNames,
            String confDir,
            String persistenceDir,
            int maxInflight,
            int maxQueued,
            long maxQueuedBytes,
            Duration certValidity,
            Duration crlValidity) {
        this(
                listenHost,
                port,
                hostNames,
                confDir,
                persistenceDir,
                maxInflight,
                maxQueued,
                maxQueuedBytes,
                certValidity,
                crlValidity,
                DEFAULT_DYNSEC_PLUGIN);
    }

    public BrokerOptions {
        if (dynsecPlugin == null
                || !dynsecPlugin.matches("[A-Za-z0-9._/-]{1,255}")
                || dynsecPlugin.contains("..")
                || !dynsecPlugin.endsWith(".so")) {
            throw new BadInputException("--dynsec-plugin '" + dynsecPlugin
                    + "' must be a .so file name or absolute path without " + "spaces, e.g. " + DEFAULT_DYNSEC_PLUGIN
                    + " or /usr/lib/aarch64-linux-gnu/" + DEFAULT_DYNSEC_PLUGIN);
        }
        hostNames = List.copyOf(hostNames);
        if (hostNames.isEmpty()) {
            throw new BadInputException(
                    "--host is required: the name (or address) devices use to reach the broker, e.g. "
                            + "--host gateway.store.example; repeat it for several names");
        }
        for (String h : hostNames) {
            if (!h.matches("[A-Za-z0-9.:-]{1,253}")) {
                throw new BadInputException("--host '" + h + "' is not a host name or IP address");
            }
        }
        if (port < 1 || port > 65535) {
            throw new BadInputException("--port " + port + " is outside 1-65535");
        }
        if (!listenHost.matches("[A-Za-z0-9.:-]{1,253}")) {
            throw new BadInputException(
                    "--listen '" + listenHost + "' is not an address: use 0.0.0.0 or an interface address");
        }
        for (String[] p : new String[][] {{"--conf-dir", confDir}, {"--persistence-dir", persistenceDir}}) {
            if (p[1] == null || !p[1].matches("/[A-Za-z0-9._/-]*") || p[1].contains("..")) {
                throw new BadInputException(
                        p[0] + " '" + p[1] + "' must be an absolute path without spaces (e.g. /etc/mosquitto/voc)");
            }
        }
        if (maxInflight < 20 || maxInflight > 65535) {
            throw new BadInputException(
                    "--max-inflight " + maxInflight + " must be 20-65535 (it is the MQTT 5 Receive Maximum: "
                            + "below 20 throttles publishers, 0 would mean unbounded)");
        }
        if (maxQueued < 1000) {
            throw new BadInputException(
                    "--max-queued " + maxQueued + " must be at least 1000: Mosquitto drops QoS 1 messages "
                            + "silently beyond it when a subscriber falls behind");
        }
        if (maxQueuedBytes < 1024 * 1024) {
            throw new BadInputException("--max-queued-bytes must be at least 1 MiB");
        }
    }
}
