package io.vocedge.device.insights;

import io.vocedge.device.insights.RedactionTokens.Token;
import io.vocedge.device.insights.RedactionTokens.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hong Kong and Taiwan names written in English: a surname and two given syllables, each a word ("Chan Tai Man", "ho
 * wing sze", "Lin Yu-ting", "CHEUNG MEI LING"). The name rules take the surname and often one syllable; this takes
 * the rest of a name already found: up to two given syllables after it (a hyphen may join them), and a surname right
 * before it written in capitals or with a capital. It never starts a name by itself, so "the man on the phone" stays.
 */
final class RomanisedNames {
    private RomanisedNames() {}

    /** Surnames in Hong Kong (Cantonese) and Taiwan (Wade-Giles) spelling. */
    private static final Set<String> SURNAMES = NameLists.words("""
            chan wong cheung lau leung lee li ho tsang kwan szeto chu lam ng yip tse yeung chow fung lai mak kwok tang
            tam tsui choi cheng lo law lui siu tong wan yuen hui fong poon au ko kong ma pang shek sin sit tsoi wu yu yau
            chung chiu hung kam ku kung mok ngai pun sham shum tsai wai yim yung chau chiang ching koo liu mui ngan tin
            tung yiu chen lin huang chang wang hsu hsieh kuo tseng liao chou yeh su chuang lu kao chien shih fang
            """);

    /** Given-name syllables in the same spellings. */
    private static final Set<String> GIVEN = NameLists.words("""
            ka kar wing wai chi man yan yin yee yi ming kin hin tsz sze see lok fai kit ho hei hay ching kwan lun mei ling
            yiu yuk shing chun keung kwok hung kam pui suet wah fung tak hoi lai kei on long tung chung sum shan siu wun
            yung yau kwong leung lam chiu hon kuen ying yuen nga po bo bing cheuk chit choi foon hau hong kai king kiu kok
            kung lit lung mo mui nam ngai ngan oi pak ping sai san sau shek sing sun tat ting to tsun wa wan wang wo yat
            yeung yip yuet yun tai yu hsin hsiu chih chen chieh hui wei hao hsuan han an jung tzu shu fen hua cheng yen pei
            chia jen wen lan fang ju hsiang chiao chuan yung
            """);

    private static boolean syllable(Token t) {
        return t.type() == Type.WORD && GIVEN.contains(t.lower());
    }

    /**
     * The rest of each found name ({@code names}: the first and last token of each name span): spans to add, of kind
     * {@code name}.
     */
    static List<SpokenNumbers.Found> rest(List<Token> tokens, List<int[]> names) {
        List<SpokenNumbers.Found> out = new ArrayList<>();
        for (int[] name : names) {
            int first = name[0];
            int last = name[1];
            boolean romanised = true;
            for (int k = first; k <= last; k++) {
                Token t = tokens.get(k);
                romanised &= t.type() == Type.WORD && (SURNAMES.contains(t.lower()) || GIVEN.contains(t.lower()))
                        || t.is("-");
            }
            if (!romanised) {
                continue; // "Peter man ..." or a Chinese name: nothing of this kind to finish
            }
            int end = last;
            int given = 0;
            for (int k = first; k <= last; k++) {
                given += GIVEN.contains(tokens.get(k).lower()) && k > first ? 1 : 0;
            }
            int k = last + 1;
            while (given < 2 && k < tokens.size()) {
                Token t = tokens.get(k);
                if (t.is("-")
                        && k + 1 < tokens.size()
                        && t.start() == tokens.get(k - 1).end()) {
                    k++; // "yu-ting"
                    continue;
                }
                if (!syllable(t)) {
                    break;
                }
                end = k;
                given++;
                k++;
            }
            if (end > last) {
                out.add(new SpokenNumbers.Found(
                        tokens.get(last + 1).start(), tokens.get(end).end(), "name"));
            }
            if (first > 0) {
                Token before = tokens.get(first - 1);
                String raw = before.raw();
                boolean written = raw.length() > 1 && Character.isUpperCase(raw.charAt(0));
                if (before.type() == Type.WORD
                        && SURNAMES.contains(before.lower())
                        && written
                        && GIVEN.contains(tokens.get(first).lower())) {
                    out.add(new SpokenNumbers.Found(before.start(), before.end(), "name")); // "CHEUNG <name>"
                }
            }
        }
        return out;
    }
}
