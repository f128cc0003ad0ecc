#!/usr/bin/env bash
# Forwarding benchmark (issue 18): device -> Mosquitto -> gateway -> PostgreSQL -> outbox -> Kafka, one machine.
# Per run (RUNS, default 3), each on a fresh PostgreSQL database and a fresh gateway:
#   1. ingest WITHOUT forwarding: DEVICES simulated devices x RECORDS records, as fast as they can (records/s first
#      insert -> last ack, as bench/spine.sh)
#   2. the same WITH forward.kafka: records/s of ingest, and a read_committed consumer (the central platform's view)
#      counting distinct event ids, duplicates, per-device order breaks and the latency from the store commit
#      (voc-committed-at header) to readable in Kafka; events/s into Kafka
#   2a. the same with forwarding, the consumer started only after the fleet is done (it then checks every event once, in
#      order): the central platform reads on its own machines, so its reader's CPU (about 60 ms per 1,000 events
#      here) is not forwarding's cost to ingest; the broker still runs here. "forwarding cost to ingest" is reported
#      both ways
#   2b. the same with the outbox written but Kafka unreachable (the forwarder backs off): the in-transaction share of
#      the cost alone, without the forwarder's reads and Kafka's CPU
#   3. raw baseline: the gateway's producer settings (idempotent, transactional, lz4) sending equal-size messages with
#      the same headers, 500 per transaction (forward.batch_max_events), 200 keys: msg/s
#   4. paced at PACED records/s with forwarding: commit->ack p50/p99 (device view) and commit->Kafka p50/p99
# Medians and the ratios are printed at the end. A real Kafka broker (KRaft, org.apache.kafka:kafka_2.13 from Maven
# Central, started by test-support's KafkaBroker as its own process), a real Mosquitto, PostgreSQL on VOC_TEST_PG.
# Also per case: CPU ms per 1,000 records of the gateway, PostgreSQL, the Kafka broker, Mosquitto, the consumer and the
# whole machine (cpu_snapshot in lib.sh): what forwarding costs the gateway host, which on a shared machine
# records/s cannot separate from the broker and consumer that a deployment runs elsewhere.
# Knobs: RUNS=3 DEVICES=200 RECORDS=500 PACED=5000 SIM_FLAGS=--crash-safe-only SKIP_BUILD=1 GW_JAVA_OPTS=(e.g. JFR)
#        FORWARD_OPTS="batch_max_events: 2000, batch_linger: 0s" (more keys of the forward section) SKIP_PACED=1
#        GW_JARS="old=/tmp/old-gateway.jar new=gateway/target/voc-gateway.jar": each run measures every case with each
#        gateway jar in turn (interleaved, so a busy neighbour slows both alike) and reports each jar's figures; default
#        one jar, gateway/target/voc-gateway.jar. BENCH_JAR: the jar that runs the consumer and the raw producer
#        WARMUP=RECORDS: records per device of a warm-up fleet (device ids warm-0000 ..) sent to each fresh gateway, and
#        forwarded, before its measured case starts (CPU snapshots, records/s, latencies). Without it a fresh gateway
#        JVM spends about half of a 100,000-record case compiling (JFR jdk.ThreadCPULoad: C1 + C2 compiler threads
#        0.41 of the gateway's 0.77 load without forwarding, 0.66 of 1.16 with), and forwarding pulls more code
#        (kafka-clients) through the JIT, which was counted as forwarding's cost. WARMUP=0: as before (cold).
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
. bench/lib.sh
JAVA="$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED"
RUNS=${RUNS:-3}; DEVICES=${DEVICES:-200}; RECORDS=${RECORDS:-500}; PACED=${PACED:-5000}; SIM_FLAGS=${SIM_FLAGS:-}
WARMUP=${WARMUP:-$RECORDS}
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -DskipTests package
WORK=$(mktemp -d /tmp/voc-bench-forward-XXXX)
KF=""; MQ=""; GW=""; CONS=""; DB=""
cleanup() {
  stop_pid "$CONS"; stop_pid "$GW"; stop_pid "$MQ"; stop_pid "$KF"
  [ -z "$DB" ] || psql_ -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

$JAVA_HOME/bin/java -cp test-support/target/classes io.vocedge.testsupport.cli.KafkaBrokerMain > "$WORK/kafka.out" 2>&1 & KF=$!
for _ in $(seq 1 240); do grep -q '^bootstrap=' "$WORK/kafka.out" && break; kill -0 "$KF" || { cat "$WORK/kafka.out"; exit 1; }; sleep 0.5; done
KAFKA=$(sed -n 's/^bootstrap=//p' "$WORK/kafka.out")
[ -n "$KAFKA" ] || { echo "kafka did not start: $(cat "$WORK/kafka.out")" >&2; exit 1; }
PORT=$(free_port); mosquitto_conf "$PORT" "$WORK"; mosquitto -c "$WORK/mosquitto.conf" & MQ=$!; wait_port "$PORT"
BROKER=tcp://127.0.0.1:$PORT
echo "== kafka $KAFKA, mosquitto $BROKER, PostgreSQL $PG ($(nproc) cores, load $(loadavg))"

# start_gateway NAME FORWARD_PREFIX(or empty) [BOOTSTRAP]: fresh database + gateway; sets DB, GW, GWDIR
start_gateway() {
  DB=voc_bench_fwd_$(date +%s%N | cut -c1-13); psql_ -c "CREATE DATABASE $DB"
  GWDIR="$WORK/gw-$1"; rm -rf "$GWDIR"
  {
    echo "gateway_id: bench-$1"
    echo "broker: {url: \"$BROKER\"}"
    echo "store: {kind: postgresql, jdbc_url: \"jdbc:postgresql://$PG/$DB\", user: postgres, pool_size: 4}"
    [ -z "$2" ] || echo "forward: {${FORWARD_OPTS:+$FORWARD_OPTS, }kafka: {bootstrap_servers: \"${3:-$KAFKA}\", topic_prefix: \"$2\"}}"
  } > "$WORK/gateway-$1.yaml"
  $JAVA ${GW_JAVA_OPTS:-} -jar "$GW_JAR" run --config "$WORK/gateway-$1.yaml" --data-dir "$GWDIR" > "$WORK/gateway-$1.log" 2>&1 & GW=$!
  wait_gateway "$GWDIR" "$WORK/gateway-$1.log"
}
stop_gateway() { stop_pid "$GW"; GW=""; psql_ -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"; DB=""; }
# start_consumer TOPIC EXPECT: read_committed consumer in the background, ready when it returns
start_consumer() {
  rm -f "$WORK/ready"
  $JAVA -jar "$BENCH_JAR" bench-kafka consume --bootstrap "$KAFKA" --topic "$1" --expect "$2" --key-prefix sim- \
    --ready-file "$WORK/ready" > "$WORK/consumer.json" 2> "$WORK/consumer.log" & CONS=$!
  for _ in $(seq 1 240); do [ -f "$WORK/ready" ] && return 0; kill -0 "$CONS" || break; sleep 0.25; done
  echo "consumer not ready: $(tail -5 "$WORK/consumer.log")" >&2; return 1
}
simulate() { rm -rf "$WORK/sim"; $JAVA -Xmx2g -jar device/target/voc-device.jar simulate --devices "$DEVICES" \
  --records-per-device "$RECORDS" --broker "$BROKER" --data-dir "$WORK/sim" $SIM_FLAGS --json "$@" 2>"$WORK/sim.log"; }
# warmup: a warm-up fleet (ids warm-...) through the fresh gateway, then until its forwarder (if any) has nothing
# pending (/health forward.*.lag_events 0 in a measurement taken after the fleet ended), so the measured case starts
# on a JIT-compiled gateway with nothing of the warm-up left to do; "warmup nowait" does not wait for the forwarder
warmup() {
  [ "$WARMUP" -gt 0 ] || return 0
  rm -rf "$WORK/simwarm"
  $JAVA -Xmx2g -jar device/target/voc-device.jar simulate --devices "$DEVICES" --records-per-device "$WARMUP" \
    --device-prefix warm --broker "$BROKER" --data-dir "$WORK/simwarm" $SIM_FLAGS --json > "$WORK/warmup.json" 2>"$WORK/simwarm.log" \
    || { echo "warm-up fleet failed: $(tail -3 "$WORK/simwarm.log")" >&2; return 1; }
  [ "${1:-}" != nowait ] || return 0
  local url; url=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["http_url"])' "$GWDIR/runtime.json")
  local ended; ended=$(date -u +%Y-%m-%dT%H:%M:%S)
  for _ in $(seq 1 120); do
    python3 - "$url/health" "$ended" <<'PY' && return 0
import json, sys, urllib.request
h = json.load(urllib.request.urlopen(sys.argv[1], timeout=5))
sinks = h.get("forward", {})
ok = all(s.get("lag_events") == 0 and (s.get("lag_measured_at") or "") >= sys.argv[2] for s in sinks.values())
sys.exit(0 if ok else 1)
PY
    sleep 0.5
  done
  echo "warm-up: the forwarder did not catch up within 60 s" >&2; return 1
}
field() { python3 -c 'import json,sys;print(json.loads(sys.stdin.read())[sys.argv[1]])' "$1"; }
JARS=${GW_JARS:-gateway/target/voc-gateway.jar}
BENCH_JAR=${BENCH_JAR:-gateway/target/voc-gateway.jar}  # the consumer and the raw producer
for f in cpu_off cpu_on cpu_late cpu_outbox cpu_raw off on late outbox con conp50 conp99 raw pac_p50 pac_p99 pac_rate pcon_p50 pcon_p99 dup brk; do : > "$WORK/$f"; done
EXPECT=$((DEVICES * RECORDS))
RAW_DONE=""
for r in $(seq 1 "$RUNS"); do
 for JARSPEC in $JARS; do
  LABEL=${JARSPEC%%=*}; GW_JAR=${JARSPEC#*=}; [ "$LABEL" != "$JARSPEC" ] || LABEL=""
  # Per jar its own result files (suffix .LABEL), the same names as before for a single unlabelled jar.
  S=${LABEL:+.$LABEL}
  if [ -n "$S" ]; then for f in cpu_off cpu_on cpu_late cpu_outbox off on late outbox con conp50 conp99 pac_p50 pac_p99 pac_rate pcon_p50 pcon_p99; do
    [ -e "$WORK/$f$S" ] || : > "$WORK/$f$S"; done; fi
  echo "== run $r/$RUNS${LABEL:+, gateway $LABEL ($GW_JAR)} (load $(loadavg))"
  start_gateway "off$r$LABEL" ""
  warmup
  C0=$(cpu_snapshot "$GW" "$KF" "$MQ")
  OUT=$(simulate); echo "without forwarding: $OUT"; echo "$OUT" | field records_per_second >> "$WORK/off$S"
  echo "$(cpu_delta "$C0" "$(cpu_snapshot "$GW" "$KF" "$MQ")") 0 $(echo "$OUT" | field cpu_ms)" >> "$WORK/cpu_off$S"
  stop_gateway

  start_gateway "on$r$LABEL" "bench$r$LABEL"
  warmup
  start_consumer "bench$r$LABEL.utterance" "$EXPECT"
  C0=$(cpu_snapshot "$GW" "$KF" "$MQ")
  OUT=$(simulate); echo "with forwarding:    $OUT"; echo "$OUT" | field records_per_second >> "$WORK/on$S"
  wait "$CONS" || echo "consumer: not every event arrived (see below)"; CONS=""
  C=$(cat "$WORK/consumer.json"); echo "kafka consumer:     $C"
  echo "$(cpu_delta "$C0" "$(cpu_snapshot "$GW" "$KF" "$MQ")") $(echo "$C" | field cpu_ms) $(echo "$OUT" | field cpu_ms)" >> "$WORK/cpu_on$S"
  echo "$C" | field events_per_second >> "$WORK/con$S"; echo "$C" | field p50_ms >> "$WORK/conp50$S"
  echo "$C" | field p99_ms >> "$WORK/conp99$S"; echo "$C" | field duplicates >> "$WORK/dup"; echo "$C" | field order_breaks >> "$WORK/brk"
  [ "$(echo "$C" | field distinct)" = "$EXPECT" ] || echo "MISSING EVENTS: $(echo "$C" | field distinct) of $EXPECT" >&2
  SIZE=$(echo "$C" | field avg_value_bytes)
  stop_gateway

  start_gateway "late$r$LABEL" "late$r$LABEL"
  warmup
  C0=$(cpu_snapshot "$GW" "$KF" "$MQ")
  OUT=$(simulate); echo "with forwarding, consumer after ingest: $OUT"; echo "$OUT" | field records_per_second >> "$WORK/late$S"
  echo "$(cpu_delta "$C0" "$(cpu_snapshot "$GW" "$KF" "$MQ")") 0 $(echo "$OUT" | field cpu_ms)" >> "$WORK/cpu_late$S"
  start_consumer "late$r$LABEL.utterance" "$EXPECT"
  wait "$CONS" || echo "consumer: not every event arrived (see below)"; CONS=""
  C=$(cat "$WORK/consumer.json"); echo "kafka consumer, after: $C"
  echo "$C" | field duplicates >> "$WORK/dup"; echo "$C" | field order_breaks >> "$WORK/brk"
  [ "$(echo "$C" | field distinct)" = "$EXPECT" ] || echo "MISSING EVENTS: $(echo "$C" | field distinct) of $EXPECT" >&2
  stop_gateway

  start_gateway "outbox$r$LABEL" "outbox$r$LABEL" "127.0.0.1:$(free_port)"
  warmup nowait  # Kafka is down: the warm-up's events stay pending in the outbox, as in an outage
  C0=$(cpu_snapshot "$GW" "$KF" "$MQ")
  OUT=$(simulate); echo "outbox, Kafka down: $OUT"; echo "$OUT" | field records_per_second >> "$WORK/outbox$S"
  echo "$(cpu_delta "$C0" "$(cpu_snapshot "$GW" "$KF" "$MQ")") 0 $(echo "$OUT" | field cpu_ms)" >> "$WORK/cpu_outbox$S"
  stop_gateway

  if [ "$RAW_DONE" != "$r" ]; then RAW_DONE=$r
  OUT=$($JAVA -jar "$BENCH_JAR" bench-kafka produce --bootstrap "$KAFKA" --topic "bench-raw$r.utterance" \
    --messages "$EXPECT" --size "$SIZE" 2>/dev/null); echo "$OUT"
  echo "$OUT" | sed -n 's/.* s, \([0-9.]*\) msg\/s.*/\1/p' >> "$WORK/raw"
  echo "$OUT" | sed -n 's/.*, cpu \([0-9]*\) ms$/\1/p' >> "$WORK/cpu_raw"
  fi

  [ "${SKIP_PACED:-0}" = 1 ] && continue
  start_gateway "paced$r$LABEL" "paced$r$LABEL"
  warmup
  start_consumer "paced$r$LABEL.utterance" "$EXPECT"
  OUT=$(simulate --rate "$PACED"); echo "paced $PACED/s:      $OUT"
  echo "$OUT" | field p50_ms >> "$WORK/pac_p50$S"; echo "$OUT" | field p99_ms >> "$WORK/pac_p99$S"
  echo "$OUT" | field records_per_second >> "$WORK/pac_rate$S"
  wait "$CONS" || echo "consumer: not every event arrived"; CONS=""
  C=$(cat "$WORK/consumer.json"); echo "kafka consumer:     $C"
  echo "$C" | field p50_ms >> "$WORK/pcon_p50$S"; echo "$C" | field p99_ms >> "$WORK/pcon_p99$S"
  echo "$C" | field duplicates >> "$WORK/dup"; echo "$C" | field order_breaks >> "$WORK/brk"
  stop_gateway
 done
done
report() {
OFF=$(median < "$WORK/off$S"); ON=$(median < "$WORK/on$S"); RAW=$(median < "$WORK/raw"); CON=$(median < "$WORK/con$S")
echo
echo "== ${LABEL:+gateway $LABEL: }medians of $RUNS runs ($(nproc) cores, $(date -u +%F), $DEVICES devices x $RECORDS records${SIM_FLAGS:+, $SIM_FLAGS})"
printf 'ingest without forwarding:                 %8.0f records/s\n' "$OFF"
printf 'ingest with forwarding to Kafka:           %8.0f records/s\n' "$ON"
printf 'forwarding cost to ingest:                 %8.1f %%  (target < 10 %%; the platform'"'"'s consumer reading on this machine too)\n' "$(python3 -c "print(100*(1-$ON/$OFF))")"
LATE=$(median < "$WORK/late$S")
printf 'ingest with forwarding, consumer after:    %8.0f records/s (forwarding cost %.1f %%; target < 10 %%)\n' "$LATE" \
  "$(python3 -c "print(100*(1-$LATE/$OFF))")"
printf 'ingest, outbox written, Kafka down:        %8.0f records/s (in-transaction cost %.1f %%)\n' "$(median < "$WORK/outbox$S")" \
  "$(python3 -c "print(100*(1-$(median < "$WORK/outbox$S")/$OFF))")"
printf 'events into Kafka (read_committed view):   %8.0f events/s\n' "$CON"
printf 'raw kafka-clients producer, same settings: %8.0f msg/s (ratio forwarded / raw %.2f)\n' "$RAW" "$(python3 -c "print($CON/$RAW)")"
printf 'saturated commit->readable in Kafka:       p50 %.0f ms, p99 %.0f ms (includes the backlog)\n' "$(median < "$WORK/conp50$S")" "$(median < "$WORK/conp99$S")"
[ "${SKIP_PACED:-0}" = 1 ] || printf 'paced %d/s: achieved %.0f/s, commit->ack p50 %.0f ms, p99 %.0f ms; commit->Kafka p50 %.0f ms, p99 %.0f ms\n' \
  "$PACED" "$(median < "$WORK/pac_rate$S")" "$(median < "$WORK/pac_p50$S")" "$(median < "$WORK/pac_p99$S")" \
  "$(median < "$WORK/pcon_p50$S")" "$(median < "$WORK/pcon_p99$S")"
printf 'duplicates / per-device order breaks seen by the consumer, all runs: %s / %s\n' \
  "$(python3 -c 'import sys;print(sum(int(x) for x in open(sys.argv[1])))' "$WORK/dup")" \
  "$(python3 -c 'import sys;print(sum(int(x) for x in open(sys.argv[1])))' "$WORK/brk")"
echo
echo "== ${LABEL:+gateway $LABEL: }CPU per 1,000 records (ms; user + system, medians of $RUNS runs; the consumer is the central platform's reader)"
python3 - "$WORK" "$EXPECT" "$S" <<'PY'
import statistics, sys
work, n, suffix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
names = ["gateway", "postgresql", "kafka broker", "mosquitto", "whole machine", "consumer", "simulator"]
rows = {}
for case in ("off", "on", "late", "outbox"):
    runs = [[int(x) for x in line.split()] for line in open(f"{work}/cpu_{case}{suffix}") if line.strip()]
    rows[case] = [statistics.median(r[i] for r in runs) * 1000 / n for i in range(7)]
print(f"{'':28}" + "".join(f"{h:>16}" for h in names))
for case, label in (("off", "without forwarding"), ("on", "forwarding to Kafka"), ("late", "forwarding, consumer after"),
                    ("outbox", "outbox, Kafka down")):
    print(f"{label:28}" + "".join(f"{v:16.1f}" for v in rows[case]))
raw = [int(x) for x in open(f"{work}/cpu_raw") if x.strip()]
if raw:
    print(f"{'raw producer, same messages':28}{statistics.median(raw) * 1000 / n:16.1f}  (its own process: what kafka-clients alone costs)")
host = lambda r: r[0] + r[1]
for case, label in (("on", "forwarding to Kafka"), ("late", "forwarding, consumer after"), ("outbox", "outbox, Kafka down")):
    print(f"gateway + PostgreSQL CPU per record, {label}: {100 * (host(rows[case]) / host(rows['off']) - 1):+.1f} % "
          f"(gateway {100 * (rows[case][0] / rows['off'][0] - 1):+.1f} %, PostgreSQL {100 * (rows[case][1] / rows['off'][1] - 1):+.1f} %)")
PY
}
for JARSPEC in $JARS; do
  LABEL=${JARSPEC%%=*}; [ "$LABEL" != "$JARSPEC" ] || LABEL=""; S=${LABEL:+.$LABEL}
  report
done
