package io.vocedge.device.insights;

import java.util.Arrays;

/**
 * Two-character Chinese words of the vendored list ({@code names/zh-words-2.txt}, about 109,000 words of cppjieba's
 * dictionary): tells whether a surname character written on after another character belongs to a word instead
 * ("公司经理": 司 ends 公司; "由蒋经理": 由蒋 is no word, so 蒋 is a surname). Each word is one int (its two chars), sorted
 * and searched by bisection: about 440 KB of heap, where a hash set of strings would cost several megabytes.
 */
final class ChineseWords {
    private final int[] pairs;

    private ChineseWords(int[] pairs) {
        this.pairs = pairs;
    }

    /** The vendored list; a missing one is a build fault and fails loudly. */
    static ChineseWords load() {
        return of(NameLists.vendoredLines("zh-words-2.txt"));
    }

    static ChineseWords of(String[] lines) {
        int[] pairs = Arrays.stream(lines)
                .map(String::strip)
                .filter(w -> w.length() == 2 && w.charAt(0) != '#')
                .mapToInt(w -> key(w.charAt(0), w.charAt(1)))
                .sorted()
                .distinct()
                .toArray();
        return new ChineseWords(pairs);
    }

    private static int key(char a, char b) {
        return a << 16 | b;
    }

    int size() {
        return pairs.length;
    }

    /** Whether the two characters are a listed word. */
    boolean contains(char a, char b) {
        return Arrays.binarySearch(pairs, key(a, b)) >= 0;
    }
}
