#!/usr/bin/env bash
# Broker outage recovery (issue 13): real Mosquitto, gateway on PostgreSQL (throwaway DB per run), 200 simulated
# devices producing RATE records/s in total through a broker outage of OUTAGE s (kill -9 of the broker, restarted on
# the same port). Measured per run, from the moment the broker is back (its port accepts connections):
#   drain_acked  time until every record committed to the outboxes before that moment is acked (= stored) by the gateway
#   drain_store  time until the store's count reaches that number (PostgreSQL polled every POLL s)
#   gateway      time until the gateway logs event=gateway_mqtt_reconnected
#   devices      time until the median / last simulated device logs event=sync_connected
#   resends      batches resent after the broker came back, and the highest resend attempt (ack-timeout growth cap)
# Medians over RUNS runs at the end. Target: drained within 30 s of the broker's return.
# Needs: mosquitto, PostgreSQL on VOC_TEST_PG (default 127.0.0.1:5432, user postgres, no password), built jars
# (SKIP_BUILD=1 to use them as they are). KEEP_LOGS=DIR keeps each run's logs.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
. bench/lib.sh
JAVA="$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED"
GW_JAR=${GW_JAR:-gateway/target/voc-gateway.jar}; DEV_JAR=${DEV_JAR:-device/target/voc-device.jar}  # or copies, while building
RUNS=${RUNS:-3}; DEVICES=${DEVICES:-200}; RATE=${RATE:-1000}; BEFORE=${BEFORE:-20}; OUTAGE=${OUTAGE:-60}; AFTER=${AFTER:-40}
POLL=${POLL:-0.5}
SIM_FLAGS=${SIM_FLAGS:-}
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -o -DskipTests package
RECORDS=$(( RATE * (BEFORE + OUTAGE + AFTER) / DEVICES ))
WORK=$(mktemp -d /tmp/voc-outage-XXXX)
PORT=$(free_port)
BROKER=tcp://127.0.0.1:$PORT
mosquitto_conf "$PORT" "$WORK"
MQ=""; GW=""; SIM=""; POLLER=""; DB=""
stop_run() {
  for p in $SIM $POLLER $GW; do stop_pid "$p"; done
  stop_pid "$MQ"
  [ -z "$DB" ] || psql_ -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
  MQ=""; GW=""; SIM=""; POLLER=""; DB=""
}
cleanup() { stop_run; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
: > "$WORK/results"
echo "== $RUNS runs: $DEVICES devices, $RATE records/s, ${BEFORE}s + ${OUTAGE}s outage + ${AFTER}s ($RECORDS records each); load: $(loadavg)"
for r in $(seq 1 "$RUNS"); do
  R="$WORK/run$r"; mkdir -p "$R"
  mosquitto -c "$WORK/mosquitto.conf" & MQ=$!
  wait_port "$PORT"
  DB=voc_outage_$(date +%s)_$r
  psql_ -c "CREATE DATABASE $DB"
  cat > "$R/gateway.yaml" <<CONF
gateway_id: bench
broker: {url: $BROKER}
store: {kind: postgresql, jdbc_url: "jdbc:postgresql://$PG/$DB", user: postgres, pool_size: 4}
CONF
  $JAVA -jar "$GW_JAR" run --config "$R/gateway.yaml" --data-dir "$R/gw" > "$R/gateway.log" 2>&1 & GW=$!
  wait_gateway "$R/gw" "$R/gateway.log"
  $JAVA -Xmx2g -jar "$DEV_JAR" simulate --devices "$DEVICES" --records-per-device "$RECORDS" \
    --rate "$RATE" --broker "$BROKER" --data-dir "$R/sim" --progress PT0.25S --timeout PT15M $SIM_FLAGS --json \
    > "$R/sim.json" 2> "$R/sim.log" & SIM=$!
  ( while sleep "$POLL"; do echo "$(now_ms) $(psql_ -d "$DB" -c 'SELECT count(*) FROM records' 2>/dev/null || echo -1)"; done ) \
    > "$R/store.txt" & POLLER=$!
  until grep -q 'event=simulation_start' "$R/sim.log"; do
    kill -0 $SIM 2>/dev/null || { echo "simulator ended early: $(tail -5 "$R/sim.log")" >&2; exit 1; }; sleep 0.2; done
  sleep "$BEFORE"
  DOWN=$(now_ms); kill -9 $MQ; wait $MQ 2>/dev/null || true
  sleep $(( OUTAGE - ($(now_ms) - DOWN) / 1000 ))
  mosquitto -c "$WORK/mosquitto.conf" & MQ=$!
  wait_port "$PORT"; UP=$(now_ms)   # the broker is back: its port accepts connections
  echo "run $r: broker killed at $DOWN, back at $UP ($(( UP - DOWN )) ms); load $(loadavg)"
  wait $SIM || echo "run $r: simulator exit $? (incomplete)" >&2
  SIM=""
  sleep 1
  python3 - "$R" "$DOWN" "$UP" >> "$WORK/results" <<'PY'
import json, re, sys, datetime, statistics
d, down, up = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def ts(line):
    return int(datetime.datetime.fromisoformat(line.split(' ', 1)[0]).timestamp() * 1000)
prog = []
for line in open(d + '/sim.log'):
    m = re.search(r'event=sim_progress epoch_ms=(\d+) committed=(\d+) acked=(\d+) connected=(\d+)/', line)
    if m:
        prog.append(tuple(map(int, m.groups())))
backlog = next((c for t, c, a, n in prog if t >= up), 0)            # committed by the first snapshot after the return
drain_acked = next((t - up for t, c, a, n in prog if t >= up and a >= backlog), -1)
store = [tuple(map(int, l.split())) for l in open(d + '/store.txt') if len(l.split()) == 2]
drain_store = next((t for t, n in store if t >= up and n >= backlog), None)
drain_store = (drain_store - up) if drain_store else -1
gw = [ts(l) for l in open(d + '/gateway.log') if 'event=gateway_mqtt_reconnected' in l]
gw_ms = min((t for t in gw if t >= down), default=-1)
gw_ms = gw_ms - up if gw_ms > 0 else -1
dev = sorted(ts(l) - up for l in open(d + '/sim.log') if 'event=sync_connected' in l and ts(l) >= up)
resent = [int(re.search(r'attempt=(\d+)', l).group(1)) for l in open(d + '/sim.log')
          if 'event=batch_resent' in l and ts(l) >= up]
rep = json.load(open(d + '/sim.json'))
print(json.dumps({'backlog': backlog, 'drain_acked_ms': drain_acked, 'drain_store_ms': drain_store,
                  'gateway_reconnect_ms': gw_ms, 'devices_reconnected': len(dev),
                  'device_reconnect_median_ms': statistics.median(dev) if dev else -1,
                  'device_reconnect_last_ms': dev[-1] if dev else -1,
                  'resends_after_return': len(resent), 'max_resend_attempt': max(resent, default=0),
                  'complete': rep['complete'], 'acked': rep['records_acked'], 'p99_ms': rep['p99_ms']}))
PY
  tail -1 "$WORK/results"
  [ -z "${KEEP_LOGS:-}" ] || { mkdir -p "$KEEP_LOGS"; cp -r "$R" "$KEEP_LOGS/"; }
  stop_run
done
echo
echo "== medians of $RUNS runs ($(nproc) cores, $(date -u +%F), load at the end: $(loadavg))"
for k in backlog drain_acked_ms drain_store_ms gateway_reconnect_ms device_reconnect_median_ms device_reconnect_last_ms \
    resends_after_return max_resend_attempt; do
  printf '%-28s %s\n' "$k" "$(python3 -c "import json,sys;[print(json.loads(l)['$k']) for l in open('$WORK/results')]" | median)"
done
python3 -c "import json;print('all complete:', all(json.loads(l)['complete'] for l in open('$WORK/results')))"
