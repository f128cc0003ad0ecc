#!/usr/bin/env python3
"""Writes pii-dev.tsv: the redaction development cases (invented personal data, fixed seed).

Run: python3 device/corpus/pii/make_pii_dev.py > device/src/test/resources/insights/pii-dev.tsv
Columns: id lang kind text must_remove must_keep (spans separated by ' | ', '-' for none).
Templates were written by hand for spoken (recognizer-style: lower case, no punctuation, digits as words, Chinese
words spaced) and written text, both languages; numbers are random with valid check digits where kinds have them.
Hand-written edge cases follow the generated ones (HAND below).
"""
from pii_common import EN, EN_OH, ZH, ZH_YAO, TEENS, TENS, digits, en_digits, en_pair, en_grouped, zh_digits, cn_mobile, \
    uk_phone, luhn_complete
import pii_common

R = pii_common.seed(20261202)
NATO = dict(a="alpha", b="bravo", c="charlie", d="delta", e="echo", f="foxtrot", g="golf", h="hotel", j="juliet",
            k="kilo", l="lima", m="mike", n="november", p="papa", r="romeo", s="sierra", t="tango", u="uniform",
            v="victor", w="whiskey", x="xray", y="yankee", z="zulu")
AID = dict(a="apple", b="boy", c="cat", d="dog", e="edward", f="frank", g="george", h="henry", j="john", k="king",
           l="lucy", m="mary", n="nancy", p="peter", r="robert", s="sam", t="tom", u="uncle", v="victor", w="william", x="xray",
           y="yellow", z="zebra")








def us_phone():
    return R.choice(["617", "212", "415", "312", "206", "303", "512"]) + "555" + "01" + digits(2)




def cn_id():
    area = R.choice(["110105", "310104", "440305", "330106", "510107", "420106"])
    birth = "%04d%02d%02d" % (R.randrange(1960, 2004), R.randrange(1, 13), R.randrange(1, 29))
    body = area + birth + digits(3)
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(c) * x for c, x in zip(body, w)) % 11]
    return body + check


rows = []


def add(lang, kind, text, remove, keep=()):
    for s in list(remove) + list(keep):
        assert s in text, (s, text)
    rows.append((lang, kind, text, " | ".join(remove) if remove else "-", " | ".join(keep) if keep else "-"))


# ---------------- phones, English ----------------
en_phone_leads = ["my number is {}", "you can call me on {}", "it's {} that's my cell", "call my wife at {} after five",
                  "my work line is {}", "text me at {} when the car is ready", "the best number is {} thanks",
                  "reach me on {} any time after three thirty"]
for i in range(30):
    p = us_phone() if i % 3 else uk_phone()
    style = i % 8
    if style == 0:
        s = "(%s) %s-%s" % (p[:3], p[3:6], p[6:]) if len(p) == 10 else p[:5] + " " + p[5:]
        lead = R.choice(en_phone_leads).replace("{}", "{}").capitalize() + "."
    elif style == 1:
        s = en_digits(p)
        lead = R.choice(en_phone_leads)
    elif style == 2:
        s = en_digits(p, double=True)
        lead = R.choice(en_phone_leads)
    elif style == 3:
        s = en_grouped(p[:2]) + " " + en_digits(p[2:4]) + " " + en_grouped(p[4:])
        lead = R.choice(en_phone_leads)
    elif style == 4:
        s = en_digits(p[:3]) + " uh " + en_digits(p[3:6]) + " um " + en_digits(p[6:])
        lead = R.choice(en_phone_leads)
    elif style == 5:
        s = p[:3] + ", " + p[3:6] + ", " + p[6:]
        lead = R.choice(en_phone_leads).capitalize() + "."
    elif style == 6:
        s = "+1 " + p[:3] + " " + p[3:6] + " " + p[6:] if len(p) == 10 else "+44 " + p[1:5] + " " + p[5:]
        lead = R.choice(en_phone_leads).capitalize() + "."
    else:
        s = en_digits(p[:3]) + ", " + en_grouped(p[3:7]) + ", " + en_grouped(p[7:])
        lead = R.choice(en_phone_leads)
    add("en", "phone", lead.format(s), [s], ["three thirty"] if "three thirty" in lead else [])

# ---------------- phones, Chinese ----------------
zh_phone_leads = ["我 的 手机 是 {}", "你 打 这个 号码 {} 就 行", "电话 {} 找 王 先生", "我 老婆 的 手机 {} 有事 打 她",
                  "留 个 电话 吧 {}", "号码 是 {} 下午 三 点 以后 打", "您 记 一下 {} 这 是 我 的 微信 也 是 手机"]
for i in range(32):
    p = cn_mobile()
    style = i % 9
    if style == 0:
        s = p
        text = "我的手机是" + s + "，有事打我。"
    elif style == 1:
        s = p[:3] + "-" + p[3:7] + "-" + p[7:]
        text = "电话：" + s + "，找王先生。"
    elif style == 2:
        s = zh_digits(p, yao=True)
        text = R.choice(zh_phone_leads).format(s)
    elif style == 3:
        s = zh_digits(p[:3], yao=True) + " 嗯 " + zh_digits(p[3:7]) + " 那个 " + zh_digits(p[7:])
        text = R.choice(zh_phone_leads).format(s)
    elif style == 4:
        s = zh_digits(p[:3], yao=True) + " 中间 是 " + zh_digits(p[3:7], yao=True) + " 后面 是 " + zh_digits(p[7:], yao=True)
        text = R.choice(zh_phone_leads).format(s)
    elif style == 5:
        s = zh_digits(p, sep="")
        text = "我手机号" + s + "，麻烦尽快回个电话。"
    elif style == 6:
        s = "+86 " + p[:3] + " " + p[3:7] + " " + p[7:]
        text = "手机 " + s + " 微信同号"
    elif style == 7:
        s = p[:3] + " " + p[3:7] + " " + p[7:]
        text = R.choice(zh_phone_leads).format(s)
    else:
        s = " ".join(ZH_YAO[int(c)] if c in "12" else ZH[int(c)] for c in p)
        text = R.choice(zh_phone_leads).format(s)
    keep = [k for k in ["下午 三 点"] if k in text]
    add("zh", "phone", text, [s], keep)
# landlines
for i in range(8):
    area = R.choice(["010", "021", "0755", "020", "0571"])
    num = digits(8 if len(area) == 3 else 7)
    if i % 2:
        s = area + "-" + num
        add("zh", "phone", "座机 " + s + " 上班 时间 都 在", [s])
    else:
        s = zh_digits(area) + " " + zh_digits(num, yao=True)
        add("zh", "phone", "公司 座机 " + s + " 分机 找 前台", [s])

# ---------------- e-mails ----------------
first = ["john", "anna", "mike", "linda", "kevin", "grace", "tom", "sarah", "david", "emma", "peter", "lucy"]
last = ["smith", "lee", "brown", "wong", "garcia", "miller", "chen", "taylor", "nguyen", "walker"]
doms = [("gmail", "com"), ("yahoo", "com"), ("outlook", "com"), ("hotmail", "co dot uk"), ("icloud", "com"),
        ("example", "org"), ("mail", "net")]
for i in range(22):
    f, l = R.choice(first), R.choice(last)
    d, t = R.choice(doms)
    style = i % 7
    if style == 0:
        s = f + " dot " + l + " at " + d + " dot " + t
    elif style == 1:
        s = f + " underscore " + l + " " + en_pair(digits(2)) + " at " + d + " dot " + t
    elif style == 2:
        s = " ".join(f) + " at " + d + " dot " + t
    elif style == 3:
        s = f + " hyphen " + l + " at " + d + " dot " + t
    elif style == 4:
        s = f[0] + " " + l + " " + en_digits(digits(2)) + " at " + d + " dot " + t
    elif style == 5:
        s = (f + "." + l + "@" + d + "." + t.replace(" dot ", ".")).replace(" ", "")
    else:
        s = f + l + digits(2) + " at sign " + d + " dot " + t
    lead = R.choice(["my email is {}", "send the quote to {} please", "it's {}", "email me at {} with the offer",
                     "you can reach my husband at {}", "the address is {} all lower case"])
    text = lead.format(s)
    if style == 5:
        text = lead.format(s).capitalize() + "."
    add("en", "email", text, [s])
py = ["zhangsan", "lina", "wangwei", "liuyang", "chenjing", "zhaolei", "sunli", "huangmin"]
for i in range(18):
    n = R.choice(py)
    style = i % 6
    if style == 0:
        s = n + " 艾特 qq 点 com"
    elif style == 1:
        s = n[:len(n) // 2] + " 下划线 " + n[len(n) // 2:] + " 艾特 163 点 com"
    elif style == 2:
        s = n + " " + zh_digits(digits(3)) + " 艾特 126 点 com"
    elif style == 3:
        s = n + digits(2) + "@qq.com"
    elif style == 4:
        s = n + " 点 " + R.choice(["li", "wang", "chen"]) + " at gmail 点 com"
    else:
        s = n + " 杠 work 艾特 sina 点 cn"
    lead = R.choice(["我 的 邮箱 是 {}", "报价 发 到 {} 就 行", "邮箱 {} 谢谢", "你 发 我 邮箱 吧 {}"])
    text = lead.format(s) if style != 3 else "我的邮箱是" + s + "，合同发这里。"
    add("zh", "email", text, [s])

# ---------------- plates ----------------
prov = "京沪粤浙苏川鄂鲁"
letters = "abcdefghjklmnprstuvwxyz"
for i in range(20):
    p = R.choice(prov)
    L = R.choice(letters).upper()
    num = digits(5)
    style = i % 5
    if style == 0:
        s = p + L + num
        text = "我的车牌是" + s + "，停在门口。"
    elif style == 1:
        s = p + " " + L + " " + zh_digits(num, yao=True)
        text = "车牌 " + s + " 的 那 台 车 是 我 的"
    elif style == 2:
        s = p + L + "·D" + num
        text = "新能源车牌" + s + "，麻烦登记一下。"
    elif style == 3:
        s = p + " " + L.lower() + " " + zh_digits(num)
        text = "我 的 车 是 " + s + " 白色 的"
    else:
        s = p + " " + L + " D " + zh_digits(num, yao=True)
        text = "新能源 牌照 " + s + " 来 做 保养"
    add("zh", "plate", text, [s])
for i in range(20):
    style = i % 6
    a, b, c = (R.choice(letters) for _ in range(3))
    num = digits(3)
    if style == 0:
        s = digits(1) + " " + NATO[a] + " " + NATO[b] + " " + NATO[c] + " " + en_digits(num)
        text = "my plate is " + s
    elif style == 1:
        s = a + " " + b + " " + c + " " + en_digits(digits(4))
        text = "the license plate is " + s + " it's the grey one"
    elif style == 2:
        s = (a + b + c).upper() + " " + digits(4)
        text = "Plate " + s + ", silver sedan."
    elif style == 3:
        s = a + " as in " + AID.get(a, "apple") + " " + b + " as in " + AID.get(b, "boy") + " " + en_digits(digits(4))
        text = "registration is " + s + " thanks"
    elif style == 4:
        s = (a + b).upper() + digits(2) + " " + (c + R.choice(letters) + R.choice(letters)).upper()
        text = "Our reg is " + s + ", booked in for a service."
    else:
        s = digits(1) + (a + b + c).upper() + digits(3)
        text = "The car with plate " + s + " is mine."
    add("en", "plate", text, [s])

# ---------------- ID numbers ----------------
for i in range(14):
    idn = cn_id()
    style = i % 4
    if style == 0:
        s = idn
        text = "身份证号" + s + "，您核对一下。"
    elif style == 1:
        s = " ".join(ZH[int(c)] if c != "X" else "叉" for c in idn)
        text = "身份证 号码 是 " + s
    elif style == 2:
        s = idn[:6] + " " + idn[6:14] + " " + idn[14:]
        text = "证件 号 " + s + " 办 贷款 用"
    else:
        s = " ".join(ZH_YAO[int(c)] if c != "X" else "x" for c in idn)
        text = "我 身份证 " + s + " 你 帮 我 查 一下"
    add("zh", "id_number", text, [s])
for i in range(12):
    style = i % 4
    if style == 0:
        ssn = "9" + digits(2) + "-" + digits(2) + "-" + digits(4)
        s = ssn
        text = "My SSN is " + s + " for the credit check."
    elif style == 1:
        d = "9" + digits(8)
        s = en_digits(d[:3]) + " " + en_digits(d[3:5]) + " " + en_digits(d[5:])
        text = "social security number " + s
    elif style == 2:
        d = R.choice("ACEGKL").upper() + digits(8)
        s = d
        text = "Passport number " + s + ", expires next year."
    else:
        d = R.choice("dfgk") + digits(7)
        s = d[0] + " " + en_digits(d[1:])
        text = "my driver's license number is " + s
    add("en", "id_number", text, [s])

# ---------------- cards ----------------
for i in range(12):
    c = luhn_complete(R.choice(["4", "5", "62"]), 16 if i % 4 else 19)
    style = i % 4
    if style == 0:
        s = " ".join(c[k:k + 4] for k in range(0, len(c), 4))
        text = "Card number " + s + ", expiry next March."
    elif style == 1:
        s = en_digits(c)
        text = "the card is " + s
    elif style == 2:
        s = ", ".join(en_grouped(c[k:k + 4]) for k in range(0, len(c), 4))
        text = "card number " + s + " expires in twenty seven"
    else:
        s = c
        text = "Pay with " + s + " please."
    add("en", "card", text, [s], ["twenty seven"] if "twenty seven" in text else [])
for i in range(12):
    c = luhn_complete("62", 19 if i % 3 == 0 else 16)
    style = i % 3
    if style == 0:
        s = zh_digits(c)
        text = "卡号 是 " + s
    elif style == 1:
        s = " ".join(c[k:k + 4] for k in range(0, len(c), 4))
        text = "银行卡号" + s + "，首付从这张卡扣。"
    else:
        s = zh_digits(c[:4], yao=True) + " 嗯 " + zh_digits(c[4:8]) + " " + zh_digits(c[8:12]) + " " + zh_digits(c[12:])
        text = "刷 这 张 卡 " + s
    add("zh", "card", text, [s], [])

# ---------------- mixed ----------------
for i in range(10):
    p = cn_mobile()
    plate = R.choice(prov) + R.choice(letters).upper() + digits(5)
    s1 = zh_digits(p, yao=True)
    text = "车牌 " + plate + " 车主 电话 " + s1 + " 明天 上午 十 点 来 提车"
    add("zh", "mixed", text, [plate, s1], ["上午 十 点"])
for i in range(10):
    p = us_phone()
    f, l = R.choice(first), R.choice(last)
    e = f + " dot " + l + " at gmail dot com"
    s1 = en_digits(p)
    text = "call me on " + s1 + " or email " + e + " about the twenty nine thousand dollar offer"
    add("en", "mixed", text, [s1, e], ["twenty nine thousand dollar"])

# ---------------- keep only ----------------
KEEP = [
    ("en", "the out the door price is twenty nine thousand nine hundred dollars", ["twenty nine thousand nine hundred dollars"]),
    ("en", "The sticker says $32,499 but they want $34,950 with fees.", ["$32,499", "$34,950"]),
    ("en", "we waited forty five minutes for the test drive", ["forty five minutes"]),
    ("en", "come back at three thirty on thursday", ["three thirty"]),
    ("en", "it's the twenty twenty four model with twelve thousand miles on it", ["twenty twenty four", "twelve thousand miles"]),
    ("en", "APR is 3.9% for 72 months with $2,000 down.", ["3.9%", "72 months", "$2,000"]),
    ("en", "one two three four five six seven eight nine ten that's how many cars they sold", ["one two three four five six seven eight nine ten"]),
    ("en", "the v six makes five five five horsepower", ["five five five horsepower"]),
    ("en", "if it happens again call nine one one", ["nine one one"]),
    ("en", "your ticket is a zero two three please wait to be called", ["a zero two three"]),
    ("en", "tyres are 225/45 R17 and cost $189 each", ["225/45 R17", "$189"]),
    ("en", "it has a seventy five kilowatt hour battery and three hundred fifty horsepower", ["seventy five", "three hundred fifty horsepower"]),
    ("en", "the service on 2024-10-08 cost 389 dollars", ["2024-10-08", "389 dollars"]),
    ("en", "we sold 1,200 units last quarter", ["1,200"]),
    ("en", "the monthly payment is four eighty nine for sixty months", ["four eighty nine", "sixty months"]),
    ("en", "it's nineteen ninety nine for the extended warranty", ["nineteen ninety nine"]),
    ("en", "the lexus rx 350 and the bmw x5 are both on the lot", ["rx 350", "x5"]),
    ("en", "I need two sets of keys and three floor mats", ["two", "three"]),
    ("en", "The 2023 model is 10% off until 10/31.", ["2023", "10%", "10/31"]),
    ("en", "delivery is booked for october eighth at ten fifteen", ["ten fifteen"]),
    ("en", "the trade in value was eighteen thousand five hundred", ["eighteen thousand five hundred"]),
    ("en", "that's a five hundred dollar doc fee", ["five hundred dollar"]),
    ("en", "the queue number is one twenty seven", ["one twenty seven"]),
    ("en", "my kids are seven and nine and they loved the lounge", ["seven and nine"]),
    ("en", "it does zero to sixty in four point five seconds", ["zero to sixty", "four point five seconds"]),
    ("en", "The GLE 350 is $61,900 and the GLC 300 is $48,350.", ["GLE 350", "$61,900", "GLC 300", "$48,350"]),
    ("en", "we drove two hundred and fifty miles yesterday", ["two hundred and fifty miles"]),
    ("en", "order four of the sixty five inch tvs for the showroom", ["four", "sixty five inch"]),
    ("en", "rates start at two point nine percent", ["two point nine percent"]),
    ("en", "The price was 1,250,000 yen at the import lot.", ["1,250,000"]),
    ("en", "open from nine to six monday to saturday", ["nine to six"]),
    ("en", "I've been here since ten and it's now twelve thirty", ["ten", "twelve thirty"]),
    ("en", "the model year is two thousand twenty five", ["two thousand twenty five"]),
    ("en", "buy three get one free on the tyres", ["three", "one"]),
    ("en", "the fifteen minute oil change took an hour and ten minutes", ["fifteen minute", "an hour and ten minutes"]),
    ("zh", "落地 价 二十 万 零 八 千", ["二十 万 零 八 千"]),
    ("zh", "这款手机六千九百九十九，能便宜点吗", ["六千九百九十九"]),
    ("zh", "下午 三 点 来 提车", ["下午 三 点"]),
    ("zh", "预约的是10月8号上午9:30", ["10月8号上午9:30"]),
    ("zh", "等 了 两 个 小时 四十 分钟", ["两 个 小时 四十 分钟"]),
    ("zh", "二零二四 款 的 还有 现车 吗", ["二零二四 款"]),
    ("zh", "2024款的落地价是23.98万", ["2024款", "23.98万"]),
    ("zh", "开 了 一万 二 千 公里 就 坏 了", ["一万 二 千 公里"]),
    ("zh", "我 要 打 一 二 三 一 五 投诉 你们", ["一 二 三 一 五"]),
    ("zh", "我要打12315投诉你们", ["12315"]),
    ("zh", "首付 三 万 月供 两 千 八", ["三 万", "两 千 八"]),
    ("zh", "利率 三 点 九 九 分 三十六 期", ["三 点 九 九", "三十六 期"]),
    ("zh", "排队 号 是 A 零 二 三", ["A 零 二 三"]),
    ("zh", "轮胎 是 225/45 R17 的", ["225/45 R17"]),
    ("zh", "电池 七十五 度 续航 六百 公里", ["七十五 度", "六百 公里"]),
    ("zh", "保养 一次 八百 八十 块", ["八百 八十 块"]),
    ("zh", "我们 家 两 台 车 都 是 在 这 买 的", ["两 台"]),
    ("zh", "优惠 了 一万 五 还 送 三 次 保养", ["一万 五", "三 次"]),
    ("zh", "等了三天还没人回电话", ["三天"]),
    ("zh", "十二 月 二十 号 之前 能 交车 吗", ["十二 月 二十 号"]),
    ("zh", "价格 是 十二 万 八千", ["十二 万 八千"]),
    ("zh", "这 车 百公里 加速 六 点 八 秒", ["六 点 八 秒"]),
    ("zh", "一 二 三 四 五 六 七 八 九 十 数 一下 有 几 台", ["一 二 三 四 五 六 七 八 九 十"]),
    ("zh", "上 周 五 下午 四 点 半 来 的", ["四 点 半"]),
    ("zh", "店里 有 三十 多 台 现车", ["三十 多 台"]),
    ("zh", "置换补贴8000元，再送2000元油卡", ["8000元", "2000元"]),
    ("zh", "二手车 评估 才 给 六 万 五", ["六 万 五"]),
    ("zh", "一共 八 万 六 千 四 百", ["八 万 六 千 四 百"]),
    ("zh", "2.0T 的 发动机 两百 五十 马力", ["2.0T", "两百 五十 马力"]),
    ("zh", "二零二三年十月八号交的定金", ["二零二三年十月八号"]),
]
for lang, text, keep in KEEP:
    add(lang, "none", text, [], keep)

# ---------------- hand-written edge cases ----------------
HAND = [
    ("en", "phone", "my number is two two one oh sorry two two one four five five five oh one nine eight",
     ["two two one oh sorry two two one four five five five oh one nine eight"], []),
    ("en", "phone", "area code is six one seven and the number is five five five oh one four two",
     ["six one seven", "five five five oh one four two"], []),
    ("en", "phone", "it's triple five oh one two three and the extension doesn't matter", ["triple five oh one two three"], []),
    ("en", "phone", "call me uh four one five, uh, five five five, oh one, three three, ok",
     ["four one five, uh, five five five, oh one, three three"], []),
    ("en", "email", "my email is k dot wong eighty eight at outlook dot com and my budget is thirty thousand",
     ["k dot wong eighty eight at outlook dot com"], ["thirty thousand"]),
    ("en", "email", "Send it to grace.taylor@example.co.uk. Thanks!", ["grace.taylor@example.co.uk"], []),
    ("en", "email", "it's mike at garage dot net no wait mike at garage dot com", ["mike at garage dot net", "mike at garage dot com"], []),
    ("en", "plate", "plate number is k j four eight two one", ["k j four eight two one"], []),
    ("en", "plate", "my tag is seven x ray yankee zulu four four two", ["seven x ray yankee zulu four four two"], []),
    ("en", "card", "visa forty five thirty two oh one fifty one twelve eighty three oh three sixty six",
     ["forty five thirty two oh one fifty one twelve eighty three oh three sixty six"], []),
    ("zh", "phone", "我 电话 幺 八 六 呃 两 两 三 四 那个 五 五 六 七", ["幺 八 六 呃 两 两 三 四 那个 五 五 六 七"], []),
    ("zh", "phone", "手机号 一 三 九 零 零 一 二 不对 一 三 九 零 零 一 二 三 四 五 六",
     ["一 三 九 零 零 一 二 不对 一 三 九 零 零 一 二 三 四 五 六"], []),
    ("zh", "email", "邮箱 是 wang 下划线 fei 八 八 艾特 foxmail 点 com 麻烦 发 一下 报价",
     ["wang 下划线 fei 八 八 艾特 foxmail 点 com"], []),
    ("zh", "plate", "车牌 是 苏 E 幺 两 洞 八 九 白色 的 SUV", ["苏 E 幺 两 洞 八 九"], []),
    ("zh", "plate", "我的车是沪A-D1234，今天来保养。", ["沪A-D1234"], []),
    ("zh", "mixed", "我 叫 李 明 电话 一 三 八 零 零 一 三 八 零 零 零 身份证 四 四 零 三 零 五 一 九 九 零 零 一 零 一 一 二 三 四 叉",
     ["一 三 八 零 零 一 三 八 零 零 零", "四 四 零 三 零 五 一 九 九 零 零 一 零 一 一 二 三 四 叉"], []),
    ("en", "none", "we're at the dealer on fifth street", [], []),
    ("en", "none", "meet me at ten at the service desk", [], ["ten"]),
    ("zh", "none", "我 在 四 S 店 等 了 一 个 小时", [], ["一 个 小时"]),
    ("en", "none", "the top trim is the xle and the base is the le", [], []),
    ("en", "none", "The 2024, 2025 models are both here.", [], ["2024, 2025"]),
    ("en", "none", "we have the twenty twenty three twenty twenty four and the new one", [], ["twenty twenty three twenty twenty four"]),
    ("zh", "none", "有 问题 打 厂家 的 400-820-1234 热线", [], ["400-820-1234"]),
    ("en", "none", "roadside assistance is one eight hundred five five five oh one nine nine", [], ["one eight hundred five five five oh one nine nine"]),
    ("zh", "none", "这 台 车 的 vin 是 LSVAM4187C2012345 你 核对 一下", [], []),
    ("en", "none", "the x5 and the x3 are both in stock at forty nine nine and thirty nine nine", [], ["forty nine nine", "thirty nine nine"]),
    ("zh", "none", "我 买 了 三 台 一 台 给 我 爸", [], ["三 台"]),
    ("en", "none", "I paid 500 down and 389 a month for 72 months", [], ["500", "389", "72 months"]),
    ("zh", "none", "九 点 到 五 点 都 有 人", [], ["九 点 到 五 点"]),
]
for lang, kind, text, remove, keep in HAND:
    add(lang, kind, text, remove, keep)

print("id\tlang\tkind\ttext\tmust_remove\tmust_keep")
for i, (lang, kind, text, remove, keep) in enumerate(rows, 1):
    print("pd%03d\t%s\t%s\t%s\t%s\t%s" % (i, lang, kind, text, remove, keep))
