#!/usr/bin/env python3
"""Expands the hand-written short-coded source files in src/ into utterances.tsv.

Source line:  <lang><style><speaker> <domain> <sentiment> <topics> <flags> | <text>
  lang z/e/m, style w(ritten)/a(sr), speaker c(ustomer)/s(taff), domain A(uto)/R(etail),
  sentiment - 0 +, topics/flags comma-separated short codes or '.'.
Checks labels against TAXONOMY v2 and that asr text has no punctuation or capitals.
Ids are assigned in file order; the result is frozen (do not regenerate after landing unless a
new blind writer extends the set: new rows are appended, old ids never change).
"""
import glob, os, re, sys

TOP = {'dl': 'delivery', 'dc': 'deposit_contract', 'sa': 'staff_attitude', 'pd': 'price_discount',
       'ac': 'advisor_competence', 'td': 'test_drive', 'wt': 'waiting_time', 'st': 'stock_availability',
       'as': 'after_sales', 'fi': 'financing', 'fa': 'facility', 'gr': 'greeting', 'th': 'thanks',
       'pf': 'profanity', 'ti': 'trade_in'}
FLG = {'es': 'escalation', 'ch': 'churn_risk'}
LANG = {'z': 'zh', 'e': 'en', 'm': 'mixed'}
STY = {'w': 'written', 'a': 'asr'}
SPK = {'c': 'customer', 's': 'staff'}
DOM = {'A': 'auto', 'R': 'retail'}
SEN = {'-': 'negative', '0': 'neutral', '+': 'positive'}
PUNCT = re.compile(r"[，。！？、；：“”‘’（）,.!?;:\"()…—]")

here = os.path.dirname(os.path.abspath(__file__))
rows, errors, seen = [], [], set()
for f in sorted(glob.glob(os.path.join(here, 'src', 'u*.txt'))):
    for n, line in enumerate(open(f, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        where = f'{os.path.basename(f)}:{n}'
        try:
            head, text = line.split(' | ', 1)
            code, dom, sen, top, flg = head.split()
            lang, sty, spk = LANG[code[0]], STY[code[1]], SPK[code[2]]
            topics = [] if top == '.' else [TOP[t] for t in top.split(',')]
            flags = [] if flg == '.' else [FLG[t] for t in flg.split(',')]
            row = [lang, sty, spk, DOM[dom], text.strip(), SEN[sen], ','.join(topics), ','.join(flags)]
        except Exception as e:
            errors.append(f'{where}: bad line ({e!r}): {line}')
            continue
        t = row[4]
        if '\t' in t:
            errors.append(f'{where}: tab in text')
        if sty == 'asr' and (PUNCT.search(t) or t != t.lower()):
            errors.append(f'{where}: asr text has punctuation/capitals: {t}')
        if lang == 'zh' and re.search(r'[A-Za-z]{2,}', t) and sty == 'written':
            pass
        if t in seen:
            errors.append(f'{where}: duplicate text: {t}')
        seen.add(t)
        if flags and row[5] != 'negative':
            errors.append(f'{where}: flagged rows must be negative')
        rows.append(row)
if errors:
    print('\n'.join(errors), file=sys.stderr)
    sys.exit(1)
with open(os.path.join(here, 'utterances.tsv'), 'w', encoding='utf-8') as out:
    out.write('id\tlang\tstyle\tspeaker\tdomain\ttext\tsentiment\ttopics\tflags\n')
    for i, r in enumerate(rows, 1):
        out.write('\t'.join([f'F{i:04d}', r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]]) + '\n')
print(f'{len(rows)} utterances written')
