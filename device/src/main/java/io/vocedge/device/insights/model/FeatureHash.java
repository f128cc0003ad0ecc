package io.vocedge.device.insights.model;

/**
 * 32-bit MurmurHash3 over UTF-16 code units, built incrementally so a feature name ("prefix|word word") is hashed
 * without building the string. Fixed by this code, not by the JDK: a model file's feature ids stay valid on any JVM.
 */
final class FeatureHash {
    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;
    private int h;
    private int len;

    FeatureHash begin(String prefix) {
        h = 0x5f3759df;
        len = 0;
        return chars(prefix);
    }

    FeatureHash chars(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            ch(s.charAt(i));
        }
        return this;
    }

    /** Characters {@code from} (inclusive) to {@code to} (exclusive) of {@code s}: a substring without building it. */
    FeatureHash chars(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            ch(s.charAt(i));
        }
        return this;
    }

    FeatureHash ch(char c) {
        int k = c * C1;
        k = Integer.rotateLeft(k, 15) * C2;
        h ^= k;
        h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
        len++;
        return this;
    }

    int end() {
        int x = h ^ len;
        x ^= x >>> 16;
        x *= 0x85ebca6b;
        x ^= x >>> 13;
        x *= 0xc2b2ae35;
        x ^= x >>> 16;
        return x;
    }

    static int of(String s) {
        return new FeatureHash().begin("").chars(s).end();
    }
}
