package io.vocedge.device.insights;

import io.vocedge.device.insights.RedactionTokens.Token;
import io.vocedge.device.insights.RedactionTokens.Type;
import io.vocedge.device.insights.model.LookupSets;
import java.util.List;
import java.util.Set;

/**
 * Chinese names for {@link SpokenNames}, written (王志强) or in recognizer style with spaces (王 小明, 林 子 轩): a surname
 * from {@link NameLists#ZH_SURNAMES} after a cue (我是, 找一下, 收件人) with one or two given characters, any one to three
 * characters after a naming verb (我叫, 叫我, 名字是), the surname alone after 姓, a surname before a title (刘 经理 ->
 * {@code <name> 经理}), a surname said by its parts (弓 长 张) and, once a name is found, the words that explain its
 * characters (梦想 的 梦, 两 点 水 一个 马). Without a cue a surname character is an ordinary word (王 牌, 钱 不是 问题).
 */
final class ChineseNames {
    private static final String KIND = "name";

    /** Cues after which one to three characters are a name, whatever they are. */
    private static final List<String> NAMING =
            List.of("我叫", "叫我", "名叫", "名字叫", "名字是", "名是", "名字写", "姓名", "叫", "念作", "昵称叫", "昵称是");
    /**
     * The speaker's own brothers and sisters (我 弟弟 黄子豪, 我哥哥，吴海涛): 哥哥, 姐姐 and 妹妹 said alone are as often
     * said to staff ("谢 谢 妹 妹 包 得 好"), so only after 我.
     */
    private static final List<String> OWN_SIBLINGS = List.of("弟弟", "我哥", "我弟", "我姐", "我妹", "我哥哥", "我弟弟", "我姐姐", "我妹妹");

    /** Cues after which only a listed surname (and its given name) is a name. */
    private static final List<String> SURNAME_CUES = concat(
            concat(
                    List.of(
                            "找一下", "约一下", "问一下", "叫一下", "我是", "是", "找", "约", "跟", "同事", "顾问", "妈妈", "爸爸", "老婆", "老公",
                            "写", "收件人", "收货人", "联系人", "预约人", "客户", "给", "问", "喊", "女儿", "儿子", "销售", "客服", "接待", "师傅",
                            "专员", "技师", "店长", "主管", "司机", "我爸", "我妈", "爱人", "媳妇", "丈夫", "妻子", "太太", "父亲", "母亲", "岳父",
                            "岳母", "公公", "婆婆", "车主", "名字", "户名", "持卡人", "写的是", "应该是", "抬头写", "抬头是", "转告", "告诉", "通知",
                            "联系", "写成", "朋友", "签名", "经办人", "负责人", "查勘员", "区域经理", "客户经理", "交给", "本人", "借款人", "贷款人",
                            "开户人", "申请人", "顾客", "机主", "承租人", "租车人", "购车人", "业主", "投保人", "被保险人",
                            "联络人"), // Hong Kong and Taiwan: 聯絡人
                    OWN_SIBLINGS),
            List.of("行政", "助理", "秘书")); // colleagues named by their role (我们行政孙倩)
    /**
     * Cues that are as often said before a thing (联系方式, 写的是全款, 应该是黄色): after them a name needs a common
     * given-name character or a title right after its surname.
     */
    private static final Set<String> WEAK_CUES =
            LookupSets.of("写的是", "应该是", "抬头写", "抬头是", "转告", "告诉", "通知", "联系", "写成");

    /** Fields of a form or an order, after which a listed surname starts a name even in written text. */
    private static final Set<String> FORM_CUES = LookupSets.of(
            "收件人", "收货人", "联系人", "预约人", "持卡人", "抬头写", "抬头是", "签名", "经办人", "负责人", "借款人", "贷款人", "开户人", "申请人", "联络人");

    private static final Set<String> CURRENCIES =
            LookupSets.of("港幣", "港币", "人民", "美金", "美元", "台幣", "台币", "新台", "日元", "欧元", "歐元", "英镑", "英鎊");

    private static boolean currencyAt(List<RedactionTokens.Token> tokens, int j) {
        return j + 1 < tokens.size()
                && CURRENCIES.contains(tokens.get(j).lower() + tokens.get(j + 1).lower());
    }

    /** Family cues a name may follow after a comma, as an aside: "车主 是 我 爸 ， 张 建国". */
    private static final Set<String> KIN_CUES = LookupSets.copyOf(concat(
            List.of(
                    "妈妈", "爸爸", "老婆", "老公", "女儿", "儿子", "我爸", "我妈", "爱人", "媳妇", "丈夫", "妻子", "太太", "父亲", "母亲", "岳父",
                    "岳母", "公公", "婆婆"),
            OWN_SIBLINGS));

    private static List<String> concat(List<String> first, List<String> then) {
        return java.util.stream.Stream.concat(first.stream(), then.stream()).toList();
    }

    /** Cues after which only the surname comes. */
    private static final List<String> SURNAME_ONLY = List.of("我姓", "免贵姓", "贵姓", "姓");
    /** Characters a name does not contain: particles, pronouns, verbs, numerals. */
    private static final String STOP = "的是不吗了他她我你在和说也就都还要有啊呢吧这那车上下来去给让跟把被很太么什呀哦嗯呃个们它对好请您谢再又会能"
            + "可以没与及或但而从到为将已经过着看想找问叫姓名号点元块岁年月日天分者配错啥出回起醒进喔哈嘛啦哟一二三四五六七八九十零两百千万幺连自";
    /** Cue characters a written surname may stand right after (找钱经理, 是唐先生). */
    private static final String BEFORE_TITLE = "找是跟请叫给位问喊约告诉知系下"; // 转告, 告诉, 通知, 联系, 一下
    /** Words that explain a character's shape: 两 点 水, 王字旁, 草字头, 立刀, 走之. */
    private static final List<String> SHAPE_MARKS = List.of("点水", "字旁", "字头", "立刀", "走之", "偏旁");

    /** Character sets looked up per token (one bit each, no scan of a string). */
    private static final java.util.BitSet SURNAME_SET = bits(NameLists.ZH_SURNAMES);

    private static final java.util.BitSet STOP_SET = bits(STOP);
    private static final String[] TITLES = NameLists.ZH_TITLES.toArray(new String[0]);
    private static final java.util.BitSet TITLE_FIRSTS = firsts(NameLists.ZH_TITLES);
    /** First characters of everything the scan starts at: cues, titles, parts, 小/老. */
    private static final java.util.BitSet STARTS = starts();

    private static java.util.BitSet bits(String chars) {
        java.util.BitSet b = new java.util.BitSet(65536);
        chars.chars().forEach(b::set);
        return b;
    }

    private static java.util.BitSet firsts(java.util.Collection<String> words) {
        java.util.BitSet b = new java.util.BitSet(65536);
        words.forEach(w -> b.set(w.charAt(0)));
        return b;
    }

    private static java.util.BitSet starts() {
        java.util.BitSet b = new java.util.BitSet(65536);
        for (List<String> cues : List.of(NAMING, SURNAME_CUES, SURNAME_ONLY)) {
            b.or(firsts(cues));
        }
        b.or(firsts(NameLists.ZH_TITLES));
        b.or(firsts(NameLists.ZH_PARTS.keySet()));
        b.set('小');
        b.set('老');
        b.set('阿');
        return b;
    }

    private ChineseNames() {}

    static void find(List<Token> tokens, List<SpokenNumbers.Found> out, Set<String> found) {
        int n = tokens.size();
        StringBuilder chars = new StringBuilder();
        int before = out.size();
        boolean nameTalk = nameTalk(tokens);
        int talk = nameTalk ? 1 : -1; // -1: not known yet (titles are looked for only when a bare cue needs it)
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (t.type() != Type.HAN || !STARTS.get(t.lower().charAt(0))) {
                continue;
            }
            int len = parts(tokens, i);
            if (len > 0) {
                char surname = tokens.get(i + 2).lower().charAt(0);
                out.add(span(tokens, i, i + 2));
                chars.append(surname);
                continue;
            }
            title(tokens, i, out, chars);
            if (nickname(tokens, i)) {
                out.add(span(tokens, i, i + 1)); // 小 孔, 老 许, 阿 芳: a nickname made of the surname or a given name
                chars.append(ch(tokens, i + 1));
            }
            for (String cue : SURNAME_ONLY) {
                int c = match(tokens, i, cue);
                if (c > 0 && !(cue.equals("姓") && i > 0 && tokens.get(i - 1).is("贵"))) {
                    surname(tokens, i + c, false, false, out, chars);
                }
            }
            for (String cue : NAMING) {
                int c = match(tokens, i, cue);
                // 姓名 is a person's whatever came before (车主 姓名 袁 梦); 这 款 车 叫 汉 names a thing
                // 她叫赵秀兰: a pronoun for a person before 叫 wins over a thing said before it (留我妈的号吧，她叫...)
                if (c > 0
                        && !(cue.charAt(0) != '我'
                                && !cue.equals("姓名")
                                && !(i > 0
                                        && (tokens.get(i - 1).is("她")
                                                || tokens.get(i - 1).is("他")))
                                && thingBefore(tokens, i))) {
                    boolean bare = cue.equals("叫");
                    if (!(bare && i > 0 && isHan(tokens, i - 1) && RHETORIC.indexOf(ch(tokens, i - 1)) >= 0)
                            && !(bare && currencyAt(tokens, i + c))) { // 叫 港幣 二十五 萬: a price asked
                        int j = i + c;
                        if (!bare
                                && j < n
                                && (tokens.get(j).is(":") || tokens.get(j).is("："))) {
                            j++; // a form: 姓名：吴敏
                        }
                        naming(tokens, j, bare, out, chars, found); // not 这 也 叫 优惠, 还 叫 送 吗
                    }
                    break;
                }
            }
            for (String cue : SURNAME_CUES) {
                int c = match(tokens, i, cue);
                if (c > 0 && latinName(tokens, i + c)) {
                    out.add(span(tokens, i + c, i + c)); // 你 找 david 就 行: a listed first name said in English
                    continue;
                }
                boolean generic = cue.length() == 1; // 是, 找, 写: the spaced form only (是 王字旁 is no name)
                if (c > 0 && generic && talk < 0) {
                    talk = hasTitle(tokens) || correction(tokens) ? 1 : 0;
                }
                if (c > 0 && WEAK_CUES.contains(cue) && !commonNameAfter(tokens, i + c)) {
                    continue; // 联系 方 式, 写 的 是 金 额, 应该 是 黄 色: a word said character by character
                }
                // and in a line that talks of names (是 高 配 is no name), or that named someone already (不 是 X 是 Y)
                if (c > 0 && (!generic || talk > 0 || chars.length() > 0)) {
                    int j = i + c;
                    boolean field = false; // 车主是 / 车主： before the name: a field, not a word written on (跟车主解释)
                    if (!generic && isHan(tokens, j) && "写是叫为系".indexOf(ch(tokens, j)) >= 0) { // 系: Cantonese 係, folded
                        j++; // 收件 人 写 贺 敏, 联系 人 是 ...
                        field = true;
                    } else if (KIN_CUES.contains(cue)
                            && j + 1 < n
                            && (tokens.get(j).is("，") || tokens.get(j).is(","))) {
                        j++; // 我 爸 ， 张 建国
                    }
                    if (j < n && (tokens.get(j).is("：") || tokens.get(j).is(":"))) {
                        j++; // 收货人：沈佳宜
                        field = true;
                    }
                    if (officialSite(tokens, j)) {
                        continue; // 联系人上官网查
                    }
                    int run = runEnd(tokens, j);
                    // written on: after a form field (收货人沈佳宜电话), or after another cue when the next character is
                    // a common given-name one (我是吕涛上次买的; 我是全款 stays: 款 is none)
                    if (joined(tokens, j, j + 1)
                            && !spacedAfterDoubleSurname(tokens, j)
                            && (FORM_CUES.contains(cue)
                                    || field && cue.equals("车主")
                                    // 客户姓名是<name>，不是周佳宁: the name a found one corrects
                                    || generic
                                            && cue.equals("是")
                                            && i > 0
                                            && tokens.get(i - 1).is("不")
                                            && joined(tokens, j - 1, j) // written on: 不是周佳宁, not 不是 方向 的 方
                                            && chars.length() > 0
                                    || !generic && isSurname(ch(tokens, j)) && CUED_GIVEN_SET.get(ch(tokens, j + 1))
                                    || !generic && writtenDouble(tokens, j))) { // 客户欧阳娜娜
                        writtenName(tokens, j, run, false, out, chars);
                    } else {
                        surname(tokens, j, true, generic, out, chars);
                    }
                }
            }
        }
        namedAs(tokens, out, chars);
        List<SpokenNumbers.Found> bare = uncued(tokens, chars);
        out.addAll(bare);
        if (out.size() == before && !nameTalk) {
            return;
        }
        explanations(tokens, out, chars, nameTalk, bare);
        for (int k = 0; k < chars.length(); k++) {
            found.add(String.valueOf(chars.charAt(k)));
        }
    }

    /** The line talks of names (名字, 姓, 拼音, 叫): a surname character explained there is a name's. */
    static boolean nameTalk(List<Token> tokens) {
        for (Token t : tokens) {
            if (t.type() == Type.HAN && NAME_TALK.indexOf(t.lower().charAt(0)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static final String NAME_TALK = "名姓拼叫";

    /**
     * A correction said as one (不对, 说错): 不对 不是 王 芳 是 程 静; a bare 是 after it introduces the right name. Not 不是
     * 周末 是 周一: without a word of correcting, 不是 ... 是 contrasts anything.
     */
    private static boolean correction(List<Token> tokens) {
        boolean correcting = false;
        for (int k = 0; k < tokens.size(); k++) {
            correcting |= tokens.get(k).is("不对")
                    || tokens.get(k).is("说错了") // one token after SpokenNumbers.merge
                    || k + 1 < tokens.size()
                            && (tokens.get(k).is("不") && tokens.get(k + 1).is("对")
                                    || tokens.get(k).is("说")
                                            && tokens.get(k + 1).is("错"));
        }
        if (!correcting) {
            return false;
        }
        for (int k = 0; k + 2 < tokens.size(); k++) {
            if (tokens.get(k).is("不") && tokens.get(k + 1).is("是")) {
                for (int q = k + 3; q < tokens.size(); q++) {
                    if (tokens.get(q).is("是")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean hasTitle(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (titleAt(tokens, i)) {
                return true;
            }
        }
        return false;
    }

    /** Words before a bare 叫 that say a thing is named, not a person (这 款 车 叫 汉, 那 家 店 叫 ...). */
    private static final String THINGS = "车款型店牌台辆品号这那色";

    /** Characters before a bare 叫 that make it rhetorical ("这 也 叫 优惠", "还 叫 送 吗", "什么 叫"). */
    private static final String RHETORIC = "还也才就都么这";

    /** Numerals and measure words: the character after one is a noun's, not a surname (一 条 龙). */
    private static final String MEASURES = "一二三四五六七八九十两几条个只台辆件";

    private static boolean thingBefore(List<Token> tokens, int i) {
        for (int k = Math.max(0, i - 4); k < i; k++) {
            if (tokens.get(k).is("那个")) {
                continue; // a filler ("嗯 那个 我 老板 叫 雷 军"), one token after SpokenNumbers.merge; a thing still shows
            }
            if (isHan(tokens, k) && THINGS.indexOf(ch(tokens, k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Characters of a phrase matched from token {@code i} across spaces: the number of tokens, or 0. */
    private static int match(List<Token> tokens, int i, String phrase) {
        if (i + phrase.length() > tokens.size()) {
            return 0;
        }
        for (int k = 0; k < phrase.length(); k++) {
            Token t = tokens.get(i + k);
            if (t.type() != Type.HAN || t.lower().charAt(0) != phrase.charAt(k)) {
                return 0;
            }
        }
        return phrase.length();
    }

    private static boolean isHan(List<Token> tokens, int i) {
        return i >= 0 && i < tokens.size() && tokens.get(i).type() == Type.HAN;
    }

    private static char ch(List<Token> tokens, int i) {
        return tokens.get(i).lower().charAt(0);
    }

    /** Token {@code j} is written right after token {@code i}, no space between (one word). */
    private static boolean joined(List<Token> tokens, int i, int j) {
        return isHan(tokens, i)
                && isHan(tokens, j)
                && tokens.get(i).end() == tokens.get(j).start();
    }

    private static boolean isSurname(char c) {
        return SURNAME_SET.get(c);
    }

    /** 弓 长 张, 木子 李: the two parts and the surname they make; 3 tokens, or 0. */
    private static int parts(List<Token> tokens, int i) {
        if (!isHan(tokens, i + 2) || !isHan(tokens, i + 1)) {
            return 0;
        }
        Character c = NameLists.ZH_PARTS.get("" + ch(tokens, i) + ch(tokens, i + 1));
        return c != null && ch(tokens, i + 2) == c ? 3 : 0;
    }

    /** A surname before a title: 刘 经理, 唐先生, 常 总 (the surname only; the title says who, not which person). */
    private static void title(List<Token> tokens, int i, List<SpokenNumbers.Found> out, StringBuilder chars) {
        if (i == 0 || !isHan(tokens, i - 1)) {
            return;
        }
        String title = null;
        if (!TITLE_FIRSTS.get(ch(tokens, i))) {
            return;
        }
        for (String t : TITLES) {
            if (t.charAt(0) == ch(tokens, i)
                    && match(tokens, i, t) > 0
                    && (title == null || t.length() > title.length())) {
                title = t;
            }
        }
        if (title == null) {
            return;
        }
        int last = i + title.length() - 1;
        if (title.length() == 1
                && (joined(tokens, last, last + 1) || isHan(tokens, last + 1) && !STOP_SET.get(ch(tokens, last + 1)))
                && !clauseStartTitle(tokens, i, last)) {
            return; // 总 in 总共 or 金 总 价: a one-character title ends a word (蒋 总 他, 常 总 的)
        }
        int s = i - 1;
        int first = s;
        int spaced = spacedFullName(tokens, s);
        if (spaced >= 0) {
            first = spaced;
        } else if (!isSurname(ch(tokens, s))) {
            if (s > 0 && doubleSurname(tokens, s - 1)) {
                first = s - 1;
            } else {
                first = fullNameBefore(tokens, s); // 张伟先生, 金 敏 俊 先生, 端木蓉女士: the whole name before the title
                if (first < 0) {
                    return;
                }
            }
        } else if (s > 0 && doubleSurname(tokens, s - 1)) {
            first = s - 1;
        }
        if (isHan(tokens, first - 1)
                && (MEASURES.indexOf(ch(tokens, first - 1)) >= 0 || ch(tokens, first - 1) == ch(tokens, s))) {
            return; // 一 条 龙 师傅, 谢 谢 师 傅: a measure word or a doubled character, no surname
        }
        boolean standalone = !joined(tokens, first - 1, first)
                || BEFORE_TITLE.indexOf(ch(tokens, first - 1)) >= 0
                || writtenOnTitle(tokens, first, title); // 尊敬的司徒先生, 已由蒋经理, 明天张阿姨
        if (!standalone && first == s) {
            // 李建华先生: the character before the title is a surname too (华), but it ends a full written name
            int full = fullNameBefore(tokens, s);
            if (full >= 0 && (!joined(tokens, full - 1, full) || BEFORE_TITLE.indexOf(ch(tokens, full - 1)) >= 0)) {
                first = full;
                standalone = true;
            }
        }
        if (standalone) {
            out.add(span(tokens, first, s));
            for (int k = first; k <= s; k++) {
                chars.append(ch(tokens, k));
            }
        }
    }

    /**
     * A recognizer's full name before a title, as words apart: a one-character surname, then a two-character given name
     * that is no word (何 家豪 先生, 李 秀梅 女士; not 王 总经理, 前台 小姐). {@code s} is the given name's last character;
     * the surname's index, or -1.
     */
    private static int spacedFullName(List<Token> tokens, int s) {
        int g = s - 1;
        return g >= 1
                        && joined(tokens, g, s)
                        && !joined(tokens, g - 1, g)
                        && !joined(tokens, s, s + 1)
                        && isHan(tokens, g - 1)
                        && isSurname(ch(tokens, g - 1))
                        && !joined(tokens, g - 2, g - 1)
                        && !STOP_SET.get(ch(tokens, g))
                        && !NameLists.ZH_WORDS.contains(ch(tokens, g), ch(tokens, s))
                ? g - 1
                : -1;
    }

    /**
     * A surname written on after another character, before a title of two characters: a name when the character before
     * and the surname make no word (由蒋经理, 天张阿姨, 的司徒先生; not 公司经理, whose 司 ends 公司).
     */
    private static boolean writtenOnTitle(List<Token> tokens, int first, String title) {
        return title.length() >= 2
                && first > 0
                && isHan(tokens, first - 1)
                && tokens.get(first).lower().length() == 1
                && !NameLists.ZH_WORDS.contains(ch(tokens, first - 1), ch(tokens, first));
    }

    /**
     * The first index of a full name ending at {@code s} right before a title: one or two given characters (common
     * ones after a one-character surname, any that is no particle after a two-character one) and the surname before
     * them; -1 when there is none.
     */
    private static int fullNameBefore(List<Token> tokens, int s) {
        for (int givens = 1; givens <= 2; givens++) {
            int g = s - givens + 1; // first given character
            if (g < 1 || !isHan(tokens, g)) {
                return -1;
            }
            if (tokens.get(g).lower().length() != 1 || STOP_SET.get(ch(tokens, g))) {
                return -1;
            }
            if (givens == 2 && !joined(tokens, g, g + 1) && joined(tokens, g - 1, g)) {
                return -1; // written on to what is before, spaced from what is after: no name's shape
            }
            if (g >= 2 && doubleSurname(tokens, g - 2)) {
                return g - 2; // 端木蓉, 宇文 泰, 夏侯 婷婷
            }
            boolean common = true;
            for (int q = g; q <= s; q++) {
                common &= (q == g ? CUED_GIVEN_SET : SECOND_GIVEN_SET).get(ch(tokens, q));
            }
            if (common
                    && isHan(tokens, g - 1)
                    && isSurname(ch(tokens, g - 1))
                    && tokens.get(g - 1).lower().length() == 1) {
                return g - 1; // 张伟, 金 敏 俊
            }
        }
        return -1;
    }

    /**
     * A written surname and one-character title opening a clause, before what a person does: 杜总说..., 王总明天来,
     * 李总都在开会 (not 总共, 金总价: the character after the title says so).
     */
    private static boolean clauseStartTitle(List<Token> tokens, int i, int last) {
        int s = i - 1;
        return isHan(tokens, s)
                && isSurname(ch(tokens, s))
                && joined(tokens, s, i)
                && !joined(tokens, s - 1, s)
                && joined(tokens, last, last + 1)
                && AFTER_CLAUSE_TITLE.indexOf(ch(tokens, last + 1)) >= 0;
    }

    /** A surname at {@code j} (single or double), with its given name when {@code given}. */
    private static void surname(
            List<Token> tokens,
            int j,
            boolean given,
            boolean spacedOnly,
            List<SpokenNumbers.Found> out,
            StringBuilder chars) {
        if (!isHan(tokens, j)) {
            return;
        }
        int last;
        if (doubleSurname(tokens, j)) {
            last = j + 1;
        } else if (isSurname(ch(tokens, j))) {
            last = j;
        } else {
            return;
        }
        if (spacedOnly
                && (joined(tokens, last, last + 1)
                        || !isHan(tokens, last + 1)
                        || STOP_SET.get(ch(tokens, last + 1))
                        || titleAt(tokens, last + 1))) {
            return; // 是 王字旁, 是 不是: no name; 是 唐 先生 is the title rule's
        }
        if (joined(tokens, j - 1, j) && joined(tokens, last, last + 1) && !STOP_SET.get(ch(tokens, last + 1))) {
            return; // 我是全款, 客户张嘴: written on both sides, no way to tell a name from a word
        }
        if (given && !joined(tokens, j - 1, j) && joined(tokens, last, last + 1)) {
            return; // 客户 高兴, 老婆 商量, 顾问 周末: spaced from the cue, written on to a word
        }
        if (given) {
            int surnameEnd = last;
            last = givenName(tokens, last, spacedOnly);
            if (last == surnameEnd && !titleAt(tokens, last + 1)) {
                return; // a surname character alone after 我是 is a word (我 是 王 者 荣耀); 我 是 王 经理 is a name
            }
        }
        out.add(span(tokens, j, last));
        for (int k = j; k <= last; k++) {
            chars.append(ch(tokens, k));
        }
    }

    /** 欧阳 明轩: a two-character surname written as one word, its given name spaced from it (not written on). */
    private static boolean spacedAfterDoubleSurname(List<Token> tokens, int j) {
        return doubleSurname(tokens, j) && !joined(tokens, j + 1, j + 2);
    }

    /** A two-character surname (欧阳, 司马) starts at token {@code j}. */
    private static boolean doubleSurname(List<Token> tokens, int j) {
        return isHan(tokens, j)
                && isHan(tokens, j + 1)
                && NameLists.ZH_DOUBLE.contains("" + ch(tokens, j) + ch(tokens, j + 1));
    }

    private static boolean titleAt(List<Token> tokens, int i) {
        if (!isHan(tokens, i) || !TITLE_FIRSTS.get(ch(tokens, i))) {
            return false;
        }
        for (String t : TITLES) {
            if (match(tokens, i, t) > 0) {
                return true;
            }
        }
        return false;
    }

    /** One or two given-name characters after the surname ending at {@code s}: the index of the last. */
    private static int givenName(List<Token> tokens, int s, boolean spacedOnly) {
        int last = s;
        int count = 0;
        int k = s + 1;
        while (count < 2 && isHan(tokens, k) && !STOP_SET.get(ch(tokens, k)) && !titleAt(tokens, k)) {
            int wordEnd = k;
            while (joined(tokens, wordEnd, wordEnd + 1)) {
                wordEnd++;
            }
            int len = wordEnd - k + 1;
            boolean writtenOn = joined(tokens, s, k); // 王志强: the given name is written on to the surname
            if (len > 1 && !(count == 0 && len == 2)) {
                break;
            }
            if (writtenOn && spacedOnly) {
                break;
            }
            for (int q = k; q <= wordEnd; q++) {
                if (STOP_SET.get(ch(tokens, q))) {
                    return last;
                }
            }
            last = wordEnd;
            count += len;
            k = wordEnd + 1;
        }
        return last;
    }

    /** After a naming verb: a Latin word ("叫 Jessica") or one to three characters that are no particle. */
    private static void naming(
            List<Token> tokens,
            int j,
            boolean bare,
            List<SpokenNumbers.Found> out,
            StringBuilder chars,
            Set<String> found) {
        if (j >= tokens.size()) {
            return;
        }
        Token t = tokens.get(j);
        if (t.type() == Type.WORD) {
            if (t.lower().length() >= 2 && !SpokenNumbers.isSpelledLetter(t)) {
                out.add(new SpokenNumbers.Found(t.start(), t.end(), KIND));
                found.add(t.lower());
            }
            return;
        }
        int run = runEnd(tokens, j);
        if (run - j + 1 > 3) {
            writtenName(tokens, j, run, !bare, out, chars); // 你好我叫王志强上周来看过: no space tells where it ends
            return;
        }
        int last = -1;
        int count = 0;
        int k = j;
        boolean doubleSurname = spacedAfterDoubleSurname(tokens, j); // 叫 欧阳 娜娜: four characters, two words
        int max = doubleSurname ? 4 : 3;
        while (count < max && isHan(tokens, k)) {
            int wordEnd = k;
            while (joined(tokens, wordEnd, wordEnd + 1)) {
                wordEnd++;
            }
            int len = wordEnd - k + 1;
            if (count + len > max
                    || count > 0 && k - 2 >= j && joined(tokens, k - 2, k - 1) && !(doubleSurname && k == j + 2)) {
                break; // three characters at most, nothing after a word of two (叫 朋友 帮 我)
            }
            boolean stop = false;
            for (int q = k; q <= wordEnd; q++) {
                // 谢 is "thanks" and a surname: first after a naming verb, not doubled, it is the surname (叫 谢 雨欣)
                boolean surnameXie =
                        q == j && ch(tokens, q) == '谢' && !(isHan(tokens, q + 1) && ch(tokens, q + 1) == '谢');
                stop |= STOP_SET.get(ch(tokens, q))
                        && !surnameXie
                        && !(isSurname(ch(tokens, j)) && givenDespiteStop(tokens, q, j, wordEnd)); // 叫 林可欣
            }
            if (stop || titleAt(tokens, k)) {
                break;
            }
            if (count == 0 && wordEnd > k && isSurname(ch(tokens, k)) && titleAt(tokens, k + 1)) {
                last = k; // 姓名黄小姐: the surname goes, the title stays, as after any other cue
                break;
            }
            last = wordEnd;
            count += len;
            k = wordEnd + 1;
        }
        if (bare
                && last >= j
                && isHan(tokens, last + 1)
                && !joined(tokens, last + 1, last + 2)
                && !STOP_SET.get(ch(tokens, last + 1))) {
            return; // after a bare 叫 the name ends the clause: 叫 朋友 帮 我 is a verb phrase
        }
        if (last >= j) {
            out.add(span(tokens, j, last));
            if (isSurname(ch(tokens, j))) {
                chars.append(ch(tokens, j));
            }
            for (int q = j + 1; q <= last; q++) {
                chars.append(ch(tokens, q));
            }
        }
    }

    /** Words that often follow a name in written text: where a name written on to them ends (孙丽联系电话). */
    private static final List<String> AFTER_WRITTEN_NAME = List.of(
            "联系", "电话", "手机", "微信", "邮箱", "地址", "车牌", "身份", "预约", "时间", "上周", "今天", "明天", "昨天", "之前", "以前", "不是", "就是",
            "先生", "女士", "小姐", "英文", "拼音", "大名", "小名");

    /**
     * A name after a naming cue in written text, where the characters run on into the next words (我叫王志强上周来看过,
     * 我老公叫何伟他电话是): a surname (double ones too) and one or two given characters, up to a particle, a title or
     * a word that follows names; without a listed surname (a nickname: 叫我老许就行) two characters, only where
     * {@code nickname} allows it (never after a bare 叫: 叫朋友帮我看看 is a verb phrase; never after a form's field).
     */
    private static void writtenName(
            List<Token> tokens,
            int j,
            int runEnd,
            boolean nickname,
            List<SpokenNumbers.Found> out,
            StringBuilder chars) {
        int surnameEnd;
        if (doubleSurname(tokens, j)) {
            surnameEnd = j + 1;
        } else if (isSurname(ch(tokens, j))) {
            surnameEnd = j;
        } else if (!nickname) {
            return;
        } else {
            surnameEnd = j - 1;
        }
        int last = surnameEnd;
        int maxLast = surnameEnd < j ? j + 1 : surnameEnd + 2;
        while (last < maxLast && last < runEnd) {
            int k = last + 1;
            if (STOP_SET.get(ch(tokens, k)) && !givenDespiteStop(tokens, k, surnameEnd, runEnd)
                    || titleAt(tokens, k)
                    || startsAfterWord(tokens, k)) {
                break;
            }
            last = k;
        }
        if (last - j + 1 < 2 && !(last == surnameEnd && titleAt(tokens, last + 1))) {
            return; // a surname alone counts before a title: 预约人龚先生
        }
        out.add(span(tokens, j, last));
        for (int q = j; q <= last; q++) {
            chars.append(ch(tokens, q));
        }
    }

    /** Stop characters that start many given names (赵一鸣, 林可欣, 钱一诺) when a given-name character follows. */
    private static final String GIVEN_DESPITE_STOP = "一可";

    private static boolean givenDespiteStop(List<Token> tokens, int k, int surnameEnd, int runEnd) {
        return k == surnameEnd + 1
                && GIVEN_DESPITE_STOP.indexOf(ch(tokens, k)) >= 0
                && k + 1 <= runEnd
                && isHan(tokens, k + 1)
                && SECOND_GIVEN_SET.get(ch(tokens, k + 1));
    }

    /**
     * The last token of the written run (no spaces) that starts at {@code j}, looked at for eight characters at most:
     * a name is shorter, and a long line written without spaces must not cost a scan per cue.
     */
    private static int runEnd(List<Token> tokens, int j) {
        int run = j;
        while (run < j + 8 && joined(tokens, run, run + 1)) {
            run++;
        }
        return run;
    }

    private static boolean startsAfterWord(List<Token> tokens, int k) {
        return startsWithAny(tokens, k, AFTER_WRITTEN_NAME);
    }

    /** One of {@code words} starts at token {@code k} (across spaces, as {@link #match} reads). */
    private static boolean startsWithAny(List<Token> tokens, int k, List<String> words) {
        for (String w : words) {
            if (match(tokens, k, w) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Words that explain a name's characters, once a name is in the utterance: "梦想 的 梦" (the character after 的),
     * "马 是 ..." (a name character alone before 是), a surname alone again, and shape words (两 点 水 一个 马).
     */
    private static void explanations(
            List<Token> tokens,
            List<SpokenNumbers.Found> out,
            StringBuilder chars,
            boolean nameTalk,
            List<SpokenNumbers.Found> bare) {
        int n = tokens.size();
        for (int k = 0; k < n; k++) {
            if (!isHan(tokens, k)) {
                continue;
            }
            char c = ch(tokens, k);
            boolean alone = !joined(tokens, k - 1, k) && !joined(tokens, k, k + 1);
            boolean nameChar = has(chars, c);
            boolean talk = nameChar || isSurname(c) && nameTalk;
            if (talk && alone && k >= 2 && tokens.get(k - 1).is("的")) {
                int first = wordWith(tokens, k - 2, c); // 梦想 的 梦, 方 块 的 方, 石头 的 石
                boolean denied = first >= 2
                        && tokens.get(first - 1).is("是")
                        && tokens.get(first - 2).is("不");
                if (first >= 0 && (nameChar || !denied)) { // 不是 方向 的 方: the character it is not
                    out.add(span(tokens, first, k));
                    continue;
                }
            }
            if (nameChar
                    && alone
                    && chars.length() > 2
                    && isHan(tokens, k + 1)
                    && !joined(tokens, k + 1, k + 2)
                    && chars.indexOf(String.valueOf(c) + ch(tokens, k + 1)) > 0) {
                out.add(span(tokens, k, k + 1)); // the given name said again: 那个 国 庆
                k++;
                continue;
            }
            if (nameChar
                    && alone
                    && (k > 0 && tokens.get(k - 1).is("的")
                            || k + 1 < n && tokens.get(k + 1).is("是")
                            || isSurname(c) && chars.length() > 0 && chars.charAt(0) == c)) {
                if (covered(tokens, k, bare)
                        || k > 0
                                && (tokens.get(k - 1).is("小")
                                        || tokens.get(k - 1).is("老"))
                                && covered(tokens, k, out)) {
                    // the name found without a cue itself ("赵 磊 帮 我"), or the surname of a nickname just found (小 孙
                    // 人 真 好): no name said again
                    continue;
                }
                int last = chars.charAt(0) == c ? givenName(tokens, k, false) : k; // 陈 陈 建国: the name again
                out.add(span(tokens, k, last));
                for (int q = k + 1; q <= last; q++) {
                    chars.append(ch(tokens, q));
                }
            }
            for (int mk = 0; mk < SHAPE_MARKS.size() && "点字立走偏".indexOf(c) >= 0; mk++) {
                String mark = SHAPE_MARKS.get(mk);
                int m = match(tokens, k, mark);
                if (m > 0) {
                    int first = k;
                    while (joined(tokens, first - 1, first)) {
                        first--;
                    }
                    if (mark.equals("点水") && isHan(tokens, first - 1) && "两三".indexOf(ch(tokens, first - 1)) >= 0) {
                        first--;
                    }
                    int last = k + m - 1;
                    for (int q = last + 1; q < Math.min(n, last + 5); q++) {
                        if (tokens.get(q).is("个") && isHan(tokens, q + 1)) {
                            last = q + 1;
                            break;
                        }
                    }
                    out.add(span(tokens, first, last));
                }
            }
        }
    }

    /**
     * Start of the word ending at token {@code end} that contains {@code c} (石头 for 石, or 方 块 said apart): the
     * word a character is explained by; -1 when it does not contain it.
     */
    private static int wordWith(List<Token> tokens, int end, char c) {
        if (!isHan(tokens, end)) {
            return -1;
        }
        int first = end;
        while (joined(tokens, first - 1, first)) {
            first--;
        }
        if (first == end && isHan(tokens, end - 1) && ch(tokens, end - 1) == c && !joined(tokens, end - 2, end - 1)) {
            return end - 1; // spaced: 方 块 的 方
        }
        for (int q = first; q <= end; q++) {
            if (ch(tokens, q) == c) {
                return first;
            }
        }
        return -1;
    }

    private static boolean has(StringBuilder chars, char c) {
        for (int k = 0; k < chars.length(); k++) {
            if (chars.charAt(k) == c) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.BitSet GIVEN_SET = bits(NameLists.ZH_GIVEN);

    /**
     * Given-name characters read only where a cue or a nickname prefix already says a name is there (我是冯建军, 阿 强):
     * alone after a surname they make ordinary words too often (白云, 阳光, 高兴) to count without one.
     */
    private static final java.util.BitSet CUED_GIVEN_SET = bits(NameLists.ZH_GIVEN + NameLists.ZH_GIVEN_CUED);

    /** The second of two given characters after a common first one (丽华, 志国): wider still. */
    private static final java.util.BitSet SECOND_GIVEN_SET =
            bits(NameLists.ZH_GIVEN + NameLists.ZH_GIVEN_CUED + "华国东新家立云光兴平安民生");

    /** What a person's name is said before: a verb of saying or doing, a pronoun, an id or phone word (林雪 说, 黄丽 身份证). */
    private static final String AFTER_NAME = "说帮给跟是的在让叫问打来去也都就还会能要和我你他她身电手的已刚态服没很太真挺人好吗今明昨";

    /**
     * A name said without a cue: a surname and one or two given-name characters ({@link NameLists#ZH_GIVEN}), standing
     * as a word of its own (spaced from what is around it, or one written word 林雪 between spaces), after the start, a
     * punctuation mark or a word, and before a verb, a pronoun or an id word ("林雪 说 今天 能 提车", "赵 磊 帮 我 办 的
     * 贷款", "车主 是 孙 悦", "我是赵磊，"). Words made of a surname character and another stay: 高 配, 马上, 黄金.
     */
    private static List<SpokenNumbers.Found> uncued(List<Token> tokens, StringBuilder chars) {
        List<SpokenNumbers.Found> out = new java.util.ArrayList<>();
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            int d = doubleSurnameName(tokens, i);
            if (d > i + 1) {
                out.add(span(tokens, i, d));
                for (int k = i; k <= d; k++) {
                    chars.append(ch(tokens, k));
                }
                i = d;
                continue;
            }
            if (!isHan(tokens, i) || !isSurname(ch(tokens, i))) {
                continue;
            }
            boolean afterUnit = afterUnit(tokens, i); // 财务部罗静说, 销售部的马晓东
            if (joined(tokens, i - 1, i) && !writtenCue(tokens, i) && !afterUnit) {
                continue;
            }
            int last = i;
            if (tokens.get(i).lower().length() != 1) {
                continue; // a merged phrase (然后, 车牌), no character of a name
            }
            while (last - i < 2
                    && isHan(tokens, last + 1)
                    && tokens.get(last + 1).lower().length() == 1
                    && (GIVEN_SET.get(ch(tokens, last + 1))
                            || last == i + 1 && SECOND_GIVEN_SET.get(ch(tokens, last + 1)) // 彭丽华、彭志强
                            || last == i // 王 小 明: 小 opens a given name when a given character follows
                                    && tokens.get(last + 1).is("小")
                                    && isHan(tokens, last + 2)
                                    && tokens.get(last + 2).lower().length() == 1
                                    && GIVEN_SET.get(ch(tokens, last + 2)))) {
                boolean spaced = !joined(tokens, last, last + 1);
                if (spaced
                        && joined(tokens, last + 1, last + 2)
                        && last + 1 == i + 1
                        && !(GIVEN_SET.get(ch(tokens, last + 2)) && !joined(tokens, last + 2, last + 3))) {
                    break; // 马 上面: the given character is the start of another word (宋 晓峰 is a given name)
                }
                last++;
            }
            if (last == i) {
                continue;
            }
            boolean allJoined = joined(tokens, i, i + 1);
            boolean allSpaced = !allJoined;
            for (int k = i + 1; k < last; k++) {
                allJoined &= joined(tokens, k, k + 1);
                allSpaced &= !joined(tokens, k, k + 1);
            }
            // 宋 晓峰: the surname spaced from a given name of two characters written as one word
            boolean spacedSurname = last == i + 2
                    && !joined(tokens, i, i + 1)
                    && joined(tokens, i + 1, i + 2)
                    && !(ch(tokens, i + 1) == '明' && ch(tokens, i + 2) == '明') // 明明 = "clearly"
                    && !(ch(tokens, i) == '周' && isHan(tokens, i - 1) && "上下这本每".indexOf(ch(tokens, i - 1)) >= 0);
            if (!allJoined && !allSpaced && !spacedSurname) {
                continue;
            }
            int next = last + 1;
            boolean ends = next >= n
                    || tokens.get(next).type() == Type.PUNCT
                    || !joined(tokens, last, next) && isHan(tokens, next) && AFTER_NAME.indexOf(ch(tokens, next)) >= 0;
            // 陈志强客户已经到店了, 彭志强两位客户: a full written name before the word for customers
            boolean clientAfter =
                    allJoined && last - i == 2 && (match(tokens, next, "客户") > 0 || match(tokens, next, "两位") > 0);
            // written text, at the start of a clause, before what a person says or does: 林雪说今天能提车
            boolean writtenSubject = allJoined
                    && next < n
                    && joined(tokens, last, next)
                    && SUBJECT_VERBS.indexOf(ch(tokens, next)) >= 0
                    && (i == 0 || !joined(tokens, i - 1, i) || afterUnit);
            if (!writtenSubject && !clientAfter && (!ends || joined(tokens, last, next) && !writtenCue(tokens, i))) {
                continue;
            }
            out.add(span(tokens, i, last));
            for (int k = i; k <= last; k++) {
                chars.append(ch(tokens, k));
            }
            i = last;
        }
        return out;
    }

    /**
     * A surname written on after a department (部, 组, 科, 室) or after 的, where the two characters make no word: 财务部罗静,
     * 销售部的马晓东 (not 的确, 部分: those are words).
     */
    private static boolean afterUnit(List<Token> tokens, int i) {
        return i > 0
                && isHan(tokens, i)
                && isHan(tokens, i - 1)
                && joined(tokens, i - 1, i)
                && "部组科室的".indexOf(ch(tokens, i - 1)) >= 0
                && !NameLists.ZH_WORDS.contains(ch(tokens, i - 1), ch(tokens, i));
    }

    /** 上官网 at {@code j}: "(go) to the official website", no surname 上官. */
    private static boolean officialSite(List<Token> tokens, int j) {
        return isHan(tokens, j)
                && isHan(tokens, j + 1)
                && isHan(tokens, j + 2)
                && ch(tokens, j) == '上'
                && ch(tokens, j + 1) == '官'
                && ch(tokens, j + 2) == '网';
    }

    /**
     * A two-character surname written on after a cue with a given character after it: 客户欧阳娜娜, 客户诸葛明辉 (not 上官网,
     * not 东方明珠: a word-like surname needs a common given character; not 欧阳路: a street).
     */
    private static boolean writtenDouble(List<Token> tokens, int j) {
        if (!doubleSurname(tokens, j) || !isHan(tokens, j + 2) || !joined(tokens, j + 1, j + 2)) {
            return false;
        }
        char g = ch(tokens, j + 2);
        boolean wordlike = WORDLIKE_DOUBLE.contains("" + ch(tokens, j) + ch(tokens, j + 1));
        return tokens.get(j + 2).lower().length() == 1
                && !STOP_SET.get(g)
                && PLACE_SUFFIXES.indexOf(g) < 0
                && !officialSite(tokens, j)
                && (!wordlike || GIVEN_SET.get(g));
    }

    /** Two-character surnames that are as often a word (东方 = east): their given name must be a common one. */
    private static final Set<String> WORDLIKE_DOUBLE = LookupSets.of("东方", "西门", "南宫", "长孙", "公孙");

    /**
     * A name with a two-character surname, without a cue (欧阳 娜娜 女士, 司马 俊杰 在 吗, 上官婉儿，): these surnames are
     * rarely anything else, so one or two given characters that are no particle follow, as a word of their own (spaced,
     * or written up to a particle, a title, a punctuation mark or a word that follows names). The last index of the
     * name, or -1.
     */
    private static int doubleSurnameName(List<Token> tokens, int i) {
        if (!doubleSurname(tokens, i)
                || joined(tokens, i - 1, i) && !writtenCue(tokens, i) && !cueCharBefore(tokens, i)) {
            return -1;
        }
        boolean wordlike = WORDLIKE_DOUBLE.contains("" + ch(tokens, i) + ch(tokens, i + 1));
        if (officialSite(tokens, i)) {
            return -1; // 上官网 看 一下: "go to the official website", no 上官
        }
        int last = i + 1;
        int k = i + 2;
        while (k - (i + 2) < 2
                && isHan(tokens, k)
                && tokens.get(k).lower().length() == 1
                && !STOP_SET.get(ch(tokens, k))
                && !titleAt(tokens, k)
                && !startsAfterWord(tokens, k)
                && PLACE_SUFFIXES.indexOf(ch(tokens, k)) < 0 // 欧阳路, 司马街: a street named after a family
                && (k == i + 2 || joined(tokens, k - 1, k))
                && (!wordlike || GIVEN_SET.get(ch(tokens, k)))) {
            last = k;
            k++;
        }
        if (last == i + 1) {
            return -1;
        }
        int next = last + 1;
        boolean ends = next >= tokens.size()
                || tokens.get(next).type() != Type.HAN
                || !joined(tokens, last, next)
                || STOP_SET.get(ch(tokens, next))
                || titleAt(tokens, next)
                || startsAfterWord(tokens, next)
                || match(tokens, next, "客户") > 0; // 司马晓燕客户已经到店了
        return ends ? last : -1;
    }

    /** What a name is used as, said after it and 的: 用 梁 家豪 的 名字 下 的 单, 挂 在 王伟 的 名下. */
    private static final List<String> NAME_USES = List.of("名字", "名义", "名下");

    /**
     * A surname and one or two given characters (any that are no particle) right before 的 名字 / 名义 / 名下: whose name
     * something is in says a person is named.
     */
    private static void namedAs(List<Token> tokens, List<SpokenNumbers.Found> out, StringBuilder chars) {
        for (int k = 2; k + 1 < tokens.size(); k++) {
            if (!tokens.get(k).is("的") || !startsWithAny(tokens, k + 1, NAME_USES)) {
                continue;
            }
            int last = k - 1;
            for (int givens = 1; givens <= 2; givens++) {
                int g = last - givens + 1;
                if (g < 1 || !isHan(tokens, g) || tokens.get(g).lower().length() != 1 || STOP_SET.get(ch(tokens, g))) {
                    break;
                }
                int first = g >= 2 && doubleSurname(tokens, g - 2) ? g - 2 : isSurname(ch(tokens, g - 1)) ? g - 1 : -1;
                if (first >= 0 && !joined(tokens, first - 1, first) && (givens == 1 || joined(tokens, g, g + 1))) {
                    out.add(span(tokens, first, last));
                    for (int q = first; q <= last; q++) {
                        chars.append(ch(tokens, q));
                    }
                    break;
                }
            }
        }
    }

    /** Characters that end a place's name: 路, 街, 区 ... */
    private static final String PLACE_SUFFIXES = "路街道巷桥区县市镇村";

    /** A written verb that a name follows (请联系端木蓉女士, 转告上官经理): its last character right before {@code i}. */
    private static boolean cueCharBefore(List<Token> tokens, int i) {
        return joined(tokens, i - 1, i) && BEFORE_TITLE.indexOf(ch(tokens, i - 1)) >= 0;
    }

    private static boolean covered(List<Token> tokens, int k, List<SpokenNumbers.Found> out) {
        Token t = tokens.get(k);
        for (SpokenNumbers.Found f : out) {
            if (f.start() <= t.start() && t.end() <= f.end()) {
                return true;
            }
        }
        return false;
    }

    /** What a person named at the start of a written clause says or does next: 说, 帮, 让, 跟, 给, 问. */
    private static final String SUBJECT_VERBS = "说帮让跟给问";

    /** After a written nickname: what its bearer does, or a pronoun (小王你跟前台说, 老林说). */
    private static final String AFTER_WRITTEN_NICKNAME = SUBJECT_VERBS + "你他她我";

    /** After a written surname and 总 opening a clause: what the person does or when (杜总说, 李总都在, 王总明天). */
    private static final String AFTER_CLAUSE_TITLE = SUBJECT_VERBS + "都在明今昨已";

    /** A written 我是 / 我叫 right before a written name (您好，我是赵磊，): the name is joined to its cue. */
    private static boolean writtenCue(List<Token> tokens, int i) {
        return i >= 2 && tokens.get(i - 1).is("是") && tokens.get(i - 2).is("我");
    }

    /** A surname at {@code j} (one or two characters), then a common given-name character or a title. */
    private static boolean commonNameAfter(List<Token> tokens, int j) {
        int g = doubleSurname(tokens, j) ? j + 2 : isHan(tokens, j) && isSurname(ch(tokens, j)) ? j + 1 : -1;
        return g > 0 && isHan(tokens, g) && (CUED_GIVEN_SET.get(ch(tokens, g)) || titleAt(tokens, g));
    }

    /** A first name of the English lists said in a Chinese line after a cue: 找 david, 是 Priya. */
    private static boolean latinName(List<Token> tokens, int j) {
        if (j >= tokens.size() || tokens.get(j).type() != Type.WORD) {
            return false;
        }
        String w = tokens.get(j).lower();
        return w.length() >= 3
                && (NameLists.FIRST.contains(w) || NameLists.FIRST_INTL.contains(w))
                && !NameLists.AMBIGUOUS.contains(w);
    }

    /** Words shaped like a nickname that are none: a teacher, two car brands, a tip, well-off, a foreigner, a newbie. */
    private static final Set<String> NOT_NICKNAMES = LookupSets.of("老师", "小米", "小鹏", "小费", "小康", "老外", "小白");

    /** Second characters that never make 阿 a name: 阿姨, 阿里, 阿迪, 阿尔法, 阿斯顿, 阿维塔, 阿婆, 阿拉. */
    private static final String NOT_AFTER_A = "姨里迪斯尔维婆公拉哥妹姐弟爸妈叔伯奶爷";

    /**
     * A nickname: 小 or 老 with a surname (小 孔, 老 许, written 老林说 or 小赵 at the end of a field), 阿 with a given-name
     * character or a surname (阿 芳, 阿杰，), standing as a word: what follows is a particle, a verb a person does, a
     * punctuation mark or the end.
     */
    private static boolean nickname(List<Token> tokens, int i) {
        int n = tokens.size();
        Token t = tokens.get(i);
        boolean a = t.is("阿");
        if (!(t.is("小") || t.is("老") || a) || joined(tokens, i - 1, i) || !isHan(tokens, i + 1)) {
            return false;
        }
        char c = ch(tokens, i + 1);
        if (tokens.get(i + 1).lower().length() != 1
                || !(isSurname(c) || a && CUED_GIVEN_SET.get(c))
                || a && NOT_AFTER_A.indexOf(c) >= 0
                || NOT_NICKNAMES.contains(t.lower() + c)) {
            return false;
        }
        if (joined(tokens, i, i + 1)) {
            // written: 老林说他..., 接车人：小赵, 阿杰，帮我...
            return i + 2 >= n
                    || tokens.get(i + 2).type() == Type.PUNCT
                    || joined(tokens, i + 1, i + 2) && AFTER_WRITTEN_NICKNAME.indexOf(ch(tokens, i + 2)) >= 0
                    || !joined(tokens, i + 1, i + 2)
                            && isHan(tokens, i + 2)
                            && (STOP_SET.get(ch(tokens, i + 2)) || AFTER_NAME.indexOf(ch(tokens, i + 2)) >= 0);
        }
        if (joined(tokens, i + 1, i + 2)) {
            return false;
        }
        return i + 2 >= n
                || tokens.get(i + 2).type() == Type.PUNCT
                || isHan(tokens, i + 2)
                        // 小 白 车, 小 黄 车: a little white car, a share bike
                        && !(tokens.get(i + 2).is("车") && "白黑红蓝绿紫灰金银黄".indexOf(c) >= 0)
                        && (STOP_SET.get(ch(tokens, i + 2)) || AFTER_NAME.indexOf(ch(tokens, i + 2)) >= 0);
    }

    private static SpokenNumbers.Found span(List<Token> tokens, int first, int last) {
        return new SpokenNumbers.Found(
                tokens.get(first).start(), tokens.get(last).end(), KIND);
    }
}
