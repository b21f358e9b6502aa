#!/usr/bin/env bash
# Simulated agents against a real collector on this machine, with the default rule pack.
#   mvn -B -q package -DskipTests && bench/load/load.sh [agents] [interval s] [warm-up s] [measured s]
# Prints batches and samples per second, ack latency, the collector's CPU per batch and VmRSS, and
# its heap in use after a full GC (the live set: what the fleet costs in memory).
set -euo pipefail
agents=${1:-1000}
interval=${2:-15}
warmup=${3:-60}
duration=${4:-180}
root=$(cd "$(dirname "$0")/../.." && pwd)
collector_jar="$root/collector/target/vigil-collector.jar"
bench_jar="$root/bench/target/benchmarks.jar"
for jar in "$collector_jar" "$bench_jar"; do
  [[ -f $jar ]] || { echo "missing $jar: run mvn -B -q package -DskipTests first" >&2; exit 1; }
done
data=$(mktemp -d)
ingest=127.0.0.1:17431
http=127.0.0.1:19465
java -jar "$collector_jar" --data-dir "$data" --rules "$root/deploy/rules/vigil-default.yml" \
  --ingest-listen "$ingest" --http-listen "$http" >"$data/collector.log" 2>&1 &
collector=$!
trap 'kill $collector 2>/dev/null; wait $collector 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://$http/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "http://$http/healthz" >/dev/null || { cat "$data/collector.log"; exit 1; }
echo "collector pid $collector ($(java -version 2>&1 | head -1)); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -cp "$bench_jar" dev.vigil.bench.LoadGenerator --collector "$ingest" \
  --agents "$agents" --interval "$interval" --warmup "$warmup" --duration "$duration" \
  --collector-pid "$collector"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); hosts the collector lists: $(curl -fs "http://$http/sd" | grep -o '"instance"' | wc -l)"
# The live set: a full GC (GC.class_histogram forces one), then the heap in use.
jcmd "$collector" GC.class_histogram >/dev/null
echo "collector heap after a full GC: $(jcmd "$collector" GC.heap_info | grep -o 'used [0-9]*K' | head -1)"
