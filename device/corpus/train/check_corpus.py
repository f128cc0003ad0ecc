#!/usr/bin/env python3
"""Validate the VoC Edge training corpus and print its counts.

Usage: python3 check_corpus.py [DIR]   (default: the directory of this script)
Checks: header, 9 columns, allowed values, unique ids, no exact duplicate texts
(and reports near-duplicates: same text after lower-casing and removing
punctuation/spaces), style consistency (asr = no punctuation/digits/upper case).
Exit code 1 on any error.
"""
import collections, glob, os, re, sys

HEADER = ['id', 'lang', 'style', 'role', 'domain', 'topics', 'sentiment', 'flags', 'text']
TOPICS = ['delivery', 'deposit_contract', 'staff_attitude', 'price_discount', 'advisor_competence',
          'test_drive', 'waiting_time', 'stock_availability', 'after_sales', 'financing', 'facility',
          'greeting', 'thanks', 'profanity', 'trade_in']
FLAGS = ['escalation', 'churn_risk']
ALLOWED = dict(lang={'zh', 'en'}, style={'written', 'asr'}, role={'customer', 'staff'},
               domain={'auto', 'retail'}, sentiment={'positive', 'neutral', 'negative'})
CJK = re.compile(r'[\u3400-\u9fff]')
PUNCT = re.compile(r'[，。！？、；：“”‘’（）《》…,.!?;:"()\[\]~/·—-]')


def norm(t):
    return re.sub(r'[\W_]+', '', t.lower())


def main(d):
    errs = []
    rows = []
    files = sorted(glob.glob(os.path.join(d, '*.tsv')))
    for f in files:
        with open(f, encoding='utf-8') as fh:
            lines = fh.read().split('\n')
        if lines and lines[-1] == '':
            lines.pop()
        if not lines or lines[0].split('\t') != HEADER:
            errs.append(f'{f}: bad header')
            continue
        for i, line in enumerate(lines[1:], 2):
            cols = line.split('\t')
            if len(cols) != 9:
                errs.append(f'{f}:{i}: {len(cols)} columns')
                continue
            r = dict(zip(HEADER, cols))
            r['_where'] = f'{os.path.basename(f)}:{i}'
            for k, allowed in ALLOWED.items():
                if r[k] not in allowed:
                    errs.append(f'{r["_where"]}: bad {k} {r[k]!r}')
            tl = [] if r['topics'] == '-' else r['topics'].split(',')
            fl = [] if r['flags'] == '-' else r['flags'].split(',')
            if any(t not in TOPICS for t in tl) or len(set(tl)) != len(tl) or (r['topics'] != '-' and not tl):
                errs.append(f'{r["_where"]}: bad topics {r["topics"]!r}')
            if any(x not in FLAGS for x in fl) or len(set(fl)) != len(fl):
                errs.append(f'{r["_where"]}: bad flags {r["flags"]!r}')
            t = r['text']
            if not t.strip() or t != t.strip():
                errs.append(f'{r["_where"]}: empty text or edge spaces')
            if not re.fullmatch(r'tr-(zh|en)-\d{5}', r['id']) or r['id'][3:5] != r['lang']:
                errs.append(f'{r["_where"]}: bad id {r["id"]}')
            if r['style'] == 'asr':
                if PUNCT.search(t) or re.search(r'[0-9A-Z]', t):
                    errs.append(f'{r["_where"]}: asr text with punctuation/digits/upper case')
                if r['lang'] == 'zh' and not re.search(r'[\u3400-\u9fff] [\u3400-\u9fff]', t):
                    errs.append(f'{r["_where"]}: zh asr text not space-separated')
            elif r['lang'] == 'zh' and re.search(r'[\u3400-\u9fff] [\u3400-\u9fff]', t):
                errs.append(f'{r["_where"]}: zh written text with spaces between words')
            if r['lang'] == 'zh' and not CJK.search(t):
                errs.append(f'{r["_where"]}: zh line without Chinese')
            r['_t'], r['_f'] = tl, fl
            rows.append(r)
    ids = collections.Counter(r['id'] for r in rows)
    errs += [f'duplicate id {i}' for i, c in ids.items() if c > 1]
    texts = collections.defaultdict(list)
    for r in rows:
        texts[r['text']].append(r['_where'])
    errs += [f'duplicate text {t!r}: {w}' for t, w in texts.items() if len(w) > 1]
    near = collections.defaultdict(list)
    for r in rows:
        near[norm(r['text'])].append(r['_where'])
    near_dups = {k: v for k, v in near.items() if len(v) > 1}

    n = len(rows)
    pct = lambda c: f'{c:5d} ({100.0 * c / n:4.1f}%)'
    out = [f'files: {len(files)}', f'utterances: {n}']
    for k in ['lang', 'style', 'role', 'domain', 'sentiment']:
        c = collections.Counter(r[k] for r in rows)
        out.append(f'{k}: ' + ', '.join(f'{v} {pct(c[v])}' for v in sorted(c)))
    for lang in ['zh', 'en']:
        sub = [r for r in rows if r['lang'] == lang]
        c = collections.Counter(r['style'] for r in sub)
        out.append(f'  {lang} by style: ' + ', '.join(f'{v} {c[v]}' for v in sorted(c)))
    tc = collections.Counter(t for r in rows for t in r['_t'])
    out.append('topics (lines carrying the topic; zh / en / negative / neutral / positive):')
    for t in TOPICS:
        sub = [r for r in rows if t in r['_t']]
        s = collections.Counter(r['sentiment'] for r in sub)
        lz = sum(r['lang'] == 'zh' for r in sub)
        out.append(f'  {t:20s} {tc[t]:5d}   zh {lz:4d} en {len(sub) - lz:4d}   '
                   f'neg {s["negative"]:4d} neu {s["neutral"]:4d} pos {s["positive"]:4d}')
    fc = collections.Counter(x for r in rows for x in r['_f'])
    for x in FLAGS:
        sub = [r for r in rows if x in r['_f']]
        lz = sum(r['lang'] == 'zh' for r in sub)
        out.append(f'flag {x:12s} {fc[x]:5d}   zh {lz:4d} en {len(sub) - lz:4d}')
    nt = collections.Counter(len(r['_t']) for r in rows)
    out.append('topics per line: ' + ', '.join(f'{k}: {pct(nt[k])}' for k in sorted(nt)))
    mixed = sum(1 for r in rows if (r['lang'] == 'en' and CJK.search(r['text'])) or
                (r['lang'] == 'zh' and re.search(r'(?<![A-Za-z0-9])[A-Za-z]{3,}', r['text'])))
    out.append(f'mixed-script lines (code-switching, incl. Latin brand/model names in zh): {pct(mixed)}')
    out.append('by file:')
    for f in files:
        b = os.path.basename(f)
        out.append(f'  {b:34s} {sum(r["_where"].startswith(b + ":") for r in rows):5d}')
    print('\n'.join(out))
    if near_dups:
        print(f'near-duplicates (same after normalisation): {len(near_dups)}')
        for k, v in list(near_dups.items())[:20]:
            print('  ', v)
    for e in errs[:200]:
        print('ERROR', e)
    print(f'errors: {len(errs)}')
    return 1 if errs else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))))
