package io.vocedge.gateway.alerts;

import io.vocedge.common.webhook.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Signed, expiring links in notifications: {@code /alerts/cases/{id}/{ack|resolve}?exp=<epoch s>&sig=<base64url
 * HMAC-SHA256(key, id|action|exp)>}. Opening one shows a confirmation page; only its POST changes the case (chat apps
 * open links for previews). The key lives in the data dir (or {@code alerts.link_secret}).
 */
public final class CaseLinks {
    private final byte[] key;
    private final java.util.function.Supplier<String> baseUrl;
    private final Duration validity;

    /** {@code baseUrl}: the console's base URL (config), else the gateway's HTTP URL once the server is up. */
    public CaseLinks(byte[] key, java.util.function.Supplier<String> baseUrl, Duration validity) {
        this.key = key.clone();
        this.baseUrl = baseUrl;
        this.validity = validity;
    }

    private String base() {
        String b = baseUrl.get();
        return b == null ? "" : b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    public String console(String caseId) {
        return base() + "/console/cases/" + caseId;
    }

    public String action(String caseId, String action, Instant now) {
        long exp = now.plus(validity).getEpochSecond();
        return base() + "/alerts/cases/" + caseId + "/" + action + "?exp=" + exp + "&sig=" + sign(caseId, action, exp);
    }

    String sign(String caseId, String action, long exp) {
        byte[] mac = WebhookSigner.hmac(key, (caseId + "|" + action + "|" + exp).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /** True when the signature matches (constant time) and the link has not expired. */
    public boolean valid(String caseId, String action, String expText, String sig, Instant now) {
        if (caseId == null || action == null || expText == null || sig == null || !expText.matches("\\d{1,12}")) {
            return false;
        }
        long exp = Long.parseLong(expText);
        if (now.getEpochSecond() > exp) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(caseId, action, exp).getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII));
    }
}
