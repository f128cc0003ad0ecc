package io.vocedge.gateway.console.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The sentences the console benchmark's synthetic conversations are made of: staff lines (greetings, thanks, help) and
 * customer lines (Chinese complaints and praise built from objects x issues, a few English lines), each with its
 * topic, sentiment and evidence word. Chinese is segmented with spaces as the devices' ASR writes it. Common
 * characters (车, 的, 了) occur in many utterances, two-character words (定金, 异响) in fewer, so the search benchmark
 * covers dense and sparse posting lists.
 */
public final class BenchPhrases {
    /** One line: who says it, language, text, sentiment, topic (or null) and the topic's evidence word. */
    public record Phrase(String speaker, String lang, String text, String sentiment, String topic, String evidence) {}

    private BenchPhrases() {}

    public static List<Phrase> staff() {
        List<Phrase> out = new ArrayList<>();
        for (String s : List.of(
                "欢迎 光临",
                "您好 请 坐",
                "请 稍等 一下",
                "我 帮 您 查 一下",
                "谢谢 您 的 耐心",
                "马上 给 您 处理",
                "这边 请",
                "您 的 车 已经 好 了",
                "感谢 您 的 光临",
                "有 什么 可以 帮 您")) {
            out.add(new Phrase("staff", "zh", s, s.contains("谢") ? "positive" : "neutral", null, null));
        }
        for (String s : List.of("welcome to our showroom", "thank you for waiting", "let me check that for you")) {
            out.add(new Phrase("staff", "en", s, "neutral", null, null));
        }
        return out;
    }

    public static List<Phrase> customer() {
        record Obj(String word, String topic) {}
        record Issue(String text, String sentiment) {}
        List<Obj> objs = List.of(
                new Obj("定金", "deposit_refund"),
                new Obj("保养", "maintenance"),
                new Obj("轮胎", "vehicle_quality"),
                new Obj("发动机", "vehicle_quality"),
                new Obj("空调", "vehicle_quality"),
                new Obj("贷款", "financing"),
                new Obj("保险", "financing"),
                new Obj("配件", "parts"),
                new Obj("交车", "delivery_delay"),
                new Obj("价格", "price"),
                new Obj("试驾", "test_drive"),
                new Obj("车", "vehicle_quality"));
        List<Issue> issues = List.of(
                new Issue("还 没 退", "negative"),
                new Issue("一直 没 到", "negative"),
                new Issue("有 异响", "negative"),
                new Issue("太 贵 了", "negative"),
                new Issue("等 了 很久", "negative"),
                new Issue("没 人 管", "negative"),
                new Issue("挺 好 的", "positive"),
                new Issue("怎么 办理", "neutral"),
                new Issue("什么 时候 能 好", "neutral"),
                new Issue("比 别家 便宜", "positive"));
        List<Phrase> out = new ArrayList<>();
        for (Obj o : objs) {
            for (Issue i : issues) {
                out.add(new Phrase(
                        "customer", "zh", "我 的 " + o.word() + " " + i.text(), i.sentiment(), o.topic(), o.word()));
            }
        }
        out.add(new Phrase(
                "customer", "en", "the refund for my deposit is late", "negative", "deposit_refund", "refund"));
        out.add(new Phrase(
                "customer", "en", "the car makes a noise when braking", "negative", "vehicle_quality", "noise"));
        out.add(new Phrase(
                "customer", "en", "delivery keeps slipping again", "negative", "delivery_delay", "delivery"));
        out.add(new Phrase("customer", "en", "great service thank you", "positive", null, null));
        out.add(new Phrase("customer", "zh", "我 要 投诉 你们 经理", "negative", "complaint", "投诉"));
        return out;
    }
}
