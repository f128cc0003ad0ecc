package io.vocedge.device.insights;

import io.vocedge.device.insights.model.LookupSets;
import java.util.List;
import java.util.Set;

/**
 * What {@link PiiTagger} sees: runs of candidate tokens (digits, digit words, 幺 / 两, single letters, letter names,
 * radio letters, short capitals, "double" / "triple"), bridged across at most two fillers or separators ("uh",
 * "then", a comma, 杠), and for each candidate token a set of hashed features: its class and word, its neighbours in
 * the run, the run's length in digits and letters, the words before and after the run and a bag of the words (and
 * Chinese character pairs) around it. A run holding fewer than three digits or letters is never personal data here
 * and is skipped: "one of your staff", "two cars".
 */
final class PiiTokenFeatures {
    /** Changes whenever a feature, a word list or the run rules change: a new version names a new tagger. */
    static final int VERSION = 5;

    interface RunConsumer {
        /** {@code run}: token indexes of the run's candidates; {@code features}: their hashed features. */
        void accept(int[] run, RunFeatures features);
    }

    /**
     * The features of one run: those every token of the run shares (its length, the words around it), then each
     * token's own. A token's features are {@code shared} followed by {@code own[k]}, in that order (the tagger scores
     * the shared part once per run).
     */
    record RunFeatures(int[] shared, int[][] own) {
        /** Every feature of the run's {@code k}-th token. */
        int[] all(int k) {
            int[] out = java.util.Arrays.copyOf(shared, shared.length + own[k].length);
            System.arraycopy(own[k], 0, out, shared.length, own[k].length);
            return out;
        }
    }

    /** Words a recognizer writes for digits ("for" for four): candidates of their own class (mostly just words). */
    private static final Set<String> HOMOPHONES = LookupSets.of("won", "too", "for", "ate");

    private static final Set<String> MAGNITUDES = LookupSets.of("hundred", "thousand", "grand", "k", "million");
    private static final Set<String> REPEATS = LookupSets.of("double", "triple", "treble", "quadruple");
    private static final Set<String> LETTER_NAMES = LookupSets.of(
            "bee", "cee", "dee", "ef", "eff", "gee", "aitch", "haitch", "jay", "kay", "ell", "pee", "tee", "vee", "zed",
            "zee", "dub", "ess", "wye");
    private static final Set<String> RADIO = LookupSets.of(
            "alpha",
            "alfa",
            "bravo",
            "charlie",
            "delta",
            "echo",
            "foxtrot",
            "golf",
            "hotel",
            "india",
            "juliet",
            "juliett",
            "kilo",
            "lima",
            "mike",
            "november",
            "oscar",
            "papa",
            "quebec",
            "romeo",
            "sierra",
            "tango",
            "uniform",
            "victor",
            "whiskey",
            "whisky",
            "xray",
            "yankee",
            "zulu");
    /** Radio readings of 七 and 九; a candidate like any digit (衣 / 依 are left to the rules: 衣服). */
    private static final Set<String> RADIO_HAN_DIGITS = LookupSets.of("拐", "勾");

    private static final Set<String> HAN_MAGNITUDES = LookupSets.of("十", "百", "千", "万", "萬", "亿");
    /** Words and marks a number is read across: "four five, uh, six", "138 - 1234", "幺 三 八 呃 ...". */
    private static final Set<String> BRIDGES = LookupSets.of(
            ",", "，", "、", "-", "–", "—", "/", "(", ")", ".", "·", "_", ":", "uh", "um", "er", "erm", "ah", "mm", "hm",
            "then", "and", "dash", "hyphen", "space", "sorry", "no", "like", "is", "杠", "呃", "嗯", "啊", "那个", "然后", "是");

    // feature templates
    private static final int BIAS = 1;
    private static final int CLS = 2;
    private static final int WORD = 3;
    private static final int PREV_CLS = 4;
    private static final int NEXT_CLS = 5;
    private static final int PREV_WORD = 6;
    private static final int NEXT_WORD = 7;
    private static final int UNITS = 8;
    private static final int COUNT = 9;
    private static final int MIX = 10;
    private static final int POSITION = 11;
    private static final int BEFORE1 = 12;
    private static final int BEFORE2 = 13;
    private static final int BEFORE12 = 14;
    private static final int AFTER1 = 15;
    private static final int AFTER2 = 16;
    private static final int AFTER12 = 17;
    private static final int BAG_BEFORE = 18;
    private static final int BAG_AFTER = 19;
    private static final int UNITS_BEFORE1 = 20;
    private static final int UNITS_AFTER1 = 21;
    private static final int CLS_UNITS = 22;
    private static final int BAG_BEFORE_UNITS = 23;
    private static final int TOTAL_TOKENS = 24;
    private static final int BEFORE3 = 25;

    /**
     * Words read before a run: 12 (from 8) caught 6 more spans in leave-one-file-out for one kept span more lost; 16
     * and 20 lost more kept spans, word prefixes and word pairs added nothing.
     */
    private static final int BAG_BEFORE_WIDTH = 12;

    private static final int BAG_AFTER_WIDTH = 4;
    private static final int MIN_UNITS = 3;

    private PiiTokenFeatures() {}

    /** The candidate class of a token, or null when it cannot be part of a number, plate or code. */
    static String classOf(RedactionTokens.Token t) {
        String w = t.lower();
        switch (t.type()) {
            case DIGITS:
                return w.length() >= 10 ? "d10" : w.length() >= 7 ? "d7" : w.length() >= 5 ? "d5" : "d" + w.length();
            case AMOUNT:
                return "amt";
            case ALNUM:
                return "an" + shape(t.raw());
            case HAN:
                return SpokenNumbers.hanDigitValue(w) != null || RADIO_HAN_DIGITS.contains(w)
                        ? "hd"
                        : HAN_MAGNITUDES.contains(w) ? "hm" : null;
            case WORD:
                if (SpokenNumbers.digitWordValue(w) != null || w.equals("nein")) {
                    return "nw";
                }
                if (HOMOPHONES.contains(w)) {
                    return "hom";
                }
                if (SpokenNumbers.isTeen(w)) {
                    return "teen";
                }
                if (SpokenNumbers.isTens(w)) {
                    return "tens";
                }
                if (MAGNITUDES.contains(w)) {
                    return "mag";
                }
                if (REPEATS.contains(w)) {
                    return "rep";
                }
                if (w.length() == 1) {
                    return w.equals("a") || w.equals("i") ? "la" : isUpper(t.raw()) ? "lU" : "l";
                }
                if (LETTER_NAMES.contains(w)) {
                    return "ln";
                }
                if (RADIO.contains(w)) {
                    return "radio";
                }
                if (w.length() <= 3 && isUpper(t.raw())) {
                    return "up" + w.length();
                }
                return null;
            default:
                return null;
        }
    }

    private static boolean allCovered(List<RedactionTokens.Token> tokens, int[] run, boolean[] covered) {
        if (covered == null) {
            return false;
        }
        for (int k : run) {
            if (!covered[tokens.get(k).start()]) {
                return false;
            }
        }
        return true;
    }

    /** "@163.com" with no mailbox before it: a mail provider named, not an address. */
    private static boolean atSign(RedactionTokens.Token t) {
        return t.type() == RedactionTokens.Type.PUNCT
                && (t.raw().equals("@") || t.raw().equals("＠"));
    }

    /**
     * "one two three four five six ...", "一 二 三 四 五": counting, not a number anybody owns; "a b c" or "a b c d"
     * alone: the alphabet's start, an example ("the letters on the form are a b c").
     */
    private static boolean counting(List<RedactionTokens.Token> tokens, int[] run) {
        if (alphabetStart(tokens, run)) {
            return true;
        }
        int seen = 0;
        int last = -2;
        for (int k : run) {
            RedactionTokens.Token t = tokens.get(k);
            Integer v = SpokenNumbers.digitWordValue(t.lower());
            if (v == null) {
                v = SpokenNumbers.hanDigitValue(t.lower());
            }
            if (v == null
                    && t.type() == RedactionTokens.Type.DIGITS
                    && t.lower().length() == 1) {
                v = t.lower().charAt(0) - '0';
            }
            if (v == null) {
                continue;
            }
            if (seen > 0 && v != last + 1) {
                return false;
            }
            seen++;
            last = v;
        }
        return seen >= 5;
    }

    private static boolean alphabetStart(List<RedactionTokens.Token> tokens, int[] run) {
        if (run.length < 3) {
            return false;
        }
        for (int k = 0; k < run.length; k++) {
            String w = tokens.get(run[k]).lower();
            if (w.length() != 1 || w.charAt(0) != 'a' + k) {
                return false;
            }
        }
        return true;
    }

    /** Digits or letters a candidate token stands for, roughly ("fifty" two, "4821" four); 0 for any other token. */
    static int units(RedactionTokens.Token t) {
        String cls = classOf(t);
        return cls == null ? 0 : units(t, cls);
    }

    private static int units(RedactionTokens.Token t, String cls) {
        return switch (cls) {
            case "teen", "tens" -> 2;
            case "rep" -> 1;
            case "mag", "hm" -> 0;
            case "amt" -> 0;
            default ->
                t.type() == RedactionTokens.Type.DIGITS || t.type() == RedactionTokens.Type.ALNUM
                        ? t.lower().length()
                        : cls.startsWith("up") ? t.lower().length() : 1;
        };
    }

    private static String shape(String raw) {
        StringBuilder sb = new StringBuilder(6);
        char last = 0;
        for (int i = 0; i < raw.length() && sb.length() < 6; i++) {
            char c = raw.charAt(i);
            char s = Character.isDigit(c) ? '9' : Character.isUpperCase(c) ? 'A' : Character.isLetter(c) ? 'a' : c;
            if (s != last) {
                sb.append(s);
                last = s;
            }
        }
        return sb.toString();
    }

    private static boolean isUpper(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (!Character.isUpperCase(raw.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Calls {@code consumer} for every run of at least three digits or letters. The rules' decisions are not
     * features: the rules were written on the same dev cases the tagger learns from, so in training they look nearly
     * always right and a tagger given them learns to defer (leave-one-author-out: under half the recall gain,
     * device/README.md).
     */
    static void forEachRun(List<RedactionTokens.Token> tokens, RunConsumer consumer) {
        forEachRun(tokens, null, consumer);
    }

    /** As above, skipping runs whose every token is in {@code covered} (already removed: nothing to decide). */
    static void forEachRun(List<RedactionTokens.Token> tokens, boolean[] covered, RunConsumer consumer) {
        int n = tokens.size();
        String[] cls = new String[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            cls[i] = i > 0 && atSign(tokens.get(i - 1)) ? null : classOf(tokens.get(i));
            any |= cls[i] != null;
        }
        if (!any) {
            return;
        }
        int i = 0;
        int[] buf = new int[n];
        while (i < n) {
            if (cls[i] == null) {
                i++;
                continue;
            }
            int count = 0;
            buf[count++] = i;
            int last = i;
            int j = i + 1;
            while (j < n) {
                if (cls[j] != null) {
                    buf[count++] = j;
                    last = j;
                    j++;
                } else if (j - last <= 2 && BRIDGES.contains(tokens.get(j).lower())) {
                    j++;
                } else {
                    break;
                }
            }
            int[] run = java.util.Arrays.copyOf(buf, count);
            int units = 0;
            for (int k : run) {
                units += units(tokens.get(k), cls[k]);
            }
            if (units >= MIN_UNITS && !allCovered(tokens, run, covered) && !counting(tokens, run)) {
                consumer.accept(run, features(tokens, cls, run, units));
            }
            i = last + 1;
        }
    }

    private static RunFeatures features(List<RedactionTokens.Token> tokens, String[] cls, int[] run, int units) {
        int first = run[0];
        int last = run[run.length - 1];
        int n = tokens.size();
        String b1 = word(tokens, first - 1);
        String b2 = word(tokens, first - 2);
        String b3 = word(tokens, first - 3);
        String a1 = word(tokens, last + 1);
        String a2 = word(tokens, last + 2);
        String unitBucket = bucket(units);
        String countBucket = bucket(run.length);
        boolean letters = false;
        boolean digits = false;
        for (int k : run) {
            String c = cls[k];
            if (c.startsWith("l") || c.startsWith("up") || c.equals("radio") || c.startsWith("an")) {
                letters = true;
            }
            if (!c.startsWith("l") && !c.startsWith("up") && !c.equals("radio")) {
                digits = true;
            }
        }
        String mix = letters && digits ? "mix" : letters ? "letters" : "digits";
        // shared features of the run
        // 14 fixed, up to 3 per word before (word, word and length, Han pair), 2 per word after
        int[] shared = new int[14 + 3 * BAG_BEFORE_WIDTH + 2 * BAG_AFTER_WIDTH];
        int s = 0;
        shared[s++] = mix(BIAS, 0);
        shared[s++] = mix(UNITS, unitBucket.hashCode());
        shared[s++] = mix(COUNT, countBucket.hashCode());
        shared[s++] = mix(MIX, mix.hashCode() ^ unitBucket.hashCode() * 31);
        shared[s++] = mix(BEFORE1, b1.hashCode());
        shared[s++] = mix(BEFORE2, b2.hashCode());
        shared[s++] = mix(BEFORE3, b3.hashCode());
        shared[s++] = mix(BEFORE12, b2.hashCode() * 31 + b1.hashCode());
        shared[s++] = mix(AFTER1, a1.hashCode());
        shared[s++] = mix(AFTER2, a2.hashCode());
        shared[s++] = mix(AFTER12, a1.hashCode() * 31 + a2.hashCode());
        shared[s++] = mix(UNITS_BEFORE1, b1.hashCode() * 31 + unitBucket.hashCode());
        shared[s++] = mix(UNITS_AFTER1, a1.hashCode() * 31 + unitBucket.hashCode());
        shared[s++] = mix(TOTAL_TOKENS, bucket(n).hashCode());
        for (int k = Math.max(0, first - BAG_BEFORE_WIDTH); k < first; k++) {
            RedactionTokens.Token t = tokens.get(k);
            shared[s++] = mix(BAG_BEFORE, t.lower().hashCode());
            shared[s++] = mix(BAG_BEFORE_UNITS, t.lower().hashCode() * 31 + unitBucket.hashCode());
            if (t.type() == RedactionTokens.Type.HAN
                    && k + 1 < first
                    && tokens.get(k + 1).type() == RedactionTokens.Type.HAN) {
                shared[s++] =
                        mix(BAG_BEFORE, concatHash(t.lower(), tokens.get(k + 1).lower()));
            }
        }
        for (int k = last + 1; k < Math.min(n, last + 1 + BAG_AFTER_WIDTH); k++) {
            RedactionTokens.Token t = tokens.get(k);
            shared[s++] = mix(BAG_AFTER, t.lower().hashCode());
            if (t.type() == RedactionTokens.Type.HAN
                    && k + 1 < n
                    && tokens.get(k + 1).type() == RedactionTokens.Type.HAN) {
                shared[s++] =
                        mix(BAG_AFTER, concatHash(t.lower(), tokens.get(k + 1).lower()));
            }
        }
        int[][] own = new int[run.length][];
        for (int r = 0; r < run.length; r++) {
            RedactionTokens.Token t = tokens.get(run[r]);
            String c = cls[run[r]];
            String prevCls = r == 0 ? "^" : cls[run[r - 1]];
            String nextCls = r == run.length - 1 ? "$" : cls[run[r + 1]];
            String prevWord = r == 0 ? "^" : tokens.get(run[r - 1]).lower();
            String nextWord = r == run.length - 1 ? "$" : tokens.get(run[r + 1]).lower();
            String position = run.length == 1 ? "only" : r == 0 ? "first" : r == run.length - 1 ? "last" : "mid";
            int[] f = new int[8];
            int m = 0;
            f[m++] = mix(CLS, c.hashCode());
            f[m++] = mix(WORD, wordOf(t, c).hashCode());
            f[m++] = mix(PREV_CLS, prevCls.hashCode() * 31 + c.hashCode());
            f[m++] = mix(NEXT_CLS, nextCls.hashCode() * 31 + c.hashCode());
            f[m++] = mix(PREV_WORD, prevWord.hashCode());
            f[m++] = mix(NEXT_WORD, nextWord.hashCode());
            f[m++] = mix(POSITION, position.hashCode() * 31 + c.hashCode());
            f[m++] = mix(CLS_UNITS, c.hashCode() * 31 + unitBucket.hashCode());
            own[r] = f;
        }
        return new RunFeatures(java.util.Arrays.copyOf(shared, s), own);
    }

    /** {@code (a + b).hashCode()} without building the string (the String hash is a polynomial in 31). */
    static int concatHash(String a, String b) {
        int h = a.hashCode();
        for (int i = 0; i < b.length(); i++) {
            h *= 31;
        }
        return h + b.hashCode();
    }

    private static String wordOf(RedactionTokens.Token t, String cls) {
        return t.type() == RedactionTokens.Type.DIGITS || t.type() == RedactionTokens.Type.ALNUM ? cls : t.lower();
    }

    private static String word(List<RedactionTokens.Token> tokens, int i) {
        return i < 0 ? "^" : i >= tokens.size() ? "$" : tokens.get(i).lower();
    }

    private static String bucket(int v) {
        return v <= 4
                ? Integer.toString(v)
                : v <= 6 ? "5-6" : v <= 8 ? "7-8" : v <= 10 ? "9-10" : v <= 12 ? "11-12" : v <= 16 ? "13-16" : "17+";
    }

    /** Murmur3's finaliser over a template number and a value: spreads String hash codes over the table. */
    static int mix(int template, int value) {
        int h = template * 0x9E3779B9 ^ value;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
