#!/usr/bin/env python3
"""Draws the agreement sample: 400 lines at random (seed 20261204) from corpus/train as of commit 85ed41a
(22,283 lines in 75 files, read in file-name order). Writes the annotators' input (id, lang, role, domain, text;
no labels) and the corpus labels of the same lines, which the annotators never saw.

usage: python3 sample.py TEXTS_OUT GOLD_OUT   (run from this directory)"""
import glob
import os
import random
import sys

rows = []
for f in sorted(glob.glob('../train/*.tsv')):
    for i, line in enumerate(open(f, encoding='utf-8')):
        p = line.rstrip('\n').split('\t')
        if i > 0 and len(p) == 9:
            rows.append((os.path.basename(f), p))
random.seed(20261204)
sample = random.sample(rows, 400)
with open(sys.argv[1], 'w', encoding='utf-8') as texts, open(sys.argv[2], 'w', encoding='utf-8') as gold:
    texts.write('id\tlang\trole\tdomain\ttext\n')
    gold.write('id\tfile\ttopics\tsentiment\tflags\n')
    for k, (f, p) in enumerate(sample):
        texts.write('q%03d\t%s\t%s\t%s\t%s\n' % (k + 1, p[1], p[3], p[4], p[8]))
        gold.write('q%03d\t%s\t%s\t%s\t%s\n' % (k + 1, f, p[5], p[6], p[7]))
