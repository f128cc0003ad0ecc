#!/usr/bin/env python3
"""Builds the vendored list of two-character Chinese words the redactor reads (names/zh-words-2.txt).

Run once by hand when the list changes; the build never runs it (no npm, no network at build or run time).

    cd /tmp/zh && npm pack nodejieba@3.5.8 && tar xzf nodejieba-3.5.8.tgz
    python3 make_zh_words.py /tmp/zh/package/submodules/cppjieba/dict/jieba.dict.utf8 OUT_DIR/zh-words-2.txt

Source: the segmentation dictionary of cppjieba (MIT, shipped inside the nodejieba 3.5.8 npm package), lines of
"word frequency part-of-speech". Kept: words of exactly two Han characters with a frequency of 3 or more, of every
part of speech (names included: the list answers "could these two characters be one word", where a wrong yes only
costs a missed rule, never an over-redaction), plus EXTRA: hand-typed words of the trade that the dictionary lacks
and that end in a surname character (钣金, 高管 ...). One word per line, sorted.
"""
import sys

src, out = sys.argv[1], sys.argv[2]
words = set()
for line in open(src, encoding="utf-8"):
    parts = line.split()
    if len(parts) != 3:
        continue
    w, freq = parts[0], int(parts[1])
    if len(w) == 2 and all("\u4e00" <= c <= "\u9fff" for c in w) and freq >= 3:
        words.add(w)
EXTRA = "钣金 宿管 物管 高管 库管 仓管 质管 财管 车管 店管 网约 车贷 车商 厂商 电商 微商".split()
words |= set(EXTRA)
with open(out, "w", encoding="utf-8") as f:
    f.write("# Two-character Chinese words, from cppjieba's jieba.dict.utf8 (MIT; see LICENSES.md); built by\n")
    f.write("# device/corpus/tools/make_zh_words.py. One word per line.\n")
    for w in sorted(words):
        f.write(w + "\n")
print(len(words))
