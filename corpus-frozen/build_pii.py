#!/usr/bin/env python3
"""Expands the hand-written src/p*.txt into pii.tsv and checks every substring is in its text.

Source line: <lang> <kind> ## <text> ## <must_remove |-separated> ## <must_keep |-separated>
"""
import glob, os, sys
here = os.path.dirname(os.path.abspath(__file__))
LANGS = {'zh', 'en', 'mixed'}
KINDS = {'phone', 'email', 'plate', 'id_number', 'bank_card', 'keep_only'}
rows, errors, seen = [], [], set()
for f in sorted(glob.glob(os.path.join(here, 'src', 'p*.txt'))):
    for n, line in enumerate(open(f, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        where = f'{os.path.basename(f)}:{n}'
        parts = [p.strip() for p in line.split('##')]
        if len(parts) != 4:
            errors.append(f'{where}: need 4 fields: {line}'); continue
        head, text, rem, keep = parts
        lang, kind = head.split()
        rem = [x for x in rem.split('|') if x.strip()]
        keep = [x for x in keep.split('|') if x.strip()]
        if lang not in LANGS or kind not in KINDS:
            errors.append(f'{where}: bad lang/kind {head}')
        if '\t' in text or text in seen:
            errors.append(f'{where}: tab or duplicate text')
        seen.add(text)
        if (kind == 'keep_only') != (not rem):
            errors.append(f'{where}: keep_only iff nothing to remove')
        for x in rem + keep:
            if x not in text:
                errors.append(f'{where}: substring not in text: {x!r}')
        for r in rem:
            for k in keep:
                if k in r or r in k:
                    errors.append(f'{where}: remove/keep overlap {r!r} {k!r}')
        rows.append((lang, kind, text, '|'.join(rem), '|'.join(keep)))
if errors:
    print('\n'.join(errors), file=sys.stderr); sys.exit(1)
with open(os.path.join(here, 'pii.tsv'), 'w', encoding='utf-8') as out:
    out.write('id\tlang\tkind\ttext\tmust_remove\tmust_keep\n')
    for i, r in enumerate(rows, 1):
        out.write(f'P{i:04d}\t' + '\t'.join(r) + '\n')
print(f'{len(rows)} pii cases written')
