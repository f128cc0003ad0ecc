package io.vocedge.device.insights.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule features: patterns over the normalised text for what a word list cannot see. Implicit complaints (a
 * cancellation, a wait with a duration, "still", "again", a promise that moved, a price that changed at the till,
 * something that broke again, nobody calling back, an advisor who could not answer), praise without praise words
 * (relief, time saved, a problem solved), polite requests, double negation ("not a single problem", 挑不出毛病),
 * angry questions ("why is ...", 凭什么), and the intent cues behind the {@code escalation} and {@code churn_risk}
 * flags. Each match is a model feature; the model learns how much it weighs, per topic, sentiment and flag.
 * Numbers are {@code #} in the normalised text.
 */
final class Cues {
    /**
     * A named pattern and the literals one of which every match contains ({@code any}): a text holding none of them
     * cannot match, so the pattern is not run (most of the model's time went into running all 23 patterns on every
     * utterance). {@code CuesTest} checks on the corpora that the literals never hide a match. {@code regex}: the
     * pattern's source without its first-character guard, if it has one, for that test.
     */
    record Cue(String name, String[] any, Pattern pattern, String regex) {}

    /** A match: the cue's name and the matched text. */
    record Match(String name, String text, int offset) {}

    private static final List<Cue> EN = List.of(
            cue("cancelled", "cancel|called off|scrapped", "\\b(cancel(l)?ed|cancel(l)?ing|called off|scrapped)\\b"),
            cue(
                    "wait_duration",
                    "wait|been |sat here|stood here|queue|in line|minute|hour|day|week|month|since ",
                    "wbsqi#a",
                    "\\b(wait(ed|ing)?|been (here|sitting|standing|waiting)|sat here|stood here|queue(d)?|in line)\\b"
                            + ".{0,30}?\\b(#|an?|half an?|all|over an?) ?(minutes?|mins?|hours?|hrs?|days?|weeks?|months?|morning|afternoon|day)\\b"
                            + "|\\b(#|an?) (minutes?|hours?|days?|weeks?|months?) (and|now|later|already|for|just|to get|of)\\b"
                            + "|\\bsince (#|this morning|noon|lunch|monday|tuesday|wednesday|thursday|friday|last)"),
            cue(
                    "still",
                    "still|yet",
                    "\\bstill (no|not|nothing|waiting|have not|has not|do not|does not|is not|broken|there|no word)\\b"
                            + "|\\byet again\\b|\\bnot .{0,12}\\byet\\b"),
            cue("again", "again|time", "\\bagain\\b|\\b(second|third|fourth|fifth|#) time\\b"),
            cue(
                    "moved_promise",
                    "pushed|moved|changed|rescheduled|delayed|postponed|bumped|promised|said|told|supposed to|guaranteed|quoted",
                    "pmcrdbstgq",
                    "\\b(pushed|moved|changed|rescheduled|delayed|postponed|bumped)\\b.{0,20}\\b(again|to|back|out)\\b"
                            + "|\\b(promised|said|told (me|us)|supposed to|guaranteed|quoted)\\b.{0,40}\\b(but|now|still|never|instead)\\b"),
            cue(
                    "price_changed",
                    "at the |rang |charged |different price|price |than |said|says",
                    "arcdpmhtsl",
                    "\\b(at the (till|register|checkout|counter|cashier)|rang (it )?up|charged (me |us )?(more|extra|#|twice)"
                            + "|different price|price (changed|went up|was different|jumped)|(more|higher) than (the )?(tag|sticker|quote|"
                            + "quoted|advertised|shelf|label|sign)|(tag|shelf|sign|label|ad) (said|says))\\b"),
            cue(
                    "broke_again",
                    "again|is back|came back|still not fixed",
                    "bfscita",
                    "\\b(broke|broken|failed|stopped working|came back|same (problem|issue|noise|fault)|is back|"
                            + "acting up)\\b.{0,20}\\bagain\\b|\\bagain\\b.{0,15}\\b(broke|broken|failed|leaking|rattling)\\b"
                            + "|\\b(same|this) (problem|issue|noise|light|fault) (again|is back|came back)\\b|\\bstill not fixed\\b"),
            cue(
                    "nobody_called",
                    "call|got back|returned|follow|responded|replied|emailed|texted|reached out",
                    "\\b(nobody|no one|never|not once|did not|has not|have not|no)\\b.{0,20}\\b(called|call (me |us )?back|"
                            + "callback|got back|returned (my |our )?(calls?|emails?)|follow(ed)? up|responded|replied|emailed|texted|reached out)\\b"),
            cue(
                    "couldnt_answer",
                    "tell|answer|explain|know|no idea|had to|nobody",
                    "cdnh",
                    "\\b(could not|can not|did not|does not|do not)\\b.{0,12}\\b(tell|answer|explain|know)\\b"
                            + "|\\bno idea\\b|\\bhad to (ask|check with|go ask)\\b|\\bnobody (knew|knows|could)\\b"),
            cue(
                    "wrong",
                    "wrong|mistake|mixed up|messed up|incorrect|not what ",
                    "\\b(wrong|mistake|mixed up|messed up|incorrect|not what (i|we) (ordered|asked))\\b"),
            cue(
                    "relief",
                    "thank you so much|thanks so much|thanks a lot|appreciate|saved me|saved us|in and out|back on the road|first try|right away|on time|ahead of schedule|early|no wait|done in|took care of|sorted|fixed it|solved|finally|worth it|relie|made my day|above and beyond|went out of|recommend|will be back|coming back|sent ",
                    "\\b(thank you so much|thanks so much|thanks a lot|really appreciate|appreciate (it|that|you)|saved me|"
                            + "saved us|in and out|back on the road|first try|right away|on time|ahead of schedule|early|no wait|done in #|"
                            + "took care of|sorted (it )?out|fixed it|solved|finally|worth it|relief|relieved|made my day|above and beyond|"
                            + "went out of (his|her|their) way|recommend|will be back|coming back|sent .{0,20} your way)\\b"),
            cue(
                    "polite",
                    "please|could you|would you|can you|if you do not mind|if possible|sorry to bother|excuse me|may i",
                    "\\b(please|could you|would you|can you|would you mind|if you do not mind|if possible|sorry to bother|"
                            + "excuse me|may i)\\b"),
            cue(
                    "double_negation",
                    "not |no |complain|nothing|could not|never|without",
                    "ncwid",
                    "\\bnot (a|one) (single )?(problem|issue|scratch|complaint|hiccup|mark|thing wrong)\\b"
                            + "|\\bno (problems?|issues?|complaints?|hassle|fuss|pressure|surprises)\\b|\\bcan not complain\\b"
                            + "|\\bnothing (wrong|to complain|bad)\\b|\\bcould not (be happier|ask for (more|better))\\b"
                            + "|\\bnever (had|once had) (a|any) (problem|issue)\\b|\\bnot bad\\b|\\bwithout (a|any) (problem|issue|hassle|hitch)\\b"
                            + "|\\b(was|is) not (rude|pushy|expensive|slow|bad|long)\\b|\\bdid not (have|take) (long|to wait)\\b"),
            cue(
                    "angry_question",
                    "why|how come|what the|seriously|are you|what is going on",
                    "^(why|how come|what the|seriously)\\b|\\bwhy (is|are|did|does|do|has|have|would|can|will|was|were|"
                            + "should|am)\\b|\\bare you (kidding|serious|joking)\\b|\\bwhat is going on\\b"),
            cue(
                    "sarcasm",
                    "great|wonderful|fantastic|nice|perfect|brilliant|thanks a lot",
                    "\\b(great|wonderful|fantastic|nice|perfect|brilliant|just great|oh great|thanks a lot)\\b.{0,30}\\b(#|another|"
                            + "only|not even|again|late|still)\\b"),
            cue(
                    "manager",
                    "manager|supervisor|owner|boss|gm|head office|corporate|someone in charge|higher up|your superior",
                    "\\b(manager|supervisor|owner|boss|general manager|gm|head office|corporate|someone in charge|"
                            + "higher up|your superior)\\b"),
            cue(
                    "complaint",
                    "complain|file a|report |formal",
                    "\\b(complain|complaint|complaints|complaining|file a|report (you|this|it)|formal)\\b"),
            cue(
                    "authority",
                    "bbb|better business|consumer |trading standards|attorney|regulator|ombudsman|lawyer|sue|suing|court|legal action|small claims|dmv|ftc|hotline|manufacturer|headquarters",
                    "\\b(bbb|better business|consumer (affairs|protection|council|rights)|trading standards|attorney general|"
                            + "regulator|ombudsman|lawyer|attorney|sue|suing|court|legal action|small claims|dmv|ftc|hotline|"
                            + "manufacturer|headquarters)\\b"),
            cue(
                    "public",
                    "review|yelp|google|tiktok|facebook|instagram|twitter|youtube|reddit|viral|social media|post|star|news|press|reporter|tv station|everyone i know",
                    "\\b(review|reviews|yelp|google|tiktok|facebook|instagram|twitter|youtube|reddit|viral|social media|"
                            + "post(ing)? (this|it|about)|one star|#.star|news|press|reporter|tv station|everyone i know)\\b"),
            cue(
                    "elsewhere",
                    "elsewhere|somewhere else|other |competitor|competition|down the |across the street|the other guys|online instead",
                    "\\b(elsewhere|somewhere else|another (dealer|dealership|store|shop|place|brand)|other (dealer|"
                            + "dealership|dealers|store|stores|brand)|competitor|competition|down the (road|street)|across the street|"
                            + "the other guys|online instead)\\b"),
            cue(
                    "never_again",
                    "never |not |i am|we are|i'm|we're|forget it|i will pass|walk|take |last time|lost |cancel ",
                    "nwiftlc",
                    "\\bnever (come|coming|buy|buying|shop|shopping|be back|set foot|again|recommend|return|use)\\b"
                            + "|\\b(will not|would not|not) (be )?(coming back|buying|shopping|recommend|returning|doing business)\\b"
                            // "done" only with what the speaker is done with ("i'm done with you", "we're done here"):
                            // "that's it we're done, enjoy the car" is a handover (features version 4)
                            + "|\\b(i am|we are|i'm|we're) (done|finished) (with (you|this|it|them|that|y'all|your)|here)\\b"
                            + "|\\b(i am|we are|i'm|we're) out(ta)? (of )?here\\b|\\b(forget it|i will pass|walk(ing)? away|walking out|"
                            + "take (my|our) (business|money)|last time (i|we)|lost (a|my|our) (customer|business)|cancel (the|my|our) order)\\b"),
            cue(
                    "rival_store",
                    "best buy|costco|carmax|carvana|amazon|walmart|target|home depot|ikea|apple store|tesla|toyota|honda|ford|bmw|audi",
                    "\\b(best buy|costco|carmax|carvana|amazon|walmart|target|home depot|ikea|apple store|tesla|"
                            + "toyota|honda|ford|bmw|audi)\\b"));

    private static final List<Cue> ZH = List.of(
            cue("cancelled", "取消|撤销|退掉|作废|被退|不卖给", "取消|撤销|退掉|作废|被退|不卖给"),
            cue(
                    "wait_duration",
                    "等|排|小时|钟头|分钟|天|周|星期|礼拜|月|从|上午|下午|久",
                    "等排#几半好从一这老",
                    "等了|等到现在|等半天|等这么久|排了|排队|(#|几|半|好几)个?多?(小时|钟头|分钟|天|周|星期|礼拜|个月)|从.{0,4}(点|早上|上午|中午)|一上午|一下午|一整天|好久|这么久|老半天"),
            cue("still", "还|到现在|至今|都没|仍然|依然|迟迟", "还到至都仍依迟", "还没|还是没|到现在|至今|都没|还不|仍然|依然|迟迟"),
            cue("again", "又|次", "又|再次|第#次|第二次|第三次|又一次|两次了|三次了|好几次"),
            cue(
                    "moved_promise",
                    "说|答应|承诺|保证|当初|改|推|延期|变卦|拖",
                    "说答承保当原本改推延又变拖",
                    "说好|答应|承诺|保证|说的是|当初|原来说|本来说|改到|推到|推迟|延期|又改|改期|变卦|拖"),
            cue(
                    "price_changed",
                    "结账|收银|价格|多收|多扣|标|临时加|突然加|加了|签合同|多出",
                    "结账.{0,6}(变|不一样|多了|贵)|收银|价格.{0,4}(变|不一样|涨)|多收|多扣|跟标的不一样|和标价|比标价|标价|临时加|突然加|加了#|签合同.{0,8}(变|加|多|不一样)|多出"),
            cue("broke_again", "又|修|还是|同样的问题|老毛病", "又坏|又出|又响|又亮|又漏|修了.{0,8}(又|还是)|还是(坏|响|漏|亮|不行)|同样的问题|老毛病|没修好|修不好"),
            cue(
                    "nobody_called",
                    "没|不回|打不通|不接电话|石沉大海",
                    "没不也打石",
                    "没人(回|联系|打|理|管|跟进|接)|没有?回(电话|复|消息|我)|不回(电话|消息|复)|也没有?人?(回|联系|通知)|没有?(通知|联系)(我|我们)|打不通|没人接|不接电话|石沉大海"),
            cue(
                    "couldnt_answer",
                    "答不上|说不|不知|不清楚|搞不清|也不懂|回去问|问了|讲不清|含糊",
                    "答不上|说不清|不知道|不清楚|一问三不知|搞不清|也不懂|回去问|问了.{0,6}(说不|不知)|说不出|讲不清|含糊"),
            cue("wrong", "错|不对|不一样|不是我要的", "搞错|弄错|错了|不对|不一样|说错|记错|不是我要的"),
            cue(
                    "relief",
                    "终于|总算|放心|省|一次|解决了|搞定了|帮大忙|感谢|多亏|幸亏|顺利|值了|没想到|超出预期|下次还来|还会来|介绍朋友|推荐给",
                    "终于|总算|放心|省(了|心|事)|一次(就)?(修好|搞定|解决)|解决了|搞定了|帮大忙|太感谢|非常感谢|多亏|幸亏|顺利|值了|没想到|超出预期|下次还来|还会来|介绍朋友|推荐给"),
            cue("polite", "麻烦|请|劳驾|不好意思|打扰|帮我|能不能|可不可以|可以吗|好吗|行吗", "麻烦(您|你)|请问|请|劳驾|不好意思|打扰|帮我|能不能|可不可以|可以吗|好吗|行吗"),
            cue(
                    "double_negation",
                    "一点|没|挑不出|无可挑剔|不差|不错|毫无问题|不用等|不贵|不麻烦",
                    "一没挑无不毫",
                    "一点(毛病|问题)都没|没有?(任何|一点)(问题|毛病)|挑不出|没毛病|没什么(问题|毛病|可挑|好说)|没得说|没话说|无可挑剔|不差|不错|没得挑|毫无问题|一点都不(贵|慢|差|麻烦)|没有等|没等多久|不用等|不贵|不麻烦"),
            cue("angry_question", "什么|怎么|到底|有没有搞错", "为什么|凭什么|怎么回事|怎么还|到底|什么意思|搞什么|有没有搞错|怎么搞的|你们怎么"),
            cue("sarcasm", "真|呵呵|谢谢你们了啊|服了", "真是好|真行|真棒啊|可真|呵呵|谢谢你们了啊|服了"),
            cue("manager", "经理|店长|老板|主管|负责人|领导|总部|你们上面|管事的", "经理|店长|老板|主管|负责人|领导|总部|你们上面|管事的"),
            cue("complaint", "投诉|举报|告你们|说法", "投诉|举报|告你们|讨个说法|要个说法|给个说法"),
            cue(
                    "authority",
                    "12315|消协|消费者协会|市场监管|工商|律师|起诉|法院|厂家|400|热线|质监|仲裁",
                    "12315|消协|消费者协会|市场监管|工商|律师|起诉|法院|厂家|400|热线|质监|仲裁"),
            cue("public", "曝光|媒体|电视台|记者|抖音|微博|小红书|朋友圈|差评|点评|网上|发帖|视频", "曝光|媒体|电视台|记者|抖音|微博|小红书|朋友圈|差评|点评|网上|发帖|视频"),
            cue("elsewhere", "别|其他店|其他家|另一家|换一家|换家|隔壁|对面那家|网上买", "别家|别的店|别的4s|其他店|其他家|另一家|去别|换一家|换家|隔壁|对面那家|别的品牌|网上买"),
            cue(
                    "never_again",
                    "不|拉黑|最后一次",
                    "再不算以永退拉最",
                    "再也不|不会再|不买了|算了不|不在这|以后不来|不来了|永远不|不推荐|不考虑你们|退了不|不跟你们|拉黑|最后一次|不会来"),
            cue("rival_store", "特斯拉|比亚迪|理想|蔚来|小鹏|京东|天猫|淘宝|苏宁|国美|宜家", "特斯拉|比亚迪|理想|蔚来|小鹏|京东|天猫|淘宝|苏宁|国美|宜家"));

    /** Which cues' literals a text holds, one pass for all cues of a language (was one scan per literal). */
    private static final LiteralScan EN_LITERALS = literals(EN);

    private static final LiteralScan ZH_LITERALS = literals(ZH);

    private Cues() {}

    private static LiteralScan literals(List<Cue> cues) {
        return new LiteralScan(cues.stream().map(Cue::any).toList());
    }

    private static Cue cue(String name, String any, String regex) {
        return new Cue(name, any.split("\\|"), Pattern.compile(regex), regex);
    }

    /**
     * A cue whose every match begins with one of {@code starts}: the pattern tests that one character before trying its
     * alternatives, each behind a word-boundary check (Java's regex engine tries every alternative at every position;
     * these cues were half the cue time). {@code CuesTest} checks on the corpora that the guard changes no match.
     */
    private static Cue cue(String name, String any, String starts, String regex) {
        return new Cue(name, any.split("\\|"), Pattern.compile("(?=[" + starts + "])(?:" + regex + ")"), regex);
    }

    /** The patterns without their guards, compiled when the test first asks (the agent never loads this class). */
    private static final class Unguarded {
        static final List<Pattern> EN_PATTERNS = compile(EN);
        static final List<Pattern> ZH_PATTERNS = compile(ZH);

        private static List<Pattern> compile(List<Cue> cues) {
            return cues.stream().map(c -> Pattern.compile(c.regex())).toList();
        }
    }

    static List<Match> find(NormalizedText t) {
        return find(t, true);
    }

    /**
     * The cues found; {@code prefilter} false runs every pattern without its first-character guard (for the test that
     * the literals and the guards hide nothing).
     */
    static List<Match> find(NormalizedText t, boolean prefilter) {
        List<Match> out = new ArrayList<>();
        String text = t.joined;
        boolean zh = t.lang.equals("zh");
        List<Cue> cues = zh ? ZH : EN;
        long candidates = prefilter ? (zh ? ZH_LITERALS : EN_LITERALS).groupsIn(text) : -1L;
        for (int i = 0; i < cues.size(); i++) {
            if ((candidates & 1L << i) == 0) {
                continue;
            }
            Cue c = cues.get(i);
            Pattern p = prefilter ? c.pattern() : (zh ? Unguarded.ZH_PATTERNS : Unguarded.EN_PATTERNS).get(i);
            Matcher m = p.matcher(text);
            if (m.find()) {
                out.add(new Match(c.name(), m.group().strip(), m.start()));
            }
        }
        return out;
    }
}
