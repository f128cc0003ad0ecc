package io.vocedge.device.selftest;

import io.vocedge.device.sync.TlsFiles;
import io.vocedge.protocol.PemTls;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLException;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The broker accepts this device: an MQTT 5 connect with the config's URL and TLS files (the device certificate),
 * then a clean disconnect. The client id is {@code <device>-selftest} so a running agent is not kicked off.
 */
public final class BrokerCheck implements Check {
    private final String url;
    private final TlsFiles tls;
    private final String clientId;
    private final Duration timeout;

    public BrokerCheck(String url, TlsFiles tls, String deviceId, Duration timeout) {
        this.url = url;
        this.tls = tls;
        this.clientId = deviceId + "-selftest";
        this.timeout = timeout;
    }

    @Override
    public List<CheckResult> run() {
        return List.of(check());
    }

    private CheckResult check() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
        boolean ssl = url.startsWith("ssl://");
        if (ssl) {
            if (tls == null || tls.caFile() == null) {
                return CheckResult.fail(
                        "broker",
                        url + " uses TLS but broker.ca_file is not set: copy the fleet CA from the"
                                + " provisioning bundle and set broker.ca_file");
            }
            try {
                o.setSocketFactory(PemTls.socketFactory(tls.caFile(), tls.certFile(), tls.keyFile()));
            } catch (IOException | RuntimeException e) {
                return CheckResult.fail(
                        "broker",
                        "cannot use the TLS files: " + e.getMessage()
                                + " (broker.ca_file, broker.cert_file, broker.key_file from the provisioning bundle)");
            }
        }
        if (tls != null && tls.passwordFile() != null) {
            try {
                o.setUserName(tls.user());
                o.setPassword(tls.password());
            } catch (java.io.IOException e) {
                return CheckResult.fail("broker", "cannot read broker.password_file: " + e.getMessage());
            }
        }
        long t0 = System.nanoTime();
        MqttClient client = null;
        try {
            client = new MqttClient(url, clientId, new MemoryPersistence());
            client.connect(o);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            client.disconnect();
            return CheckResult.pass(
                    "broker",
                    "connected to " + url + (ssl && tls.mutual() ? " with the device certificate" : "") + " in " + ms
                            + " ms");
        } catch (MqttException e) {
            return CheckResult.fail("broker", explain(e, ssl));
        } finally {
            if (client != null) {
                try {
                    client.close(true);
                } catch (MqttException ignored) {
                    // closing a client that never connected
                }
            }
        }
    }

    private String explain(MqttException e, boolean ssl) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof UnknownHostException
                    || root instanceof ConnectException
                    || root instanceof SSLException
                    || root instanceof SocketTimeoutException) {
                break;
            }
        }
        String hostPort = url.replaceFirst("^\\w+://", "");
        if (root instanceof UnknownHostException) {
            return "cannot resolve the broker's host in " + url + ": check broker.url and the device's DNS / network";
        }
        if (root instanceof ConnectException) {
            return "nothing accepts connections at " + hostPort
                    + ": check broker.url, that the broker runs, and firewalls on the way";
        }
        if (root instanceof SSLException) {
            return "TLS handshake with " + hostPort + " failed (" + root.getMessage()
                    + "): check that broker.ca_file is the fleet CA"
                    + " that signed the broker's certificate and that the device certificate is from the same fleet and not expired";
        }
        if (root instanceof SocketTimeoutException || e.getReasonCode() == 32000) {
            return "no answer from " + hostPort + " within " + timeout.toSeconds()
                    + " s: check the network path and broker.url";
        }
        int rc = e.getReasonCode();
        if (rc == 0x86 || rc == 0x87 || rc == 0x8C) {
            return "the broker refused this device (reason " + rc
                    + ", not authorized): is the device enrolled and not revoked,"
                    + (ssl
                            ? " and are broker.cert_file/key_file its own certificate and key?"
                            : " and does the broker allow it?");
        }
        if (!ssl && rc == 0) {
            return "connection to " + hostPort + " was closed (" + e.getMessage() + "): a TLS-only broker? use ssl://";
        }
        return "connect to " + url + " failed: " + e.getMessage() + " (reason " + rc
                + "): check broker.url and the broker's log";
    }
}
