#!/usr/bin/env bash
# Spine benchmark (issue 2): one run, one machine, everything on loopback.
#   1. raw baseline: Paho QoS 1 publish->receive of 600-byte messages on the same Mosquitto
#   2. raw baseline: batched PostgreSQL inserts of equal rows (100 per commit)
#   3. end to end: 200 simulated devices x 500 records -> Mosquitto -> gateway -> PostgreSQL
# Each measured RUNS times (default 3); medians and ratios printed at the end.
# Needs: mosquitto, PostgreSQL on VOC_TEST_PG (default 127.0.0.1:5432, user postgres, no password).
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
JAVA="$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED"
# SIM_FLAGS=--crash-safe-only: simulated outboxes use synchronous=NORMAL. 200 devices share ONE disk here, where
# in a store each has its own SD card, so per-commit fsyncs of 200 outboxes measure this disk, not the spine.
SIM_FLAGS=${SIM_FLAGS:-}
RUNS=${RUNS:-3}; DEVICES=${DEVICES:-200}; RECORDS=${RECORDS:-500}; PACED=${PACED:-5000}
PG=${VOC_TEST_PG:-127.0.0.1:5432}
./mvnw -q -DskipTests package
WORK=$(mktemp -d /tmp/voc-bench-XXXX)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
cat > "$WORK/mosquitto.conf" <<CONF
listener $PORT 127.0.0.1
allow_anonymous true
persistence false
max_queued_messages 1000000
max_inflight_messages 0
max_packet_size 1048576
user root
log_dest file $WORK/mosquitto.log
CONF
mosquitto -c "$WORK/mosquitto.conf" & MQ=$!
DB=voc_bench_$(date +%s)
psql -h "${PG%:*}" -p "${PG#*:}" -U postgres -qc "CREATE DATABASE $DB"
cleanup() { kill $GW 2>/dev/null || true; wait $GW 2>/dev/null || true; kill $MQ 2>/dev/null || true
  psql -h "${PG%:*}" -p "${PG#*:}" -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true; rm -rf "$WORK"; }
GW=""; trap cleanup EXIT
sleep 1
BROKER=tcp://127.0.0.1:$PORT
JDBC=jdbc:postgresql://$PG/$DB
cat > "$WORK/gateway.yaml" <<CONF
gateway_id: bench
broker: {url: $BROKER}
store: {kind: postgresql, jdbc_url: "$JDBC", user: postgres, pool_size: 4}
CONF
$JAVA -jar gateway/target/voc-gateway.jar run --config "$WORK/gateway.yaml" --data-dir "$WORK/gw" > "$WORK/gateway.log" 2>&1 & GW=$!
for _ in $(seq 1 60); do [ -f "$WORK/gw/runtime.json" ] && break; sleep 1; done
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
: > "$WORK/mqtt"; : > "$WORK/pg"; : > "$WORK/e2e"; : > "$WORK/p50"; : > "$WORK/p99"; : > "$WORK/ins"; : > "$WORK/pp50"; : > "$WORK/pp99"; : > "$WORK/pe2e"
for r in $(seq 1 "$RUNS"); do
  echo "== run $r/$RUNS"
  $JAVA -jar device/target/voc-device.jar bench-mqtt --broker "$BROKER" --messages 100000 --size 600 --in-flight 1000 2>/dev/null \
    | tee /dev/stderr | sed -n 's/.* s, \([0-9.]*\) msg\/s/\1/p' >> "$WORK/mqtt"
  $JAVA -jar gateway/target/voc-gateway.jar bench-store --jdbc-url "$JDBC" --rows 100000 --batch 100 2>/dev/null \
    | tee /dev/stderr | sed -n 's/.* s, \([0-9.]*\) rows\/s/\1/p' >> "$WORK/pg"
  rm -rf "$WORK/sim"
  OUT=$($JAVA -Xmx2g -jar device/target/voc-device.jar simulate --devices "$DEVICES" --records-per-device "$RECORDS" \
    --broker "$BROKER" --data-dir "$WORK/sim" $SIM_FLAGS --json 2>"$WORK/sim.log")
  echo "$OUT" >&2
  echo "$OUT" | python3 -c 'import json,sys;d=json.load(sys.stdin);print(d["records_per_second"])' >> "$WORK/e2e"
  echo "$OUT" | python3 -c 'import json,sys;d=json.load(sys.stdin);print(d["p50_ms"])' >> "$WORK/p50"
  echo "$OUT" | python3 -c 'import json,sys;d=json.load(sys.stdin);print(d["p99_ms"])' >> "$WORK/p99"
  echo "$OUT" | python3 -c 'import json,sys;d=json.load(sys.stdin);print(d["inserts_per_second"])' >> "$WORK/ins"
  # Latency at a stated load below saturation: the same fleet producing PACED records/s in total.
  rm -rf "$WORK/sim"
  OUT=$($JAVA -Xmx2g -jar device/target/voc-device.jar simulate --devices "$DEVICES" --records-per-device "$RECORDS" \
    --broker "$BROKER" --data-dir "$WORK/sim" --rate "$PACED" $SIM_FLAGS --json 2>"$WORK/sim.log")
  echo "$OUT" >&2
  echo "$OUT" | python3 -c 'import json,sys;d=json.load(sys.stdin);print(d["p50_ms"])' >> "$WORK/pp50"
  echo "$OUT" | python3 -c 'import json,sys;d=json.load(sys.stdin);print(d["p99_ms"])' >> "$WORK/pp99"
  echo "$OUT" | python3 -c 'import json,sys;d=json.load(sys.stdin);print(d["records_per_second"])' >> "$WORK/pe2e"
done
M=$(median < "$WORK/mqtt"); P=$(median < "$WORK/pg"); E=$(median < "$WORK/e2e")
echo
echo "== medians of $RUNS runs ($(nproc) cores, $(date -u +%F))"
printf 'raw MQTT QoS 1 (600 B, 1000 in flight):   %8.0f msg/s\n' "$M"
printf 'raw PostgreSQL (100 rows per commit):     %8.0f rows/s\n' "$P"
printf 'end to end, %d devices x %d records:   %8.0f records/s\n' "$DEVICES" "$RECORDS" "$E"
printf 'saturated: latency commit->ack p50 / p99:  %8.0f / %.0f ms (includes the backlog)\n' "$(median < "$WORK/p50")" "$(median < "$WORK/p99")"
printf 'paced at %d records/s: achieved %.0f/s, latency p50 / p99: %.0f / %.0f ms\n' "$PACED" "$(median < "$WORK/pe2e")" "$(median < "$WORK/pp50")" "$(median < "$WORK/pp99")"
printf 'device outbox inserts (all devices):      %8.0f records/s\n' "$(median < "$WORK/ins")"
printf 'ratio end-to-end / raw MQTT:              %8.2f\n' "$(python3 -c "print($E/$M)")"
printf 'ratio end-to-end / raw PostgreSQL:        %8.2f\n' "$(python3 -c "print($E/$P)")"
