#!/usr/bin/env python3
"""Agreement of one annotator's labels (id topics sentiment flags) with the corpus labels of the same lines (the
gold file sample.py writes): topics micro-F1 and per topic, sentiment agreement, flags micro-F1. The corpus labels
are the reference only by convention: F1 between two annotators is symmetric.

usage: python3 score.py GOLD LABELS"""
import collections
import sys


def labels(field):
    return set(x.strip() for x in field.split(',') if x.strip() not in ('-', ''))


def f1(tp, fp, fn):
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


gold = {}
for k, line in enumerate(open(sys.argv[1], encoding='utf-8')):
    p = line.rstrip('\n').split('\t')
    if k > 0:
        gold[p[0]] = (labels(p[2]), p[3], labels(p[4]))
other = {}
for k, line in enumerate(open(sys.argv[2], encoding='utf-8')):
    p = line.rstrip('\n').split('\t')
    if k > 0 and len(p) >= 4:
        other[p[0]] = (labels(p[1]), p[2].strip(), labels(p[3]))
ids = [i for i in gold if i in other]
print('lines %d of %d' % (len(ids), len(gold)))
tp = fp = fn = 0
ftp = ffp = ffn = 0
same_sentiment = 0
per = collections.defaultdict(lambda: [0, 0, 0])
for i in ids:
    (gt, gs, gf), (at, as_, af) = gold[i], other[i]
    for t in gt | at:
        if t in gt and t in at:
            tp += 1
            per[t][0] += 1
        elif t in at:
            fp += 1
            per[t][1] += 1
        else:
            fn += 1
            per[t][2] += 1
    same_sentiment += gs == as_
    ftp += len(gf & af)
    ffp += len(af - gf)
    ffn += len(gf - af)
print('topics micro-F1 %.3f (P %.3f R %.3f)' % (f1(tp, fp, fn), tp / (tp + fp), tp / (tp + fn)))
print('sentiment agreement %.3f' % (same_sentiment / len(ids)))
print('flags micro-F1 %.3f' % f1(ftp, ffp, ffn))
for t, (a, b, c) in sorted(per.items(), key=lambda x: f1(*x[1])):
    print('  %-20s F1 %.3f  (both %d, annotator only %d, corpus only %d)' % (t, f1(a, b, c), a, b, c))
