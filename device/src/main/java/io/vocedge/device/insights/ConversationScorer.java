package io.vocedge.device.insights;

import io.vocedge.device.insights.model.LookupSets;
import io.vocedge.protocol.ConversationSummary;
import io.vocedge.protocol.Sentiment;
import io.vocedge.protocol.SpeakerRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a finished conversation: topic counts, sentiment per role, a peak-end experience score (people remember
 * the most intense moment and the ending), the staff compliance checklist, the intent flags counted, and whether a
 * manager should follow up. Attention, first reason that applies: a customer (or unknown speaker) asked for a manager
 * or threatened a complaint ({@code escalation}); was strongly negative on deposit, delivery, financing, after-sales
 * or trade-in; said they would buy elsewhere or not come back ({@code churn_risk}); a negative peak-end experience;
 * profanity.
 */
public final class ConversationScorer {
    /** Topics where a strongly negative customer needs a manager's call. */
    private static final Set<String> ESCALATE =
            LookupSets.of("deposit_contract", "delivery", "financing", "after_sales", "trade_in");

    static final List<String> INTENT_FLAGS = List.of("escalation", "churn_risk");
    private static final int GREETING_WINDOW = 3;
    private static final int THANKS_WINDOW = 3;

    /** One analysed utterance of the conversation. */
    public record Turn(SpeakerRole speaker, InsightEngine.Analysis analysis) {}

    /** The scored parts of a {@code voc.conversation/1} summary. */
    public record Score(
            Map<String, Integer> topicCounts,
            Map<String, Sentiment> sentimentByRole,
            Double experienceScore,
            ConversationSummary.Compliance compliance,
            ConversationSummary.Attention attention,
            Map<String, Integer> flagCounts) {}

    public Score score(List<Turn> turns) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        Map<String, List<Double>> byRole = new LinkedHashMap<>();
        Map<String, Integer> flagCounts = new LinkedHashMap<>();
        for (Turn t : turns) {
            t.analysis().topicIds().forEach(id -> topics.merge(id, 1, Integer::sum));
            t.analysis().flags().stream()
                    .filter(INTENT_FLAGS::contains)
                    .forEach(f -> flagCounts.merge(f, 1, Integer::sum));
            byRole.computeIfAbsent(t.speaker().wireName(), k -> new ArrayList<>())
                    .add(t.analysis().sentiment().score());
        }
        Map<String, Sentiment> sentimentByRole = new LinkedHashMap<>();
        byRole.forEach((role, scores) -> sentimentByRole.put(
                role,
                InsightEngine.sentiment(atanh(scores.stream()
                                .mapToDouble(Double::doubleValue)
                                .average()
                                .orElse(0))
                        * 1.5)));

        List<Turn> customer =
                turns.stream().filter(t -> t.speaker() == SpeakerRole.CUSTOMER).toList();
        List<Turn> judged = customer.isEmpty()
                ? turns.stream().filter(t -> t.speaker() != SpeakerRole.STAFF).toList()
                : customer;
        Double experience = null;
        if (!judged.isEmpty()) {
            double peak = 0;
            for (Turn t : judged) {
                double s = t.analysis().sentiment().score();
                if (Math.abs(s) > Math.abs(peak)) {
                    peak = s;
                }
            }
            double end = judged.get(judged.size() - 1).analysis().sentiment().score();
            experience = Math.round(Math.max(-1, Math.min(1, (peak + end) / 2)) * 1000) / 1000.0;
        }

        boolean greeting = false;
        boolean thanks = false;
        boolean profanity = false;
        for (int i = 0; i < turns.size(); i++) {
            Turn t = turns.get(i);
            boolean staffSide = t.speaker() != SpeakerRole.CUSTOMER;
            greeting |= staffSide && i < GREETING_WINDOW && t.analysis().flags().contains("greeting");
            thanks |= staffSide
                    && i >= turns.size() - THANKS_WINDOW
                    && t.analysis().flags().contains("thanks");
            profanity |= t.analysis().flags().contains("profanity");
        }

        String reason = null;
        for (Turn t : judged) {
            if (t.analysis().flags().contains("escalation")) {
                reason = "escalation: customer asked for a manager or threatened a complaint";
                break;
            }
        }
        for (Turn t : reason == null ? judged : List.<Turn>of()) {
            if (t.analysis().sentiment().score() <= -0.5) {
                for (String id : t.analysis().topicIds()) {
                    if (ESCALATE.contains(id)) {
                        reason = "strongly negative customer on " + id;
                        break;
                    }
                }
            }
            if (reason != null) {
                break;
            }
        }
        if (reason == null && judged.stream().anyMatch(t -> t.analysis().flags().contains("churn_risk"))) {
            reason = "churn risk: customer said they would buy elsewhere or not come back";
        }
        if (reason == null && experience != null && experience <= -0.5) {
            reason = "negative overall experience (peak-end " + experience + ")";
        }
        if (reason == null && profanity) {
            reason = "profanity in the conversation";
        }
        return new Score(
                topics,
                sentimentByRole,
                experience,
                new ConversationSummary.Compliance(greeting, thanks, !profanity),
                new ConversationSummary.Attention(reason != null, reason),
                flagCounts);
    }

    private static double atanh(double x) {
        double c = Math.max(-0.999, Math.min(0.999, x));
        return 0.5 * Math.log((1 + c) / (1 - c));
    }
}
