"""Shared by make_pii_dev.py and make_pii_hard.py: digit words and the spoken forms of invented numbers.

Every function draws from the one generator `R`, set by `seed()` before use, so each script's output depends only on
its own seed and order of calls.
"""
import random

R = random.Random(0)
EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
EN_OH = ["oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
ZH = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
ZH_YAO = ["洞", "幺", "两", "三", "四", "五", "六", "七", "八", "九"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def seed(n):
    global R
    R = random.Random(n)
    return R


def digits(n):
    return "".join(str(R.randrange(10)) for _ in range(n))


def en_digits(d, oh=True, double=False):
    words = []
    i = 0
    while i < len(d):
        if double and i + 2 < len(d) and d[i] == d[i + 1] == d[i + 2]:
            words += ["triple", (EN_OH if oh else EN)[int(d[i])]]
            i += 3
        elif double and i + 1 < len(d) and d[i] == d[i + 1]:
            words += ["double", (EN_OH if oh else EN)[int(d[i])]]
            i += 2
        else:
            words.append((EN_OH if oh else EN)[int(d[i])])
            i += 1
    return " ".join(words)


def en_pair(two):
    """'55' -> 'fifty five', '13' -> 'thirteen', '05' -> 'oh five'."""
    a, b = int(two[0]), int(two[1])
    if a == 0:
        return "oh " + EN[b]
    if a == 1:
        return TEENS[b]
    return TENS[a] + ("" if b == 0 else " " + EN[b])


def en_grouped(d):
    return " ".join(en_pair(d[i:i + 2]) if i + 1 < len(d) else EN[int(d[i])] for i in range(0, len(d), 2))


def zh_digits(d, yao=False, sep=" "):
    return sep.join((ZH_YAO if yao else ZH)[int(c)] for c in d)


def cn_mobile():
    return "1" + R.choice("3456789") + digits(9)


def uk_phone():
    return "07700900" + digits(3)


def luhn_complete(prefix, length):
    body = prefix + digits(length - len(prefix) - 1)
    total = 0
    for i, c in enumerate(reversed(body)):
        v = int(c)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return body + str((10 - total % 10) % 10)
