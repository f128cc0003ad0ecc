#!/usr/bin/env bash
# The index diet's effect on the ingest transaction (issue 18, V83), isolated like bench/outbox-cost.sh:
# gateway/src/test/java/.../store/IndexCostBench.java commits transactions of utterance records through the gateway's
# own store code (console indexer + outbox) into four fresh PostgreSQL databases (idx_bench_*: the indexes before V83;
# as migrated now, postings on (term, at, site); V83 with (term, site, at) or with (term, at) as the one postings
# index), interleaved round by round, each
# optionally pre-filled by the console benchmark's generator. Prints records/s and PostgreSQL backend CPU per 1,000
# records per variant, and each against the pre-V83 indexes. Needs the server on this machine for the CPU figure.
# Knobs: ROUNDS=10 TX=25 (transactions per round and variant) RECORDS=200 (records per transaction)
#        PREFILL=0 (conversations of 9 records generated into each database first) SKIP_BUILD=1
#        VARIANTS=v82,v83,... (a subset, the first is the baseline) VACUUM=0 (do not vacuum device_seq_ranges between
#        rounds, as in production: shows the SeqRanges churn of issue 18)
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
ROUNDS=${ROUNDS:-10}; TX=${TX:-25}; RECORDS=${RECORDS:-200}; PREFILL=${PREFILL:-0}
export VOC_TEST_PG=${VOC_TEST_PG:-127.0.0.1:5432}
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -o -DskipTests test-compile -pl gateway -am
cp_file="$PWD/gateway/target/bench-classpath.txt"
./mvnw -q -o -pl gateway dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
echo "== VARIANTS=${VARIANTS:-all} VACUUM=${VACUUM:-1}, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), PostgreSQL $VOC_TEST_PG, $(date -u +%FT%TZ)"
"$JAVA_HOME/bin/java" -cp "gateway/target/test-classes:gateway/target/classes:$(cat "$cp_file")" \
  io.vocedge.gateway.store.IndexCostBench "$ROUNDS" "$TX" "$RECORDS" "$PREFILL"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
