#!/usr/bin/env python3
"""Issue 18's index audit (BENCHMARKS.md "Index diet"): EXPLAIN ANALYZE of each query shape in
bench/index-audit-queries.sql (the console's lists, conversation page and search, the alert rules, forget, corrections,
rule preview, with literal values for a `voc-gateway bench-console generate` data set of 5 sites), under an index set:
DDLFILE (e.g. DROP INDEX ...; CREATE INDEX ...) runs first inside a transaction that is rolled back, so one generated
database serves every variant. Prints per query: median execution ms of runs 2-5, the indexes used, sequential scans.
usage: bench/index-audit.py DB LABEL DDLFILE|- [plans]   (Q=other-queries.sql to override; psql on PATH, trust auth)"""
import os, re, subprocess, sys
db, label, ddlfile = sys.argv[1], sys.argv[2], sys.argv[3]
show = len(sys.argv) > 4
ddl = open(ddlfile).read() if ddlfile != '-' else ''
qs = []
for block in open(os.environ.get('Q', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'index-audit-queries.sql'))).read().split('-- name: ')[1:]:
    name, sql = block.split('\n', 1)
    qs.append((name.strip(), sql.strip().rstrip(';')))
script = ['BEGIN;', ddl, 'ANALYZE records; ANALYZE search_terms; ANALYZE record_topics;' if ddl else '']
for name, sql in qs:
    for i in range(5):
        script.append(f"\\echo @@{name}@@{i}")
        script.append(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) {sql};")
script.append('ROLLBACK;')
out = subprocess.run(['psql', '-h', os.environ.get('PGHOST', '127.0.0.1'), '-U', 'postgres', '-d', db, '-At', '-v', 'ON_ERROR_STOP=1'],
                     input='\n'.join(script), capture_output=True, text=True)
if out.returncode:
    sys.exit(out.stderr)
res = {}
cur = None
for line in out.stdout.splitlines():
    m = re.match(r'@@(.*)@@(\d)', line)
    if m:
        cur = (m.group(1), int(m.group(2))); res[cur] = []
    elif cur:
        res[cur].append(line)
for name, _ in qs:
    times = sorted(float(re.search(r'Execution Time: ([\d.]+)', '\n'.join(res[(name, i)])).group(1)) for i in range(1, 5))
    med = (times[1] + times[2]) / 2
    plan = res[(name, 4)]
    idx = sorted(set(re.findall(r'(?:Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)', '\n'.join(plan))))
    seq = sorted(set(re.findall(r'Seq Scan on (\w+)', '\n'.join(plan))))
    sort = 'sort' if any('Sort Method' in l for l in plan) else ''
    print(f"{label}\t{name}\t{med:.2f} ms\t{','.join(idx)}\t{'SEQ:' + ','.join(seq) if seq else ''}\t{sort}")
    if show:
        print('\n'.join('    ' + l for l in plan if 'Execution' not in l and 'Planning' not in l))
