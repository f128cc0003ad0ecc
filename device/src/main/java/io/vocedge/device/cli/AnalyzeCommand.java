package io.vocedge.device.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocedge.device.insights.BundledModel;
import io.vocedge.device.insights.InsightEngine;
import io.vocedge.device.insights.Lexicon;
import io.vocedge.device.insights.Redactor;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.TopicHit;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code analyze}: stdin, one utterance per line (plain text or JSON with {@code text}, optional {@code lang},
 * {@code id}, {@code speaker}); stdout, one JSON line per input with {@code id}, {@code topics}, {@code sentiment},
 * {@code score}, {@code redacted_text} (and {@code redactions}, {@code flags}, {@code evidence}, {@code lang},
 * {@code lexicon_version}; with the model also {@code confidence}, {@code topic_confidence},
 * {@code sentiment_evidence}, {@code flag_evidence}, {@code model_version}). Evidence items are {@code term},
 * {@code pos} and, from the model, {@code weight}. A bad line gets an {@code error} line; the rest goes on.
 */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = "Analyse utterances from stdin (text or JSON lines) and print one JSON line each.")
final class AnalyzeCommand implements Callable<Integer> {
    @Option(names = "--lang", description = "zh or en for every line (default: per line 'lang', else detected)")
    String lang;

    @Option(names = "--lexicon", description = "lexicon YAML (default: the built-in one)")
    Path lexicon;

    @Option(names = "--model", description = "model file (default: the built-in one)")
    Path model;

    @Option(names = "--rules-only", description = "the lexicon rules without the learned model")
    boolean rulesOnly;

    @Override
    public Integer call() throws Exception {
        if (lang != null && !lang.equals("zh") && !lang.equals("en")) {
            throw new IllegalArgumentException("--lang " + lang + ": use zh or en");
        }
        InsightEngine engine = new InsightEngine(
                new Redactor(),
                lexicon == null ? Lexicon.loadDefault() : Lexicon.load(lexicon),
                rulesOnly ? null : model == null ? BundledModel.load() : BundledModel.load(model));
        ObjectMapper json = Json.newMapper();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            ObjectNode result = json.createObjectNode();
            String text = line;
            String lineLang = lang;
            String speaker = null;
            try {
                if (line.stripLeading().startsWith("{")) {
                    JsonNode node = json.readTree(line);
                    if (node.hasNonNull("id")) {
                        result.set("id", node.get("id"));
                    }
                    if (!node.hasNonNull("text")) {
                        throw new IllegalArgumentException("JSON input needs a \"text\" field");
                    }
                    text = node.get("text").asText();
                    if (lineLang == null && node.hasNonNull("lang")) {
                        lineLang = node.get("lang").asText();
                    }
                    if (node.hasNonNull("speaker")) {
                        result.set("speaker", node.get("speaker"));
                        speaker = node.get("speaker").asText();
                    }
                }
                InsightEngine.Analysis a = engine.analyze(text, lineLang, speaker);
                var topics = result.putArray("topics");
                a.topicIds().forEach(topics::add);
                result.put("sentiment", a.sentiment().label().wireName());
                result.put("score", a.sentiment().score());
                if (a.sentiment().confidence() != null) {
                    result.put("confidence", a.sentiment().confidence());
                    putEvidence(result.putArray("sentiment_evidence"), a.sentimentEvidence());
                }
                result.put("redacted_text", a.redactedText());
                result.put("lang", a.lang());
                var kinds = result.putArray("redactions");
                a.redactions().forEach(kinds::add);
                var flags = result.putArray("flags");
                a.flags().forEach(flags::add);
                ObjectNode evidence = result.putObject("evidence");
                ObjectNode topicConfidence = json.createObjectNode();
                for (TopicHit t : a.topics()) {
                    putEvidence(evidence.putArray(t.id()), t.evidence());
                    if (t.confidence() != null) {
                        topicConfidence.put(t.id(), t.confidence());
                    }
                }
                if (!topicConfidence.isEmpty()) {
                    result.set("topic_confidence", topicConfidence);
                }
                if (!a.flagEvidence().isEmpty()) {
                    ObjectNode fe = result.putObject("flag_evidence");
                    a.flagEvidence().forEach((f, ev) -> putEvidence(fe.putArray(f), ev));
                }
                result.put("lexicon_version", a.lexiconVersion());
                if (a.modelVersion() != null) {
                    result.put("model_version", a.modelVersion());
                }
            } catch (Exception e) {
                result.put(
                        "error",
                        "line " + n + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
            }
            out.println(json.writeValueAsString(result));
        }
        out.flush();
        return 0;
    }

    private static void putEvidence(
            com.fasterxml.jackson.databind.node.ArrayNode arr, java.util.List<TopicHit.Evidence> ev) {
        for (TopicHit.Evidence e : ev) {
            ObjectNode o = arr.addObject().put("term", e.term()).put("pos", e.pos());
            if (e.weight() != null) {
                o.put("weight", e.weight());
            }
        }
    }
}
