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
# cpu_snapshot GW_PID KAFKA_PID MQ_PID: CPU milliseconds used so far (user + system, all threads) by the gateway, by
# every PostgreSQL process (with the children the postmaster has reaped), by the Kafka broker (the process tree under
# KAFKA_PID), by Mosquitto, and by the whole machine (/proc/stat), as "gw pg kafka mq machine". An empty PID counts 0.
# CPU time, unlike records/s, does not shrink when a neighbour takes the cores, so the differences of two snapshots
# say what each part costs per record on a shared machine.
cpu_snapshot() {
  python3 - "${1:-0}" "${2:-0}" "${3:-0}" <<'PY'
import os, sys
tck = os.sysconf('SC_CLK_TCK')
procs = {}
for p in os.listdir('/proc'):
    if not p.isdigit():
        continue
    try:
        s = open(f'/proc/{p}/stat').read()
    except OSError:
        continue
    comm = s[s.index('(') + 1:s.rindex(')')]
    f = s[s.rindex(')') + 2:].split()
    procs[int(p)] = (int(f[1]), comm, int(f[11]) + int(f[12]), int(f[13]) + int(f[14]))
def tree(root):
    if root not in procs:
        return 0
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += procs[pid][2]
        todo += [c for c, v in procs.items() if v[0] == pid]
    return total
gw, kafka, mq = (int(a) for a in sys.argv[1:4])
pg = sum(v[2] + v[3] for v in procs.values() if v[1] == 'postgres')
cpu = [int(x) for x in open('/proc/stat').readline().split()[1:9]]  # guest time is already in user
machine = sum(cpu) - cpu[3] - cpu[4]  # everything but idle and iowait
ms = lambda ticks: ticks * 1000 // tck
print(ms(procs.get(gw, (0, '', 0, 0))[2]), ms(pg), ms(tree(kafka)), ms(procs.get(mq, (0, '', 0, 0))[2]), ms(machine))
PY
}
# cpu_delta "BEFORE" "AFTER": field-wise difference of two cpu_snapshot lines
cpu_delta() { python3 -c 'import sys;a=sys.argv[1].split();b=sys.argv[2].split();print(" ".join(str(int(y)-int(x)) for x,y in zip(a,b)))' "$1" "$2"; }
