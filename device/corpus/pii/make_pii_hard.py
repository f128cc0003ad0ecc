#!/usr/bin/env python3
"""Writes the harder redaction cases (issue 15, second round): more varied spoken forms than make_pii_dev.py.

Run:
  python3 device/corpus/pii/make_pii_hard.py dev     > device/src/test/resources/insights/pii-hard-dev.tsv
  python3 device/corpus/pii/make_pii_hard.py heldout > device/src/test/resources/insights/pii-hard-heldout.tsv

Written BEFORE the rules that handle them. Two parts from different seeds AND different pools: the held-out part uses
lead-in phrases, names, domains, letter-name alphabets and surrounding words that the dev part never uses, plus a few
forms only it has (marked HELDOUT_ONLY). Rules are developed on `dev` only; `heldout` is read after, to see whether the
rules generalise rather than fit the dev phrasing. Same columns as pii-dev.tsv (id lang kind text must_remove must_keep).
All numbers, names and addresses are invented (reserved 555-01xx / 07700 900xxx phone ranges, example domains).
"""
import sys

from pii_common import EN, EN_OH, ZH, ZH_YAO, TEENS, TENS, digits, en_digits, en_pair, en_grouped, zh_digits, cn_mobile, \
    uk_phone, luhn_complete
import pii_common

PART = sys.argv[1] if len(sys.argv) > 1 else "dev"
assert PART in ("dev", "heldout")
DEV = PART == "dev"
R = pii_common.seed(151 if DEV else 9151)

NATO = dict(a="alpha", b="bravo", c="charlie", d="delta", e="echo", f="foxtrot", g="golf", h="hotel", i="india", j="juliet",
            k="kilo", l="lima", m="mike", n="november", o="oscar", p="papa", q="quebec", r="romeo", s="sierra", t="tango",
            u="uniform", v="victor", w="whiskey", x="x-ray", y="yankee", z="zulu")
# letter names people improvise ("b as in boy"); two pools so held-out aids are words the dev part never used
AID_DEV = dict(a="apple", b="boy", c="cat", d="david", e="easy", f="fox", g="george", h="harry", j="jack", k="king",
               l="lemon", m="mother", n="nora", p="paul", r="rose", s="sugar", t="tommy", u="umbrella", v="violet",
               w="water", x="xylophone", y="yoyo", z="zoo")
AID_HELD = dict(a="adam", b="baker", c="canada", d="dog", e="elephant", f="frank", g="golf", h="house", j="jelly",
                k="kitten", l="london", m="mary", n="nut", p="pizza", r="radio", s="snake", t="toronto", u="under",
                v="van", w="wolf", x="xmas", y="yes", z="zebra")
AID = AID_DEV if DEV else AID_HELD
LETTER_NAMES = dict(a="a", b="bee", c="see", d="dee", e="e", f="ef", g="gee", h="aitch", j="jay", k="kay", l="el",
                    m="em", n="en", p="pee", r="are", s="ess", t="tee", u="you", v="vee", w="double u", x="ex", y="why",
                    z="zed")


def pick(dev_pool, held_pool):
    return R.choice(dev_pool if DEV else held_pool)






def en_hundreds(three):
    """'555' -> 'five fifty five', '800' -> 'eight hundred', '212' -> 'two twelve'."""
    if three[1:] == "00":
        return EN[int(three[0])] + " hundred"
    return EN[int(three[0])] + " " + en_pair(three[1:])



def zh_mixed(d, sep=" "):
    """Spoken Chinese digits with 幺 for 1 and 两 for 2 only sometimes, as people actually mix them."""
    out = []
    for c in d:
        if c == "1":
            out.append(R.choice(["一", "幺", "幺"]))
        elif c == "2":
            out.append(R.choice(["二", "两"]))
        elif c == "0":
            out.append(R.choice(["零", "零", "洞"]))
        else:
            out.append(ZH[int(c)])
    return sep.join(out)



def us_phone():
    return R.choice(["617", "212", "415", "312", "206", "303", "512", "718", "404", "702"]) + "555" + "01" + digits(2)




rows = []


def add(lang, kind, text, remove, keep=()):
    for s in list(remove) + list(keep):
        assert s in text, (s, text)
    rows.append((lang, kind, text, " | ".join(remove) if remove else "-", " | ".join(keep) if keep else "-"))


FILL_EN = ["uh", "um", "like", "you know", "let me see", "hold on", "sorry"] if DEV else ["uh", "erm", "hmm", "i think",
                                                                                          "wait", "ok so", "right"]
FILL_ZH = ["嗯", "呃", "那个", "就是"] if DEV else ["啊", "额", "然后", "我看看"]

# ---------------- spoken e-mails, English ----------------
first = ["john", "anna", "mike", "linda", "kevin", "grace", "tom", "sarah"] if DEV else ["oliver", "maria", "james",
                                                                                        "sophie", "brian", "nina", "carlos", "helen"]
last = ["smith", "lee", "brown", "wong", "garcia", "chen"] if DEV else ["patel", "kim", "murphy", "silva", "novak", "ito"]
providers = ["gmail", "yahoo", "outlook", "hotmail", "icloud", "aol"] if DEV else ["protonmail", "gmx", "live", "msn",
                                                                                   "fastmail", "zoho"]
companies = ["bright motors", "acme", "northside auto", "bluebird"] if DEV else ["riverside cars", "lumen", "oak valley", "starlight"]
tlds = ["com", "net", "org", "co dot uk", "com dot au", "io"] if DEV else ["com", "ca", "de", "co dot nz", "us", "biz"]
en_mail_leads = ["my email is {}", "send it to {} please", "you can email me at {}", "the address is {} all lower case",
                 "shoot me an email {}", "it's {} thanks", "my work email {}", "email {} and cc my wife"] if DEV else [
    "drop the paperwork to {}", "my e-mail address is {} ok", "contact me via {}", "{} is the best way to reach me",
    "forward the quote over to {}", "her address is {} no caps", "write to {} please", "just mail me {}"]
for i in range(40):
    f, l = R.choice(first), R.choice(last)
    t = R.choice(tlds)
    d = R.choice(providers)
    at = R.choice(["at", "at", "at", "at sign", "at symbol"] if DEV else ["at", "at", "at the rate", "at sign", "at"])
    style = i % 10
    if style == 0:
        s = f + " " + l + " " + at + " " + d + " dot " + t
    elif style == 1:
        s = f + " period " + l + " " + at + " " + d + " dot " + t
    elif style == 2:
        s = " ".join(f) + " " + at + " " + d + " dot " + t
    elif style == 3:
        s = f + " " + en_grouped(digits(4)) + " " + at + " " + d + " dot " + t
    elif style == 4:
        s = f[0] + " dot " + l + " " + at + " " + R.choice(companies) + " dot " + t
    elif style == 5:
        s = f + " underscore " + l + " " + at + " " + R.choice(companies).replace(" ", "") + " dot " + t
    elif style == 6:
        s = f + " dash " + l + " " + R.choice(["eighty eight", "oh seven", "two thousand", "nineteen"]) + " " + at + " " + d + " dot " + t
    elif style == 7:
        s = " ".join(f) + " " + " ".join(l) + " " + at + " " + d + " dot " + t
    elif style == 8:
        s = f + l + " " + R.choice(FILL_EN[:2]) + " " + at + " " + d + " dot " + t
    else:
        s = f + " " + at + " " + d + " dot " + " ".join(t.split(" dot ")[0])  # "dot c o m"
    text = R.choice(en_mail_leads).format(s)
    add("en", "email", text, [s])
# written with spaces/odd forms
for i in range(8):
    f, l = R.choice(first), R.choice(last)
    d = R.choice(providers)
    style = i % 4
    if style == 0:
        s = f + "." + l + " @ " + d + ".com"
    elif style == 1:
        s = (f + "_" + l + digits(2) + "@" + d + ".com").upper()
    elif style == 2:
        s = f + "(at)" + d + ".com"
    else:
        s = f + l + " at " + d + ".com"
    add("en", "email", R.choice(["Email: {}", "Please send it to {} thanks.", "Reach me at {}."]).format(s), [s])

# ---------------- spoken e-mails, Chinese ----------------
py = ["zhangsan", "lina", "wangwei", "liuyang", "chenjing"] if DEV else ["zhouxun", "hanmei", "sunhao", "xuli", "gaofeng"]
zh_doms = ["qq", "163", "126", "sina", "foxmail"] if DEV else ["139", "sohu", "aliyun", "yeah", "hotmail"]
zh_at = ["艾特", "艾特", "at", "圈 a", "@"] if DEV else ["艾 特", "at", "小 老鼠", "圈 a", "爱特"]
zh_dot = ["点", "点", "点", "dot"] if DEV else ["点", "点", "点", "dot"]
zh_mail_leads = ["我 的 邮箱 是 {}", "报价 发 到 {} 就 行", "邮箱 {} 谢谢", "你 发 我 邮箱 吧 {}", "合同 发 {} 这个 邮箱"] if DEV else [
    "资料 发 我 邮箱 {} 就 好", "邮件 地址 是 {} 全 小写", "你 记 一下 {} 这 是 我 邮箱", "发 到 我 老公 的 邮箱 {}"]
for i in range(30):
    n = R.choice(py)
    at = R.choice(zh_at)
    dot = R.choice(zh_dot)
    dom = R.choice(zh_doms)
    style = i % 8
    if style == 0:
        s = n + " " + at + " " + dom + " " + dot + " com"
    elif style == 1:  # QQ number as the local part
        s = zh_mixed(digits(R.choice([8, 9, 10]))) + " " + at + " qq " + dot + " com"
    elif style == 2:
        s = " ".join(n) + " " + at + " " + dom + " " + dot + " com"
    elif style == 3:
        s = n + " " + zh_digits(digits(4)) + " " + at + " " + dom + " " + dot + " com"
    elif style == 4:
        s = n + " " + at + " " + dom + " " + dot + " com " + dot + " cn"
    elif style == 5:
        s = n[:3] + " 下划线 " + n[3:] + " " + at + " " + dom + " " + dot + " net"
    elif style == 6:
        s = zh_mixed(digits(9), sep="") + at.replace(" ", "") + "qq" + dot.replace(" ", "") + "com"
    else:
        s = n + " " + R.choice(FILL_ZH) + " " + at + " " + dom + " " + dot + " cn"
    add("zh", "email", R.choice(zh_mail_leads).format(s), [s])

# ---------------- spelled plates, English ----------------
letters = "abcdefghjklmnprstuvwxyz"
en_plate_leads = ["my plate is {}", "the plate number's {}", "plate {} it's the red one", "registration {} booked for ten",
                  "license plate {} in the back lot", "the tag is {}", "my reg is {}"] if DEV else [
    "it's the suv with plates {}", "licence plate is {} i think", "the car's registration is {}",
    "tags read {}", "the rego is {} silver hatch", "plate number {} ready for pickup"]
for i in range(48):
    a, b, c, d = (R.choice(letters) for _ in range(4))
    num = digits(R.choice([3, 4]))
    style = i % 12
    if style == 0:
        s = NATO[a] + " " + NATO[b] + " " + NATO[c] + " " + en_digits(num)
    elif style == 1:
        s = en_digits(digits(1)) + " " + NATO[a] + " " + NATO[b] + " " + NATO[c] + " " + en_digits(digits(3))
    elif style == 2:
        s = a + " " + b + " " + c + " " + en_grouped(digits(4))
    elif style == 3:
        s = a + " as in " + AID.get(a, "apple") + " " + b + " as in " + AID.get(b, "boy") + " " + c + " " + en_digits(num)
    elif style == 4:
        s = a + " for " + AID.get(a, "apple") + " " + b + " for " + AID.get(b, "boy") + " " + en_digits(num)
    elif style == 5:
        s = LETTER_NAMES.get(a, a) + " " + LETTER_NAMES.get(b, b) + " " + LETTER_NAMES.get(c, c) + " " + en_digits(num)
    elif style == 6:
        s = en_digits(digits(2)) + " " + a + " " + b + " " + en_digits(digits(3))
    elif style == 7:
        s = a + " " + b + " " + en_digits(digits(2)) + " " + c + " " + d + " " + R.choice(letters)
    elif style == 8:
        s = a + " " + b + " " + c + " dash " + en_digits(num)
    elif style == 9:
        s = NATO[a] + " " + b + " " + NATO[c] + " " + en_digits(num, double=True)
    elif style == 10:
        s = a + " " + b + " " + c + " " + en_hundreds(digits(1) + digits(2))
    else:
        s = "capital " + a + " capital " + b + " " + en_digits(num)
    add("en", "plate", R.choice(en_plate_leads).format(s), [s])
# written
for i in range(8):
    a, b, c = (R.choice(letters).upper() for _ in range(3))
    style = i % 4
    if style == 0:
        s = a + b + "-" + digits(4)
    elif style == 1:
        s = a + b + c + "-" + digits(3)
    elif style == 2:
        s = digits(1) + a + b + c + " " + digits(3)
    else:
        s = a + b + digits(2) + "-" + c + R.choice(letters).upper() + R.choice(letters).upper()
    add("en", "plate", R.choice(["Plate: {}.", "Her plate is {} (blue Corolla).", "Tag {}, parked out front."]).format(s), [s])

# ---------------- Chinese plates ----------------
prov = "京沪粤浙苏川鄂鲁" if DEV else "津渝湘闽陕辽皖豫"
zh_plate_leads = ["我 的 车牌 是 {}", "车牌号 {} 白色 的", "{} 那 台 是 我 的", "牌照 是 {} 停 在 门口", "登记 一下 车牌 {}"] if DEV else [
    "车 号 是 {} 黑色 的", "麻烦 查 一下 {} 这 台 车", "{} 的 车主 在 吗", "我 开 的 是 {} 那 辆", "车牌 {} 来 取 车"]
for i in range(40):
    p = R.choice(prov)
    L = R.choice(letters).upper()
    num = digits(5)
    style = i % 10
    if style == 0:
        s = p + " " + L + " " + zh_mixed(num)
    elif style == 1:
        s = p + " " + L.lower() + " " + zh_digits(num, yao=True)
    elif style == 2:
        s = p + " " + L + " " + R.choice(letters).upper() + " " + zh_mixed(digits(4))  # letter inside
    elif style == 3:
        s = p + " " + L + " D " + zh_mixed(num)  # new energy, 6 symbols
    elif style == 4:
        s = p + L + zh_mixed(num, sep="")  # no spaces
    elif style == 5:
        s = p + " " + L + " " + zh_mixed(num[:2]) + " " + R.choice(FILL_ZH) + " " + zh_mixed(num[2:])
    elif style == 6:
        s = p + " " + L + " " + R.choice(["幺 幺", "两 两", "八 八", "洞 洞"]) + " " + zh_mixed(digits(3))
    elif style == 7:
        s = p + L + "·" + num
    elif style == 8:
        s = p + " " + L + " " + num
    else:
        s = p + " " + L + " " + zh_mixed(num[:3]) + " " + R.choice(letters).upper() + " " + zh_mixed(num[3:4])
    add("zh", "plate", R.choice(zh_plate_leads).format(s), [s])

# ---------------- phones, English ----------------
en_phone_leads = ["my number is {}", "call me at {}", "it's {} that's my cell", "text {} when it's ready", "reach me on {}",
                  "my cell is {} after five"] if DEV else ["the callback number is {}", "try my mobile {}",
                                                          "ring me on {} any time", "you can text me {} ok",
                                                          "her phone number is {}", "my direct line is {}"]
for i in range(48):
    p = us_phone() if i % 4 else uk_phone()
    style = i % 12
    f1, f2 = R.choice(FILL_EN), R.choice(FILL_EN)
    if style == 0:
        s = en_hundreds(p[:3]) + " " + en_hundreds(p[3:6]) + " " + en_grouped(p[6:])
    elif style == 1:
        s = en_digits(p[:3]) + ", " + en_digits(p[3:6]) + ", " + en_digits(p[6:])
    elif style == 2:
        s = en_digits(p[:3]) + " " + f1 + " " + en_digits(p[3:6]) + " " + f2 + " " + en_digits(p[6:])
    elif style == 3:
        s = en_digits(p, double=True)
    elif style == 4:
        s = en_grouped(p[:4]) + " " + en_grouped(p[4:8]) + " " + en_grouped(p[8:])
    elif style == 5:
        s = p[:3] + " " + en_digits(p[3:6]) + " " + en_grouped(p[6:])
    elif style == 6:
        s = p[:3] + "." + p[3:6] + "." + p[6:]
    elif style == 7:
        s = en_digits(p[:3]) + " " + en_digits(p[3:6], double=True) + " " + en_grouped(p[6:8]) + " " + en_grouped(p[8:])
    elif style == 8:
        s = en_digits(p[:3]) + " then " + en_digits(p[3:])
    elif style == 9:
        s = en_digits(p[:3]) + " " + en_digits(p[3:])
    elif style == 10:
        s = p[:3] + ", " + p[3:6] + ", " + p[6:8] + ", " + p[8:]
    else:
        s = en_digits(p[:5]) + " " + f1 + " " + en_digits(p[5:])
    lead = R.choice(en_phone_leads)
    if style == 8:
        lead = lead.replace("{}", "area code {}")
    elif style == 9:
        lead = lead.replace("{}", "plus one {}")
    add("en", "phone", lead.format(s), [s])

# ---------------- phones, Chinese ----------------
zh_phone_leads = ["我 的 手机 是 {}", "你 打 {} 就 行", "电话 {} 找 王 先生", "留 个 电话 {}", "回 电话 打 {}"] if DEV else [
    "手机号 码 是 {} 微信 同 号", "联系 电话 {} 姓 李", "有事 打 我 {}", "你 存 一下 {}", "我 老公 电话 {} 他 来 提车"]
for i in range(48):
    p = cn_mobile()
    style = i % 12
    fz = R.choice(FILL_ZH)
    if style == 0:
        s = zh_mixed(p)
    elif style == 1:
        s = zh_mixed(p[:3]) + " " + fz + " " + zh_mixed(p[3:7]) + " " + fz + " " + zh_mixed(p[7:])
    elif style == 2:
        s = zh_mixed(p[:3], sep="") + " " + zh_mixed(p[3:7], sep="") + " " + zh_mixed(p[7:], sep="")
    elif style == 3:
        s = zh_mixed(p[:3]) + "，" + zh_mixed(p[3:7]) + "，" + zh_mixed(p[7:])
    elif style == 4:
        s = p[:3] + " " + fz + " " + p[3:7] + " " + p[7:]
    elif style == 5:
        s = zh_mixed(p[:7]) + " " + R.choice(["不对", "说错了", "不是"]) + " " + zh_mixed(p)
    elif style == 6:
        s = zh_mixed(p[:3]) + " 后面 " + zh_mixed(p[3:])
    elif style == 7:  # "双 八" / "三 个 八" style repeats are rare; use 两 个 for repeated digits
        s = zh_mixed(p[:5]) + " " + zh_mixed(p[5:])
    elif style == 8:
        s = p[:3] + "，" + p[3:7] + "，" + p[7:]
    elif style == 9:
        s = "一 " + zh_mixed(p[1:])
    elif style == 10:
        s = zh_mixed(p[:4], sep="") + " " + fz + " " + zh_mixed(p[4:], sep="")
    else:
        s = zh_mixed(p[:3]) + " " + zh_mixed(p[3:7]) + " " + zh_mixed(p[7:])
    add("zh", "phone", R.choice(zh_phone_leads).format(s), [s])

# ---------------- cards and ids ----------------
for i in range(16):
    c = luhn_complete(R.choice(["4", "5", "37", "62"]), 16)
    style = i % 4
    if style == 0:
        s = ", ".join(en_digits(c[k:k + 4]) for k in range(0, 16, 4))
    elif style == 1:
        s = " ".join(en_grouped(c[k:k + 4]) for k in range(0, 16, 4))
    elif style == 2:
        s = " ".join(en_digits(c[k:k + 4]) + (" " + R.choice(FILL_EN) if k < 12 else "") for k in range(0, 16, 4))
    else:
        s = "-".join(c[k:k + 4] for k in range(0, 16, 4))
    add("en", "card", R.choice(["card number {}", "the card is {} expires next june", "use my visa {}"]
                               if DEV else ["charge it to {}", "my mastercard is {}", "the long number is {}"]).format(s), [s])
for i in range(12):
    c = luhn_complete("62", R.choice([16, 19]))
    style = i % 3
    if style == 0:
        s = " ".join(zh_mixed(c[k:k + 4], sep="") for k in range(0, len(c), 4))
    elif style == 1:
        s = zh_mixed(c[:6]) + " " + R.choice(FILL_ZH) + " " + zh_mixed(c[6:])
    else:
        s = "，".join(c[k:k + 4] for k in range(0, len(c), 4))
    add("zh", "card", R.choice(["卡号 是 {}", "刷 这 张 {}", "银行 卡 {} 扣 首付"] if DEV else
                               ["用 这 张 卡 {} 付", "信用卡 号 {}", "转账 到 卡 {} 上"]).format(s), [s])
for i in range(10):
    style = i % 5
    if style == 0:
        d = "9" + digits(8)
        s = en_digits(d[:3]) + ", " + en_digits(d[3:5]) + ", " + en_digits(d[5:])
        add("en", "id_number", "my social is " + s, [s])
    elif style == 1:
        d = "9" + digits(8)
        s = en_grouped(d[:2]) + " " + en_digits(d[2:5]) + " " + en_grouped(d[5:])
        add("en", "id_number", "social security " + s, [s])
    elif style == 2:
        s = R.choice(letters) + " " + en_digits(digits(8))
        add("en", "id_number", "passport number " + s, [s])
    elif style == 3:
        s = NATO[R.choice(letters)] + " " + en_digits(digits(7))
        add("en", "id_number", "driver's license " + s, [s])
    else:
        d = "110105199" + digits(8) + "x"
        s = zh_mixed(d[:-1]) + " 叉"
        add("zh", "id_number", "身份证 号 " + s, [s])

# ---------------- things to keep ----------------
KEEP_DEV = [
    ("en", "it's forty nine ninety nine before tax", ["forty nine ninety nine"]),
    ("en", "we got here at ten thirty and it's now twelve fifteen", ["ten thirty", "twelve fifteen"]),
    ("en", "the oh eight civic has one twenty three thousand miles", ["oh eight", "one twenty three thousand miles"]),
    ("en", "she wants the twenty twenty five model not the twenty twenty three", ["twenty twenty five", "twenty twenty three"]),
    ("en", "they quoted three nine nine a month for thirty six months", ["three nine nine", "thirty six months"]),
    ("en", "take exit forty two then turn at the second light", ["forty two"]),
    ("en", "the at sign key on the kiosk doesn't work", []),
    ("en", "meet me at five at the service desk", ["five"]),
    ("en", "the tires are two twenty five forty five seventeens", ["two twenty five forty five seventeens"]),
    ("en", "we need four hundred and twenty units by friday", ["four hundred and twenty units"]),
    ("en", "the price dropped from thirty two five to twenty nine nine", ["thirty two five", "twenty nine nine"]),
    ("en", "i was here at eight fifteen and left at eleven forty", ["eight fifteen", "eleven forty"]),
    ("en", "it's a two thousand nineteen with sixty eight thousand on it", ["two thousand nineteen", "sixty eight thousand"]),
    ("en", "room two oh four is the finance office", ["two oh four"]),
    ("en", "table for four at seven thirty", ["four", "seven thirty"]),
    ("en", "the doc fee is six ninety nine and tint is two fifty", ["six ninety nine", "two fifty"]),
    ("en", "the wait was an hour and forty five minutes", ["an hour and forty five minutes"]),
    ("en", "the gmail dot com address bounced", []),
    ("en", "i'm at the dealer dot com site right now", []),
    ("zh", "两 万 八 千 八 落地", ["两 万 八 千 八"]),
    ("zh", "十 点 半 到 的 现在 十二 点 一 刻 了", ["十 点 半", "十二 点 一 刻"]),
    ("zh", "二零二五 款 的 比 二零二四 款 贵 一万", ["二零二五 款", "二零二四 款", "一万"]),
    ("zh", "月供 三千 二 三十六 期", ["三千 二", "三十六 期"]),
    ("zh", "等 了 四十 五 分钟 了", ["四十 五 分钟"]),
    ("zh", "一 点 五 t 的 发动机", ["一 点 五"]),
    ("zh", "我 要 两 台 一 台 白 的 一 台 黑 的", ["两 台"]),
    ("zh", "保养 八百 八 十八 块", ["八百 八 十八 块"]),
    ("zh", "三 点 到 五 点 之间 来", ["三 点 到 五 点"]),
    ("zh", "跑 了 三万 五 千 公里", ["三万 五 千 公里"]),
    ("zh", "价格 是 十五 万 九 千 九", ["十五 万 九 千 九"]),
    ("zh", "我 在 艾特 你 的 那 条 消息 里 说 了", []),
    ("zh", "二零二三年五月二十号提的车", ["二零二三年五月二十号"]),
    ("zh", "优惠 一 点 五 万 送 两 次 保养", ["一 点 五 万", "两 次"]),
]
KEEP_HELD = [
    ("en", "it's nineteen ninety five for the floor mats", ["nineteen ninety five"]),
    ("en", "we arrived at nine forty and waited till eleven", ["nine forty", "eleven"]),
    ("en", "an oh nine accord with one fifty thousand miles", ["oh nine", "one fifty thousand miles"]),
    ("en", "is the twenty twenty six out yet or just the twenty twenty five", ["twenty twenty six", "twenty twenty five"]),
    ("en", "payments of four forty nine over seventy two months", ["four forty nine", "seventy two months"]),
    ("en", "it was twelve ninety nine at the register not nine ninety nine", ["twelve ninety nine", "nine ninety nine"]),
    ("en", "the v eight puts out four fifty horsepower", ["four fifty horsepower"]),
    ("en", "we'll be there at six forty five", ["six forty five"]),
    ("en", "that's three thousand two hundred and fifty dollars total", ["three thousand two hundred and fifty dollars"]),
    ("en", "bay number fourteen at the back", ["fourteen"]),
    ("en", "at the end of the day it's about the price", []),
    ("en", "two twenty at the earliest for pickup", ["two twenty"]),
    ("en", "we drove it eighty five miles and it used a quarter tank", ["eighty five miles"]),
    ("en", "it's thirty nine nine after rebates", ["thirty nine nine"]),
    ("zh", "落地 三十 二 万 五", ["三十 二 万 五"]),
    ("zh", "九 点 四十 到 的 十一 点 还 没 轮 到", ["九 点 四十", "十一 点"]),
    ("zh", "二零二六 款 什么 时候 到 店", ["二零二六 款"]),
    ("zh", "首付 五万 月供 四千 五 六十 期", ["五万", "四千 五", "六十 期"]),
    ("zh", "排 了 一 个 半 小时", ["一 个 半 小时"]),
    ("zh", "六 点 四十 五 关门", ["六 点 四十 五"]),
    ("zh", "续航 五百 二十 公里", ["五百 二十 公里"]),
    ("zh", "两 千 块 的 保养 套餐", ["两 千 块"]),
    ("zh", "点 一下 艾特 按钮 就 行", []),
]
for lang, text, keep in (KEEP_DEV if DEV else KEEP_HELD):
    add(lang, "none", text, [], keep)

# ---------------- held-out-only forms ----------------
if not DEV:
    HELDOUT_ONLY = [
        ("en", "email", "my email's dana dot kim nineteen at proton dot me", ["dana dot kim nineteen at proton dot me"], []),
        ("en", "plate", "plate reads quebec romeo two niner seven", ["quebec romeo two niner seven"], []),
        ("en", "phone", "number's four oh four five five five oh one six six ok", ["four oh four five five five oh one six six"], []),
        ("zh", "plate", "车牌 是 辽 B 幺 两 三 洞 五 黑色 的", ["辽 B 幺 两 三 洞 五"], []),
        ("zh", "email", "我 邮箱 sunhao 八 八 at 163 点 com", ["sunhao 八 八 at 163 点 com"], []),
        ("zh", "phone", "打 这个 幺 五 九 幺 两 三 四 嗯 五 六 七 八", ["幺 五 九 幺 两 三 四 嗯 五 六 七 八"], []),
    ]
    for lang, kind, text, remove, keep in HELDOUT_ONLY:
        add(lang, kind, text, remove, keep)

print("id\tlang\tkind\ttext\tmust_remove\tmust_keep")
prefix = "ph" if DEV else "pho"
for i, (lang, kind, text, remove, keep) in enumerate(rows, 1):
    print("%s%03d\t%s\t%s\t%s\t%s\t%s" % (prefix, i, lang, kind, text, remove, keep))
