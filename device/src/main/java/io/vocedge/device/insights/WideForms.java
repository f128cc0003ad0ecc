package io.vocedge.device.insights;

/**
 * Folds the typed variants of ASCII that phones and Chinese input methods write to ASCII, so the redactor's patterns
 * read them: full-width digits and letters (１３８, ｅｘｐ, ＡＢ), the full-width signs that sit inside numbers and
 * mailboxes and form fields (／ － ＋ ＠ ． ＃ ＝), the hyphens that are not ASCII (non-breaking U+2011, U+2010, the figure dash, the minus
 * sign) and the spaces that are not ASCII (no-break, narrow no-break, figure, ideographic). One character to one, so
 * every offset holds and the output is cut from the original.
 *
 * <p>Full-width punctuation that Chinese text uses as its own (，。：；？！（）) is left alone: the Chinese cues are
 * written with it.
 */
final class WideForms {
    private WideForms() {}

    /** {@code text} with every wide form folded; {@code text} itself when nothing folds (most input: no copy). */
    static String fold(String text) {
        return CharFold.apply(text, c -> ascii((char) c));
    }

    /** The ASCII form of {@code c}, or {@code c} itself. */
    static char ascii(char c) {
        if (c < '\u00a0') {
            return c;
        }
        if (c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ') {
            return (char) (c - '！' + '!');
        }
        return switch (c) {
            case '／' -> '/';
            case '－', '\u2010', '\u2011', '\u2012', '\u2212' -> '-';
            case '＋' -> '+';
            case '＠' -> '@';
            case '．' -> '.';
            case '＃' -> '#';
            case '＝' -> '='; // a form's field: ｅｘｐ＝１１／２６
            case '\u00a0', '\u2007', '\u202f', '\u3000' -> ' ';
            default -> c;
        };
    }
}
