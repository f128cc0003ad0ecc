package io.vocedge.gateway.alerts;

import java.time.Instant;
import java.util.List;

/**
 * One message to one channel: the alerts of one burst for one site (a single alert most of the time). The batch id
 * is fixed when the burst is first claimed and kept on every retry, so receivers dedupe on it ({@code webhook-id});
 * each alert keeps its own id too.
 */
public record Notification(
        String batchId, AlertsSettings.Channel channel, AlertsSettings.Site site, List<Item> alerts) {

    /** One alert as notified. {@code step} > 0: escalated to the next person on the roster. */
    public record Item(
            String alertId,
            String ruleId,
            String ruleKind,
            String severity,
            String title,
            String detail,
            String deviceId,
            String conversationId,
            Instant firedAt,
            Instant committedAt,
            String caseId,
            String owner,
            int step,
            String recipient,
            String consoleLink,
            String ackLink,
            String resolveLink) {}

    public String headline() {
        String lang = site.language();
        Item first = alerts.get(0);
        String prefix = "[" + first.severity().toUpperCase(java.util.Locale.ROOT) + "] " + MessageText.get(lang, "site")
                + " " + site.id() + ": ";
        return alerts.size() == 1 ? prefix + first.title() : prefix + MessageText.get(lang, "alerts", alerts.size());
    }

    /** Plain text body in the site's language: one block per alert with its links. */
    public String text(boolean markdown) {
        String lang = site.language();
        StringBuilder b = new StringBuilder();
        b.append(markdown ? "### " : "").append(headline()).append('\n');
        for (Item a : alerts) {
            b.append('\n')
                    .append(markdown ? "**" : "")
                    .append(a.title())
                    .append(markdown ? "**" : "")
                    .append('\n');
            if (a.step() > 0) {
                b.append(MessageText.get(lang, "escalated"))
                        .append(a.recipient() == null ? "" : " -> " + a.recipient())
                        .append('\n');
            }
            if (a.detail() != null) {
                b.append(a.detail()).append('\n');
            }
            if (a.deviceId() != null) {
                b.append(MessageText.get(lang, "device"))
                        .append(": ")
                        .append(a.deviceId())
                        .append('\n');
            }
            b.append(link(markdown, MessageText.get(lang, "open"), a.consoleLink()))
                    .append('\n');
            b.append(link(markdown, MessageText.get(lang, "ack"), a.ackLink()))
                    .append(markdown ? " | " : "\n")
                    .append(link(markdown, MessageText.get(lang, "resolve"), a.resolveLink()))
                    .append('\n');
        }
        return b.toString();
    }

    private static String link(boolean markdown, String label, String url) {
        return markdown ? "[" + label + "](" + url + ")" : label + ": " + url;
    }
}
