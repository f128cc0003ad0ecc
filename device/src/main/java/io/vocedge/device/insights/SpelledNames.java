package io.vocedge.device.insights;

import io.vocedge.device.insights.RedactionTokens.Token;
import io.vocedge.device.insights.RedactionTokens.Type;
import io.vocedge.device.insights.model.LookupSets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A name spelled letter by letter after a word that says a name is coming ("the surname is k o w a l s k i kilo oscar
 * ...", 名字 拼音 是 Z H E N G 嗯 H A O). Letters without digits are no number or plate, so {@link SpokenNumbers}
 * leaves them; four letters at least, so "my name is a j" or a model's three-letter badge stays.
 */
final class SpelledNames {
    /** Words right before a spelled name (at most {@link #CUE_DISTANCE} tokens before its first letter). */
    static final Set<String> LATIN_CUES =
            LookupSets.of("name", "surname", "spell", "spelled", "spelt", "spelling", "names");

    static final String HAN_CUES = "名姓拼";
    private static final int CUE_DISTANCE = 4;
    private static final int MIN_LETTERS = 4;
    private static final Set<String> FILLERS = LookupSets.of("uh", "um", "er", "erm", "嗯", "呃", "-", ",", "，");

    private SpelledNames() {}

    static List<SpokenNumbers.Found> find(List<Token> tokens) {
        List<SpokenNumbers.Found> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!SpokenNumbers.isSpelledLetter(tokens.get(i))) {
                i++;
                continue;
            }
            int first = i;
            int last = i;
            int letters = 1;
            int k = i + 1;
            while (k < tokens.size()) {
                Token t = tokens.get(k);
                if (SpokenNumbers.isSpelledLetter(t)) {
                    letters++;
                    last = k;
                } else if (!FILLERS.contains(t.lower())) {
                    break;
                }
                k++;
            }
            if (letters >= MIN_LETTERS && cueBefore(tokens, first)) {
                out.add(new SpokenNumbers.Found(
                        tokens.get(first).start(), tokens.get(last).end(), "name"));
            }
            i = k;
        }
        return out;
    }

    private static boolean cueBefore(List<Token> tokens, int first) {
        for (int k = first - 1; k >= Math.max(0, first - CUE_DISTANCE); k--) {
            Token t = tokens.get(k);
            if (t.type() == Type.WORD && LATIN_CUES.contains(t.lower())
                    || t.type() == Type.HAN && HAN_CUES.indexOf(t.lower().charAt(0)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
