package io.vocedge.device.insights.model;

import java.util.List;

/**
 * The model's outputs ("heads"): three sentiment classes (one softmax), one yes/no head per topic and per flag.
 * Topic and flag ids are stored in the model file, so a model names what it predicts.
 */
record Labels(List<String> topics, List<String> flags) {
    static final List<String> SENTIMENTS = List.of("negative", "neutral", "positive");
    static final int SENTIMENT_HEADS = 3;

    Labels {
        topics = List.copyOf(topics);
        flags = List.copyOf(flags);
    }

    int heads() {
        return SENTIMENT_HEADS + topics.size() + flags.size();
    }

    int topicHead(int t) {
        return SENTIMENT_HEADS + t;
    }

    int flagHead(int f) {
        return SENTIMENT_HEADS + topics.size() + f;
    }

    /** Yes/no heads (topics then flags). */
    int binaryHeads() {
        return topics.size() + flags.size();
    }
}
