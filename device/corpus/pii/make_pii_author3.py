#!/usr/bin/env python3
"""Third-author redaction cases (issue 15): writes pii-author3-dev.tsv and pii-author3-heldout.tsv.

Written by a third author who had not read the redactor, the earlier case files or their generators;
only the column header and the scoring notes of device/README.md were known. Every number is invented
(555-01xx, 07700 900xxx, example.com/.org/.net, test cards and Luhn-valid made-up cards, check-digit-valid
made-up Chinese IDs, QQ-style NI numbers).

Labelling guide (this author's):
  * must_remove = the whole identifier as it appears in the text, fillers and separators inside included.
  * card: a full card number (13-19 digits) in any form. A card's last four digits alone ("ending in 4821")
    are not personal data on their own: they are labelled neither remove nor keep.
  * phone: a full number, country code included when spoken. Extensions and partial numbers are not labelled.
  * email: the whole address, spoken or written, spelled or not.
  * plate: the whole registration, spelled, NATO alphabet or Chinese plate with spoken digits.
  * id: Chinese 18-digit resident ID (X check included), UK NI number, US SSN.
  * must_keep = prices, times, durations, model years, quantities, mileage, percentages, model numbers,
    verbatim; one span per column, so a line with two things to keep becomes two cases.

The dev and held-out parts are drawn at the same time from the same renderers, with different seeds and
(for lead-ins, keep sentences and mixed lines) disjoint phrase pools: every third entry of a pool goes to the
held-out part, the others to dev; of the hand-written odd phrasings, even-numbered ones go to dev, odd ones to held-out.

Usage: python3 make_pii_author3.py OUT_DIR
"""
import random
import sys

EN = ["oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ZH = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
EN_FILLERS = ["um", "uh", "er", "let me check", "sorry", "hang on", "one sec", "let me see", "hmm", "wait",
              "where was i", "right"]
ZH_FILLERS = ["嗯", "那个", "呃", "我看一下", "等一下", "就是", "然后", "啊", "我想想", "对"]


def luhn_complete(prefix, length, rnd):
    body = prefix + "".join(str(rnd.randrange(10)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def cn_id(rnd):
    area = rnd.choice(["110105", "310104", "440305", "330106", "510107", "320102", "420111", "610113"])
    year = rnd.randrange(1950, 2004)
    birth = "%04d%02d%02d" % (year, rnd.randrange(1, 13), rnd.randrange(1, 29))
    seq = "%03d" % rnd.randrange(1000)
    body = area + birth + seq
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * k for c, k in zip(body, w)) % 11
    return body + "10X98765432"[s]


def ni_number(rnd):
    first = rnd.choice("ABCEGHJKLMNOPRSTWXYZ")
    second = rnd.choice("ABCEGHJKLMNPRSTWXYZ")
    return first + second + "".join(str(rnd.randrange(10)) for _ in range(6)) + rnd.choice("ABCD")


def ssn(rnd):
    area = rnd.choice([x for x in range(100, 900) if x != 666])
    return "%03d-%02d-%04d" % (area, rnd.randrange(1, 100), rnd.randrange(1, 10000))


def en_digit(d, rnd, zero_words=("oh", "zero")):
    return rnd.choice(zero_words) if d == "0" else EN[int(d)]


def en_singles(digits, rnd, doubles=False):
    out = []
    i = 0
    while i < len(digits):
        d = digits[i]
        run = 1
        while doubles and i + run < len(digits) and digits[i + run] == d and run < 3:
            run += 1
        w = en_digit(d, rnd)
        if run == 3:
            out.append("triple " + w)
        elif run == 2:
            out.append("double " + w)
        else:
            out.append(w)
        i += run
    return " ".join(out)


def en_pair(two, rnd):
    a, b = two
    if a == "0":
        return ("oh " if rnd.random() < 0.7 else "zero ") + EN[int(b)] if b != "0" else rnd.choice(["double oh", "oh oh"])
    if a == "1":
        return TEENS[int(b)]
    return TENS[int(a)] + ("" if b == "0" else " " + EN[int(b)])


def en_group(g, rnd):
    """A group as a speaker would say it: pairs, hundreds, or singles."""
    if len(g) == 2:
        return en_pair(g, rnd)
    if len(g) == 3 and g[0] != "0" and rnd.random() < 0.6:
        if g[1:] == "00":
            return EN[int(g[0])] + " hundred"
        return EN[int(g[0])] + " " + en_pair(g[1:], rnd)
    if len(g) == 4 and g[0] != "0" and g[2] != "0" and rnd.random() < 0.7:
        return en_pair(g[:2], rnd) + " " + en_pair(g[2:], rnd)
    return en_singles(g, rnd, doubles=rnd.random() < 0.5)


def zh_digits(digits, rnd, yao=0.7, liang=0.3, dong=0.3):
    out = []
    for d in digits:
        if d == "1" and rnd.random() < yao:
            out.append("幺")
        elif d == "2" and rnd.random() < liang:
            out.append("两")
        elif d == "0" and rnd.random() < dong:
            out.append("洞")
        else:
            out.append(ZH[int(d)])
    return "".join(out)


def split_groups(digits, sizes):
    out, i = [], 0
    for s in sizes:
        out.append(digits[i:i + s])
        i += s
    if i < len(digits):
        out.append(digits[i:])
    return [g for g in out if g]


def join_en(groups, rnd, style):
    parts = []
    for k, g in enumerate(groups):
        if style == "singles":
            parts.append(en_singles(g, rnd, doubles=False))
        elif style == "doubles":
            parts.append(en_singles(g, rnd, doubles=True))
        else:
            parts.append(en_group(g, rnd))
    sep_choices = [" ", ", ", " ", " dash "] if style != "grouped" else [" ", ", "]
    text = parts[0]
    fill_at = rnd.randrange(1, len(parts)) if len(parts) > 1 and rnd.random() < 0.55 else -1
    for k in range(1, len(parts)):
        if k == fill_at:
            text += rnd.choice([" ", ", "]) + rnd.choice(EN_FILLERS) + rnd.choice([" ", ", "]) + parts[k]
        else:
            text += rnd.choice(sep_choices) + parts[k]
    return text


def join_zh(groups, rnd):
    parts = [zh_digits(g, rnd) for g in groups]
    if rnd.random() < 0.3:
        parts = [" ".join(p) for p in parts]
    text = parts[0]
    fill_at = rnd.randrange(1, len(parts)) if len(parts) > 1 and rnd.random() < 0.55 else -1
    for k in range(1, len(parts)):
        if k == fill_at:
            text += " " + rnd.choice(ZH_FILLERS) + " " + parts[k]
        else:
            text += rnd.choice([" ", " ", "，", ""]) + parts[k]
    return text


# ---------------------------------------------------------------- cards
CARD_EN_LEADS = [
    ("the card number is {x} and the expiry is next march", None),
    ("can you charge it to {x} please", None),
    ("ok my visa is {x}", None),
    ("it's the one on {x} not the old one", None),
    ("put the deposit on {x}", None),
    ("long number on the front {x}", None),
    ("so that's {x} for the card", None),
    ("try this one instead {x} it should go through", None),
    ("yeah the mastercard {x}", None),
    ("debit card {x} cvv i'll tell you after", None),
    ("I'd like to pay with card {x}.", None),
    ("number's {x} right", None),
]
CARD_ZH_LEADS = [
    "我的卡号是 {x}",
    "银行卡 {x} 刷这张",
    "卡号 {x} 你记一下",
    "用这张卡吧 {x}",
    "信用卡号码是 {x} 有效期明年",
    "定金从 {x} 这张卡扣",
    "刷卡 卡号 {x}",
    "那就 {x} 这个 卡",
]
CARD_MIX_LEADS = [
    "我的 card number 是 {x}",
    "visa 卡 {x} 可以吗",
    "用 credit card 吧 {x}",
    "pay 的话 用 {x} 这张",
]
TEST_CARDS = ["4111111111111111", "5555555555554444", "4012888888881881", "4242424242424242",
              "5105105105105100", "6011111111111117", "378282246310005"]


def make_card(rnd):
    r = rnd.random()
    if r < 0.25:
        return rnd.choice(TEST_CARDS)
    if r < 0.5:
        return luhn_complete("4", 16, rnd)
    if r < 0.65:
        return luhn_complete(rnd.choice(["51", "52", "53", "54", "55"]), 16, rnd)
    if r < 0.9:
        return luhn_complete(rnd.choice(["6222", "6212", "6228", "6217"]), 19, rnd)
    return luhn_complete(rnd.choice(["34", "37"]), 15, rnd)


def card_groups(c):
    if len(c) == 15:
        return split_groups(c, [4, 6, 5])
    return split_groups(c, [4, 4, 4, 4])


def render_card_written(c, rnd):
    g = card_groups(c)
    return rnd.choice([" ", "-", " ", ""]).join(g) if rnd.random() < 0.85 else c


def render_card_en(c, rnd):
    style = rnd.choice(["singles", "doubles", "grouped", "grouped", "pairs"])
    if style == "pairs":
        return join_en(split_groups(c, [2] * 10), rnd, "grouped")
    return join_en(card_groups(c), rnd, style)


def render_card_zh(c, rnd):
    return join_zh(card_groups(c), rnd)


# ---------------------------------------------------------------- phones
PHONE_EN_LEADS = [
    "you can reach me on {x}",
    "best number is {x} after six",
    "call me back on {x} please",
    "my mobile {x}",
    "text me at {x} when the car is ready",
    "it's {x} that's my work line",
    "the number is {x} got that",
    "ring my wife on {x} she'll pick up",
    "my cell is {x}",
    "contact number {x}",
    "if I don't answer try {x}",
    "okay so {x} is the one",
]
PHONE_ZH_LEADS = [
    "我的电话是 {x}",
    "手机号 {x} 你记一下",
    "打这个 {x} 就行",
    "联系电话 {x}",
    "有事打我手机 {x}",
    "号码是 {x} 白天都在",
    "你加我微信 就是手机号 {x}",
    "我老婆的电话 {x}",
]
PHONE_MIX_LEADS = [
    "我的 phone number 是 {x}",
    "call 我 {x} 就可以",
    "mobile 是 {x}",
    "你 whatsapp 我 {x}",
]


def make_phone(rnd, lang):
    if lang == "zh":
        kind = rnd.choice(["cn", "cn", "cn", "cnland", "cnintl"])
    else:
        kind = rnd.choice(["uk", "ukintl", "us", "usintl", "cnintl"])
    if kind == "uk":
        return "07700" + "900" + "%03d" % rnd.randrange(1000), [5, 3, 3], None
    if kind == "ukintl":
        return "7700" + "900" + "%03d" % rnd.randrange(1000), [4, 3, 3], "+44"
    if kind == "us":
        return rnd.choice(["212", "415", "312", "646", "617"]) + "555" + "01%02d" % rnd.randrange(100), [3, 3, 4], None
    if kind == "usintl":
        return rnd.choice(["212", "415", "312"]) + "555" + "01%02d" % rnd.randrange(100), [3, 3, 4], "+1"
    if kind == "cnland":
        return rnd.choice(["010", "021"]) + "%08d" % rnd.randrange(10 ** 8), [3, 4, 4], None
    mob = rnd.choice(["138", "139", "135", "186", "159", "177", "150"]) + "%08d" % rnd.randrange(10 ** 8)
    return mob, [3, 4, 4], ("+86" if kind == "cnintl" else None)


def render_phone_written(d, sizes, cc, rnd):
    g = split_groups(d, sizes)
    body = rnd.choice([" ", "-", " ", ""]).join(g)
    if cc == "+1" and rnd.random() < 0.5:
        body = "(%s) %s-%s" % (g[0], g[1], g[2])
    return (cc + " " + body) if cc else body


def render_phone_en(d, sizes, cc, rnd):
    style = rnd.choice(["singles", "doubles", "grouped", "grouped"])
    body = join_en(split_groups(d, sizes), rnd, style)
    if cc:
        ccw = {"+44": ["plus four four", "plus forty four", "double four", "oh oh four four"],
               "+1": ["plus one", "one"], "+86": ["plus eight six", "plus eighty six", "double oh eight six"]}[cc]
        body = rnd.choice(ccw) + " " + body
    return body


def render_phone_zh(d, sizes, cc, rnd):
    body = join_zh(split_groups(d, sizes), rnd)
    if cc == "+86":
        body = rnd.choice(["加八六 ", "+86 ", "零零八六 "]) + body
    return body


# ---------------------------------------------------------------- e-mails
FIRST = ["liam", "sofia", "kenji", "amara", "tomasz", "priya", "oliver", "mei", "dmitri", "chloe", "rafael",
         "ingrid", "wenjun", "haruto", "beatrix", "callum", "xiaoyu", "noor", "felix", "rosalind"]
LAST = ["okafor", "lindqvist", "baptiste", "moreau", "castellano", "nakamura", "fairweather", "oyelaran",
        "wexford", "trombley", "haverford", "quimby", "zhao", "brennan", "holloway", "vasquez"]
DOMAINS = [("example", "com"), ("example", "org"), ("example", "net"), ("mail.example", "com"),
           ("example", "co.uk"), ("corp.example", "com")]
SEPS = {".": ["dot", "point", "period"], "_": ["underscore", "under score"], "-": ["dash", "hyphen", "minus"]}


def make_email(rnd):
    f, l = rnd.choice(FIRST), rnd.choice(LAST)
    form = rnd.choice(["f.l", "f_l", "fl", "f-l", "fN", "f.lN", "il"])
    n = str(rnd.randrange(1, 99))
    local = {"f.l": f + "." + l, "f_l": f + "_" + l, "fl": f + l, "f-l": f + "-" + l, "fN": f + n,
             "f.lN": f + "." + l + n, "il": f[0] + l}[form]
    dom, tld = rnd.choice(DOMAINS)
    return local, dom, tld


def spell(word):
    return " ".join(word)


def spoken_local(local, rnd, lang):
    out = []
    token = ""
    for ch in local + "\0":
        if ch.isalpha():
            token += ch
            continue
        if token:
            if rnd.random() < 0.25 and len(token) <= 8:
                out.append(spell(token))
            else:
                out.append(token)
            token = ""
        if ch == "\0":
            break
        if ch.isdigit():
            out.append(ZH[int(ch)] if lang == "zh" and rnd.random() < 0.3 else (EN[int(ch)] if rnd.random() < 0.6 else ch))
        elif ch in SEPS:
            if lang == "zh" and ch == ".":
                out.append(rnd.choice(["点", "dot"]))
            else:
                out.append(rnd.choice(SEPS[ch]))
    return " ".join(out)


def spoken_domain(dom, tld, rnd, lang):
    dot = (lambda: rnd.choice(["点", "点", "dot"])) if lang == "zh" else (lambda: rnd.choice(["dot", "dot", "point"]))
    parts = dom.split(".") + tld.split(".")
    return (" " + dot() + " ").join(parts)


def render_email_written(local, dom, tld, rnd):
    e = local + "@" + dom + "." + tld
    return e.upper() if rnd.random() < 0.1 else e


def render_email_spoken(local, dom, tld, rnd, lang):
    at = rnd.choice(["艾特", "at", "圈a"]) if lang == "zh" else rnd.choice(["at", "at", "at sign", "at symbol", "at the rate"])
    return spoken_local(local, rnd, lang) + " " + at + " " + spoken_domain(dom, tld, rnd, lang)


EMAIL_EN_LEADS = [
    "send the quote to {x}",
    "my email is {x}",
    "you can email me at {x}",
    "it's {x} all lower case",
    "the invoice should go to {x}",
    "drop me a line on {x}",
    "email address {x} thanks",
    "cc my husband {x}",
    "put {x} on the booking",
    "yeah {x} that's right",
]
EMAIL_ZH_LEADS = [
    "我的邮箱是 {x}",
    "发到这个邮箱 {x}",
    "邮箱 {x} 谢谢",
    "报价单发 {x} 就行",
    "你记一下 邮箱地址 {x}",
]
EMAIL_MIX_LEADS = [
    "我的 email 是 {x}",
    "发 email 到 {x}",
    "invoice 发给 {x} 吧",
]

# ---------------------------------------------------------------- plates
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot", "g": "golf",
        "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima", "m": "mike", "n": "november",
        "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo", "s": "sierra", "t": "tango", "u": "uniform",
        "v": "victor", "w": "whiskey", "x": "x-ray", "y": "yankee", "z": "zulu"}
PROV = ["京", "沪", "粤", "浙", "苏", "川", "鄂", "津"]
PLATE_LETTERS = "ABCDEFGHJKLMNPRSTVWXYZ"


def make_plate(rnd, lang):
    if lang == "zh" or (lang == "mixed" and rnd.random() < 0.7):
        tail = "".join(rnd.choice("0123456789") for _ in range(5))
        if rnd.random() < 0.3:
            i = rnd.randrange(5)
            tail = tail[:i] + rnd.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + tail[i + 1:]
        return "cn", rnd.choice(PROV), rnd.choice(PLATE_LETTERS), tail
    if rnd.random() < 0.65:
        return "uk", "".join(rnd.choice(PLATE_LETTERS) for _ in range(2)), "%02d" % rnd.randrange(10, 75), \
            "".join(rnd.choice(PLATE_LETTERS) for _ in range(3))
    return "us", str(rnd.randrange(1, 10)), "".join(rnd.choice(PLATE_LETTERS) for _ in range(3)), \
        "%03d" % rnd.randrange(1000)


def letter_spoken(ch, rnd, mode):
    ch = ch.lower()
    if ch.isdigit():
        return en_digit(ch, rnd)
    if mode == "nato":
        return NATO[ch]
    if mode == "for":
        return ch + " for " + NATO[ch]
    return ch


def render_plate(p, rnd, lang, spoken):
    kind = p[0]
    if kind == "cn":
        _, prov, letter, tail = p
        if not spoken:
            return prov + letter + rnd.choice(["·", "", " ", "-"]) + tail
        digits = "".join(zh_digits(c, rnd) if c.isdigit() else c for c in tail)
        if rnd.random() < 0.4:
            digits = " ".join(digits)
        return prov + rnd.choice(["", " "]) + letter + " " + digits
    if kind == "uk":
        _, a, b, c = p
        if not spoken:
            return a + b + rnd.choice([" ", ""]) + c
        mode = rnd.choice(["nato", "plain", "plain", "for"])
        s = " ".join(letter_spoken(ch, rnd, mode) for ch in a)
        s += " " + (en_pair(b, rnd) if rnd.random() < 0.5 else en_singles(b, rnd))
        s += " " + " ".join(letter_spoken(ch, rnd, mode) for ch in c)
        return s
    _, a, b, c = p
    if not spoken:
        return a + b + rnd.choice(["", " "]) + c
    mode = rnd.choice(["nato", "plain"])
    return " ".join(letter_spoken(ch, rnd, mode) for ch in a + b + c)


PLATE_EN_LEADS = [
    "the reg is {x}",
    "registration {x} it's the grey one",
    "my plate is {x}",
    "car's parked outside {x}",
    "it's booked under the reg {x}",
    "number plate {x} for the mot",
    "license plate {x}",
    "the courtesy car was {x}",
]
PLATE_ZH_LEADS = [
    "车牌号 {x}",
    "我的车牌是 {x}",
    "车牌 {x} 那辆白色的",
    "停在门口 {x}",
    "保养预约的车是 {x}",
]
PLATE_MIX_LEADS = [
    "我的 plate 是 {x}",
    "车牌 number 是 {x}",
]

# ---------------------------------------------------------------- ids
ID_EN_LEADS = [
    "my national insurance number is {x}",
    "NI number {x}",
    "social security number {x}",
    "my ssn is {x}",
    "for the finance form it's {x}",
]
ID_ZH_LEADS = [
    "身份证号 {x}",
    "我的身份证号码是 {x}",
    "登记一下身份证 {x}",
    "证件号 {x}",
]


def render_cnid(i, rnd, spoken):
    if not spoken:
        return i if rnd.random() < 0.7 else i[:6] + " " + i[6:14] + " " + i[14:]
    body = i[:17]
    tail = i[17]
    s = join_zh(split_groups(body, [6, 4, 4, 3]), rnd)
    tail_s = zh_digits(tail, rnd) if tail.isdigit() else rnd.choice(["X", "叉", "x"])
    return s + " " + tail_s


def render_ni(n, rnd, spoken):
    if not spoken:
        return n[:2] + " " + n[2:4] + " " + n[4:6] + " " + n[6:8] + " " + n[8] if rnd.random() < 0.6 else n
    mode = rnd.choice(["plain", "nato"])
    lt = lambda s: " ".join(letter_spoken(c, rnd, mode) for c in s)
    digits = n[2:8]
    d = en_singles(digits, rnd, doubles=True) if rnd.random() < 0.5 else " ".join(en_pair(digits[k:k + 2], rnd) for k in (0, 2, 4))
    return lt(n[:2]) + " " + d + " " + lt(n[8])


def render_ssn(s, rnd, spoken):
    if not spoken:
        return s if rnd.random() < 0.7 else s.replace("-", " ")
    g = s.split("-")
    return join_en(g, rnd, rnd.choice(["singles", "doubles", "grouped"]))


# ---------------------------------------------------------------- keeps (hand-written; one span each)
KEEPS = [
    # (lang, text, keep)
    ("en", "the total comes to $1,249.99 with the warranty", "$1,249.99"),
    ("en", "it's twenty nine ninety nine for the basic package", "twenty nine ninety nine"),
    ("en", "we can do it for 18,450 pounds on the road", "18,450 pounds"),
    ("en", "the service is booked for 10:45 on tuesday", "10:45"),
    ("en", "come in at half past three and we'll have it ready", "half past three"),
    ("en", "the diagnostic takes about forty five minutes", "forty five minutes"),
    ("en", "it's the 2019 model with the bigger battery", "2019"),
    ("en", "it's a twenty twenty one model so still under warranty", "twenty twenty one"),
    ("en", "i need four tyres and two wiper blades", "four tyres"),
    ("en", "it has 62,300 miles on the clock", "62,300 miles"),
    ("en", "only sixty two thousand miles on it", "sixty two thousand miles"),
    ("en", "finance at 4.9% over five years", "4.9%"),
    ("en", "they knocked fifteen percent off the list price", "fifteen percent"),
    ("en", "do you have the RTX 4090 in stock", "RTX 4090"),
    ("en", "i'm after the Galaxy S24 Ultra in black", "Galaxy S24 Ultra"),
    ("en", "the BMW X5 xDrive40i is on the forecourt", "X5 xDrive40i"),
    ("en", "the phone costs 7,999 and the case is extra", "7,999"),
    ("en", "card fee is 25 dollars per transaction", "25 dollars"),
    ("en", "call me at 3 pm tomorrow please", "3 pm"),
    ("en", "you're number 47 in the queue", "47"),
    ("en", "i paid 1,350 for the repair last year", "1,350"),
    ("en", "it went up from 2,499 to 2,899 at the till", "2,899"),
    ("en", "the lease is three forty nine a month", "three forty nine a month"),
    ("en", "we open at eight thirty and close at six", "eight thirty"),
    ("en", "wait time was like two and a half hours", "two and a half hours"),
    ("en", "the 2023 2024 range both have the same engine", "2023 2024"),
    ("en", "it's 1,999,000 won in seoul apparently", "1,999,000 won"),
    ("en", "my order was 12 boxes of 24 cans", "12 boxes"),
    ("en", "it does 0 to 60 in 5.2 seconds", "5.2 seconds"),
    ("en", "about one hundred and twenty thousand kilometres", "one hundred and twenty thousand kilometres"),
    ("en", "the trade in value is around eleven thousand five hundred", "eleven thousand five hundred"),
    ("en", "the 65 inch tv is 1299 and the 55 is 899", "1299"),
    ("en", "i waited from 9:15 until 11:40 for someone to help", "11:40"),
    ("en", "the part number on the box says 4471 but i need the other one", "4471"),
    ("en", "it's about 36,500 km since the last service", "36,500 km"),
    ("en", "two year warranty and 3 free services", "3 free services"),
    ("en", "we sold 1,240 units last quarter", "1,240 units"),
    ("en", "the iPhone 15 Pro Max 256GB is out of stock", "iPhone 15 Pro Max 256GB"),
    ("en", "Model 3 Long Range with 19 inch wheels", "19 inch"),
    ("en", "nineteen ninety nine for the case and screen protector", "nineteen ninety nine"),
    ("en", "it was four hundred and fifty quid to fix the clutch", "four hundred and fifty quid"),
    ("en", "the appointment is on the 14th at quarter to ten", "quarter to ten"),
    ("en", "zero percent finance for 36 months", "36 months"),
    ("en", "the deposit is 500 and then 289 a month for 48 months", "289 a month"),
    ("en", "it's a 1.5 litre turbo with 150 horsepower", "150 horsepower"),
    ("en", "i bought it in 2017 and it's done 98000 miles", "98000 miles"),
    ("en", "they quoted 2,350 for the timing belt and water pump", "2,350"),
    ("en", "ready by five fifteen at the latest", "five fifteen"),
    ("en", "the mileage is one hundred and twelve thousand", "one hundred and twelve thousand"),
    ("en", "the fee is 49.99 plus 20% vat", "20% vat"),
    ("zh", "这台车 2023款 的", "2023款"),
    ("zh", "总价 十二万八千八 包含上牌", "十二万八千八"),
    ("zh", "优惠 百分之十五", "百分之十五"),
    ("zh", "保养大概 两个小时 就好", "两个小时"),
    ("zh", "下午三点半 过来提车", "下午三点半"),
    ("zh", "已经跑了 十二万公里 了", "十二万公里"),
    ("zh", "换四个轮胎 要 三千六", "三千六"),
    ("zh", "一共 4,599 元", "4,599 元"),
    ("zh", "我等了 四十五分钟", "四十五分钟"),
    ("zh", "首付 三万 月供 两千八", "两千八"),
    ("zh", "这款 Mate 60 Pro 还有货吗", "Mate 60 Pro"),
    ("zh", "明天 上午 十点 见", "十点"),
    ("zh", "里程 五万八千 公里", "五万八千 公里"),
    ("zh", "这个 手机 卖 六千九百九十九", "六千九百九十九"),
    ("zh", "卡 里 还有 五千 块", "五千 块"),
    ("zh", "2021年 买的 车", "2021年"),
    ("zh", "打个 九五折 吧", "九五折"),
    ("zh", "一共 三台 两台 白色 一台 黑色", "三台"),
    ("zh", "价格 从 一万二 涨到 一万三千五", "一万三千五"),
    ("zh", "维修 花了 2800 块", "2800 块"),
    ("zh", "保修 三年 或者 十万公里", "十万公里"),
    ("zh", "十一点 四十 的 时候 来 的", "十一点 四十"),
    ("zh", "这个 型号 是 A6L 四十五 TFSI", "A6L"),
    ("zh", "一百二十八 G 的 够用 了", "一百二十八 G"),
    ("mixed", "这台 iPhone 15 现在 卖 5999", "5999"),
    ("mixed", "service 要 two hours 左右", "two hours"),
    ("mixed", "这个 model 是 2022 年 的", "2022 年"),
    ("mixed", "我 等了 30 minutes 还没人", "30 minutes"),
    ("mixed", "discount 有 百分之十 吗", "百分之十"),
    ("mixed", "mileage 大概 八万 公里", "八万 公里"),
    ("mixed", "price 是 ¥26,800 含税", "¥26,800"),
    ("mixed", "我 想要 RTX 4070 那款", "RTX 4070"),
    ("mixed", "the 专业版 costs 12999", "12999"),
    ("mixed", "下午 4:30 pick up 可以吗", "4:30"),
]

# PII lines that also carry something to keep (hand-written lead-ins; {x} the PII, keep span as given)
MIXED_KEEP = [
    ("en", "phone", "the quote was 18,999 and you can call me on {x}", "18,999"),
    ("en", "card", "put the 250 deposit on {x}", "250 deposit"),
    ("en", "email", "send the 2022 model brochure to {x}", "2022 model"),
    ("en", "phone", "i'll be there at ten thirty my number is {x}", "ten thirty"),
    ("en", "card", "charge the 1,480 to {x} please", "1,480"),
    ("en", "plate", "the reg is {x} and it's done 41,000 miles", "41,000 miles"),
    ("zh", "phone", "三点 以后 打 {x}", "三点"),
    ("zh", "card", "定金 五千 从 {x} 扣", "五千"),
    ("zh", "plate", "{x} 那台 车 跑了 八万 公里", "八万 公里"),
    ("zh", "email", "把 2024款 的 报价 发到 {x}", "2024款"),
    ("mixed", "phone", "我 两个 小时 后 到 call {x}", "两个 小时"),
    ("mixed", "card", "pay 三千二 用 {x}", "三千二"),
]


# hand-written odd phrasings (even index: dev, odd: held-out)
HAND = [
    ("en", "phone", "my number is oh seven seven double oh, nine double oh, one two three", "oh seven seven double oh, nine double oh, one two three"),
    ("en", "phone", "it's two one two, five five five, oh one... sorry oh one four six", "two one two, five five five, oh one... sorry oh one four six"),
    ("en", "email", "the email is tomasz smith all one word at example dot com", "tomasz smith all one word at example dot com"),
    ("en", "email", "mail me at priya dot k at example dot org please", "priya dot k at example dot org"),
    ("en", "card", "card number four five three nine, um, one four eight eight, oh three four three, six four six seven", "four five three nine, um, one four eight eight, oh three four three, six four six seven"),
    ("en", "card", "the long number is forty five thirty nine fourteen eighty eight oh three forty three sixty four sixty seven", "forty five thirty nine fourteen eighty eight oh three forty three sixty four sixty seven"),
    ("zh", "phone", "电话 幺三八 幺幺 两两 三三 四四", "幺三八 幺幺 两两 三三 四四"),
    ("zh", "phone", "我手机 一三九 嗯 后面 是 零零 幺二 三四 五六", "一三九 嗯 后面 是 零零 幺二 三四 五六"),
    ("zh", "card", "卡号 是 六二二二 零两幺零 那个 三四五六 七八九零 幺两二", "六二二二 零两幺零 那个 三四五六 七八九零 幺两二"),
    ("zh", "email", "邮箱 是 wang 下划线 lei 艾特 example 点 com", "wang 下划线 lei 艾特 example 点 com"),
    ("en", "plate", "it's a kilo eight mike, sorry, k eight m x y z", "k eight m x y z"),
    ("en", "id", "ssn nine one two, um, three four, five six seven eight", "nine one two, um, three four, five six seven eight"),
    ("mixed", "phone", "号码 是 double seven double oh 九 double oh 四五六", "double seven double oh 九 double oh 四五六"),
    ("mixed", "email", "email 就是 mei 点 lin 艾特 example 点 co 点 uk", "mei 点 lin 艾特 example 点 co 点 uk"),
    ("en", "phone", "plus forty four seventy seven hundred nine hundred three two one", "plus forty four seventy seven hundred nine hundred three two one"),
    ("en", "card", "visa four one one one four times", None),
    ("zh", "id", "身份证 是 幺幺洞幺洞五 幺九九零 洞三洞七 幺洞幺 叉", "幺幺洞幺洞五 幺九九零 洞三洞七 幺洞幺 叉"),
    ("en", "card", "five five five five, five five five five, five five five five, four four four four is the card", "five five five five, five five five five, five five five five, four four four four"),
]


def gen_pii(rnd, kind, lang, lead):
    spoken = rnd.random() < 0.7
    if kind == "card":
        c = make_card(rnd)
        if not spoken:
            x = render_card_written(c, rnd)
        elif lang == "en":
            x = render_card_en(c, rnd)
        elif lang == "zh":
            x = render_card_zh(c, rnd)
        else:
            x = render_card_en(c, rnd) if rnd.random() < 0.5 else render_card_zh(c, rnd)
    elif kind == "phone":
        d, sizes, cc = make_phone(rnd, "zh" if lang == "zh" else "en" if lang == "en" else rnd.choice(["zh", "en"]))
        if not spoken:
            x = render_phone_written(d, sizes, cc, rnd)
        elif lang == "en":
            x = render_phone_en(d, sizes, cc, rnd)
        elif lang == "zh":
            x = render_phone_zh(d, sizes, cc, rnd)
        else:
            x = render_phone_en(d, sizes, cc, rnd) if rnd.random() < 0.5 else render_phone_zh(d, sizes, cc, rnd)
    elif kind == "email":
        local, dom, tld = make_email(rnd)
        x = render_email_written(local, dom, tld, rnd) if not spoken else render_email_spoken(local, dom, tld, rnd, lang)
    elif kind == "plate":
        p = make_plate(rnd, lang)
        x = render_plate(p, rnd, lang, spoken)
    else:
        if lang == "zh" or (lang == "mixed" and rnd.random() < 0.6):
            x = render_cnid(cn_id(rnd), rnd, spoken)
        elif "ss" in lead.lower() or "social" in lead or not ("insurance" in lead or "NI " in lead or rnd.random() < 0.5):
            x = render_ssn(ssn(rnd), rnd, spoken)
        else:
            x = render_ni(ni_number(rnd), rnd, spoken)
    if lang == "en" and spoken and not lead[0].isupper():
        x = x.lower() if kind != "plate" else x
    return x


LEADS = {
    ("card", "en"): [l for l, _ in CARD_EN_LEADS], ("card", "zh"): CARD_ZH_LEADS, ("card", "mixed"): CARD_MIX_LEADS,
    ("phone", "en"): PHONE_EN_LEADS, ("phone", "zh"): PHONE_ZH_LEADS, ("phone", "mixed"): PHONE_MIX_LEADS,
    ("email", "en"): EMAIL_EN_LEADS, ("email", "zh"): EMAIL_ZH_LEADS, ("email", "mixed"): EMAIL_MIX_LEADS,
    ("plate", "en"): PLATE_EN_LEADS, ("plate", "zh"): PLATE_ZH_LEADS, ("plate", "mixed"): PLATE_MIX_LEADS,
    ("id", "en"): ID_EN_LEADS, ("id", "zh"): ID_ZH_LEADS, ("id", "mixed"): ["我的 ID number 是 {x}", "身份证 number {x}"],
}
# cases per (kind, lang) for dev; held-out gets about half
COUNTS = {"card": (24, 14, 8), "phone": (24, 14, 8), "email": (16, 10, 6), "plate": (12, 10, 4), "id": (10, 8, 3)}


def split_pool(pool, part):
    if len(pool) < 4:
        return pool
    return [p for i, p in enumerate(pool) if (i % 3 != 2) == (part == "dev")]


def build(part, seed):
    rnd = random.Random(seed)
    rows = []
    scale = 1.0 if part == "dev" else 0.55
    for kind, counts in COUNTS.items():
        for lang, n in zip(("en", "zh", "mixed"), counts):
            pool = split_pool(LEADS[(kind, lang)], part)
            for k in range(max(1, round(n * scale))):
                lead = pool[k % len(pool)]
                x = gen_pii(rnd, kind, lang, lead)
                rows.append((lang, kind, lead.replace("{x}", x), x, ""))
    # a few card tails, unlabelled by this guide, with something to keep
    tails = [("en", "the card ending in 4821 was declined for the 320 deposit", "320 deposit"),
             ("en", "it's the visa ending 0093 i paid 75 with", "75"),
             ("zh", "尾号 6617 的 卡 付了 八百", "八百"),
             ("mixed", "card 尾号 2240 付 1,560", "1,560")]
    keeps = [k for i, k in enumerate(KEEPS) if (i % 3 != 2) == (part == "dev")]
    for lang, text, keep in keeps + [t for i, t in enumerate(tails) if (i % 2 == 0) == (part == "dev")]:
        rows.append((lang, "keep", text, "", keep))
    for i, (lang, kind, lead, keep) in enumerate(MIXED_KEEP):
        if (i % 3 != 2) != (part == "dev"):
            continue
        x = gen_pii(rnd, kind, lang, lead)
        rows.append((lang, kind, lead.replace("{x}", x), x, keep))
    for i, (lang, kind, text, rm) in enumerate(HAND):
        if rm and (i % 2 == 0) == (part == "dev"):
            rows.append((lang, kind, text, rm, ""))
    return rows


def write(path, prefix, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write("id\tlang\tkind\ttext\tmust_remove\tmust_keep\n")
        for i, (lang, kind, text, rm, keep) in enumerate(rows):
            assert "\t" not in text and (not rm or rm in text) and (not keep or keep in text), text
            f.write("%s-%03d\t%s\t%s\t%s\t%s\t%s\n" % (prefix, i + 1, lang, kind, text, rm, keep))


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    dev = build("dev", 3_2026_12)
    held = build("heldout", 3_2026_13)
    write(out + "/pii-author3-dev.tsv", "a3d", dev)
    write(out + "/pii-author3-heldout.tsv", "a3h", held)
    print("dev", len(dev), "heldout", len(held))
