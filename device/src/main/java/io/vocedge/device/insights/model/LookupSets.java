package io.vocedge.device.insights.model;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Read-only sets for the word lists the engine probes on every token, most of the time with a word that is not in
 * them. {@code Set.of} calls {@code equals} on every occupied slot a probe passes; a {@link HashSet} first compares
 * the strings' cached hashes, so a miss rarely compares characters. Under C1 (the agent's compiler) that makes such
 * lookups about 1.5 times as fast, and set lookups were about a sixth of the engine's time (BENCHMARKS.md, issue 15
 * throughput). Unlike {@code Set.of}, duplicates are accepted and {@code contains(null)} is false.
 */
public final class LookupSets {
    private LookupSets() {}

    @SafeVarargs
    public static <T> Set<T> of(T... elements) {
        Set<T> s = HashSet.newHashSet(elements.length);
        for (T e : elements) {
            s.add(e);
        }
        return Collections.unmodifiableSet(s);
    }

    public static <T> Set<T> copyOf(Collection<? extends T> elements) {
        return Collections.unmodifiableSet(new HashSet<>(elements));
    }

    /** A read-only {@link HashMap} for word-keyed tables probed the same way. */
    @SafeVarargs
    public static <K, V> Map<K, V> mapOf(Map.Entry<K, V>... entries) {
        Map<K, V> m = HashMap.newHashMap(entries.length);
        for (Map.Entry<K, V> e : entries) {
            m.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(m);
    }
}
