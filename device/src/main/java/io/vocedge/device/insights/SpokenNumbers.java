package io.vocedge.device.insights;

import io.vocedge.device.insights.RedactionTokens.Token;
import io.vocedge.device.insights.RedactionTokens.Type;
import io.vocedge.device.insights.model.LookupSets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal numbers and spelled codes in token streams, however they were said or written: digit runs split by
 * spaces, dashes, dots, commas or fillers ({@code uh}, {@code 嗯}, {@code 那个}); digits spoken one by one in English
 * ({@code five five five}, {@code oh}, {@code double five}, {@code triple one}) or Chinese ({@code 一 三 八}, {@code 幺},
 * {@code 两}, {@code 洞}); grouped number words ({@code fifty five}, {@code thirteen}, {@code eight hundred});
 * self-corrections inside the number ({@code two two one oh sorry two two one four}); letters spelled one by one, in
 * the NATO alphabet or with aids ({@code b as in boy}), for licence plates (with a Chinese province character
 * before) and passport / licence numbers.
 *
 * <p>What is kept: amounts (a magnitude word such as {@code thousand}/{@code 万}/{@code 千}, a unit such as
 * {@code dollars}/{@code minutes}/{@code 块}/{@code 公里} right after, a currency sign before, thousands-formatted
 * {@code 29,999}), sequences shorter than a personal number (prices, times, years, quantities, {@code 12315}),
 * dates, counting ({@code one two three four five six}), and car model names ({@code GLE 350}: a letter-digit code
 * needs 7 symbols, or a cue such as "plate" / 车牌 before it).
 *
 * <p>Hand-written because no library covers spoken Chinese and English number sequences in recognizer output.
 */
final class SpokenNumbers {
    /** A found span: character offsets in the input and the kind (phone, id, card, plate). */
    record Found(int start, int end, String kind) {}

    private static final Map<String, Integer> DIGIT_WORDS = Map.ofEntries(
            Map.entry("zero", 0),
            Map.entry("oh", 0),
            Map.entry("o", 0),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("niner", 9),
            Map.entry("nought", 0));
    private static final Map<String, Integer> TEENS = Map.of(
            "ten",
            10,
            "eleven",
            11,
            "twelve",
            12,
            "thirteen",
            13,
            "fourteen",
            14,
            "fifteen",
            15,
            "sixteen",
            16,
            "seventeen",
            17,
            "eighteen",
            18,
            "nineteen",
            19);
    private static final Map<String, Integer> TENS = Map.of(
            "twenty", 2, "thirty", 3, "forty", 4, "fourty", 4, "fifty", 5, "sixty", 6, "seventy", 7, "eighty", 8,
            "ninety", 9);
    private static final Map<String, Integer> HAN_DIGITS = Map.ofEntries(
            Map.entry("零", 0),
            Map.entry("〇", 0),
            Map.entry("洞", 0),
            Map.entry("一", 1),
            Map.entry("幺", 1),
            Map.entry("二", 2),
            Map.entry("两", 2),
            Map.entry("兩", 2),
            Map.entry("三", 3),
            Map.entry("四", 4),
            Map.entry("五", 5),
            Map.entry("六", 6),
            Map.entry("七", 7),
            Map.entry("八", 8),
            Map.entry("九", 9));
    /**
     * Digits as read over a radio or a bad phone line (拐 for 七, 勾 for 九), or as a recognizer mishears 一 or 幺 (衣, 依,
     * 妖):
     * everyday words otherwise ("左 拐", "打 勾", "衣 服"),
     * so read as digits only right next to another Chinese digit ({@link #hanDigitNext}).
     */
    private static final Map<String, Integer> RADIO_DIGITS = Map.of("拐", 7, "勾", 9, "衣", 1, "依", 1, "妖", 1);

    /**
     * Digits a recognizer writes as everyday words (要 for 幺, 酒 and 久 for 九, 吧 for 八: "一 五 二 要 四 七 酒 三 零 八 六"): read
     * as digits only between two Chinese digits, since "我 要 三 台" and "久 等 了" are everyday speech.
     */
    private static final Map<String, Integer> MISHEARD_DIGITS = Map.of("要", 1, "酒", 9, "久", 9, "吧", 8);

    private static boolean hanDigitsAround(List<Token> tokens, int i) {
        return i > 0 && hanDigit(tokens.get(i - 1)) && i + 1 < tokens.size() && hanDigit(tokens.get(i + 1));
    }

    private static boolean hanDigitNext(List<Token> tokens, int i) {
        return i > 0 && hanDigit(tokens.get(i - 1)) || i + 1 < tokens.size() && hanDigit(tokens.get(i + 1));
    }

    private static boolean hanDigit(Token t) {
        return HAN_DIGITS.containsKey(t.lower()) || RADIO_DIGITS.containsKey(t.lower());
    }

    private static final Map<String, Character> NATO = Map.ofEntries(
            Map.entry("alpha", 'a'),
            Map.entry("alfa", 'a'),
            Map.entry("bravo", 'b'),
            Map.entry("charlie", 'c'),
            Map.entry("delta", 'd'),
            Map.entry("echo", 'e'),
            Map.entry("foxtrot", 'f'),
            Map.entry("golf", 'g'),
            Map.entry("hotel", 'h'),
            Map.entry("india", 'i'),
            Map.entry("juliet", 'j'),
            Map.entry("juliett", 'j'),
            Map.entry("kilo", 'k'),
            Map.entry("lima", 'l'),
            Map.entry("mike", 'm'),
            Map.entry("november", 'n'),
            Map.entry("oscar", 'o'),
            Map.entry("papa", 'p'),
            Map.entry("quebec", 'q'),
            Map.entry("romeo", 'r'),
            Map.entry("sierra", 's'),
            Map.entry("tango", 't'),
            Map.entry("uniform", 'u'),
            Map.entry("victor", 'v'),
            Map.entry("whiskey", 'w'),
            Map.entry("whisky", 'w'),
            Map.entry("xray", 'x'),
            Map.entry("x-ray", 'x'),
            Map.entry("yankee", 'y'),
            Map.entry("zulu", 'z'));
    /**
     * Words a recognizer writes for a digit said inside a number ("three one two five five five for one to ate",
     * "oh won seven"): read as the digit only among digits or letters said one by one (see {@link #amongDigits}), so
     * "two for one", "thirty two five to twenty nine nine" or "ending four four for order ..." keep their words.
     */
    private static final Map<String, Integer> HOMOPHONES = Map.of(
            "for", 4, "fore", 4, "to", 2, "too", 2, "ate", 8, "won", 1, "nein", 9, "tree", 3, "fife", 5, "niner", 9);

    /** True for a homophone that is no common preposition ("won", "too", "ate"): a digit said where digits are due. */
    static boolean digitHomophone(Token t) {
        return HOMOPHONES.containsKey(t.lower()) && !PREPOSITIONS.contains(t.lower());
    }

    /** Homophones that are also common prepositions: read as digits only with digits on both sides. */
    private static final Set<String> PREPOSITIONS = LookupSets.of("for", "fore", "to");

    /** A letter said on its own: a single Latin letter or a NATO word ("kilo", "oscar"). */
    static boolean isSpelledLetter(Token t) {
        return t.type() == Type.WORD
                && (t.lower().length() == 1 && RedactionTokens.isLatin(t.lower().charAt(0))
                        || NATO.containsKey(t.lower()));
    }

    /**
     * True when token {@code i} stands among symbols said one by one: a spoken digit, single letter or other homophone
     * next to it (on both sides for "for"/"to"), a real one at most two tokens away, and no grouped number word
     * ("twenty", "fifteen", "hundred") or magnitude within two tokens, since ranges of prices are said that way.
     */
    private static boolean amongDigits(List<Token> tokens, int i, boolean names) {
        boolean left = false;
        boolean right = false;
        boolean real = false;
        boolean preposition = PREPOSITIONS.contains(tokens.get(i).lower());
        // "plus nine won ninety eight ...": a country code's digit, whatever is said after it
        boolean countryCode = !preposition
                && i >= 2
                && COUNTRY_PREFIX.contains(tokens.get(i - 2).lower());
        for (int k = Math.max(0, i - 2); k <= Math.min(tokens.size() - 1, i + 2); k++) {
            if (k == i) {
                continue;
            }
            Token t = tokens.get(k);
            String w = t.lower();
            boolean grouped = TENS.containsKey(w) || TEENS.containsKey(w) || w.equals("hundred");
            if (grouped && !countryCode && (Math.abs(k - i) == 1 || preposition)
                    || w.length() > 1 && MAGNITUDES.contains(w)) {
                // but in "four too one sixty six" "too" is no preposition: a group two words on is a digit's
                return false;
            }
            boolean symbol = DIGIT_WORDS.containsKey(w)
                    || (t.type() == Type.DIGITS || t.type() == Type.WORD) && w.length() == 1
                    || names && LETTER_NAMES.containsKey(w); // "rego won a bee too sea dee": letters said as words
            real |= symbol;
            if (symbol || HOMOPHONES.containsKey(w)) {
                left |= k == i - 1;
                right |= k == i + 1;
            }
        }
        boolean sides =
                preposition ? left && right || right && oneShortOfPhone(digitsSaidAfter(tokens, i)) : left || right;
        return sides && (real || chainedToSymbol(tokens, i, names));
    }

    /**
     * True when a "for" or "to" before this many digits said one by one makes a phone number's length, seven or ten
     * ("call me on for won five five five five zero won too ate"); before a whole number it stays a word ("text to
     * seven seven zero zero nine zero zero one two three").
     */
    private static boolean oneShortOfPhone(int digits) {
        return digits == 6 || digits == 9;
    }

    /** Digits said one by one right after token {@code i}, homophones other than prepositions included. */
    private static int digitsSaidAfter(List<Token> tokens, int i) {
        int n = 0;
        for (int k = i + 1; k < tokens.size(); k++, n++) {
            String w = tokens.get(k).lower();
            if (!DIGIT_WORDS.containsKey(w) && !(HOMOPHONES.containsKey(w) && !PREPOSITIONS.contains(w))) {
                break;
            }
        }
        return n;
    }

    /**
     * True when a run of homophones next to token {@code i} leads to a symbol said one by one within four tokens: the
     * "ate" of "five zero won too ate", whose two neighbours are homophones themselves.
     */
    private static boolean chainedToSymbol(List<Token> tokens, int i, boolean names) {
        for (int step : new int[] {-1, 1}) {
            for (int k = i + step, n = 1; n <= 4 && k >= 0 && k < tokens.size(); k += step, n++) {
                String w = tokens.get(k).lower();
                if (DIGIT_WORDS.containsKey(w) || names && LETTER_NAMES.containsKey(w)) {
                    return n > 2;
                }
                if (!HOMOPHONES.containsKey(w) || PREPOSITIONS.contains(w)) {
                    break;
                }
            }
        }
        return false;
    }

    /**
     * True when the unit 晚 ("住 三 晚", three nights) at {@code k} opens 晚上, the evening: "手机 ... 三 零 八 六 晚上 别 打"
     * keeps its last digit in the number.
     */
    private static boolean evening(List<Token> tokens, int k) {
        return tokens.get(k).is("晚")
                && k + 1 < tokens.size()
                && tokens.get(k + 1).is("上");
    }

    /** Magnitudes: the number is an amount (price, mileage), never a personal number. */
    private static final Set<String> MAGNITUDES = LookupSets.of(
            "thousand", "million", "billion", "grand", "hundreds", "thousands", "十", "百", "千", "万", "萬", "亿", "億", "k");
    /** Units right after a number make it a quantity, time or price. */
    private static final Set<String> UNITS = LookupSets.copyOf(List.of(
            "dollars",
            "dollar",
            "bucks",
            "buck",
            "cents",
            "percent",
            "%",
            "miles",
            "mile",
            "km",
            "kms",
            "kilometers",
            "kilometres",
            "minutes",
            "minute",
            "mins",
            "min",
            "hours",
            "hour",
            "hrs",
            "days",
            "day",
            "weeks",
            "week",
            "months",
            "month",
            "monthly", // "twelve monthly payments"
            "weekly",
            "payments",
            "instalments",
            "installments",
            "years",
            "year",
            "yrs",
            "horsepower",
            "hp",
            "pounds",
            "pound",
            "grand",
            "quid",
            "euros",
            "euro",
            "yuan",
            "rmb",
            "kwh",
            "kw",
            "liters",
            "litres",
            "times",
            "people",
            "cars",
            "units",
            "o'clock",
            "am",
            "pm",
            "inch",
            "inches",
            "mph",
            "seconds",
            "percentage",
            "off",
            "degrees",
            "gigs",
            "gb",
            "tb",
            "mah",
            "cc",
            "nm",
            "lbs",
            "块",
            "元",
            "公里",
            "分钟",
            "小时",
            "天",
            "个",
            "年",
            "月",
            "号",
            "日",
            "点",
            "岁",
            "折",
            "次",
            "辆",
            "台",
            "位",
            "款",
            "度",
            "周",
            "星期",
            "分",
            "秒",
            "米",
            "升",
            "倍",
            "成",
            "档",
            "寸",
            "毫米",
            "期",
            "楼",
            "层",
            "人",
            "公斤",
            "斤",
            "克",
            "匹",
            "马力",
            "伏",
            "寸",
            "晚",
            "号码牌",
            "排",
            "座",
            "门",
            "多",
            "块钱",
            "毛",
            "角",
            "张",
            "份",
            "件",
            "套",
            "箱",
            "瓶",
            "杯",
            "本",
            "支",
            // the same in traditional characters (Hong Kong, Taiwan): 兩 is read as a digit, so 兩 點 must stay a time
            "塊",
            "個",
            "號",
            "點",
            "歲",
            "輛",
            "臺",
            "週",
            "張",
            "層",
            "樓",
            "門",
            "隻",
            "條",
            "蚊"));

    private static final Set<String> CURRENCY =
            LookupSets.of("$", "¥", "￥", "€", "£", "usd", "rmb", "hkd", "aud", "cad", "gbp");
    /** Said inside a number without ending it. */
    private static final Set<String> GAP_WORDS = LookupSets.of(
            "uh",
            "um",
            "er",
            "erm",
            "ah",
            "hmm",
            "mm",
            "umm",
            "uhh",
            "dash",
            "hyphen",
            "then",
            "sorry",
            "no",
            "wait",
            "actually",
            "mean",
            "space",
            "嗯",
            "呃",
            "啊",
            "哦",
            "额",
            "那个",
            "就是",
            "然后",
            "是",
            "杠",
            "横杠",
            "中间是",
            "后面是",
            "再",
            "不对",
            "说错了",
            "大写",
            "小写",
            "字母",
            "大写的",
            "小写的",
            "capital",
            "big",
            "small",
            "letter",
            "okay",
            "ok",
            "so",
            "like",
            "right",
            "yeah",
            "呀",
            "后面",
            "中间",
            "前面",
            "再是",
            "接着",
            "唔",
            "pause",
            "的"); // "一 五 九 的 二 三 四 五 的 六 七 八 九": said between the groups of a mobile number
    /** Filler phrases said inside a number ("five five five let me see oh one"): each counts as one gap word. */
    private static final List<List<String>> GAP_PHRASES = List.of(
            List.of("let", "me", "see"),
            List.of("let", "me", "check"),
            List.of("hold", "on"),
            List.of("you", "know"),
            List.of("i", "mean"),
            List.of("i", "think"),
            List.of("ok", "so"),
            List.of("wait", "a", "sec"),
            List.of("one", "sec"),
            List.of("hang", "on"),
            List.of("sorry", "i", "mean"),
            List.of("that's", "it"),
            List.of("and", "then"),
            List.of("我", "看", "看"),
            List.of("我", "想", "想"),
            List.of("我", "看", "一", "下"),
            List.of("我", "看", "下"),
            List.of("我", "找", "一", "下"),
            List.of("我", "查", "一", "下"),
            List.of("我", "想", "一", "下"),
            List.of("让", "我", "想", "想"),
            List.of("等", "一", "下"),
            List.of("等", "等"),
            List.of("稍", "等"),
            List.of("where", "was", "i"),
            List.of("let", "me", "think"),
            List.of("let", "me", "look"),
            List.of("give", "me", "a", "sec"),
            List.of("one", "moment"),
            List.of("bear", "with", "me"));
    /**
     * Letter names said when spelling ("bee", "ess", "double u"); read only after a plate or ID cue, or in a run that
     * spells one by itself ({@link #spelledByName}).
     */
    private static final Map<String, Character> LETTER_NAMES = Map.ofEntries(
            Map.entry("ay", 'a'),
            Map.entry("bee", 'b'),
            Map.entry("see", 'c'),
            Map.entry("cee", 'c'),
            Map.entry("dee", 'd'),
            Map.entry("ef", 'f'),
            Map.entry("eff", 'f'),
            Map.entry("gee", 'g'),
            Map.entry("aitch", 'h'),
            Map.entry("haitch", 'h'),
            Map.entry("eye", 'i'),
            Map.entry("jay", 'j'),
            Map.entry("kay", 'k'),
            Map.entry("el", 'l'),
            Map.entry("ell", 'l'),
            Map.entry("em", 'm'),
            Map.entry("en", 'n'),
            Map.entry("pee", 'p'),
            Map.entry("cue", 'q'),
            Map.entry("queue", 'q'),
            Map.entry("ar", 'r'),
            Map.entry("are", 'r'),
            Map.entry("ess", 's'),
            Map.entry("tee", 't'),
            Map.entry("tea", 't'),
            Map.entry("ee", 'e'),
            Map.entry("sea", 'c'),
            Map.entry("pea", 'p'),
            Map.entry("you", 'u'),
            Map.entry("vee", 'v'),
            Map.entry("ex", 'x'),
            Map.entry("why", 'y'),
            Map.entry("wye", 'y'),
            Map.entry("zed", 'z'),
            Map.entry("zee", 'z'),
            Map.entry("dub", 'w'));

    /** A {@link #LETTER_NAMES} word: a letter said by its name ("bee", "are", "why"). */
    static boolean isLetterName(String lower) {
        return LETTER_NAMES.containsKey(lower);
    }

    /**
     * Letter names that are no everyday English word, so two of them among digits spell a plate or an ID even with no
     * cue before it ("it's bee eff seven oh zed ex em"); "are", "you", "see", "why", "tea" and "em" (a filler) are
     * read only inside such a run.
     */
    private static final Set<String> PLAIN_LETTER_NAMES = LookupSets.of(
            "bee", "cee", "dee", "eff", "gee", "aitch", "haitch", "jay", "kay", "ell", "pee", "ess", "tee", "vee",
            "zed", "zee", "wye");

    /**
     * True when the symbols said from token {@code first} on, without a gap, hold at least two {@link
     * #PLAIN_LETTER_NAMES} and two digit words in five or more tokens: a plate or an ID spelled out with no cue.
     */
    private static boolean spelledByName(List<Token> tokens, int first) {
        int plain = 0;
        int singles = 0;
        int digits = 0;
        boolean grouped = false;
        int k = first;
        for (; k < tokens.size() && k - first < 16; k++) {
            String w = tokens.get(k).lower();
            if (PLAIN_LETTER_NAMES.contains(w)) {
                plain++;
            } else if (singleLetter(tokens.get(k)) && !w.equals("a") && !w.equals("i")) {
                singles++;
            } else if (DIGIT_WORDS.containsKey(w) || TEENS.containsKey(w) || TENS.containsKey(w)) {
                digits++;
                grouped |= !DIGIT_WORDS.containsKey(w);
            } else if (!LETTER_NAMES.containsKey(w) && !HOMOPHONES.containsKey(w) && !isSpelledLetter(tokens.get(k))) {
                break;
            }
        }
        // letters said alone count with the names when the digits are said one by one ("b why one seven see k d"),
        // not in a tyre's size ("two two five forty five r seventeen ninety one w")
        int letters = grouped ? plain : plain + singles;
        return k - first >= 5 && letters >= 2 && digits >= 2;
    }

    private static final Set<String> GAP_PUNCT =
            LookupSets.of("-", "–", "—", ".", ",", "，", "、", "(", ")", "·", "_", "+", "。", "…", ":");
    private static final Set<String> AIDS = LookupSets.of("as", "for", "like");
    static final Set<String> PLATE_CUES = LookupSets.of(
            "plate",
            "plates",
            "registration",
            "reg",
            "rego",
            "tag",
            "tags",
            "牌",
            "牌照",
            "车牌",
            "车牌号",
            "車牌",
            "number plate",
            "licence plate",
            "license plate",
            "vehicle number",
            "car number");
    private static final Set<String> ID_CUES = LookupSets.of(
            "passport",
            "ssn",
            "social",
            "license",
            "licence",
            "id",
            "order",
            "reference",
            "ref",
            "booking",
            "confirmation",
            "policy",
            "membership",
            "member",
            "loyalty",
            "会员",
            "身份证",
            "护照",
            "驾照",
            "驾驶证",
            "证件",
            "证",
            "licence number",
            "dl",
            "identification",
            "tax",
            "nin",
            "ni",
            "insurance",
            "pps",
            "aadhaar",
            "aadhar");
    private static final Set<String> AREA_CODE_CUES =
            LookupSets.of("area code", "区号", "country code", "extension", "分机", "分機", "區號");
    private static final Set<String> PROVINCES = LookupSets.of(
            "京", "津", "沪", "渝", "冀", "豫", "云", "辽", "黑", "湘", "皖", "鲁", "新", "苏", "浙", "赣", "鄂", "桂", "甘", "晋", "蒙",
            "陕", "吉", "闽", "贵", "粤", "青", "藏", "川", "宁", "琼");
    private static final List<String> HAN_PHRASES = List.of(
            "说错了", "中间是", "后面是", "大写的", "小写的", "下划线", "中划线", "下劃線", "中劃線", "驾驶证", "身份证", "车牌号", "那个", "就是", "然后", "不对",
            "横杠", "大写", "小写", "艾特", "字母", "区号", "分机", "分機", "區號", "车牌", "牌照", "护照", "驾照", "证件", "公里", "分钟", "小时", "星期",
            "毫米", "块钱", "马力", "公斤", "后面", "中间", "前面", "小老鼠", "爱特", "再是", "接着", "艾克斯", "会员");
    /** A UK sort code as written: three pairs of digits, shaped like a date but an account's after a bank cue. */
    private static final Pattern SORT_CODE = Pattern.compile("\\d{2}[-\\s]\\d{2}[-\\s]\\d{2}");

    private static final Pattern DATE = Pattern.compile(
            "(?:\\d{4}\\s*[-./]\\s*\\d{1,2}\\s*[-./]\\s*\\d{1,2}|\\d{1,2}\\s*[-./]\\s*\\d{1,2}\\s*[-./]\\s*\\d{2,4}"
                    // "back in stock on 12 06 2026": day, month and a full year, spaced
                    + "|(?:0?[1-9]|[12]\\d|3[01]) (?:0?[1-9]|1[0-2]) (?:19|20)\\d{2})"
                    + "(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?"); // "2025-06-14 14:30": a date and its time
    /**
     * Two dates as a period, or the start of one ("2024.03.01-2024.05.31", "2024/03/01 至 2024/05/31"): the second date's
     * month and day may have been cut off by the separator they share with the year.
     */
    private static final Pattern DATE_RANGE = Pattern.compile(
            "\\d{4}([./-])\\d{1,2}\\1\\d{1,2}\\s*(?:[-–~～]|至|到)\\s*\\d{4}(?:([./-])\\d{1,2}\\2\\d{1,2})?");
    /** A year, then a clock time: "Sent: 11 March 2024 16:02", "2024, 14:30". */
    private static final Pattern YEAR_AND_CLOCK =
            Pattern.compile("(?:19|20)\\d{2},?\\s+\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?");

    /** Clock times and opening hours written with a colon: "14:30", "08:00-18:00", "9:00 至 21:00". */
    // Bounded: java.util.regex recurses once per repetition of a group, and a line of thousands of "08:00-" overflowed
    // the stack with "*" (RedactorHostileInputTest).
    private static final Pattern CLOCK =
            Pattern.compile("\\d{1,2}[:：]\\d{2}(?:\\s*(?:[-–—~～]|至|到|to)\\s*\\d{1,2}[:：]\\d{2}){0,3}");

    private SpokenNumbers() {}

    /** The digit an English digit word stands for ("oh" 0, "niner" 9), or null. */
    static Integer digitWordValue(String lower) {
        return DIGIT_WORDS.get(lower);
    }

    /** "ten" to "nineteen". */
    static boolean isTeen(String lower) {
        return TEENS.containsKey(lower);
    }

    /** "twenty" to "ninety" (and "fourty"). */
    static boolean isTens(String lower) {
        return TENS.containsKey(lower);
    }

    /** The digit a Chinese digit stands for (幺 1, 两 2, 洞 0), or null. */
    static Integer hanDigitValue(String han) {
        return HAN_DIGITS.get(han);
    }

    /**
     * Number words a recognizer ran together ("fourfive three two", "fivefive", "sixtyeight") split back into one token
     * each, for the number scanner only: the learned tagger keeps the tokens it was trained on. {@code tokens} itself
     * when none is joined (the usual case: one pass, no copy).
     */
    static List<Token> splitJoined(List<Token> tokens) {
        List<Token> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            List<String> parts = t.type() == Type.WORD && t.lower().length() >= 5 ? joinedParts(t.lower()) : null;
            if (parts != null && out == null) {
                out = new ArrayList<>(tokens.subList(0, i));
            }
            if (parts == null) {
                if (out != null) {
                    out.add(t);
                }
                continue;
            }
            int at = t.start();
            for (String p : parts) {
                out.add(new Token(
                        Type.WORD,
                        at,
                        at + p.length(),
                        p,
                        t.raw().substring(at - t.start(), at - t.start() + p.length())));
                at += p.length();
            }
        }
        return out == null ? tokens : out;
    }

    /**
     * Words that may be joined: the tens, then the digits ("o" alone excepted: "fiveo"). Tens first, so "seventyone"
     * is not read as "seven" and a dead end.
     */
    private static final List<String> JOINABLE = List.of(
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "zero", "oh", "one", "two",
            "three", "four", "five", "six", "seven", "eight", "nine");

    /** {@code w} as two or more {@link #JOINABLE} words, or null. */
    private static List<String> joinedParts(String w) {
        List<String> parts = new ArrayList<>(4);
        int at = 0;
        while (at < w.length()) {
            String found = null;
            for (String j : JOINABLE) {
                if (w.startsWith(j, at)) {
                    found = j;
                    break;
                }
            }
            if (found == null) {
                return null;
            }
            parts.add(found);
            at += found.length();
        }
        return parts.size() >= 2 ? parts : null;
    }

    /** Han tokens that form one word for the scanners ({@code 中间是}, {@code 下划线}) are merged into one token. */
    static List<Token> merge(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            Token merged = null;
            if (t.type() == Type.HAN && PHRASE_STARTS.indexOf(t.lower().charAt(0)) >= 0) {
                for (String p : HAN_PHRASES) {
                    if (p.charAt(0) == t.lower().charAt(0)
                            && i + p.length() <= tokens.size()
                            && matchesHan(tokens, i, p)) {
                        Token last = tokens.get(i + p.length() - 1);
                        merged = new Token(Type.HAN, t.start(), last.end(), p, p);
                        i += p.length();
                        break;
                    }
                }
            }
            if (merged == null) {
                out.add(t);
                i++;
            } else {
                out.add(merged);
            }
        }
        return out;
    }

    /** First characters of {@link #HAN_PHRASES}, to skip the phrase loop for every other character. */
    private static final String PHRASE_STARTS = firstChars(HAN_PHRASES);

    private static String firstChars(List<String> phrases) {
        StringBuilder sb = new StringBuilder();
        for (String p : phrases) {
            if (sb.indexOf(p.substring(0, 1)) < 0) {
                sb.append(p.charAt(0));
            }
        }
        return sb.toString();
    }

    private static boolean matchesHan(List<Token> tokens, int from, String phrase) {
        for (int k = 0; k < phrase.length(); k++) {
            Token t = tokens.get(from + k);
            if (t.type() != Type.HAN || t.lower().length() != 1 || t.lower().charAt(0) != phrase.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** One symbol-bearing piece of a sequence: the tokens it used and what it contributes. */
    private record Piece(int first, int last, String symbols, int value) {}

    /**
     * Every word of two letters or more that can open a sequence below: what {@link #piece} reads without letter names
     * (digit words, homophones, teens, tens, "hundred", "double", "triple", NATO words) and the letter names, "dub".
     */
    private static final Set<String> SEQUENCE_WORDS = sequenceWords();

    private static Set<String> sequenceWords() {
        Set<String> s = new java.util.HashSet<>();
        s.addAll(DIGIT_WORDS.keySet());
        s.addAll(HOMOPHONES.keySet());
        s.addAll(TEENS.keySet());
        s.addAll(TENS.keySet());
        s.addAll(NATO.keySet());
        s.addAll(LETTER_NAMES.keySet());
        s.addAll(List.of("hundred", "double", "triple", "dub"));
        return LookupSets.copyOf(s);
    }

    static List<Found> find(String text, List<Token> tokens) {
        List<Found> out = new ArrayList<>();
        List<Seq> seqs = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            String w0 = tokens.get(i).lower();
            if (i > 0 && tokens.get(i - 1).is("last") && (w0.equals("four") || w0.equals("4"))) {
                i++; // "last four 0093": the four names the tail, it is not its first digit
                continue;
            }
            if (clockAt(tokens, i)) {
                i += 3; // "Gate log 21:14: LV70 HNB": a clock time starts no number, and the plate after it is its own
                continue;
            }
            if (tokens.get(i).type() == Type.WORD
                    && w0.length() > 1
                    && !SEQUENCE_WORDS.contains(w0)
                    && !plateLettersBeforeDigits(tokens, i)) {
                i++; // most words: one lookup, where piece() would try a dozen tables
                continue;
            }
            if (piece(tokens, i, false) == null
                    && tokens.get(i).type() != Type.ALNUM
                    && !plateLettersBeforeDigits(tokens, i)
                    && !LETTER_NAMES.containsKey(w0)
                    && !w0.equals("double")
                    && !w0.equals("triple")
                    && !w0.equals("dub")) {
                i++;
                continue;
            }
            // letter names ("bee", "double u") are read only after a plate or ID cue, or in a run of plain letter
            // names and digits: looked up once per sequence
            String cue = cueBefore(tokens, i);
            boolean names = "plate".equals(cue) || "id".equals(cue) || spelledByName(tokens, i);
            Piece p = piece(tokens, i, names);
            if (p == null) {
                i++;
                continue;
            }
            List<Piece> pieces = new ArrayList<>();
            pieces.add(p);
            int j = p.last() + 1;
            boolean amount = false;
            int group = 0; // index in pieces of the group being said (the pieces after the last gap)
            int correctedAt = -1; // index in pieces of the first piece said after "no sorry", 不对 ...
            boolean confirmed = false;
            while (j < tokens.size()) {
                int k = j;
                int gapWords = 0;
                int gapPunct = 0;
                int speakers = 0;
                boolean correction = false;
                boolean sentenceBreak = false;
                while (k < tokens.size() && gapWords <= 2 && gapPunct <= 3) {
                    Token g = tokens.get(k);
                    correction |= takesBack(g.lower()); // what follows replaces it
                    int phrase = gapPhrase(tokens, k);
                    int speaker = speakerLabel(tokens, k);
                    if (g.type() == Type.PUNCT && GAP_PUNCT.contains(g.lower())) {
                        gapPunct++;
                        sentenceBreak |=
                                (g.is(".") && !(k > 0 && tokens.get(k - 1).is(".")) // "4... 5": a pause
                                                || g.is(":")
                                                || g.is("。"))
                                        && (g.end() >= text.length() || Character.isWhitespace(text.charAt(g.end())));
                    } else if (speaker > 0 && speakers < 2) {
                        // a transcript's speaker turns inside a number dictated and read back ("customer five four one
                        // two staff yep customer seven five ..."): not counted as filler words
                        speakers++;
                        k += speaker;
                        continue;
                    } else if (phrase > 0) {
                        gapWords++;
                        k += phrase;
                        continue;
                    } else if (CONFIRMATIONS.contains(g.lower()) && (digitCount(pieces) < 10 || speakers > 0)) {
                        // "oh seven seven yes oh nine ...": a confirmation between the groups of a number not yet
                        // complete, or in a dictation's turns; after ten digits said by one speaker it ends the
                        // number ("... yes one two three four in the middle")
                        gapWords++;
                        confirmed = true;
                    } else if (GAP_WORDS.contains(g.lower())
                            && !(g.is("o") || g.is("oh"))
                            && !(g.is("的") && symbols(pieces).length() >= 11)) { // a whole mobile: 的 ends it
                        gapWords++;
                    } else {
                        break;
                    }
                    k++;
                }
                if (k >= tokens.size()) {
                    break;
                }
                Token next = tokens.get(k);
                if (gapPunct > 0 && modelYearBeforeName(tokens, k)) {
                    break; // "rego 1VX 4KD, 2021 Mazda CX-5": the plate ends, the car's year and name follow
                }
                if (clockAt(tokens, k)) {
                    break; // "闽D·K7719 15:40进场": a clock time is no part of the number before it
                }
                if (gapPunct > 0 && countAfterGap(tokens, k)) {
                    break; // "尾号5518，两笔都是1,299元": after a comma, 两 and a measure word count things
                }
                if ((gapPunct > 0 || digitCount(pieces) >= 12) && slashDateAt(tokens, k)) {
                    break; // "4929 1234 5678 9012, 09/26": a card's expiry or a date after it, no group of it
                }
                if (sentenceBreak && gapWords == 0 && writtenAfterWritten(tokens, pieces, k)) {
                    // "Leeds LS6 2QT. Two boxes", "linkedin.com/in/...-4b2a19: 12 Transit vans": written text, where a
                    // full stop or a colon after a written code starts the next thing said, not its next group
                    break;
                }
                Piece last = pieces.get(pieces.size() - 1);
                // "fifty k" is an amount; "j k four", "粤 A 三 六 二 K 一" spell a code
                boolean letterK = next.is("k")
                        && (last.value() < 0
                                        && !last.symbols().isEmpty()
                                        && RedactionTokens.isLatin(last.symbols()
                                                .charAt(last.symbols().length() - 1))
                                || k + 1 < tokens.size() && piece(tokens, k + 1, names) != null
                                || hasLetter(pieces));
                if (k == j && next.is("十") && digitsStated(tokens, k)) {
                    break; // "... 六 二 八 幺 四 十 九 位 的": how many digits the number has, said after it
                }
                if (k == j && isMagnitude(next) && !letterK) {
                    Piece tens = pieces.get(pieces.size() - 1);
                    if (next.is("十")
                            && pieces.size() > 1
                            && tens.first() == tens.last()
                            && tokens.get(tens.first()).type() == Type.HAN
                            && digitCount(pieces) > 7
                            && unitAfterTens(tokens, k)) {
                        // "... eight four five nine 二 十 四 期", "一 三 八 ... 七 八 三 十 分钟": a count in tens after a
                        // long run belongs to the unit after it; the run before stays a number
                        pieces.remove(pieces.size() - 1);
                        break;
                    }
                    amount = true;
                    break;
                }
                if (k == j && next.is("分") && instalmentsAfter(tokens, k + 1)) {
                    break; // "卡号 ... 八 四 五 九 分 三 十 六 期": 分 splits the payment; the card's last digit stays its own
                }
                if (k == j && UNITS.contains(next.lower()) && !weekday(tokens, k) && !evening(tokens, k)) {
                    Piece tens = pieces.get(pieces.size() - 1);
                    if (pieces.size() > 1
                            && hanTens(tokens, tens)
                            && digitCount(pieces) - tens.symbols().length() >= 7) {
                        // "... eight four five nine 二十四 期": a count in tens after a long run is the unit's
                        pieces.remove(pieces.size() - 1);
                        break;
                    }
                    if (digitCount(pieces) >= 13
                            && tokens.get(pieces.get(0).first()).type() == Type.DIGITS) {
                        // "卡 6011 0009 9013 9424 分 三 期": a card's groups, the unit is the next words'; but in
                        // "卡 6225 8812 3456 7890 12 期" the short number before the unit is its quantity
                        Piece qty = pieces.get(pieces.size() - 1);
                        if (pieces.size() > 1
                                && tokens.get(qty.first()).type() == Type.DIGITS
                                && qty.symbols().length() <= 2) {
                            pieces.remove(pieces.size() - 1);
                        }
                        break;
                    }
                    if (pieces.size() >= 7 || hasLetter(pieces) && pieces.size() >= 6) {
                        // "京 A 幺 二 三 四 六 两 台", "一 三 八 ... 七 八 三 个": the quantity is the last piece only
                        Piece qty = pieces.get(pieces.size() - 1);
                        if (qty.first() == qty.last() && tokens.get(qty.first()).type() == Type.HAN
                                || groupedWords(tokens, qty)) {
                            // "... nine oh five twelve payments": a count said in tens is the unit's too
                            pieces.remove(pieces.size() - 1);
                            break;
                        }
                    }
                    amount = true;
                    break;
                }
                if (speakers > 0 && gapWords <= 2 && gapPunct <= 3) {
                    int echoEnd = echo(tokens, k, symbols(pieces.subList(group, pieces.size())), names);
                    if (echoEnd > 0) {
                        j = echoEnd; // the other speaker reading the group back: part of the span, not of the number
                        continue;
                    }
                }
                Piece q = gapWords > 2 || gapPunct > 3 ? null : piece(tokens, k, names);
                if (q == null || decimalAt(tokens, q) || quantityAt(tokens, k)) {
                    break;
                }
                if (k > j) {
                    group = pieces.size();
                }
                if (correction) {
                    correctedAt = pieces.size();
                }
                pieces.add(q);
                j = q.last() + 1;
            }
            int first = pieces.get(0).first();
            int last = pieces.get(pieces.size() - 1).last();
            if (first > 0 && CURRENCY.contains(tokens.get(first - 1).lower()) || sumBefore(tokens, first)) {
                amount = true;
            }
            if (first > 0 && isMagnitude(tokens.get(first - 1))) {
                if (tokens.get(first - 1).is("十")
                        && (first < 2
                                || !HAN_DIGITS.containsKey(tokens.get(first - 2).lower()))
                        && symbols(pieces).length() >= 9
                        && oneByOne(tokens, pieces)) {
                    // "十 三 九 零 一 二 ...": a mobile number's 13 said as thirteen, the rest digit by digit
                    pieces.add(0, new Piece(first - 1, first - 1, "1", 1));
                    first--;
                } else {
                    amount = true;
                }
            }
            if (first > 0
                    && PRICE_CUES.contains(tokens.get(first - 1).lower())
                    && pieces.size() == 1
                    && tokens.get(first).type() == Type.DIGITS
                    && tokens.get(first).lower().length() <= 9
                    && tokens.get(first).lower().charAt(0) != '0') {
                amount = true; // "the house costs 1200000": a price written without commas
            }
            String kind = amount ? null : classify(text, tokens, pieces);
            if ("phone".equals(kind) && confirmed && !mobileShaped(symbols(pieces), text) && new Talk(text).card()) {
                kind = "card"; // 卡号 呢 五 二 一 对 七 七 三 零 对 ...: a card's groups, each confirmed
            }
            if (kind == null && !amount && pieces.size() > 2 && isArticle(tokens.get(first))) {
                // "it's a kilo eight mike ...": the article is no letter of the code
                pieces.remove(0);
                first = pieces.get(0).first();
                kind = classify(text, tokens, pieces);
                group--;
                correctedAt--;
            }
            // a group or correction start past the end: its pieces were taken off as a quantity ("... 两 台")
            if (kind == null && !amount && correctedAt > 0 && correctedAt < pieces.size()) {
                split(text, tokens, pieces, correctedAt, true, seqs);
            } else if (kind == null && !amount && group > 0 && group < pieces.size() && hasLetter(pieces)) {
                // "h k l so b d five one h k l": a code's piece, a filler, then the code said whole
                split(text, tokens, pieces, group, false, seqs);
            } else {
                seqs.add(new Seq(first, last, symbols(pieces), amount, kind, oneByOne(tokens, pieces)));
            }
            i = last + 1;
        }
        bridge(text, tokens, seqs);
        repeatedBack(tokens, seqs);
        for (Seq q : seqs) {
            if (q.kind() == null) {
                continue;
            }
            int first = q.first();
            int start = tokens.get(first).start();
            int province = q.kind().equals("plate") ? provinceBefore(tokens, first) : -1;
            if (province >= 0) {
                start = tokens.get(province).start();
            }
            if (first > 0 && COUNTRY_PREFIX.contains(tokens.get(first - 1).lower())) {
                start = tokens.get(first - 1).start();
            }
            out.add(new Found(start, tokens.get(q.last()).end(), q.kind()));
        }
        return out;
    }

    /**
     * A part of a removed number said again elsewhere in the utterance: read back to check ("so I have ... yes nine
     * one three six"), asked about ("一 八 五 开头 的 吧"), or a wrong version corrected ("尾号 是 幺 九 洞 七 不是 幺 九 零
     * 一"). A sequence said digit by digit that shares three digits in a row with a removed number goes as that kind.
     */
    private static void repeatedBack(List<Token> tokens, List<Seq> seqs) {
        if (seqs.size() < 2) {
            return;
        }
        for (int k = 0; k < seqs.size(); k++) {
            Seq q = seqs.get(k);
            String plate =
                    q.kind() == null && !q.amount() && !(q.symbols().length() == 2 && makeBefore(tokens, q.first()))
                            ? plateHolding(seqs, q.symbols())
                            : null;
            if (plate != null) {
                seqs.set(k, new Seq(q.first(), q.last(), q.symbols(), false, plate, q.oneByOne()));
                continue;
            }
            if (q.kind() != null
                    || q.amount()
                    || !q.oneByOne()
                    || q.symbols().length() < 3
                    || !allDigits(q.symbols())) {
                continue;
            }
            for (Seq r : seqs) {
                if (r.kind() != null && !r.kind().equals("plate") && sharesThree(q.symbols(), r.symbols())) {
                    seqs.set(k, new Seq(q.first(), q.last(), q.symbols(), false, r.kind(), true));
                    break;
                }
            }
        }
    }

    /** Car makes said before a model's letter and digit ("宝马 X5", "audi q5"): the model is no piece of a plate. */
    private static final Set<String> MAKES_BEFORE_MODEL = LookupSets.of(
            "宝马",
            "寶馬",
            "奥迪",
            "奧迪",
            "奔驰",
            "沃尔沃",
            "bmw",
            "audi",
            "volvo",
            "lexus",
            "mercedes",
            "benz",
            "mazda",
            "tesla",
            "infiniti",
            "genesis",
            "kia",
            "hyundai",
            "mg",
            "byd",
            "nissan",
            "ford",
            "toyota",
            "honda",
            "subaru",
            "porsche",
            "jeep",
            "dodge",
            "chevy",
            "chevrolet",
            "vw",
            "volkswagen",
            "skoda",
            "peugeot",
            "renault");

    /** True when the words right before token {@code first} are a car make (two Chinese characters or a word). */
    static boolean makeBefore(List<Token> tokens, int first) {
        if (first < 1) {
            return false;
        }
        Token before = tokens.get(first - 1);
        if (MAKES_BEFORE_MODEL.contains(before.lower())) {
            return true;
        }
        return first >= 2
                && before.type() == Type.HAN
                && MAKES_BEFORE_MODEL.contains(tokens.get(first - 2).lower() + before.lower());
    }

    /**
     * A piece of a removed plate said apart, before or after it ("it's y d one seven the tag's worn y d one seven x k
     * m", 浙 a 嗯 然后 呢 五 m 还有 呢 四 零 九 ... 浙 a 五 m 四 零 九): three of its symbols in a row, or a letter and a
     * digit, found inside the plate.
     */
    private static String plateHolding(List<Seq> seqs, String symbols) {
        int n = symbols.length();
        boolean mixed = n == 2 && hasLatin(symbols) && !allLatin(symbols);
        if (n < 3 && !mixed) {
            return null;
        }
        for (Seq r : seqs) {
            if ("plate".equals(r.kind())
                    && r.symbols().length() > n
                    && r.symbols().contains(symbols)) {
                return "plate";
            }
        }
        return null;
    }

    private static boolean hasLatin(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (RedactionTokens.isLatin(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean allLatin(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (!RedactionTokens.isLatin(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sharesThree(String a, String b) {
        for (int k = 0; k + 3 <= a.length(); k++) {
            if (b.contains(a.substring(k, k + 3))) {
                return true;
            }
        }
        return false;
    }

    /** Said digit by digit or written as digits: how the end of a card or an id is read out, not a price. */
    private static boolean readOut(List<Token> tokens, List<Piece> pieces) {
        if (oneByOne(tokens, pieces)) {
            return true;
        }
        for (Piece p : pieces) {
            if (tokens.get(p.first()).type() != Type.DIGITS) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(List<Piece> pieces) {
        for (Piece p : pieces) {
            String y = p.symbols();
            if (!y.isEmpty() && RedactionTokens.isLatin(y.charAt(0))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isArticle(Token t) {
        return t.type() == Type.WORD
                && (t.raw().equals("a") || t.raw().equals("I") || t.raw().equals("i"));
    }

    /**
     * A sequence that is no number as a whole because it was corrected part-way ("bee eff seven oh zed ex em no sorry
     * zed ex en") or said in two goes: the part before {@code at} and the part after are read apart. After a
     * correction, a short part after a removed one is its correction (the plate's last letters said again) and goes as
     * the same kind.
     */
    private static void split(
            String text, List<Token> tokens, List<Piece> pieces, int at, boolean correction, List<Seq> seqs) {
        List<Piece> before = pieces.subList(0, at);
        List<Piece> after = pieces.subList(at, pieces.size());
        String kindBefore = classify(text, tokens, before);
        String kindAfter = classify(text, tokens, after);
        String said = symbols(after);
        if (correction
                && kindAfter == null
                && kindBefore != null
                && said.length() >= 2
                && said.length() <= symbols(before).length()) {
            kindAfter = kindBefore;
        }
        for (List<Piece> part : List.of(before, after)) {
            seqs.add(new Seq(
                    part.get(0).first(),
                    part.get(part.size() - 1).last(),
                    symbols(part),
                    false,
                    part == before ? kindBefore : kindAfter,
                    oneByOne(tokens, part)));
        }
    }

    /** One number or code sequence as read: its tokens, symbols, whether it is an amount, and its kind (or null). */
    private record Seq(int first, int last, String symbols, boolean amount, String kind, boolean oneByOne) {}

    /**
     * Digits said one by one ("five five five", "幺三八", "double oh"), or written with a leading zero: how numbers
     * that identify someone are read out, unlike prices ("twelve ninety nine", "1299").
     */
    private static boolean oneByOne(List<Token> tokens, List<Piece> pieces) {
        for (Piece p : pieces) {
            Token t = tokens.get(p.first());
            String w = t.lower();
            boolean ok = DIGIT_WORDS.containsKey(w)
                    || HAN_DIGITS.containsKey(w)
                    || HOMOPHONES.containsKey(w) // a piece already: read as a digit among digits ("four two won")
                    || w.equals("double")
                    || w.equals("triple")
                    || t.type() == Type.DIGITS && (w.length() == 1 || w.charAt(0) == '0');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String symbols(List<Piece> pieces) {
        StringBuilder sb = new StringBuilder();
        for (Piece p : pieces) {
            sb.append(p.symbols());
        }
        return sb.toString();
    }

    /** Right before a number written as one digit run, these make it a price. */
    private static final Set<String> PRICE_CUES =
            LookupSets.of("costs", "cost", "price", "priced", "budget", "售价", "价格", "价", "卖", "花了", "总价", "报价");

    /** Said before a country code ("+44", "plus forty four", "加八六"). */
    private static final Set<String> COUNTRY_PREFIX = LookupSets.of("+", "plus", "加", "＋");
    /** Whether the utterance talks of a card or a phone: scanned once, and only when a join asks. */
    private static final class Talk {
        private final String text;
        private int card = -1;
        private int phone = -1;

        Talk(String text) {
            this.text = text;
        }

        boolean card() {
            if (card < 0) {
                card = mentions(text, CARD_CUES) ? 1 : 0;
            }
            return card == 1;
        }

        boolean phone() {
            if (phone < 0) {
                phone = mentions(text, PHONE_CUES) ? 1 : 0;
            }
            return phone == 1;
        }

        private static boolean mentions(String text, List<String> cues) {
            for (String c : cues) {
                if (RedactionTokens.containsIgnoreCase(text, c)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Words that say a card is being talked about, anywhere in the utterance. */
    private static final List<String> CARD_CUES = List.of(
            "card",
            "visa",
            "mastercard",
            "amex",
            "diners",
            "jcb",
            "maestro",
            "debit",
            "credit",
            "unionpay",
            "卡",
            "银联",
            "刷");
    /**
     * At most this many unknown words (punctuation not counted) may stand between two parts of one number ("where
     * was i", "我看一下").
     */
    static final int MAX_BRIDGE_TOKENS = 4;

    /**
     * Joins two neighbouring digit sequences separated by up to {@link #MAX_BRIDGE_TOKENS} words that are not numbers
     * (fillers nobody listed: "where was i", "我看一下", "let me grab it") when the digits together are a personal
     * number by a check of their own, never by length alone: a Luhn-valid 13-19 digit card number in an utterance that
     * talks about a card; an 18-digit Chinese ID whose check character is right; an 11-digit Chinese mobile number
     * (1[3-9]...); a number after a country code ({@code +86}, {@code plus forty four}, {@code 加八六}) or a trunk
     * prefix ({@code 0161}) completed by the part after the filler; two short parts both said digit by digit in an
     * utterance about a phone; a start said again in full. Amounts never join, nor do parts across a sentence end, a
     * unit or a magnitude.
     */
    private static void bridge(String text, List<Token> tokens, List<Seq> seqs) {
        if (seqs.size() < 2) {
            return; // most utterances: the cue scans below are not paid for
        }
        Talk talk = new Talk(text); // the cue scans run only when a join needs them
        int k = 0;
        while (k + 1 < seqs.size()) {
            Seq a = seqs.get(k);
            Seq b = seqs.get(k + 1);
            String joined = joinKind(tokens, a, b, talk);
            if (joined == null) {
                k++;
                continue;
            }
            seqs.set(
                    k,
                    new Seq(
                            a.first(),
                            b.last(),
                            a.symbols() + b.symbols(),
                            false,
                            joined,
                            a.oneByOne() && b.oneByOne()));
            seqs.remove(k + 1);
        }
    }

    private static String joinKind(List<Token> tokens, Seq a, Seq b, Talk talk) {
        if (a.amount() || b.amount() || b.first() - a.last() - 1 > 2 * MAX_BRIDGE_TOKENS) {
            return null;
        }
        if (hotline(a.symbols()) || hotline(b.symbols())) {
            return null; // "your 1300 number — 1300 655 210": a business line whole, nothing to join
        }
        for (int g = a.first(); g <= b.last(); g++) {
            if (tokens.get(g).is(":") || tokens.get(g).is("：")) {
                // "CUS-0048213, booked for 10:30", "at 08:15, job card 77312": a clock time is no part of a number
                return null;
            }
        }
        int words = 0;
        for (int g = a.last() + 1; g < b.first(); g++) {
            if (tokens.get(g).type() != Type.PUNCT) {
                words++;
            }
        }
        boolean correction = a.kind() != null && b.kind() == null && correctionBetween(tokens, a, b);
        if (words > MAX_BRIDGE_TOKENS && !(correction && words <= MAX_BRIDGE_TOKENS + 2)) {
            return null;
        }
        if (!allDigits(a.symbols()) || !(allDigits(b.symbols()) || isIdBody(b.symbols()))) {
            return null;
        }
        for (int g = a.last() + 1; g < b.first(); g++) {
            Token t = tokens.get(g);
            if (t.type() == Type.PUNCT && SENTENCE_END.contains(t.lower())
                    || t.type() == Type.AMOUNT
                    || UNITS.contains(t.lower())
                    || isMagnitude(t)) {
                return null;
            }
        }
        String d = a.symbols() + b.symbols();
        int la = a.symbols().length();
        int lb = b.symbols().length();
        if (la < 2 || lb < 3) {
            return null;
        }
        if (d.length() == 18 && chineseIdCheck(d)) {
            return "id";
        }
        if (d.length() >= 13 && d.length() <= 19 && la < 13 && lb < 13 && luhn(d) && talk.card()) {
            return "card";
        }
        // sixteen digits said one by one in groups of four in a line about a card, the check digit misheard or
        // misspoken: still the card ("... three three four four and five five six six")
        if (d.length() == 16 && la % 4 == 0 && lb % 4 == 0 && a.oneByOne() && b.oneByOne() && talk.card()) {
            return "card";
        }
        boolean countryCode = a.first() > 0
                        && COUNTRY_PREFIX.contains(tokens.get(a.first() - 1).lower())
                || a.symbols().startsWith("00");
        if (countryCode && la <= 8 && d.length() >= 10 && d.length() <= 15) {
            return "phone";
        }
        if (d.length() == 11 && d.charAt(0) == '1' && d.charAt(1) >= '3' && la <= 7 && lb <= 8) {
            return "phone";
        }
        // a trunk prefix said first ("oh one six one, and after that, four nine six ..."): a landline
        if (a.symbols().charAt(0) == '0' && la >= 3 && la <= 5 && d.length() >= 9 && d.length() <= 12) {
            return "phone";
        }
        // two short parts said digit by digit in a line about a phone ("five five five, that's, oh one four seven")
        if (a.oneByOne()
                && b.oneByOne()
                && la >= 3
                && (la <= 6 && lb <= 6 || la <= 4 && lb <= 8)
                && d.length() >= 7
                && d.length() <= 12
                && talk.phone()) {
            return "phone";
        }
        // an area code said before a number that is a phone by itself ("seven one eight and the rest is five five five
        // twelve twelve")
        if ("phone".equals(b.kind()) && a.oneByOne() && la >= 3 && la <= 4 && d.length() >= 10 && d.length() <= 12) {
            return "phone";
        }
        // a correction of the end of a number just given ("<id> 错 了 应该 是 零 零 二 一", "sorry the last bit is ...")
        if (correction && b.oneByOne() && lb <= 6) {
            return a.kind();
        }
        // a start said again in full ("幺三八 我再说一遍 幺三八 一二三四 五六七八"): the first attempt goes with it
        if (b.kind() != null && la >= 3 && b.symbols().startsWith(a.symbols())) {
            return b.kind();
        }
        return null;
    }

    private static boolean correctionBetween(List<Token> tokens, Seq a, Seq b) {
        for (int g = a.last() + 1; g < b.first(); g++) {
            if (CORRECTIONS.contains(tokens.get(g).lower())) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> CORRECTIONS = LookupSets.of(
            "错", "不对", "不對", "不是", "应", "改", "说错了", "sorry", "mean", "actually", "correction", "wrong", "scratch");

    /** A word that takes back what was just said, so what follows replaces it: a correction word, "no" or "wait". */
    static boolean takesBack(String word) {
        return CORRECTIONS.contains(word) || word.equals("no") || word.equals("wait");
    }

    /** Words that say a phone number is being given, anywhere in the utterance. */
    private static final List<String> PHONE_CUES = List.of(
            "phone",
            "number",
            "call",
            "ring",
            "text",
            "mobile",
            "cell",
            "whatsapp",
            "reach",
            "电话",
            "手机",
            "号码",
            "联系",
            "打我",
            "微信");

    private static final Set<String> SENTENCE_END = LookupSets.of(".", "。", "?", "？", "!", "！", ";", "；");

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (!RedactionTokens.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdBody(String s) {
        return s.length() >= 2 && s.endsWith("x") && allDigits(s.substring(0, s.length() - 1));
    }

    /** Luhn check (bank cards): every second digit from the right doubled, the sum a multiple of ten. */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int k = 0; k < digits.length(); k++) {
            int v = digits.charAt(digits.length() - 1 - k) - '0';
            if (k % 2 == 1) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
        }
        return sum % 10 == 0;
    }

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** GB 11643 check character of an 18-character Chinese resident ID (17 digits then a digit or x). */
    static boolean chineseIdCheck(String id) {
        if (id.length() != 18 || !allDigits(id.substring(0, 17))) {
            return false;
        }
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (id.charAt(k) - '0') * ID_WEIGHTS[k];
        }
        return "10x98765432".charAt(sum % 11) == Character.toLowerCase(id.charAt(17));
    }

    /** The province character before a plate's letter, right before it or with one filler between (津 呃 C ...); or -1. */
    private static int provinceBefore(List<Token> tokens, int first) {
        if (first > 0 && PROVINCES.contains(tokens.get(first - 1).lower())) {
            return first - 1;
        }
        if (first > 0
                && (PROVINCE_SOUNDS.contains(tokens.get(first - 1).lower())
                        || PINYIN_PROVINCES.contains(tokens.get(first - 1).lower()))
                && spelledPlate(tokens, first)) {
            return first - 1; // 户 A 三 K 七 七 九: 沪 as the recognizer heard it
        }
        if (first > 1
                && PROVINCES.contains(tokens.get(first - 2).lower())
                && (SpokenEmails.LEAD_FILLERS.contains(tokens.get(first - 1).lower())
                        || tokens.get(first - 1).is("临"))) {
            return first - 2; // and a temporary plate's 临: 京 临 a 三 八 二 九 六
        }
        return -1;
    }

    /**
     * Characters a recognizer writes for a province's: 户 for 沪, 经 for 京, 月 for 粤, 路 for 鲁, 玉 for 豫, 香 for 湘.
     * Common words otherwise, so one counts only before a plate's whole shape ({@link #spelledPlate}).
     */
    static final String PROVINCE_SOUND_CHARS = "户护经精晶月越路录陆玉遇预香乡湘酥素这折民敏穿传鱼于进近金晚碗饿跪柜";

    private static final Set<String> PROVINCE_SOUNDS = PROVINCE_SOUND_CHARS
            .chars()
            .mapToObj(c -> String.valueOf((char) c))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Provinces' plate characters in pinyin, as said in English: "jing a b nine two seven six", "yue b d ...". */
    private static final Set<String> PINYIN_PROVINCES = LookupSets.of(
            "jing", "jin", "hu", "yu", "ji", "yun", "liao", "hei", "xiang", "wan", "lu", "xin", "su", "zhe", "gan",
            "gui", "meng", "shan", "min", "yue", "qing", "zang", "chuan", "ning", "qiong");

    /**
     * A plate's shape after a province as heard: one Latin letter, then five or six letters and digits said one by one
     * (at least three digits), and nothing more of the kind after them.
     */
    private static boolean spelledPlate(List<Token> tokens, int first) {
        if (!singleLetter(tokens.get(first))) {
            return false;
        }
        int symbols = 0;
        int digits = 0;
        int k = first + 1;
        for (; k < tokens.size() && symbols < 7; k++) {
            Token t = tokens.get(k);
            if (HAN_DIGITS.containsKey(t.lower())
                    || t.type() == Type.DIGITS && t.lower().length() == 1
                    || DIGIT_WORDS.containsKey(t.lower()) && !singleLetter(t)) {
                digits++;
            } else if (!singleLetter(t) && !HAN_LETTERS.containsKey(t.lower())) {
                break;
            }
            symbols++;
        }
        return (symbols == 5 || symbols == 6) && digits >= 3;
    }

    /**
     * Letters of a Chinese plate as a recognizer writes them (地 for D, 比 for B, 诶 for A, 西 for C): read as letters only
     * right after a province and its letter ({@link #inPlate}).
     */
    private static final Map<String, Character> HAN_LETTERS =
            Map.of("地", 'd', "弟", 'd', "比", 'b', "币", 'b', "诶", 'a', "西", 'c');

    /** Token {@code i} follows a province (or its sound) and one Latin letter, maybe with letters and digits between. */
    private static boolean inPlate(List<Token> tokens, int i) {
        for (int k = i - 1; k >= Math.max(1, i - 6); k--) {
            Token t = tokens.get(k);
            if (singleLetter(t)
                    && (PROVINCES.contains(tokens.get(k - 1).lower())
                            || PROVINCE_SOUNDS.contains(tokens.get(k - 1).lower()))) {
                return true;
            }
            if (!singleLetter(t) && !HAN_DIGITS.containsKey(t.lower()) && !HAN_LETTERS.containsKey(t.lower())) {
                return false;
            }
        }
        return false;
    }

    private static final Set<String> CONFIRMATIONS = LookupSets.of("yes", "yep", "对");

    private static int digitCount(List<Piece> pieces) {
        int n = 0;
        for (Piece p : pieces) {
            for (int k = 0; k < p.symbols().length(); k++) {
                if (RedactionTokens.isDigit(p.symbols().charAt(k))) {
                    n++;
                }
            }
        }
        return n;
    }

    /** A mobile number's shape: 11 digits starting 1[3-9] (China) or 07 (UK). */
    private static boolean mobileShaped(String digits, String text) {
        return digits.length() == 11
                && (digits.charAt(0) == '1' && digits.charAt(1) >= '3'
                        || digits.startsWith("07") && !hasHan(text)); // in Chinese, 0755... is Shenzhen's area code
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /**
     * The token after a group of at least three symbols said again from {@code k} with nothing between its pieces and
     * no digit right after it (a read-back, "seven five three three staff seven five three three"), or -1.
     */
    private static int echo(List<Token> tokens, int k, String group, boolean names) {
        if (group.length() < 3) {
            return -1;
        }
        StringBuilder said = new StringBuilder();
        int at = k;
        while (said.length() < group.length() && at < tokens.size()) {
            Piece p = piece(tokens, at, names);
            if (p == null) {
                return -1;
            }
            said.append(p.symbols());
            at = p.last() + 1;
        }
        if (!said.toString().equals(group) || at < tokens.size() && piece(tokens, at, names) != null) {
            return -1;
        }
        return at;
    }

    /**
     * Speaker labels a diarised transcript writes before each turn ("customer", "staff", 客户, 销售): tokens it spans at
     * {@code k}, or 0.
     */
    private static int speakerLabel(List<Token> tokens, int k) {
        Token t = tokens.get(k);
        if (t.type() == Type.WORD) {
            return SPEAKERS.contains(t.lower()) ? 1 : 0;
        }
        if (t.type() != Type.HAN
                || k + 1 >= tokens.size()
                || HAN_SPEAKER_STARTS.indexOf(t.lower().charAt(0)) < 0) {
            return 0; // most characters: no two-character label starts with them, no string is built
        }
        return SPEAKERS.contains(t.lower() + tokens.get(k + 1).lower()) ? 2 : 0;
    }

    private static final String HAN_SPEAKER_STARTS = "客顾销店";

    private static final Set<String> SPEAKERS =
            LookupSets.of("customer", "staff", "agent", "caller", "advisor", "adviser", "客户", "顾客", "销售", "店员", "客服");

    /** Length in tokens of the filler phrase starting at {@code k}, or 0. */
    private static int gapPhrase(List<Token> tokens, int k) {
        for (List<String> p : GAP_PHRASES) {
            if (RedactionTokens.wordsAt(tokens, k, p)) {
                return p.size();
            }
        }
        return groupLabel(tokens, k);
    }

    private static final Set<String> GROUP_ORDINALS =
            LookupSets.of("next", "last", "second", "third", "final", "other");
    private static final Set<String> HAN_GROUP_SIZES = LookupSets.of("三", "四", "五", "六");
    private static final Set<String> GROUP_SIZES = LookupSets.of("three", "four", "five", "six", "3", "4", "5", "6");
    private static final Set<String> GROUP_NOUNS = LookupSets.of("are", "is", "digits", "numbers");

    /**
     * Length of a group label said between the groups of a card or phone ("... next four nine eight two two then ...
     * last four five five six zero", "and the other four are"), or 0: its count word is not a digit of the number.
     */
    private static int groupLabel(List<Token> tokens, int k) {
        if (k + 2 < tokens.size()
                && HAN_GROUP_SIZES.contains(tokens.get(k).lower())
                && tokens.get(k + 1).is("位")
                && (hanDigit(tokens.get(k + 2)) || tokens.get(k + 2).is("是"))) {
            return 2; // "然后 六 位 六 八 四 九 四 八": the size of the group said next
        }
        int at = k < tokens.size() && (tokens.get(k).is("and") || tokens.get(k).is("then")) ? k + 1 : k;
        at = at < tokens.size() && tokens.get(at).is("the") ? at + 1 : at;
        if (at + 1 >= tokens.size()
                || !GROUP_ORDINALS.contains(tokens.get(at).lower())
                || !GROUP_SIZES.contains(tokens.get(at + 1).lower())) {
            return 0;
        }
        int end = at + 2;
        while (end < tokens.size()
                && end < at + 4
                && GROUP_NOUNS.contains(tokens.get(end).lower())) {
            end++;
        }
        return end - k;
    }

    /**
     * Two or three letters read as one word inside a plate or id after its cue ("seven abc one two three"), between
     * digits, and no English word ("seven and one two", "plate is new one two three" stay words).
     */
    private static final Set<String> SHORT_WORDS = LookupSets.of(
            "new", "old", "red", "big", "top", "low", "suv", "gas", "lot", "bay", "row", "tag", "reg", "dot", "and",
            "or", "is", "was", "the", "not", "yes", "no", "ok", "to", "too", "for", "won", "ate", "mph", "kg", "km",
            "cc", "hp", "kw", "am", "pm", "st", "nd", "rd", "th", "its", "off", "on", "in", "at", "by", "my", "me",
            "we", "us", "he", "she", "it", "so", "do", "go", "up", "eh", "uh", "um", "er", "ah", "oh");

    private static boolean plateLetters(List<Token> tokens, int i, String w) {
        if (w.length() < 2 || w.length() > 3 || i == 0 || i + 1 >= tokens.size()) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if (w.charAt(k) < 'a' || w.charAt(k) > 'z') {
                return false;
            }
        }
        return !NameLists.STOP.contains(w)
                && !SHORT_WORDS.contains(w)
                && DIGIT_WORDS.containsKey(tokens.get(i - 1).lower())
                && DIGIT_WORDS.containsKey(tokens.get(i + 1).lower());
    }

    /** A unit, a magnitude or a currency word: what makes the number before (or after) it an amount. */
    static boolean amountWord(Token t) {
        String w = t.lower();
        return UNITS.contains(w) || MAGNITUDES.contains(w) || CURRENCY.contains(w);
    }

    private static boolean isMagnitude(Token t) {
        return MAGNITUDES.contains(t.lower());
    }

    /**
     * Measure words after a Chinese numeral that make it a count (三 个, 两 天, 五 次, 三 辆), unless a digit follows 个. Not
     * 周 (七 周末, 周一) or 张 (a surname).
     */
    private static final String COUNTED_AFTER = "个次天辆台";

    /** A time of day written as one token: "9am", "12pm", "7.30pm". */
    private static final Pattern TIME_OF_DAY = Pattern.compile("\\d{1,2}(?:[.:]\\d{2})?(?:am|pm)");

    /**
     * A quantity written with its unit in one token: storage, capacity, power in any case ("256GB"); volume, mass and
     * length only as units are written, in lower case ("500ml"), since "5ML" may end a plate.
     */
    private static final Pattern MEASURE = Pattern.compile(
            "\\d+(?:\\.\\d+)?(?:(?i:gb|tb|mb|kb|mah|ghz|mhz|hz|kw|kwh|hp|ps)|ml|cl|kg|mg|mm|cm|km|nm|mph|kph)");

    /** A single letter joined by a slash to another single letter: "S/C 09-01-28", "A/C no", "c/o". */
    private static boolean slashAbbreviation(List<Token> tokens, int i) {
        return i + 2 < tokens.size() && tokens.get(i + 1).is("/") && singleLetter(tokens.get(i + 2))
                || i >= 2 && tokens.get(i - 1).is("/") && singleLetter(tokens.get(i - 2));
    }

    /** A word of two letters or more that no reading of a number or code takes ("was", "want"; not "five", "bravo"). */
    private static boolean ordinaryWord(Token t) {
        return t.type() == Type.WORD && t.lower().length() > 1 && !SEQUENCE_WORDS.contains(t.lower());
    }

    /** A speaker correcting what they just said, right after token {@code last}: 不是, 不对, 说错了, "no sorry". */
    private static boolean correctionAfter(List<Token> tokens, int last) {
        for (int k = last + 1; k < Math.min(tokens.size(), last + 4); k++) {
            String w = tokens.get(k).lower();
            if (w.equals("不对")
                    || w.equals("说错了")
                    || w.equals("sorry")
                    || w.equals("no")
                    || w.equals("不")
                            && k + 1 < tokens.size()
                            && (tokens.get(k + 1).is("是") || tokens.get(k + 1).is("对"))) {
                return true;
            }
            if (!SpokenEmails.LEAD_FILLERS.contains(w)) {
                return false;
            }
        }
        return false;
    }

    /** Makes said letter by letter: the first pieces, single letters, spell one. */
    private static final Set<String> SPELLED_MAKES = LookupSets.of("bmw", "vw", "gmc", "kia", "byd", "mg", "gwm", "ds");

    private static boolean spelledBrand(List<Token> tokens, List<Piece> pieces) {
        StringBuilder make = new StringBuilder();
        for (Piece p : pieces) {
            Token t = tokens.get(p.first());
            if (p.first() != p.last() || t.type() != Type.WORD || t.lower().length() != 1) {
                break;
            }
            make.append(t.lower());
            if (SPELLED_MAKES.contains(make.toString()) && make.length() >= 2) {
                return pieces.size() > make.length(); // the model comes after: "b m w three twenty"
            }
            if (make.length() >= 3) {
                break;
            }
        }
        return false;
    }

    /** A year said in two groups ("twenty sixteen", "nineteen ninety eight") and then a letter: a model's year and name. */
    private static boolean spokenYearBeforeModel(List<Token> tokens, List<Piece> pieces) {
        if (pieces.size() < 3) {
            return false;
        }
        Piece century = pieces.get(0);
        Piece year = pieces.get(1);
        String next = pieces.get(2).symbols();
        return (century.value() == 19 || century.value() == 20)
                && groupedNumberWord(tokens.get(century.first()))
                && year.value() >= 10
                && groupedNumberWord(tokens.get(year.first()))
                && !next.isEmpty()
                && RedactionTokens.isLatin(next.charAt(0));
    }

    /** A number said in words ("seven", "twenty"; not "o" and "oh", which are also a filler and a letter). */
    private static boolean spokenNumberWord(Token t) {
        String w = t.lower();
        return t.type() == Type.WORD && !w.equals("o") && !w.equals("oh") && isNumberWord(w);
    }

    /** A spoken digit or grouped number word ("seven", "twenty", "fifteen"). */
    static boolean isNumberWord(String w) {
        return DIGIT_WORDS.containsKey(w) || TEENS.containsKey(w) || TENS.containsKey(w);
    }

    /** 周末, 周一 ... 周日 at token {@code k}: a day ("... 五 零 七 周末 来"), not 周 the unit of "三 周". */
    private static boolean weekday(List<Token> tokens, int k) {
        return tokens.get(k).is("周")
                && k + 1 < tokens.size()
                && "末一二三四五六日天".contains(tokens.get(k + 1).lower());
    }

    /** Two capital letters written as a word, then a digit: "PX 八 八 二 一", "AB 1234" said after a plate cue. */
    private static boolean plateLettersBeforeDigits(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        String raw = t.raw();
        if (raw.length() != 2 || i + 1 >= tokens.size()) {
            return false;
        }
        for (int k = 0; k < 2; k++) {
            if (raw.charAt(k) < 'A' || raw.charAt(k) > 'Z') {
                return false;
            }
        }
        Token next = tokens.get(i + 1);
        return next.type() == Type.DIGITS || HAN_DIGITS.containsKey(next.lower());
    }

    /** 店 at token {@code k} in 我们 店 / 咱们 店 / 本 店: the store's own number follows. */
    private static boolean ourStore(List<Token> tokens, int k) {
        if (!tokens.get(k).is("店") || k == 0) {
            return false;
        }
        return tokens.get(k - 1).is("本")
                || k >= 2
                        && tokens.get(k - 1).is("们")
                        && (tokens.get(k - 2).is("我") || tokens.get(k - 2).is("咱"));
    }

    /** 十 at token {@code k} starts "十 九 位" / "十 八 位": the count of the digits just said. */
    private static boolean digitsStated(List<Token> tokens, int k) {
        return k + 2 < tokens.size()
                && HAN_DIGITS.containsKey(tokens.get(k + 1).lower())
                && tokens.get(k + 2).is("位");
    }

    /**
     * The number so far ends in a written code (digits or letters and digits) and token {@code k} is a written number
     * or a capitalised word: the two sides of a full stop or colon in written text.
     */
    private static boolean writtenAfterWritten(List<Token> tokens, List<Piece> pieces, int k) {
        Token before = tokens.get(pieces.get(pieces.size() - 1).last());
        if (before.type() != Type.DIGITS && before.type() != Type.ALNUM) {
            return false;
        }
        Token next = tokens.get(k);
        return next.type() == Type.DIGITS
                || next.type() == Type.ALNUM
                || next.type() == Type.WORD
                        && next.raw().length() > 1
                        && Character.isUpperCase(next.raw().charAt(0));
    }

    /**
     * A written quantity at token {@code k}: "1 x fridge freezer", "2 x 205/55R16", "3× filters". After an order
     * number ("order 55-20931, 1 x fridge freezer") it is the line's next item, not the number's last digit.
     */
    private static boolean quantityAt(List<Token> tokens, int k) {
        if (k + 2 >= tokens.size()
                || tokens.get(k).type() != Type.DIGITS
                || tokens.get(k).lower().length() > 3
                || !(tokens.get(k + 1).is("x") || tokens.get(k + 1).is("×"))) {
            return false;
        }
        Token item = tokens.get(k + 2);
        return item.type() == Type.DIGITS
                || item.type() == Type.ALNUM
                || item.type() == Type.WORD && item.lower().length() > 1;
    }

    /** A clock time written at token {@code k}: "15:40", "9:05". */
    private static boolean clockAt(List<Token> tokens, int k) {
        return k + 2 < tokens.size()
                && tokens.get(k).type() == Type.DIGITS
                && tokens.get(k).lower().length() <= 2
                && (tokens.get(k + 1).is(":") || tokens.get(k + 1).is("："))
                && tokens.get(k + 2).type() == Type.DIGITS
                && tokens.get(k + 2).lower().length() == 2;
    }

    /** Measure words after which 两 counts things (两 笔, 两 张 卡, 两 台): no digit of a number said before. */
    private static final String COUNT_MEASURES = "笔张个次天台辆件位套条份年月";

    /** At {@code k}: 两 and a measure word ("两笔", "两 张"), a count, not the digit 2. */
    private static boolean countAfterGap(List<Token> tokens, int k) {
        return k + 1 < tokens.size()
                && tokens.get(k).is("两")
                && tokens.get(k + 1).lower().length() == 1
                && COUNT_MEASURES.indexOf(tokens.get(k + 1).lower().charAt(0)) >= 0;
    }

    /** A date or an expiry written at token {@code k}: "09/26", "3/2027", "14/06/31". */
    private static boolean slashDateAt(List<Token> tokens, int k) {
        return k + 2 < tokens.size()
                && tokens.get(k).type() == Type.DIGITS
                && tokens.get(k).lower().length() <= 2
                && tokens.get(k + 1).is("/")
                && tokens.get(k + 2).type() == Type.DIGITS
                && (tokens.get(k + 2).lower().length() == 2
                        || tokens.get(k + 2).lower().length() == 4);
    }

    /** A model year written at token {@code k}, then a capitalised name: "2021 Mazda", "2018 Toyota". */
    private static boolean modelYearBeforeName(List<Token> tokens, int k) {
        Token t = tokens.get(k);
        if (t.type() != Type.DIGITS || !years(t.lower()) || k + 1 >= tokens.size()) {
            return false;
        }
        Token name = tokens.get(k + 1);
        return name.type() == Type.WORD
                && Character.isUpperCase(name.raw().charAt(0))
                && name.raw().length() > 1;
    }

    /** Second characters of words that start with 一 and name no number: 一共, 一起, 一直, 一定, 一样, 一般, 一些, 一切. */
    private static final String ONE_WORDS = "共起直定样般些切";

    /**
     * "... a two point five litre": a digit that opens a decimal starts an amount, not the code's next symbol; "... 五 点
     * 半 以后 打": a Chinese digit before 点 tells the time.
     */
    private static boolean decimalAt(List<Token> tokens, Piece q) {
        int k = q.last() + 1;
        if (q.first() == q.last()
                && k < tokens.size()
                && tokens.get(k).is("点")
                && HAN_DIGITS.containsKey(tokens.get(q.first()).lower())) {
            return true;
        }
        return q.first() == q.last()
                && k + 1 < tokens.size()
                && tokens.get(k).is("point")
                && (DIGIT_WORDS.containsKey(tokens.get(k + 1).lower())
                        || tokens.get(k + 1).type() == Type.DIGITS);
    }

    private static boolean groupedNumberWord(Token t) {
        return TENS.containsKey(t.lower()) || TEENS.containsKey(t.lower()) || t.is("hundred");
    }

    private static boolean singleLetter(Token t) {
        return t.type() == Type.WORD
                && t.lower().length() == 1
                && RedactionTokens.isLatin(t.lower().charAt(0));
    }

    /** A currency's letters before a price: "S", "HK", "NT", "US" glued to "$", or "RM" / "MYR" glued to the digits. */
    private static final Pattern CURRENCY_CODE = Pattern.compile("(?:s|hk|nt|us|a|c|nz|rm|myr|sgd|hkd|usd|rmb)");

    private static final Pattern CURRENCY_AMOUNT = Pattern.compile("(?:rm|myr|sgd|hkd|usd|rmb)\\d+");

    private static boolean currencyCode(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (CURRENCY_AMOUNT.matcher(t.lower()).matches()) {
            return true;
        }
        return i + 1 < tokens.size()
                && tokens.get(i + 1).is("$")
                && tokens.get(i + 1).start() == t.end()
                && i + 2 < tokens.size()
                && tokens.get(i + 2).start() == tokens.get(i + 1).end()
                && CURRENCY_CODE.matcher(t.lower()).matches();
    }

    /** The symbol piece starting at token {@code i}, or null when that token cannot be part of a number or code. */
    private static Piece piece(List<Token> tokens, int i, boolean names) {
        Token t = tokens.get(i);
        String w = t.lower();
        if ((t.type() == Type.WORD || t.type() == Type.ALNUM) && currencyCode(tokens, i)) {
            return null; // "S$3,200", "HK$600", "RM350": a price in a currency, no letter of a code
        }
        switch (t.type()) {
            case DIGITS:
                return new Piece(i, i, w, w.length() <= 2 ? Integer.parseInt(w) : -1);
            case ALNUM: // after an id or plate cue any code counts ("e-gift code XMAS4J8-PL2W3")
                if (MEASURE.matcher(t.raw()).matches() || TIME_OF_DAY.matcher(w).matches()) {
                    return null; // "256GB", "500ml", "5000mAh": a quantity with its unit; "9am-7pm": opening hours
                }
                return codeLike(w) || names && w.length() <= 12 ? new Piece(i, i, w, -1) : null;
            case AMOUNT:
                return null;
            case PUNCT:
                return null;
            case HAN: {
                if (w.equals("一")
                        && i + 1 < tokens.size()
                        && (tokens.get(i + 1).is("下") || tokens.get(i + 1).is("遍"))) {
                    return null; // 一下, 一遍 ("看一下", "再说一遍"): "a moment", "once more", no digit
                }
                if (w.equals("一")
                        && i + 1 < tokens.size()
                        && tokens.get(i + 1).start() == t.end()
                        && ONE_WORDS.indexOf(tokens.get(i + 1).lower()) >= 0
                        && tokens.get(i + 1).lower().length() == 1) {
                    return null; // 一共, 一起, 一直 written as one word: "in all", "together", no digit
                }
                Integer d = HAN_DIGITS.get(w);
                if (d != null) {
                    Piece repeat = hanRepeat(tokens, i, d);
                    if (repeat == null
                            && i + 1 < tokens.size()
                            && tokens.get(i + 1).lower().length() == 1
                            && COUNTED_AFTER.indexOf(tokens.get(i + 1).lower().charAt(0)) >= 0) {
                        return null; // "...5567 889，三个工作日到账", 两 天, 五 次: so many of something, no digit
                    }
                    if (repeat == null && countedRange(tokens, i)) {
                        return null; // "... 三 零 三 到 五 个 工作日": a range of days after a card, no digit
                    }
                    return repeat != null ? repeat : new Piece(i, i, String.valueOf(d), d);
                }
                if (w.equals("叉") || w.equals("艾克斯")) {
                    return new Piece(i, i, "x", -1);
                }
                Character letter = HAN_LETTERS.get(w);
                if (letter != null && inPlate(tokens, i)) {
                    return new Piece(i, i, String.valueOf(letter), -1); // 苏 E 地 六 六 二 八 八: a green plate's D
                }
                Integer radio = RADIO_DIGITS.get(w);
                if (radio != null && hanDigitNext(tokens, i)) {
                    return new Piece(i, i, String.valueOf(radio), radio);
                }
                Integer misheard = MISHEARD_DIGITS.get(w);
                if (misheard != null && hanDigitsAround(tokens, i)) {
                    return new Piece(i, i, String.valueOf(misheard), misheard);
                }
                return null;
            }
            case WORD:
            default:
                break;
        }
        if (names
                && (w.equals("double") || w.equals("dub"))
                && i + 1 < tokens.size()
                && (tokens.get(i + 1).is("u") || tokens.get(i + 1).is("you"))) {
            return new Piece(i, i + 1, "w", -1);
        }
        if (names
                && w.equals("ex")
                && i + 1 < tokens.size()
                && tokens.get(i + 1).is("ray")) {
            return new Piece(i, i + 1, "x", -1); // "ex ray": x-ray as the recognizer wrote it
        }
        if (names && LETTER_NAMES.containsKey(w)) {
            return new Piece(i, i, String.valueOf(LETTER_NAMES.get(w)), -1);
        }
        if (names && plateLettersBeforeDigits(tokens, i)) {
            return new Piece(i, i, w, -1); // 車牌 係 PX 八 八 二 一: a Hong Kong plate's two letters, then its digits
        }
        if (names && plateLetters(tokens, i, w)) {
            return new Piece(i, i, w, -1); // "plate seven abc one two three": the letters read as one word
        }
        if (w.equals("double") || w.equals("triple")) {
            int at = i + 1 < tokens.size() && tokens.get(i + 1).is("-") ? i + 2 : i + 1; // "double-oh"
            if (at < tokens.size()) {
                Piece next = piece(tokens, at, names);
                if (next != null && next.symbols().length() == 1) {
                    String s = next.symbols().repeat(w.equals("double") ? 2 : 3);
                    return new Piece(i, next.last(), s, -1);
                }
            }
            return null;
        }
        Integer d = DIGIT_WORDS.get(w);
        if (d != null) {
            Piece repeat = pluralRepeat(tokens, i, d, names);
            return repeat != null ? repeat : new Piece(i, i, String.valueOf(d), d);
        }
        Integer h = HOMOPHONES.get(w);
        if (h != null && amongDigits(tokens, i, names)) {
            return new Piece(i, i, String.valueOf(h), h);
        }
        Integer teen = TEENS.get(w);
        if (teen != null) {
            return new Piece(i, i, String.valueOf(teen), teen);
        }
        Integer tens = TENS.get(w);
        if (tens != null) {
            if (i + 1 < tokens.size()) {
                Integer unit = DIGIT_WORDS.get(tokens.get(i + 1).lower());
                if (unit != null && unit > 0 && !tokens.get(i + 1).is("o")) {
                    return new Piece(i, i + 1, String.valueOf(tens * 10 + unit), tens * 10 + unit);
                }
                // written "eighty-eight": the hyphen joins, it does not separate
                if (i + 2 < tokens.size() && tokens.get(i + 1).is("-")) {
                    Integer u = DIGIT_WORDS.get(tokens.get(i + 2).lower());
                    if (u != null
                            && u > 0
                            && !tokens.get(i + 2).is("o")
                            && !tokens.get(i + 2).is("oh")) {
                        return new Piece(i, i + 2, String.valueOf(tens * 10 + u), tens * 10 + u);
                    }
                }
            }
            return new Piece(i, i, tens + "0", tens * 10);
        }
        if (w.equals("hundred")) {
            // "eight hundred" -> 800; "one hundred twenty three" -> 1 + 23; "one hundred five" -> 1 + 05.
            if (i + 2 < tokens.size() && tokens.get(i + 1).is("and")) {
                // "nine hundred and twelve": the "and" belongs to the number
                String nx = tokens.get(i + 2).lower();
                if (TENS.containsKey(nx) || TEENS.containsKey(nx)) {
                    return new Piece(i, i + 1, "", -1);
                }
                if (DIGIT_WORDS.containsKey(nx) && !nx.equals("o") && !nx.equals("oh")) {
                    return new Piece(i, i + 1, "0", -1);
                }
            }
            if (i + 1 < tokens.size()) {
                String nx = tokens.get(i + 1).lower();
                if (TENS.containsKey(nx) || TEENS.containsKey(nx)) {
                    return new Piece(i, i, "", -1);
                }
                Integer unit = DIGIT_WORDS.get(nx);
                boolean moreDigits = i + 2 < tokens.size()
                        && DIGIT_WORDS.containsKey(tokens.get(i + 2).lower());
                if (unit != null && !nx.equals("o") && !nx.equals("oh") && !moreDigits) {
                    return new Piece(i, i, "0", -1);
                }
            }
            return new Piece(i, i, "00", -1);
        }
        Character nato = NATO.get(w);
        if (nato != null) {
            return new Piece(i, i, String.valueOf(nato), -1);
        }
        if (w.length() == 1 && RedactionTokens.isLatin(w.charAt(0))) {
            if (slashAbbreviation(tokens, i)) {
                return null; // "S/C", "A/C", "c/o": an abbreviation's letters, not a code's
            }
            if (w.equals("a") && i + 1 < tokens.size() && groupedNumberWord(tokens.get(i + 1))) {
                return null; // "a twenty fifteen golf", "a hundred quid": the article before an amount or a year
            }
            if (w.equals("x")
                    && i > 0
                    && i + 1 < tokens.size()
                    && tokens.get(i - 1).type() == Type.DIGITS
                    && MEASURE.matcher(tokens.get(i + 1).raw()).matches()) {
                return null; // "24 x 500ml": so many of a size
            }
            if (w.equals("i") && i + 1 < tokens.size() && ordinaryWord(tokens.get(i + 1))) {
                return null; // "... 555-0187. I was charged twice", "... one three seven i want to pay": the pronoun
            }
            int last = i;
            if (w.equals("x") && i + 1 < tokens.size() && tokens.get(i + 1).is("ray")) {
                return new Piece(i, i + 1, "x", -1);
            }
            if (w.equals("x")
                    && i + 2 < tokens.size()
                    && tokens.get(i + 1).is("-")
                    && tokens.get(i + 2).is("ray")) {
                return new Piece(i, i + 2, "x", -1);
            }
            // "b as in boy", "m for mike", "c like cat": the aid belongs to the letter.
            if (i + 2 < tokens.size() && AIDS.contains(tokens.get(i + 1).lower())) {
                int k = i + 2;
                if (tokens.get(i + 1).is("as") && tokens.get(k).is("in") && k + 1 < tokens.size()) {
                    k++;
                }
                Token aid = tokens.get(k);
                if (aid.type() == Type.WORD
                        && aid.lower().charAt(0) == w.charAt(0)
                        && aid.lower().length() > 1) {
                    last = k;
                }
            }
            return new Piece(i, last, w, -1);
        }
        return null;
    }

    /** Digits said as a count of a digit: "four sixes" (6666), "three nines". */
    private static final Map<String, Integer> PLURAL_DIGITS = pluralDigits();

    private static Map<String, Integer> pluralDigits() {
        Map<String, Integer> m = new java.util.HashMap<>();
        DIGIT_WORDS.forEach((w, d) -> {
            if (w.length() > 1 && !w.equals("niner")) {
                m.put(w.endsWith("x") ? w + "es" : w + "s", d); // "sixes", "nines", "ohs", "noughts"
            }
        });
        m.put("zeroes", 0);
        return Map.copyOf(m);
    }
    /**
     * "four sixes then one two three ...": a count (two to six) and a digit in the plural, read as the digit repeated,
     * only with a digit said just before or after ("three sixes" alone, on dice or a scoreboard, stays words).
     */
    private static Piece pluralRepeat(List<Token> tokens, int i, int count, boolean names) {
        if (count < 2 || count > 6 || i + 1 >= tokens.size()) {
            return null;
        }
        Integer digit = PLURAL_DIGITS.get(tokens.get(i + 1).lower());
        if (digit == null) {
            return null;
        }
        boolean before = i > 0 && DIGIT_WORDS.containsKey(tokens.get(i - 1).lower());
        int a = i + 2 < tokens.size() && GAP_WORDS.contains(tokens.get(i + 2).lower()) ? i + 3 : i + 2;
        boolean after =
                a < tokens.size() && DIGIT_WORDS.containsKey(tokens.get(a).lower());
        if (!before && !after) {
            return null;
        }
        return new Piece(i, i + 1, String.valueOf(digit).repeat(count), -1);
    }

    /**
     * "三 个 八" (three eights), "四 个 零" in a digit string: how Chinese speakers say a repeated digit, like "triple
     * eight". Read so only next to another digit said one by one, never "三 个 人" or "买 了 三 个 八 寸 的".
     */
    private static Piece hanRepeat(List<Token> tokens, int i, int count) {
        if (count < 2
                || count > 8
                || i + 2 >= tokens.size()
                || !tokens.get(i + 1).is("个")
                || !HAN_DIGITS.containsKey(tokens.get(i + 2).lower())) {
            return null;
        }
        boolean before = i > 0 && HAN_DIGITS.containsKey(tokens.get(i - 1).lower());
        boolean after = i + 3 < tokens.size()
                && HAN_DIGITS.containsKey(tokens.get(i + 3).lower());
        if (!before && !after) {
            return null; // "买 两 个 八 寸 的": a count of things, not digits said in a number
        }
        String e = String.valueOf(HAN_DIGITS.get(tokens.get(i + 2).lower()));
        return new Piece(i, i + 2, e.repeat(count), -1);
    }

    /** A letters-and-digits token that looks like a plate, passport or licence number, not a product name. */
    private static boolean codeLike(String w) {
        int run = 0;
        int maxLetters = 0;
        for (int k = 0; k < w.length(); k++) {
            if (RedactionTokens.isLatin(w.charAt(k))) {
                run++;
                maxLetters = Math.max(maxLetters, run);
            } else {
                run = 0;
            }
        }
        return maxLetters <= 3;
    }

    /** Written clock times and nothing else with a digit ("08:00-18:00 weekdays, 9:00-13:00"): opening hours. */
    private static boolean clockTimesOnly(String raw, List<Token> tokens, List<Piece> pieces) {
        for (Piece p : pieces) {
            if (tokens.get(p.first()).type() != Type.DIGITS) {
                return false; // a number said in words is no clock time written down
            }
        }
        Matcher m = CLOCK.matcher(raw);
        if (!m.find()) {
            return false;
        }
        String rest = m.reset().replaceAll("");
        for (int k = 0; k < rest.length(); k++) {
            if (RedactionTokens.isDigit(rest.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static String classify(String text, List<Token> tokens, List<Piece> pieces) {
        StringBuilder sym = new StringBuilder();
        for (Piece p : pieces) {
            sym.append(p.symbols());
        }
        String s = sym.toString();
        int digits = 0;
        int letters = 0;
        for (int k = 0; k < s.length(); k++) {
            if (RedactionTokens.isDigit(s.charAt(k))) {
                digits++;
            } else {
                letters++;
            }
        }
        int first = pieces.get(0).first();
        int last = pieces.get(pieces.size() - 1).last();
        String raw = text.substring(tokens.get(first).start(), tokens.get(last).end());
        String cue = cueBefore(tokens, first);
        boolean sortCode = "bank".equals(cue) && SORT_CODE.matcher(raw).matches(); // "sort code 20-45-77"
        if (!sortCode
                && (DATE.matcher(raw).matches()
                        || DATE_RANGE.matcher(raw).matches()
                        || YEAR_AND_CLOCK.matcher(raw).matches()
                        || clockTimesOnly(raw, tokens, pieces))) {
            return null;
        }
        if ("product".equals(cue) || tyreSize(tokens, first, s) || perUnit(tokens, last) || shopRecord(tokens, first)) {
            return null;
        }
        int tail = tailCue(tokens, first);
        if (cue == null && pieces.size() == 1 && hyphenatedModel(tokens, first)) {
            return null; // "WH-1000XM5", "SM-S928B": one model code written with its series prefix
        }
        boolean province = provinceBefore(tokens, first) >= 0 && RedactionTokens.isLatin(s.charAt(0));
        if (letters > 0) {
            Token lead = tokens.get(first);
            if (first < last
                    && (cue == null // "the reg on the 2021 Golf": a year, then a model's word
                            || tokens.get(first + 1).type() == RedactionTokens.Type.WORD
                                    && tokens.get(first + 1).lower().length() > 1)
                    && tail == 0
                    && lead.type() == RedactionTokens.Type.DIGITS
                    && years(lead.lower())
                    && tokens.get(first + 1).type() != RedactionTokens.Type.DIGITS) {
                return null; // "the 2025 RAV4 Hybrid", "my 2019 CX5": a model year before a model's name
            }
            if (spelledBrand(tokens, pieces)) {
                return null; // "is the b m w three twenty d m sport still available": a make spelled, then its model
            }
            if (tail == 0 && spokenYearBeforeModel(tokens, pieces)) {
                return null; // "a twenty sixteen f one fifty", "a twenty nineteen i twenty": a year, then a model
            }
            boolean xCheck = digits == 17 && letters == 1 && s.endsWith("x");
            if (xCheck) {
                return "id";
            }
            if (province && s.length() >= 5) {
                return "plate";
            }
            if (province && s.length() >= 3 && correctionAfter(tokens, last)) {
                return "plate"; // 冀 A 三 三 七 不 是 冀 A 三 三 九 ...: the start of a plate, then said again right
            }
            if (tail > 0 && s.length() >= 3 && s.length() <= 8 && digits >= 2) {
                return "id"; // 身份证 尾号 幺 二 三 叉, "last six of the vin are ..."
            }
            if (tail > 0 && digits == 0 && s.length() == 3 && pieces.size() == 3) {
                return "plate"; // "the grey one ending in x j k": three letters said one by one end a plate
            }
            if (aided(tokens, pieces) >= 2 && s.length() >= 4 && digits >= 1) {
                // "c as in charlie d as in david ... five five one": letters spelled with aids are a code
                return "id".equals(cue) ? "id" : "plate";
            }
            if ("plate".equals(cue) && s.length() >= 4 && digits >= 1) {
                return "plate";
            }
            if ("id".equals(cue) && (digits >= 5 || digits >= 3 && s.length() >= 8)) {
                return "id"; // "Washington license WDL7K2M9Q4XB"
            }
            if (letters >= 2 && digits >= 2 && s.length() >= 7 && s.length() <= 9) {
                return "plate";
            }
            if (letters <= 2 && digits >= 6) {
                return "id";
            }
            if (digits >= 7) {
                return "phone";
            }
            return null;
        }
        boolean han = hasHan(text);
        if (tail > 0 && digits >= 3 && digits <= 8 && !(tail == 1 && years(s)) && readOut(tokens, pieces)) {
            // "last four of my social", 手机 尾号 二 零 三 九, "vin ends in four three five two one seven"
            return tailKind(tokens, first);
        }
        if ("bank".equals(cue) && digits >= 6 && digits <= 18) {
            return "account";
        }
        if (tollFreeSaidBefore(tokens, first, digits) && !givenAsOwn(tokens, first, last)) {
            return null; // "call the hotline one eight hundred two two seven ...": the shop's toll-free line
        }
        if (counting(pieces) && digits >= 7 && phoneCueBefore(tokens, first)) {
            return "phone"; // 電話 號碼 係 九 八 七 六 五 四 三 二: a number, whatever its digits
        }
        if (counting(pieces)
                || years(s)
                || hotline(s)
                        && !(han && digits == 11 && s.charAt(1) >= '3')
                        && (han && chineseHotline(s) || !givenAsOwn(tokens, first, last))) {
            return null; // in Chinese a 400 or 800 number is a company's whoever gives it ("打 四 零 零 ... 我 加 您 微信")
        }
        if (shopsLine(tokens, first, s, text) && !leftAsYours(tokens, last)) {
            return null; // "call the service desk on ...", 售后热线：...: a shop's line, nobody's own
        }
        if ("cvv".equals(cue) && (digits == 3 || digits == 4)) {
            return "card";
        }
        if ("secret".equals(cue) && digits >= 4 && digits <= 8) {
            return "id";
        }
        if ("tail".equals(cue) && digits == 4) {
            return tailKind(tokens, first);
        }
        if (digits == 4 && tailAfter(tokens, last) && readOut(tokens, pieces)) {
            return "card"; // "4821 is the last four of my visa": the cue said after
        }
        if ("area".equals(cue) && digits >= 2 && digits <= 5) {
            return "phone";
        }
        if (digits == 18) {
            return "id";
        }
        if (digits == 11 && s.charAt(0) == '1' && s.charAt(1) >= '3') {
            return "phone";
        }
        if (digits >= 15 && digits <= 19) {
            return "card";
        }
        if (digits == 9 && ("id".equals(cue) || raw.matches("\\d{3}-\\d{2}-\\d{4}"))) {
            return "id";
        }
        if ((digits == 13 || digits == 14)
                && (s.charAt(0) == '3' || s.charAt(0) == '4')
                && luhn(s)
                && (new Talk(text).card()
                        || RedactionTokens.containsIgnoreCase(text, "expir")
                        || text.contains("有效期"))) {
            return "card"; // "the diners card 3056 930902 5904": Diners (14 digits), old Visa (13); not a phone
        }
        if (digits >= 7 && digits <= 14) {
            return "phone";
        }
        if (digits > 19) {
            return "id";
        }
        if ("id".equals(cue) && digits >= 6) {
            return "id";
        }
        return null;
    }

    /** Sums a number is said as: "the total comes to eight nine nine five" is a price read out digit by digit. */
    private static final Set<String> SUMS = LookupSets.of("total", "balance", "bill", "subtotal", "amount");

    private static final Set<String> SUM_HAN = LookupSets.of("一共", "总共", "合计", "总计", "共计");

    /** "total comes to", "the balance is", "bill of", 一共 right before the number: an amount, whatever its digits. */
    static boolean sumBefore(List<Token> tokens, int first) {
        if (first < 1) {
            return false;
        }
        String w1 = tokens.get(first - 1).lower();
        if (SUMS.contains(w1) || SUM_HAN.contains(w1)) {
            return true;
        }
        if (first < 2) {
            return false;
        }
        String w2 = tokens.get(first - 2).lower();
        boolean comesTo = w1.equals("to") && (w2.equals("comes") || w2.equals("came") || w2.equals("come"));
        boolean sumIs = (w1.equals("is") || w1.equals("was") || w1.equals("of")) && SUMS.contains(w2);
        return comesTo || sumIs;
    }

    /** "2024, 2025", "twenty twenty three twenty twenty four": model years said one after another. */
    private static boolean years(String digits) {
        if (digits.length() % 4 != 0) {
            return false;
        }
        for (int k = 0; k < digits.length(); k += 4) {
            int y = Integer.parseInt(digits.substring(k, k + 4));
            if (y < 1950 || y > 2039) {
                return false;
            }
        }
        return true;
    }

    /** "CO2 124 g/km", "8 kg/m": a quantity per unit, the letter before the slash a unit. */
    private static boolean perUnit(List<Token> tokens, int last) {
        return last + 2 < tokens.size()
                && tokens.get(last).type() == Type.WORD
                && tokens.get(last).lower().length() <= 2
                && tokens.get(last + 1).is("/")
                && tokens.get(last + 2).type() == Type.WORD;
    }

    /** A tyre size from its aspect on: aspect, (Z)R and rim, maybe load index and speed ("45 r seventeen ninety one w"). */
    private static final Pattern TYRE_AFTER_WIDTH = Pattern.compile("\\d{2}z?r\\d{2}(?:\\d{2,3}[a-z]?)?");

    /** "225/45 R17 91W" said or written: the width said in the sequence, or written before a slash. */
    private static boolean tyreSize(List<Token> tokens, int first, String symbols) {
        if (symbols.length() >= 8
                && symbols.charAt(0) >= '1'
                && symbols.charAt(0) <= '3'
                && Character.isDigit(symbols.charAt(1))
                && Character.isDigit(symbols.charAt(2))
                && TYRE_AFTER_WIDTH.matcher(symbols.substring(3)).lookingAt()) {
            return true;
        }
        boolean spokenWidth = first >= 4
                && tokens.get(first - 1).is("slash")
                && DIGIT_WORDS.containsKey(tokens.get(first - 2).lower())
                && DIGIT_WORDS.containsKey(tokens.get(first - 3).lower())
                && DIGIT_WORDS.containsKey(tokens.get(first - 4).lower()); // "two two five slash four five r ..."
        boolean writtenWidth = first >= 2
                && tokens.get(first - 1).is("/")
                && tokens.get(first - 2).type() == Type.DIGITS
                && tokens.get(first - 2).lower().length() == 3;
        return (spokenWidth || writtenWidth)
                && TYRE_AFTER_WIDTH.matcher(symbols).lookingAt(); // "225/45 R17 94W, 4 tyres": the count after
    }

    /**
     * UK numbers only organisations have: freephone 0800 / 0808, the national-rate 03 and the business-rate 084 / 087
     * ranges.
     */
    private static final List<String> UK_NON_GEOGRAPHIC = List.of(
            "0800", "0808", "0300", "0330", "0333", "0343", "0344", "0345", "0370", "0371", "0843", "0844", "0845",
            "0870", "0871", "0872");

    /**
     * Business hotlines (400/800 in China, toll-free 1-800/888/877/866 in North America, the UK's freephone and
     * non-geographic ranges) belong to no person.
     */
    static boolean hotline(String digits) {
        if (chineseHotline(digits)) {
            return true;
        }
        if (digits.length() == 10 && (digits.startsWith("1300") || digits.startsWith("1800"))) {
            return true; // Australia's local-rate and freecall numbers: a business's
        }
        if ((digits.length() == 10 || digits.length() == 11) && digits.startsWith("0")) {
            for (String prefix : UK_NON_GEOGRAPHIC) {
                if (digits.startsWith(prefix)) {
                    return true;
                }
            }
        }
        String d = digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
        return d.length() == 10
                && (d.startsWith("800") || d.startsWith("888") || d.startsWith("877") || d.startsWith("866"));
    }

    /** Words that name a shop's own record, whose number is nobody's: a till, a terminal, a transaction, 小票 (a receipt). */
    private static final Set<String> SHOP_RECORDS = LookupSets.of(
            "merchant",
            "terminal",
            "transaction",
            "auth",
            "authorisation",
            "authorization",
            "approval",
            "rma",
            "till",
            "商户",
            "小票",
            "票号",
            "流水",
            "终端",
            "授权",
            "交易");

    /**
     * A shop's record named in the four tokens before a number ("transaction 4471 2209 went through", 终端 号 ...), with no card
     * or phone named between and no word that makes the number someone's ("my", "your", 我). Authors disagree on
     * receipt and invoice numbers (some remove 小票流水号, 发票 号码, "the receipt is ..."), so the English "receipt" is
     * not named here, and only the rules read this: the learned tagger's numbers stand.
     */
    private static boolean shopRecord(List<Token> tokens, int first) {
        for (int k = first - 1; k >= Math.max(0, first - 4); k--) {
            String w = tokens.get(k).lower();
            if (CARD_TALK_WORDS.contains(w) || PHONE_WORDS.contains(w) || personalWord(tokens, k)) {
                return false;
            }
            if (SHOP_RECORDS.contains(w)
                    || k > 0 && SHOP_RECORDS.contains(tokens.get(k - 1).lower() + w)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> CARD_TALK_WORDS = LookupSets.of("card", "visa", "mastercard", "amex", "卡");

    /** A Chinese 400 or 800 number in a Chinese line ({@link #chineseHotline}). */
    static boolean companyLine(String digits, String text) {
        return chineseHotline(digits) && hasHan(text);
    }

    /** China's company numbers (400 and 800 and seven digits): nobody's own line, in Chinese whoever gives them. */
    private static boolean chineseHotline(String digits) {
        return digits.length() == 10 && (digits.startsWith("400") || digits.startsWith("800"));
    }

    /**
     * "it's the sales desk, you left 0121 496 0645 as your daytime number": the shop calling names itself, but "as your"
     * right after the number makes it the customer's.
     */
    private static boolean leftAsYours(List<Token> tokens, int last) {
        return last + 2 < tokens.size()
                && tokens.get(last + 1).is("as")
                && tokens.get(last + 2).is("your");
    }

    /**
     * A shop's line: seven to twelve digits, not shaped like a mobile, with a shop's line named in the few tokens before
     * ({@link #businessLine}).
     */
    private static boolean shopsLine(List<Token> tokens, int first, String digits, String text) {
        return digits.length() >= 7
                && digits.length() <= 12
                && !mobileShaped(digits, text)
                && businessLine(tokens, first);
    }

    /** Toll-free prefixes said aloud, which the number words read as an amount ("one eight hundred", "thirteen hundred"). */
    private static final List<List<String>> TOLL_FREE_SAID = List.of(
            List.of("one", "eight", "hundred"),
            List.of("one", "eight", "double", "oh"),
            List.of("one", "eight", "oh", "oh"),
            List.of("one", "eight", "zero", "zero"),
            List.of("one", "three", "hundred"),
            List.of("one", "three", "double", "oh"),
            List.of("one", "three", "oh", "oh"),
            List.of("thirteen", "hundred"),
            List.of("eighteen", "hundred"));

    /**
     * "call the hotline one eight hundred two two seven four nine nine nine": a toll-free prefix said right before six
     * or seven digits, which the number words had read as an amount apart from them. The whole is a business line.
     */
    static boolean tollFreeSaidBefore(List<Token> tokens, int first, int digits) {
        if (digits < 6 || digits > 7) {
            return false;
        }
        for (List<String> prefix : TOLL_FREE_SAID) {
            if (RedactionTokens.wordsAt(tokens, first - prefix.size(), prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A shop's own line named in the few tokens before the number ("the service desk on", "our hotline is", 售后热线,
     * 门店电话), with no word between that makes it someone's own ("my", "mobile", 我, 手机).
     */
    private static boolean businessLine(List<Token> tokens, int first) {
        for (int k = first - 1; k >= Math.max(0, first - 7); k--) {
            String w = tokens.get(k).lower();
            if (personalWord(tokens, k)) {
                return false;
            }
            if (BUSINESS_LINE.contains(w) || ourStore(tokens, k)) {
                return true;
            }
            if ((w.equals("store") || w.equals("shop"))
                    && k + 2 == first
                    && tokens.get(k + 1).is("on")
                    && !personalBefore(tokens, k)) {
                return true; // "just ring the store on oh three ...": the shop's line, right before it ("ring me at
                // the store on ..." stays someone's)
            }
            if (k > 0 && BUSINESS_PAIR_ENDS.contains(w)) { // a pair is built only when this word can end one
                String before = tokens.get(k - 1).lower();
                String pair = tokens.get(k).type() == Type.HAN ? before + w : before + " " + w;
                if (BUSINESS_LINE.contains(pair)) {
                    // "my shop line is ...": the customer's own shop; "the store line is ...": the one talking
                    return !(OWNED_PAIRS.contains(pair) && personalBefore(tokens, k - 1)
                            || pair.equals("总机") && employerBefore(tokens, k - 1));
                }
            }
        }
        return false;
    }

    /**
     * A hotline-shaped number given as someone's own: "reach me on 1-800-555-0142", "my work line is 0800 ...", "best
     * number is 1 (800) 555-0142, my desk": a personal word in the six tokens before, or "my" / "me" / 我 in the three
     * after.
     */
    private static boolean givenAsOwn(List<Token> tokens, int first, int last) {
        for (int k = first - 1; k >= Math.max(0, first - 6); k--) {
            if (tokens.get(k).is("your") || tokens.get(k).type() == Type.DIGITS) {
                return false; // "your 1300 655 210"; "call me on 0412 338 905, your ...": the "me" was the other's
            }
            if (personalWord(tokens, k)) {
                return true;
            }
            if (BUSINESS_LINE.contains(tokens.get(k).lower())) {
                return false; // "my call to your hotline on 0800 ...": the hotline is the business's
            }
            if (tokens.get(k).is("们")
                    && k > 0
                    && (tokens.get(k - 1).is("你") || tokens.get(k - 1).is("您"))) {
                return false; // 我 打 过 你们 四 零 零 ... 的 电话: the store's line, nearer than the caller
            }
        }
        for (int k = last + 1; k < Math.min(tokens.size(), last + 4); k++) {
            String w = tokens.get(k).lower();
            if (w.equals("my") && bringsAnotherNumber(tokens, k + 1)) {
                return false; // "... otherwise my mobile oh four ...": that "my" brings the next number
            }
            if (w.equals("my") || w.equals("me") || w.equals("我") && personalWord(tokens, k)) {
                return true;
            }
        }
        return false;
    }

    /** "mobile oh four ...", "cell is five ...": at token {@code k}, a mobile named and its digits right after. */
    private static boolean bringsAnotherNumber(List<Token> tokens, int k) {
        if (k >= tokens.size() || !(tokens.get(k).is("mobile") || tokens.get(k).is("cell"))) {
            return false;
        }
        int next = k + 1 < tokens.size() && tokens.get(k + 1).is("is") ? k + 2 : k + 1;
        return next < tokens.size()
                && (tokens.get(next).type() == Type.DIGITS
                        || DIGIT_WORDS.containsKey(tokens.get(next).lower()));
    }

    private static final Set<String> BUSINESS_PAIR_ENDS =
            LookupSets.of("line", "care", "services", "desk", "centre", "center", "线", "服", "机", "店", "台", "厅");

    private static final Set<String> BUSINESS_LINE = LookupSets.of(
            "hotline",
            "helpline",
            "freephone",
            "switchboard",
            "showroom",
            "dealership",
            "main line",
            "customer care",
            "customer services",
            "call centre",
            "call center",
            "service desk",
            "sales desk",
            "front desk",
            "parts desk",
            "reception",
            "sales line",
            "customer line",
            "service line",
            "parts line",
            "workshop",
            "store line", // "our store line is 0161 ...": the shop's, unless someone's own ({@link #OWNED_PAIRS})
            "shop line",
            "branch line",
            "service centre",
            "service center",
            "热线",
            "客服",
            "总机",
            "门店",
            "展厅",
            "前台");
    /**
     * 我们 单位 总机, 打我们公司总机: the switchboard of the speaker's employer, given to reach them (a shop says 我们 店 or
     * 门店). 单位 or 公司 in the three tokens before the pair.
     */
    private static boolean employerBefore(List<Token> tokens, int k) {
        for (int m = k - 1; m >= Math.max(1, k - 3); m--) {
            String pair = tokens.get(m - 1).lower() + tokens.get(m).lower();
            if (pair.equals("单位") || pair.equals("公司")) {
                return true;
            }
        }
        return false;
    }

    /** Shop lines that can be a customer's own shop's: "my shop line is ..." makes the number the customer's. */
    private static final Set<String> OWNED_PAIRS = LookupSets.of("store line", "shop line", "branch line");

    private static final Set<String> PERSONAL_LINE =
            LookupSets.of("my", "me", "mine", "i", "i'm", "your", "personal", "mobile", "cell", "home");

    /**
     * A word that makes a number someone's own: {@link #PERSONAL_LINE}, or in Chinese 我 (not 我们), 手机, 家里, 私人, 你的 / 您的
     * (not 厂家, 大家, 商家).
     */
    private static boolean personalWord(List<Token> tokens, int k) {
        Token t = tokens.get(k);
        if (t.type() != Type.HAN) {
            return PERSONAL_LINE.contains(t.lower());
        }
        String next = k + 1 < tokens.size() ? tokens.get(k + 1).lower() : "";
        return switch (t.lower()) {
            case "我" -> !next.equals("们");
            case "手" -> next.equals("机");
            case "家" -> next.equals("里") || next.equals("庭");
            case "私" -> next.equals("人");
            case "你", "您" -> next.equals("的");
            default -> false;
        };
    }

    /** A personal word ({@link #personalWord}) in the four tokens before {@code k}. */
    private static boolean personalBefore(List<Token> tokens, int k) {
        for (int m = k - 1; m >= Math.max(0, k - 4); m--) {
            if (personalWord(tokens, m)) {
                return true;
            }
        }
        return false;
    }

    /** "one two three four five six": counting, not a number. */
    private static boolean counting(List<Piece> pieces) {
        if (pieces.size() < 5) {
            return false;
        }
        for (int k = 1; k < pieces.size(); k++) {
            int a = pieces.get(k - 1).value();
            int b = pieces.get(k).value();
            if (a < 0
                    || b < 0
                    || Math.abs(b - a) != 1
                    || (k > 1 && b - a != pieces.get(1).value() - pieces.get(0).value())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The digits one token stands for when read on its own ({@code "fifty"} is 50, {@code 五} is 5, {@code "a12"} is
     * 12); the empty string for words said inside numbers (fillers, separators, "double"); null for other tokens.
     * Used by {@link RedactionScore} to see which digits survive redaction.
     */
    static String digitsOf(String lower) {
        if (GAP_WORDS.contains(lower)
                || GAP_PUNCT.contains(lower)
                || lower.equals("double")
                || lower.equals("triple")) {
            return "";
        }
        if (DIGIT_WORDS.containsKey(lower)) {
            return String.valueOf(DIGIT_WORDS.get(lower));
        }
        if (HAN_DIGITS.containsKey(lower)) {
            return String.valueOf(HAN_DIGITS.get(lower));
        }
        if (TEENS.containsKey(lower)) {
            return String.valueOf(TEENS.get(lower));
        }
        if (TENS.containsKey(lower)) {
            return TENS.get(lower) + "0";
        }
        if (lower.equals("hundred")) {
            return "00";
        }
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            if (RedactionTokens.isDigit(lower.charAt(i))) {
                d.append(lower.charAt(i));
            }
        }
        return d.length() == 0 ? null : d.toString();
    }

    /**
     * 2 when a cue for the last digits of a number ("last four", 尾号, 后六位) stands in the eight tokens before, 1 for a
     * softer one ("ending in", "ends with": "the lease ending in 2028" keeps its year), 0 for none.
     */
    private static int tailCue(List<Token> tokens, int first) {
        for (int k = first - 1; k >= Math.max(0, first - 8); k--) {
            String w = tokens.get(k).lower();
            if (TAIL_STRONG.contains(w)) {
                return 2;
            }
            if (TAIL_CUES.contains(w)) {
                return 1;
            }
            if (k > 0
                    && TAIL_SECOND.contains(w)
                    && !(k + 1 < tokens.size()
                            && COUNTED.contains(tokens.get(k + 1).lower()))) {
                String pair = tokens.get(k - 1).lower() + " " + w;
                if (TAIL_STRONG.contains(pair)) {
                    return 2;
                }
                if (TAIL_CUES.contains(pair)) {
                    return 1;
                }
            }
            if (tokens.get(k).type() == Type.DIGITS
                    || tokens.get(k).type() == Type.AMOUNT
                    || DIGIT_WORDS.containsKey(w)
                    || HAN_DIGITS.containsKey(w)) {
                return 0; // the tail was said before this number ("ending in 4421 ... the 320 deposit")
            }
        }
        return 0;
    }

    /** "... is the last four", "are the last 4 digits": a tail cue said right after the number. */
    private static boolean tailAfter(List<Token> tokens, int last) {
        int k = last + 1;
        if (k < tokens.size() && (tokens.get(k).is("is") || tokens.get(k).is("are"))) {
            k++;
        }
        if (k < tokens.size() && tokens.get(k).is("the")) {
            k++;
        }
        return k + 1 < tokens.size()
                && tokens.get(k).is("last")
                && (tokens.get(k + 1).is("four") || tokens.get(k + 1).is("4"))
                && !(k + 2 < tokens.size() && amountWord(tokens.get(k + 2))); // "... the last four pounds"
    }

    /** What "the last four ..." counts when it is no card's tail: "the last four years ... we paid 1200". */
    private static final Set<String> COUNTED = LookupSets.of(
            "years",
            "months",
            "weeks",
            "days",
            "hours",
            "minutes",
            "times",
            "visits",
            "services",
            "cars",
            "owners",
            "people",
            "customers",
            "quarters",
            "sessions",
            "calls",
            "年",
            "个",
            "次",
            "天",
            "周");

    /** Second words of the two-word tail cues: only these make the pair worth building. */
    private static final Set<String> TAIL_SECOND =
            LookupSets.of("four", "4", "six", "6", "three", "five", "号", "数", "位", "四", "六", "in", "with");

    private static final Set<String> TAIL_STRONG = LookupSets.of(
            "last four",
            "last 4",
            "last six",
            "last 6",
            "last three",
            "last five",
            "尾 号",
            "尾 数",
            "四 位",
            "六 位",
            "末 四",
            "后 四",
            "后 六",
            "尾号",
            "后四位",
            "后六位");

    /** Letters spelled with an aid ("c as in charlie", "m for mike") among the pieces. */
    private static int aided(List<Token> tokens, List<Piece> pieces) {
        int n = 0;
        for (Piece p : pieces) {
            if (p.last() > p.first()
                    && p.symbols().length() == 1
                    && RedactionTokens.isLatin(p.symbols().charAt(0))
                    && AIDS.contains(tokens.get(p.first() + 1).lower())) {
                n++;
            }
        }
        return n;
    }

    /** A token written joined by a hyphen to a Latin prefix before it ("WH-1000XM5"): a model code. */
    private static boolean hyphenatedModel(List<Token> tokens, int first) {
        if (first < 2 || tokens.get(first).type() != Type.ALNUM) {
            return false;
        }
        Token dash = tokens.get(first - 1);
        Token prefix = tokens.get(first - 2);
        return dash.is("-")
                && dash.end() == tokens.get(first).start()
                && prefix.end() == dash.start()
                && (prefix.type() == Type.WORD || prefix.type() == Type.ALNUM);
    }

    /** A word that says a phone number follows, in the five tokens before. */
    private static boolean phoneCueBefore(List<Token> tokens, int first) {
        for (int k = first - 1; k >= Math.max(0, first - 5); k--) {
            String w = tokens.get(k).lower();
            if (PHONE_WORDS.contains(w)) {
                return true;
            }
            String pair = k > 0 ? tokens.get(k - 1).lower() + w : w;
            if (PHONE_WORDS.contains(pair)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whose tail a tail cue gives, by the nearest word naming it in the eight tokens before: a phone's (手机 尾号), an
     * ID's ("my social ends in"), a VIN's, else a card's. The digits go either way; the kind is what analysts see.
     */
    private static String tailKind(List<Token> tokens, int first) {
        for (int k = first - 1; k >= Math.max(0, first - 8); k--) {
            String w = tokens.get(k).lower();
            String pair = k > 0 ? tokens.get(k - 1).lower() + w : w;
            if (TAIL_CARD_WORDS.contains(w) || TAIL_CARD_WORDS.contains(pair)) {
                return "card";
            }
            if (TAIL_PHONE_WORDS.contains(w) || TAIL_PHONE_WORDS.contains(pair)) {
                return "phone";
            }
            if (TAIL_ID_WORDS.contains(w) || TAIL_ID_WORDS.contains(pair)) {
                return "id";
            }
            if (w.equals("vin") || pair.equals("车架")) {
                return "vin";
            }
            if (TAIL_THING_WORDS.contains(w) || TAIL_THING_WORDS.contains(pair)) {
                return null; // "stock number ending four seven seven two": a car's or an order's number, nobody's
            }
        }
        return "card";
    }

    private static final Set<String> TAIL_THING_WORDS =
            LookupSets.of("stock", "order", "invoice", "part", "parts", "ticket", "库存", "订单", "发票", "配件");
    private static final Set<String> TAIL_CARD_WORDS =
            LookupSets.of("card", "visa", "mastercard", "amex", "debit", "credit", "卡", "银行卡", "信用卡");
    private static final Set<String> TAIL_PHONE_WORDS =
            LookupSets.of("phone", "mobile", "cell", "whatsapp", "landline", "手机", "电话", "手機", "電話");
    private static final Set<String> TAIL_ID_WORDS =
            LookupSets.of("social", "ssn", "sin", "passport", "身份", "证件", "護照", "护照", "身份证");

    private static final Set<String> PHONE_WORDS = LookupSets.of(
            "phone", "number", "cell", "mobile", "电话", "手机", "号码", "電話", "號碼", "手機", "whatsapp", "landline");

    /** plate, id or area when a cue word stands in the few tokens before the sequence; else null. */
    private static String cueBefore(List<Token> tokens, int first) {
        boolean owned = false; // "the parts. My number is 512 ...": someone's own number after a product was named
        for (int k = first - 1; k >= Math.max(0, first - 6); k--) {
            String w = tokens.get(k).lower();
            owned |= personalWord(tokens, k);
            if (tokens.get(k).type() == Type.DIGITS
                    || tokens.get(k).type() == Type.ALNUM
                    || spokenNumberWord(tokens.get(k))) {
                // "plate FJKL 552 on the grey Rav4", "extension four zero seven we need twelve monitors": the cue was
                // the number's before this one
                return null;
            }
            if (w.endsWith("'s") && w.length() > 3 && PLATE_CUES.contains(w.substring(0, w.length() - 2))) {
                return "plate"; // "the rego's e q five two m r", "reg's m a seventy two o k d"
            }
            // a two-word cue is built only when this word can end one: most words cannot, and the pair is an allocation
            String pair = k > 0 && PAIR_ENDS.contains(w) ? tokens.get(k - 1).lower() + " " + w : w;
            if (AREA_CODE_CUES.contains(pair) || AREA_CODE_CUES.contains(w)) {
                return "area";
            }
            if (PLATE_CUES.contains(w) || PLATE_CUES.contains(pair)) {
                return "plate";
            }
            if (CVV_CUES.contains(w)
                    || CVV_CUES.contains(pair)
                    || amexCodeCue(tokens, k)
                    || countedCodeCue(tokens, k)) {
                return "cvv"; // before the id cues: 验 证 码 ends with 证, an id cue alone
            }
            if (pair.indexOf(' ') > 0 && PRODUCT_CUES.contains(pair) && !owned) {
                return "product"; // "stock ref SG-T22819": the pair before the id word "ref"
            }
            if (ID_CUES.contains(w) || OWN_CODE_CUES.contains(pair)) {
                return "id";
            }
            if (SECRET_CUES.contains(w) || SECRET_CUES.contains(pair)) {
                return "secret";
            }
            if (TAIL_CUES.contains(w) || TAIL_CUES.contains(pair)) {
                return "tail";
            }
            if (BANK_CUES.contains(pair)) {
                return "bank";
            }
            if (w.length() == 1 && k >= 2 && tokens.get(k - 1).is("/")) {
                String abbreviation = ABBREVIATION_CUES.get(tokens.get(k - 2).lower() + "/" + w);
                if (abbreviation != null) {
                    return abbreviation;
                }
            }
            if ((PRODUCT_CUES.contains(w) || PRODUCT_CUES.contains(pair))
                    && !owned
                    && !(w.equals("stock")
                            && k > 0
                            && STOCK_STATES.contains(tokens.get(k - 1).lower()))) {
                return "product"; // but "back in stock: 06 48 27 93 15" says when, not which
            }
        }
        return null;
    }

    /**
     * Before a part or model code ("the part number on the filter is ...", "model code", 配件 号, 型号, 编码): what
     * follows names a product, not a person, however long.
     */
    private static final Set<String> PRODUCT_CUES = LookupSets.of(
            "part",
            "parts",
            "model",
            "sku",
            "stock",
            "stock ref",
            "stock no",
            "stock number",
            "version",
            "firmware",
            "版 本",
            "barcode",
            "ean",
            "upc",
            "条 码",
            "形 码",
            "配 件",
            "型 号",
            "编 码",
            "货 号",
            "料 号",
            "零 件",
            "库 存",
            "车 型",
            "tyre",
            "tyres",
            "tire",
            "tires");

    /**
     * Before a bank account's numbers ("sort code eighty nine oh five seventy one", "account number ...", 银行 账号):
     * six digits or more after one are the account's however they are grouped, never a price.
     */
    private static final Set<String> BANK_CUES = LookupSets.of(
            "sort code",
            "account",
            "account number",
            "routing number",
            "account no",
            "acct number",
            "acc no",
            "acct no",
            "账 号");

    /** Cues written short: a sort code, an account ("S/C 09-01-28", "A/C 30117645"), a serial number ("S/N 5CG2147KQ8"). */
    private static final Map<String, String> ABBREVIATION_CUES =
            Map.of("s/c", "bank", "a/c", "bank", "s/n", "id", "p/n", "product");

    /** Words before "stock" that make it a state ("in stock", "out of stock"), not a stock number. */
    private static final Set<String> STOCK_STATES = LookupSets.of("in", "of", "no", "low");

    /**
     * What identifies one customer's own thing, as an id cue does: the serial of the phone or laptop they hand in, their
     * gift card or redeem code (序列号, 序號, 串号, 兑换码, 礼品卡).
     */
    private static final Set<String> OWN_CODE_CUES = LookupSets.of(
            "serial",
            "serial number",
            "serial no",
            "pan card",
            "gift code",
            "gift card",
            "列 号",
            "序 號",
            "序 号",
            "串 号",
            "换 码",
            "品 卡");

    /**
     * Before a secret the customer gives: a PIN, a gift card's password, a pickup code (密码, 提货码, 取件码). Four to
     * eight digits after one are removed, as three or four after a card's security code are.
     */
    private static final Set<String> SECRET_CUES =
            LookupSets.of("pin", "passcode", "password", "pin code", "密 码", "货 码", "件 码");

    /** Before a card's security code: three or four digits after it are removed as a card. */
    private static final Set<String> CVV_CUES = LookupSets.of(
            "cvv",
            "cvc",
            "cv2",
            "cvv2",
            "cid",
            "security code",
            "sec code",
            "security number",
            "digit code",
            "the back",
            "安 全",
            "安全码",
            "三 位",
            "三 码", // 背面 三 码
            "三 碼",
            "驗 證",
            "背面", // 背面 的 码 是 ...
            "验 证",
            "校 验");

    /**
     * "后面 三 个 号码 是 742": three or four digits announced by their count before 号码 are a card's security code (a
     * room or queue number is not announced by how many digits it has).
     */
    private static boolean countedCodeCue(List<Token> tokens, int k) {
        if (k < 2 || !(tokens.get(k).is("号") || tokens.get(k).is("號"))) {
            return false;
        }
        String count = tokens.get(k - 2).lower();
        return (tokens.get(k - 1).is("个") || tokens.get(k - 1).is("個"))
                && (count.equals("三") || count.equals("四") || count.equals("3") || count.equals("4"));
    }

    /** From {@code k}: a count of instalments, one to three Chinese or written numerals, then 期 (三 十 六 期, 12 期). */
    private static boolean instalmentsAfter(List<Token> tokens, int k) {
        int u = k;
        while (u < tokens.size()
                && u - k < 3
                && (HAN_DIGITS.containsKey(tokens.get(u).lower())
                        || tokens.get(u).is("十")
                        || tokens.get(u).type() == Type.DIGITS
                                && tokens.get(u).lower().length() <= 2)) {
            u++;
        }
        return u > k && u < tokens.size() && tokens.get(u).is("期");
    }

    /** A piece said as English words in tens or teens ("twelve", "twenty four"): its first word stands for two digits. */
    private static boolean groupedWords(List<Token> tokens, Piece p) {
        if (p.last() - p.first() > 1) {
            return false;
        }
        for (int t = p.first(); t <= p.last(); t++) {
            if (tokens.get(t).type() != Type.WORD) {
                return false;
            }
        }
        String first = digitsOf(tokens.get(p.first()).lower());
        return first != null && first.length() == 2;
    }

    /** After 十 at {@code k}: maybe one Chinese digit, then a unit (期, 分钟, 个 月...). */
    private static boolean unitAfterTens(List<Token> tokens, int k) {
        int u = k + 1;
        if (u < tokens.size() && HAN_DIGITS.containsKey(tokens.get(u).lower())) {
            u++;
        }
        return u < tokens.size() && UNITS.contains(tokens.get(u).lower());
    }

    /** At {@code i} a Chinese digit, then 到 or 至, a Chinese digit and a counted thing (个, 天, 次): 三 到 五 个. */
    private static boolean countedRange(List<Token> tokens, int i) {
        return i + 3 < tokens.size()
                && (tokens.get(i + 1).is("到") || tokens.get(i + 1).is("至"))
                && HAN_DIGITS.containsKey(tokens.get(i + 2).lower())
                && tokens.get(i + 3).lower().length() == 1
                && COUNTED_AFTER.indexOf(tokens.get(i + 3).lower().charAt(0)) >= 0;
    }

    /** A piece said as a Chinese number in tens (二十四, 三 十 六): every token Chinese, one of them 十. */
    private static boolean hanTens(List<Token> tokens, Piece p) {
        boolean ten = false;
        for (int t = p.first(); t <= p.last(); t++) {
            Token k = tokens.get(t);
            if (k.type() != Type.HAN) {
                return false;
            }
            ten |= k.lower().indexOf('十') >= 0;
        }
        return ten;
    }

    /** "the code on the front (is) 4821": an Amex card's four-digit security code, not a word of a tyre's price. */
    private static boolean amexCodeCue(List<Token> tokens, int k) {
        return k >= 3
                && tokens.get(k).is("front")
                && tokens.get(k - 1).is("the")
                && tokens.get(k - 2).is("on")
                && (tokens.get(k - 3).is("code") || tokens.get(k - 3).is("digits")); // "four digits on the front are"
    }

    /**
     * Before a card's last four digits ("ending in 4821", "last four are ...", 尾号, 后四位): not a full number, but
     * removed as a card all the same, since four digits after such a cue are never a price or a time.
     */
    private static final Set<String> TAIL_CUES =
            LookupSets.of("ending", "ends in", "ends with", "last four", "last 4", "尾 号", "尾 数", "四 位", "末 四");

    /** Second words (declared last: built from the cue sets above, initialised in order) of the two-word cues {@link #cueBefore} looks for. */
    private static final Set<String> PAIR_ENDS = pairEnds();

    private static Set<String> pairEnds() {
        Set<String> ends = new java.util.HashSet<>();
        for (Set<String> cues : List.of(
                AREA_CODE_CUES, PLATE_CUES, TAIL_CUES, CVV_CUES, PRODUCT_CUES, BANK_CUES, OWN_CODE_CUES, SECRET_CUES)) {
            for (String c : cues) {
                int space = c.indexOf(' ');
                if (space > 0 && c.indexOf(' ', space + 1) < 0) {
                    ends.add(c.substring(space + 1));
                }
            }
        }
        return LookupSets.copyOf(ends);
    }
}
