package io.vocedge.provisioning.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.common.cli.BadInputException;
import io.vocedge.common.json.Mappers;
import io.vocedge.provisioning.ProvisionException;
import io.vocedge.provisioning.ca.FleetCa;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.tinylog.Logger;

/**
 * Changes the rules of a running Mosquitto through its dynamic-security plugin ({@code $CONTROL/dynamic-security/v1}),
 * so an enrolled device is admitted and a revoked one shut out (and disconnected) without a restart.
 *
 * <p>Who may do this: the rules file names one admin client, {@link DynamicSecurityRules#ADMIN_USER}, which is not a
 * valid device or gateway id. Its certificate is issued by the fleet CA for each command, valid for
 * {@link #ADMIN_CERT_VALIDITY}, and kept in memory only: changing the broker's rules needs the CA key and passphrase,
 * exactly like issuing a certificate. The plugin saves each change to its file on the broker host.
 */
public final class LiveRules implements AutoCloseable {
    static final String CONTROL = "$CONTROL/dynamic-security/v1";
    static final String RESPONSE = CONTROL + "/response";
    public static final Duration ADMIN_CERT_VALIDITY = Duration.ofMinutes(10);

    private final MqttAsyncClient client;
    private final Duration timeout;
    private final ObjectMapper json = Mappers.json();
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private LiveRules(MqttAsyncClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** Connects to the broker at {@code url} ({@code ssl://host:port}) as the admin client. */
    public static LiveRules connect(FleetCa ca, String url, Duration timeout) {
        if (url == null || !url.matches("ssl://[^/\\s]+:\\d{1,5}")) {
            throw new BadInputException(
                    "--broker-admin '" + url + "' must be ssl://HOST:PORT, the broker's TLS listener");
        }
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(
                    url, "voc-admin-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        } catch (MqttException e) {
            throw new BadInputException("--broker-admin '" + url + "': " + e.getMessage());
        }
        LiveRules live = new LiveRules(client, timeout);
        client.setCallback(live.new Callback());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
        o.setSocketFactory(adminTls(ca).getSocketFactory());
        try {
            client.connect(o).waitForCompletion(timeout.toMillis());
            IMqttToken sub = client.subscribe(RESPONSE, 1);
            sub.waitForCompletion(timeout.toMillis());
            int[] codes = sub.getReasonCodes();
            if (codes == null || codes.length == 0 || codes[0] >= 0x80) {
                throw new ProvisionException("the broker at " + url
                        + " refused the admin client's subscription (reason "
                        + (codes == null || codes.length == 0 ? "?" : codes[0]) + "): its " + DynamicSecurityRules.FILE
                        + " predates live changes; copy the one 'broker config' writes now and restart it once");
            }
        } catch (MqttException e) {
            live.close();
            throw new ProvisionException(
                    "cannot reach the broker at " + url + " as its admin: " + e.getMessage()
                            + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "")
                            + ": check the URL, that it runs and uses this fleet's CA",
                    e);
        }
        return live;
    }

    /** Admits device {@code deviceId} of {@code site} with exactly the rules the file gives it. */
    public List<String> admitDevice(String site, String deviceId) {
        String role = DynamicSecurityRules.deviceRole(deviceId);
        List<Map<String, Object>> acls = new ArrayList<>();
        for (Map<String, Object> a : DynamicSecurityRules.deviceAcls(site, deviceId)) {
            acls.add(a);
        }
        Map<String, Object> createRole = command("createRole");
        createRole.put("rolename", role);
        createRole.put("acls", acls);
        Map<String, Object> createClient = command("createClient");
        createClient.put("username", deviceId);
        createClient.put("textname", "device at " + site);
        createClient.put("roles", List.of(Map.of("rolename", role)));
        List<String> done = new ArrayList<>();
        done.add(result(send(createRole), "role " + role, "Role already exists"));
        done.add(result(send(createClient), "client " + deviceId, "Client already exists"));
        return done;
    }

    /** Removes device {@code deviceId}: the plugin disconnects its open connections and it may do nothing any more. */
    public List<String> removeDevice(String deviceId) {
        Map<String, Object> deleteClient = command("deleteClient");
        deleteClient.put("username", deviceId);
        Map<String, Object> deleteRole = command("deleteRole");
        deleteRole.put("rolename", DynamicSecurityRules.deviceRole(deviceId));
        List<String> done = new ArrayList<>();
        done.add(result(send(deleteClient), "client " + deviceId + " removed and disconnected", "Client not found"));
        done.add(result(
                send(deleteRole), "role " + DynamicSecurityRules.deviceRole(deviceId) + " removed", "Role not found"));
        return done;
    }

    private static Map<String, Object> command(String name) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("command", name);
        c.put("correlationData", UUID.randomUUID().toString());
        return c;
    }

    /** "done" for success, "already so" for the error that means the broker is already in the wanted state. */
    private static String result(JsonNode response, String what, String alreadyError) {
        String error = response.path("error").asText(null);
        if (error == null) {
            return what + ": done";
        }
        if (error.equals(alreadyError)) {
            return what + ": already so";
        }
        throw new ProvisionException(
                "the broker refused " + response.path("command").asText() + " for " + what + ": " + error);
    }

    private JsonNode send(Map<String, Object> command) {
        String id = (String) command.get("correlationData");
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            byte[] body = json.writeValueAsBytes(Map.of("commands", List.of(command)));
            IMqttToken t = client.publish(CONTROL, body, 1, false);
            t.waitForCompletion(timeout.toMillis());
            int[] codes = t.getReasonCodes();
            if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                throw new ProvisionException("the broker refused the admin client's command (PUBACK reason " + codes[0]
                        + "): its " + DynamicSecurityRules.FILE
                        + " predates live changes; copy the current one and restart it once");
            }
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ProvisionException(
                    "the broker did not answer " + command.get("command") + " within " + timeout.toSeconds()
                            + " s: is the dynamic-security plugin loaded (mosquitto.conf from 'broker config')?",
                    e);
        } catch (MqttException
                | com.fasterxml.jackson.core.JsonProcessingException
                | java.util.concurrent.ExecutionException e) {
            throw new ProvisionException(
                    "sending " + command.get("command") + " to the broker failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisionException("interrupted", e);
        } finally {
            pending.remove(id);
        }
    }

    /** A TLS context holding a fresh admin certificate and key (never written anywhere) and trusting only the fleet CA. */
    static SSLContext adminTls(FleetCa ca) {
        try {
            KeyPair keys = FleetCa.newKeyPair();
            X509Certificate cert = ca.issue(
                    DynamicSecurityRules.ADMIN_USER,
                    keys.getPublic(),
                    FleetCa.Purpose.CLIENT,
                    List.of(),
                    ADMIN_CERT_VALIDITY);
            char[] none = new char[0];
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("admin", keys.getPrivate(), none, new Certificate[] {cert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, none);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("fleet-ca", ca.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the admin client's TLS context: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2000);
            }
        } catch (MqttException e) {
            Logger.debug("event=live_rules_disconnect_failed error=\"{}\"", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            Logger.debug("event=live_rules_close_failed error=\"{}\"", e.getMessage());
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                for (JsonNode r : json.readTree(message.getPayload()).path("responses")) {
                    CompletableFuture<JsonNode> f =
                            pending.get(r.path("correlationData").asText(""));
                    if (f != null) {
                        f.complete(r);
                    }
                }
            } catch (java.io.IOException e) {
                Logger.warn("event=live_rules_bad_response error=\"{}\"", e.getMessage());
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse r) {}

        @Override
        public void mqttErrorOccurred(MqttException e) {}

        @Override
        public void deliveryComplete(IMqttToken t) {}

        @Override
        public void connectComplete(boolean reconnect, String uri) {}

        @Override
        public void authPacketArrived(int code, MqttProperties p) {}
    }
}
