# Shared by bench/broker-outage.sh and bench/alerts.sh (sourced, not run): a Mosquitto config on a free port,
# PostgreSQL helpers, bounded process stops, clock and port probes that start no process (on a loaded machine a
# process start takes seconds), medians.
PG=${VOC_TEST_PG:-127.0.0.1:5432}
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
psql_() { psql -h "${PG%:*}" -p "${PG#*:}" -U postgres -qAt "$@"; }
# Wall-clock epoch milliseconds (bash builtin).
now_ms() { local t=${EPOCHREALTIME/./}; echo "${t:0:13}"; }
# Waits until 127.0.0.1:$1 accepts connections.
wait_port() { until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do sleep 0.02; done; }
# SIGTERM, then SIGKILL after 15 s (a gateway still working off a backlog at shutdown takes its time).
stop_pid() {
  [ -n "$1" ] || return 0
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 75); do kill -0 "$1" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
# mosquitto_conf PORT DIR: a plain loopback broker like bench/spine.sh's, config at DIR/mosquitto.conf.
mosquitto_conf() {
  cat > "$2/mosquitto.conf" <<CONF
listener $1 127.0.0.1
allow_anonymous true
persistence false
max_queued_messages 1000000
max_inflight_messages 0
max_packet_size 1048576
user root
log_dest file $2/mosquitto.log
CONF
}
# wait_gateway DIR LOG: until the gateway wrote DIR/runtime.json (ready), at most 60 s.
wait_gateway() {
  for _ in $(seq 1 120); do [ -f "$1/runtime.json" ] && return 0; sleep 0.5; done
  echo "gateway did not start: $(tail -5 "$2")" >&2; return 1
}
