package io.vocedge.device.insights;

/**
 * Folds a traditional Han character to its simplified form (陳 -> 陈, 號 -> 号, 電話 -> 电话), so the redactor's cue
 * and name lists, written in simplified characters, also read Hong Kong and Taiwan text. One character to one
 * character only: the table (resources {@code names/zh-traditional.tsv}, 2,961 pairs) is OpenCC's (Apache-2.0), cut by
 * device/corpus/tools/make_traditional_map.py. Hand-written rather than a library because the only Java converters
 * (ICU4J's transliterator, OpenCC ports) bring megabytes and phrase-level rewriting, and the redactor needs a
 * character's fold at a known offset, nothing more.
 */
final class TraditionalChinese {
    /** Every traditional character in the table lies in CJK Extension A and the Unified Ideographs (U+3400-U+9FFF). */
    private static final char FIRST = '\u3400';

    private static final char LAST = '\u9fff';
    private static final char[] SIMPLIFIED = load();

    private TraditionalChinese() {}

    /** The simplified form of {@code c}, or {@code c} itself when it has none (or is simplified already). */
    static char simplified(char c) {
        if (c < FIRST || c > LAST) {
            return c;
        }
        char s = SIMPLIFIED[c - FIRST];
        return s == 0 ? c : s;
    }

    /**
     * {@code text} with every traditional character folded; the same length, so every offset holds for the original.
     * Returns {@code text} itself when nothing folds (most input: no copy).
     */
    static String fold(String text) {
        return CharFold.apply(text, c -> simplified((char) c));
    }

    private static char[] load() {
        char[] table = new char[LAST - FIRST + 1];
        for (String line : NameLists.vendoredLines("zh-traditional.tsv")) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            if (line.length() != 3 || line.charAt(1) != '\t' || line.charAt(0) < FIRST || line.charAt(0) > LAST) {
                throw new IllegalStateException(
                        "zh-traditional.tsv: not one traditional and one simplified character: " + line);
            }
            table[line.charAt(0) - FIRST] = line.charAt(2);
        }
        return table;
    }
}
