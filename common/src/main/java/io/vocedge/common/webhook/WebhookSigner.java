package io.vocedge.common.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code webhook-signature: v1,<base64(HMAC-SHA256(key, id + "." + timestamp + "." +
 * body))>}. The key is the base64 after {@code whsec_} (the spec's form), or the secret's UTF-8 bytes otherwise.
 */
public final class WebhookSigner {
    private WebhookSigner() {}

    /** The signing key, or null when the secret is too weak or not valid whsec_ base64. */
    public static byte[] key(String secret) {
        if (secret == null) {
            return null;
        }
        if (secret.startsWith("whsec_")) {
            try {
                byte[] k = Base64.getDecoder().decode(secret.substring(6));
                return k.length >= 24 ? k : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return secret.length() >= 24 ? secret.getBytes(StandardCharsets.UTF_8) : null;
    }

    public static String sign(byte[] key, String id, long timestampSeconds, byte[] body) {
        byte[] prefix = (id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, prefix, body));
    }

    public static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
