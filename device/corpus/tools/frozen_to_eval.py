#!/usr/bin/env python3
"""Converts corpus-frozen/utterances.tsv to the column order `insights evaluate` reads, by header name only.

Written from the header line alone (id lang style speaker domain text sentiment topics flags), without reading the
set's lines, so the blind set stays blind: it prints counts, never a line or a label value.

  python3 device/corpus/tools/frozen_to_eval.py corpus-frozen/utterances.tsv /tmp/frozen-eval.tsv
  bin/voc-device insights evaluate --data /tmp/frozen-eval.tsv

lang other than zh/en (the set marks code-switched lines "mixed") -> zh when the text holds Han characters, else en;
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
            # code-switched lines: the engine reads a line as Chinese when it holds Han characters (as a device would
            # when the Chinese recognizer produced it), else as English
            lang, other_lang = ("zh" if re.search(r"[\u3400-\u9fff]", c[col["text"]]) else "en"), other_lang + 1
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
