package io.vocedge.gateway.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocedge.common.webhook.WebhookSigner;
import io.vocedge.gateway.alerts.AlertsSettings.Channel;
import io.vocedge.gateway.alerts.ChannelSender.DeliveryException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The HTTP channels: a Standard Webhooks signed generic webhook, the WeCom and DingTalk group-robot formats
 * (markdown messages; DingTalk's optional signed URL) and a Slack-compatible incoming webhook ({@code {"text"}}).
 * A 2xx answer is success, except WeCom and DingTalk, which answer 200 with {@code errcode} != 0 on refusal.
 */
public final class HttpChannels {
    private final HttpClient client;
    private final ObjectMapper json;
    private final Clock clock;

    public HttpChannels(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ChannelSender sender(Channel ch) {
        return switch (ch.kind()) {
            case WEBHOOK -> n -> webhook(ch, n);
            case WECOM -> n -> robot(ch, ch.url(), wecomBody(n));
            case DINGTALK -> n -> robot(ch, dingTalkUrl(ch), dingTalkBody(n));
            case SLACK -> n -> post(ch, ch.url(), slackBody(n), null);
            case SMTP -> throw new IllegalArgumentException("smtp is not an HTTP channel");
        };
    }

    /** The Standard Webhooks body: {@code {type, timestamp, data: {batch_id, site, alerts: [...]}}}. */
    byte[] webhookBody(Notification n, long ts) throws Exception {
        ObjectNode root = json.createObjectNode();
        root.put("type", "voc.alerts");
        root.put("timestamp", java.time.Instant.ofEpochSecond(ts).toString());
        ObjectNode data = root.putObject("data");
        data.put("batch_id", n.batchId());
        data.put("site", n.site().id());
        data.put("language", n.site().language());
        data.put("text", n.text(false));
        ArrayNode alerts = data.putArray("alerts");
        for (Notification.Item a : n.alerts()) {
            ObjectNode o = alerts.addObject();
            o.put("id", a.alertId());
            o.put("rule", a.ruleId());
            o.put("kind", a.ruleKind());
            o.put("severity", a.severity());
            o.put("title", a.title());
            o.put("detail", a.detail());
            o.put("device_id", a.deviceId());
            o.put("conversation_id", a.conversationId());
            o.put("fired_at", a.firedAt().toString());
            o.put("case_id", a.caseId());
            o.put("owner", a.owner());
            o.put("escalation_step", a.step());
            ObjectNode links = o.putObject("links");
            links.put("console", a.consoleLink());
            links.put("ack", a.ackLink());
            links.put("resolve", a.resolveLink());
        }
        return json.writeValueAsBytes(root);
    }

    private void webhook(Channel ch, Notification n) throws Exception {
        long ts = clock.instant().getEpochSecond();
        byte[] body = webhookBody(n, ts);
        String id = "msg_" + n.batchId();
        String sig = WebhookSigner.sign(WebhookSigner.key(ch.secret()), id, ts, body);
        post(ch, ch.url(), body, new String[] {
            "webhook-id", id, "webhook-timestamp", Long.toString(ts), "webhook-signature", sig
        });
    }

    byte[] wecomBody(Notification n) throws Exception {
        ObjectNode root = json.createObjectNode();
        root.put("msgtype", "markdown");
        root.putObject("markdown").put("content", clip(n.text(true), 4000));
        return json.writeValueAsBytes(root);
    }

    byte[] dingTalkBody(Notification n) throws Exception {
        ObjectNode root = json.createObjectNode();
        root.put("msgtype", "markdown");
        ObjectNode md = root.putObject("markdown");
        md.put("title", clip(n.headline(), 100));
        md.put("text", clip(n.text(true), 4000));
        return json.writeValueAsBytes(root);
    }

    byte[] slackBody(Notification n) throws Exception {
        ObjectNode root = json.createObjectNode();
        root.put("text", n.text(false));
        return json.writeValueAsBytes(root);
    }

    /** DingTalk's signed URL: {@code &timestamp=<ms>&sign=<urlencoded base64 HMAC-SHA256(secret, ts + "\n" + secret)>}. */
    URI dingTalkUrl(Channel ch) {
        if (ch.secret() == null) {
            return ch.url();
        }
        long ts = clock.millis();
        byte[] mac = WebhookSigner.hmac(
                ch.secret().getBytes(StandardCharsets.UTF_8),
                (ts + "\n" + ch.secret()).getBytes(StandardCharsets.UTF_8));
        String sign = URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
        return URI.create(ch.url() + "&timestamp=" + ts + "&sign=" + sign);
    }

    private void robot(Channel ch, URI url, byte[] body) throws Exception {
        String answer = post(ch, url, body, null);
        JsonNode r;
        try {
            r = json.readTree(answer);
        } catch (Exception e) {
            throw new DeliveryException("robot answered something that is not JSON");
        }
        int code = r.path("errcode").asInt(-1);
        if (code != 0) {
            throw new DeliveryException("robot refused: errcode " + code + " "
                    + clip(r.path("errmsg").asText(""), 200));
        }
    }

    private String post(Channel ch, URI url, byte[] body, String[] headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url)
                .timeout(ch.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "voc-edge-gateway")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers != null) {
            for (int i = 0; i < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
        }
        HttpResponse<String> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() / 100 != 2) {
            throw new DeliveryException("HTTP " + resp.statusCode() + " from " + url.getHost());
        }
        return resp.body();
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
