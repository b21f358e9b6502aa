#!/usr/bin/env bash
# Runs a Vigil collector and an agent on this host with embedded defaults, prints where to look,
# and stops both on Ctrl-C. Build first: mvn -B -q package -DskipTests
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
collector_jar="$root/collector/target/vigil-collector.jar"
agent_jar="$root/agent/target/vigil-agent.jar"
for jar in "$collector_jar" "$agent_jar"; do
  [[ -f $jar ]] || { echo "missing $jar: build with 'mvn -B -q package -DskipTests'" >&2; exit 1; }
done

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM

# The incidents' SQLite file and the API tokens go under the build output, not into the checkout.
data_dir="$root/collector/target/local-data"
mkdir -p "$data_dir"
# One write token for this local run, made once: the collector keeps its digest, the CLI reads it.
token_file="$data_dir/api-token"
if [[ ! -s $token_file ]]; then
  (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$token_file")
fi
(umask 077; echo "local:write:$(cat "$token_file")" > "$data_dir/api-tokens")
java -jar "$collector_jar" --data-dir "$data_dir" --api-tokens-file "$data_dir/api-tokens" \
  --rules "$root/deploy/rules/vigil-default.yml" &
pids+=($!)
for _ in $(seq 100); do
  curl -fs http://127.0.0.1:9465/healthz >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs http://127.0.0.1:9465/healthz >/dev/null || { echo "collector did not start" >&2; exit 1; }

# The agent spools every tick here until the collector acknowledges it (see the README, "Delivery").
state_dir="$root/agent/target/local-state"
java -XX:+UseSerialGC -Xmx32m -jar "$agent_jar" run --interval 15s --state-dir "$state_dir" &
pids+=($!)

cat <<MSG

Vigil is running: a collector and an agent for $(hostname).
  fleet metrics     http://127.0.0.1:9465/metrics
  this host only    http://127.0.0.1:9465/hosts/$(hostname)/metrics
  Prometheus SD     http://127.0.0.1:9465/sd
  health            http://127.0.0.1:9465/healthz
  agent ingest      127.0.0.1:7431 (gRPC)
  Prometheus config deploy/prometheus/prometheus.yml
  alert rules       deploy/rules/vigil-default.yml (edit it: the collector reloads on change)
  hosts, incidents  java -jar $collector_jar hosts list --token-file $token_file
                    java -jar $collector_jar incidents list --token-file $token_file
                    (or curl -H "Authorization: Bearer \$(cat $token_file)" http://127.0.0.1:9465/api/v1/hosts)
  agent spool       $state_dir
  incident store    $data_dir/incidents.db
The agent reports every 15 s; Ctrl-C stops both.

MSG
wait -n "${pids[@]}"
