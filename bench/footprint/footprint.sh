#!/usr/bin/env bash
# Runs the Vigil agent and node_exporter side by side for the same time and reports what each costs:
# resident memory and CPU time per tick (agent) against per scrape (node_exporter, scraped at the
# agent's interval). The agent runs with the JVM flags the service files ship, read by the java
# launcher itself (`java @deploy/agent/jvm.options`). Usage, after `mvn -B -q package -DskipTests`:
#   bench/footprint/footprint.sh [minutes, default 10] [interval seconds, default 15] [warm-up minutes]
set -euo pipefail
minutes=${1:-10}
interval=${2:-15}
warmup_minutes=${3:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
collector_jar="$root/collector/target/vigil-collector.jar"
agent_jar="$root/agent/target/vigil-agent.jar"
node_exporter=$(command -v prometheus-node-exporter || command -v node_exporter || true)
[[ -n $node_exporter ]] || { echo "install node_exporter: apt-get install prometheus-node-exporter" >&2; exit 1; }
for jar in "$collector_jar" "$agent_jar"; do
  [[ -f $jar ]] || { echo "missing $jar: build with 'mvn -B -q package -DskipTests'" >&2; exit 1; }
done

work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT INT TERM
ingest=127.0.0.1:17431
http=127.0.0.1:19465
node=127.0.0.1:19100
clk_tck=$(getconf CLK_TCK)

wait_for() {
  for _ in $(seq 150); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "$1 did not answer" >&2
  exit 1
}
# CPU seconds (user + system, all threads) of a process, from /proc/<pid>/stat.
cpu_seconds() {
  awk -v tck="$clk_tck" '{ sub(/^.*\) /, ""); printf "%.3f", ($12 + $13) / tck }' "/proc/$1/stat"
}
# CPU seconds of a process's reaped children (the agent's apt-get scans, and who(1), which OSHI
# runs for the login sessions on a host where neither logind nor utmp lists one), from /proc/<pid>/stat.
children_cpu_seconds() {
  awk -v tck="$clk_tck" '{ sub(/^.*\) /, ""); printf "%.1f", ($14 + $15) / tck }' "/proc/$1/stat"
}
status_mb() { awk -v key="$2:" '$1 == key { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
batches() {
  curl -fs "http://$http/metrics" | awk '$1 == "vigil_collector_batches_total" { printf "%d", $2 }'
}
# Scrapes node_exporter answered, by its own count (the scrape loop's sleeps drift).
scrapes() {
  curl -fs "http://$node/metrics" |
    awk '$1 == "promhttp_metric_handler_requests_total{code=\"200\"}" { printf "%d", $2 }'
}
load_average() { cut -d' ' -f1-3 /proc/loadavg; }

java -Xmx256m -jar "$collector_jar" --ingest-listen "$ingest" --http-listen "$http" \
  >"$work/collector.log" 2>&1 &
pids+=($!)
wait_for "http://$http/healthz"
"$node_exporter" --web.listen-address="$node" >"$work/node_exporter.log" 2>&1 &
node_pid=$!
pids+=($node_pid)
wait_for "http://$node/metrics"
jvm_options="$root/deploy/agent/jvm.options"
# A fresh state directory: a spool left by an earlier run would be replayed inside the measurement.
java "@$jvm_options" -jar "$agent_jar" run --collector "$ingest" --interval "${interval}s" \
  --state-dir "$work/state" >"$work/agent.log" 2>&1 &
agent_pid=$!
pids+=($agent_pid)

# node_exporter is scraped at the agent's interval, as Prometheus would scrape it.
scrape_loop() {
  while sleep "$interval"; do curl -fs "http://$node/metrics" >/dev/null || true; done
}
scrape_loop &
pids+=($!)

# By default the first 2 minutes (or a fifth of a short run) warm the JIT; measure the steady state
# after them. C1 keeps compiling long after that at one tick every 15 s: a long warm-up shows the
# agent as it runs for days.
if [[ -n $warmup_minutes ]]; then
  warmup=$((warmup_minutes * 60))
  ((warmup < minutes * 60)) || { echo "the warm-up must be shorter than the run" >&2; exit 1; }
else
  warmup=$((minutes >= 10 ? 120 : minutes * 12))
fi
measured=$((minutes * 60 - warmup))
echo "running ${minutes} min (${warmup}s warm-up) at a ${interval}s interval..." >&2
sleep "$warmup"
load0=$(load_average)
agent_cpu0=$(cpu_seconds $agent_pid)
node_cpu0=$(cpu_seconds $node_pid)
batches0=$(batches)
scrapes0=$(scrapes)
sleep "$measured"
agent_cpu1=$(cpu_seconds $agent_pid)
node_cpu1=$(cpu_seconds $node_pid)
batches1=$(batches)
# Each read of the counter is a scrape itself, counted once answered: the first read falls inside
# the window (with its CPU time), this one outside.
scrapes1=$(scrapes)
load1=$(load_average)
ticks=$((batches1 - batches0))
scrapes=$((scrapes1 - scrapes0))
host=$(curl -fs "http://$http/sd" | sed -n 's/.*"instance":"\([^"]*\)".*/\1/p' | head -1)
agent_series=$(curl -fs "http://$http/hosts/$host/metrics" | grep -vc '^#')
node_series=$(curl -fs "http://$node/metrics" | grep -vc '^#')

per_event_ms() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.2f", (n > 0 ? (b - a) * 1000 / n : 0) }'; }
agent_ms=$(per_event_ms "$agent_cpu0" "$agent_cpu1" "$ticks")
node_ms=$(per_event_ms "$node_cpu0" "$node_cpu1" "$scrapes")
cat <<TABLE

$(date -u +%Y-%m-%d), $(nproc) cores, ${minutes} min, ${interval}s interval, steady state after ${warmup}s
| | Vigil agent | node_exporter |
|---|---|---|
| resident memory (VmRSS) | $(status_mb $agent_pid VmRSS) MB | $(status_mb $node_pid VmRSS) MB |
| of which anonymous (RssAnon) | $(status_mb $agent_pid RssAnon) MB | $(status_mb $node_pid RssAnon) MB |
| peak resident (VmHWM) | $(status_mb $agent_pid VmHWM) MB | $(status_mb $node_pid VmHWM) MB |
| CPU per tick / per scrape | ${agent_ms} ms (${ticks} ticks) | ${node_ms} ms (${scrapes} scrapes) |
| threads | $(awk '$1 == "Threads:" { print $2 }' /proc/$agent_pid/status) | $(awk '$1 == "Threads:" { print $2 }' /proc/$node_pid/status) |
| series | ${agent_series} | ${node_series} |
child processes of the agent (apt-get patch scans, who; not in the per-tick figure): $(children_cpu_seconds $agent_pid) s CPU in the whole run
load average (1, 5, 15 min) at the start of the measurement: ${load0}; at its end: ${load1}
agent JVM flags: $(sed 's/#.*//' "$jvm_options" | xargs)
TABLE
