#!/usr/bin/env bash
# Console benchmark (issue 14): page and search times with a large store in PostgreSQL.
#   1. a throwaway database on VOC_TEST_PG (default 127.0.0.1:5432, user postgres, no password), dropped at the end
#   2. 'voc-gateway bench-console generate': CONVERSATIONS conversations x UTTERANCES utterances (+ a summary each)
#      over the last DAYS days, SITES sites x 4 devices, generated in SQL inside PostgreSQL, with their topics, search
#      postings and trend roll-ups (what the gateway's indexer writes), then indexes re-created and ANALYZE
#   3. a real gateway on that store (Mosquitto on a free port as its broker, HTTP on a free loopback port)
#   4. 'voc-gateway bench-console measure': SAMPLES sequential requests per page after a warm-up, as an analyst and
#      as a site manager of one site: attention queue, a random conversation, trends (30 days per day, 90 days per
#      week, 3 sites compared), fleet, and search (page and API) for 1- and 2-character Chinese and English words.
#      Times are seen by a client on the same machine (server time + loopback): an upper bound of server time.
# Targets (issue 14): pages p95 < 500 ms, search p95 < 300 ms.
# Knobs: CONVERSATIONS=1000000 UTTERANCES=8 SITES=50 DAYS=90 SAMPLES=100 KEEP_DB=1 (keep the database; printed)
set -euo pipefail
cd "$(dirname "$0")/.."
CONVERSATIONS=${CONVERSATIONS:-1000000}; UTTERANCES=${UTTERANCES:-8}; SITES=${SITES:-50}; DAYS=${DAYS:-90}
SAMPLES=${SAMPLES:-100}; KEEP_DB=${KEEP_DB:-0}
PG=${VOC_TEST_PG:-127.0.0.1:5432}
[ -f gateway/target/voc-gateway.jar ] || ./mvnw -q -pl gateway -am package -DskipTests
WORK=$(mktemp -d /tmp/voc-bench-console-XXXX)
DB=voc_bench_console_$(date +%s)
psql -h "${PG%:*}" -p "${PG#*:}" -U postgres -qc "CREATE DATABASE $DB"
MQ=""; GW=""
cleanup() {
  [ -n "$GW" ] && kill "$GW" 2>/dev/null && wait "$GW" 2>/dev/null || true
  [ -n "$MQ" ] && kill "$MQ" 2>/dev/null && wait "$MQ" 2>/dev/null || true
  if [ "$KEEP_DB" = 1 ]; then echo "kept database $DB"; else
    psql -h "${PG%:*}" -p "${PG#*:}" -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest none\n' "$PORT" > "$WORK/mosquitto.conf"
mosquitto -c "$WORK/mosquitto.conf" & MQ=$!
cat > "$WORK/gateway.yaml" <<CONF
gateway_id: bench-console
broker: {url: "tcp://127.0.0.1:$PORT"}
store: {kind: postgresql, jdbc_url: "jdbc:postgresql://$PG/$DB", user: postgres, pool_size: 4}
http: {host: 127.0.0.1, port: 0}
CONF
echo "== generating $CONVERSATIONS conversations x $UTTERANCES utterances into $DB ($(nproc) cores)"
T0=$(date +%s)
bin/voc-gateway bench-console generate --config "$WORK/gateway.yaml" --conversations "$CONVERSATIONS" \
  --utterances "$UTTERANCES" --sites "$SITES" --days "$DAYS"
echo "generated in $(( $(date +%s) - T0 )) s"
psql -h "${PG%:*}" -p "${PG#*:}" -U postgres -d "$DB" -Atc "SELECT 'records: ' || count(*) FROM records" \
  -c "SELECT 'search_terms: ' || count(*) FROM search_terms" -c "SELECT 'database size: ' || pg_size_pretty(pg_database_size('$DB'))"
PW="bench password 1234"
echo "$PW" | bin/voc-gateway user add --config "$WORK/gateway.yaml" --data-dir "$WORK/gw" --name bench --role analyst --password-stdin
echo "$PW" | bin/voc-gateway user add --config "$WORK/gateway.yaml" --data-dir "$WORK/gw" --name bench-mgr --role site_manager \
  --site site-007 --password-stdin
bin/voc-gateway run --config "$WORK/gateway.yaml" --data-dir "$WORK/gw" > "$WORK/gateway.log" 2>&1 & GW=$!
for _ in $(seq 1 120); do [ -f "$WORK/gw/runtime.json" ] && break; sleep 1; done
URL=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["http_url"])' "$WORK/gw/runtime.json")
echo "== measuring on $URL: $SAMPLES requests per page"
echo "$PW" | bin/voc-gateway bench-console measure --url "$URL" --user bench --site-manager bench-mgr --password-stdin \
  --conversations "$CONVERSATIONS" --sites "$SITES" --samples "$SAMPLES"
