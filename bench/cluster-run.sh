#!/usr/bin/env bash
# Usage: bench/cluster-run.sh DATA_DIR [WORKLOAD...]
# kbench on a cluster of local JVMs: starts KBENCH_WORKERS (default 2) `kindling worker`s on loopback, runs KBench
# as their driver (master kindling://127.0.0.1:PORT), then stops the workers. Same JSON-lines output as
# bench/run.sh, with engine "kindling-0.1.0-cluster". The workload `kill9` instead runs ClusterKillBench: wordcount
# fault-free, then once more with a worker killed (kill -9) half way through its first stage.
# Environment: KBENCH_RUNS; KBENCH_HEAP (driver heap, default 4g); KBENCH_WORKER_HEAP (default 3g);
# KBENCH_WORKER_CORES (default: this machine's cores / workers, at least 1); KBENCH_PORT (default 25520);
# KINDLING_RUN, the command that runs "MODULE MAIN_CLASS ARGS" (default bin/kindling-java, which builds when
# needed; every run after the first is given WT_NOBUILD=1, for a wrapper that would otherwise build each time).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
if [ $# -lt 1 ]; then sed -n '2,10s/^# //p' "$0" >&2; exit 2; fi
data=$(cd "$1" && pwd)
shift
workloads=("$@")
[ ${#workloads[@]} -gt 0 ] || workloads=(wordcount)
# shellcheck disable=SC2206
run=(${KINDLING_RUN:-$root/bin/kindling-java})
workers=${KBENCH_WORKERS:-2}
cores=${KBENCH_WORKER_CORES:-$(( $(nproc) / workers ))}
[ "$cores" -ge 1 ] || cores=1
port=${KBENCH_PORT:-25520}
logs=$(mktemp -d "${TMPDIR:-/tmp}/kbench-cluster.XXXXXX")

pids=()
stop_workers() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap stop_workers EXIT

# Build (if needed) once, before the workers start at the same time.
"${run[@]}" ops io.kindling.ops.KindlingCli --help >/dev/null 2>&1 || true
"${run[@]}" bench io.kindling.bench.KBench >/dev/null 2>&1 || true
# The workers get the workloads' classes as any application's: the driver ships the bench jar to them
# (kindling.cluster.app-jars); without a jar (a worktree build), they load the classes directory instead.
jar=$(ls "$root"/bench/target/kindling-bench-*.jar 2>/dev/null | grep -v -- '-sources\|-tests' | head -1 || true)
ship=(); worker_jars=()
if [ -n "$jar" ]; then ship=("-Dkindling.cluster.app-jars=$jar"); else worker_jars=(--jars "$root/bench/target/classes"); fi
for i in $(seq 0 $((workers - 1))); do
  KINDLING_JAVA_OPTS="-Xmx${KBENCH_WORKER_HEAP:-3g}" KINDLING_CDS=off WT_NOBUILD=1 \
    "${run[@]}" ops io.kindling.ops.KindlingCli worker --seed "127.0.0.1:$port" --port $((port + i)) \
    --cores "$cores" "${worker_jars[@]}" >"$logs/worker-$i.log" 2>&1 &
  pids+=($!)
done
echo "kbench cluster: $workers workers x $cores cores on ports $port.., logs in $logs" >&2

export KBENCH_MASTER="kindling://127.0.0.1:$port" KBENCH_WORKERS="$workers"
export KINDLING_JAVA_OPTS="-Xmx${KBENCH_HEAP:-4g} -Dkindling.cluster.worker-wait-timeout=180s ${ship[*]} ${KINDLING_JAVA_OPTS:-}"
inproc=()
for w in "${workloads[@]}"; do [ "$w" = kill9 ] || inproc+=("$w"); done
[ ${#inproc[@]} -eq 0 ] || WT_NOBUILD=1 "${run[@]}" bench io.kindling.bench.KBench "$data" "${inproc[@]}"
if [ ${#inproc[@]} -lt ${#workloads[@]} ]; then
  # The last worker is the victim: never the first, whose address is the seed others joined through.
  WT_NOBUILD=1 "${run[@]}" bench io.kindling.bench.ClusterKillBench "$data" "${pids[$((workers - 1))]}"
fi
