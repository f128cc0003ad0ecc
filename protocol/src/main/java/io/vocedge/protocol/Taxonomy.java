package io.vocedge.protocol;

import java.util.List;

/** The topic and flag ids of shared/TAXONOMY.md v2: part of the wire contract, never renamed. */
public final class Taxonomy {
    public static final List<String> TOPICS = List.of(
            "delivery",
            "deposit_contract",
            "staff_attitude",
            "price_discount",
            "advisor_competence",
            "test_drive",
            "waiting_time",
            "stock_availability",
            "after_sales",
            "financing",
            "facility",
            "greeting",
            "thanks",
            "profanity",
            "trade_in");
    public static final List<String> FLAGS = List.of("escalation", "churn_risk");
    public static final List<String> SENTIMENTS = List.of("negative", "neutral", "positive");

    private Taxonomy() {}
}
