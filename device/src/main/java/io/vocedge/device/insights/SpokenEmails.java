package io.vocedge.device.insights;

import io.vocedge.device.insights.RedactionTokens.Token;
import io.vocedge.device.insights.RedactionTokens.Type;
import io.vocedge.device.insights.model.LookupSets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * E-mail addresses said aloud: {@code john dot smith at gmail dot com}, {@code j o h n underscore 88 at yahoo dot co
 * dot uk}, {@code zhang san 艾特 qq 点 com}, {@code wang 下划线 li 艾特 163 点 com}. An address is an "at" word
 * ({@code at}, {@code at sign}, {@code @}, {@code 艾特}) with a local part before it and a domain after it that ends in
 * "dot" plus a known top-level domain, so "meet at ten" or "at the dealer" are never taken.
 *
 * <p>The local part runs back over spelled letters, digits, separator words ({@code dot}, {@code underscore},
 * {@code dash}, {@code 点}, {@code 下划线}, {@code 杠}) and up to three plain words, stopping at a lead-in word
 * ({@code is}, {@code email}, {@code 是}, {@code 邮箱}) or a Chinese word.
 */
final class SpokenEmails {
    private static final Set<String> AT = LookupSets.of("at", "@", "艾特", "at-sign", "爱特", "小老鼠", "在");
    /**
     * Providers nobody works at or goes to ("at gmail" is an address; "at yahoo", "at outlook", "at qq" may be a
     * workplace, an app or a number), given a name word before.
     */
    private static final Set<String> MAIL_ONLY =
            LookupSets.of("gmail", "hotmail", "icloud", "googlemail", "protonmail", "foxmail", "gmx", "btinternet");
    /** Number words that may stand in a local part ("grace forty two at ..."). */
    private static final Set<String> NUMBER_WORDS = LookupSets.of(
            "zero",
            "oh",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "hundred",
            "thousand",
            "double",
            "triple",
            "洞");

    private static final Set<String> DOT = LookupSets.of("dot", "点", "點", ".", "period", "。", "dots", "point");
    static final Set<String> SEPARATORS = LookupSets.of(
            "dot",
            "点",
            "點",
            ".",
            "underscore",
            "下划线",
            "中划线", // a hyphen, said as such
            "下劃線",
            "中劃線",
            "_",
            "dash",
            "hyphen",
            "-",
            "杠",
            "横杠",
            "period",
            "minus",
            "point",
            "dots"); // "kevin dots lee": a recognizer's "dot"
    private static final Set<String> FILLERS = LookupSets.of(
            "uh",
            "um",
            "er",
            "erm",
            "嗯",
            "呃",
            "那个",
            "就是",
            "capital",
            "大写",
            "小写",
            "大写的",
            "小写的",
            "all",
            "lowercase",
            "lower",
            "case",
            "one",
            "word",
            "啊",
            "额",
            "哦",
            "呀",
            "哈",
            "然后",
            "right",
            "hmm",
            "like",
            "so");
    /** Mail providers an address may end with when "dot com" is left unsaid (names only: "at 163" may be a speed). */
    private static final Set<String> PROVIDERS = LookupSets.of(
            "gmail",
            "hotmail",
            "yahoo",
            "outlook",
            "icloud",
            "qq",
            "foxmail",
            "sina",
            "protonmail",
            "googlemail",
            "aol",
            "gmx",
            "btinternet",
            "yandex",
            "zoho",
            "proton",
            "sohu");

    private static final Set<String> HAN_DIGITS =
            LookupSets.of("零", "一", "幺", "二", "两", "三", "四", "五", "六", "七", "八", "九");
    private static final Set<String> TLDS = LookupSets.of(
            "com", "net", "org", "cn", "edu", "gov", "io", "co", "uk", "de", "fr", "jp", "hk", "tw", "au", "ca", "us",
            "info", "biz", "me", "cc", "top", "xyz", "mobi", "ai", "app", "dev", "ru", "in", "nz", "sg", "eu", "mil",
            "ie", "it", "es", "nl", "ch", "se", "kr", "mo", "my", "tv", "club", "shop", "online", "site", "fm", "ly",
            "gg", "calm", // "dot com" as a recognizer may write it
            "comb", "come", "con");
    /**
     * Top-level domains that are words too ("bluecloud 点 tech"): an address's end after its dot, but no end of a
     * label said in words ("huaxin tech 点 cn"). "example" is the reserved example domain ("lucy at hartwell dot
     * example").
     */
    private static final Set<String> WORD_TLDS = LookupSets.of("tech", "store", "blog", "ltd", "example");

    private static final Set<String> STOP = LookupSets.of(
            "is",
            "was",
            "it's",
            "its",
            "email",
            "e-mail",
            "mail",
            "address",
            "me",
            "my",
            "to",
            "send",
            "write",
            "reach",
            "contact",
            "the",
            "and",
            "or",
            "please",
            "you",
            "your",
            "can",
            "use",
            "try",
            "it",
            "that's",
            "thats",
            "his",
            "her",
            "our",
            "on",
            "under",
            "via",
            "by",
            "addy",
            "gmail",
            "account",
            "here",
            "is:",
            "emailed",
            "reply",
            "sorry",
            "just",
            "at",
            "i",
            "we",
            "they",
            "he",
            "she",
            "be",
            "will",
            "would",
            "should",
            "yeah",
            "yes",
            "sure",
            "ok",
            "okay",
            "so",
            "um",
            "uh",
            "also",
            "copy",
            "cc",
            "forward",
            "questions",
            "know",
            "let",
            "give",
            "put",
            "down",
            "as",
            "a",
            "an",
            "mine",
            "wife's",
            "husband's",
            "work",
            "personal",
            "best",
            "one",
            "number",
            "i'm",
            "we're",
            "you're",
            "email's",
            "address's",
            "mail's",
            "over",
            "from",
            "for",
            "with",
            "of",
            "in");

    private SpokenEmails() {}

    static List<SpokenNumbers.Found> find(List<Token> tokens) {
        List<SpokenNumbers.Found> out = new ArrayList<>();
        for (int a = 1; a < tokens.size() - 1; a++) {
            Token t = tokens.get(a);
            int domainStart = a + 1;
            if (t.is("圈") && tokens.get(a + 1).is("a")) {
                domainStart = a + 2; // 圈a: how many Chinese speakers say @
            } else if (!AT.contains(t.lower()) && !((t.is("add") || t.is("hat")) && addressAfterAdd(tokens, a + 1))) {
                continue; // "add gmail dot com", "bella rossi hat live dot co dot uk": a recognizer's "at"
            }
            if (t.is("at")
                    && domainStart < tokens.size()
                    && (tokens.get(domainStart).is("sign")
                            || tokens.get(domainStart).is("symbol"))) {
                domainStart++;
            } else if (t.is("at")
                    && domainStart + 1 < tokens.size()
                    && tokens.get(domainStart).is("the")
                    && tokens.get(domainStart + 1).is("rate")) {
                domainStart += 2; // "at the rate": Indian English for @
            }
            int localEnd = a;
            if (a >= 2
                    && tokens.get(a - 1).is("(")
                    && domainStart < tokens.size()
                    && tokens.get(domainStart).is(")")) {
                localEnd = a - 1; // written "name(at)domain.com"
                domainStart++;
            }
            while (domainStart < tokens.size()
                    && LEAD_FILLERS.contains(tokens.get(domainStart).lower())) {
                domainStart++; // "at uh gmail dot com"
            }
            if (domainStart + 2 < tokens.size()
                    && tokens.get(domainStart).is("the")
                    && tokens.get(domainStart + 1).is("word")) {
                domainStart += 2; // "at the word petals dot com"
            }
            domainStart = afterDomainWord(tokens, domainStart); // 艾特 公司 的 域名 huaxin tech 点 cn
            if (domainStart + 2 < tokens.size()
                    && tokens.get(domainStart).is("网")
                    && tokens.get(domainStart + 1).is("易")) {
                domainStart += 2; // "at 网易 一 二 六 点 com": the provider named before its number (126.com, 163.com)
            }
            int domainEnd = domainStart < tokens.size() ? domainEnd(tokens, domainStart) : -1;
            if (domainEnd < 0
                    || domainEnd - domainStart <= 1
                            && PROVIDERS.contains(provider(tokens, domainStart))
                            && (!MAIL_ONLY.contains(provider(tokens, domainStart)) || !plainBefore(tokens, localEnd))
                            && !mailTalk(tokens)
                            && !codeBefore(tokens, localEnd)
                    || t.is("在") && domainEnd - domainStart <= 1) {
                continue; // "she works at yahoo" is no address; "my email is jo at yahoo", "b r i a n n a at gmail" are
            }
            int localStart = localStart(tokens, localEnd);
            if (localStart < 0) {
                continue;
            }
            out.add(new SpokenNumbers.Found(
                    tokens.get(localStart).start(), tokens.get(domainEnd).end(), "email"));
            a = domainEnd;
        }
        withoutAt(tokens, out);
        return out;
    }

    /**
     * An address whose "at" was dropped or not heard: a name or code right before a provider, then "com" / "dot com"
     * or, in a line about mail, nothing ("jlopez gmail com", "lisa m ninety two hotmail com", "carlos v gmail"). The
     * word before must be no lead-in ("my gmail", "is gmail", "on outlook" stay).
     */
    private static void withoutAt(List<Token> tokens, List<SpokenNumbers.Found> out) {
        for (int p = 1; p < tokens.size(); p++) {
            Token t = tokens.get(p);
            if (t.type() != Type.WORD) {
                continue;
            }
            if (!PROVIDERS.contains(t.lower()) && !SPLIT_FIRST.contains(t.lower())) {
                continue;
            }
            String name = provider(tokens, p);
            if (!PROVIDERS.contains(name) || covered(out, t.start())) {
                continue;
            }
            int last = name.equals(t.lower()) ? p : p + 1;
            int end = -1;
            if (last + 1 < tokens.size() && TLDS.contains(tokens.get(last + 1).lower())) {
                end = last + 1; // "gmail com"
            } else if (last + 2 < tokens.size()
                    && DOT.contains(tokens.get(last + 1).lower())
                    && TLDS.contains(tokens.get(last + 2).lower())) {
                end = last + 2;
            } else if (mailTalk(tokens)) {
                end = last;
            }
            Token before = tokens.get(p - 1);
            if (end < 0 || AT.contains(before.lower()) || !plainBefore(tokens, p)) {
                continue;
            }
            int localStart = shortLocalStart(tokens, p);
            if (localStart >= 0 && localStart < p) {
                out.add(new SpokenNumbers.Found(
                        tokens.get(localStart).start(), tokens.get(end).end(), "email"));
                p = end;
            }
        }
    }

    /**
     * Start of a local part said without "at": letters, digits and separators, one plain word, a second only when it is
     * a first name ("it reads jlopez gmail com" takes "jlopez"; "lisa m ninety two hotmail").
     */
    private static int shortLocalStart(List<Token> tokens, int p) {
        int start = -1;
        int plain = 0;
        for (int k = p - 1; k >= 0; k--) {
            Token t = tokens.get(k);
            String w = t.lower();
            if (SEPARATORS.contains(w) && start >= 0) {
                continue;
            }
            boolean code = t.type() == Type.DIGITS
                    || t.type() == Type.ALNUM
                    || NUMBER_WORDS.contains(w)
                    || t.type() == Type.WORD && w.length() == 1 && !w.equals("a") && !w.equals("i");
            if (!code) {
                boolean word = t.type() == Type.WORD
                        && !STOP.contains(w)
                        && !NameLists.STOP.contains(w)
                        && !FILLERS.contains(w)
                        && (plain == 0 || NameLists.FIRST.contains(w));
                if (!word) {
                    break;
                }
                plain++;
            }
            start = k;
        }
        return start;
    }

    private static boolean covered(List<SpokenNumbers.Found> out, int offset) {
        for (SpokenNumbers.Found f : out) {
            if (f.start() <= offset && offset < f.end()) {
                return true;
            }
        }
        return false;
    }

    /** The token before {@code k} can end a local part: a letter, digit, code or a word that is no lead-in. */
    private static boolean plainBefore(List<Token> tokens, int k) {
        if (k < 1) {
            return false;
        }
        Token b = tokens.get(k - 1);
        String w = b.lower();
        if (b.type() == Type.DIGITS || b.type() == Type.ALNUM || NUMBER_WORDS.contains(w)) {
            return true;
        }
        return b.type() == Type.WORD && !STOP.contains(w) && !NameLists.STOP.contains(w) && !FILLERS.contains(w)
                || b.type() == Type.WORD && w.length() == 1 && !w.equals("a") && !w.equals("i");
    }

    /** Said right after "at" before the domain; the number scanner reads them between a province and a plate too. */
    static final Set<String> LEAD_FILLERS = LookupSets.of("uh", "um", "er", "erm", "嗯", "呃", "那个", "啊", "额");

    /** Providers the recognizer splits in two: "g mail", "gee mail", "hot mail", "out look", "i cloud", "fox mail". */
    private static final Set<String> SPLIT_FIRST =
            LookupSets.of("g", "gee", "hot", "out", "i", "fox", "google", "proton", "q");

    /** The provider name starting at {@code k}, joining a split one ("g mail" is gmail); else the token itself. */
    private static String provider(List<Token> tokens, int k) {
        String w = tokens.get(k).lower();
        if (SPLIT_FIRST.contains(w) && k + 1 < tokens.size()) {
            String joined = (w.equals("gee") ? "g" : w) + tokens.get(k + 1).lower();
            if (PROVIDERS.contains(joined)) {
                return joined;
            }
        }
        return w;
    }

    /** Past "公司 (的) 域名 (是)" said between the @ and the domain it names; {@code k} when not there. */
    private static int afterDomainWord(List<Token> tokens, int k) {
        int at = RedactionTokens.wordsAt(tokens, k, COMPANY) ? k + 2 : k;
        at = at < tokens.size() && tokens.get(at).is("的") ? at + 1 : at;
        if (!RedactionTokens.wordsAt(tokens, at, DOMAIN_WORD)) {
            return k;
        }
        at += 2;
        return at < tokens.size() && tokens.get(at).is("是") ? at + 1 : at;
    }

    private static final List<String> COMPANY = List.of("公", "司");
    private static final List<String> DOMAIN_WORD = List.of("域", "名");

    /** The local part just before "at" is spelled, numbered or joined ("b r i a n n a one nine nine two", "jo_88"). */
    private static boolean codeBefore(List<Token> tokens, int at) {
        int k = at - 1;
        while (k >= 0
                && FILLERS.contains(tokens.get(k).lower())
                && !NUMBER_WORDS.contains(tokens.get(k).lower())) {
            k--;
        }
        if (k < 1) {
            return false;
        }
        Token t = tokens.get(k);
        Token before = tokens.get(k - 1);
        boolean code = t.type() == Type.DIGITS
                || t.type() == Type.ALNUM
                || NUMBER_WORDS.contains(t.lower())
                || HAN_DIGITS.contains(t.lower());
        boolean spelled = SpokenNumbers.isSpelledLetter(t) && SpokenNumbers.isSpelledLetter(before);
        return code || spelled || SEPARATORS.contains(before.lower());
    }

    /** "and" inside a business's domain label before its dot: "pike and sons dot co dot uk", "marks and spencer dot com". */
    private static boolean joiningAnd(List<Token> tokens, int k) {
        return tokens.get(k).is("and")
                && k + 2 < tokens.size()
                && tokens.get(k + 1).type() == Type.WORD
                && !STOP.contains(tokens.get(k + 1).lower())
                && DOT.contains(tokens.get(k + 2).lower());
    }

    /** A full stop that ends the sentence ("... at gmail."): the last token, or a space after it. */
    private static boolean sentenceEnd(List<Token> tokens, int k) {
        return tokens.get(k).is(".")
                && (k + 1 >= tokens.size()
                        || tokens.get(k + 1).start() > tokens.get(k).end());
    }

    /** After "add": a mail provider, or a domain said with its dot and a top-level domain. */
    private static boolean addressAfterAdd(List<Token> tokens, int k) {
        if (k >= tokens.size()) {
            return false;
        }
        if (PROVIDERS.contains(provider(tokens, k))) {
            return true;
        }
        for (int j = k + 1; j + 1 < tokens.size() && j <= k + 4; j++) {
            if (DOT.contains(tokens.get(j).lower())
                    && TLDS.contains(tokens.get(j + 1).lower())) {
                return true;
            }
        }
        return false;
    }

    private static boolean dash(Token t) {
        return t.is("dash") || t.is("hyphen") || t.is("-") || t.is("杠");
    }

    /** Index of the last token of "label (dot label)* dot TLD", or -1. */
    private static int domainEnd(List<Token> tokens, int from) {
        int k = from;
        int end = -1;
        int labels = 0;
        while (k < tokens.size()) {
            Token label = tokens.get(k);
            if (FILLERS.contains(label.lower()) && labels > 0) {
                k++;
                continue;
            }
            if (label.type() == Type.HAN && HAN_DIGITS.contains(label.lower())) {
                // "艾特 一 六 三 点 com": a domain of Chinese digits
                while (k + 1 < tokens.size()
                        && HAN_DIGITS.contains(tokens.get(k + 1).lower())) {
                    k++;
                }
            } else if (!(label.type() == Type.WORD || label.type() == Type.ALNUM || label.type() == Type.DIGITS)) {
                break;
            }
            String name = label.type() == Type.HAN ? "" : provider(tokens, k);
            if (label.type() != Type.HAN && !name.equals(label.lower())) {
                k++; // "g mail": one label in two words
            }
            if (labels == 0 && PROVIDERS.contains(name)) {
                int after = k + 1;
                while (after < tokens.size() && tokens.get(after).is(",")) {
                    after++;
                }
                if (after >= tokens.size() || !DOT.contains(tokens.get(after).lower()) || sentenceEnd(tokens, after)) {
                    return k; // "john smith at gmail": the provider alone, no "dot com" said
                }
            }
            if (labels > 0 && (TLDS.contains(label.lower()) || WORD_TLDS.contains(label.lower()))
                    || label.lower().startsWith("dot")
                            && TLDS.contains(label.lower().substring(3))) {
                end = k;
            }
            if (labels > 0 && label.lower().length() == 1) {
                // a spelled top-level domain: "dot c o m", "dot i o"
                StringBuilder spelled = new StringBuilder();
                int s = k;
                while (s < tokens.size()
                        && s - k < 4
                        && tokens.get(s).type() == Type.WORD
                        && tokens.get(s).lower().length() == 1) {
                    spelled.append(tokens.get(s).lower());
                    s++;
                    if (spelled.length() >= 2 && TLDS.contains(spelled.toString())) {
                        end = s - 1;
                        k = s - 1;
                    }
                }
            }
            labels++;
            k++;
            // a label of two or three words before its dot: "bright motors dot com"
            int extra = k;
            boolean spelled = label.type() == Type.WORD && label.lower().length() == 1;
            while (extra < tokens.size()
                    && tokens.get(extra).type() == Type.WORD
                    && (spelled && extra - k < 16 && tokens.get(extra).lower().length() == 1
                            // "艾特 m a p l e 点 com": a spelled label runs on letter by letter, "a" too
                            || extra - k < 3
                                    && (!STOP.contains(tokens.get(extra).lower())
                                            || tokens.get(extra).is("mail")
                                            || joiningAnd(tokens, extra))
                                    && !TLDS.contains(tokens.get(extra).lower()))
                    && !DOT.contains(tokens.get(extra).lower())) {
                extra++;
            }
            if (extra > k
                    && extra < tokens.size()
                    && (DOT.contains(tokens.get(extra).lower()) && !sentenceEnd(tokens, extra)
                            || spelled && dash(tokens.get(extra)))) {
                k = extra;
            }
            // a label may be spelled or hyphenated: "my dash shop", "g mail"
            while (k < tokens.size() && dash(tokens.get(k)) && k + 1 < tokens.size()) {
                k += 2;
                while (spelled
                        && k < tokens.size()
                        && tokens.get(k).type() == Type.WORD
                        && tokens.get(k).lower().length() == 1) {
                    k++; // "m a p l e 杠 l a w": the spelled label goes on after its dash
                }
            }
            while (k + 1 < tokens.size()
                    && tokens.get(k).is(",")
                    && DOT.contains(tokens.get(k + 1).lower())) {
                k++; // "at gmail, dot com"
            }
            if (k + 2 < tokens.size()
                    && tokens.get(k).is("and")
                    && tokens.get(k + 1).is("then")
                    && DOT.contains(tokens.get(k + 2).lower())) {
                k += 2; // "petals and then dot com"
            } else if (k + 1 < tokens.size()
                    && tokens.get(k).is("then")
                    && DOT.contains(tokens.get(k + 1).lower())) {
                k++;
            }
            if (k < tokens.size() && DOT.contains(tokens.get(k).lower()) && !sentenceEnd(tokens, k)) {
                k++; // a full stop and a space end the sentence ("at the parts desk. My number ..."), not a label
                continue;
            }
            if (k < tokens.size() && tokens.get(k).lower().startsWith("dot") && labels == 1) {
                continue;
            }
            break;
        }
        if (end >= 0
                && end + 3 < tokens.size()
                && DOT.contains(tokens.get(end + 1).lower())
                && tokens.get(end + 2).is("are")
                && tokens.get(end + 3).is("you")) {
            return end + 3; // "dot com dot are you": .au as a recognizer hears it
        }
        return end;
    }

    private static boolean mailTalk(List<Token> tokens) {
        for (Token t : tokens) {
            String w = t.lower();
            if (w.equals("email") || w.equals("e-mail") || w.equals("mail") || w.equals("address") || w.equals("邮")) {
                return true;
            }
        }
        return false;
    }

    /** A letter or a letter's name as a recognizer writes it ("jay see", "are you bee why"). */
    private static boolean spokenLetter(Token t) {
        return t.type() == Type.WORD && (t.lower().length() == 1 || SpokenNumbers.isLetterName(t.lower()));
    }

    private static int localStart(List<Token> tokens, int at) {
        int start = -1;
        int plainWords = 0;
        boolean afterSeparator = false;
        for (int k = at - 1; k >= 0; k--) {
            Token t = tokens.get(k);
            String w = t.lower();
            if (SEPARATORS.contains(w)
                    || w.equals("score") && k > 0 && tokens.get(k - 1).is("under")
                    || w.equals("under") && tokens.get(k + 1).is("score")) {
                afterSeparator = true; // "under score" as the recognizer splits it
                continue;
            }
            if (FILLERS.contains(w)) {
                continue;
            }
            if (start < 0 && (w.equals(",") || w.equals("that's") || w.equals("thats"))) {
                continue; // "g dot ramirez, that's at gmail"
            }
            if (start >= 0
                    && w.equals("and")
                    && k > 0
                    && NameLists.FIRST.contains(tokens.get(k - 1).lower())
                    && NameLists.FIRST.contains(tokens.get(k + 1).lower())) {
                continue; // "emma and noah at gmail": two names joined
            }
            if (start >= 0
                    && w.equals("with")
                    && (tokens.get(k + 1).is("a") || tokens.get(k + 1).is("an"))
                    && k > 0
                    && tokens.get(k - 1).type() == Type.WORD
                    && !STOP.contains(tokens.get(k - 1).lower())) {
                start = k + 2; // "marcus with a c": the aid is no letter of the address
                continue;
            }
            boolean take;
            if (SpokenNumbers.isLetterName(w)
                    && (start == k + 1 && spokenLetter(tokens.get(k + 1))
                            || k > 0 && spokenLetter(tokens.get(k - 1)))) {
                take = true; // "are you bee why dot kay at outlook": letters as the recognizer writes them
            } else if (t.type() == Type.DIGITS
                    || t.type() == Type.ALNUM
                    || HAN_DIGITS.contains(w)
                    || NUMBER_WORDS.contains(w)) {
                take = true;
            } else if (t.type() == Type.WORD && w.length() == 1) {
                take = true;
            } else if (t.type() == Type.WORD && (start < 0 || afterSeparator)) {
                take = !STOP.contains(w) || start < 0 && !w.equals("me") && !w.equals("is") && !w.equals("email");
            } else if (t.type() == Type.WORD && !STOP.contains(w) && plainWords < 2) {
                take = true;
                plainWords++;
            } else {
                take = false;
            }
            if (!take) {
                break;
            }
            start = k;
            afterSeparator = false;
        }
        return start;
    }
}
