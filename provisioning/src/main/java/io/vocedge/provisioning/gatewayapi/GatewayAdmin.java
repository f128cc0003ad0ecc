package io.vocedge.provisioning.gatewayapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.common.cli.BadInputException;
import io.vocedge.protocol.Json;
import io.vocedge.provisioning.ProvisionException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tinylog.Logger;

/**
 * The gateway's admin API ({@code /admin/devices}, bearer token; gateway/README.md). Every failure names the
 * gateway, what it answered and what to check. The token is never logged.
 */
public final class GatewayAdmin {
    private final URI base;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json = Json.newMapper();

    public GatewayAdmin(String url, String token) {
        this(url, token, null);
    }

    /**
     * @param trustCa for an https:// gateway: the fleet CA (ca.pem), trusted alone; null = the JDK's default trust
     */
    public GatewayAdmin(String url, String token, Path trustCa) {
        if (url == null || !url.matches("https?://[^/\\s]+(/.*)?")) {
            throw new BadInputException(
                    "--gateway '" + url + "' is not an http(s) URL: use the gateway's HTTP address, "
                            + "e.g. https://gateway.store.example:8086 (runtime.json's http_url)");
        }
        this.base = URI.create(url.replaceAll("/+$", ""));
        this.token = token;
        HttpClient.Builder b =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)); // TCP and, for https, the TLS handshake
        if (url.startsWith("https://") && trustCa != null) {
            try {
                b.sslContext(io.vocedge.protocol.PemTls.trusting(trustCa));
            } catch (IOException e) {
                throw new ProvisionException(
                        "--gateway-ca " + trustCa + ": " + e.getMessage() + " (use the fleet CA's ca.pem)", e);
            }
        }
        this.http = b.build();
    }

    /** Reads the admin token from a file (the gateway writes it to {@code <data_dir>/admin-token}). */
    public static String readToken(Path file) {
        if (file == null) {
            throw new BadInputException(
                    "--gateway needs --gateway-token-file FILE (the gateway's <data_dir>/admin-token)");
        }
        if (!Files.isReadable(file)) {
            throw new BadInputException("token file " + file + " is missing or unreadable: copy the gateway's "
                    + "<data_dir>/admin-token and point --gateway-token-file (or --token-file) at it");
        }
        try {
            String t = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (t.isEmpty()) {
                throw new BadInputException(
                        "token file " + file + " is empty: copy the gateway's <data_dir>/admin-token");
            }
            return t;
        } catch (IOException e) {
            throw new ProvisionException("cannot read token file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Thrown when the gateway already has this device id or this name at this site (HTTP 409). */
    public static final class DuplicateException extends ProvisionException {
        private static final long serialVersionUID = 1L;

        DuplicateException(String message) {
            super(message);
        }
    }

    public void register(String deviceId, String site, String name, String fingerprint) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("device_id", deviceId);
        body.put("site", site);
        body.put("name", name);
        body.put("cert_fingerprint", fingerprint);
        HttpResponse<String> r = send("POST", "/admin/devices", body);
        if (r.statusCode() == 409) {
            throw new DuplicateException("the gateway refused the registration: " + error(r)
                    + " (nothing was written; choose another --name)");
        }
        expect(r, 201, "register device " + deviceId);
        Logger.info("event=gateway_registered device={} site={} gateway={}", deviceId, site, base);
    }

    /** @return false when the gateway does not know the device (404) */
    public boolean revoke(String deviceId) {
        HttpResponse<String> r = send("POST", "/admin/devices/" + deviceId + "/revoke", null);
        if (r.statusCode() == 404) {
            return false;
        }
        expect(r, 200, "revoke device " + deviceId);
        Logger.info("event=gateway_revoked device={} gateway={}", deviceId, base);
        return true;
    }

    /** The registry as the gateway reports it: a JSON array of devices. */
    public JsonNode devices() {
        HttpResponse<String> r = send("GET", "/admin/devices", null);
        expect(r, 200, "list devices");
        try {
            JsonNode n = json.readTree(r.body());
            if (n == null || !n.isArray()) {
                throw new ProvisionException(
                        "the gateway at " + base + " answered GET /admin/devices with something other than "
                                + "a JSON array: is --gateway the VoC gateway's HTTP address?");
            }
            return n;
        } catch (IOException e) {
            throw new ProvisionException(
                    "the gateway at " + base + " answered with invalid JSON: " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(base.getPath() + path))
                    .timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (javax.net.ssl.SSLHandshakeException e) {
            throw new ProvisionException(
                    "the gateway at " + base + " did not prove its identity: " + e.getMessage()
                            + " (its certificate must come from the fleet CA - pass --gateway-ca ca.pem - and name the host in "
                            + "--gateway, see 'gateway enroll --http-host')",
                    e);
        } catch (IOException e) {
            throw new ProvisionException(
                    "cannot reach the gateway at " + base + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                            + " (check --gateway, the network, and that the gateway runs)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisionException("interrupted while talking to the gateway at " + base, e);
        }
    }

    private void expect(HttpResponse<String> r, int code, String what) {
        if (r.statusCode() == 401) {
            throw new BadInputException("the gateway at " + base + " refused the admin token: copy the current "
                    + "<data_dir>/admin-token from the gateway into the token file");
        }
        if (r.statusCode() != code) {
            String message =
                    "the gateway at " + base + " could not " + what + ": HTTP " + r.statusCode() + " " + error(r);
            // 4xx: the gateway refused what we asked (a taken name, an unknown device): fix the input. 5xx: its
            // failure.
            if (r.statusCode() >= 400 && r.statusCode() < 500) {
                throw new BadInputException(message);
            }
            throw new ProvisionException(message);
        }
    }

    private String error(HttpResponse<String> r) {
        try {
            JsonNode n = json.readTree(r.body());
            if (n != null && n.hasNonNull("error")) {
                return n.get("error").asText();
            }
        } catch (IOException ignored) {
            // not JSON: show the start of the body
        }
        String b = r.body() == null ? "" : r.body();
        return b.length() > 200 ? b.substring(0, 200) + "..." : b;
    }

    public URI base() {
        return base;
    }
}
