package io.vocedge.device.insights;

import io.vocedge.device.insights.model.LookupSets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data before anything touches the disk, in written and spoken form, Chinese and English:
 * e-mail addresses (written, or said as "... at ... dot ...", 艾特/点/下划线), licence plates (written, spelled letter
 * by letter or in the NATO alphabet, Chinese plates with spoken digits), and phone, ID, passport/licence and card
 * numbers (digits, digit words, grouped number words, "double"/"triple", 幺/两/洞, split by spaces, commas, dashes or
 * fillers). Prices, times, durations, dates, model years and quantities are kept ({@link SpokenNumbers} says how).
 * Personal names go where the speech says a name is there ({@link SpokenNames}: "my name is", "ask for", mrs, 我叫,
 * 刘 经理), and a word of a removed address or name said again elsewhere in the line goes with it.
 * A date after a birth cue ("DOB", "date of birth", 出生日期) goes as {@code <dob>} ({@link BirthDates}); other dates stay.
 * Placeholders are typed ({@code <phone>}, {@code <id>}, {@code <card>}, {@code <email>}, {@code <plate>},
 * {@code <name>}, {@code <dob>}); the result names the kinds removed, never the values.
 *
 * <p>Beside the rules, a learned tagger ({@link PiiTagger}) removes runs of digits and letters the rules left but
 * that read as personal in their context; it only adds removals.
 *
 * <p>Hand-written because no library on Maven Central covers spoken Chinese and English personal data in recognizer
 * output; the rules are measured on {@code src/test/resources/insights/pii-dev.tsv}, {@code pii-hard-*.tsv} and a third
 * author's {@code pii-author3-*.tsv} ({@code insights redaction-eval}).
 */
public final class Redactor {
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+\\s?[@＠]\\s?[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z][A-Za-z0-9-]+");
    /**
     * A social handle written with its at sign ("IG: @dani.drives", "@the_real_kev"): an at sign not inside an address
     * (nothing of a mailbox name before it) and a word right after it; trailing dots are the sentence's.
     */
    private static final Pattern AT_HANDLE = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[@＠](?!(?:qq|163|126|gmail|hotmail|outlook|yahoo|sina|foxmail|icloud)\\.[a-z]{2,3}\\b)(?!一下)"
                    + "[A-Za-z0-9_\\p{IsHan}](?:[A-Za-z0-9_.\\p{IsHan}]*[A-Za-z0-9_\\p{IsHan}])?");
    /** The provinces' one-character names that open a Chinese plate. */
    private static final String PROVINCE_CHARS = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    /**
     * Chinese plate: province character, letter, 5-6 letters/digits (new-energy plates have 6), maybe a dot or dash; a
     * temporary plate's 临 may stand before its last 4-6 ("京A·临3467").
     */
    private static final Pattern CN_PLATE = Pattern.compile("[" + PROVINCE_CHARS + "]\\s?[A-Za-z]\\s?[·•.\\-]?\\s?"
            + "(?:临\\s?(?:[A-Za-z0-9]\\s?){3,5}|(?:[A-Za-z0-9]\\s?){4,5})[A-Za-z0-9](?![0-9]*[:：])");
    /** Written plates that cannot be a car model name: "ABC 1234", "AB12 CDE", "7ABC123". */
    private static final Pattern LATIN_PLATE =
            Pattern.compile("\\b(?:[A-Z]{3}[- ]?\\d{4}|[A-Z]{2}\\d{2}[- ]?[A-Z]{3}|\\d[A-Z]{3}[- ]?\\d{3})\\b");
    /**
     * A UK prefix-era plate, "P123 ABC" (1983-2001): a letter, one to three digits, three letters, unless the letters
     * are a trim or drivetrain said after a model ("A4 TDI", "E320 CDI", "V8 LWB", "C63 AMG").
     */
    private static final Pattern UK_PREFIX_PLATE = Pattern.compile(
            "\\b[A-HJ-NP-Y]\\d{1,3} (?!(?:TDI|TSI|TFS|GTI|GTD|GTE|GTS|GTR|GTX|AMG|CDI|CGI|CSL|HSE|SVR|SRT|TRD|STI|LWB|SWB|AWD|VAN|CAR|SUV|MPV|CAB|BUS"
                    + "|FWD|RWD|DSG|DCT|CVT|BEV|HEV|TCE|DCI|HDI|CRD|JTD|TDV|SDV|XDR|EVO|RSI|SVO)\\b)[A-HJ-PR-Y]{3}\\b");
    /** The visible end of a masked card: "**** **** **** 4821", "XXXX-XXXX-XXXX-3307", "xxxx xxxx xxxx 1234". */
    private static final Pattern MASKED_CARD = Pattern.compile("(?:(?:\\*{4}|[Xx]{4}|•{4})[ -]?){2,3}(\\d{4})\\b");
    /**
     * A phone number or account masked in the middle, as shops print them: "138****6627", "07700•••784": its first and
     * last digits together narrow it to one customer.
     */
    private static final Pattern MASKED_NUMBER =
            Pattern.compile("(?<![\\w*•])\\d{2,5}(?:\\*{3,}|•{3,}|X{3,}|x{3,})\\d{2,4}(?![\\w*•])");
    /** An e-mail address masked in its mailbox name: "ha***@126.com", "j*****n@example.co.uk". */
    private static final Pattern MASKED_EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]*(?:\\*{2,}|•{2,})[A-Za-z0-9._%+-]*[@＠][A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** One masked group and the last four after a card word: "Visa ****4417", "卡 ****6638". */
    private static final Pattern MASKED_TAIL = Pattern.compile(
            "(?iu)(?:visa|mastercard|master card|amex|card|debit|credit|卡)[^\\d*•]{0,12}?(?:\\*{2,}|[Xx]{2,}|•{2,})[ -]?(\\d{4})(?!\\d)");
    /**
     * A card masked in the middle with its first digits shown ("6228 4800 ****** 7716", "5187 10** **** 6638", "5301
     * 25XX XXXX 9084"): the bank's prefix and the last four together narrow it to one card, so all of it goes.
     */
    private static final Pattern MASKED_CARD_MIDDLE =
            Pattern.compile("\\b\\d{4}[ -]?[0-9Xx*•]{2,4}(?:[ -]?[Xx*•]{2,6}){1,3}[ -]?\\d{4}\\b");
    /** A Canadian postal code, "L3R 5T8": letter, digit, letter, digit, letter, digit; nothing else has that shape. */
    private static final Pattern CA_POSTCODE =
            Pattern.compile("\\b[A-CEGHJ-NPR-TVXY]\\d[A-CEGHJ-NPR-TV-Z] ?\\d[A-CEGHJ-NPR-TV-Z]\\d\\b");
    /** A French plate, "GX-482-TL": no cue needed, that shape is nothing else. */
    private static final Pattern FRENCH_PLATE = Pattern.compile("\\b[A-HJ-NP-TV-Z]{2}-\\d{3}-[A-HJ-NP-TV-Z]{2}\\b");
    /** An Indian plate: state code, district number, series letters, four digits ("KA-05-MN-4829", "MH 12 KL 7704"). */
    private static final Pattern INDIAN_PLATE = Pattern.compile(
            "\\b(?:AP|AR|AS|BR|CG|CH|DD|DL|DN|GA|GJ|HP|HR|JH|JK|KA|KL"
                    + "|LA|LD|MH|ML|MN|MP|MZ|NL|OD|OR|PB|PY|RJ|SK|TN|TR|TS|UK|UP|WB|AN)[- ]?\\d{1,2}[- ]?[A-Z]{1,3}[- ]?\\d{4}\\b");
    /** An Irish plate: year (and half), county, number ("211-KY-3307", "12 D 4455"). */
    private static final Pattern IRISH_PLATE =
            Pattern.compile("\\b\\d{2,3}[- ](?:CE|CN|CW|DL|KE|KK|KY|LD|LH|LM|LS|MH|MN|MO|OY"
                    + "|RN|SO|WH|WX|WW|C|D|G|L|T|W)[- ]\\d{1,6}\\b");
    /** An Indian PAN: five letters (the fourth the holder's type), four digits, a letter ("BKZPM4821L"). */
    private static final Pattern PAN = Pattern.compile("\\b[A-Z]{3}[PCHABGJLFT][A-Z]\\d{4}[A-Z]\\b");
    /** Written addresses disguised against spam: "jo (at) example (dot) com", "jo [at] example [dot] com". */
    private static final Pattern BRACKET_EMAIL =
            Pattern.compile("(?i)[a-z0-9._%+-]+ ?[(\\[]at[)\\]] ?[a-z0-9-]+(?: ?(?:\\.|[(\\[]dot[)\\]]) ?[a-z0-9-]+)+");
    /** UK National Insurance number written: two prefix letters, six digits (maybe in pairs), a suffix A-D. */
    private static final Pattern NI_NUMBER = Pattern.compile("\\b[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b");
    /** Makes and lines written before a model number ("GMC 2500", "BMW X5", "RAM 1500"): never a plate's start. */
    private static final String CAR_MAKES =
            "BMW|VW|KIA|MG|BYD|GMC|RAM|AUDI|FORD|JEEP|MINI|SEAT|NIO|GAC|GWM|DS|AMG|RS|ID";

    /**
     * Shorter plates ("KJ 4821", "abc 123") only after a cue word, since "RX 350" is a car; the cue may be asked
     * ("Plate? Customer: NSW… CX-27-PL").
     */
    private static final Pattern CUED_PLATE = Pattern.compile(
            "(?i)(?:plate|registration|registered|\\breg\\b|rego|\\btags?\\b|kennzeichen|车牌|車牌|牌照|[港澳粤]牌|[号號]牌)[^.!。！]{0,20}?"
                    + "\\b((?!(?:the|my|his|her|our|your|its|on|in|is|at|an|a|for|to|of|was|new|old|exp|due|"
                    + CAR_MAKES
                    + ")\\b)" // "the 2021 Golf"
                    + "[A-Z]{1,3}[- ]?\\d{2,4}(?:[A-Z]{1,3}|[- ](?!(?:and|the|is|it|in|on|at|to|for|or|but|was|its|not|now"
                    + "|yes|ok)\\b)[A-Z]{1,3}\\b)?|\\d{1,3}[- ]?(?!(?:on|in|at|to|am|pm|and|the|for|of|or|is|it|by|km|kg|ok)\\b)[A-Z]{2,3}[- ]?\\d{0,3}"
                    + "|(?-i:[A-Z]{1,3}-[A-Z]{1,2} ?\\d{1,4})" // German: B-RT 3907
                    // North American: "CBDA 123", "QTK M42", "CK 72319", a vanity "GR8 DAY"; not "BMW X5"
                    + "|(?-i:(?!(?:" + CAR_MAKES + ")\\b)"
                    + "[A-Z]{2,4} (?=[A-Z]*\\d)[A-Z0-9]{2,5}|[A-Z]{1,3}\\d[A-Z0-9]{0,3} [A-Z]{2,4})"
                    + "|(?-i:\\d{4} ?(?!BMW)[B-DF-HJ-NP-TV-Z]{3}))\\b"); // Spanish: 2947 LBR

    /** "book online at www.harbourviewhonda.com.au": a web address after "at", a page and no one's mailbox. */
    private static final Pattern WEB_ADDRESS_AT = Pattern.compile("(?i)(?:\\bat|艾特)\\s*(?:www\\b|w w w\\b|www\\.)");

    /**
     * A Hong Kong plate after the Cantonese classifier for a car ("有架AB 6031喺門口", "嗰 架 TJ 2487", "我 架 車 KT 8263"):
     * two letters (never I, O or Q) and one to four digits, unless the letters start a model's name ("嗰 架 ES 300").
     */
    private static final Pattern HK_PLATE_AFTER_CLASSIFIER = Pattern.compile(
            "(?:[有嗰呢我你佢] ?架|架 ?[車车]) ?(?:[車车] ?)?((?!(?:ES|GS|LS|LX|NX|RX|UX|LC|LM|CX|MX|GT|RS|XC|EX|FX|HR|CR|ZR"
                    + "|TT|GL|ML|SL|CL|EQ|XE|XF|XJ|XK|SQ|DS|MG|BR|UR|EV)\\b)[A-HJ-NPR-Z]{2} ?\\d{1,4})(?![A-Za-z0-9])");

    /**
     * A vanity plate named after 车牌 叫 ("自 订 车牌 叫 lucky 八 八", "車牌 係 DR CHAN"): a word and its digits, or one or
     * two words in capitals.
     */
    private static final Pattern VANITY_PLATE = Pattern.compile("[车車]牌 ?(?:号 ?|號 ?)?(?:叫|係|系) ?"
            + "([A-Za-z]{2,10}(?: ?[0-9零一二三四五六七八九幺两]){1,4}(?![0-9零一二三四五六七八九幺两])"
            + "|[A-Z]{1,5}(?: [A-Z]{1,6})?\\b)");

    /** A mailbox's name spelled with hyphens, in a line about e-mail: "邮箱前缀是J-I-A-N-G-T-A-O，后面是@outlook.com". */
    private static final Pattern HYPHEN_SPELLED =
            Pattern.compile("(?<![A-Za-z-])(?:[A-Za-z]-){3,}[A-Za-z](?![A-Za-z-])");

    /** A North American number written with dots: "call 206.555.0133 ten minutes before". */
    private static final Pattern DOTTED_PHONE =
            Pattern.compile("(?<![\\d.])(?:1\\.)?\\d{3}\\.\\d{3}\\.\\d{4}(?![\\d.]\\d)");

    /** A tyre size written: width, aspect and rim ("205/55 R16", "225/45ZR17"). */
    private static final Pattern TYRE_WRITTEN = Pattern.compile("(?i)\\d{3}/\\d{2}\\s?Z?R\\s?\\d{2}");

    /** A personalised plate named as such, in capitals: "It's a vanity plate, LUVMYJP, on the Wrangler". */
    private static final Pattern VANITY_PLATE_EN = Pattern.compile(
            "(?i:vanity|personali[sz]ed|private|custom|cherished)\\s+(?i:plates?|reg|rego|number\\s+plate)"
                    + "(?:\\s*[,:]\\s*|\\s+(?i:is|says|reads|of)\\s+)(?:(?i:it's|its)\\s+)?([A-Z0-9]{2,8})\\b");

    /** A Singapore plate written ("SKR 2390K"): S and one or two letters, one to four digits, its check letter. */
    private static final Pattern SG_PLATE =
            Pattern.compile("\\b(S[A-HJ-NP-Z]{1,2}) ?(\\d{1,4}) ?([A-EGHJ-MPR-UX-Z])\\b");

    /** The check letters of Singapore plates, by the weighted sum modulo 19. */
    private static final String SG_CHECK_LETTERS = "AZYXUTSRPMLKJHGEDCB";

    /**
     * True when a Singapore plate's check letter matches: the prefix's last two letters (A = 1) and the number padded to
     * four digits, weighted 9 4 5 4 3 2, modulo 19. A random three-part code passes one time in nineteen.
     */
    static boolean singaporeCheckLetter(String prefix, String number, char check) {
        String letters = prefix.length() > 2 ? prefix.substring(prefix.length() - 2) : prefix;
        int first = letters.length() == 2 ? letters.charAt(0) - 'A' + 1 : 0;
        int second = letters.charAt(letters.length() - 1) - 'A' + 1;
        String digits = "0000".substring(number.length()) + number;
        int sum = first * 9 + second * 4;
        int[] weights = {5, 4, 3, 2};
        for (int i = 0; i < 4; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return SG_CHECK_LETTERS.charAt(sum % 19) == check;
    }

    /**
     * Three-letter product lines written like a plate ("RTX 4090", "GTX 1080"): not a plate unless a cue
     * word ("plate", "reg", 车牌) stands before, which {@link #CUED_PLATE} and the spoken scanner still honour.
     */
    private static final Set<String> PRODUCT_SERIES = LookupSets.of(
            "RTX", "GTX", "ISO", "GMC", "RAM", "BMW", "KIA", "BYD", "GWM", "GAC", "NIO", "GLE", "GLC", "GLS", "GLA",
            "CLA", "CLS", "AMG", "EQS", "EQE", "MDX", "RDX", "TLX", "USB", "SSD", "HDD", "CPU", "GPU", "DDR", "LED",
            "VAT", "APR", "SUV", "MPV", "DOT", "SKU", "QTY", "UPC", "EAN");

    private static final String MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)";
    private static final String EN_NUM =
            "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
                    + "|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
                    + "|hundred)";
    /**
     * A street address: house number (written or said), one to three name words, a street word, maybe a flat or unit;
     * "flat 5, 88 Kingsley Gardens". The name words are never units or little words, so "5 minutes down the road",
     * "all wheel drive" and "x five x drive thirty d" (a BMW's xDrive said by a recognizer) stay.
     */
    private static final Pattern ADDRESS_EN = Pattern.compile(
            "(?i)\\b(?:(?:flat|apt|apartment|unit|suite)\\s+(?:\\w{1,4}|" + EN_NUM + "),?\\s+)?"
                    + "(?:\\d{1,4}/\\d{1,5}|\\d{1,5}[a-z]?|" + EN_NUM + "(?:[\\s-]+(?:and\\s+)?" + EN_NUM
                    + "){0,4}(?:\\s+[a-h]\\b)?)\\s+"
                    + "(?:(?!(?:" + EN_NUM.substring(3, EN_NUM.length() - 1)
                    + "|minutes?|mins?|miles?|km|blocks?|hours?|down|up|the|of|on|in|to|from|off|a|an|and|or|wheel|more"
                    + "|doors?|dollars?|bucks|percent|times|lanes?|cars?|seats?|is|was|it|its|my|your|our|at|by|for|with|way"
                    + "|ways|feet|foot|yards?|metres?|meters?|steps?|kilometres?|kilometers?|test|mpg|mph|kph|hp|kw|kwh"
                    + "|litres?|liters?|seconds?|secs?|days?|weeks?|months?|years?|speed|x|pm|am)\\b)[a-z]+(?:'[a-z]+)?\\s+){1,3}"
                    + "(?:street|st|avenue|ave|road|rd|lane|ln|boulevard|blvd|drive|dr|court|ct|gardens|crescent|terrace|parkway"
                    + "|pkwy|highway|hwy|place|close|way|circle|cir|trail|grove|parade|lawn|mews|heights)\\b(?:,?\\s*(?:apartment|apt|unit|suite|flat|#)\\s*\\w{1,4}(?:\\s+[a-z]\\b)?)?");

    private static final String DIGIT_WORD = "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)";

    /**
     * What may follow a continental address's house number: the end, punctuation, a postal code, a town (capitalised),
     * the flat or floor, or a joining word ("via roma forty five and the cap is ..."); never a unit ("via ups within 3
     * days", "the plaza hotel 5 stars").
     */
    private static final String ADDRESS_NUMBER_END = "(?=\\s*(?:$|[,.;:!?()\\-–—]|\\d|(?-i:\\p{Lu})|" + DIGIT_WORD
            + "\\b|(?:and|in|near|please|then|so|but|is|it's|its|floor|flat|apt|interno|piso|m\\.)(?![\\p{L}])))";

    /** Words that never name a street: they end the name words of a continental address ("via the motorway in forty"). */
    private static final String NOT_A_STREET_NAME =
            "(?!(?:the|a|an|of|on|in|to|from|for|by|with|and|or|is|was|it|my|your|our"
                    + "|email|e-mail|text|phone|whatsapp|post|app|website|link|card|bank|transfer|minutes?|hours?|days?)\\b)";

    /**
     * A street written the continental way, the street word first and the house number after the name: "Calle Mayor
     * 31, 4º B", "ul. Złota 44 m. 17", "via roma forty five interno six", "Avenida da Liberdade 120".
     */
    private static final Pattern ADDRESS_STREET_FIRST = Pattern.compile("(?iu)(?<![\\p{L}])(?:calle|avenida|paseo|plaza"
            + "|carrer|via|viale|piazza|corso|vicolo|ul\\.|ulica|al\\.|aleja|rua|travessa|rue|chemin|boulevard)\\s+"
            + "(?:" + NOT_A_STREET_NAME + "[\\p{L}'’.-]+\\s+){1,4}?"
            + "(?:\\d{1,4}[a-z]?\\b|" + EN_NUM + "(?:[\\s-]+" + EN_NUM + "){0,2}\\b)" + ADDRESS_NUMBER_END
            + "(?:,?\\s*(?:\\d{1,2}\\s*[º°ª]\\s*(?:[a-z]\\b)?|m\\.\\s*\\d{1,4}|interno\\s+(?:\\d{1,3}|" + EN_NUM + ")"
            + "|piso\\s+\\d{1,2}|(?:apt|apto|app)\\.?\\s*\\d{1,4}|bte\\s*\\d{1,4}))?");
    /** A French address, number first: "14 bis rue des Lilas", "3 avenue de la Gare", "12, boulevard Haussmann". */
    private static final Pattern ADDRESS_FR = Pattern.compile("(?iu)\\b\\d{1,4}(?:\\s*(?:bis|ter))?,?\\s+"
            + "(?:(?:rue|boulevard|bd|chemin|allée|impasse|quai)\\s+|(?:avenue|place|route|cours)\\s+(?=(?:de|du|des|d'|d’)\\b))"
            + "[\\p{L}'’-]+(?:\\s+[\\p{L}'’-]+){0,3}?(?=\\s*(?:[,.;—–-]|$|\\d))");
    /**
     * A street's one word is bounded ("Bürgermeister-Smidt-Straße" is 26): an unbounded letters-and-hyphens run made a
     * line of thousands of hyphenated pieces ("Al-Al-Al-...") rescan to its end from every piece, quadratic time.
     */
    private static final int LONGEST_STREET_WORD = 60;

    /**
     * A German or Dutch street, one word with its ending, then the number: "Hauptstr. 7a", "Berliner Straße 22",
     * "berliner strasse twenty two", "Keizersgracht 123".
     */
    private static final Pattern ADDRESS_COMPOUND = Pattern.compile("(?iu)(?<![\\p{L}])(?:[\\p{L}-]{1,"
            + LONGEST_STREET_WORD + "}\\s+(?:straße|strasse|str\\.|allee)|[\\p{L}-]{1," + LONGEST_STREET_WORD + "}"
            + "(?:straße|strasse|str\\.|weg|gasse|allee|platz|straat|laan|gracht|plein|kade|singel))\\s*"
            + "(?:\\d{1,4}\\s?[a-z]?\\b|" + EN_NUM + "(?:[\\s-]+" + EN_NUM + "){0,2}\\b)" + ADDRESS_NUMBER_END);
    /**
     * The postal code after an address, maybe after its town: ", 69003 Lyon", ", 00-120 Warszawa", "Mt Eden, Auckland
     * 1024", "bondi two zero two six", "singapore five six oh two three eight".
     */
    private static final Pattern POSTCODE_AFTER = Pattern.compile(
            "(?iu),?\\s*(?:[\\p{L}.'’-]+,?\\s+){0,3}?" + "(?:\\d{4,6}\\b|\\d{2}-\\d{3}\\b|(?:" + DIGIT_WORD
                    + "(?:\\s+|$)){4,6}(?!\\s*(?:thousand|hundred|k|grand|quid|pounds|dollars|euros)\\b))");

    /** A postal code written or said after an address goes with it: the address alone may leave a street of doors. */
    private static void withPostcode(String input, List<Span> spans, int from) {
        for (int k = from; k < spans.size(); k++) {
            Span s = spans.get(k);
            Matcher m = POSTCODE_AFTER.matcher(input);
            m.region(s.end(), input.length());
            if (m.lookingAt()) {
                int end = m.end();
                while (end > s.end() && Character.isWhitespace(input.charAt(end - 1))) {
                    end--;
                }
                spans.set(k, new Span(s.start(), end, s.kind()));
            }
        }
    }

    /** A filler said between the parts of an address's number: 一 二 六 六 弄 呃 七 号. */
    private static final String ZH_FILLER = "(?:(?:呃|嗯|额|啊|那个|就是|然后)\\s*)";

    /** What a number said right after an address counts or prices instead of numbering a door. */
    private static final String COUNTED =
            "(?:的|台|个|個|天|辆|輛|件|箱|次|块|塊|元|万|萬|点|點|分|小时|套|张|張|只|把|瓶|桶|斤|公斤|公里" + "|米|年|月|日|周|期|位|人|岁|歲|折)";

    /** Digits said one by one (a flat's number): 八 零 三, 幺 二 零 一, 1203. */
    private static final String ZH_DIGITS = "(?:[0-9０-９]+|[零〇一二三四五六七八九幺两洞](?:\\s*[零〇一二三四五六七八九幺两洞])*)";

    private static final String ZH_NUM = "(?:[0-9０-９]+|[零〇一二三四五六七八九十百千幺两洞](?:\\s*[零〇一二三四五六七八九十百千幺两洞])*)";
    /**
     * A Hong Kong flat written out: "Flat 5B, 18/F, Block 2, Laguna City, Kwun Tong", "Room 1203, Kam Tai House, Choi
     * Hung Estate", "Flat 21C, Tower 6, The Wings, Tseung Kwan O": the flat, then up to five parts after commas, each a
     * floor (18/F), a block or tower with its number, or one to four capitalised words (an estate, a building, a
     * district, never a weekday or a speaker); at least one part, and a floor, a block or an estate's word among them.
     */
    private static final Pattern FLAT_WRITTEN = Pattern.compile("\\b(?i:flat|room|unit|rm)\\.? [A-Z0-9]{1,5}\\b"
            + "(?:, ?(?:\\d{1,2}/F|\\d{1,2}(?:st|nd|rd|th)? [Ff]loor|(?:Block|Blk|Tower|Phase|House) [A-Z0-9]{1,3}"
            + "|(?:The )?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Staff|Customer|Caller|Agent)\\b)"
            + "[A-Z][a-z]+(?: [A-Z][a-z]+){0,3})\\b){1,5}");

    /** What makes a written flat a home: a floor, a block or tower, or an estate's or a building's word. */
    private static final Pattern FLAT_PARTS = Pattern.compile("\\d/F|[Ff]loor|\\b(?:Block|Blk|Tower|Phase)\\b"
            + "|\\b(?:Estate|City|Court|Gardens?|House|Mansion|Building|Centre|Villa|Terrace|Plaza|Heights)\\b");

    /**
     * A name given as the answer to a question that asks for it, in a written transcript: the question names a name
     * (姓名, 名字, 大名, 户名, 称呼; "name") and ends with a question mark, the answer is the next turn's first words: two to
     * four Chinese characters starting with a surname, or two to four capitalised words or initials ("Mr J. A.
     * Whitcombe", "Priyanka R. Sethuraman"), ending the clause.
     */
    private static void nameAnswered(String input, List<Span> spans) {
        Matcher m = NAME_ANSWERED_ZH.matcher(input);
        while (m.find()) {
            if (NameLists.ZH_SURNAMES.indexOf(input.charAt(m.start(1))) >= 0) {
                int end = m.end(1);
                for (String title : NameLists.ZH_TITLES) {
                    if (end - title.length() > m.start(1) && input.startsWith(title, end - title.length())) {
                        end -= title.length(); // 王先生: the title stays, as after any other cue
                        break;
                    }
                }
                spans.add(new Span(m.start(1), end, "name"));
            }
        }
        m = NAME_ANSWERED_EN.matcher(input);
        while (m.find()) {
            if (!BUSINESS_NAME_END.matcher(m.group(1)).find()) { // "Harbour Motors": a company's, no one's
                spans.add(new Span(m.start(1), m.end(1), "name"));
            }
        }
    }

    /**
     * A cardholder's name with initials after "name on the card (is)": written ("Mr D. A. Whitfield", "J. Okafor") or as
     * a recognizer writes it ("a j pemberton": one to three letters, then one word). A name without initials is the
     * names rules' (SpokenNames reads "name on the card is" as a naming cue).
     */
    private static final Pattern NAME_ON_CARD =
            Pattern.compile("(?i:\\bname on (?:the |your |this )?card(?:\\s+is|\\s*:)?\\s+)"
                    + "(?:(?i:mr|mrs|ms|miss|dr)\\.? )?"
                    + "((?:[A-Z]\\.? ?){1,3}[A-Z][a-z]+(?:-[A-Z][a-z]+)?\\b|(?:[a-z] ){2,3}[a-z]{3,}\\b)");

    private static final Pattern BUSINESS_NAME_END = Pattern.compile(
            "\\b(?:Motors|Motor|Auto|Autos|Cars|Ltd|Limited|Group|Inc|Co|Garage|Store|Shop|Services|Holdings)$");

    private static final Pattern NAME_ANSWERED_ZH = Pattern.compile("(?:姓名|名字|大名|户名|称呼)[^。！？?\\n]{0,12}[？?]\\s*"
            + "(?:[^：:\\s。，]{1,10}[：:])?\\s*(\\p{IsHan}{2,4})(?=[，,。.！!\\s]|$)");

    private static final Pattern NAME_ANSWERED_EN =
            Pattern.compile("(?i:\\bname)(?!(?i:[^?.!\\n]{0,40}\\b(?:of|model|car"
                    + "|vehicle|product|shop|store|dealer|company|business|street|road|app|plan|colou?r)\\b))[^?.!\\n]{0,40}\\?\\s*"
                    + "(?:—\\s*|(?i:customer|caller|client)\\s*:\\s*)(?:(?:Mr|Mrs|Ms|Miss|Dr)\\.? )?"
                    + "((?:[A-Z](?:[a-z]+|\\.)[ -]?){1,3}[A-Z][a-z]+)(?=[.,;!]|\\s*$)");

    /** One digit said: the words a plate's digits are read with. */
    private static final String DIGIT_SAID_ALONE = "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)";

    /**
     * A plate's digits said around "and" right after its cue ("plate is seven and one two three"): four to eight digits,
     * each said alone, so no price or count ("the plate is fine and two days").
     */
    private static final Pattern PLATE_SAID_AROUND_AND =
            Pattern.compile("(?i)\\b(?:plate|rego|registration)(?:'s| is| number is)? ((?:" + DIGIT_SAID_ALONE
                    + " ){1,4}and(?: " + DIGIT_SAID_ALONE + "){3,4})\\b(?! (?:hundred|thousand))");

    /** A sort code's end said after it: "the sort code ends fifty one", "sort code ending in 42". */
    private static final Pattern SORT_CODE_TAIL = Pattern.compile(
            "(?i)\\bsort code (?:ends|ending)(?: in| with)? (" + EN_NUM + "(?:[ -]" + EN_NUM + "){0,3}|\\d{2,4})\\b");

    /** A written serial after 流水号, 小票号, 单号 or 订单号: digit groups joined by hyphens (0021-6638-2047). */
    private static final Pattern SERIAL_AFTER_CUE =
            Pattern.compile("(?:流水|小票|订单|单)\\s*号\\s*[是为:：]?\\s*(\\d{3,6}(?:-\\d{3,6}){2,3})(?![\\d-])");

    /**
     * A video or social account's name that ends in a number, after its cue (抖音 号 是 小 七 爱 开 车 八 八 八): the
     * words up to the digits, which make it one person's.
     */
    private static final Pattern HANDLE_WITH_NUMBER = Pattern.compile("(?:抖音|快手|视频|小红书|微博)\\s*号\\s*[是为:：]?\\s*"
            + "((?:\\p{IsHan}\\s?){1,8}?(?:[零〇一二三四五六七八九幺两]\\s?|\\d){3,8})(?![零〇一二三四五六七八九十百千万幺两\\d])");

    /** A flat's levels: a phase, block or floor with its number, then maybe a room (3期2座31楼D室, 八 楼 八 一 二 室). */
    private static final String FLAT_LEVELS = "(?:(?:" + ZH_NUM + "\\s*(?:期|座|栋|幢|楼|层)\\s*){2,}(?:(?:" + ZH_NUM
            + "|[A-Za-z])\\s*室)?|(?:" + ZH_NUM + "\\s*(?:期|座|栋|幢|楼|层)\\s*)?(?:" + ZH_NUM + "|[A-Za-z])\\s*室)";

    /**
     * A Hong Kong address after its cue, with no road: an estate, a building, then the flat's levels (地址係九龍灣啟業邨
     * 啟泰樓15樓1508室, 住 喺 觀塘 順利 邨 利 富 樓 八 樓 八 一 二 室, 沙田 第一城 十二 座 二十 樓 c 室). Two levels or a room
     * at least: "送 到 三 楼" is a floor, no one's address. Read on the folded text (樓 as 楼).
     */
    private static final Pattern ADDRESS_FLAT_AFTER_CUE =
            Pattern.compile("(?:地\\s*址|住\\s*[喺在]|[送寄]\\s*(?:货\\s*)?[到去]|搬\\s*(?:咗\\s*)?[到去])\\s*(?:[系是为:：]\\s*)?"
                    + "((?:[\\p{IsHan}A-Za-z]\\s?){2,24}?" + FLAT_LEVELS + ")");

    /**
     * A Chinese address after its road or estate word: 幸福 路 八十八 号 三 栋 五零二, 建国路88号院6号楼1203室, 滨江 花园 十二 栋 二
     * 单元 一 零 零 三, 彌敦道 388 號 12 樓 (traditional forms too). Needs the road word right before the number, so 三 楼 B 区 十二
     * 号 展位 and dates stay, and 道 not in 知道, 频道, 车道 and the like.
     */
    private static final Pattern ADDRESS_ZH = Pattern.compile("(?:路|街|大道|大街|(?<![知频頻味难難报報车車跑通轨軌渠管坡赛賽])道"
            + "|弄|巷|胡同|小\\s?区|花\\s?园|苑|新村|(?<![农農乡鄉])村|家园|公寓|大[厦廈]"
            // an estate's 园 or 郡 only before a building's number ("绿城 桂花 园 九 幢", "金地 名 郡 八 栋"): 公园 三 号 门 stays
            + "|(?<=\\S\\s?)[园郡](?=\\s*" + ZH_NUM + "\\s*(?:[栋棟]|幢|座|[号號]\\s*[楼樓])))"
            + "\\s*(?:(?:[东西南北中上下]|" + ZH_NUM + ")?\\s*段\\s*)?" // 人民南路四段, 东 大街 段
            + "(?:[东西南北中]\\s*)?(?:" + ZH_FILLER + "?(?:附\\s*)?" + ZH_NUM
            + "\\s*(?:[号號]\\s*院|[号號]\\s*[楼樓]|[号號]|弄|巷|[组組]|[栋棟]|幢|座|[单單]\\s*元|[楼樓]|室)\\s*)+"
            // the flat's number, unless it is a count or a price said next ("二十三 楼 两 台 空调", "六 幢 那个 一 千 二 的")
            + "(?:" + ZH_FILLER + "?" + ZH_NUM + "(?:\\s*室)?(?![\\s零〇一二三四五六七八九十百千万幺两洞0-9]*" + COUNTED + "))?"
            // then a named building's lettered block: 维多利 广场 B 座 二 幺 零 七
            + "(?:\\s*(?:\\p{IsHan}{1,4}\\s*){0,3}?[A-Za-z]\\s*(?:座|[栋棟]|幢|[号號][楼樓]|[单單]\\s*元|室)\\s*(?:" + ZH_NUM
            + "(?:\\s*室)?)?)?");
    /** A postal code after its cue: "zip code nine four one one oh", 邮编 100020. */
    private static final Pattern POSTCODE = Pattern.compile(
            "(?i)(?<=(?:zip|zip code|zipcode|postcode|post code|postal code|pin code|pincode|cap|plz|eircode"
                    + "|邮编|邮政编码)\\s{0,2}(?:is\\s|是\\s?|:\\s?)?)(?:(?:\\d|" + EN_NUM
                    + "\\b|[零〇一二三四五六七八九幺两洞]|[a-z]\\b)[\\s-]*){5,7}"); // UK: "w nine three r b"

    /**
     * A UK postcode spelled out without a cue ("l l eight five r x", "m s five two p u", "s w one a one a a"): one or
     * two letters, the district (digits, maybe a letter), then the sector digit and two unit letters (never C I K M O
     * V). Said letter by letter, that shape is nothing else.
     */
    private static final Pattern UK_POSTCODE_SPOKEN = Pattern.compile("(?<![\\w'])[a-z](?:[\\s,]+[a-z])?"
            + "(?:[\\s,]+(?:" + DIGIT_WORD + "|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
            + "|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)){1,2}(?:[\\s,]+[a-z])?"
            + "[\\s,]+" + DIGIT_WORD + "[\\s,]+[abd-hjlnp-uw-z][\\s,]+[abd-hjlnp-uw-z](?![\\w'])");
    /**
     * A Canadian postal code said letter and digit by turns ("l nine w two z four", "k one a oh b one"), alone: inside
     * a longer spelled run it is part of something else (a VIN's "w b a five r one c five zero k ...").
     */
    private static final Pattern CA_POSTCODE_SPOKEN =
            Pattern.compile("(?<![\\w'])(?<!\\b[a-z0-9]\\s)[a-z](?:[\\s,]+" + DIGIT_WORD + "[\\s,]+[a-z]){2}[\\s,]+"
                    + DIGIT_WORD + "(?![\\w'])(?!\\s+(?:[a-z]|" + DIGIT_WORD + ")\\b)");

    /** A post office box said by a recognizer: "p o box four four seven one". */
    private static final Pattern PO_BOX_SAID = Pattern.compile(
            "(?i)\\bp\\.?\\s?o\\.?\\s+box\\s+(?:(?:\\d{1,6}|" + DIGIT_WORD + "|double|triple)\\b[\\s-]*){1,8}");

    /** A UK postcode written: "LS1 4AB", "SW1A 1AA", "M60 2LA". */
    private static final Pattern UK_POSTCODE = Pattern.compile("\\b[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[ABD-HJLNP-UW-Z]{2}\\b");
    /** A vehicle identification number written out: 17 letters and digits without I, O, Q, at least five digits. */
    private static final Pattern VIN =
            Pattern.compile("(?i)\\b(?=(?:[a-z]*\\d){5})(?=(?:\\d*[a-z]){2})[a-hj-npr-z0-9]{17}\\b");

    /** An IBAN written in groups: country, check digits, then four-character groups ("GB29 NWBK 6016 1331 9268 19"). */
    private static final Pattern IBAN =
            Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");
    /** A written expiry corrected after "no" or "sorry", in a line whose card expiry was found: "10/29 — no, 10/28". */
    private static final Pattern EXPIRY_CORRECTED = Pattern.compile(
            "(?i)(?:\\b(?:no|sorry|i mean|actually)\\b|不是|不对|不對)[,，]?\\s*(?:it's\\s+|是\\s*)?(\\d{1,2}\\s*/\\s*\\d{2})(?![\\d/])");

    /** The customer's turn starting after a question, when the transcript labels it: "Customer: ", 顾客：. */
    private static final String ANSWERED_BY = "(?:(?:customer|caller|client|cust|顾客|客户|客人|客)\\s*[:：]\\s*)?";

    /**
     * A card's expiry asked in a question and given as the answer, with words between the cue and the question mark
     * and a hesitation before the answer: "Can you confirm the expiry on the card? Customer: 08/26.", "Valid to?
     * Customer: 12/26.", "What's the expiry? Customer: End of... 04/28.", 有效期？顾客：呃，05/31, 有效期 呢 二 七 年 九 月.
     */
    private static final Pattern EXPIRY_ANSWERED = Pattern.compile("(?i)(?:\\b(?:expiry|expiration|exp|expires|valid to"
            + "|valid thru|valid till|valid until|valid through|good thru|good till)\\b|有效期|到期日?)"
            + "[^?？。.!！\\n]{0,30}?(?:[?？]|\\s呢\\s)\\s*"
            + ANSWERED_BY
            + "(?:(?:uh|um|er|erm|oh|嗯|呃|啊|it's|its|it is|end of|就是)[\\s,，.…]*){0,3}"
            + "(\\d{1,2}\\s*/\\s*\\d{2,4}(?![\\d/])"
            + "|(?:[零〇一二三四五六七八九]\\s*){2}年\\s*(?:十\\s*[一二]?|[一二三四五六七八九])\\s*月"
            + "|" + EN_NUM + "(?:[\\s-]+" + EN_NUM + "){1,3}\\b)");

    /** A card's security code asked in a question and given as the answer: "Back of the card? Customer: 318.", 背面？顾客：三幺八. */
    private static final Pattern CODE_ANSWERED =
            Pattern.compile("(?i)(?:\\b(?:security code|security number|cvv2?|cvc|cv2"
                    + "|three digits|3 digits|four digits on the front|back of (?:the|your) card|on the back)\\b|背面|安全码|验证码|后三位|后 三 位)"
                    + "[^?？。.!！\\n]{0,20}?[?？]\\s*"
                    + ANSWERED_BY
                    + "(?:(?:uh|um|er|erm|oh|嗯|呃|啊|it's|its|it is|是)[\\s,，.…]*){0,3}"
                    + "(\\d{3,4}(?![\\d/:.,]\\d)(?!\\s*(?:pm|am|p\\.m|a\\.m|点|元|块|%))"
                    + "|[零〇一幺二两三四五六七八九](?:\\s*[零〇一幺二两三四五六七八九]){2,3}(?!\\s*[零〇一幺二两三四五六七八九十百千万点元块]))");

    /** A UK driving licence number: five surname characters, six birth digits, initials, a digit, two letters. */
    private static final Pattern UK_LICENCE = Pattern.compile("\\b[A-Z9]{5} ?\\d{6} ?[A-Z9]{2}\\d[A-Z]{2}\\b");
    /**
     * A card's expiry after its cue, written ("exp 11/26", "expiry 09 27", "exp. 0927", "有效期 08/28") or said ("expiry is oh
     * nine twenty seven"), in a line that talks about a card or its security code.
     */
    private static final Pattern EXPIRY = Pattern.compile(
            "(?i)(?:\\b(?:expiry|expiration|exp|expires|expiring|validity|valid thru|valid till|valid until|valid to|good thru|good through|good till|good until"
                    + "|valid through|runs out|run out)\\b(?:'s)?\\.?(?:\\s+date)?(?:\\s+(?:is|of|on|in(?=\\s+" + MONTH
                    + "))|\\s*[是为])?" // "expiry是09/26", "expiry's nine twenty nine"
                    + "(?:\\s+(?:at\\s+)?(?:the\\s+)?end\\s+of)?" // "it expires end of August 2028"
                    + "(?:\\s*\\?\\s*(?:(?:customer|caller|client)\\s*:\\s*)?)?" // "Expiry? Customer: Twelve, ..."
                    + "|\\bdate on (?:it|the card|the front)(?:\\s+(?:is|says|reads|shows))?" // "the date on it says"
                    + "|(?:有效期(?:\\s*限)?|(?:到|过\\s*)期(?:\\s*(?:时\\s*间|日))?)\\s*(?:(?:写的是|写着|[至到是为:：])\\s*)?" // 到期日05/28, 过期 时间, 有效期写的是
                    // 有效期？顾客：09/28, 到期日呢？顾客：...; exp=03-28, a form's field
                    + "(?:[呢吗]?\\s*[？?]\\s*(?:顾客|客户|客人|客)\\s*[:：]\\s*)?)\\s*[:=]?\\s*"
                    + "(month\\s+(?:is\\s+)?" + EN_NUM + "(?:\\s+" + EN_NUM
                    + ")?\\s+(?:and\\s+)?(?:the\\s+)?year\\s+(?:is\\s+)?"
                    + EN_NUM + "(?:\\s+(?:thousand\\s+(?:and\\s+)?)?" + EN_NUM
                    + ")?\\b" // "... year two thousand thirty"
                    + "|\\d{1,2}([/.-])\\d{1,2}\\2(?:20)?\\d{2}\\b|\\d{1,2}\\s*/\\s*\\d{2,4}|\\d{2}[\\s-]\\d{2}\\b|(?:0[1-9]|1[0-2])\\d{2}\\b"
                    + "|(?:[零〇]\\s*[一幺二两三四五六七八九]|[一幺]\\s*[零〇一幺二两])(?:\\s*[零〇一幺二两三四五六七八九]){2}(?![零〇一幺二两三四五六七八九])"
                    + "|" + MONTH + "[a-z]*\\s+(?:of\\s+)?(?:20\\d{2}|'?\\d{2}\\b|" // "August '26", "March of '29"
                    + "(?:twenty\\s+)?" + EN_NUM + "(?:\\s+" + EN_NUM + ")?\\b)" // "february twenty eight"
                    + "|(?:(?:二\\s*[零〇]\\s*|20)?(?:[零〇一二三四五六七八九]\\s*){2}|(?:20)?\\d{2})\\s*年\\s*" // 二 七 年 十二 月
                    + "(?:十\\s*[一二]?|零?\\s*[一二三四五六七八九]|\\d{1,2})\\s*月"
                    // month first, as said: 一 二 月 二 八 年, 十二 月 二 八 年
                    + "|(?:[零〇]?\\s*[一二三四五六七八九]|一\\s*[零〇一二]|十\\s*[一二]?)\\s*月\\s*(?:二\\s*[零〇]\\s*)?"
                    + "[零〇一二三四五六七八九]\\s*[零〇一二三四五六七八九]\\s*年"
                    // a year alone after "runs out" is kept, as "expires in twenty seven" is; a month said with its
                    // zero is not a year ("it runs out oh nine twenty seven")
                    + "|(?:(?<!runs out |run out )|(?=(?:oh|zero)\\s))"
                    + EN_NUM + "(?:(?:(?:,\\s*|[\\s-]+)(?:slash\\s+|/\\s*)?|\\s*/\\s*)" + EN_NUM
                    + "\\b){1,3})"); // "oh four slash twenty seven", "oh-nine, twenty-seven"

    /** Redacted text and the kinds removed. */
    public record Result(String text, List<String> kinds) {}

    private record Span(int start, int end, String kind) {}

    private final PiiTagger tagger;

    /** The rules and the tagger shipped in the jar. */
    public Redactor() {
        this(PiiTagger.bundled());
    }

    /** The rules and {@code tagger} ({@link PiiTagger#none()}: the rules alone). */
    public Redactor(PiiTagger tagger) {
        this.tagger = tagger;
    }

    /**
     * {@code original} as every rule and the tagger read it: traditional characters folded (陳 as 陈, 號碼 as 号码: the
     * lists are simplified) and typed wide forms as ASCII (１３８, ｅｘｐ ＝ １１／２６, a non-breaking hyphen); one character
     * for one, so every offset holds and the output is cut from the original.
     */
    static String readable(String original) {
        return CharFold.apply(original, c -> WideForms.ascii(TraditionalChinese.simplified((char) c))); // one pass
    }

    public Result redact(String original) {
        String input = readable(original);
        String folded = RedactionTokens.caseFolded(input); // the cue words below are searched in it
        List<RedactionTokens.Token> tokens = SpokenNumbers.merge(RedactionTokens.of(input));
        List<Span> spans = ruleSpans(input, folded, tokens);
        if (folded.contains("first") || folded.contains("front")) {
            halvesApart(input, tokens, spans); // before the tagger, which would take a half for a number of its own
        }
        if (folded.contains("letters")
                || input.contains("字母")
                || folded.contains("starts with")
                || folded.contains("begins with")
                || folded.contains("starting with")) {
            lettersThenNumbers(input, tokens, spans);
        }
        if (folded.contains("starts with") || folded.contains("begins with") || folded.contains("starting with")) {
            numberStartThenEnd(input, tokens, spans); // before the tagger, as the halves above
        }
        if (input.contains("开头")) {
            chineseStartThenRest(input, tokens, spans);
        }
        for (PiiTagger.Hit h : tagger.find(tokens, covered(input.length(), spans))) {
            if (TYRE_WRITTEN.matcher(input).region(h.start(), input.length()).lookingAt()) {
                continue; // "registration YR21 UPW, 205/55 R16 all round": a tyre's size after a plate
            }
            if (LONE_DATE.matcher(input).region(h.start(), h.end()).matches()) {
                continue; // "expiry 10/29, see you 10/28 at nine": a lone written date is the rules' to judge
            }
            if (publicLine(tokens, h)) {
                continue; // 我 就 打 一 二 三 一 五: the consumer hotline, after 打 as a phone would be
            }
            if (INVOICE_NUMBER_BEFORE
                    .matcher(input)
                    .region(Math.max(0, h.start() - 12), h.start())
                    .find()) {
                continue; // 发票 号码 零 四 四 ...: an invoice's number, which the rules keep (blind authors 10 to 1)
            }
            // the tagger's numbers stand even where the rules see a shop's line before them ("call the dealership
            // four one six ..."): checking them with the rules kept one such line but let three customers' numbers
            // of two blind authors through
            spans.add(new Span(h.start(), h.end(), "number"));
        }
        if (input.contains("宋")
                || input.contains("秦")
                || input.contains("唐")
                || input.contains("汉")
                || input.contains("元")) {
            spans.removeIf(
                    s -> s.kind().equals("name") && carModelAt(input, s)); // 宋 PLUS, 唐 DM-i: a car, no one's name
        }
        restAfter(input, tokens, spans); // after the tagger: the first half it found may be the one handed over apart
        piecesAfterRemarks(input, tokens, spans);
        if (input.indexOf(':') >= 0 || input.indexOf('：') >= 0) {
            piecesAcrossTurns(input, spans);
            startBeforeBackchannel(input, spans);
        }
        piecesFromCue(input, tokens, spans);
        if (input.contains("转") || input.contains("分机") || folded.contains("ext")) {
            takeRightAfter(input, spans, PHONE_KINDS, EXTENSION_AFTER, null);
        }
        if (input.indexOf('/') >= 0) {
            takeRightAfter(input, spans, CARD_KIND, EXPIRY_AFTER_CARD, "card");
        }
        if (folded.contains("code")) {
            // after the expiry, which may stand between the card and its code: "..., 09/26, code 038"
            takeRightAfter(input, spans, CARD_KIND, CODE_AFTER_CARD, "card");
        }
        if (spans.isEmpty()) {
            return new Result(original, List.of());
        }
        if (transactionCue(folded)) {
            spans.removeIf(s -> transactionCodeAt(input, s)); // "approval code 802116", 授权码 是 ...: the payment's
        }
        if (folded.contains("x")) {
            lastLetterAfter(tokens, spans); // after the tagger, whose numbers may be the ID
        }
        spelledWordSaid(tokens, spans); // after the tagger, which may have taken the spelling
        romanisedRest(tokens, spans);
        spans.sort(Comparator.comparingInt(Span::start)
                .thenComparing(Comparator.comparingInt(Span::end).reversed())
                .thenComparingInt(s -> s.kind().equals("number") ? 1 : 0)); // a rule's kind names a span first
        Set<String> kinds = new LinkedHashSet<>();
        StringBuilder out = new StringBuilder(input.length());
        int pos = 0;
        int i = 0;
        while (i < spans.size()) {
            Span s = spans.get(i);
            int end = s.end();
            int j = i + 1;
            while (j < spans.size() && spans.get(j).start() < end) {
                end = Math.max(end, spans.get(j).end());
                if (s.kind().equals("number") && !spans.get(j).kind().equals("number")) {
                    // a rule's kind merged under the tagger's wider span is still removed
                    kinds.add(spans.get(j).kind());
                }
                j++;
            }
            out.append(original, pos, s.start()).append('<').append(s.kind()).append('>');
            kinds.add(s.kind());
            pos = end;
            i = j;
        }
        out.append(original, pos, original.length());
        return new Result(out.toString(), new ArrayList<>(kinds));
    }

    /**
     * A payment's own codes, which identify the transaction and not the payer (blind authors keep them, 23 spans to 1):
     * an authorisation or approval code, a terminal's number, a transaction's reference (参考号, 凭证号).
     */
    private static boolean transactionCue(String folded) { // plain searches: this runs on every line with a span
        return folded.contains("授权码")
                || folded.contains("参考号")
                || folded.contains("凭证号")
                || folded.contains("终端号")
                || folded.contains("approval")
                || folded.contains("auth")
                || folded.contains("terminal");
    }

    private static final Pattern TRANSACTION_CODE_BEFORE = Pattern.compile("(?i)(?:授权码|参考号|凭证号|终端号"
            + "|\\bapproval(?:\\s+(?:code|number|no\\.?))?|\\bauth(?:ori[sz]ation)?(?:\\s+(?:code|number|no\\.?))?\\.?"
            + "|\\bterminal(?:\\s+(?:id|number|no\\.?))?)"
            + "(?:\\s+(?:is|was|reads|says))?\\s*(?:是\\s*)?[:：#]?\\s*$");

    private static boolean transactionCodeAt(String input, Span s) {
        return TRANSACTION_CODE_BEFORE
                .matcher(input)
                .region(Math.max(0, s.start() - 30), s.start())
                .find();
    }

    /**
     * A person's extension right after their removed number ("总机0571-8702 4419再转605", "0161 496 0732 ext. 214"): it
     * goes with the number it completes.
     */
    private static final Pattern EXTENSION_AFTER =
            Pattern.compile("(?i)\\s*[,，]?\\s*(?:再\\s*)?(?:转|分机|ext\\.?|extension)\\s*(?:是\\s*)?"
                    + "([0-9]{2,5}|[零〇一幺二两三四五六七八九](?:\\s*[零〇一幺二两三四五六七八九]){1,4})(?![0-9零〇一幺二两三四五六七八九])"
                    // money sent after a number (手机 ... 转 500 块) is no extension: a unit after the digits ends it
                    + "(?!\\s*(?:块|元|万|千|百|%|rmb|yuan|dollars|pounds|quid|个|次|天))");

    /**
     * A card dictated as number, expiry, code ("4929 1234 5678 9012, 09/26, 038"; "..., 09/26, and the code is 038"):
     * a month/year written right after a removed card number is its expiry, and three or four digits right after that
     * its security code.
     */
    private static final Pattern EXPIRY_AFTER_CARD = Pattern.compile(
            "(?i)\\s*[,，;]?\\s*(?:and\\s+)?(?:exp(?:iry|ires)?\\.?\\s*)?((?:0?[1-9]|1[0-2])\\s*/\\s*(?:20)?\\d{2})(?![\\d/])"
                    + "(?:\\s*[,，;]?\\s*(?:and\\s+)?(?:(?:the\\s+)?(?:security\\s+)?(?:code|cvv|cvc)\\s*(?:is\\s+|:\\s*)?)?"
                    + "(\\d{3,4})(?![\\d/:.,]\\d))?");

    /**
     * A code said right after a removed card number or its expiry is its security code ("card is 4111 ... and the code
     * is 738"): "code" alone, which elsewhere may be a discount's or a door's, only in that place.
     */
    private static final Pattern CODE_AFTER_CARD = Pattern.compile("(?i)\\s*[,，;]?\\s*(?:(?:and|with|plus)\\s+)?"
            + "(?:the\\s+)?(?:security\\s+)?code\\s*(?:is\\s+|was\\s+|:\\s*)?(\\d{3,4})(?![\\d/:.,]\\d)");

    private static final Set<String> PHONE_KINDS = Set.of("phone", "number");

    private static final Set<String> CARD_KIND = Set.of("card");

    /**
     * For each removed span of one of {@code kinds}: what {@code after} matches right at its end (every group that took
     * part) goes too, as {@code kind} or, when null, as the span's own kind.
     */
    private static void takeRightAfter(String input, List<Span> spans, Set<String> kinds, Pattern after, String kind) {
        for (int i = 0, n = spans.size(); i < n; i++) {
            Span s = spans.get(i);
            if (kinds.contains(s.kind())) {
                Matcher m = after.matcher(input).region(s.end(), input.length());
                if (m.lookingAt()) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        if (m.group(g) != null) {
                            spans.add(new Span(m.start(g), m.end(g), kind == null ? s.kind() : kind));
                        }
                    }
                }
            }
        }
    }

    /** The characters the rules' spans cover: the tagger leaves them to the rules and may extend them. */
    private static boolean[] covered(int length, List<Span> spans) {
        boolean[] covered = new boolean[length];
        for (Span s : spans) {
            java.util.Arrays.fill(covered, Math.max(0, s.start()), Math.min(length, s.end()), true);
        }
        return covered;
    }

    /**
     * What the rules remove from {@code input}: spans of its characters, overlapping and unsorted. {@code folded} is
     * {@code input} case-folded ({@link RedactionTokens#caseFolded}), for the cue-word tests.
     */
    private List<Span> ruleSpans(String input, String folded, List<RedactionTokens.Token> tokens) {
        List<Span> spans = new ArrayList<>();
        // Each pattern runs only when the text holds what it cannot match without (same result, a fraction of the
        // time: scanning every position of every utterance with these character classes was most of redaction's cost).
        if (input.indexOf('@') >= 0 || input.indexOf('＠') >= 0) {
            regex(EMAIL, input, "email", spans, 0);
            Matcher m = AT_HANDLE.matcher(input);
            while (m.find()) {
                if (!businessBefore(input, m.start())) {
                    spans.add(new Span(m.start(), m.end(), "account"));
                }
            }
        }
        if ((input.indexOf('(') >= 0 || input.indexOf('[') >= 0)
                && (folded.contains("(at)") || folded.contains("[at]"))) {
            regex(BRACKET_EMAIL, input, "email", spans, 0);
        }
        if (input.indexOf('*') >= 0 || input.indexOf('•') >= 0 || folded.contains("xxxx")) {
            regex(MASKED_CARD, input, "card", spans, 1);
            regex(MASKED_CARD_MIDDLE, input, "card", spans, 0);
            regex(MASKED_TAIL, input, "card", spans, 1);
            regex(MASKED_NUMBER, input, "number", spans, 0);
            regex(MASKED_EMAIL, input, "email", spans, 0);
        }
        if (hasProvince(input)) {
            regex(CN_PLATE, input, "plate", spans, 0);
        }
        if (input.contains(".com/") || input.contains(".net/")) {
            Matcher m = PROFILE_URL.matcher(input);
            while (m.find()) {
                if (!businessBefore(input, m.start())) { // "see our page facebook.com/ParkwayFord": the shop's
                    spans.add(new Span(m.start(1), m.end(1), "account"));
                }
            }
        }
        if (input.indexOf('·') >= 0 || input.indexOf('•') >= 0 || input.indexOf('・') >= 0) {
            regex(DOTTED_NAME, input, "name", spans, 0);
        }
        if (input.indexOf('—') >= 0 || input.contains("--")) {
            regex(ZH_SIGN_OFF, input, "name", spans, 0);
        }
        if ((input.indexOf('人') >= 0 || input.indexOf('名') >= 0) && containsAny(input, ZH_PERSON_FIELDS)) {
            // a lookbehind tried at every position of the line: only when one of its fields is there
            regex(ZH_PERSON_FIELD, input, "name", spans, 0);
        }
        if (input.contains("昵称")
                || input.contains("网名")
                || input.contains("小名")
                || input.contains("外号")
                || input.contains("绰号")) {
            Matcher m = ZH_NICKNAME.matcher(input);
            while (m.find()) {
                int g = m.group(1) != null ? 1 : 2;
                spans.add(new Span(m.start(g), m.end(g), "name"));
            }
        }
        if (hasUpperAscii(input)) {
            regex(NI_NUMBER, input, "id", spans, 0);
            regex(IBAN, input, "account", spans, 0);
            regex(UK_LICENCE, input, "id", spans, 0);
            if (hasAsciiDigit(input)) {
                int before = spans.size();
                regex(UK_POSTCODE, input, "address", spans, 0);
                regex(CA_POSTCODE, input, "address", spans, 0);
                regex(AU_POSTCODE, input, "address", spans, 0);
                regex(PO_BOX, input, "address", spans, 0);
                townBefore(input, spans, before);
            }
            if (input.indexOf('-') >= 0) {
                regex(FRENCH_PLATE, input, "plate", spans, 0);
            }
            if (hasAsciiDigit(input)) {
                regex(UK_PREFIX_PLATE, input, "plate", spans, 0);
                regex(INDIAN_PLATE, input, "plate", spans, 0);
                regex(IRISH_PLATE, input, "plate", spans, 0);
                regex(PAN, input, "id", spans, 0);
            }
            Matcher m = LATIN_PLATE.matcher(input);
            while (m.find()) {
                if (!PRODUCT_SERIES.contains(input.substring(m.start(), Math.min(m.end(), m.start() + 3)))) {
                    spans.add(new Span(m.start(), m.end(), "plate"));
                }
            }
        }
        if (hasPlateCue(folded)) {
            regex(CUED_PLATE, input, "plate", spans, 1);
            Matcher vanity = VANITY_PLATE_EN.matcher(input);
            while (vanity.find()) {
                spans.add(new Span(vanity.start(1), vanity.end(1), "plate"));
            }
            if (input.indexOf('叫') >= 0 || input.indexOf('係') >= 0 || input.indexOf('系') >= 0) {
                Matcher m = VANITY_PLATE.matcher(input);
                while (m.find()) {
                    spans.add(new Span(m.start(1), m.end(1), "plate"));
                }
            }
        }
        if (input.indexOf('架') >= 0 && hasAsciiDigit(input)) {
            regex(HK_PLATE_AFTER_CLASSIFIER, input, "plate", spans, 1);
        }
        if (input.indexOf('S') >= 0 && hasAsciiDigit(input)) {
            Matcher m = SG_PLATE.matcher(input);
            while (m.find()) {
                if (singaporeCheckLetter(m.group(1), m.group(2), m.group(3).charAt(0))) {
                    spans.add(new Span(m.start(), m.end(), "plate"));
                }
            }
        }
        if (BirthDates.mayHoldCue(folded)) {
            for (SpokenNumbers.Found f : BirthDates.find(tokens)) {
                spans.add(new Span(f.start(), f.end(), f.kind()));
            }
        }
        for (SpokenNumbers.Found f : SpokenEmails.find(tokens)) {
            if (f.end() < input.length() && input.charAt(f.end()) == '/'
                    || slashAfter(input, f.end())
                    || WEB_ADDRESS_AT.matcher(input).region(f.start(), f.end()).find()) {
                continue; // "brochure at toyota.com.au/rav4", "our rivertown ford dot com slash service": a web page
            }
            spans.add(new Span(f.start(), f.end(), f.kind()));
        }
        if (input.indexOf('.') >= 0 && hasAsciiDigit(input)) {
            regex(DOTTED_PHONE, input, "phone", spans, 0);
        }
        if (input.indexOf('-') >= 0 && (input.contains("邮箱") || input.contains("郵箱") || folded.contains("mail"))) {
            regex(HYPHEN_SPELLED, input, "email", spans, 0);
        }
        for (SpokenNumbers.Found f : SpokenNumbers.find(input, SpokenNumbers.splitJoined(tokens))) {
            spans.add(new Span(f.start(), f.end(), f.kind()));
        }
        if (folded.contains("exp")
                || folded.contains("run")
                || input.contains("有效期")
                || input.contains("到期")
                || input.contains("过期")
                || input.contains("过 期")
                || folded.contains("valid")
                || folded.contains("good t") // thru, through, till
                || folded.contains("good u")
                || folded.contains("date on")) {
            // a card's expiry ("the one ending 4417, expiring 10/29"), or an id document's said with its number
            // ("passport 123456789, expiry 14/06/2031")
            boolean card = mentionsAny(input, CARD_TALK) || hasKind(spans, "card") || codeWithDate(input, spans);
            if (card || hasKind(spans, "id") && mentionsAny(input, ID_DOCUMENT_TALK)) {
                Matcher m = EXPIRY.matcher(input); // said in words: no digit in the group, unlike the cued plates
                int expiries = 0;
                while (m.find()) {
                    spans.add(new Span(m.start(1), m.end(1), card ? "card" : "id"));
                    expiries++;
                }
                if (card && (input.indexOf('?') >= 0 || input.indexOf('？') >= 0 || input.contains("呢"))) {
                    Matcher a = EXPIRY_ANSWERED.matcher(input); // "What's the expiry? Customer: End of... 04/28."
                    while (a.find()) {
                        spans.add(new Span(a.start(1), a.end(1), "card"));
                        expiries++;
                    }
                }
                if (expiries > 0 && card) {
                    Matcher c = EXPIRY_CORRECTED.matcher(input); // "expiry 10/29 — no, 10/28"
                    while (c.find()) {
                        spans.add(new Span(c.start(1), c.end(1), "card"));
                    }
                }
            }
        }
        if ((input.indexOf('?') >= 0 || input.indexOf('？') >= 0) && mentionsAny(input, CARD_TALK)) {
            Matcher a = CODE_ANSWERED.matcher(input); // "Back of the card? Customer: 318."
            while (a.find()) {
                spans.add(new Span(a.start(1), a.end(1), "card"));
            }
        }
        int address = cueWords(tokens);
        if ((address & HANDLE) != 0) {
            for (SpokenNumbers.Found f : SpokenHandles.find(tokens)) {
                if (!shopHandle(input, f) // "follow us on instagram at riverside motors", 我们店的抖音叫...: public
                        && !input.regionMatches(true, f.start(), "www", 0, 3)) { // a web page, no one's handle
                    spans.add(new Span(f.start(), f.end(), f.kind()));
                }
            }
        }
        if ((address & NAME) != 0) {
            for (SpokenNumbers.Found f : SpelledNames.find(tokens)) {
                spans.add(new Span(f.start(), f.end(), f.kind()));
            }
        }
        for (SpokenNumbers.Found f : SpokenNames.find(tokens)) {
            spans.add(new Span(f.start(), f.end(), f.kind()));
        }
        if ((address & STREET) != 0) {
            int before = spans.size();
            regex(ADDRESS_EN, input, "address", spans, 0);
            // "2021 Focus ST": a model year, a model and its trim in capitals, no house on a street
            spans.subList(before, spans.size())
                    .removeIf(s -> MODEL_YEAR_TRIM
                            .matcher(input.substring(s.start(), s.end()))
                            .matches());
            withTown(input, spans, before);
            withPostcode(input, spans, before);
        }
        if ((address & CONTINENTAL) != 0) {
            int before = spans.size();
            regex(ADDRESS_STREET_FIRST, input, "address", spans, 0);
            regex(ADDRESS_FR, input, "address", spans, 0);
            regex(ADDRESS_COMPOUND, input, "address", spans, 0);
            withPostcode(input, spans, before);
        }
        if (input.indexOf('栋') >= 0
                || input.indexOf('棟') >= 0
                || input.indexOf('幢') >= 0
                || input.indexOf('楼') >= 0
                || input.indexOf('樓') >= 0) {
            regex(ADDRESS_BLOCK, input, "address", spans, 0);
        }
        if (folded.contains("flat ") || folded.contains("room ") || folded.contains("unit ")) {
            Matcher m = FLAT_WRITTEN.matcher(input); // Flat 5B, 18/F, Block 2, Laguna City, Kwun Tong
            while (m.find()) {
                if (FLAT_PARTS.matcher(m.group()).find()) { // not "Room 3, Monday" nor "Unit 3, Ballymount Retail Park"
                    spans.add(new Span(m.start(), m.end(), "address"));
                }
            }
        }
        if (folded.contains("name on ")) {
            Matcher m = NAME_ON_CARD.matcher(input); // "name on the card is Mr D. A. Whitfield", "... a j pemberton"
            while (m.find()) {
                String last = input.substring(m.start(1), m.end(1)).replaceAll("^.*[ .]", "");
                if (Character.isUpperCase(last.charAt(0)) || !NameLists.ENGLISH.contains(last)) {
                    spans.add(new Span(m.start(1), m.end(1), "name")); // not "a b c d" counting, "is a bit faded"
                }
            }
        }
        if (input.indexOf('?') >= 0 || input.indexOf('？') >= 0) {
            nameAnswered(input, spans); // 请问车主姓名？顾客：周子谦，...; "Name on the card? Customer: Mr J. A. Whitcombe."
        }
        if (folded.contains(" and ")) {
            Matcher m = PLATE_SAID_AROUND_AND.matcher(input); // "plate is seven and one two three"
            while (m.find()) {
                spans.add(new Span(m.start(1), m.end(1), "plate"));
            }
        }
        if (folded.contains("sort code")) {
            Matcher m = SORT_CODE_TAIL.matcher(input); // "the sort code ends fifty one": said, no digit written
            while (m.find()) {
                spans.add(new Span(m.start(1), m.end(1), "account"));
            }
        }
        if (input.indexOf('号') >= 0) {
            Matcher m = SERIAL_AFTER_CUE.matcher(input); // 小票流水号 0021-6638-2047
            while (m.find()) {
                spans.add(new Span(m.start(1), m.end(1), "id"));
            }
            m = HANDLE_WITH_NUMBER.matcher(input); // 抖音 号 是 小 七 爱 开 车 八 八 八
            while (m.find()) {
                spans.add(new Span(m.start(1), endBeforeSpace(input, m.start(1), m.end(1)), "account"));
            }
        }
        if (input.indexOf('室') >= 0 || input.indexOf('座') >= 0 || input.indexOf('楼') >= 0) {
            Matcher m = ADDRESS_FLAT_AFTER_CUE.matcher(input); // 地址係九龍灣啟業邨啟泰樓15樓1508室: no road, a flat
            while (m.find()) {
                spans.add(new Span(m.start(1), endBeforeSpace(input, m.start(1), m.end(1)), "address"));
            }
        }
        if ((address & ROAD) != 0) {
            Matcher m = ADDRESS_ZH.matcher(input);
            while (m.find()) {
                int end = endBeforeSpace(input, m.start(), m.end());
                int from = placeBefore(input, m.start());
                if (!SHOP_ADDRESS
                        .matcher(input.substring(Math.max(0, from - 8), from))
                        .find()) {
                    spans.add(new Span(from, end, "address"));
                }
            }
        }
        if ((address & POST) != 0) {
            regex(POSTCODE, input, "address", spans, 0);
        }
        if ((address & VIN_SHAPE) != 0) {
            regex(VIN, input, "vin", spans, 0);
        }
        if ((address & LETTERS) != 0) {
            regex(UK_POSTCODE_SPOKEN, input, "address", spans, 0);
            regex(CA_POSTCODE_SPOKEN, input, "address", spans, 0);
        }
        if (folded.contains("box")) {
            regex(PO_BOX_SAID, input, "address", spans, 0);
        }
        dictatedGroups(input, tokens, spans);
        if (hasProvince(input)) {
            provinceLetters(input, spans);
        }
        if (input.indexOf('牌') >= 0) {
            regex(MISHEARD_PROVINCE_PLATE, input, "plate", spans, 0);
        }
        if (spans.isEmpty()) {
            return spans;
        }
        joinedLocalParts(tokens, spans);
        alternativesBefore(tokens, spans);
        alternativesAfter(input, tokens, spans);
        checkDigitsAfter(tokens, spans);
        chunksReadBack(input, tokens, spans);
        licenceSurnames(tokens, spans);
        sayAgain(input, tokens, spans);
        changedTails(input, tokens, spans);
        restarts(input, tokens, spans);
        emailFalseStarts(tokens, spans);
        extendPhones(input, spans);
        areaCodesApart(input, spans);
        letterPrefixes(input, spans);
        return spans;
    }

    /** Words between two readings of a number's start: "幺 三 八 还是 幺 五 八 ...", "one three eight or one five eight". */
    private static final List<List<String>> ALTERNATIVES = List.of(
            List.of("还", "是"), List.of("或", "者"), List.of("不", "是"), List.of("or"), List.of("not"), List.of("no"));

    private static final Set<String> HESITATIONS = LookupSets.of("唔", "嗯", "呃", "uh", "um", "er", "erm");

    private static final Set<String> SPOKEN_DIGITS = LookupSets.of(
            "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "零", "〇", "洞", "一",
            "幺", "二", "两", "三", "四", "五", "六", "七", "八", "九");

    /**
     * The first reading of a number's start, asked or corrected right before the number ("您 说 的 是 幺 三 八 还是 幺 五 八
     * ..."): three to six digits said just before an alternative word and a removed phone, card, id or account are
     * removed too, the word between stays.
     */
    private static void alternativesBefore(List<RedactionTokens.Token> tokens, List<Span> spans) {
        int found = spans.size();
        for (int k = 0; k < found; k++) {
            Span s = spans.get(k);
            if (!NUMBER_KINDS.contains(s.kind())) {
                continue;
            }
            int i = tokenAt(tokens, s.start());
            if (i >= tokens.size() || tokens.get(i).start() != s.start()) {
                continue;
            }
            for (List<String> alt : ALTERNATIVES) {
                int a = i - alt.size();
                if (!RedactionTokens.wordsAt(tokens, a, alt)) {
                    continue;
                }
                int first = a;
                if (first > 1
                        && (tokens.get(first - 1).is(",")
                                || tokens.get(first - 1).is("，"))) {
                    first--; // "最后是0023，不是0032": a comma before the alternative word
                } else if (first > 1
                        && HESITATIONS.contains(tokens.get(first - 1).lower())) {
                    first--; // "零 一 唔 不是 零 一 九 一": a hesitation before it
                }
                int end = first;
                int digits = 0;
                while (first > 0 && digitToken(tokens.get(first - 1))) {
                    first--;
                    digits += tokens.get(first).type() == RedactionTokens.Type.DIGITS
                            ? tokens.get(first).lower().length()
                            : 1;
                }
                // same first digit, as two readings of one number's start are (幺 三 八 / 幺 五 八); a price said
                // before it ("two nine nine or one three eight ...") is another number
                boolean sameStart = firstDigit(tokens.get(first)).equals(firstDigit(tokens.get(i)));
                // two digits only when they are the number's own first two, said and broken off
                boolean brokenOff = digits == 2
                        && end - first == 2
                        && i + 1 < tokens.size()
                        && sameStart
                        && firstDigit(tokens.get(first + 1)).equals(firstDigit(tokens.get(i + 1)));
                if ((digits >= 3 && digits <= 6 || brokenOff) && sameStart) {
                    spans.add(new Span(
                            tokens.get(first).start(), tokens.get(end - 1).end(), s.kind()));
                }
                break;
            }
        }
    }

    /**
     * The other reading offered right after a removed number ("是尾号4821还是7878的卡", "ending 4821 or 7878"): written
     * digits of the same length as the number, removed with the same kind.
     */
    private static void alternativesAfter(String input, List<RedactionTokens.Token> tokens, List<Span> spans) {
        int found = spans.size();
        for (int k = 0; k < found; k++) {
            Span s = spans.get(k);
            if (!NUMBER_KINDS.contains(s.kind())) {
                continue;
            }
            int i = tokenAt(tokens, s.end());
            int length = digitsOf(input, s).length();
            for (List<String> alt : ALTERNATIVES) {
                if (RedactionTokens.wordsAt(tokens, i, alt) && i + alt.size() < tokens.size()) {
                    RedactionTokens.Token t = tokens.get(i + alt.size());
                    int n = i + alt.size() + 1;
                    boolean amount = n < tokens.size() && SpokenNumbers.amountWord(tokens.get(n)); // "or 2000 dollars"
                    if (t.type() == RedactionTokens.Type.DIGITS
                            && t.lower().length() == length
                            && length >= 3
                            && !amount) {
                        spans.add(new Span(t.start(), t.end(), s.kind()));
                    }
                    break;
                }
            }
        }
    }

    /** Words that hand over the rest of a number or plate said apart: "rest is ZHD", "second half is", 后面 是. */
    private static final List<List<String>> REST_CUES = List.of(
            List.of("rest", "is"),
            List.of("rest", "are"),
            List.of("second", "half", "is"),
            List.of("second", "part", "is"),
            List.of("other", "half", "is"),
            List.of("后面是"),
            List.of("后面", "是"),
            List.of("后", "面", "是"));

    private static final Set<String> PIECE_KINDS = LookupSets.of("phone", "card", "id", "account", "number", "plate");

    /**
     * The rest of a number or plate handed over apart, after a pause or a question ("Plate starts 粤B, rest is ZHD",
     * "前面 是 ... 等 等 我 看 看 后面 是 二 八 六 九 四 一", "，后面呢？后面是2525"): within twelve tokens after a removed
     * number, a {@link #REST_CUES} word and then two to eight symbols ({@link #restSymbol}) are removed with the
     * number's kind, unless an amount word follows them ("the rest is 200 dollars").
     */
    private static void restAfter(String input, List<RedactionTokens.Token> tokens, List<Span> spans) {
        int found = spans.size();
        for (int k = 0; k < found; k++) {
            Span s = spans.get(k);
            if (!PIECE_KINDS.contains(s.kind())) {
                continue;
            }
            int[] rest = restWithin(input, tokens, tokenAt(tokens, s.end()));
            if (rest != null) {
                spans.add(new Span(
                        tokens.get(rest[0]).start(), tokens.get(rest[1] - 1).end(), s.kind()));
            }
        }
    }

    private static int[] restWithin(String input, List<RedactionTokens.Token> tokens, int from) {
        return restWithin(input, tokens, from, REST_CUES, false);
    }

    /**
     * The rest of a number after one of {@code cues} within twelve tokens from {@code from} (after its lead words,
     * "is", "then", when {@code leads}): its first and past-the-last token, or null when the first cue found is not
     * followed by one ({@link #restOfNumber}).
     */
    private static int[] restWithin(
            String input, List<RedactionTokens.Token> tokens, int from, List<List<String>> cues, boolean leads) {
        for (int j = from; j < Math.min(tokens.size(), from + 12); j++) {
            List<String> cue = cueAt(cues, tokens, j);
            if (cue != null) {
                int first = leads ? afterLeads(tokens, j + cue.size()) : j + cue.size();
                int last = symbolsEnd(input, tokens, first);
                return restOfNumber(input, tokens, first, last) ? new int[] {first, last} : null;
            }
        }
        return null;
    }

    /** The most symbols a number of a kind has, for its pieces read apart: a plate 8, a phone 13, a card 19, an id 18. */
    private static final Map<String, Integer> MOST_SYMBOLS =
            Map.of("plate", 8, "phone", 13, "card", 19, "id", 18, "account", 19, "number", 19);

    /**
     * The fewest symbols of a whole number of a kind: a number removed with as many is complete, and what follows it
     * is other talk ("Card is 4111 ... 1111, charge the $45 diagnostic fee").
     */
    private static final Map<String, Integer> WHOLE_SYMBOLS =
            Map.of("plate", 5, "phone", 10, "card", 15, "id", 8, "account", 8, "number", 8);

    /** Words before a number that say it is a tail, complete as said: "Visa ending 4417", 尾号. */
    private static final Set<String> TAIL_WORDS = LookupSets.of("ending", "ends", "last", "尾号", "后四位", "末尾");

    /** Units and times after a piece that make it an amount, a time or a year ("2016 model", 七 点, "ten km"). */
    private static final Set<String> UNITS_AFTER = LookupSets.of(
            "model",
            "pm",
            "am",
            "km",
            "kms",
            "kilometres",
            "kilometers",
            "miles",
            "o'clock",
            "dollars",
            "bucks",
            "percent");

    /**
     * Words that end the reading of a number and start other talk ("also the price tag says", "by the way the
     * odometer", "and the test drive is at", 对了 试驾, 然后 四 月), and the {@link #UNITS_AFTER}: a piece is not
     * looked for past them.
     */
    private static final Set<String> READING_STOPS = LookupSets.copyOf(java.util.stream.Stream.concat(
                    UNITS_AFTER.stream(),
                    java.util.stream.Stream.of(
                            "also",
                            "and",
                            "by",
                            "then",
                            "price",
                            "odometer",
                            "odo",
                            "test",
                            "order",
                            "tyres",
                            "tires",
                            "tyre",
                            "total",
                            "invoice",
                            "booked",
                            "bay",
                            "exp",
                            "expiry",
                            "expires",
                            "valid",
                            "thru",
                            "until",
                            "at",
                            "对了",
                            "然后",
                            "另外",
                            "还有",
                            "报价",
                            "试驾",
                            "交车",
                            "里程",
                            "轮胎",
                            "有效期",
                            "车位",
                            "到期"))
            .toList());

    /** Single characters that do the same in Chinese: units, dates and times (元, 点, 号, 款). */
    private static final String READING_STOP_CHARS = "元块点号月年款期位";

    /**
     * A number read off something in pieces, with remarks between ("four nine one six hang on the light's bad here
     * two two zero eight", 三 八 五 七 after 太阳 照 着 看 不 清, "5181 (a sec) 7203 (thumb over it) 1004"): after a
     * removed number that is not whole yet ({@link #WHOLE_SYMBOLS}; not a tail said as one, "ending 4417"), pieces of
     * two (a plate) or three to eight symbols ({@link #restSymbol}) that follow at most nine tokens of other words are
     * removed with its kind, until the number is whole and while it stays within the kind's length ({@link
     * #MOST_SYMBOLS}). Reading stops at a {@link #READING_STOPS} word, at ";", "|" or a full stop; a piece is not taken
     * when it is glued to a sign or a name, or an amount or unit follows it ({@link #nextPiece}).
     */
    private static void piecesAfterRemarks(String input, List<RedactionTokens.Token> tokens, List<Span> spans) {
        int found = spans.size();
        for (int k = 0; k < found; k++) {
            Span s = spans.get(k);
            Integer most = MOST_SYMBOLS.get(s.kind());
            if (most == null) {
                continue;
            }
            int first = tokenAt(tokens, s.start());
            int from = tokenAt(tokens, s.end());
            int symbols = symbolsBetween(input, tokens, first, from);
            if (symbols >= WHOLE_SYMBOLS.get(s.kind())
                    || first > 0 && TAIL_WORDS.contains(tokens.get(first - 1).lower())) {
                continue;
            }
            int previousEnd = s.end();
            while (symbols < WHOLE_SYMBOLS.get(s.kind())) {
                int[] piece = nextPiece(input, tokens, from, previousEnd, fewestSymbols(s.kind()), true);
                if (piece == null) {
                    break;
                }
                int n = symbolsBetween(input, tokens, piece[0], piece[1]);
                if (symbols + n > most) {
                    break;
                }
                spans.add(new Span(
                        tokens.get(piece[0]).start(), tokens.get(piece[1] - 1).end(), s.kind()));
                symbols += n;
                from = piece[1];
                previousEnd = tokens.get(piece[1] - 1).end();
            }
        }
    }

    /** The fewest symbols a piece has: a plate's letters may come in twos ("j k"), other numbers' pieces in threes. */
    private static int fewestSymbols(String kind) {
        return kind.equals("plate") ? 2 : 3;
    }

    private static int[] nextPiece(
            String input,
            List<RedactionTokens.Token> tokens,
            int from,
            int previousEnd,
            int fewest,
            boolean afterRemark) {
        int j = from;
        int end = previousEnd;
        while (j < tokens.size()
                && (restSymbol(input, tokens.get(j)) == 0
                        || inWord(tokens, j)
                        || fewest > 2 && loneLetter(tokens, j))) {
            if (j - from == 9
                    || readingStop(tokens, j)
                    || endsReading(input, end, tokens.get(j).start())) {
                return null;
            }
            end = tokens.get(j).end();
            j++;
        }
        if (afterRemark && j == from
                || j >= tokens.size()
                || endsReading(input, end, tokens.get(j).start())) {
            return null;
        }
        int last = symbolsEnd(input, tokens, j);
        if (!restOfNumber(input, tokens, j, last)
                || PIECE_BLOCKERS.contains(tokens.get(j - 1).lower())
                || capitalised(tokens.get(j - 1))
                || !pieceSymbols(tokens, j, last, fewest == 2)
                || symbolsBetween(input, tokens, j, last) < fewest
                || last < tokens.size() && (unitAfter(tokens.get(last)) || capitalised(tokens.get(last)))
                || !standsAlone(
                        input, tokens.get(j).start(), tokens.get(last - 1).end())) {
            return null;
        }
        return new int[] {j, last};
    }

    /**
     * A piece written without a sign that makes it an amount, a time or a part of a name: no currency sign, "#" or
     * letter glued before it ("£450", "#T4471", "M7"), no ":", "%", letter or decimal glued after it.
     */
    private static boolean standsAlone(String input, int start, int end) {
        if (start > 0) {
            char b = input.charAt(start - 1);
            boolean clock = (b == ':' || b == '：') && start > 1 && Character.isDigit(input.charAt(start - 2));
            if ("$£€¥￥#+/-".indexOf(b) >= 0 || clock || Character.isLetterOrDigit(b)) {
                return false;
            }
        }
        if (end < input.length()) {
            char a = input.charAt(end);
            boolean decimal =
                    (a == '.' || a == ',') && end + 1 < input.length() && Character.isDigit(input.charAt(end + 1));
            if (":：%/-".indexOf(a) >= 0 || Character.isLetterOrDigit(a) || decimal) {
                return false;
            }
        }
        return true;
    }

    /**
     * A currency sign, "#", "+", "/" or a Latin letter glued before a group, or "%", "/", ":" or a Latin letter after
     * it ("$3691", "14/03/2024", "1030:"). A colon before is only punctuation (尾号：74).
     */
    private static boolean signGlued(String input, int start, int end) {
        char b = start > 0 ? input.charAt(start - 1) : ' ';
        char a = end < input.length() ? input.charAt(end) : ' ';
        return "$£€¥￥#+/".indexOf(b) >= 0
                || RedactionTokens.isLatin(b)
                || "%/:".indexOf(a) >= 0
                || RedactionTokens.isLatin(a);
    }

    /**
     * Words right before a piece that make it something named, not a number read on: "for the 60k service", "on the
     * 2023 Tundra", "stock 2247", 付 ... 押金.
     */
    private static final Set<String> PIECE_BLOCKERS = LookupSets.of(
            "the", "a", "an", "for", "on", "of", "before", "after", "to", "by", "stock", "model", "fee", "deposit", "付",
            "的");

    /**
     * A word written with a capital ("Outlander 2247", "2020 Camry"): a name's, so the number beside it is a model or
     * a year.
     */
    private static boolean capitalised(RedactionTokens.Token t) {
        String raw = t.raw();
        return t.type() == RedactionTokens.Type.WORD && raw.length() > 1 && Character.isUpperCase(raw.charAt(0));
    }

    /**
     * A piece's symbols: digits said or written; letters only in a plate and only said one by one ("e x five z m"),
     * never written ("GTI", "RAV4", "2pm" are names and times).
     */
    private static boolean pieceSymbols(List<RedactionTokens.Token> tokens, int from, int to, boolean plate) {
        for (int k = from; k < to; k++) {
            RedactionTokens.Token t = tokens.get(k);
            boolean digits =
                    t.type() == RedactionTokens.Type.DIGITS || digitToken(t) || SpokenNumbers.digitHomophone(t);
            boolean saidLetter =
                    plate && SpokenNumbers.isSpelledLetter(t) && t.raw().equals(t.lower());
            if (!digits && !saidLetter) {
                return false;
            }
        }
        return true;
    }

    /**
     * A letter said alone in a remark between the pieces of a number that holds no letters ("... uh i think i have the
     * rest here two one one ...", "a sec"): a word of the remark, not a piece's start.
     */
    private static boolean loneLetter(List<RedactionTokens.Token> tokens, int k) {
        RedactionTokens.Token t = tokens.get(k);
        return t.type() == RedactionTokens.Type.WORD
                && t.lower().length() == 1
                && !digitToken(t)
                && !SpokenNumbers.digitHomophone(t);
    }

    /** Characters after 一 that make it part of a word, not a digit: 一下, 一点, 一起, 一共, 一样, 一直. */
    private static final String AFTER_ONE_IN_WORDS = "下点起共样直般会些定遍";

    /** 一 inside a word of a remark (等一下, 看一下), which is no symbol of the number read. */
    private static boolean inWord(List<RedactionTokens.Token> tokens, int k) {
        return tokens.get(k).is("一")
                && k + 1 < tokens.size()
                && tokens.get(k + 1).lower().length() == 1
                && AFTER_ONE_IN_WORDS.indexOf(tokens.get(k + 1).lower().charAt(0)) >= 0;
    }

    private static boolean unitAfter(RedactionTokens.Token t) {
        String w = t.lower();
        return UNITS_AFTER.contains(w) || w.length() == 1 && READING_STOP_CHARS.indexOf(w.charAt(0)) >= 0;
    }

    private static boolean readingStop(List<RedactionTokens.Token> tokens, int k) {
        String w = tokens.get(k).lower();
        return READING_STOPS.contains(w)
                || w.length() == 1 && READING_STOP_CHARS.indexOf(w.charAt(0)) >= 0
                || Character.isIdeographic(w.charAt(0)) && wordOf(READING_STOPS, tokens, k) > 0;
    }

    private static boolean endsReading(String input, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = input.charAt(i);
            if (c == ';'
                    || c == '；'
                    || c == '|'
                    || c == '。'
                    || c == '\n'
                    || c == '.' && i + 1 < to && input.charAt(i + 1) == ' ' && !(i > 0 && input.charAt(i - 1) == '.')) {
                return true; // an ellipsis ("07700... hang on, new phone... 900743") is a pause, not a full stop
            }
        }
        return false;
    }

    /**
     * A number written in pieces across the other speaker's turns, each break marked as a break (a dash or an
     * ellipsis): "It's 07814 — Staff: Yep. Customer: — 123 456", 150——销售：嗯。客户：——8837——销售：嗯嗯。客户：——2084,
     * 9126……職員：嗯。客：……5378. The full stop inside the other turn ends a reading for every other rule; here the
     * marks say the number goes on. Removed when the pieces (with what a rule took beside them) hold as many digits
     * as a phone (8 to 13) and the line names a phone before them or a rule already took one of the pieces; or, after a
     * card named shortly before, as many as a card (13 to 19).
     */
    private static void piecesAcrossTurns(String input, List<Span> spans) {
        Matcher m = PIECES_ACROSS_TURNS.matcher(input);
        while (m.find()) {
            // a rule may have taken the last piece with what follows it (——2618，后面是0473): count those digits too
            int from = m.start();
            int to = m.end();
            boolean taken = false;
            for (Span s : spans) {
                if (s.start() < m.end() && m.start() < s.end()) {
                    from = Math.min(from, s.start());
                    to = Math.max(to, s.end());
                    taken = true;
                }
            }
            int digits = digitsIn(input, from, to).length();
            boolean named = PHONE_NAMED_BEFORE
                    .matcher(input)
                    .region(Math.max(0, m.start() - 40), m.start())
                    .find();
            Matcher business = BUSINESS_BEFORE.matcher(input).region(Math.max(0, m.start() - 40), m.start());
            if (SpokenNumbers.hotline(digitsIn(input, m.start(), m.end()))
                    || business.find()
                            && !PERSONAL_BEFORE
                                    .matcher(input)
                                    .region(business.end(), m.start())
                                    .find()) {
                continue; // the shop's line or a hotline, said in pieces as a customer's would be
            }
            boolean card = CARD_NAMED_BEFORE
                    .matcher(input)
                    .region(Math.max(0, from - 40), from)
                    .find();
            boolean asCard = card && digits >= 13 && digits <= 19;
            // 8: Hong Kong, Singapore (9126……5384); 7, a local number ("555... Staff: Go on. Customer: 0147"), only
            // after a phone was asked for or named
            boolean asPhone = (digits >= 8 || digits == 7 && named) && digits <= 13 && (taken || named);
            if (!asCard && !asPhone) {
                continue;
            }
            Matcher p = TURN_PIECE.matcher(input).region(m.start(), m.end());
            while (p.find()) {
                spans.add(new Span(p.start(), p.end(), asCard ? "card" : "phone"));
            }
        }
    }

    /**
     * A phone's first group given alone in a turn, the other speaker's nod, then the rest in the next turn ("Customer:
     * It's 212. Staff: Yes? Customer: 555 0147."): the group right before such a nod goes with the removed rest when
     * a phone was asked for or named before it. The full stop would end the reading for every other rule.
     */
    private static final Pattern START_BEFORE_NOD = Pattern.compile("(?i)(?<=[:：]\\s?)(?:(?:it's|it is|uh|um|so)\\s+)?"
            + "(\\(?\\d{2,5}\\)?)[.。,，]?\\s*[^:：\\n\\d]{1,12}[:：]\\s*(?:yes|yeah|yep|ok|okay|go on|mhm|uh-huh|right|sure|嗯+|好|好的|对"
            + "|然后呢|继续)[?？.。!！,，]?\\s*[^:：\\n\\d]{1,12}[:：]\\s?$");

    private static void startBeforeBackchannel(String input, List<Span> spans) {
        for (int i = 0, n = spans.size(); i < n; i++) {
            Span s = spans.get(i);
            if (!s.kind().equals("phone") && !s.kind().equals("number")) {
                continue;
            }
            Matcher m = START_BEFORE_NOD.matcher(input).region(Math.max(0, s.start() - 60), s.start());
            if (m.find()
                    && PHONE_NAMED_BEFORE
                            .matcher(input)
                            .region(Math.max(0, m.start(1) - 60), m.start(1))
                            .find()) {
                spans.add(new Span(m.start(1), m.end(1), "phone"));
            }
        }
    }

    /** One written piece: digit groups joined by a space or hyphen, an area code in brackets ("(646) 218"). */
    private static final String PIECE = "(?:\\(\\d{2,5}\\)\\s?)?\\d{2,8}(?:[ -]\\d{2,8})*";

    private static final Pattern TURN_PIECE = Pattern.compile(PIECE);

    /**
     * A break: a dash or an ellipsis after the piece, one or two short turns, a speaker's label, maybe a mark; or an
     * ellipsis in the same turn, maybe with a short remark closed by another.
     */
    private static final String TURN_BREAK =
            "\\s?(?:—+|–+|-+|\\.{2,}|…+)\\s?(?:[^:：\\n\\d]{1,30}[:：][^:：\\n\\d]{1,40}?){1,2}"
                    + "[^:：\\n\\d]{1,20}[:：]\\s?(?:—+|–+|-+|\\.{2,}|…+)?\\s?"
                    // or in the same turn: an ellipsis, maybe a remark and another ("503... hang on... 555 0192")
                    + "|\\s?(?:\\.{2,}|…+)\\s?(?:[^:：\\n\\d.…]{1,30}?(?:\\.{2,}|…+)\\s?)?";

    private static final Pattern PIECES_ACROSS_TURNS =
            Pattern.compile("(?<![\\d.,:/$£€¥￥#])" + PIECE + "(?:(?:" + TURN_BREAK + ")" + PIECE + ")+(?![\\d:/%])");

    /** A business's line named shortly before the pieces ("our hotline is", 门店 电话): no one's own number. */
    private static final Pattern BUSINESS_BEFORE = Pattern.compile(
            "(?i)\\b(?:our|hotline|helpline|service line|roadside|store|shop|showroom|dealership|reception|office)\\b"
                    + "|热线|客服|门店|店里|我们|总机|前台|展厅");

    /** A word that makes the number someone's after all ("the store has my mobile as ..."). */
    private static final Pattern PERSONAL_BEFORE =
            Pattern.compile("(?i)\\b(?:my|mine|mobile|cell|personal|home)\\b|我的|手机|私人");

    /** The digits written in {@code input} between {@code from} and {@code to}. */
    private static String digitsIn(String input, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (Character.isDigit(input.charAt(i))) {
                out.append(input.charAt(i));
            }
        }
        return out.toString();
    }

    /** A card named shortly before the first piece ("It's Amex, 3782 — Staff: Mm-hm. — Customer: 822463 ..."). */
    private static final Pattern CARD_NAMED_BEFORE =
            Pattern.compile("(?i)\\b(?:card|amex|visa|mastercard|debit|credit)\\b|卡");

    /** A phone named shortly before the first piece. */
    private static final Pattern PHONE_NAMED_BEFORE =
            Pattern.compile("(?i)\\b(?:phone|mobile|cell|number|no\\.)|电话|手机|号码|手提");

    /** Words that name the number read next, and its kind ("the plate's on the key tag it's j k ...", 卡：6237 ...). */
    private static final Map<String, String> PIECE_CUES = LookupSets.mapOf(
            Map.entry("plate", "plate"),
            Map.entry("plate's", "plate"),
            Map.entry("rego", "plate"),
            Map.entry("reg", "plate"),
            Map.entry("tag", "plate"),
            Map.entry("车牌", "plate"),
            Map.entry("牌照", "plate"),
            Map.entry("card", "card"),
            Map.entry("卡号", "card"),
            Map.entry("卡", "card"),
            Map.entry("number", "phone"),
            Map.entry("number's", "phone"),
            Map.entry("phone", "phone"),
            Map.entry("mobile", "phone"),
            Map.entry("screen", "phone"),
            Map.entry("电话", "phone"),
            Map.entry("手机", "phone"),
            Map.entry("号码", "phone"),
            Map.entry("licence", "id"),
            Map.entry("license", "id"),
            Map.entry("passport", "id"),
            Map.entry("身份证", "id"));

    /**
     * A number read off something in pieces from its first one, after its cue ("Card no. off the app: 5181 (a sec)
     * 7203 (thumb over it, sec) 1004", 付定金的卡：6237（字太小）9932 ...): the pieces after the cue, read as in {@link
     * #piecesAfterRemarks}, are removed when there are at least two and together they make a whole number of the cue's
     * kind ({@link #WHOLE_SYMBOLS}, at most {@link #MOST_SYMBOLS}). One piece alone is left to the other rules.
     */
    private static void piecesFromCue(String input, List<RedactionTokens.Token> tokens, List<Span> spans) {
        for (int j = 0; j < tokens.size(); j++) {
            String kind = pieceCue(tokens, j);
            if (kind == null) {
                continue;
            }
            int fewest = fewestSymbols(kind);
            int[] piece = nextPiece(input, tokens, j + 1, tokens.get(j).end(), fewest, false);
            List<int[]> pieces = new ArrayList<>();
            int symbols = 0;
            while (piece != null && symbols < WHOLE_SYMBOLS.get(kind)) {
                symbols += symbolsBetween(input, tokens, piece[0], piece[1]);
                pieces.add(piece);
                piece = nextPiece(
                        input, tokens, piece[1], tokens.get(piece[1] - 1).end(), fewest, true);
            }
            if (pieces.size() >= 2 && symbols >= WHOLE_SYMBOLS.get(kind) && symbols <= MOST_SYMBOLS.get(kind)) {
                for (int[] p : pieces) {
                    spans.add(new Span(
                            tokens.get(p[0]).start(), tokens.get(p[1] - 1).end(), kind));
                }
            }
        }
    }

    /** The last characters of the two-character cues of {@link #PIECE_CUES}. */
    private static final String CUE_LAST_CHARS = PIECE_CUES.keySet().stream()
            .filter(w -> w.length() == 2 && Character.isIdeographic(w.charAt(0)))
            .map(w -> w.substring(1))
            .sorted()
            .collect(java.util.stream.Collectors.joining());

    /** The kind a cue ending at token {@code j} names, or null; a Chinese cue may be written as one token per character. */
    private static String pieceCue(List<RedactionTokens.Token> tokens, int j) {
        String w = tokens.get(j).lower();
        String kind = PIECE_CUES.get(w);
        if (kind != null || j == 0 || w.length() != 1 || !Character.isIdeographic(w.charAt(0))) {
            return kind;
        }
        if (CUE_LAST_CHARS.indexOf(w.charAt(0)) < 0) {
            return null; // most characters end no cue: no pair is built for them
        }
        String pair = tokens.get(j - 1).lower() + w;
        return pair.length() == 2 ? PIECE_CUES.get(pair) : null;
    }

    /** Words that open the first half of a number or plate said in two: "the first part is", "front half is". */
    private static final List<List<String>> FIRST_HALF_CUES = List.of(
            List.of("first", "part", "is"),
            List.of("first", "half", "is"),
            List.of("front", "half", "is"),
            List.of("first", "bit", "is"));

    /**
     * A number or plate said in two halves, each after its cue, with talk between ("front half is n x one two second
     * half is w t p", "the first part is oh one six one four nine six um hang on ... the second part is oh two three
     * ate"): three to eight symbols after a {@link #FIRST_HALF_CUES} phrase and two to eight after a {@link #REST_CUES}
     * phrase within twelve tokens are removed, as a plate when a letter is among them, else as a phone. Neither half
     * alone is enough.
     */
    private static void halvesApart(String input, List<RedactionTokens.Token> tokens, List<Span> spans) {
        for (int j = 0; j < tokens.size(); j++) {
            List<String> first = cueAt(FIRST_HALF_CUES, tokens, j);
            if (first == null) {
                continue;
            }
            int start = j + first.size();
            int end = symbolsEnd(input, tokens, start);
            int symbols = symbolsBetween(input, tokens, start, end);
            if (symbols < 3 || symbols > 8) {
                continue;
            }
            int[] rest = restWithin(input, tokens, end);
            if (rest != null) {
                boolean letters = hasLetter(tokens, start, end) || hasLetter(tokens, rest[0], rest[1]);
                String kind = letters ? "plate" : "phone";
                spans.add(
                        new Span(tokens.get(start).start(), tokens.get(end - 1).end(), kind));
                spans.add(new Span(
                        tokens.get(rest[0]).start(), tokens.get(rest[1] - 1).end(), kind));
            }
        }
    }

    private static final Set<String> LETTERS_WORDS = LookupSets.of("letters", "字母");
    private static final Set<String> NUMBERS_WORDS = LookupSets.of("numbers", "digits", "数字");
    /** A plate's first part named by where it stands: "starts with a b c", "begins with". */
    private static final List<List<String>> START_CUES =
            List.of(List.of("starts", "with"), List.of("begins", "with"), List.of("starting", "with"));
    /** Its last part: "ends seven seven", "ends with", "ending in". */
    private static final List<List<String>> END_CUES = List.of(
            List.of("ends", "with"),
            List.of("ends", "in"),
            List.of("ending", "with"),
            List.of("ending", "in"),
            List.of("ends"));
    /** A Chinese plate given by its start and its rest: 浙 b 开头 的 后面 是 六 d 二 三 九. */
    private static final Set<String> ZH_START = LookupSets.of("开头");

    private static final Set<String> ZH_REST = LookupSets.of("后面", "后边", "后头", "后面是", "后边是", "后头是");
    /** Said between a part's name and its symbols: "the letters are", "letters please", 字母 是. */
    private static final Set<String> PART_LEADS = LookupSets.of("are", "is", "please", "then", "是", ":", "：");

    /**
     * A plate asked for in its two parts ("the plate letters please j v x and the numbers five zero four", 车牌 字母 是
     * j v x 数字 是 五 零 四): two to four letters after "letters" that follow a plate word, and two to five symbols
     * after "numbers" within twelve tokens, both removed as the plate. Neither part alone is enough.
     */
    private static void lettersThenNumbers(String input, List<RedactionTokens.Token> tokens, List<Span> spans) {
        for (int j = 1; j < tokens.size(); j++) {
            int named = wordOf(LETTERS_WORDS, tokens, j);
            if (named == 0) {
                List<String> start = cueAt(START_CUES, tokens, j);
                named = start == null ? 0 : start.size();
            }
            if (named == 0 || !plateWordBefore(tokens, j)) {
                continue;
            }
            int start = afterLeads(tokens, j + named);
            int end = symbolsEnd(input, tokens, start);
            int letters = symbolsBetween(input, tokens, start, end);
            if (letters < 2 || letters > 4 || !allLetters(tokens, start, end)) {
                continue;
            }
            int[] rest = plateRest(input, tokens, end, 12, k -> {
                int numbers = wordOf(NUMBERS_WORDS, tokens, k);
                List<String> last = numbers == 0 ? cueAt(END_CUES, tokens, k) : null;
                return last == null ? numbers : last.size();
            });
            if (rest != null) {
                spans.add(
                        new Span(tokens.get(start).start(), tokens.get(end - 1).end(), "plate"));
                spans.add(new Span(
                        tokens.get(rest[0]).start(), tokens.get(rest[1] - 1).end(), "plate"));
            }
        }
    }

    /** "ends with ...", "the rest is ...": where the end of a number given by its start is said. */
    private static final List<List<String>> END_OR_REST_CUES = java.util.stream.Stream.concat(
                    END_CUES.stream(), REST_CUES.stream())
            .toList();

    /** A phone's or a card's word before "starts with": the number is then given by its start and its end. */
    private static final Set<String> NUMBER_WORDS = LookupSets.of(
            "number", "phone", "cell", "mobile", "landline", "whatsapp", "card", "visa", "mastercard", "amex");

    /**
     * A phone or card number given by its start and its end ("my cell starts with 555 and ends with 0147", "my number
     * starts with 555 and the rest is 0147"): after a phone or card word and "starts with", two to six digits, and two to
     * eight symbols after an end or rest cue ({@link #END_CUES}, {@link #REST_CUES}) within twelve tokens; both go,
     * as a card when a card word was the one named. Neither part alone is enough ("the price starts with 2").
     */
    private static void numberStartThenEnd(String input, List<RedactionTokens.Token> tokens, List<Span> spans) {
        for (int j = 1; j < tokens.size(); j++) {
            List<String> cue = cueAt(START_CUES, tokens, j);
            String kind = cue == null ? null : numberWordBefore(tokens, j);
            if (kind == null) {
                continue;
            }
            int start = afterLeads(tokens, j + cue.size());
            int end = symbolsEnd(input, tokens, start);
            int digits = symbolsBetween(input, tokens, start, end);
            if (digits < 2 || digits > 6 || hasLetter(tokens, start, end)) {
                continue;
            }
            int[] rest = restWithin(input, tokens, end, END_OR_REST_CUES, true);
            if (rest != null) {
                spans.add(
                        new Span(tokens.get(start).start(), tokens.get(end - 1).end(), kind));
                spans.add(new Span(
                        tokens.get(rest[0]).start(), tokens.get(rest[1] - 1).end(), kind));
            }
        }
    }

    /** "phone" or "card" when such a word stands in the four tokens before {@code j}, else null. */
    private static String numberWordBefore(List<RedactionTokens.Token> tokens, int j) {
        for (int k = j - 1; k >= Math.max(0, j - 4); k--) {
            String w = tokens.get(k).lower();
            if (NUMBER_WORDS.contains(w)) {
                return CARD_WORDS.contains(w) ? "card" : "phone";
            }
        }
        return null;
    }

    /**
     * A plate's second part: within {@code window} tokens from {@code from}, the first place where {@code cueLength}
     * names one ("and the numbers", "ends", 后面), then two to five symbols; their first and past-the-last token, or
     * null when the first cue found is not followed by them.
     */
    private static int[] plateRest(
            String input, List<RedactionTokens.Token> tokens, int from, int window, IntUnaryOperator cueLength) {
        for (int k = from; k < Math.min(tokens.size(), from + window); k++) {
            int cue = cueLength.applyAsInt(k);
            if (cue > 0) {
                int first = afterLeads(tokens, k + cue);
                int last = symbolsEnd(input, tokens, first);
                boolean plateSized = symbolsBetween(input, tokens, first, last) <= 5;
                return plateSized && restOfNumber(input, tokens, first, last) ? new int[] {first, last} : null;
            }
        }
        return null;
    }

    /**
     * A Chinese plate said as its start and its rest (浙 b 开头 的 后面 是 六 d 二 三 九): a province and a letter before
     * 开头, and two to five symbols after 后面 (是) within eight tokens; both parts go.
     */
    private static void chineseStartThenRest(String input, List<RedactionTokens.Token> tokens, List<Span> spans) {
        for (int j = 2; j < tokens.size(); j++) {
            int named = wordOf(ZH_START, tokens, j);
            RedactionTokens.Token province = tokens.get(j - 2);
            if (named == 0
                    || province.lower().length() != 1
                    || PROVINCE_CHARS.indexOf(province.lower().charAt(0)) < 0
                    || !SpokenNumbers.isSpelledLetter(tokens.get(j - 1))) {
                continue;
            }
            int[] rest = plateRest(input, tokens, j + named, 8, k -> wordOf(ZH_REST, tokens, k));
            if (rest != null) {
                spans.add(new Span(province.start(), tokens.get(j - 1).end(), "plate"));
                spans.add(new Span(
                        tokens.get(rest[0]).start(), tokens.get(rest[1] - 1).end(), "plate"));
            }
        }
    }

    private static boolean plateWordBefore(List<RedactionTokens.Token> tokens, int j) {
        for (int k = j - 1; k >= Math.max(0, j - 3); k--) {
            if (wordOf(SpokenNumbers.PLATE_CUES, tokens, k) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many tokens from {@code k} say one of {@code words}: one for a word token, one per character for a Chinese
     * word written without spaces (字母 as 字, 母); 0 for none.
     */
    private static int wordOf(Set<String> words, List<RedactionTokens.Token> tokens, int k) {
        if (words.contains(tokens.get(k).lower())) {
            return 1;
        }
        for (String w : words) {
            if (w.length() > 1 && Character.isIdeographic(w.charAt(0)) && k + w.length() <= tokens.size()) {
                int x = 0;
                while (x < w.length() && tokens.get(k + x).is(String.valueOf(w.charAt(x)))) {
                    x++;
                }
                if (x == w.length()) {
                    return x;
                }
            }
        }
        return 0;
    }

    private static int afterLeads(List<RedactionTokens.Token> tokens, int from) {
        int k = from;
        while (k < tokens.size()
                && k < from + 2
                && PART_LEADS.contains(tokens.get(k).lower())) {
            k++;
        }
        return k;
    }

    private static boolean allLetters(List<RedactionTokens.Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            RedactionTokens.Token t = tokens.get(k);
            boolean written =
                    t.type() == RedactionTokens.Type.WORD && t.raw().chars().allMatch(c -> c >= 'A' && c <= 'Z');
            if (!SpokenNumbers.isSpelledLetter(t) && !written) { // "j v x", "JVX"
                return false;
            }
        }
        return to > from;
    }

    private static int symbolsEnd(String input, List<RedactionTokens.Token> tokens, int from) {
        int k = from;
        while (k < tokens.size() && restSymbol(input, tokens.get(k)) > 0) {
            k++;
        }
        return k;
    }

    private static int symbolsBetween(String input, List<RedactionTokens.Token> tokens, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            n += restSymbol(input, tokens.get(k));
        }
        return n;
    }

    /** True when a symbol between {@code from} and {@code to} is a letter (said, or written in a run), not a digit. */
    private static boolean hasLetter(List<RedactionTokens.Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            RedactionTokens.Token t = tokens.get(k);
            if (t.type() != RedactionTokens.Type.DIGITS && !digitToken(t) && !SpokenNumbers.digitHomophone(t)) {
                return true;
            }
        }
        return false;
    }

    /** Two to eight symbols from {@code from} to {@code to} with no amount word after them ("rest is 200 dollars"). */
    private static boolean restOfNumber(String input, List<RedactionTokens.Token> tokens, int from, int to) {
        int symbols = symbolsBetween(input, tokens, from, to);
        boolean amount = to < tokens.size() && SpokenNumbers.amountWord(tokens.get(to));
        return symbols >= 2 && symbols <= 8 && !amount;
    }

    private static List<String> cueAt(List<List<String>> cues, List<RedactionTokens.Token> tokens, int j) {
        for (List<String> cue : cues) {
            if (RedactionTokens.wordsAt(tokens, j, cue)) {
                return cue;
            }
        }
        return null;
    }

    /** Capitals written after "rest is" that are words, not a plate's letters ("the rest is TBC"). */
    private static final Set<String> CAPITAL_WORDS =
            LookupSets.of("TBC", "TBD", "ASAP", "FYI", "FINE", "DONE", "SORTED");

    /**
     * How many symbols of a number or plate a token says: a digit or letter said alone counts one, written digits
     * ("2525") or three to eight written capitals ("ZHD"; two, as "OK", are a word) count their length; anything else,
     * nothing.
     */
    private static int restSymbol(String input, RedactionTokens.Token t) {
        String text = input.substring(t.start(), t.end());
        if (digitToken(t) && t.type() != RedactionTokens.Type.DIGITS
                || SpokenNumbers.isSpelledLetter(t)
                || SpokenNumbers.digitHomophone(t)) {
            return 1;
        }
        boolean capitals =
                text.length() >= 3 && text.chars().allMatch(c -> c >= 'A' && c <= 'Z') && !CAPITAL_WORDS.contains(text);
        boolean written = t.type() == RedactionTokens.Type.DIGITS || t.type() == RedactionTokens.Type.ALNUM || capitals;
        return written && text.length() <= 8 ? text.length() : 0;
    }

    /**
     * A Hong Kong ID's check digit said after it ("... bracket three", "..., bracket 5", "括号 七", ", check digit 3"):
     * removed with the number it belongs to.
     */
    private static void checkDigitsAfter(List<RedactionTokens.Token> tokens, List<Span> spans) {
        int found = spans.size();
        for (int k = 0; k < found; k++) {
            Span s = spans.get(k);
            if (!s.kind().equals("id")) {
                continue;
            }
            int i = tokenAt(tokens, s.end());
            if (i < tokens.size() && tokens.get(i).type() == RedactionTokens.Type.PUNCT) {
                i++;
            }
            if (i >= tokens.size()) {
                continue;
            }
            RedactionTokens.Token cue = tokens.get(i);
            // 括号 may come as one token or as its two characters
            int digit =
                    cue.is("括") && i + 1 < tokens.size() && tokens.get(i + 1).is("号") ? i + 2 : i + 1;
            boolean bracket = cue.is("bracket") || cue.is("括号") || digit == i + 2;
            int end = -1;
            if (cue.is("open") && i + 1 < tokens.size() && tokens.get(i + 1).is("bracket")) {
                // "c double six four oh two one open bracket two close bracket"
                digit = i + 2;
                bracket = true;
                if (digit + 2 < tokens.size()
                        && tokens.get(digit + 1).is("close")
                        && tokens.get(digit + 2).is("bracket")) {
                    end = digit + 2;
                }
            }
            if (cue.is("check") && i + 1 < tokens.size() && tokens.get(i + 1).is("digit")) {
                // "C847250, check digit 3", "..., check digit is a"
                digit = i + 2 < tokens.size() && tokens.get(i + 2).is("is") ? i + 3 : i + 2;
                bracket = true;
            }
            if (bracket && digit < tokens.size() && checkDigit(tokens.get(digit))) {
                spans.add(new Span(s.start(), tokens.get(end > 0 ? end : digit).end(), "id")); // one placeholder
            }
        }
    }

    /** Words between "the last one" and a Chinese ID's closing letter: 最后 一 个 是 大 写 的 x, the last one is a capital x. */
    private static final Set<String> LAST_LETTER_WORDS = LookupSets.of(
            "一",
            "个",
            "位",
            "是",
            "大",
            "写",
            "的",
            "字",
            "母",
            "字母",
            "就",
            "大写",
            "大写的",
            "小写",
            "小写的",
            "one",
            "is",
            "a",
            "capital",
            "letter",
            "the",
            "digit",
            "character",
            "it's",
            "big");

    /**
     * A Chinese ID's closing X said apart after its other 17 digits ("身份证 ... 最后 一 个 是 大 写 的 x", "... and the last
     * one is a capital x"): removed with the number. Only the letter x, within eight words of "last" right after it.
     */
    private static void lastLetterAfter(List<RedactionTokens.Token> tokens, List<Span> spans) {
        int found = spans.size();
        for (int k = 0; k < found; k++) {
            Span s = spans.get(k);
            if (!NUMBER_KINDS.contains(s.kind()) && !s.kind().equals("number")) {
                continue;
            }
            int digits = 0;
            for (int t = tokenAt(tokens, s.start());
                    t < tokens.size() && tokens.get(t).end() <= s.end();
                    t++) {
                String d = SpokenNumbers.digitsOf(tokens.get(t).lower());
                digits += d == null ? 0 : d.length();
            }
            if (digits != 17) {
                continue; // an ID's 18 characters less its letter
            }
            int i = tokenAt(tokens, s.end());
            if (i < tokens.size()
                    && (tokens.get(i).is(",")
                            || tokens.get(i).is("，")
                            || tokens.get(i).is("and"))) {
                i++;
            }
            if (i < tokens.size() && tokens.get(i).is("the")) {
                i++;
            }
            if (i + 1 >= tokens.size()) {
                continue;
            }
            RedactionTokens.Token cue = tokens.get(i);
            boolean twoCharacters = cue.is("最") && tokens.get(i + 1).is("后")
                    || cue.is("末") && tokens.get(i + 1).is("尾");
            if (!(twoCharacters || cue.is("最后") || cue.is("末尾") || cue.is("last"))) {
                continue;
            }
            int j = twoCharacters ? i + 2 : i + 1;
            while (j < tokens.size()
                    && j - i <= 8
                    && LAST_LETTER_WORDS.contains(tokens.get(j).lower())) {
                j++;
            }
            if (j < tokens.size() && j - i <= 8 && tokens.get(j).lower().equals("x")) {
                spans.add(new Span(tokens.get(i).start(), tokens.get(j).end(), s.kind()));
            }
        }
    }

    private static boolean checkDigit(RedactionTokens.Token t) {
        return t.type() == RedactionTokens.Type.DIGITS && t.lower().length() == 1
                || SPOKEN_DIGITS.contains(t.lower())
                || t.is("a");
    }

    /**
     * A chunk of a removed number read back on its own before or after it ("Best number is 212-555-0143. Reading back:
     * 212, is that right?"): written digits, three or four of them, that start or end the removed number's digits go
     * with it, unless an amount word follows or they read as a year.
     */
    private static void chunksReadBack(String input, List<RedactionTokens.Token> tokens, List<Span> spans) {
        List<String> numbers = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (Span s : spans) {
            if (NUMBER_KINDS.contains(s.kind())) {
                String d = digitsOf(input, s);
                if (d.length() >= 7) {
                    numbers.add(d);
                    kinds.add(s.kind());
                }
            }
        }
        if (numbers.isEmpty()) {
            return;
        }
        boolean[] covered = covered(input.length(), spans);
        for (int i = 0; i < tokens.size(); i++) {
            RedactionTokens.Token t = tokens.get(i);
            String d = t.lower();
            if (t.type() != RedactionTokens.Type.DIGITS
                    || d.length() < 3
                    || d.length() > 4
                    || covered[t.start()]
                    || d.length() == 4 && (d.startsWith("19") || d.startsWith("20")) // a year: "the 2024 model"
                    || i + 1 < tokens.size() && SpokenNumbers.amountWord(tokens.get(i + 1))) {
                continue;
            }
            for (int n = 0; n < numbers.size(); n++) {
                if (numbers.get(n).startsWith(d) || numbers.get(n).endsWith(d)) {
                    spans.add(new Span(t.start(), t.end(), kinds.get(n)));
                    break;
                }
            }
        }
    }

    /** The written digits inside a span, in order. */
    private static String digitsOf(String input, Span s) {
        StringBuilder d = new StringBuilder();
        for (int c = s.start(); c < s.end(); c++) {
            if (RedactionTokens.isDigit(input.charAt(c))) {
                d.append(input.charAt(c));
            }
        }
        return d.toString();
    }

    private static boolean hasKind(List<Span> spans, String kind) {
        for (Span s : spans) {
            if (s.kind().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> NUMBER_KINDS = LookupSets.of("phone", "card", "id", "account");

    /**
     * Words that say a card is being read out, in a line where no group of it may have been found yet (Chinese: one
     * token per character, see {@link #cardNamed}).
     */
    private static final Set<String> CARD_WORDS = LookupSets.of("card", "visa", "mastercard", "amex");

    /** Words before a group that make it a number of a thing, not a person's: an order, a part, a hotline. */
    private static final Set<String> THING_WORDS = LookupSets.of(
            "order", "quote", "invoice", "stock", "part", "vin", "hotline", "freephone", "booking", "reference", "ref");

    /** The same in Chinese, as two characters (one token each): 最后 and 然后 hold 后 but name no thing. */
    private static final Set<String> THING_PAIRS =
            LookupSets.of("订单", "单号", "报价", "价单", "发票", "票号", "库存", "配件", "车架", "热线", "售后", "编码");

    /** Words a little before a group that make it a price: "it costs two nine nine", "the card fee is ...". */
    private static final Set<String> PRICE_WORDS = LookupSets.of(
            "fee",
            "fees",
            "cost",
            "costs",
            "price",
            "priced",
            "charge",
            "charged",
            "pay",
            "paid",
            "total",
            "subtotal",
            "balance",
            "bill",
            "费",
            "价",
            "钱",
            "共",
            "一共",
            "总共",
            "合计",
            "总计"); // "the total comes to eight nine ...

    /**
     * A card or a phone number dictated in groups with confirmations, speakers or pauses between them ("four five four
     * four yes four five four four then four three eight nine", "卡号 啊 六 二 五 对 八 零 四 五 对 ...", "顾客 幺 八 七 店员
     * 然后 顾客 三 六 二 四"): in a line where a card, phone, id or account number was found, or a card is named, every
     * further group of three or more digits said one by one goes too (written digits are left to the number
     * scanner: "the 0800 number", "1 800" are hotlines), unless an amount or unit word stands right next to
     * it (a price, a time, 二十四 期), a thing's number word right before it (an order, a hotline), or it is a Chinese
     * company's 400 or 800 number.
     */
    private static void dictatedGroups(String input, List<RedactionTokens.Token> tokens, List<Span> spans) {
        String kind = null;
        for (Span s : spans) {
            if (NUMBER_KINDS.contains(s.kind())
                    && (kind == null || s.kind().equals("card") || s.kind().equals("phone"))) {
                kind = s.kind(); // a card or a phone before an id or an account: what is dictated in groups
            }
        }
        if (kind == null) {
            if (!cardNamed(tokens)) {
                return;
            }
            kind = "card";
        }
        boolean[] covered = coveredTokens(tokens, spans, spans.size());
        int i = 0;
        while (i < tokens.size()) {
            if (covered[i] || !SPOKEN_DIGITS.contains(tokens.get(i).lower())) {
                i++;
                continue;
            }
            int j = i;
            while (j < tokens.size()
                    && !covered[j]
                    && SPOKEN_DIGITS.contains(tokens.get(j).lower())) {
                j++;
            }
            int digits = j - i; // digits said one by one: written groups ("0800", "1 800") are the scanner's
            boolean amount = i > 0 && SpokenNumbers.amountWord(tokens.get(i - 1)) && !numberWord(tokens, i - 1)
                    || i > 0 && SpokenNumbers.isTens(tokens.get(i - 1).lower()) // "the forty nine nine nine offer"
                    || j + 1 < tokens.size()
                            && tokens.get(j).is("point")
                            && SPOKEN_DIGITS.contains(tokens.get(j + 1).lower()) // "five six seven point eight nine"
                    || j < tokens.size() && SpokenNumbers.amountWord(tokens.get(j))
                    || j + 1 < tokens.size()
                            && tokens.get(j).type() == RedactionTokens.Type.WORD
                            && SpokenNumbers.amountWord(tokens.get(j + 1)); // "... a month"
            boolean thing = false;
            for (int k = Math.max(0, i - 3); k < i && !thing; k++) {
                thing = THING_WORDS.contains(tokens.get(k).lower())
                        || k > 0
                                && tokens.get(k).type() == RedactionTokens.Type.HAN
                                && THING_PAIRS.contains(tokens.get(k - 1).lower()
                                        + tokens.get(k).lower());
            }
            for (int k = Math.max(0, i - 6); k < i && !thing; k++) {
                thing = PRICE_WORDS.contains(
                        tokens.get(k).lower()); // "the card fee is four five and five five six six"
            }
            thing |= SpokenNumbers.tollFreeSaidBefore(tokens, i, digits); // "the hotline one eight hundred ..."
            thing |= hotlinePrefix(tokens, i, j); // 你们 四 零 零 的 电话: the shop's line named by its prefix
            thing |= SpokenNumbers.sumBefore(tokens, i); // "the front pads come to one two nine nine"
            if (!thing && digits >= 7) {
                String said = heldDigits(
                        tokens,
                        new Span(tokens.get(i).start(), tokens.get(j - 1).end(), kind),
                        "");
                // 售后 预约 打 四 零 零 ... 或者 我 加 您 微信 ...: a company's 400 number beside the customer's. A shop's line
                // named before a group is not enough here: authors remove a number said after "the showroom line" in a
                // line where the customer's number is read out.
                thing = SpokenNumbers.companyLine(said, input);
            }
            if (digits >= 3 && !amount && !thing) {
                spans.add(new Span(tokens.get(i).start(), tokens.get(j - 1).end(), kind));
            }
            i = j;
        }
    }

    /** The prefixes business lines are named by: 400 and 800 in China, 1300 and 1800 in Australia, 0800 in the UK. */
    private static final Set<String> HOTLINE_PREFIXES = LookupSets.of("400", "800", "1300", "1800", "0800");

    /** A written date or expiry alone ("10/28", "3/2027"): the tagger leaves it to the rules' expiry cues. */
    private static final Pattern LONE_DATE = Pattern.compile("\\d{1,2}/\\d{2,4}");

    /**
     * Public lines anyone may call, never a person's: China's consumer (12315), citizen (12345), quality (12365),
     * labour (12333), tax (12366) and rail (12306) hotlines and the emergency numbers. The tagger, trained on every dev
     * part, read 打 12315 as a phone given aloud.
     */
    private static final Set<String> PUBLIC_LINES = LookupSets.of(
            "12315", "12345", "12365", "12333", "12366", "12306", "110", "119", "120", "122", "999", "911", "112");

    /** 发票号码 (an invoice's number) right before a tagger's hit: "发票 号码 是 ...", "发票号：". */
    private static final Pattern INVOICE_NUMBER_BEFORE =
            Pattern.compile("发\\s*票\\s*号\\s*(?:码\\s*)?(?:是\\s*)?[:：]?\\s*$");

    /** The tagger's hit is digits only and they are a {@link #PUBLIC_LINES} number. */
    private static boolean publicLine(List<RedactionTokens.Token> tokens, PiiTagger.Hit h) {
        StringBuilder d = new StringBuilder();
        for (int k = tokenAt(tokens, h.start());
                k < tokens.size() && tokens.get(k).end() <= h.end();
                k++) {
            RedactionTokens.Token t = tokens.get(k);
            String digits = SpokenNumbers.digitsOf(t.lower());
            if (digits == null
                    && (t.type() != RedactionTokens.Type.WORD || t.lower().length() == 1)) {
                return false; // a letter, a letter code or a character: not a line's digits
            }
            d.append(digits == null ? "" : digits);
            if (d.length() > 5) {
                return false;
            }
        }
        return PUBLIC_LINES.contains(d.toString());
    }

    private static boolean hotlinePrefix(List<RedactionTokens.Token> tokens, int from, int to) {
        StringBuilder d = new StringBuilder();
        for (int k = from; k < to; k++) {
            d.append(SpokenNumbers.digitsOf(tokens.get(k).lower()));
        }
        return HOTLINE_PREFIXES.contains(d.toString());
    }

    /** 号 ending 卡号, 账号, 手机号, 证号: "number", not the day of a month (五 号). */
    private static boolean numberWord(List<RedactionTokens.Token> tokens, int k) {
        return tokens.get(k).is("号")
                && k > 0
                && "卡账机证".contains(tokens.get(k - 1).lower());
    }

    /**
     * A card named: a card word, 卡 said as a word of its own or as 卡号 (我 的 卡 六 二 八 四, 银行卡, 信用卡), not inside 卡车
     * or 卡通; or a bank or 银联 named (交通银行 六 二 五 八).
     */
    private static boolean cardNamed(List<RedactionTokens.Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            RedactionTokens.Token t = tokens.get(i);
            if (CARD_WORDS.contains(t.lower())) {
                return true;
            }
            if (t.is("卡")
                    && (i + 1 >= tokens.size()
                            || tokens.get(i + 1).start() > t.end()
                            || tokens.get(i + 1).is("号"))) {
                return true;
            }
            if (t.is("银")
                    && i + 1 < tokens.size()
                    && (tokens.get(i + 1).is("行") || tokens.get(i + 1).is("联"))) {
                return true;
            }
        }
        return false;
    }

    private static String firstDigit(RedactionTokens.Token t) {
        String d = SpokenNumbers.digitsOf(t.lower());
        return d == null || d.isEmpty() ? "?" : d.substring(0, 1);
    }

    private static boolean digitToken(RedactionTokens.Token t) {
        return t.type() == RedactionTokens.Type.DIGITS || SPOKEN_DIGITS.contains(t.lower());
    }

    /**
     * An e-mail whose local part was dictated in two pieces, "rosie and then the number twelve at gmail dot com": the
     * mail scanner starts at the digits; the word before the joining phrase belongs to the address too.
     */
    private static void joinedLocalParts(List<RedactionTokens.Token> tokens, List<Span> spans) {
        for (int k = 0; k < spans.size(); k++) {
            Span s = spans.get(k);
            if (!s.kind().equals("email")) {
                continue;
            }
            int i = tokenAt(tokens, s.start());
            int joined =
                    i < tokens.size() && tokens.get(i).start() == s.start() ? SpokenHandles.joinEndingAt(tokens, i) : 0;
            int before = i - joined - 1;
            if (joined > 0 && before >= 0) {
                RedactionTokens.Token w = tokens.get(before);
                if (w.type() == RedactionTokens.Type.WORD
                        && w.lower().length() >= 2
                        && !NameLists.STOP.contains(w.lower())
                        && !MAIL_WORDS.contains(w.lower())) {
                    spans.set(k, new Span(w.start(), s.end(), "email"));
                }
            }
        }
    }

    /** Index of the first token that starts at or after {@code offset} (the size when none does); tokens are in order. */
    private static int tokenAt(List<RedactionTokens.Token> tokens, int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * A UK driving licence number read out starts with the holder's surname, padded or cut to five letters ("my
     * licence is morga seven five three ..."): the id scanner starts at the digits; the word before them is part of it.
     */
    private static void licenceSurnames(List<RedactionTokens.Token> tokens, List<Span> spans) {
        for (int k = 0; k < spans.size(); k++) {
            Span s = spans.get(k);
            if (!s.kind().equals("id")) {
                continue;
            }
            int i = tokenAt(tokens, s.start());
            int before = i - 1;
            if (before < 1 || i >= tokens.size() || tokens.get(i).start() != s.start()) {
                continue;
            }
            RedactionTokens.Token w = tokens.get(before);
            boolean cue = false;
            for (int c = Math.max(0, before - 4); c < before && !cue; c++) {
                String l = tokens.get(c).lower();
                cue = l.equals("licence") || l.equals("license") || l.equals("licence's") || l.equals("license's");
            }
            if (cue
                    && w.type() == RedactionTokens.Type.WORD
                    && w.lower().length() >= 2
                    && w.lower().length() <= 5
                    && !NameLists.STOP.contains(w.lower())) {
                spans.set(k, new Span(w.start(), s.end(), "id"));
            }
        }
    }

    /** The town written after a street address: ", Clifton", ", West Bridgford". */
    private static final Pattern TOWN = Pattern.compile(",\\s*([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)");

    /**
     * A town said right after a street address, or after "in", in a recognizer's lower case ("sixty one elm street
     * springfield and ...", "two twelve sycamore street in millbrook since ..."): one word that is no English word.
     */
    private static final Pattern SAID_TOWN = Pattern.compile("\\s+(?:in\\s+)?([a-z]{4,})\\b");

    /** A written street address runs on to its town ("99 Mill Lane, Clifton"): the town narrows it to one door. */
    private static void withTown(String input, List<Span> spans, int from) {
        for (int k = from; k < spans.size(); k++) {
            Span s = spans.get(k);
            Matcher m = TOWN.matcher(input);
            m.region(s.end(), input.length());
            if (m.lookingAt()
                    && !NameLists.STOP.contains(
                            m.group(1).toLowerCase(java.util.Locale.ROOT).split("[ -]")[0])) {
                spans.set(k, new Span(s.start(), m.end(), s.kind()));
                continue;
            }
            Matcher said = SAID_TOWN.matcher(input);
            said.region(s.end(), input.length());
            if (said.lookingAt()
                    && !NameLists.ENGLISH.contains(said.group(1))
                    && !NameLists.STOP.contains(said.group(1))) {
                spans.set(k, new Span(s.start(), said.end(), s.kind()));
            }
        }
    }

    /** Words of an address that say nothing about whose it is: never redacted for being said again. */
    private static final Set<String> MAIL_WORDS = LookupSets.of(
            "at",
            "dot",
            "com",
            "net",
            "org",
            "gmail",
            "yahoo",
            "hotmail",
            "outlook",
            "icloud",
            "mail",
            "underscore",
            "dash",
            "email",
            "letter",
            "the",
            "and",
            "then",
            "sign",
            "symbol",
            "word",
            "like",
            "just");

    /**
     * A word of a removed address, name or plate said again elsewhere in the line ("it's got nancy dot b, it should be
     * nancy dot p at gmail", "carlos the letter v at gmail", "Reg is BD68 FNG? FNG."): that mention goes too, as the
     * same kind.
     */
    private static void sayAgain(String input, List<RedactionTokens.Token> tokens, List<Span> spans) {
        java.util.Map<String, String> words = null; // word -> kind of the span it was removed in
        boolean numbered = false;
        for (Span s : spans) {
            boolean isEmail = s.kind().equals("email");
            numbered |= NUMBERED.contains(s.kind());
            if (!isEmail && !s.kind().equals("name") && !s.kind().equals("plate")) {
                continue;
            }
            StringBuilder spelled = new StringBuilder();
            for (RedactionTokens.Token t : tokens) {
                if (t.start() < s.start() || t.end() > s.end()) {
                    continue;
                }
                if (repeatable(t)) {
                    if (words == null) {
                        words = new java.util.HashMap<>();
                    }
                    words.putIfAbsent(t.lower(), s.kind());
                }
                if (t.type() == RedactionTokens.Type.WORD && t.lower().length() == 1) {
                    spelled.append(t.lower());
                } else if (t.type() != RedactionTokens.Type.PUNCT) {
                    words = addSpelled(words, spelled, s.kind()); // "D-A-V-I-E-S at ...": "Davies" too
                }
            }
            words = addSpelled(words, spelled, s.kind()); // "D-A-V-I-E-S at ...": "Davies" too
        }
        if (numbered) {
            sayDigitsAgain(tokens, spans);
            writtenAgain(input, tokens, spans);
        }
        if (words == null) {
            return;
        }
        int n = spans.size();
        for (int i = 0; i < tokens.size(); i++) {
            RedactionTokens.Token t = tokens.get(i);
            String kind = repeatable(t) ? words.get(t.lower()) : null;
            if (kind != null && !inside(spans, n, t) && !SpokenNumbers.makeBefore(tokens, i)) {
                spans.add(new Span(t.start(), t.end(), kind)); // "plate g t r dash ... not the nissan gtr": a model
            }
        }
        spelledAgain(input, tokens, spans, n, words);
    }

    /**
     * A removed address's or name's word spelled out after it ("megan.okafor@gmail.com, and that's O-K-A-F-O-R",
     * "chloe w at outlook dot com thats c h l o e w"): a run of single letters outside the spans whose letters are a
     * word of a removed address, name or plate (three letters or more), or five or more letters in a row of one,
     * goes as its kind.
     */
    private static void spelledAgain(
            String input,
            List<RedactionTokens.Token> tokens,
            List<Span> spans,
            int n,
            java.util.Map<String, String> words) {
        int i = 0;
        while (i < tokens.size()) {
            RedactionTokens.Token t = tokens.get(i);
            if (!(t.type() == RedactionTokens.Type.WORD && t.lower().length() == 1) || inside(spans, n, t)) {
                i++;
                continue;
            }
            StringBuilder letters = new StringBuilder();
            int j = i;
            int last = i;
            while (j < tokens.size()) {
                RedactionTokens.Token u = tokens.get(j);
                if (u.type() == RedactionTokens.Type.WORD && u.lower().length() == 1 && !inside(spans, n, u)) {
                    letters.append(u.lower());
                    last = j;
                } else if (!(u.is("-") || u.is(",")) || letters.length() > 20) {
                    break;
                }
                j++;
            }
            String joined = letters.toString();
            String kind = joined.length() >= 3 ? words.get(joined) : null;
            if (kind == null && joined.length() >= 5) {
                kind = letterRunOf(input, spans, n, joined);
            }
            if (kind != null) {
                spans.add(new Span(t.start(), tokens.get(last).end(), kind));
            }
            i = last + 1;
        }
    }

    /** The rest of a Hong Kong or Taiwan name written in English, after or before what a name rule found. */
    private static void romanisedRest(List<RedactionTokens.Token> tokens, List<Span> spans) {
        List<int[]> names = new ArrayList<>(); // first and last token of each name span
        for (Span s : spans) {
            if (s.kind().equals("name")) {
                int first = tokenAt(tokens, s.start());
                int last = tokenAt(tokens, s.end()) - 1;
                while (last >= first && tokens.get(last).end() > s.end()) {
                    last--;
                }
                if (last >= first) {
                    names.add(new int[] {first, last});
                }
            }
        }
        if (!names.isEmpty()) {
            for (SpokenNumbers.Found f : RomanisedNames.rest(tokens, names)) {
                spans.add(new Span(f.start(), f.end(), f.kind()));
            }
        }
    }

    /**
     * A word spelled letter by letter inside a removed span, said as a word too, before or after it ("The email's
     * Oluwaseun... could you spell that? O-L-U-W-A-S-E-U-N, then dot Bello at gmail", "it's d-o-y-l-e, Doyle, underscore",
     * "b r e n n a n s at outlook dot com so brennan plus an s"): a word of four letters or more equal to a spelled run
     * (three letters or more), or of five or more that starts one, goes as the span's kind.
     */
    private static void spelledWordSaid(List<RedactionTokens.Token> tokens, List<Span> spans) {
        java.util.Map<String, String> spelled = null;
        for (Span s : spans) {
            StringBuilder run = new StringBuilder();
            for (int i = tokenAt(tokens, s.start());
                    i < tokens.size() && tokens.get(i).end() <= s.end();
                    i++) {
                RedactionTokens.Token t = tokens.get(i);
                if (t.type() == RedactionTokens.Type.WORD && t.lower().length() == 1) {
                    run.append(t.lower());
                } else if (t.type() != RedactionTokens.Type.PUNCT) {
                    spelled = addSpelled(spelled, run, s.kind());
                }
            }
            spelled = addSpelled(spelled, run, s.kind());
        }
        if (spelled == null) {
            return;
        }
        int n = spans.size();
        for (int i = 0; i < tokens.size(); i++) {
            RedactionTokens.Token t = tokens.get(i);
            if (t.lower().length() < 4
                    || !repeatable(t)
                    || inside(spans, n, t)
                    || SpokenNumbers.makeBefore(tokens, i)) {
                continue;
            }
            String kind = spelled.get(t.lower());
            if (kind == null && t.lower().length() >= 5) {
                for (java.util.Map.Entry<String, String> e : spelled.entrySet()) {
                    if (e.getKey().startsWith(t.lower())) {
                        kind = e.getValue();
                        break;
                    }
                }
            }
            if (kind != null) {
                spans.add(new Span(t.start(), t.end(), kind));
            }
        }
    }

    private static java.util.Map<String, String> addSpelled(
            java.util.Map<String, String> spelled, StringBuilder run, String kind) {
        if (run.length() >= 3) {
            if (spelled == null) {
                spelled = new java.util.HashMap<>();
            }
            spelled.putIfAbsent(run.toString(), kind);
        }
        run.setLength(0);
        return spelled;
    }

    /** The kind of the first removed address, name or plate whose letters hold {@code run} in a row, or null. */
    private static String letterRunOf(String input, List<Span> spans, int n, String run) {
        for (int k = 0; k < n; k++) {
            Span s = spans.get(k);
            if (!s.kind().equals("email")
                    && !s.kind().equals("name")
                    && !s.kind().equals("plate")) {
                continue;
            }
            StringBuilder letters = new StringBuilder();
            for (int c = s.start(); c < s.end(); c++) {
                char ch = Character.toLowerCase(input.charAt(c));
                if (ch >= 'a' && ch <= 'z') {
                    letters.append(ch);
                }
            }
            if (letters.indexOf(run) >= 0) {
                return s.kind();
            }
        }
        return null;
    }

    /** Words that say how many digits at a number's end: "last two", 后 两 位, 最后 四 位. */
    private static final Set<String> TAIL_COUNTS = LookupSets.of(
            "one", "two", "three", "four", "five", "six", "1", "2", "3", "4", "5", "6", "一", "二", "两", "三", "四", "五",
            "六");
    /** Words after "last" that name a number's end without a count: "the last bit is", "last digits". */
    private static final Set<String> TAIL_PARTS =
            LookupSets.of("bit", "part", "digit", "digits", "numbers", "bits", "few");
    /** Words between a tail's cue and its digits: "are now", "changed to", 改 成, 换 成, 是. */
    private static final Set<String> TAIL_LINKS = LookupSets.of(
            "are", "is", "now", "to", "be", "changed", "change", "it's", "its", "was", "in", "with", "should", "digits",
            "numbers", "改", "成", "换", "是", "了", "为", "变", "的", "都", "就", ",", "，", ":", "：");

    /**
     * A number's end said again, or changed, after the number ("same as before except the last two are four nine now",
     * "mine is the same but ending zero nine", 后 两 位 改 成 九 三, 她的是尾号74, "the last bit is 851-0, not 815"): after a
     * removed phone, card, id, account or plate, one to six symbols (letters too after a plate) after a tail cue ("last
     * two", "last bit", "ending", 尾号, 后 N 位, 最后 N 位) and at most four linking words go as the number's kind, unless
     * an amount or unit follows them. The tail alone says little; with the number before it, it completes or corrects
     * it.
     */
    private static void changedTails(String input, List<RedactionTokens.Token> tokens, List<Span> spans) {
        int n = spans.size();
        int firstEnd = Integer.MAX_VALUE;
        for (int k = 0; k < n; k++) {
            if (hasTail(spans.get(k))) {
                firstEnd = Math.min(firstEnd, spans.get(k).end());
            }
        }
        if (firstEnd == Integer.MAX_VALUE) {
            return;
        }
        for (int j = tokenAt(tokens, firstEnd); j < tokens.size(); j++) {
            int cueEnd = tailCueEnd(tokens, j);
            if (cueEnd < 0) {
                continue;
            }
            String kind = kindBefore(spans, n, tokens.get(j).start());
            int k = cueEnd;
            while (k < tokens.size()
                    && k - cueEnd < 4
                    && TAIL_LINKS.contains(tokens.get(k).lower())) {
                k++;
            }
            boolean plate = kind.equals("plate");
            int end = k;
            int symbols = 0;
            while (end < tokens.size() && symbols < 6) {
                RedactionTokens.Token t = tokens.get(end);
                String digits = SpokenNumbers.digitsOf(t.lower());
                if (t.type() == RedactionTokens.Type.DIGITS
                        || digitToken(t)
                        || digits != null && digits.length() == 1
                        || digits != null && digits.length() == 2 && t.type() == RedactionTokens.Type.WORD) {
                    // "it ends eighty-five": a pair said as one word counts as its two digits
                    if (t.type() == RedactionTokens.Type.DIGITS) {
                        symbols += t.lower().length();
                    } else {
                        symbols += digits != null && digits.length() == 2 ? 2 : 1;
                    }
                } else if (plate && SpokenNumbers.isSpelledLetter(t) && t.raw().equals(t.lower())) {
                    symbols++;
                } else if (!(t.is("-") && end > k && end + 1 < tokens.size() && digitToken(tokens.get(end + 1)))) {
                    break;
                }
                end++;
            }
            if (end == k
                    || symbols > 6
                    || end < tokens.size() && (unitAfter(tokens.get(end)) || SpokenNumbers.amountWord(tokens.get(end)))
                    || signGlued(
                            input, tokens.get(k).start(), tokens.get(end - 1).end())) {
                continue;
            }
            spans.add(new Span(tokens.get(k).start(), tokens.get(end - 1).end(), kind));
            j = end - 1;
        }
    }

    /**
     * A number or plate started, broken off and said again whole right after ("Cell is 503, um, 862, uh...
     * 503-862-4417", 置换车车牌苏B2，不好意思，苏B27788, "07 - lost my place - 07700 900123", 幺 五 零 你 等 一下 幺 五 零 六
     * ...): the runs of symbols just before a removed phone, card, id, account or plate, at most six other tokens apart
     * and none of them a {@link #READING_STOPS} word or an amount, go as its kind when together they are the start of
     * what it holds (two symbols or more, fewer than all). A run that is not its start ends the look back: a price or
     * a year before a number is another number.
     */
    private static void restarts(String input, List<RedactionTokens.Token> tokens, List<Span> spans) {
        int n = spans.size();
        boolean[] covered = null;
        for (int k = 0; k < n; k++) {
            Span s = spans.get(k);
            if (!NUMBER_KINDS.contains(s.kind()) && !s.kind().equals("plate")) {
                continue;
            }
            int first = tokenAt(tokens, s.start());
            if (first == 0 || first >= tokens.size() || tokens.get(first).start() != s.start()) {
                continue;
            }
            int after = first;
            while (after < tokens.size() && tokens.get(after).end() <= s.end()) {
                after++;
            }
            String whole = symbolsOf(tokens, new int[] {first, after});
            if (whole.length() < 4) {
                continue;
            }
            if (covered == null) {
                covered = coveredTokens(tokens, spans, n);
            }
            boolean plate = s.kind().equals("plate");
            List<int[]> runs = new ArrayList<>(); // nearest first
            int j = first - 1;
            int gap = 0;
            while (j >= 0 && !covered[j] && runs.size() < 4) {
                if (symbolOf(tokens, j) != null && (plate || !loneLetter(tokens, j))) {
                    int end = j;
                    while (j >= 0 && !covered[j] && symbolOf(tokens, j) != null && end - j < MOST_RESTART_TOKENS) {
                        j--;
                    }
                    runs.add(new int[] {j + 1, end + 1});
                    gap = 0;
                    continue;
                }
                if (readingStop(tokens, j) || SpokenNumbers.amountWord(tokens.get(j)) || ++gap > 6) {
                    break;
                }
                j--;
            }
            // the most runs, nearest first, that together start the number
            String said = "";
            int taken = 0;
            StringBuilder joined = new StringBuilder();
            for (int r = 0; r < runs.size(); r++) {
                joined.insert(0, symbolsOf(tokens, runs.get(r)));
                if (joined.length() >= whole.length() || !whole.startsWith(joined.toString())) {
                    break;
                }
                said = joined.toString();
                taken = r + 1;
            }
            if (said.length() < 2) {
                // no start said again; the nearest run with symbols may be a wrong attempt taken back ("y k six nine no
                // sorry y k seven zero f w j", "YD21... no, sorry, YD71 NPK")
                for (int[] run : runs) {
                    if (symbolsOf(tokens, run).isEmpty()) {
                        continue; // fillers ("sorry") read as a run of no symbols
                    }
                    if (correctedAttempt(tokens, run, first, whole)
                            && !signGlued(
                                    input,
                                    tokens.get(run[0]).start(),
                                    tokens.get(run[1] - 1).end())) {
                        spans.add(new Span(
                                tokens.get(run[0]).start(),
                                tokens.get(run[1] - 1).end(),
                                s.kind()));
                    }
                    break;
                }
                continue;
            }
            for (int r = 0; r < taken; r++) {
                int[] run = runs.get(r);
                int last = run[1];
                if (signGlued(
                                input,
                                tokens.get(run[0]).start(),
                                tokens.get(last - 1).end())
                        || last < tokens.size() && unitAfter(tokens.get(last))) {
                    break;
                }
                spans.add(new Span(
                        tokens.get(run[0]).start(), tokens.get(last - 1).end(), s.kind()));
            }
        }
    }

    /**
     * The nearest run before a removed number, taken back ("no", "sorry", 不是) right before the number: a wrong attempt
     * at it when it holds four symbols or more, no more than the number, starts with the number's first symbol and has
     * at least half of its symbols in the same places ("y k six nine no sorry y k seven zero f w j", "a b five one
     * sorry a d five one r t w", "0412 338 906, no, 0412 338 905").
     */
    private static boolean correctedAttempt(
            List<RedactionTokens.Token> tokens, int[] run, int numberFirst, String whole) {
        if (run[1] > numberFirst + 8) {
            return false;
        }
        String attempt = symbolsOf(tokens, run);
        if (attempt.length() < 4 || attempt.length() > whole.length()) {
            return false;
        }
        int same = 0; // symbols in the same place: "a b five one sorry a d five one r t w" shares three of four
        for (int c = 0; c < attempt.length(); c++) {
            same += attempt.charAt(c) == whole.charAt(c) ? 1 : 0;
        }
        if (same < 2 || same * 2 < attempt.length() || attempt.charAt(0) != whole.charAt(0)) {
            return false;
        }
        // a take-back after the attempt's symbols, in the run (fillers are part of it), before the number or at the
        // start of its span ("no sorry y k ...")
        int symbols = 0;
        for (int k = run[0]; k < tokens.size() && (k < numberFirst || symbolOf(tokens, k) == null); k++) {
            String symbol = symbolOf(tokens, k);
            symbols += symbol == null ? 0 : symbol.length();
            for (String w : tokens.get(k).lower().split(" ")) { // merged phrases too ("no sorry")
                if (symbols >= 4 && SpokenNumbers.takesBack(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The longest run looked at before a number (a start said again is short; a long line costs no more). */
    private static final int MOST_RESTART_TOKENS = 24;

    /** A token's symbols in a number or plate: digits said or written, a written code's, a letter, a province. */
    private static String symbolOf(List<RedactionTokens.Token> tokens, int k) {
        RedactionTokens.Token t = tokens.get(k);
        if (inWord(tokens, k)) {
            return null;
        }
        if (t.type() == RedactionTokens.Type.ALNUM) {
            return t.lower(); // a written code's letters too: "YD21" is not "21"
        }
        String digits = SpokenNumbers.digitsOf(t.lower());
        if (digits != null) {
            return digits;
        }
        if (t.type() == RedactionTokens.Type.WORD && t.lower().length() == 1) {
            return t.lower();
        }
        if (t.type() == RedactionTokens.Type.HAN
                && t.lower().length() == 1
                && PROVINCE_CHARS.indexOf(t.lower().charAt(0)) >= 0) {
            return t.lower();
        }
        return null;
    }

    /** The symbols of tokens {@code run[0]} to {@code run[1] - 1}, tokens without any left out. */
    private static String symbolsOf(List<RedactionTokens.Token> tokens, int[] run) {
        StringBuilder b = new StringBuilder();
        for (int i = run[0]; i < run[1]; i++) {
            String symbol = symbolOf(tokens, i);
            b.append(symbol == null ? "" : symbol);
        }
        return b.toString();
    }

    /** The token after a tail cue that starts at {@code j}, or -1. */
    private static int tailCueEnd(List<RedactionTokens.Token> tokens, int j) {
        RedactionTokens.Token t = tokens.get(j);
        String next = j + 1 < tokens.size() ? tokens.get(j + 1).lower() : "";
        String after = j + 2 < tokens.size() ? tokens.get(j + 2).lower() : "";
        return switch (t.lower()) {
            case "ending" -> j + 1;
            case "ends" ->
                next.equals("in") || next.equals("with")
                        ? j + 2
                        : j > 0
                                        && (tokens.get(j - 1).is("it")
                                                || tokens.get(j - 1).is("one"))
                                ? j + 1
                                : -1; // "it ends 85"
            case "last" -> TAIL_COUNTS.contains(next) || TAIL_PARTS.contains(next) ? j + 2 : -1;
            case "尾" -> next.equals("号") || next.equals("数") ? j + 2 : -1;
            case "后", "末" -> TAIL_COUNTS.contains(next) && after.equals("位") ? j + 3 : -1;
            default -> -1;
        };
    }

    /** A removed phone, card, id, account or plate: a number whose end may be said again or changed after it. */
    private static boolean hasTail(Span s) {
        return NUMBERED.contains(s.kind()) && !s.kind().equals("email")
                || s.kind().equals("plate");
    }

    /** The kind of the nearest of the first {@code n} spans with a tail ({@link #hasTail}) that ends before {@code at}. */
    private static String kindBefore(List<Span> spans, int n, int at) {
        Span best = null;
        for (int k = 0; k < n; k++) {
            Span s = spans.get(k);
            if (hasTail(s) && s.end() <= at && (best == null || s.end() > best.end())) {
                best = s;
            }
        }
        return best.kind();
    }

    /** Words said for "@" in a spoken address (a written one's false starts are left to the name rules). */
    private static final Set<String> AT_WORDS = LookupSets.of("at", "艾特", "爱特");
    /**
     * The start of a spoken address said before the address itself, and broken off ("it's sarah dot k dash lee hold
     * on no dash it's sarah dot k lee at outlook dot com", 邮箱 前面 是 x u 然后 下划线 嗯 ... x u 下划线 y a n ...): a run
     * whose words are the first words of the address's name, separators aside, goes too. It must hold a separator, three
     * of those words or only spelled letters, so "i love" before "i love cars at ..." stays.
     */
    private static void emailFalseStarts(List<RedactionTokens.Token> tokens, List<Span> spans) {
        List<Span> emails = new ArrayList<>(); // the addresses found so far; false starts are added after them
        for (Span s : spans) {
            if (s.kind().equals("email")) {
                emails.add(s);
            }
        }
        for (Span s : emails) {
            int first = tokenAt(tokens, s.start());
            int at = first;
            while (at < tokens.size()
                    && tokens.get(at).start() < s.end()
                    && !AT_WORDS.contains(tokens.get(at).lower())) {
                at++;
            }
            if (at >= tokens.size() || tokens.get(at).start() >= s.end()) {
                continue; // written ("jess@...") or no name part
            }
            List<String> name = new ArrayList<>();
            for (int i = first; i < at; i++) {
                if (!SpokenEmails.SEPARATORS.contains(tokens.get(i).lower())) {
                    name.add(tokens.get(i).lower());
                }
            }
            if (name.size() < 2) {
                continue;
            }
            for (int i = Math.max(0, first - 40); i < first; i++) { // said shortly before: linear in a long line
                int matched = 0;
                int last = -1;
                boolean separator = false;
                boolean letters = true;
                for (int j = i; j < first && matched < name.size(); j++) {
                    String w = tokens.get(j).lower();
                    if (SpokenEmails.SEPARATORS.contains(w) && matched > 0) {
                        separator = true;
                    } else if (w.equals(name.get(matched))) {
                        letters &= w.length() == 1;
                        matched++;
                        last = j;
                    } else if (matched > 0
                            && separator
                            && w.length() >= 2
                            && name.get(matched).startsWith(w)) {
                        matched++; // "paul dot har sorry paul dot harris at ...": a word broken off
                        last = j;
                        break;
                    } else {
                        break;
                    }
                }
                if (matched >= 2 && (separator || matched >= 3 || letters)) {
                    spans.add(new Span(tokens.get(i).start(), tokens.get(last).end(), "email"));
                    i = last;
                }
            }
        }
    }

    /** Kinds whose digits identify someone when said again on their own. */
    private static final Set<String> NUMBERED = LookupSets.of("email", "phone", "card", "id", "account");

    /** Which tokens lie wholly inside one of the first {@code n} spans. */
    private static boolean[] coveredTokens(List<RedactionTokens.Token> tokens, List<Span> spans, int n) {
        boolean[] covered = new boolean[tokens.size()];
        for (int k = 0; k < n; k++) {
            Span s = spans.get(k);
            for (int i = tokenAt(tokens, s.start());
                    i < tokens.size() && tokens.get(i).end() <= s.end();
                    i++) {
                covered[i] = true;
            }
        }
        return covered;
    }

    /**
     * Digits of a removed address or number said again after it, one by one ("chen 点 jie 艾特 163 点 com 那个 一 六
     * 三", "手机 号 ... 对 幺 二 零 零 是 中间 四 位"): three or more in a row that the removed span holds go too, as its
     * kind. After a number (not an address) only digits said one at a time count, so a price or a year that happens to
     * share three digits with a phone stays.
     */
    private static void sayDigitsAgain(List<RedactionTokens.Token> tokens, List<Span> spans) {
        int n = spans.size();
        boolean[] covered = coveredTokens(tokens, spans, n);
        // the runs of digits outside every span, found once (a line of many numbers must not cost spans x tokens)
        List<int[]> anyRuns = null;
        List<int[]> singleRuns = null;
        List<String> anyDigits = null;
        List<String> singleDigits = null;
        boolean[] taken = null;
        for (int k = 0; k < n; k++) {
            Span s = spans.get(k);
            if (!NUMBERED.contains(s.kind())) {
                continue;
            }
            boolean singles = !s.kind().equals("email");
            if (singles && singleRuns == null) {
                singleRuns = digitRuns(tokens, covered, true);
                singleDigits = runDigits(tokens, singleRuns);
            } else if (!singles && anyRuns == null) {
                anyRuns = digitRuns(tokens, covered, false);
                anyDigits = runDigits(tokens, anyRuns);
            }
            List<int[]> runs = singles ? singleRuns : anyRuns;
            List<String> digits = singles ? singleDigits : anyDigits;
            if (runs.isEmpty()) {
                continue;
            }
            String held = heldDigits(tokens, s, "|");
            for (int r = 0; r < runs.size(); r++) {
                int[] run = runs.get(r);
                if (held.indexOf(digits.get(r)) >= 0) {
                    if (taken == null) {
                        taken = new boolean[tokens.size()];
                    }
                    if (!taken[run[0]]) {
                        taken[run[0]] = true;
                        spans.add(new Span(
                                tokens.get(run[0]).start(), tokens.get(run[1]).end(), s.kind()));
                    }
                }
            }
        }
    }

    /** The digits a span holds, token by token, with {@code gap} for each token that is no digit. */
    private static String heldDigits(List<RedactionTokens.Token> tokens, Span s, String gap) {
        StringBuilder held = new StringBuilder();
        for (int i = tokenAt(tokens, s.start());
                i < tokens.size() && tokens.get(i).end() <= s.end();
                i++) {
            String d = SpokenNumbers.digitsOf(tokens.get(i).lower());
            held.append(d == null ? gap : d);
        }
        return held.toString();
    }

    /**
     * A removed number written again, whole or in part, as an answer or a check ("是尾号7788还是7878的卡？是7878。",
     * "5339 2948 3691 0141? No, 3691.", "手机号15210674398？不对，是98结尾，4398"): a written group equal to all the digits
     * of a removed number (four or more), to one of its written groups of three or more, or to the last four of a number
     * of eight or more goes as its kind, unless an amount, a unit or "the"/"for"... ({@link #PIECE_BLOCKERS}) is next to
     * it or a sign is glued to it ("the 2019 one", "for the 2024 model").
     */
    private static void writtenAgain(String input, List<RedactionTokens.Token> tokens, List<Span> spans) {
        int n = spans.size();
        java.util.Map<String, String> removed = null;
        for (int k = 0; k < n; k++) {
            Span s = spans.get(k);
            if (!NUMBERED.contains(s.kind()) || s.kind().equals("email")) {
                continue;
            }
            String held = heldDigits(tokens, s, "");
            if (held.length() >= 4) {
                if (removed == null) {
                    removed = new java.util.HashMap<>();
                }
                removed.putIfAbsent(held, s.kind());
                if (held.length() >= 8) {
                    removed.putIfAbsent(held.substring(held.length() - 4), s.kind());
                }
                for (int i = tokenAt(tokens, s.start());
                        i < tokens.size() && tokens.get(i).end() <= s.end();
                        i++) {
                    RedactionTokens.Token t = tokens.get(i);
                    if (t.type() == RedactionTokens.Type.DIGITS && t.lower().length() >= 3) {
                        removed.putIfAbsent(t.lower(), s.kind());
                        if (t.lower().length() >= 8) {
                            removed.putIfAbsent(t.lower().substring(t.lower().length() - 4), s.kind());
                        }
                    }
                }
            }
        }
        if (removed == null) {
            return;
        }
        for (int i = 0; i < tokens.size(); i++) {
            RedactionTokens.Token t = tokens.get(i);
            String kind = t.type() == RedactionTokens.Type.DIGITS ? removed.get(t.lower()) : null;
            boolean amount = i + 1 < tokens.size()
                            && (SpokenNumbers.amountWord(tokens.get(i + 1)) || unitAfter(tokens.get(i + 1)))
                    || i > 0
                            && (SpokenNumbers.amountWord(tokens.get(i - 1))
                                    || PIECE_BLOCKERS.contains(tokens.get(i - 1).lower()));
            if (kind != null && !amount && !inside(spans, n, t) && !signGlued(input, t.start(), t.end())) {
                spans.add(new Span(t.start(), t.end(), kind));
            }
        }
    }

    /** Maximal runs (first, last token) of 3+ digits outside every span; digits said one at a time only if asked. */
    private static List<int[]> digitRuns(List<RedactionTokens.Token> tokens, boolean[] covered, boolean singles) {
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            int count = 0;
            String d;
            while (j < tokens.size()
                    && !covered[j]
                    && (d = SpokenNumbers.digitsOf(tokens.get(j).lower())) != null
                    && (!singles || d.length() == 1)) {
                count += d.length();
                j++;
            }
            boolean amount = j < tokens.size() && SpokenNumbers.amountWord(tokens.get(j))
                    || i > 0 && SpokenNumbers.amountWord(tokens.get(i - 1));
            if (count >= 3 && !amount) { // "the service is one two three pounds": a price, whatever digits it shares
                runs.add(new int[] {i, j - 1});
            }
            i = Math.max(j, i + 1);
        }
        return runs;
    }

    private static List<String> runDigits(List<RedactionTokens.Token> tokens, List<int[]> runs) {
        List<String> out = new ArrayList<>(runs.size());
        StringBuilder b = new StringBuilder();
        for (int[] run : runs) {
            b.setLength(0);
            for (int i = run[0]; i <= run[1]; i++) {
                b.append(SpokenNumbers.digitsOf(tokens.get(i).lower()));
            }
            out.add(b.toString());
        }
        return out;
    }

    private static boolean repeatable(RedactionTokens.Token t) {
        String w = t.lower();
        return t.type() == RedactionTokens.Type.WORD
                && w.length() >= 3
                && !MAIL_WORDS.contains(w)
                && !NameLists.STOP.contains(w)
                && !NameLists.AMBIGUOUS.contains(w)
                && SpokenNumbers.digitsOf(w) == null;
    }

    private static boolean inside(List<Span> spans, int n, RedactionTokens.Token t) {
        for (int k = 0; k < n; k++) {
            Span s = spans.get(k);
            if (s.start() <= t.start() && t.end() <= s.end()) {
                return true;
            }
        }
        return false;
    }

    /** An extension said or written after a phone number: "ext. 34", "extension two zero four", 转 八 零 一, 分机 233. */
    private static final Pattern EXTENSION =
            Pattern.compile("[\\s,，]*(?:(?i:ext|extn|extension|x)\\.?|分[机機]號?|分机号?|转|轉)\\s*[:：#]?\\s*"
                    + "(?:(?:\\d|(?i:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
                    + "|forty|fifty|sixty|seventy|eighty|ninety)\\b|[零〇一二三四五六七八九幺两洞](?!\\s*[点點]))" // 五 点: a time
                    + "[\\s,-]*){1,6}");

    private static final String AREA_CODE = "area code ";

    /**
     * A number's letter prefix joined by a hyphen ("CUS-0048213", "ID-558812"): one to four capitals right before the
     * hyphen belong to the removed number.
     */
    private static void letterPrefixes(String input, List<Span> spans) {
        for (int k = 0; k < spans.size(); k++) {
            Span s = spans.get(k);
            if (!NUMBER_KINDS.contains(s.kind()) || s.start() < 2 || input.charAt(s.start() - 1) != '-') {
                continue;
            }
            int b = s.start() - 1;
            while (b > 0 && b > s.start() - 6 && input.charAt(b - 1) >= 'A' && input.charAt(b - 1) <= 'Z') {
                b--;
            }
            boolean mask = input.substring(b, s.start() - 1).chars().allMatch(c -> c == 'X'); // XXXX-XXXX-XXXX-5510
            if (b < s.start() - 1 && !mask && (b == 0 || !Character.isLetterOrDigit(input.charAt(b - 1)))) {
                spans.set(k, new Span(b, s.end(), s.kind()));
            }
        }
    }

    private static void extendPhones(String input, List<Span> spans) {
        for (int k = 0; k < spans.size(); k++) {
            Span s = spans.get(k);
            if (s.kind().equals("phone")
                    && s.start() > 0
                    && input.charAt(s.start() - 1) == '('
                    && input.indexOf(')', s.start()) >= 0
                    && input.indexOf(')', s.start()) < s.end()) {
                s = new Span(s.start() - 1, s.end(), s.kind()); // "(021) 6234 5678": the area code's opening bracket
                spans.set(k, s);
            }
            if (s.kind().equals("phone")
                    && s.start() >= AREA_CODE.length()
                    && input.regionMatches(true, s.start() - AREA_CODE.length(), AREA_CODE, 0, AREA_CODE.length())) {
                s = new Span(
                        s.start() - AREA_CODE.length(), s.end(), s.kind()); // "call me at area code six four six ..."
                spans.set(k, s);
            }
            if (!s.kind().equals("phone") || s.end() >= input.length()) {
                continue;
            }
            Matcher m = EXTENSION.matcher(input);
            m.region(s.end(), input.length());
            if (m.lookingAt()) {
                int end = m.end();
                while (end > s.end() && " ,，-".indexOf(input.charAt(end - 1)) >= 0) {
                    end--;
                }
                spans.set(k, new Span(s.start(), end, "phone"));
            }
        }
    }

    private static final String SAID_DIGIT =
            "(?:[0-9０-９]|零|〇|洞|幺|一|二|两|三|四|五|六|七|八|九|zero|oh|one|two|three|four|five|six|seven|eight|nine)";

    /** An area code said on its own, before or after the number: 区号 零 七 五 五 座机 ..., "area code is oh two". */
    private static final Pattern AREA_CODE_APART = Pattern.compile("(?iu)(?:区\\s*号|area code)\\s*(?:是|is|:|：|,|，)?\\s*("
            + SAID_DIGIT + "(?:\\s*" + SAID_DIGIT + "){1,4})(?![0-9０-９\\p{L}])");

    /**
     * An area code said apart from its number ("区号 零 七 五 五 座机 八 八 ..."): with a phone removed in the line, the
     * code after 区号 / "area code" goes too; alone it is a town's, and stays.
     */
    private static void areaCodesApart(String input, List<Span> spans) {
        if (!hasKind(spans, "phone")
                || !(input.contains("区") || RedactionTokens.containsIgnoreCase(input, "area code"))) {
            return;
        }
        Matcher m = AREA_CODE_APART.matcher(input);
        while (m.find()) {
            spans.add(new Span(m.start(1), m.end(1), "phone")); // said in words too: no digit needed, unlike regex()
        }
    }

    private static final java.util.BitSet PROVINCES = new java.util.BitSet(65536);

    static {
        PROVINCE_CHARS.chars().forEach(PROVINCES::set);
    }

    private static boolean hasProvince(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (PROVINCES.get(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A digit inside a plate as said or heard: written, 零 to 九, 幺 两 洞, and 要 (幺 misheard). */
    private static final String PLATE_DIGIT = "[0-9零〇一二三四五六七八九幺两洞要]";

    /**
     * A plate's province and letter said on their own, before the rest or before a correction ("粤 B 呃 粤 B 五 八 两
     * 两 Z", "车牌 豫 a 是 河南 的 豫 然后 ...", "闽 d 七 二 嗯 ..."), with the symbols said after them: removed in a line
     * that names a plate or has one removed, elsewhere only in a whole plate's shape ({@link #provinceLetters}), since
     * "新 a 级" is a model.
     */
    private static final Pattern PROVINCE_LETTER =
            Pattern.compile("[" + PROVINCE_CHARS + "]\\s?(?:临\\s?)?[A-Za-z](?![A-Za-z0-9])"
                    // and the symbols said after it before a pause: 闽 d 七 二 嗯 ...
                    + "(?:\\s?(?:" + PLATE_DIGIT + "|临|[A-Za-z])(?![A-Za-z0-9])){0,6}+"
                    + "(?!\\s?(?:开头|打头|字头))"); // "粤 z 开头 的" names a kind of plate (cross-border), nobody's

    /**
     * A whole plate after a province as the recognizer misheard it (月 for 粤, 户 for 沪, 经 for 京, 要 for 幺): "车牌 是 月 b
     * 要 五 六 六 八". Common characters otherwise, so only in a line that names a plate (牌) and only a whole plate's
     * shape: one letter, then five or six letters and digits said one by one.
     */
    private static final Pattern MISHEARD_PROVINCE_PLATE =
            Pattern.compile("[" + SpokenNumbers.PROVINCE_SOUND_CHARS + "]\\s?[A-Za-z](?![A-Za-z0-9])"
                    + "(?:\\s?(?:" + PLATE_DIGIT + "|[A-Za-z])(?![A-Za-z0-9])){5,6}+"
                    + "(?!\\s?" + PLATE_DIGIT + ")");

    private static void provinceLetters(String input, List<Span> spans) {
        boolean plateTalk = hasKind(spans, "plate") || input.indexOf('牌') >= 0;
        boolean[] covered = null;
        Matcher m = PROVINCE_LETTER.matcher(input);
        while (m.find()) {
            // without plate talk, only a whole plate's shape: five or six symbols after the letter, 要 (幺 misheard)
            // among them ("浙 A 要 二 三 K 五", "湘 C 要 要 四 四 八")
            if (!plateTalk && symbolsAfterLetter(m.group()) < 5) {
                continue;
            }
            if (covered == null) {
                covered = covered(input.length(), spans);
            }
            if (!covered[m.start()]) {
                spans.add(new Span(m.start(), m.end(), "plate"));
            }
        }
    }

    /** Letters and digits after a {@link #PROVINCE_LETTER} match's own letter (its 临 not counted). */
    private static int symbolsAfterLetter(String match) {
        int letters = 0;
        int symbols = 0;
        for (int k = 1; k < match.length(); k++) {
            char c = match.charAt(k);
            if (Character.isWhitespace(c) || c == '临') {
                continue;
            }
            if (letters == 0 && RedactionTokens.isLatin(c)) {
                letters++; // the province's letter
            } else {
                symbols++;
            }
        }
        return symbols;
    }

    /** Continental street words ("calle", "via", "ul.") or a German or Dutch street's ending before a number. */
    private static final int CONTINENTAL = 128;

    private static final int STREET = 1;
    private static final int ROAD = 2;
    private static final int POST = 4;
    private static final int HANDLE = 8;
    private static final int VIN_SHAPE = 16;
    private static final int NAME = 32;
    /** Three or more words of one letter: something may be spelled out (a postcode). */
    private static final int LETTERS = 64;
    /** Latin words that make one of the costlier scanners worth running, and which. */
    private static final java.util.Map<String, Integer> CUE_WORDS = cueWordMap();

    private static java.util.Map<String, Integer> cueWordMap() {
        java.util.Map<String, Integer> m = new java.util.HashMap<>();
        for (String w : List.of(
                "street",
                "avenue",
                "ave",
                "road",
                "rd",
                "lane",
                "boulevard",
                "blvd",
                "drive",
                "court",
                "gardens",
                "crescent",
                "terrace",
                "parkway",
                "highway",
                "hwy",
                "st",
                "ln",
                "dr",
                "ct",
                "pkwy",
                "circle",
                "cir",
                "trail",
                "place",
                "close",
                "way",
                "grove",
                "parade",
                "lawn",
                "mews",
                "heights")) {
            m.put(w, STREET);
        }
        for (String w : List.of(
                "calle",
                "avenida",
                "paseo",
                "plaza",
                "carrer",
                "via",
                "viale",
                "piazza",
                "corso",
                "vicolo",
                "ul",
                "ulica",
                "al",
                "aleja",
                "rua",
                "travessa",
                "rue",
                "chemin",
                "boulevard",
                "bd",
                "allée",
                "impasse",
                "quai",
                "avenue",
                "place",
                "route",
                "cours")) {
            m.merge(w, CONTINENTAL, (a, b) -> a | b);
        }
        for (String w : List.of("zip", "zipcode", "postcode", "post", "postal", "pincode", "cap", "plz", "eircode")) {
            m.put(w, POST);
        }
        for (String w : SpokenHandles.LATIN_TRIGGERS) {
            m.put(w, HANDLE);
        }
        for (String w : SpelledNames.LATIN_CUES) {
            m.merge(w, NAME, (a, b) -> a | b);
        }
        return java.util.Map.copyOf(m);
    }
    /** Han characters an address's road or estate word ends with (路, 街, 道, 弄, 巷, 同, 区, 园, 苑, 村, 寓, 厦, 段, 郡, 廈). */
    private static final String ROAD_ENDS = "路街道弄巷同区园苑村寓厦段郡廈";

    private static final String HAN_NUMERALS = "零〇一二三四五六七八九十百千幺两洞";

    private static final List<String> STREET_ENDINGS = List.of(
            "straße", "strasse", "str", "weg", "gasse", "allee", "platz", "straat", "laan", "gracht", "plein", "kade",
            "singel");

    private static boolean streetEnding(String w) {
        for (String e : STREET_ENDINGS) {
            if (w.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    /** A number (or "str." and then one) at token {@code i}: written digits or a spoken digit word. */
    private static boolean numberNext(List<RedactionTokens.Token> tokens, int i) {
        RedactionTokens.Token n = tokens.get(i);
        if (n.lower().equals(".") && i + 1 < tokens.size()) {
            n = tokens.get(i + 1);
        }
        return n.type() == RedactionTokens.Type.DIGITS
                || n.type() == RedactionTokens.Type.ALNUM
                || SpokenNumbers.isNumberWord(n.lower());
    }

    /**
     * Which costlier scanners can match, read from the tokens in one pass: a street word, a road word followed by a
     * number, a postal-code cue, a messenger-id cue or an underscore, a 17-character code, a
     * continental street.
     */
    private static int cueWords(List<RedactionTokens.Token> tokens) {
        int found = 0;
        int letters = 0;
        for (int i = 0; i < tokens.size(); i++) {
            RedactionTokens.Token t = tokens.get(i);
            String w = t.lower();
            if (t.type() == RedactionTokens.Type.ALNUM) {
                if (w.length() == 17) {
                    found |= VIN_SHAPE; // a vehicle identification number is one 17-character token
                }
            } else if (t.type() == RedactionTokens.Type.WORD
                    || t.type() == RedactionTokens.Type.PUNCT && w.equals("_")) {
                if (w.length() == 1 && ++letters >= 3) {
                    found |= LETTERS;
                }
                Integer bit = CUE_WORDS.get(w);
                if (bit != null) {
                    found |= bit;
                }
                if (w.length() > 3 && i + 1 < tokens.size() && numberNext(tokens, i + 1) && streetEnding(w)) {
                    found |= CONTINENTAL; // "Hauptstr. 7a", "Keizersgracht 123"
                }
            } else if (t.type() == RedactionTokens.Type.HAN) {
                char c = w.charAt(0);
                if (SpokenHandles.hanTriggerAt(tokens, i)) {
                    found |= HANDLE;
                }
                if (SpelledNames.HAN_CUES.indexOf(c) >= 0) {
                    found |= NAME;
                }
                if (c == '邮') {
                    found |= POST;
                } else if (ROAD_ENDS.indexOf(c) >= 0) {
                    for (int k = i + 1; k < Math.min(tokens.size(), i + 3); k++) {
                        RedactionTokens.Token n = tokens.get(k);
                        if (n.type() == RedactionTokens.Type.DIGITS
                                || n.lower().length() == 1
                                        && HAN_NUMERALS.indexOf(n.lower().charAt(0)) >= 0) {
                            found |= ROAD;
                            break;
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Words that say a card is being paid with: an expiry is the card's only then ("the expiry is ..." alone may be a lease's). */
    private static final List<String> CARD_TALK = List.of(
            "card",
            "visa",
            "mastercard",
            "amex",
            "debit",
            "credit",
            "cvv",
            "cvc",
            "security code",
            "the back",
            "卡",
            "刷", // 先 刷 一 万: a swipe is a card's
            "背面");

    /** " slash" right after {@code end}: a web address said aloud goes on with its path. */
    private static boolean slashAfter(String input, int end) {
        return input.regionMatches(true, end, " slash ", 0, 7);
    }

    /** Documents whose expiry, said with their number, identifies the holder as the number does. */
    private static final List<String> ID_DOCUMENT_TALK =
            List.of("passport", "licence", "license", "permit", "护照", "驾照", "驾驶证", "通行证", "居留");

    /** "the code is five ate one": three or four digits said one by one after "code is". */
    private static final String CODE_DIGIT = "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|won|too|ate)";

    /** "the code is five ate one": three or four digits said one by one after "code is", not a promo or door code. */
    private static final Pattern CODE_SAID =
            Pattern.compile("(?i)(?<!promo |discount |voucher |coupon |door |gate |access |"
                    + "post |zip |area |booking |order |product )\\bcode (?:is |was )?(" + CODE_DIGIT + "(?: "
                    + CODE_DIGIT
                    + "){2,3})\\b(?!\\s*(?:" + CODE_DIGIT + "|hundred|thousand|dollars|pounds|percent)\\b)");

    /**
     * A card's date and its security code said together with no card word ("the date on it is oh three twenty nine and
     * the code is five ate one"): the code goes as the card's, and the date with it.
     */
    private static boolean codeWithDate(String input, List<Span> spans) {
        if (!RedactionTokens.containsIgnoreCase(input, "date on")
                || !RedactionTokens.containsIgnoreCase(input, "code")) {
            return false;
        }
        Matcher m = CODE_SAID.matcher(input);
        boolean found = false;
        while (m.find()) {
            spans.add(new Span(m.start(1), m.end(1), "card"));
            found = true;
        }
        return found;
    }

    private static boolean containsAny(String s, List<String> words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsAny(String s, List<String> words) {
        for (String w : words) {
            if (RedactionTokens.containsIgnoreCase(s, w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAsciiDigit(String s) {
        return hasCharIn(s, '0', '9');
    }

    private static boolean hasUpperAscii(String s) {
        return hasCharIn(s, 'A', 'Z');
    }

    private static boolean hasCharIn(String s, char lo, char hi) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= lo && c <= hi) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasPlateCue(String folded) {
        return folded.contains("plate")
                || folded.contains("reg")
                || folded.contains("tag")
                || folded.contains("kennzeichen")
                || folded.indexOf('牌') >= 0;
    }

    /** "our account is @hallamcars", "follow us @...", "我们 的 抖音": the shop's own handle, public, kept. */
    private static final Pattern BUSINESS_OWNER = Pattern.compile("(?i)(?:\\bour\\b|\\bus\\b|我们|本店|咱们)");

    /** Words that make a handle a business's: "riverside motors official", 城东汽车. */
    private static final Pattern BUSINESS_WORDS = Pattern.compile(
            "(?i)\\b(?:motors?|cars|auto|autos|official|dealership|dealer|garage|store|shop|showroom|group)\\b|汽车|车行|4s|店");

    /** A shop's store, said as such before its handle: 本店, 我们店, 咱们店. */
    private static final Pattern SHOP_OWNER = Pattern.compile("本店|我们店|咱们店|我们 店|咱们 店");

    /**
     * The shop's own handle, public, kept: after our / us / 我们 when the handle names a business, or after 本店 /
     * 我们店. "follow us on tiktok it's fast lane fiona" is a person's; so is 我们 销售 的 微信 (a salesperson's own).
     */
    private static boolean shopHandle(String text, SpokenNumbers.Found f) {
        int from = Math.max(0, f.start() - 30);
        if (SHOP_OWNER.matcher(text).region(from, f.start()).find()) {
            return true;
        }
        return businessBefore(text, f.start())
                && BUSINESS_WORDS.matcher(text).region(f.start(), f.end()).find();
    }

    private static boolean businessBefore(String text, int at) {
        return BUSINESS_OWNER.matcher(text).region(Math.max(0, at - 30), at).find();
    }

    /**
     * A name written in the dotted form of transliterated and minority names after a field or cue for a person
     * (买家：阿不都热合曼·吐尔逊, 收件人：迪丽热巴·迪力木拉提). The cue is needed: 阿斯顿·马丁 is a car.
     */
    private static final Pattern DOTTED_NAME = Pattern.compile("(?<=(?:买家|卖家|收件人|收货人|寄件人|签收人|客户|顾客|车主|姓名"
            + "|名字|联系人|申请人|持卡人|借款人|下单人|预约人|户名|我叫|叫做)[：:]?\\s?)\\p{IsHan}{2,8}[·•・]\\p{IsHan}{2,8}");

    /**
     * A sign-off under a written message: a dash, then a Chinese surname and one or two given characters, then a comma,
     * full stop or the end (……希望贵店能改进。——江语桐，2024年5月6日).
     */
    private static final Pattern ZH_SIGN_OFF =
            Pattern.compile("(?<=(?:——|--|—)\\s?)[" + NameLists.ZH_SURNAMES + "]\\p{IsHan}{1,2}(?=\\s*(?:[，,。.]|$))");

    /** A person's profile address on a social network: the path after the site names the person. */
    private static final Pattern PROFILE_URL =
            Pattern.compile("(?i)(?<![\\w.])(?:www\\.)?(?:linkedin\\.com/in/|instagram\\.com/"
                    + "|facebook\\.com/|fb\\.com/|tiktok\\.com/@|x\\.com/|twitter\\.com/|youtube\\.com/@|threads\\.net/@"
                    + "|weibo\\.com/(?:u/)?)([A-Za-z0-9._-]*[A-Za-z0-9])");

    /** The Australian state and postcode that end an address: "Mornington VIC 3931", "Parramatta NSW 2150". */
    private static final Pattern AU_POSTCODE = Pattern.compile("\\b(?:NSW|VIC|QLD|TAS|ACT|WA|SA|NT)\\s+\\d{4}\\b");

    /** A post office box: "PO Box 7731", "P.O. Box 12". */
    private static final Pattern PO_BOX = Pattern.compile("\\bP\\.?\\s?O\\.?\\s+Box\\s+\\d{1,6}\\b");

    /**
     * The town (and Canadian province) written right before a postcode: "Coventry CV3 6DN", "Toronto ON M4W 3M1",
     * "Mornington VIC 3931". A capitalised word that is no English word; the postcode alone leaves the town.
     */
    private static final Pattern TOWN_BEFORE = Pattern.compile(
            "(?:^|[,;]\\s*|\\s)([A-Z][a-z]{2,}(?:[ -][A-Z][a-z]{2,})?)(?:\\s+(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT))?\\s+$");

    /**
     * A person named after a form's field for one (实际用车人：何文静, 推荐人：老客户邓一鸣, 全名马晓东): a surname and one or
     * two characters.
     */
    private static final List<String> ZH_PERSON_FIELDS = List.of(
            "用车人", "推荐人", "介绍人", "担保人", "委托人", "代理人", "经办人", "购车人", "提车人", "受益人", "监护人", "被保险人", "投保人", "全名", "真名",
            "本名");

    private static final Pattern ZH_PERSON_FIELD = Pattern.compile("(?<=(?:" + String.join("|", ZH_PERSON_FIELDS)
            + ")(?:[：:是为]\\s?)?(?:老客户|客户)?)[" + NameLists.ZH_SURNAMES + "]\\p{IsHan}{1,2}");

    /**
     * A nickname or display name after its word: quoted (昵称“周小七”), after a colon (昵称：桃子爱开车), or a
     * pet name right after 小名, 外号 or 绰号 (小名婷婷).
     */
    private static final Pattern ZH_NICKNAME = Pattern.compile("(?<=(?:昵称|网名|小名|外号|绰号)[：:]?(?:是|叫)?)(?:[“「\"]"
            + "([^”」\"]{1,16})[”」\"]|((?<=[：:])[\\p{IsHan}A-Za-z0-9_]{2,16}|(?<=[名号称])\\p{IsHan}{2,4}(?=[）)，,。]|$)))");

    /**
     * A flat's number said digit by digit after its block, taken whole or not at all, never a count, a price or a date
     * said next ("... 二 单元 三 天 内", "... 八 零 八 十二 号 晚上": 808 goes, 十二 号 stays).
     */
    private static final String FLAT_DIGITS =
            ZH_DIGITS + "(?:\\s*室)?(?![\\s零〇一二三四五六七八九十百千万幺两洞0-9]*" + COUNTED + ")(?!\\s*[零〇一二三四五六七八九幺两洞0-9])";

    /**
     * A flat given by its block without a road word before it: "龙湖 两江 新宸 十七 栋 二 单元 二十三 楼 四 号", "保利 林语 十一 栋
     * 八 零 三". The block and at least one more part (unit, floor, room) say it is a home; "三 栋 楼" alone does not.
     */
    private static final Pattern ADDRESS_BLOCK = Pattern.compile(ZH_NUM + "\\s*(?:[栋棟]|幢|[号號]\\s*[楼樓])"
            + "(?:(?:\\s*" + ZH_NUM + "\\s*(?:[单單]\\s*元|[楼樓层層]|室))+(?:\\s*" + FLAT_DIGITS + ")?|\\s*" + FLAT_DIGITS
            + ")");

    /** A car named by a dynasty and its version (宋 PLUS, 唐 DM-i, 汉 EV, 秦 Pro): the character is no surname there. */
    private static final Pattern CAR_MODEL_AFTER =
            Pattern.compile("\\s*(?i:plus|dm-?[ip]|dm|ev|pro|max|l|up)(?![A-Za-z])");

    private static boolean carModelAt(String input, Span s) {
        return s.end() - s.start() == 1
                && "宋秦唐汉元".indexOf(input.charAt(s.start())) >= 0
                && CAR_MODEL_AFTER
                        .matcher(input)
                        .region(s.end(), input.length())
                        .lookingAt();
    }

    /** What the street rule takes for "2021 Focus ST": a model year, a capitalised model, ST in capitals. */
    private static final Pattern MODEL_YEAR_TRIM = Pattern.compile("(?:19|20)\\d{2}\\s+(?:[A-Z][\\w-]*\\s+){1,3}ST");

    /** A shop's own address named as such: 门店地址：上海市徐汇区漕宝路88号 is printed on every receipt. */
    private static final Pattern SHOP_ADDRESS = Pattern.compile("门店|本店|店址|我们店|咱们店|分店|总店|展厅|4S店");

    /** Postcodes found from {@code from} on take the town written before them ({@link #TOWN_BEFORE}). */
    private static void townBefore(String input, List<Span> spans, int from) {
        for (int k = from; k < spans.size(); k++) {
            Span s = spans.get(k);
            Matcher m = TOWN_BEFORE.matcher(input.substring(Math.max(0, s.start() - 40), s.start()));
            if (m.find()
                    && !NameLists.ENGLISH.contains(
                            m.group(1).toLowerCase(java.util.Locale.ROOT).split("[ -]")[0])) {
                spans.set(k, new Span(Math.max(0, s.start() - 40) + m.start(1), s.end(), s.kind()));
            }
        }
    }

    /** Where a written address's place names end on the left: 地址：|台北市大安區忠孝東路, 我家在|成都市武侯区玉林北路. */
    private static final String PLACE_STOPS = "在住到是址给給寄送往于於从從的和跟或";

    /** The most characters of place names taken before a written Chinese address's road word. */
    private static final int MOST_PLACE_CHARS = 16;

    /**
     * The start of a Chinese address written without spaces, moved left over the place names run together before its
     * road word ("成都市武侯区玉林北路12号": the city, district and road name narrow it to one street as much as the
     * number does). Said by a recognizer, the names are words apart and the number alone is taken.
     */
    private static int placeBefore(String text, int start) {
        int from = start;
        while (from > 0
                && start - from < MOST_PLACE_CHARS
                && Character.UnicodeScript.of(text.codePointAt(from - 1)) == Character.UnicodeScript.HAN
                && PLACE_STOPS.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        return from;
    }

    private static void regex(Pattern p, String text, String kind, List<Span> spans, int group) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            if (group > 0 && m.group(group).chars().noneMatch(Character::isDigit)) {
                continue;
            }
            spans.add(new Span(m.start(group), endBeforeSpace(text, m.start(group), m.end(group)), kind));
        }
    }

    /** A match's end without the spaces its optional tail may have taken: they stay between the words. */
    private static int endBeforeSpace(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
