package io.vocedge.device.insights;

import io.vocedge.device.insights.model.LookupSets;
import java.util.Map;
import java.util.Set;

/**
 * Hand-typed word lists {@link SpokenNames} decides with: common English first names and surnames (a few hundred
 * each, from memory: no list can be downloaded on the device's build), the names that are also ordinary words or car
 * makes and never count alone, the words a name never runs into, and the hundred-odd commonest Chinese surnames.
 */
final class NameLists {
    private NameLists() {}

    static Set<String> words(String spaced) {
        return LookupSets.copyOf(java.util.Arrays.asList(spaced.trim().split("\\s+"))); // duplicates are harmless
    }

    /**
     * A vendored list (resources {@code names/}, made by device/corpus/tools/make_name_lists.py from MIT-licensed npm
     * packages, names that are also lower-case English words left out): one name per line (or words separated by
     * spaces), {@code #} comments.
     */
    static Set<String> vendored(String file) {
        Set<String> out = new java.util.HashSet<>();
        for (String line : vendoredLines(file)) {
            String w = line.strip();
            if (!w.isEmpty() && w.charAt(0) != '#') {
                out.addAll(java.util.Arrays.asList(w.split("\\s+"))); // one name per line, or several words
            }
        }
        return out;
    }

    /** The lines of a vendored list in the jar (UTF-8); a missing one is a build fault and fails loudly. */
    static String[] vendoredLines(String file) {
        String path = "/io/vocedge/device/insights/names/" + file;
        try (java.io.InputStream in = NameLists.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("word list missing from the jar: " + path);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read word list " + path, e);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return LookupSets.copyOf(u);
    }

    /** First names that are no ordinary English word (those are in {@link #AMBIGUOUS}): typed here, and vendored. */
    static final Set<String> FIRST = union(vendored("first-names-en.txt"), words("""
            aaron abdul abigail adam adrian ahmed aisha alan albert alejandro alex alexander alexandra alexis ali alice
            alicia allen alison amanda amber amelia amir amira amy ana andre andrea andrew andy angela anita ann anna
            anne annie anthony antonio arjun arthur ashley audrey austin ava avi barbara beatrice becky ben benjamin
            bernard beth betty beverly bianca bob bobby boris brad bradley brandon brenda brian bridget brittany bruce
            bryan caleb cameron carl carla carlos carmen carol caroline carrie cassandra catherine cathy cecilia charles
            charlotte cheryl chloe chris christian christina christine christopher cindy claire clara claudia colin
            connor consuela craig cynthia dan daniel daniela danielle danny darren dave david debbie deborah denise
            derek devon diana diane diego dmitri dominic donald donna doris dorothy douglas duncan dylan eduardo edward
            eileen elaine eleanor elena eli elijah elizabeth ella ellen emily emma eric erica erin esther ethan eugene
            evelyn fatima felix fernando fiona fitzgerald francesca francis francisco fred frederick gabriel gabriela
            gareth gemma geoffrey george georgia gerald gina giovanni giulia gloria gordon greg gregory gwen hannah
            harold harper harriet harry heather helen henry hiroshi howard hugo ian ibrahim ingrid irene isaac isabel
            isabella ivan jacob jake james jamie jane janet janice jared jasmine jason javier jean jeff jeffrey jenna
            jennifer jenny jeremy jerry jessica jesus jill jim jimmy joan joanna joe joel john johnny jon jonathan jordan
            jorge jose joseph josh joshua joyce juan judith judy julia julian julie justin karen kate katherine kathleen
            kathryn katie keith kelly ken kenji kenneth kevin kim kimberly kirsty kristen kyle laura lauren leah leon
            leonard leslie liam linda lindsay lisa lorraine louis louise lucas lucy luis luke lydia maggie malcolm
            manuel marco marcus margaret maria marie marisol marissa martha martin mary matthew maureen megan mei melanie
            melissa mia michael michelle miguel mike miranda mohamed mohammed monica muhammad nadia nancy naomi natalie
            natasha nathan neil nicholas nicola nicole niamh noah nora norman olga oliver olivia oscar owen pablo pamela
            patricia patrick paul paula peter philip phillip priya rachel rafael rahul raj ramon randy raymond rebecca
            remy renee ricardo richard rick rita rob robert roberto robin roger ronald ruth ryan samantha samuel sandra
            sara sarah scott sean sergei sharon shaun shawn sheila shirley simon siobhan sofia sonia sophia sophie
            stanley stephanie stephen steph steve steven stuart susan suzanne sylvia tamara tanya tara teresa terry
            theo theresa thomas tiffany timothy tina tobias todd tom tommy tony tracy travis trevor tyler valerie
            vanessa veronica vicky victoria vincent vivian walter wanda wayne wei wendell wendy wes wesley whitney
            william xavier yasmin sam dom jess rob dan tom bev kate pat yolanda yusuf zachary zoe aoife imani kai mateo omar hamid kwame chidi oluwaseun
            sanjay anil deepak pooja neha ravi vikram wen jun ling ming hui lei yan jing xiao hao yong bo siddharth
            bethany callum declan ciaran conor eoin sinead niall cormac ruairi padraig grainne orla roisin saoirse
            caoimhe kieran darragh fionn oisin seamus aidan brendan colm dermot fergal mairead ailsa eilidh isla iona
            morag fraser hamish euan ewan alasdair alistair lachlan rhys dafydd gethin cerys bronwen carys sian ffion
            owain emrys tegan harvey jayden kayden archie freddie alfie reggie ronnie evie phoebe imogen millie ellie
            elsie maisie matilda esme lottie freya abi abby kayleigh chantelle shannon stacey tracey jodie leanne kerry
            hayley ashleigh courtney reece jamal tyrone darnell deshawn latoya keisha shanice tanisha jaden aaliyah zara
            zainab hamza bilal usman tariq imran faisal nadeem shahid samira layla leila rohan rajesh suresh ramesh
            lakshmi anjali divya kavya ananya aditya arun vijay sunil ashok manoj prakash sandeep harpreet gurpreet
            manpreet jaspreet piotr pawel tomasz krzysztof katarzyna agnieszka magdalena malgorzata alexei natalia
            svetlana oksana yuri vladimir irina tatiana santiago valentina camila lucia jimena alvaro sergio raul
            cristina rocio giuseppe lorenzo matteo chiara federica alessandro pierre jacques francois amelie camille
            elodie mathieu gavin graham nigel clive barry callan keira kayla aimee ruairidh connie harriet
            """));

    /**
     * Surnames of other countries (faker's Latin-script locales, accents removed; vendored): "wojcik", "dubois",
     * "rossi". Read only right after a first name, never after a weak cue alone: many are words in some language.
     */
    static final Set<String> SURNAMES_INTL = LookupSets.copyOf(vendored("surnames-intl.txt"));

    /**
     * First names of other countries (faker's Latin-script locales, vendored): a name after a cue or before a
     * surname, never alone ("ask for thanh", "oluwaseun adebayo").
     */
    static final Set<String> FIRST_INTL = LookupSets.copyOf(vendored("first-names-intl.txt"));

    /** Car makes, models and car words that are no English word: never a name ("is the tiguan around"). */
    static final Set<String> VEHICLES = LookupSets.copyOf(vendored("vehicles.txt"));

    /** The syllables of pinyin without tones: a word made of them is a Chinese name in English text ("yuting"). */
    static final Set<String> PINYIN_SYLLABLES = LookupSets.copyOf(vendored("pinyin-syllables.txt"));

    /** A word that splits wholly into two or three pinyin syllables ("yuting", "xiaomei", "zhiqiang"). */
    static boolean pinyinName(String w) {
        return pinyinParts(w, 0, 0);
    }

    private static boolean pinyinParts(String w, int from, int parts) {
        if (from == w.length()) {
            return parts >= 2;
        }
        if (parts == 3) {
            return false;
        }
        for (int end = Math.min(w.length(), from + 6); end > from; end--) { // "zhuang" is the longest syllable
            if (PINYIN_SYLLABLES.contains(w.substring(from, end)) && pinyinParts(w, end, parts + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Banks, insurers, marketplaces, chains and brands a customer names like a person ("speak to santander"). */
    static final Set<String> BUSINESSES = LookupSets.copyOf(vendored("businesses.txt"));

    /**
     * Chat, slang and fillers the word list does not hold ("innit", "lmao", "tomoz"): after a name they are no surname
     * ("this is kevin innit"). A word with a letter three times running ("ermmm", "sooo") is none either.
     */
    static final Set<String> INFORMAL = words("""
            haha hahaha hehe hihi lol lolol lmao lmfao rofl omg omfg wtf idk imo imho fyi btw tbh asap pls plz thx
            ty np innit init bruv bro fam aight ight okie okey okok yeh yea yah ya nah naw nope yep yup gonna wanna
            gotta kinda sorta dunno lemme gimme cuz coz cos tho thru tmrw tomoz 2moro arvo brekkie cuppa mate hiya
            erm ermm umm hmm hmmm mmm ahh ohh ooh uhh uhm eh meh yay woo wow ooo
            """);

    /** English words: an unlisted word after a cue for a person is a name only when it is none of these. */
    static final EnglishWords ENGLISH = EnglishWords.load();

    /** Two-character Chinese words (cppjieba's dictionary): whether two characters written on make a word. */
    static final ChineseWords ZH_WORDS = ChineseWords.load();

    /** Surnames that are no ordinary English word: typed here, and vendored. */
    static final Set<String> SURNAMES = union(vendored("surnames-en.txt"), words("""
            abernathy adams alvarez anderson bailey baker barnes bennett brooks brown bryant butler campbell carter
            castellano castillo castro chaudhry chavez clark coleman collins cooper cox cruz davies davis diaz dixon
            dubois edwards evans fernandez fisher fitzgerald flores foster garcia gomez gonzales gonzalez gray griffin
            gutierrez hall harris hayes henderson hernandez hill holloway howard hughes jackson jenkins jimenez johnson
            jones kelly kennedy kim kowalski lee lewis long lopez martin martinez mccarthy mckenna mcdonald miller
            mitchell moore morales morgan morris murphy murray myers nelson nguyen novak o'brien o'connor o'neill okafor
            okonkwo oduya ortiz parker patel perez perry peterson petersen phillips powell price ramirez reed reyes
            richardson rivera roberts robinson rodriguez rogers ross russell sanchez sanders scott simmons smith
            solberg stewart sullivan taylor thomas thompson torres turner walker wallace ward washington watson weissmann
            white whitfield williams wilson wood wright yamamoto young zhang wang liu chen yang huang zhao zhou sun
            guo zheng cheng liang xie feng deng peng xu zhu luo gao lin ho wong chan leung cheung lau ng cao zeng xiao tian yuan jiang cai pham tran le vo ito tanaka suzuki takahashi
            watanabe nakamura kobayashi sato kato schmidt schneider fischer weber meyer wagner becker schulz hoffmann
            muller rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti costa
            silva santos oliveira souza pereira almeida ferreira rodrigues kumar singh sharma gupta shah mehta iyer reddy
            rao das khan hussein ahmed hassan ali ibrahim mohamed nowak wisniewski wojcik kaminski lewandowski
            zielinski szymanski brzezinski ivanov petrov popov sokolov kuznetsov andersson johansson karlsson nilsson
            eriksson larsson olsen hansen jensen nielsen lindqvist kemp fisk trudeau albright marchetti dunn gomes
            pemberton bishop greer kellerman grindle lam rowe kane alvarado mendoza vargas romero herrera medina
            aguilar ramos moreno ruiz guzman salazar rojas ortega delgado soto contreras espinoza sandoval
            o'sullivan mcbride mcgregor macdonald campos fuentes nunez vega ochoa quinn doyle byrne walsh brennan
            clarke mackay mackenzie mackintosh mcallister mcintyre mclaughlin mcgrath mccann mcmahon mcdermott mcguire
            mcnamara macleod maclean mcleod o'leary oleary o'reilly oreilly o'connell o'donnell o'malley o'hara obrien
            oconnor kavanagh gallagher donnelly doherty flanagan fitzpatrick hennessy keane lynch brady casey nolan
            farrell duffy higgins kearney reilly fraser robertson ferguson hamilton crawford sinclair sutherland
            cunningham buchanan harrison lloyd griffiths llewellyn pritchard rees parry vaughan howells chapman ellis
            gibson fletcher barker atkinson armstrong hewitt pearson wilkinson dawson gardner chopra kapoor malhotra
            banerjee chatterjee mukherjee nair menon pillai joshi desai bose sinha verma agarwal kowalczyk wozniak
            mazur krawczyk petrova ivanova smirnov volkov morozov novikov
            """));

    /**
     * Names that are also ordinary words, car makes or places ("will", "mark", "grace", "lincoln", "honda"): never a
     * name alone; one only after a strong cue ("my name is grace") or before a listed surname ("june albright").
     */
    static final Set<String> AMBIGUOUS = words("""
            will mark grace may bill rose chase hunter june august jack frank honda ford lincoln mercedes penny drake
            gary dawn summer autumn april faith hope joy ivy lily daisy holly ruby pearl amber crystal sky
            river rocky sunny buddy page paige chance skip rusty sandy dusty bob art hank pat matt sue don ray guy ed
            al jay lee dean earl king prince jordan austin dallas houston phoenix paris sydney chester chevy ferrari
            porsche royce bentley tesla morgan lotus jaguar mini kia dodge jeep ram buick cadillac lexus acura infiniti
            mazda subaru nissan toyota hyundai genesis volvo audi bmw mustang bronco sierra camry corolla civic accord
            avalon sienna pacifica highlander tacoma tundra navigator odyssey pilot ridgeline frontier titan
            wrangler cherokee charger challenger escape explorer expedition ranger maverick fusion edge equinox tahoe
            yukon malibu colorado silverado santa fe tucson elantra sonata kona ioniq optima soul sorento telluride
            victor sterling young white black brown green gray grey price long wood hall hill reed rich cash gold
            silver stone walker baker cook miles rice page bell bush hope love star little short strong may day
            he ma ye pan song tang lu gu ding du wu yu su li lin bo hu ke sang han an bao he'll fang gao shi
            oscar mike charlie juliet romeo sierra lima india hotel kilo delta echo golf tango victor papa
            cooper benz chrysler chevrolet rover vega royce martin aston land washington jackson madison georgia
            florence virginia carolina savannah chelsea kingston lexington denver orlando cleveland raleigh
            january february july september october november december monday tuesday wednesday thursday friday
            saturday sunday mon tue tues wed thur thurs fri sat alexa siri cortana una christmas easter christ chatgpt copilot
            """);

    /** Of {@link #AMBIGUOUS}, the first names (a car or a place never starts a "first name + surname" pair). */
    static final Set<String> AMBIGUOUS_FIRST = words("""
            will mark grace may bill rose chase hunter june august jack frank penny drake gary dawn summer autumn april
            faith hope joy ivy lily daisy holly ruby pearl amber crystal sky river rocky sunny buddy paige chance skip
            rusty sandy dusty art hank pat matt sue don ray guy ed al jay dean earl victor sterling miles jordan austin
            dallas sydney chester morgan georgia florence virginia carolina savannah chelsea madison jackson martin
            """);

    /** Chinese surnames in pinyin, read as such only in a line with Chinese in it ("lu xiao yu", "zhou jie lun"). */
    static final Set<String> PINYIN_SURNAMES = words("""
            wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo zheng liang xie song tang
            han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai du ye cheng su wei lu ding ren shen yao
            gu mao lei fang bai qin jin qian kong cui tan fan shi lv lyu hou meng xiong qiu yin xue duan long
            """);

    /** Pinyin syllables of given names. */
    static final Set<String> PINYIN_GIVEN = words("""
            wei jun ling ming hui lei yan jing xiao hao yong bo li hua mei fang jie tao bin qiang wen yu xin yi na jia
            hong lan qing ping tian yun long hai lun jian guo dong feng min li ting yue xue lin chen kai hang yang
            zhen zi xuan han tong rui qi le ning jin fei wu an bing chao chun dan fu gang hong juan kang lu mo peng
            shan song tong wan xia xiu yao ying zhi zhong yi hui meng nan qian ru shu
            """);

    /** Words a name never runs into: function words, pronouns, common verbs and nouns, fillers. */
    static final Set<String> STOP = words("""
            a an the and or but so if then than that this these those there here where when what who whom whose which
            why how i i'm i'll i've i'd me my mine we we're our us you you're your yours he he's him his she she's her
            hers it it's its they they're them their is are was were be been being am do does did done have has had
            having will would shall should can could may might must not no yes yeah yep ok okay uh um er erm oh ah hmm
            well like just also too very really only still even about above after again against all any at by for
            from in into of off on onto out over through to under up with without as before behind below between
            during near since until upon via per each every some many much more most other another such own same
            please thanks thank sorry hello hi hey bye sure right now today tomorrow yesterday tonight morning evening
            afternoon here's there's that's what's who's let's don't doesn't didn't can't won't isn't aren't wasn't
            said says say told tell asked ask called call calling get got go going went come coming came see saw
            looking look want wants wanted need needs needed know think thought said sent send take took make made
            give gave put paid pay bought buy drive drove wait waiting booked book spoke speak speaking talk talked
            bringing brought meeting meet met help helped works work working texting text texted message emailed
            email phone number address name names surname first last middle family spelled spell spelt spelling
            from the desk office team service department dealer dealership store shop lounge counter front back car
            cars truck van one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
            hundred thousand zero double triple mr mrs ms miss mister missus dr doctor sir madam ma'am guys guy
            lady man woman gentleman customer client manager boss partner husband wife son daughter brother sister
            mom mum dad mother father friend neighbour neighbor colleague grandfather grandmother kid kids baby
            again anyway also actually basically though either neither both back later anytime asap whenever soon
            once maybe sometime directly instead next regarding concerning re asking saying wanting appointment
            visit anything something nothing everything everyone someone anyone nobody everybody somebody
            around anymore meant supposed wrong correct missing changed welcome good great nice fine available
            working busy free off away
            """);

    /**
     * First names that are also English words (grace, poppy, hazel, and {@link #AMBIGUOUS_FIRST}): a name only where a
     * relation ("my daughter poppy wants"), "called" or a signature ("checked by Poppy.") names a person.
     */
    static final Set<String> WORD_FIRST = wordFirst();

    private static Set<String> wordFirst() {
        Set<String> s = new java.util.HashSet<>(vendored("first-names-words.txt"));
        s.removeAll(STOP); // "said", "will", "may": read as names only through the hand-typed list below
        s.addAll(AMBIGUOUS_FIRST);
        return LookupSets.copyOf(s);
    }

    /** Hundred-odd commonest Chinese surnames (single characters). */
    static final String ZH_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
            + "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
            + "牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝"
            + "游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵"
            + "苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝萧洪朴"
            + "冼植"; // Hong Kong: 冼 (Sin), 植 (Chik); not 區 (Au), which folds to 区 of 小区

    /** Double surnames. */
    static final Set<String> ZH_DOUBLE = LookupSets.of(
            "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "南宫", "独孤",
            "西门", "申屠");

    /** A surname said by its parts: 弓长 张, 木子 李, 耳东 陈. */
    static final Map<String, Character> ZH_PARTS = Map.ofEntries(
            Map.entry("弓长", '张'),
            Map.entry("木子", '李'),
            Map.entry("耳东", '陈'),
            Map.entry("立早", '章'),
            Map.entry("古月", '胡'),
            Map.entry("双口", '吕'),
            Map.entry("双木", '林'),
            Map.entry("口天", '吴'),
            Map.entry("言午", '许'),
            Map.entry("人可", '何'),
            Map.entry("走肖", '赵'),
            Map.entry("双人", '徐'),
            Map.entry("草头", '黄'),
            Map.entry("禾呈", '程'),
            Map.entry("文刀", '刘'),
            Map.entry("卯金", '刘'),
            Map.entry("子小", '孙'),
            Map.entry("日京", '景'),
            Map.entry("木易", '杨'));

    /**
     * Characters common in given names (伟, 芳, 磊, 悦 ...): a surname said without a cue is a name only when its given
     * name is made of these ("林雪 说", "赵 磊 帮 我"), so 高 配, 马上 and 黄金 stay words.
     */
    static final String ZH_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞刚玉萍鹏辉玲雪悦婷欣怡浩宇轩涵梓然睿博思雨佳琪瑶彤萱"
            + "诗晨昊俊帅斌亮峰凯健志庆波娇倩颖慧琳蕾璐露菲薇燕莉晶晓丹岚洁蓉蓓斐航泽宸铭鑫楠岩锋威毅翔伦坤晖蕊荣妍嘉铮哲旭昕珊"
            + "婉曦桐琦瑞霖嘉豪宏彬杭瑾璇娅婕姗茜蕙馨琛翊煜烨炜";

    /**
     * More given-name characters, read only after a cue or a nickname prefix (我是冯建军, 阿 强) or as the second of
     * two (彭丽华): left out of {@link #ZH_GIVEN} because a surname before them is often an ordinary word (韩国, 高新).
     */
    static final String ZH_GIVEN_CUED = "建飞清文梅兰德福荣永宝春秋凤珍琴红美晴雯海栋雄松森桂香仁义礼智勤卫武彪虎鹤鸣聪佩梦若一可诺";

    /** Titles after a surname: the surname goes, the title stays ({@code <name>先生}). */
    static final Set<String> ZH_TITLES = LookupSets.of(
            "先生", "女士", "小姐", "经理", "师傅", "总", "老师", "主任", "阿姨", "叔叔", "大哥", "大姐", "姐", "哥", "总监", "老板", "医生", "律师",
            "老总", "太太", "同学", "科长", "处长", "局长", "董事长", "主管", "教授", "博士");
}
