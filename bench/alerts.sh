#!/usr/bin/env bash
# Alert latency (issue 17): real Mosquitto, gateway on PostgreSQL (throwaway DB per run) with an alerts: section
# whose only channel is a Standard Webhooks webhook to bench/webhook-receiver.py (checks every signature, records the
# receive time per alert id); no rules configured, so the built-in attention rule is on. The fleet simulator feeds
# DEVICES devices on SITES sites at RATE records/s in total for DURATION s; every conversation (20 records) ends with a
# summary, SHARE of them needing attention. Latency per alert = webhook received - alerts.committed_at (written in the
# transaction that stores the record, so it is the record's store commit, to a few ms).
# Per entry of WINDOWS ("group_window" or "group_window/group_max_delay", e.g. "0s 2m/10m 2m/5s"; each run): alerts, delivered, messages, p50/p95/p99/max; medians over RUNS at the end.
# ALERTS_EXTRA: more keys for the alerts: section (e.g. "group_max_delay: 5s"), same for every run.
# Needs: mosquitto, python3, PostgreSQL on VOC_TEST_PG (default 127.0.0.1:5432, user postgres, no password), built jars
# (SKIP_BUILD=1 to use them as they are). KEEP_LOGS=DIR keeps each run's logs.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
. bench/lib.sh
JAVA="$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED"
GW_JAR=${GW_JAR:-gateway/target/voc-gateway.jar}; DEV_JAR=${DEV_JAR:-device/target/voc-device.jar}  # or copies, while building
RUNS=${RUNS:-3}; DEVICES=${DEVICES:-200}; SITES=${SITES:-40}; RATE=${RATE:-1000}; DURATION=${DURATION:-60}
SHARE=${SHARE:-0.1}; WINDOWS=${WINDOWS:-0s 2m/10m 2m/5s}; ALERTS_EXTRA=${ALERTS_EXTRA:-}
SIM_FLAGS=${SIM_FLAGS:-}
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -o -DskipTests package
RECORDS=$(( RATE * DURATION / DEVICES ))
WORK=$(mktemp -d /tmp/voc-alerts-XXXX)
PORT=$(free_port); HOOK_PORT=$(free_port)
BROKER=tcp://127.0.0.1:$PORT
SECRET="whsec_$(head -c 32 /dev/urandom | base64 -w0)"
mosquitto_conf "$PORT" "$WORK"
MQ=""; GW=""; SIM=""; HOOK=""; DB=""
stop_run() {
  for p in $SIM $GW $HOOK; do stop_pid "$p"; done
  stop_pid "$MQ"
  [ -z "$DB" ] || psql_ -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
  MQ=""; GW=""; SIM=""; HOOK=""; DB=""
}
cleanup() { stop_run; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
: > "$WORK/results"
echo "== $RUNS runs per group_window in [$WINDOWS]: $DEVICES devices on $SITES sites, $RATE records/s for ${DURATION}s," \
  "attention share $SHARE; load $(loadavg)"
for r in $(seq 1 "$RUNS"); do
for W in $WINDOWS; do
  MAXD=""; [ "$W" = "${W#*/}" ] || MAXD=${W#*/}
  R="$WORK/run$r-${W//\//_}"; mkdir -p "$R"
  mosquitto -c "$WORK/mosquitto.conf" & MQ=$!
  wait_port "$PORT"
  python3 bench/webhook-receiver.py "$HOOK_PORT" "$SECRET" "$R/received.txt" & HOOK=$!
  wait_port "$HOOK_PORT"
  DB=voc_alerts_$(date +%s)_$r
  psql_ -c "CREATE DATABASE $DB"
  cat > "$R/gateway.yaml" <<CONF
gateway_id: bench
broker: {url: $BROKER}
store: {kind: postgresql, jdbc_url: "jdbc:postgresql://$PG/$DB", user: postgres, pool_size: 4}
alerts:
  group_window: ${W%%/*}
${MAXD:+  group_max_delay: $MAXD}
  channels: [{id: bench, kind: webhook, url: "http://127.0.0.1:$HOOK_PORT/hook", secret: "$SECRET"}]
${ALERTS_EXTRA:+  $ALERTS_EXTRA}
CONF
  $JAVA -jar "$GW_JAR" run --config "$R/gateway.yaml" --data-dir "$R/gw" > "$R/gateway.log" 2>&1 & GW=$!
  wait_gateway "$R/gw" "$R/gateway.log"
  START=$(now_ms)
  $JAVA -Xmx2g -jar "$DEV_JAR" simulate --devices "$DEVICES" --records-per-device "$RECORDS" \
    --rate "$RATE" --sites "$SITES" --attention-share "$SHARE" --broker "$BROKER" --data-dir "$R/sim" \
    --timeout PT10M $SIM_FLAGS --json > "$R/sim.json" 2> "$R/sim.log" & SIM=$!
  # Production plus at most 90 s for the gateway to catch up; then what is stored counts.
  for _ in $(seq 1 $(( (DURATION + 150) * 5 ))); do kill -0 $SIM 2>/dev/null || break; sleep 0.2; done
  stop_pid "$SIM"; SIM=""
  # Deliveries settle: every alert delivered once, or the window plus 60 s passed.
  SETTLE=$(( $(now_ms) + 60000 + $(python3 -c "import re;m=re.fullmatch(r'(\d+)(ms|s|m)','${W%%/*}');print(int(m[1])*{'ms':1,'s':1000,'m':60000}[m[2]])") ))
  while [ "$(now_ms)" -lt "$SETTLE" ]; do
    PENDING=$(psql_ -d "$DB" -c "SELECT count(*) FROM alert_deliveries WHERE state <> 'delivered'")
    [ "$PENDING" = 0 ] && break; sleep 1
  done
  psql_ -d "$DB" -F ' ' -c "SELECT a.id, a.committed_at, a.site FROM alerts a" > "$R/alerts.txt"
  psql_ -d "$DB" -c "SELECT count(*) FROM records" > "$R/records.txt"
  python3 - "$R" "$W" "$START" >> "$WORK/results" <<'PY'
import json, sys
d, window, start = sys.argv[1], sys.argv[2], int(sys.argv[3])
alerts = {}
for line in open(d + '/alerts.txt'):
    if line.strip():
        i, c, s = line.split()
        alerts[i] = int(c)
first, copies, messages, bad = {}, {}, set(), 0
for line in open(d + '/received.txt'):
    t, i, m, n = line.split()
    if i == 'BAD_SIGNATURE':
        bad += 1
        continue
    messages.add(m)
    copies[i] = copies.get(i, 0) + 1
    first[i] = min(first.get(i, int(t)), int(t))
lat = sorted(first[i] - c for i, c in alerts.items() if i in first)
def pct(p):
    return lat[min(len(lat) - 1, int(p * len(lat)))] / 1000 if lat else -1
print(json.dumps({'window': window, 'records_stored': int(open(d + '/records.txt').read()), 'alerts': len(alerts),
                  'delivered': len(lat), 'messages': len(messages), 'unknown_ids': len(set(first) - set(alerts)),
                  'duplicate_receipts': sum(n - 1 for n in copies.values()), 'bad_signatures': bad,
                  'p50_s': pct(0.50), 'p95_s': pct(0.95), 'p99_s': pct(0.99), 'max_s': lat[-1] / 1000 if lat else -1}))
PY
  echo "run $r group_window=$W: $(tail -1 "$WORK/results") load $(loadavg)"
  [ -z "${KEEP_LOGS:-}" ] || { mkdir -p "$KEEP_LOGS"; cp -r "$R" "$KEEP_LOGS/"; rm -rf "$KEEP_LOGS/$(basename "$R")/sim"; }
  stop_run
done
done
echo
echo "== medians of $RUNS runs ($(nproc) cores, $(date -u +%F), load at the end: $(loadavg))"
for W in $WINDOWS; do
  printf 'group_window=%s:' "$W"
  for k in records_stored alerts delivered messages duplicate_receipts bad_signatures p50_s p95_s p99_s max_s; do
    printf ' %s=%s' "$k" "$(python3 -c "import json;[print(d['$k']) for d in map(json.loads, open('$WORK/results')) if d['window']=='$W']" | median)"
  done
  echo
done
