package io.vocedge.provisioning.broker;

import io.vocedge.provisioning.ProvisionException;
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
 */
public record BrokerOptions(String listenHost, int port, List<String> hostNames, String confDir, String persistenceDir,
        int maxInflight, int maxQueued, long maxQueuedBytes, Duration certValidity, Duration crlValidity) {
    public BrokerOptions {
        hostNames = List.copyOf(hostNames);
        if (hostNames.isEmpty()) {
            throw new ProvisionException("--host is required: the name (or address) devices use to reach the broker, e.g. "
                    + "--host gateway.store.example; repeat it for several names");
        }
        for (String h : hostNames) {
            if (!h.matches("[A-Za-z0-9.:-]{1,253}")) {
                throw new ProvisionException("--host '" + h + "' is not a host name or IP address");
            }
        }
        if (port < 1 || port > 65535) {
            throw new ProvisionException("--port " + port + " is outside 1-65535");
        }
        if (!listenHost.matches("[A-Za-z0-9.:-]{1,253}")) {
            throw new ProvisionException("--listen '" + listenHost + "' is not an address: use 0.0.0.0 or an interface address");
        }
        for (String[] p : new String[][] {{"--conf-dir", confDir}, {"--persistence-dir", persistenceDir}}) {
            if (p[1] == null || !p[1].matches("/[A-Za-z0-9._/-]*") || p[1].contains("..")) {
                throw new ProvisionException(p[0] + " '" + p[1] + "' must be an absolute path without spaces (e.g. /etc/mosquitto/voc)");
            }
        }
        if (maxInflight < 20 || maxInflight > 65535) {
            throw new ProvisionException("--max-inflight " + maxInflight + " must be 20-65535 (it is the MQTT 5 Receive Maximum: "
                    + "below 20 throttles publishers, 0 would mean unbounded)");
        }
        if (maxQueued < 1000) {
            throw new ProvisionException("--max-queued " + maxQueued + " must be at least 1000: Mosquitto drops QoS 1 messages "
                    + "silently beyond it when a subscriber falls behind");
        }
        if (maxQueuedBytes < 1024 * 1024) {
            throw new ProvisionException("--max-queued-bytes must be at least 1 MiB");
        }
    }
}
