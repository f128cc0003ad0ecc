#!/usr/bin/env python3
"""Counts for corpus-frozen/utterances.tsv and pii.tsv (paste the output into README.md)."""
import collections, csv, os, sys

here = os.path.dirname(os.path.abspath(__file__))

def read(name):
    with open(os.path.join(here, name), encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))

u = read('utterances.tsv')
print(f'utterances: {len(u)}')
for col in ('lang', 'style', 'speaker', 'domain', 'sentiment'):
    c = collections.Counter(r[col] for r in u)
    print(f'  {col}: ' + ', '.join(f'{k} {v} ({100*v/len(u):.0f}%)' for k, v in sorted(c.items())))
tc = collections.Counter(t for r in u for t in r['topics'].split(',') if t)
print(f'  no topic: {sum(1 for r in u if not r["topics"])}')
print('  topics: ' + ', '.join(f'{k} {v}' for k, v in sorted(tc.items())))
fc = collections.Counter(t for r in u for t in r['flags'].split(',') if t)
print('  flags: ' + ', '.join(f'{k} {v}' for k, v in sorted(fc.items())))
if os.path.exists(os.path.join(here, 'pii.tsv')):
    p = read('pii.tsv')
    print(f'pii cases: {len(p)}')
    print('  lang: ' + ', '.join(f'{k} {v}' for k, v in sorted(collections.Counter(r['lang'] for r in p).items())))
    print('  kind: ' + ', '.join(f'{k} {v}' for k, v in sorted(collections.Counter(r['kind'] for r in p).items())))
    print(f'  substrings to remove: {sum(len([x for x in r["must_remove"].split("|") if x]) for r in p)}, '
          f'to keep: {sum(len([x for x in r["must_keep"].split("|") if x]) for r in p)}, '
          f'keep-only cases: {sum(1 for r in p if not r["must_remove"])}')
    bad = [r['id'] for r in p for x in (r['must_remove'].split('|') + r['must_keep'].split('|')) if x and x not in r['text']]
    if bad:
        print('  ERROR substrings not found in text: ' + ', '.join(bad)); sys.exit(1)
