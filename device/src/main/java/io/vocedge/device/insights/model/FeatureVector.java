package io.vocedge.device.insights.model;

import java.util.Arrays;

/**
 * The features of one utterance: 32-bit feature hashes with values, and for each how to name it as evidence (the
 * units it covers, or a fixed term such as a lexicon word or a cue's matched text) and its word position. Grows as
 * features are added; no per-feature objects.
 */
final class FeatureVector {
    int size;
    int[] hash = new int[128];
    float[] value = new float[128];
    /** First unit of an n-gram feature, or -1 when {@link #term} names it. */
    int[] unit = new int[128];

    byte[] length = new byte[128];
    String[] term = new String[128];
    int[] pos = new int[128];
    /** The kind of feature (prefix), for readable evidence of rule features. */
    byte[] kind = new byte[128];

    void add(int h, float v, int firstUnit, int n, String fixedTerm, int position, byte k) {
        if (size == hash.length) {
            int cap = size * 2;
            hash = Arrays.copyOf(hash, cap);
            value = Arrays.copyOf(value, cap);
            unit = Arrays.copyOf(unit, cap);
            length = Arrays.copyOf(length, cap);
            term = Arrays.copyOf(term, cap);
            pos = Arrays.copyOf(pos, cap);
            kind = Arrays.copyOf(kind, cap);
        }
        hash[size] = h;
        value[size] = v;
        unit[size] = firstUnit;
        length[size] = (byte) n;
        term[size] = fixedTerm;
        pos[size] = position;
        kind[size] = k;
        size++;
    }
}
