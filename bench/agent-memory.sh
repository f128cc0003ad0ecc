#!/usr/bin/env bash
# Device agent memory and start-up (issue 6; budget: ARCHITECTURE.md "Budgets", 160 MB RSS without the speech model).
#
# Builds nothing. Needs the jars from
#   ./mvnw -pl device,gateway -am package -DskipTests
# (device/target/voc-device.jar and gateway/target/voc-gateway.jar).
#
# Per run: a gateway on embedded defaults (in-process broker, SQLite store; started once, as bin/demo does), and the
# device agent started exactly as voc-device.service starts it: through the packaged launcher
# (device/src/deb/data/usr/bin/voc-device) with the unit's VOC_JVM_OPTS, 'run --config FILE --source replay:...'.
# The replay is demo/showroom.jsonl, repeated (with fresh conversation ids) so the agent stays busy for the whole
# measurement at RATE utterances/s. Every second: VmRSS and VmHWM from /proc/PID/status.
# Start-up = from launching the launcher to the first record accepted into the outbox, taken from the agent's own
# 'event=utterance_accepted' log line (DEBUG; enabled for that one class by -Dtinylog.* properties, which only
# change what is logged).
#
# Model distribution (issue 15): MODEL=FILE (a .vocim other than the agent's) publishes it through the running
# gateway ('voc-gateway model publish') MODEL_AT seconds (default 20) into the first run: the agent downloads it in
# chunks and installs it while it keeps analysing, holding the previous model for rollback; later runs' agents fetch
# it right after they start. The summary then also says when the first run installed it.
# Knobs: RUNS=3 DURATION=60 (seconds sampled per run) RATE=2 (utterances/s). Prints a summary; raw samples stay in
# $WORK (printed) when KEEP=1. For comparisons only: JVM_OPTS="..." replaces the unit's flags (JVM_OPTS=" " = JVM
# defaults).
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
RUNS=${RUNS:-3}; DURATION=${DURATION:-60}; RATE=${RATE:-2}; KEEP=${KEEP:-0}
MODEL=${MODEL:-}; MODEL_AT=${MODEL_AT:-20}
DEVICE_JAR=device/target/voc-device.jar
GATEWAY_JAR=gateway/target/voc-gateway.jar
UNIT=device/src/deb/data/usr/lib/systemd/system/voc-device.service
LAUNCHER=device/src/deb/data/usr/bin/voc-device
for f in "$DEVICE_JAR" "$GATEWAY_JAR"; do
  [ -f "$f" ] || { echo "missing $f: run ./mvnw -pl device,gateway -am package -DskipTests first" >&2; exit 1; }
done
UNIT_OPTS=$(sed -n 's/^Environment="VOC_JVM_OPTS=\(.*\)"$/\1/p' "$UNIT")
[ -n "$UNIT_OPTS" ] || { echo "no Environment=\"VOC_JVM_OPTS=...\" line in $UNIT" >&2; exit 1; }
if [ -n "${JVM_OPTS+set}" ]; then FLAGS_FROM="JVM_OPTS override, NOT the production flags"; else JVM_OPTS=$UNIT_OPTS; FLAGS_FROM="from $UNIT"; fi
# Log the outbox acceptance of each record (one class at DEBUG); everything else stays at INFO.
LOG_OPTS="-Dtinylog.writer.level=debug -Dtinylog.level=info -Dtinylog.level@io.vocedge.device.insights.InsightStage=debug"

WORK=$(mktemp -d /tmp/voc-agent-mem-XXXX)
GW=""; AGENT=""
cleanup() {
  [ -n "$AGENT" ] && kill "$AGENT" 2>/dev/null && wait "$AGENT" 2>/dev/null || true
  [ -n "$GW" ] && kill "$GW" 2>/dev/null && wait "$GW" 2>/dev/null || true
  if [ "$KEEP" = 1 ]; then echo "raw data: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# A replay long enough for the whole run: showroom.jsonl repeated, each copy with its own conversation ids.
LINES_NEEDED=$(python3 -c "import math;print(math.ceil(($DURATION + 30) * $RATE))")
python3 - "$LINES_NEEDED" demo/showroom.jsonl "$WORK/replay.jsonl" <<'PY'
import json, sys
need, src, dst = int(sys.argv[1]), sys.argv[2], sys.argv[3]
lines = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
with open(dst, "w", encoding="utf-8") as out:
    n = 0; copy = 0
    while n < need:
        for rec in lines:
            if "conversation_id" in rec:
                rec = dict(rec, conversation_id=f"{rec['conversation_id']}-r{copy}")
            out.write(json.dumps(rec, ensure_ascii=False) + "\n"); n += 1
        copy += 1
PY

echo "== gateway (embedded broker + SQLite store)"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$GATEWAY_JAR" run --data-dir "$WORK/gateway" \
  > "$WORK/gateway.log" 2>&1 &
GW=$!
for _ in $(seq 1 90); do
  [ -f "$WORK/gateway/runtime.json" ] && break
  kill -0 "$GW" 2>/dev/null || { cat "$WORK/gateway.log"; exit 1; }
  sleep 1
done
BROKER=$(sed -n 's/.*"broker_url":"\([^"]*\)".*/\1/p' "$WORK/gateway/runtime.json")
HTTP=$(sed -n 's/.*"http_url":"\([^"]*\)".*/\1/p' "$WORK/gateway/runtime.json")
echo "   broker $BROKER"

mb() { python3 -c "print(f'{$1/1024:.1f}')"; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'; }
: > "$WORK/startup_ms"; : > "$WORK/started_ms"; : > "$WORK/rss_end"; : > "$WORK/hwm"; : > "$WORK/rss_median"; : > "$WORK/accepted"
for r in $(seq 1 "$RUNS"); do
  D="$WORK/run$r"; mkdir -p "$D"
  # The embedded broker lets no client in without a password (as bin/demo does it; 0600 file).
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$GATEWAY_JAR" broker password "bench-$r" \
    --data-dir "$WORK/gateway" --out "$D/broker.password" > /dev/null
  cat > "$D/device.yaml" <<YAML
device: {id: bench-$r, site: bench-site}
data_dir: $D/data
broker: {url: $BROKER, password_file: $D/broker.password}
outbox: {max_bytes: 268435456, power_loss_safe: true}
telemetry: {interval_s: 60}
YAML
  LOAD=$(cut -d' ' -f1 /proc/loadavg)
  T0=$(date +%s%3N)
  VOC_DEVICE_JAR="$DEVICE_JAR" VOC_JVM_OPTS="$JVM_OPTS $LOG_OPTS" \
    "$LAUNCHER" run --config "$D/device.yaml" --source "replay:$WORK/replay.jsonl" --rate "$RATE" 2> "$D/agent.log" &
  AGENT=$!
  echo "t_s,vmrss_kb,vmhwm_kb,rssanon_kb,rssfile_kb" > "$D/samples.csv"
  for t in $(seq 1 "$DURATION"); do
    sleep 1
    kill -0 "$AGENT" 2>/dev/null || { echo "agent exited early:"; tail -20 "$D/agent.log"; exit 1; }
    awk -v t="$t" '/^VmRSS:/{r=$2} /^VmHWM:/{h=$2} /^RssAnon:/{a=$2} /^RssFile:/{f=$2} END{print t","r","h","a","f}' \
      "/proc/$AGENT/status" >> "$D/samples.csv"
    if [ -n "$MODEL" ] && [ "$r" = 1 ] && [ "$t" = "$MODEL_AT" ]; then
      echo "   t=${t}s: publishing $MODEL through the gateway (the previous HWM: $(mb "$(tail -1 "$D/samples.csv" | cut -d, -f3)") MB)"
      "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$GATEWAY_JAR" model publish --file "$MODEL" \
        --data-dir "$WORK/gateway" > "$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log"; exit 1; }
    fi
  done
  if [ -n "$MODEL" ]; then
    INSTALLED=$(grep -m1 'event=model_updated' "$D/agent.log" | cut -d' ' -f1 || true)
    echo "   model installed: ${INSTALLED:-NOT within the run} ($(grep -c 'event=model_updated' "$D/agent.log" || true) install(s))"
  fi
  kill -TERM "$AGENT"; wait "$AGENT" 2>/dev/null || true; AGENT=""
  FIRST=$(grep -m1 'event=utterance_accepted' "$D/agent.log" | cut -d' ' -f1)
  [ -n "$FIRST" ] || { echo "no record accepted in run $r:"; tail -20 "$D/agent.log"; exit 1; }
  STARTUP=$(python3 -c "import datetime,sys;t=datetime.datetime.fromisoformat('$FIRST'.replace('Z','+00:00'));print(round(t.timestamp()*1000-$T0))")
  ACCEPTED=$(grep -c 'event=utterance_accepted' "$D/agent.log")
  STARTED_AT=$(grep -m1 'event=agent_started' "$D/agent.log" | cut -d' ' -f1)
  STARTED=$(python3 -c "import datetime;t=datetime.datetime.fromisoformat('$STARTED_AT'.replace('Z','+00:00'));print(round(t.timestamp()*1000-$T0))")
  echo "$STARTED" >> "$WORK/started_ms"
  END=$(tail -1 "$D/samples.csv" | cut -d, -f2)
  HWM=$(tail -1 "$D/samples.csv" | cut -d, -f3)
  MED=$(tail -n +2 "$D/samples.csv" | cut -d, -f2 | median)
  ANON=$(tail -1 "$D/samples.csv" | cut -d, -f4); FILEB=$(tail -1 "$D/samples.csv" | cut -d, -f5)
  echo "$STARTUP" >> "$WORK/startup_ms"; echo "$END" >> "$WORK/rss_end"; echo "$HWM" >> "$WORK/hwm"
  echo "$MED" >> "$WORK/rss_median"; echo "$ACCEPTED" >> "$WORK/accepted"
  echo "run $r (load average at launch $LOAD): agent_started after $STARTED ms, first record accepted $STARTUP ms after launch; $ACCEPTED records in $DURATION s;" \
    "VmRSS median $(mb "$MED") MB, at end $(mb "$END") MB (anon $(mb "$ANON"), file $(mb "$FILEB")); VmHWM $(mb "$HWM") MB"
done
STORED=$(curl -s "$HTTP/metrics" 2>/dev/null | sed -n 's/^voc_records_stored_total[^ ]* \([0-9.eE+]*\)$/\1/p' | head -1)

echo
echo "== agent memory and start-up, median of $RUNS runs ($(nproc) cores, $(date -u +%F))"
echo "machine: $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "java:    $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "flags:   $JVM_OPTS --enable-native-access=ALL-UNNAMED ($FLAGS_FROM)"
echo "load:    replay at $RATE utterances/s for $DURATION s, records synced to the gateway (records stored by the gateway, incl. summaries and telemetry: ${STORED:-?})"
printf 'start-up to event=agent_started:        %s ms\n' "$(median < "$WORK/started_ms")"
printf 'start-up to first record in the outbox: %s ms\n' "$(median < "$WORK/startup_ms")"
printf 'VmRSS median over the run:              %s MB\n' "$(mb "$(median < "$WORK/rss_median")")"
printf 'VmRSS at the end of the run:            %s MB\n' "$(mb "$(median < "$WORK/rss_end")")"
printf 'VmHWM (peak RSS):                       %s MB   (budget 160 MB without the speech model)\n' "$(mb "$(median < "$WORK/hwm")")"
