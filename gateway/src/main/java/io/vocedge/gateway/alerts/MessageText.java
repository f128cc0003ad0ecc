package io.vocedge.gateway.alerts;

import java.util.List;
import java.util.Map;

/**
 * Notification text in the site's language (English and Simplified Chinese so far). Only what the rule saw is said
 * (rule, site, device, topic, reason): never transcript text, which stays in the console behind a login.
 */
public final class MessageText {
    public static final List<String> LANGUAGES = List.of("en", "zh");

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en",
                    Map.ofEntries(
                            Map.entry("attention", "Conversation needs attention"),
                            Map.entry("negative_utterance", "Customer strongly negative about %s"),
                            Map.entry("staff_profanity", "Staff profanity in a conversation"),
                            Map.entry("compliance_rate", "%s rate %s over the last %s conversations (below %s)"),
                            Map.entry("topic_spike", "Spike: %s mentioned %s times in the last hour (usual %s)"),
                            Map.entry("device_offline", "Device %s offline since %s"),
                            Map.entry("outbox_stale", "Device %s has records unsent for %s"),
                            Map.entry("cert_expiry", "%s expires %s"),
                            Map.entry("escalated", "Escalated: not acknowledged in time"),
                            Map.entry("site", "Site"),
                            Map.entry("device", "Device"),
                            Map.entry("open", "Open in console"),
                            Map.entry("ack", "Acknowledge"),
                            Map.entry("resolve", "Resolve"),
                            Map.entry("alerts", "%s alerts"),
                            Map.entry("greeting", "Greeting"),
                            Map.entry("thanks", "Thanks")),
            "zh",
                    Map.ofEntries(
                            Map.entry("attention", "对话需要关注"),
                            Map.entry("negative_utterance", "客户对 %s 表达强烈不满"),
                            Map.entry("staff_profanity", "员工在对话中使用不当用语"),
                            Map.entry("compliance_rate", "最近 %3$s 次对话的%1$s率为 %2$s（低于 %4$s）"),
                            Map.entry("topic_spike", "激增：过去一小时 %s 被提及 %s 次（通常 %s 次）"),
                            Map.entry("device_offline", "设备 %s 自 %s 起离线"),
                            Map.entry("outbox_stale", "设备 %s 有记录已 %s 未上传"),
                            Map.entry("cert_expiry", "%s 将于 %s 到期"),
                            Map.entry("escalated", "已升级：未在规定时间内确认"),
                            Map.entry("site", "门店"),
                            Map.entry("device", "设备"),
                            Map.entry("open", "在控制台中打开"),
                            Map.entry("ack", "确认"),
                            Map.entry("resolve", "解决"),
                            Map.entry("alerts", "%s 条提醒"),
                            Map.entry("greeting", "问候"),
                            Map.entry("thanks", "致谢")));

    private MessageText() {}

    public static String get(String lang, String key, Object... args) {
        Map<String, String> t = TEXT.getOrDefault(lang, TEXT.get("en"));
        String pattern = t.getOrDefault(key, TEXT.get("en").getOrDefault(key, key));
        return args.length == 0 ? pattern : String.format(java.util.Locale.ROOT, pattern, args);
    }
}
