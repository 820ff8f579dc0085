#!/usr/bin/env bash
# Times the rack simulator on the reference workloads of BENCHMARKS.md: the five long-flow traces (netsim-compat and
# default scoring), the 0.9-load short-flow traces, and a generated 144-host short-flow run. Wall time includes JVM
# start; peak memory is the process's maximum resident set (GNU time).
#   benchmarks/run-sim.sh TRACE_DIR > sim.txt      (TRACE_DIR: the reference simulator's edm-traces folder)
set -euo pipefail
cd "$(dirname "$0")/.."
traces="${1:?usage: benchmarks/run-sim.sh TRACE_DIR (the folder with proced_*.csv, ronly_*/wonly_* and CDF_*.txt)}"
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time): apt-get install time" >&2; exit 1; }
./edm --version >/dev/null   # build first, outside the timings

load() { echo "# load: $(cut -d' ' -f1-3 /proc/loadavg)"; }
run() {
    load
    echo "\$ edm sim $*"
    /usr/bin/time -f "wall %e s, max RSS %M KiB" ./edm sim "$@" 2>&1 | grep -E '^(flowsInTrace|slotsSimulated|stopReason|wallClockSeconds|latency|slowdown|  all)|^wall ' || true
}

for trace in "$traces"/proced_*.csv; do
    run --trace "$trace" --netsim-compat
    run --trace "$trace"
done
for trace in "$traces"/ronly_shortflow-100G-0.9.csv "$traces"/wonly_shortflow-100G-0.9.csv; do
    run --trace "$trace" --netsim-compat
done
run --generate --cdf "$traces/CDF_shortflow.txt" --load 0.9 --write-ratio 0.5 --hosts 144 --flows 2000 --short --seed 1
