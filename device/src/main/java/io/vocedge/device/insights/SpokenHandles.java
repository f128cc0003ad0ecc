package io.vocedge.device.insights;

import io.vocedge.device.insights.RedactionTokens.Token;
import io.vocedge.device.insights.RedactionTokens.Type;
import io.vocedge.device.insights.model.LookupSets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Messenger and social ids said or written: {@code lucy underscore two two nine}, {@code jason_88_sh},
 * {@code zhang 下划线 wei 八 八}, and after a handle cue ({@code wechat}, {@code 微信}, {@code instagram}, {@code 抖音})
 * a name with digits or separators ({@code wanglei 零 六 一 二}, {@code kelly dot cars dot two four}). An underscore
 * is never said outside an id or an address, so a name joined by one is taken without a cue; a name after a cue only
 * when it carries digits or separators ("add me on wechat later" keeps its words).
 */
final class SpokenHandles {
    private static final Set<String> UNDERSCORE = LookupSets.of("underscore", "下划线", "_");
    /** Said before a separator that the address does not have, or that only names it. */
    private static final Set<String> NO_SEPARATOR =
            LookupSets.of("no", "not", "without", "an", "the", "with", "没有", "不");

    private static final Set<String> SEPARATORS =
            LookupSets.of("underscore", "下划线", "_", "dot", "点", ".", "dash", "hyphen", "-", "杠", "横杠", "#");
    /** Messenger and social platforms said in Latin letters: a cue for an id after them, and the handle scan's trigger. */
    private static final Set<String> LATIN_CUES = LookupSets.of(
            "wechat",
            "weixin",
            "qq",
            "instagram",
            "insta",
            "ig",
            "tiktok",
            "snapchat",
            "snap",
            "telegram",
            "handle",
            "username",
            "whatsapp",
            "line",
            "discord",
            "venmo",
            "cashapp",
            "facebook",
            "fb",
            "messenger",
            "linkedin",
            "reddit",
            "twitch",
            "xbox",
            "psn",
            "kik",
            "viber",
            "skype",
            "vx",
            "wx");

    private static final Set<String> CUES =
            union(LATIN_CUES, LookupSets.of("微信", "扣扣", "抖音", "账号", "用户名", "小红书", "微博"));

    /** Words between a cue and the id ("wechat id is", "微信 号 是", "instagram is at"). */
    private static final Set<String> LEAD = LookupSets.of(
            "is", "it's", "its", "id", "at", "me", "on", "my", "name", "号", "是", "就是", ":", "：", "搜", "号是", "的", "it",
            "the", "same", "as", ",", "，");

    private static final Set<String> DIGIT_WORDS = LookupSets.of(
            "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "double", "triple");
    private static final Set<String> HAN_DIGITS =
            LookupSets.of("零", "一", "幺", "二", "两", "三", "四", "五", "六", "七", "八", "九", "洞");
    /** Words that end an id when said after it. */
    private static final Set<String> STOP = LookupSets.of(
            "and",
            "or",
            "the",
            "is",
            "it",
            "if",
            "to",
            "for",
            "please",
            "thanks",
            "thank",
            "then",
            "so",
            "but",
            "that's",
            "thats",
            "at",
            "on",
            "my",
            "me",
            "you",
            "i",
            "when",
            "after",
            "before",
            "with",
            "too",
            "also",
            "a",
            "an",
            "tomorrow",
            "today",
            "later",
            "okay",
            "ok");

    /** Latin tokens without which {@link #find} finds nothing (the redactor skips it otherwise). */
    static final Set<String> LATIN_TRIGGERS = union(
            LATIN_CUES,
            LookupSets.of(
                    "gmail",
                    "hotmail",
                    "outlook",
                    "yahoo",
                    "icloud",
                    "twitter",
                    "youtube",
                    "threads",
                    "signal",
                    "forum",
                    "gamertag",
                    "gamer",
                    "underscore",
                    "_",
                    "message",
                    "messaged",
                    "dm"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return LookupSets.copyOf(out);
    }

    /** First characters of the Chinese cues and of 下划线 (merged into one token by the number scanner). */
    static final String HAN_TRIGGERS = "微扣抖账用小下快视闲懂";

    /**
     * Whether the Han token at {@code i} may start a handle cue. 快, 视, 闲 and 懂 are common characters, so for them the
     * next one is checked too (快手, 视频号, 闲鱼, 懂车帝): the scan then runs on few lines that do not need it.
     */
    static boolean hanTriggerAt(List<Token> tokens, int i) {
        char c = tokens.get(i).lower().charAt(0);
        int k = HAN_TRIGGERS.indexOf(c);
        if (k < 0) {
            return false;
        }
        if (k < HAN_TRIGGERS.indexOf('快')) {
            return true;
        }
        char next = i + 1 < tokens.size() && !tokens.get(i + 1).lower().isEmpty()
                ? tokens.get(i + 1).lower().charAt(0)
                : ' ';
        return switch (c) {
            case '快' -> next == '手';
            case '视' -> next == '频';
            case '闲' -> next == '鱼';
            default -> next == '车';
        };
    }

    /** Words before "line" that make it a telephone line. */
    private static final Set<String> PHONE_LINES = LookupSets.of(
            "care",
            "main",
            "sales",
            "help",
            "phone",
            "direct",
            "land",
            "service",
            "hot",
            "support",
            "enquiry",
            "enquiries",
            "booking",
            "bookings",
            "office",
            "desk");

    private SpokenHandles() {}

    static List<SpokenNumbers.Found> find(List<Token> tokens) {
        List<SpokenNumbers.Found> out = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            String w = t.lower();
            if (UNDERSCORE.contains(w)
                    && k > 0
                    && k + 1 < tokens.size()
                    && !NO_SEPARATOR.contains(tokens.get(k - 1).lower()) // "no underscore", "without the dash"
                    && (isNamePart(tokens.get(k - 1)) || SpokenNumbers.isSpelledLetter(tokens.get(k - 1)))) {
                int start = k - 1;
                while (start > 0
                        && tokens.get(start).lower().length() == 1
                        && SpokenNumbers.isSpelledLetter(tokens.get(start - 1))
                        && tokens.get(start - 1).lower().length() == 1) {
                    start--; // "m e i 下划线 l i n g": the letters spelled before it
                }
                int end = runEnd(tokens, k + 1, 2);
                if (end > k) {
                    out.add(new SpokenNumbers.Found(
                            tokens.get(start).start(), tokens.get(end).end(), "account"));
                    k = end;
                }
                continue;
            }
            if (w.equals("line")
                    && k > 0
                    && PHONE_LINES.contains(tokens.get(k - 1).lower())) {
                continue; // "our customer care line is ...": a telephone line, not the LINE messenger
            }
            int cueLen = CUES.contains(w) ? 1 : hanCue(tokens, k);
            if (cueLen > 0) {
                int s = k + cueLen;
                int han = 0;
                boolean skipped = false;
                while (s < tokens.size()
                        && (LEAD.contains(tokens.get(s).lower())
                                || tokens.get(s).type() == Type.HAN
                                        && !HAN_DIGITS.contains(tokens.get(s).lower())
                                        && !UNDERSCORE.contains(tokens.get(s).lower())
                                        && han++ < 10)) {
                    skipped |= !LEAD.contains(tokens.get(s).lower());
                    s++;
                }
                if (s >= tokens.size()
                        || !(isNamePart(tokens.get(s)) || letterBeforeSeparator(tokens, s))
                        || tokens.get(s).type() == Type.DIGITS) {
                    continue; // digits alone are the number scanner's
                }
                int end = runEnd(tokens, s, 0);
                if (end >= s && idLike(tokens, s, end, !skipped)) {
                    out.add(new SpokenNumbers.Found(
                            tokens.get(s).start(), tokens.get(end).end(), "account"));
                    k = end;
                }
            }
        }
        atHandles(tokens, out);
        displayNames(tokens, out);
        hanDisplayNames(tokens, out);
        spelledHandles(tokens, out);
        return out;
    }

    /** Han cues of a platform whose users pick a display name (微信 名, 抖音 昵称, 小红书 上 搜 ...). */
    private static final List<String> HAN_PLATFORMS = List.of("微信", "扣扣", "抖音", "小红书", "微博", "快手", "视频号", "闲鱼", "懂车帝");
    /** Words that follow a display name and are not part of it: its picture, signature, the number. */
    private static final List<List<String>> HAN_NAME_STOP_WORDS = List.of(
            List.of("头", "像"),
            List.of("签", "名"),
            List.of("朋", "友", "圈"),
            List.of("手", "机"),
            List.of("电", "话"),
            // how the name is spelled comes next: "微信 名字 拼音 lihua 三 八"
            List.of("拼", "音"),
            List.of("全", "拼"),
            List.of("英", "文"),
            // when something happens, said next: "抖音 叫 小 胖 爱 改车 提车 那天 下午 三 点 我 要 拍"
            List.of("那", "天"),
            List.of("今", "天"),
            List.of("明", "天"),
            List.of("昨", "天"),
            List.of("上", "午"),
            List.of("下", "午"),
            List.of("中", "午"),
            List.of("早", "上"),
            List.of("晚", "上"));
    /** What may stand between the platform and the naming word: 上, 的, 里, 号. */
    private static final Set<String> HAN_PLATFORM_FILLER = LookupSets.of("上", "的", "里", "号", "我");
    /** Naming words, longest first; 搜 ("search for") counts only when the speaker then says it is them. */
    private static final List<List<String>> HAN_NAMING = List.of(
            List.of("昵", "称", "就", "是"),
            List.of("昵", "称", "是"),
            List.of("昵", "称", "叫"),
            List.of("昵", "称"),
            List.of("网", "名", "是"),
            List.of("网", "名", "叫"),
            List.of("网", "名"),
            List.of("账", "号", "是"),
            List.of("账", "号", "就是"),
            List.of("账", "号"),
            List.of("名", "字", "是"),
            List.of("名", "字", "叫"),
            List.of("名", "字"),
            List.of("名", "叫"),
            List.of("名", "是"),
            List.of("名"),
            List.of("叫", "做"),
            List.of("叫"),
            List.of("搜", "一", "下"),
            List.of("搜"));
    /** Characters a display name does not run into: the words that follow it ("就是 我", "加 我", "吧", "什么"). */
    private static final String HAN_NAME_STOPS = "就是我你他她加吧啊呢嘛哦呀了在和跟找发给看什啥哪怎";
    /** After 搜 X: the speaker saying X is them, or how to reach them. */
    private static final List<List<String>> ITS_ME = List.of(
            List.of("就", "是", "我"),
            List.of("就是", "我"), // 就是 is one token after SpokenNumbers.merge
            List.of("是", "我"),
            List.of("找", "我"),
            List.of("找", "到", "我"),
            List.of("加", "我"),
            List.of("关", "注", "我"),
            List.of("就", "能", "找", "到", "我"),
            List.of("能", "找", "到", "我"),
            List.of("可", "以", "找", "到", "我"));

    private static final int MAX_HAN_NAME = 10;

    /**
     * A Chinese display name after a platform and a naming word: "微信 名 叫 快乐 的 小 鱼", "QQ 昵称 叫 风 一样 的 男子",
     * "抖音 搜 爱 车 的 老 张 就是 我". The name runs over Han characters (an @ first) up to a word that follows a name
     * (就是, 加, 吧, 头像, a question word) or punctuation, two to ten characters.
     */
    private static void hanDisplayNames(List<Token> tokens, List<SpokenNumbers.Found> out) {
        int n = tokens.size();
        for (int k = 0; k < n; k++) {
            int cue = hanPlatform(tokens, k);
            if (cue == 0) {
                continue;
            }
            int q = k + cue;
            int skipped = 0;
            while (q < n
                    && skipped < 2
                    && HAN_PLATFORM_FILLER.contains(tokens.get(q).lower())) {
                q++;
                skipped++;
            }
            List<String> naming = null;
            for (List<String> p : HAN_NAMING) {
                if (RedactionTokens.wordsAt(tokens, q, p)) {
                    naming = p;
                    break;
                }
            }
            if (naming == null) {
                continue;
            }
            int s = q + naming.size();
            int quoted = quotedName(tokens, s);
            if (quoted > s + 1) {
                // 小红书叫“雪球滚滚”, 抖音搜“北京老李说车”就是我: a quoted name is what is between the marks
                if (!naming.get(0).equals("搜") || startsAny(tokens, quoted + 1, ITS_ME)) {
                    out.add(new SpokenNumbers.Found(
                            tokens.get(s + 1).start(), tokens.get(quoted - 1).end(), "account"));
                    k = quoted;
                }
                continue;
            }
            if (s < n && tokens.get(s).is("@")) {
                s++;
            }
            int e = s;
            while (e < n
                    && e - s < MAX_HAN_NAME
                    && nameToken(tokens.get(e))
                    && HAN_NAME_STOPS.indexOf(tokens.get(e).lower().charAt(0)) < 0
                    && !startsAny(tokens, e, HAN_NAME_STOP_WORDS)) {
                e++;
            }
            if (naming.get(0).equals("搜") && !startsAny(tokens, e, ITS_ME)) {
                // "微博 上 搜 老 陈 开 车 看 世界 就是 我": a name may hold a word that ends others (看); after 搜 the
                // speaker's "就是 我" marks its end
                for (int f = e; f < n && f - s < MAX_HAN_NAME && nameToken(tokens.get(f)); f++) {
                    if (startsAny(tokens, f, ITS_ME)) {
                        e = f;
                        break;
                    }
                }
            }
            while (e - 1 > s
                    && e < n
                    && tokens.get(e - 1).end() == tokens.get(e).start()
                    && tokens.get(e).type() == Type.HAN) {
                e--; // a name ends between words, never inside one ("... 那天 下|午")
            }
            if (e - s < 2 || covered(out, tokens.get(s).start())) {
                continue;
            }
            if (naming.get(0).equals("搜") && !startsAny(tokens, e, ITS_ME)) {
                continue; // "抖音 上 搜 汉 EV 的 评测": a search for a product
            }
            out.add(new SpokenNumbers.Found(
                    tokens.get(s).start(), tokens.get(e - 1).end(), "account"));
            k = e - 1;
        }
    }

    /** Platforms said between a handle cue and the handle: "my handle on x is ...", "username on twitter is ...". */
    private static final Set<String> PLATFORM_WORDS =
            LookupSets.of("x", "twitter", "instagram", "insta", "ig", "tiktok", "threads", "snapchat", "youtube");

    /** The fewest letters spelled one by one that make a handle after its cue ("b i g m i k e k c"). */
    private static final int MIN_SPELLED_HANDLE = 4;

    /**
     * A handle spelled letter by letter after its cue: "my handle on x is b i g m i k e k c". Letters alone carry no
     * digit or separator, which the cued scan needs; four or more said one by one after a handle cue are no words.
     */
    private static void spelledHandles(List<Token> tokens, List<SpokenNumbers.Found> out) {
        int n = tokens.size();
        for (int k = 0; k < n; k++) {
            if (!LATIN_CUES.contains(tokens.get(k).lower()) && !tokens.get(k).is("twitter")) {
                continue;
            }
            int s = k + 1;
            while (s < n
                    && s - k <= 4
                    && (LEAD.contains(tokens.get(s).lower())
                            || PLATFORM_WORDS.contains(tokens.get(s).lower()))) {
                s++;
            }
            int e = s;
            while (e < n && tokens.get(e).lower().length() == 1 && SpokenNumbers.isSpelledLetter(tokens.get(e))) {
                e++;
            }
            if (e - s >= MIN_SPELLED_HANDLE && !covered(out, tokens.get(s).start())) {
                out.add(new SpokenNumbers.Found(
                        tokens.get(s).start(), tokens.get(e - 1).end(), "account"));
                k = e - 1;
            }
        }
    }

    /** A token a display name may hold: Han characters, or a number said in them ("大 刘 看车 二零零八"). */
    private static boolean nameToken(Token t) {
        return t.type() == Type.HAN
                || t.type() == Type.DIGITS && t.raw().codePoints().noneMatch(Character::isDigit);
    }

    private static final String OPENING_QUOTES = "“「『\"《";
    private static final String CLOSING_QUOTES = "”」』\"》";

    /** The index of the closing mark of a quoted name starting at {@code s} (16 tokens at most), or -1. */
    private static int quotedName(List<Token> tokens, int s) {
        if (s >= tokens.size() || tokens.get(s).lower().length() != 1) {
            return -1;
        }
        int open = OPENING_QUOTES.indexOf(tokens.get(s).lower().charAt(0));
        if (open < 0) {
            return -1;
        }
        char close = CLOSING_QUOTES.charAt(open);
        for (int e = s + 1; e < tokens.size() && e <= s + 16; e++) {
            String w = tokens.get(e).lower();
            if (w.length() == 1 && w.charAt(0) == close) {
                return e;
            }
        }
        return -1;
    }

    private static int hanPlatform(List<Token> tokens, int k) {
        Token t = tokens.get(k);
        if (t.type() == Type.WORD && (t.is("qq") || t.is("wechat") || t.is("vx") || t.is("weixin"))) {
            return 1;
        }
        if (t.type() != Type.HAN) {
            return 0;
        }
        for (String c : HAN_PLATFORMS) {
            if (c.charAt(0) == t.lower().charAt(0) && RedactionTokens.wordsAt(tokens, k, chars(c))) {
                return c.length();
            }
        }
        return 0;
    }

    private static List<String> chars(String s) {
        List<String> out = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.add(s.substring(i, i + 1));
        }
        return out;
    }

    private static boolean startsAny(List<Token> tokens, int at, List<List<String>> phrases) {
        for (List<String> p : phrases) {
            if (RedactionTokens.wordsAt(tokens, at, p)) {
                return true;
            }
        }
        return false;
    }

    /** Platforms whose display names are people's own (a business is on a page, not a handle). */
    private static final Set<String> PLATFORMS = LookupSets.of(
            "gmail", // "my gmail is tom jones ninety": the mailbox's name
            "hotmail",
            "outlook",
            "yahoo",
            "icloud",
            "wechat",
            "instagram",
            "insta",
            "ig",
            "tiktok",
            "snapchat",
            "snap",
            "telegram",
            "username",
            "handle",
            "whatsapp",
            "discord",
            "twitter",
            "youtube",
            "threads",
            "signal",
            "forum",
            "gamertag",
            "gamer",
            "venmo",
            "cashapp",
            "messenger",
            "linkedin",
            "reddit",
            "twitch",
            "xbox",
            "psn",
            "kik",
            "viber",
            "skype");
    /** Words that say the display name comes next. */
    private static final Set<String> NAMING = LookupSets.of("is", "it's", "its", "i'm", "called", "as", "at", "named");
    /** Words a display name never starts with, though they are no stop word ("the same", "private"). */
    private static final Set<String> NOT_A_NAME = LookupSets.of(
            "same",
            "private",
            "public",
            "down",
            "dead",
            "broken",
            "new",
            "old",
            "fine",
            "good",
            "better",
            "slow",
            "full",
            "weak",
            "strong",
            "off",
            "free",
            "easy",
            "hard",
            "best",
            "there",
            "also",
            "just",
            "still",
            // where something is: "my insta is at the bottom of the page", "my handle is at the back of the card"
            "bottom",
            "top",
            "back",
            "front",
            "end",
            "side",
            "middle",
            "start",
            "moment",
            "home",
            "work");

    private static final int NAMING_WINDOW = 8;
    private static final int MAX_NAME_WORDS = 5;

    /**
     * A display name made of ordinary words after a platform and a naming word: "my username is blue heron twelve",
     * "on instagram i'm at the real lola bee", "whatsapp name shows as papa bear", "my twitter it's detail king dan".
     * Two words at least, or one with digits ("my instagram is private" stays).
     */
    private static void displayNames(List<Token> tokens, List<SpokenNumbers.Found> out) {
        int n = tokens.size();
        for (int k = 0; k < n; k++) {
            if (tokens.get(k).type() != Type.WORD
                    || !PLATFORMS.contains(tokens.get(k).lower())) {
                continue;
            }
            for (int q = k + 1; q < Math.min(n, k + NAMING_WINDOW); q++) {
                if (!NAMING.contains(tokens.get(q).lower())) {
                    continue;
                }
                int end = displayNameEnd(tokens, q + 1, tokens.get(q).is("at"), namedOutright(tokens, k, q));
                if (end > q) {
                    int first = q + 1;
                    if (!covered(out, tokens.get(first).start())) {
                        out.add(new SpokenNumbers.Found(
                                tokens.get(first).start(), tokens.get(end).end(), "account"));
                    }
                    k = end;
                    break;
                }
            }
        }
    }

    private static boolean covered(List<SpokenNumbers.Found> out, int offset) {
        for (SpokenNumbers.Found f : out) {
            if (f.start() <= offset && offset < f.end()) {
                return true;
            }
        }
        return false;
    }

    /** Names that say "a name comes now" outright: "my username is", "my handle is", "my insta is at". */
    private static final Set<String> NAME_PLATFORMS = LookupSets.of("username", "handle", "gamertag");

    private static final Set<String> IS = LookupSets.of("is", "it's", "its", "i'm", "im");

    /**
     * True when the words after the naming word can only be a name, so everyday words ("car guy", "coffee and cars")
     * are the name's own: after "username"/"handle" + is, or after a platform + "is at".
     */
    private static boolean namedOutright(List<Token> tokens, int platform, int naming) {
        return NAME_PLATFORMS.contains(tokens.get(platform).lower())
                        && IS.contains(tokens.get(naming).lower())
                || tokens.get(naming).is("at")
                        && naming > 0
                        && IS.contains(tokens.get(naming - 1).lower());
    }

    /** Last token of a display name starting at {@code s}, or -1 when none starts there. */
    private static int displayNameEnd(List<Token> tokens, int s, boolean afterAt, boolean outright) {
        int n = tokens.size();
        int words = 0;
        int digits = 0;
        int end = -1;
        for (int k = s; k < n; k++) {
            if (words > 0 && digits == 0 && continuation(tokens, k) > 0) {
                k += continuation(tokens, k) - 1; // "fast lane fiona with the number two"
                continue;
            }
            Token t = tokens.get(k);
            String w = t.lower();
            boolean digit = DIGIT_WORDS.contains(w)
                    || t.type() == Type.DIGITS
                    || digits > 0 && (w.equals("hundred") || w.equals("thousand")); // "car guy two thousand"
            if (digit) {
                digits++;
                end = k;
                continue;
            }
            if (digits > 0 || t.type() != Type.WORD && t.type() != Type.ALNUM || words >= MAX_NAME_WORDS) {
                break; // digits end it: "blue heron twelve"
            }
            // after "at" the name is one handle said in words ("my insta is at coffee and cars"): "and" joins
            boolean inner = (w.equals("the") || w.equals("with") || afterAt && w.equals("and"))
                    && k > s - (w.equals("the") ? 1 : 0)
                    && k + 1 < n
                    && tokens.get(k + 1).type() == Type.WORD
                    && !(outright ? STOP : NameLists.STOP)
                            .contains(tokens.get(k + 1).lower())
                    && !NOT_A_NAME.contains(tokens.get(k + 1).lower());
            boolean stop = outright ? STOP.contains(w) : NameLists.STOP.contains(w);
            if (!inner && (stop || NOT_A_NAME.contains(w))) {
                break;
            }
            words++;
            end = k;
        }
        if (end < s || words + (digits > 0 ? 1 : 0) < 2) {
            return -1;
        }
        return end;
    }

    /** Chinese cues come as one token per character: 微 信, 抖 音, 用 户 名. */
    private static final List<String> HAN_CUES = List.of("微信", "扣扣", "抖音", "账号", "用户名", "小红书", "微博", "快手", "视频号", "闲鱼");

    private static int hanCue(List<Token> tokens, int k) {
        if (tokens.get(k).type() != Type.HAN
                || HAN_TRIGGERS.indexOf(tokens.get(k).lower().charAt(0)) < 0) {
            return 0;
        }
        for (String c : HAN_CUES) {
            if (k + c.length() <= tokens.size()) {
                boolean all = true;
                for (int x = 0; x < c.length() && all; x++) {
                    all = tokens.get(k + x).lower().equals(c.substring(x, x + 1));
                }
                if (all) {
                    return c.length();
                }
            }
        }
        return 0;
    }

    private static boolean isNamePart(Token t) {
        return (t.type() == Type.WORD || t.type() == Type.ALNUM || t.type() == Type.DIGITS)
                && !STOP.contains(t.lower());
    }

    /** Last token of the id running from {@code from}: letters, words, digits, digit words, separators. */
    private static int runEnd(List<Token> tokens, int from, int maxPlainWords) {
        int end = from - 1;
        int plain = 0;
        for (int k = from; k < tokens.size() && k < from + 12; k++) {
            Token t = tokens.get(k);
            String w = t.lower();
            boolean part;
            int joined = continuation(tokens, k);
            if (joined > 0) {
                end = k + joined; // "nightowl and then the hashtag four four": the digits after it are the id's
                k = end;
                plain = 0;
                continue;
            }
            if (SEPARATORS.contains(w)) {
                // "... no underscore. Test drive Thu 3pm.": a written full stop before a space ends the sentence
                boolean sentenceEnd = t.type() == Type.PUNCT
                        && k + 1 < tokens.size()
                        && tokens.get(k + 1).start() > t.end();
                part = !sentenceEnd && k + 1 < tokens.size() && isPiece(tokens.get(k + 1));
                plain = 0; // "kelly dot cars dot two four": a word after a separator is the id's own
            } else if (t.type() == Type.DIGITS
                    || t.type() == Type.ALNUM
                    || DIGIT_WORDS.contains(w)
                    || HAN_DIGITS.contains(w)
                    || t.type() == Type.WORD && w.length() == 1) {
                part = true;
            } else if (t.type() == Type.WORD
                    && !STOP.contains(w)
                    && (plain < maxPlainWords + 1 || tokens.get(k - 1).lower().equals(w))) { // "ling ling 八 八 六"
                part = true;
                plain++;
            } else {
                part = false;
            }
            if (!part) {
                break;
            }
            end = k;
        }
        while (end >= from && SEPARATORS.contains(tokens.get(end).lower())) {
            end--;
        }
        return end;
    }

    /**
     * How people join the digits on to a name they dictate: "and then the number", "followed by", "with the number",
     * "then the hashtag". Said between a name and digits, the phrase is a separator.
     */
    private static final List<List<String>> JOINS = List.of(
            List.of("and", "then", "the", "number"),
            List.of("and", "then", "the", "numbers"),
            List.of("and", "then", "the", "hashtag"),
            List.of("and", "then", "hashtag"),
            List.of("and", "then", "number"),
            List.of("and", "then"),
            List.of("then", "the", "number"),
            List.of("then", "the", "numbers"),
            List.of("then", "the", "hashtag"),
            List.of("followed", "by", "the", "number"),
            List.of("followed", "by"),
            List.of("with", "the", "number"),
            List.of("with", "the", "numbers"),
            List.of("with", "the", "hashtag"),
            List.of("and", "the", "number"),
            List.of("hashtag"));

    /**
     * Number of tokens of a joining phrase starting at {@code k} when the token after it is a digit or a digit word; 0
     * when none.
     */
    static int continuation(List<Token> tokens, int k) {
        String first = tokens.get(k).lower();
        if (!first.equals("and")
                && !first.equals("then")
                && !first.equals("followed")
                && !first.equals("with")
                && !first.equals("hashtag")) {
            return 0;
        }
        for (List<String> join : JOINS) {
            int after = k + join.size();
            if (after >= tokens.size()) {
                continue;
            }
            Token next = tokens.get(after);
            if (RedactionTokens.wordsAt(tokens, k, join)
                    && (next.type() == Type.DIGITS || DIGIT_WORDS.contains(next.lower()))) {
                return join.size();
            }
        }
        return 0;
    }

    /** Number of tokens of a joining phrase that ends right before token {@code i}; 0 when none does. */
    static int joinEndingAt(List<Token> tokens, int i) {
        for (List<String> join : JOINS) {
            if (RedactionTokens.wordsAt(tokens, i - join.size(), join)) {
                return join.size();
            }
        }
        return 0;
    }

    /** "a 杠 feng 八 三": a single letter (a stop word in English) that starts an id, a separator right after it. */
    private static boolean letterBeforeSeparator(List<Token> tokens, int s) {
        return tokens.get(s).type() == Type.WORD
                && tokens.get(s).lower().length() == 1
                && s + 1 < tokens.size()
                && SEPARATORS.contains(tokens.get(s + 1).lower());
    }

    /** Words of messaging a person: "message him at ...", "dm me at ...". */
    private static final Set<String> MESSAGING =
            LookupSets.of("message", "messaged", "dm", "ping", "follow", "add", "find");

    /**
     * An id said after "at" with a separator in it, where the line names a platform or a way to message someone: "its
     * at minh dot anh dot nguyen on instagram", "message him at hoang dot service". Without either, "at x dot y" is left
     * to the e-mail scanner.
     */
    private static void atHandles(List<Token> tokens, List<SpokenNumbers.Found> out) {
        boolean platform = false;
        for (Token t : tokens) {
            platform |= t.type() == Type.WORD && (LATIN_CUES.contains(t.lower()) || PLATFORMS.contains(t.lower()));
        }
        for (int k = 0; k + 1 < tokens.size(); k++) {
            if (!tokens.get(k).is("at") || tokens.get(k).type() != Type.WORD) {
                continue;
            }
            boolean messaging = false;
            for (int q = Math.max(0, k - 3); q < k; q++) {
                messaging |= MESSAGING.contains(tokens.get(q).lower());
            }
            int s = k + 1;
            if (!(platform || messaging)
                    || !isNamePart(tokens.get(s))
                    || covered(out, tokens.get(s).start())) {
                continue;
            }
            int end = runEnd(tokens, s, 0);
            boolean separated = false;
            for (int q = s; q <= end; q++) {
                separated |= SEPARATORS.contains(tokens.get(q).lower());
            }
            if (end > s && separated && idLike(tokens, s, end, true)) {
                out.add(new SpokenNumbers.Found(
                        tokens.get(s).start(), tokens.get(end).end(), "account"));
                k = end;
            }
        }
    }

    private static boolean isPiece(Token t) {
        return t.type() == Type.WORD
                || t.type() == Type.ALNUM
                || t.type() == Type.DIGITS
                || HAN_DIGITS.contains(t.lower());
    }

    /**
     * An id after a cue: right after it (only lead words between) with digits or separators, or, further on (微信 就是 拼音
     * 名字 加 生日 wanglei 零 六 一 二), with separators or digits said one by one ("微信 发 你 iphone 15" is a product).
     */
    private static boolean idLike(List<Token> tokens, int from, int end, boolean adjacent) {
        int spoken = 0;
        int digits = 0;
        int seps = 0;
        int letters = 0;
        boolean latin = false;
        for (int k = from; k <= end; k++) {
            Token t = tokens.get(k);
            String w = t.lower();
            int joined = continuation(tokens, k);
            if (joined > 0) {
                seps++;
                k += joined - 1;
            } else if (SEPARATORS.contains(w)) {
                seps++;
            } else if (t.type() == Type.DIGITS || t.type() == Type.ALNUM) {
                digits += 2;
                latin |= t.type() == Type.ALNUM;
            } else if (DIGIT_WORDS.contains(w) || HAN_DIGITS.contains(w)) {
                digits++;
                spoken++;
            } else if (t.type() == Type.WORD) {
                latin = true;
                if (w.length() == 1) {
                    letters++;
                }
            }
        }
        if (!latin) {
            return false;
        }
        if (letters >= 3) {
            return true; // spelled out letter by letter after the cue: "微信 z h a o lei", "wechat is j o h n"
        }
        return adjacent ? seps > 0 || digits >= 2 : seps > 0 || spoken >= 3;
    }
}
