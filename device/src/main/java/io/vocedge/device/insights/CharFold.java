package io.vocedge.device.insights;

import java.util.function.IntUnaryOperator;

/**
 * A text with every character mapped to one character ({@link TraditionalChinese}, {@link WideForms}): the same
 * length, so every offset in the result holds for the original.
 */
final class CharFold {
    private CharFold() {}

    /** {@code text} with {@code fold} applied to each character; {@code text} itself when nothing changes (no copy). */
    static String apply(String text, IntUnaryOperator fold) {
        int n = text.length();
        int i = 0;
        while (i < n && fold.applyAsInt(text.charAt(i)) == text.charAt(i)) {
            i++;
        }
        if (i == n) {
            return text;
        }
        char[] out = text.toCharArray();
        for (; i < n; i++) {
            out[i] = (char) fold.applyAsInt(out[i]);
        }
        return new String(out);
    }
}
