package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Names said where the speech says a name is there go; words that are also names, car makes and models stay. */
class SpokenNamesTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "hi my name is gregory bannister and i'm here for the tyres|hi my name is <name> and i'm here for the tyres",
                "the booking should be under okafor for ten a m|the booking should be under <name> for ten a m",
                "could you ask for priya she sold us the car|could you ask for <name> she sold us the car",
                "mrs van der berg is in the lounge|mrs <name> is in the lounge",
                "hi mrs brown welcome back|hi mrs <name> welcome back",
                "is priya around today|is <name> around today",
                "this is thomas calling from the parts desk|this is <name> calling from the parts desk",
                "please tell natalie karlsson her car is ready|please tell <name> her car is ready",
                "my name is like the flower rose rose albright|my name is like the flower <name> <name>",
                "the surname is novak n o v a k|the surname is <name> <name>",
                "it's whitfield w h i t f i e l d|it's <name> <name>",
                "i'm here with the hernandez family for the pickup|i'm here with the <name> family for the pickup",
                "mr pham's truck is at bay four|mr <name> truck is at bay four",
                "i'll send it to david regarding the invoice|i'll send it to <name> regarding the invoice",
                "put the order in the name of bartholomew please|put the order in the name of <name> please",
                "the customer at bay two says jason was rude to her|the customer at bay two says <name> was rude to her",
                "honestly priya explained the finance better than anyone|honestly <name> explained the finance better than anyone",
            })
    void englishNamesAfterACueGo(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "will the summit white match the trim",
                "mark the date the lease ends in march",
                "say grace before dinner",
                "bill me later for the wipers",
                "the honda dealer on route nine",
                "the lincoln navigator was promised yesterday",
                "is the mercedes benz store in torrance",
                "call me when it's done",
                "i'd like to speak to the manager about the wait",
                "this is ridiculous we waited two hours",
                "the ford ranger and the jeep wrangler are both here",
                "drake blue or june green which colour",
                "bill and ted's excellent adventure is on",
                "penny for your thoughts on the grey one",
                "may i see the frank assessment of the chase card offer",
                "can you ask them not to call me anymore",
                "my wife's name was meant to be on the log book",
                "the mini cooper and the aston martin are in the showroom",
                "call me back later about the quote",
                "i miss the old one honestly",
                "the doctor appointment is at nine",
                "the reservation is confirmed for friday",
                "the dealer is on washington street near jackson",
                "devon was lovely this time of year",
                "the aurora is the one with the tow bar",
                "we moved to dayton and bought the truck there",
                "mercedes will match the finance offer",
                "in the name of fairness we refunded the fee",
            })
    void wordsThatAreAlsoNamesAndCarsStay(String in) {
        assertThat(redactor.redact(in).text()).isEqualTo(in);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "你好 我叫李建华 想 看 一下 途观|你好 我叫<name> 想 看 一下 途观",
                "我 叫 王 小明 上 周 来 过|我 叫 <name> 上 周 来 过",
                "免 贵 姓 赵 走 肖 赵|免 贵 姓 <name>",
                "找 一下 刘 经理|找 一下 <name> 经理",
                "喂 是 唐先生 吗|喂 是 <name>先生 吗",
                "喂 是 唐 先生 吗|喂 是 <name> 先生 吗",
                "我 是 欧阳 娜娜 的 司机|我 是 <name> 的 司机",
                "我 姓 石 石头 的 石|我 姓 <name>",
                "叫 我 老 许 就 行|叫 我 <name> 就 行",
                "我 是 店 里 的 小 孔|我 是 店 里 的 <name>",
                "我 的 英文 名 是 kevin 你 写 这个|我 的 英文 名 是 <name> 你 写 这个",
                "护照 上 写 的 是 zhang xiao long|护照 上 写 的 是 <name>",
                "找 一下 胡 建 华 就是 那个 建 华|找 一下 <name> 就是 那个 <name>",
                "收件 人 写 贺 敏 就 行|收件 人 写 <name> 就 行",
                "我们 的 销售 许 静 一直 不 回 消息|我们 的 销售 <name> 一直 不 回 消息",
                "顾问 小 蒋 帮 我 算 了 一下|顾问 <name> 帮 我 算 了 一下",
                "上 次 接待 我 的 是 林 小 雪|上 次 接待 我 的 是 <name>",
                "那个 何 杰 态度 真 的 差|那个 <name> 态度 真 的 差",
            })
    void chineseNamesAfterACueOrBeforeATitleGo(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "王 牌 服务 是 不是 包含 保养",
                "钱 不是 问题 关键 是 交车",
                "李子 和 橙子 放 在 休息 区",
                "金 毛 狗 能 不能 带 进 展厅",
                "高 远 的 地方 开 过来",
                "小鹏 P7 的 续航 怎么样",
                "这 台 红 旗 H9 的 内饰 不错",
                "我 要 见 你们 经理",
                "师傅 说 要 换 刹车 片",
                "包 上 膜 要 多少 钱",
                "这 款 车 叫 汉 是 比亚迪 的",
                "我 是 王 者 荣耀 玩家",
                "是 高 配 还是 低 配",
                "金 总 价 是 多少",
                "我 的 名字 写 错 了",
                "这 车 名字 叫 海豹",
                "小 米 SU7 有 现车 吗",
                "白 露 那天 天气 转 凉 了",
                "长 江 大 桥 那边 堵 车",
                "我 老婆 高兴 坏 了",
                "我 回去 跟 我 老婆 商量 商量",
                "我 可以 叫 朋友 帮 我 提 车 吗",
                "这 也 叫 优惠",
                "那个 实习生 叫 啥 来着",
                "新 配色 叫 雾霾 蓝",
                "我是全款，你们非说要走贷款",
                "安装 一 条 龙 师傅 手脚 麻利",
                "谢 谢 师 傅 装 得 又 快 又 好",
                "销售 连 自己 家 车 是 前驱 还是 后驱 都 说 不 清楚",
                "小 白 车 的 漆 面 很 好",
            })
    void chineseWordsWithSurnameCharactersStay(String in) {
        assertThat(redactor.redact(in).text()).isEqualTo(in);
    }

    /** Surnames of other countries after a first name; a name said as an aside after a family word. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ask james kowalczyk to call me|ask <name> to call me",
                "can you get hold of kevin for me|can you get hold of <name> for me",
                "add a second driver, hamid please|add a second driver, <name> please",
                "i'm a friend of kenji's, he sent me|i'm a friend of <name>, he sent me",
                "the car is in the name of my father, james achebe|the car is in the name of my father, <name>",
                "车主 是 我 爸 ， 张 建国|车主 是 我 爸 ， <name>",
                "嗯 那个 我 老板 叫 雷 军 不 是 小米 那个|嗯 那个 我 老板 叫 <name> 不 是 小米 那个",
                "嗯 那个 姓名 于 海 洋 明天 保养|嗯 那个 姓名 <name> 明天 保养",
                "你好我叫王志强上周来看过那台白色的凯美瑞|你好我叫<name>上周来看过那台白色的凯美瑞",
                "我老公叫何伟他电话你有|我老公叫<name>他电话你有",
                "叫我老许就行大家都这么叫|叫我<name>就行大家都这么叫",
                "收货人沈佳宜电话后面给你|收货人<name>电话后面给你",
                "预约人龚先生周四下午两点|预约人<name>先生周四下午两点",
                "我是吕涛上次买的是途昂|我是<name>上次买的是途昂",
                "林雪说今天能提车|<name>说今天能提车",
                "登记 在 我 爱人 名下 ， 我 爱人 刘 芳|登记 在 我 爱人 名下 ， 我 爱人 <name>",
            })
    void internationalSurnamesAndAsidesAreRedacted(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "we went to the tesla store then the skoda one",
                "my wife, who drives it, hates the seats",
                "the driver, as usual, was late",
                "get hold of the manager",
                "a friend of mine recommended you",
                "谢 谢 妹 妹 包 得 好 漂 亮",
                "我 爸 ， 他 不 同意",
                "那个 车 叫 汉 EV",
                "叫朋友帮我看看",
                "这款车叫汉EV很好卖",
                "客户高兴得不得了",
                "联系人写我自己",
                "我是全款买的",
                "我是高端客户",
                "那个 款 叫 宋 PLUS",
            })
    void internationalSurnameAndAsideLookAlikesAreKept(String in) {
        assertThat(redactor.redact(in).text()).isEqualTo(in);
    }
}
