package io.vocedge.device.insights.model;

import java.util.Set;

/**
 * One labelled utterance for training or evaluation (a corpus line or an analyst's correction). {@code role},
 * {@code style} and {@code domain} may be {@code "-"} when unknown.
 */
public record Example(
        String id,
        String lang,
        String style,
        String role,
        String domain,
        Set<String> topics,
        String sentiment,
        Set<String> flags,
        String text) {
    public Example {
        topics = LookupSets.copyOf(topics);
        flags = LookupSets.copyOf(flags);
    }

    Example withLabels(Set<String> newTopics, String newSentiment, Set<String> newFlags) {
        return new Example(id, lang, style, role, domain, newTopics, newSentiment, newFlags, text);
    }
}
