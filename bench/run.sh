#!/usr/bin/env bash
# Usage: bench/run.sh DATA_DIR [WORKLOAD...]
# Workloads (default all): wordcount sales_by_product sales_by_product_parquet segment_join value_tiers logreg_cached sort_numbers startup
# Same arguments, environment (KBENCH_RUNS, KBENCH_HEAP, KBENCH_OUT) and JSON-lines output as
# ../shared/bench/peers/run.sh, so python3 ../shared/bench/compare.py can set them side by side.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
if [ $# -lt 1 ]; then sed -n '2,4s/^# //p' "$0" >&2; exit 2; fi
data=$(cd "$1" && pwd)
shift
export KINDLING_JAVA_OPTS="-Xmx${KBENCH_HEAP:-8g} ${KINDLING_JAVA_OPTS:-}"
run=("$root/bin/kindling-java" bench io.kindling.bench.KBench)

workloads=("$@")
[ ${#workloads[@]} -gt 0 ] || workloads=(wordcount sales_by_product sales_by_product_parquet segment_join value_tiers logreg_cached sort_numbers startup)
inproc=()
for w in "${workloads[@]}"; do [ "$w" = startup ] || inproc+=("$w"); done

# All workloads but startup share one JVM and one session.
[ ${#inproc[@]} -eq 0 ] || "${run[@]}" "$data" "${inproc[@]}"
# startup: a fresh JVM per run.
if [ ${#inproc[@]} -lt ${#workloads[@]} ]; then
  for i in $(seq 0 "${KBENCH_RUNS:-3}"); do
    "${run[@]}" "$data" startup "$i"
  done
fi
