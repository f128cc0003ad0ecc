#!/usr/bin/env bash
# The forwarding outbox's cost inside the ingest transaction (issue 18), isolated from the device simulator, Mosquitto
# and Kafka: gateway/src/test/java/.../forward/OutboxCostBench.java commits transactions of realistic utterance records
# through the gateway's own store code into four fresh PostgreSQL databases (records only; + console postings; + the
# outbox with its V60 indexes; + the outbox as migrated now), interleaved round by round. Prints records/s per variant
# and the outbox's cost against "console" (the gateway without forwarding).
# Knobs: ROUNDS=10 TX=25 (transactions per round and variant) RECORDS=200 (records per transaction) SKIP_BUILD=1
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
ROUNDS=${ROUNDS:-10}; TX=${TX:-25}; RECORDS=${RECORDS:-200}
export VOC_TEST_PG=${VOC_TEST_PG:-127.0.0.1:5432}
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -DskipTests install -pl gateway -am
cp_file="$PWD/gateway/target/bench-classpath.txt"
./mvnw -q -o -pl gateway dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
echo "== $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), PostgreSQL $VOC_TEST_PG, $(date -u +%FT%TZ)"
"$JAVA_HOME/bin/java" -cp "gateway/target/test-classes:gateway/target/classes:$(cat "$cp_file")" \
  io.vocedge.gateway.forward.OutboxCostBench "$ROUNDS" "$TX" "$RECORDS"
