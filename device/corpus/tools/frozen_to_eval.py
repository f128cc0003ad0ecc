#!/usr/bin/env python3
"""Converts corpus-frozen/utterances.tsv to the column order `insights evaluate` reads, by header name only.

Written from the header line alone (id lang style speaker domain text sentiment topics flags), without reading the
set's lines, so the blind set stays blind: it prints counts, never a line or a label value.

  python3 device/corpus/tools/frozen_to_eval.py corpus-frozen/utterances.tsv /tmp/frozen-eval.tsv
  bin/voc-device insights evaluate --data /tmp/frozen-eval.tsv

lang other than zh/en (the set marks code-switched lines "mixed") -> what the engine's own detection says
(InsightEngine.detectLanguage): zh when the Han characters are at least as many as the Latin-letter words, else en,
the convention the training corpus is labelled by (until 2026-12-08: zh when any Han character, which sent English
lines with a Chinese word to the Chinese model);
speaker -> role (customer/staff kept, anything else "-": role unknown); topics and flags split on , ; | or spaces,
none written as "-", "" or "none" becomes "-".
"""
import re
import sys

OUT = ["id", "lang", "style", "role", "domain", "topics", "sentiment", "flags", "text"]
TOPICS = {"delivery", "deposit_contract", "staff_attitude", "price_discount", "advisor_competence", "test_drive",
          "waiting_time", "stock_availability", "after_sales", "financing", "facility", "greeting", "thanks", "profanity",
          "trade_in"}
FLAGS = {"escalation", "churn_risk"}


# the Han script (Character.UnicodeScript.HAN): radicals, 々 〇 and the Suzhou numerals, the unified ideographs
HAN = re.compile("[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                 "\U00020000-\U0003134f]")


def detect_language(text):
    """InsightEngine.detectLanguage: zh when Han characters >= Latin-letter words (and at least one), else en."""
    han = len(re.findall(HAN, text))
    latin_words = len(re.findall(r"[A-Za-z]+", text))
    return "zh" if han > 0 and han >= latin_words else "en"


def ids(field, known, bad):
    if field.strip().lower() in ("", "-", "none"):
        return "-"
    out = [x for x in re.split(r"[,;| ]+", field.strip()) if x]
    for x in out:
        if x not in known:
            bad[0] += 1
    return ",".join(x for x in out if x in known) or "-"


def main(src, dst):
    lines = open(src, encoding="utf-8").read().splitlines()
    head = lines[0].split("\t")
    col = {name: i for i, name in enumerate(head)}
    role_col = col.get("role", col.get("speaker"))
    rows, bad_topics, bad_flags, unknown_role, bad_sent, other_lang = [], [0], [0], 0, 0, 0
    for line in lines[1:]:
        if not line.strip():
            continue
        c = line.split("\t")
        role = c[role_col].strip().lower() if role_col is not None else "-"
        if role not in ("customer", "staff"):
            role, unknown_role = "-", unknown_role + 1
        sent = c[col["sentiment"]].strip().lower()
        if sent not in ("negative", "neutral", "positive"):
            bad_sent += 1
        lang = c[col["lang"]].strip()
        if lang not in ("zh", "en"):
            # code-switched lines: as the engine detects a line's language when none is given
            lang, other_lang = detect_language(c[col["text"]]), other_lang + 1
        rows.append([c[col["id"]], lang, c[col["style"]].strip() if "style" in col else "-", role,
                     c[col["domain"]].strip() if "domain" in col else "-", ids(c[col["topics"]], TOPICS, bad_topics), sent,
                     ids(c[col["flags"]], FLAGS, bad_flags), c[col["text"]]])
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\t".join(OUT) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print("rows %d; lang other than zh/en (read by script) %d; role unknown %d; unknown topic ids %d; unknown flag ids %d; "
          "bad sentiment %d" % (len(rows), other_lang, unknown_role, bad_topics[0], bad_flags[0], bad_sent))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
