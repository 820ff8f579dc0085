#!/usr/bin/env bash
# Runs the raw-frame floor measurements of BENCHMARKS.md on a local rack (root): ping-pong switched and direct,
# both TX paths, and the frame rates. Brings rack r0 up if it is not, and takes it down again only if it brought it up.
#   REPEAT=3 benchmarks/run-floor.sh > floor.txt
set -euo pipefail
cd "$(dirname "$0")/.."
repeat="${REPEAT:-3}"
made=""
if ! ./edm rack status >/dev/null 2>&1; then
    ./edm rack up --hosts 2
    made=1
fi
cleanup() { if [ -n "$made" ]; then ./edm rack down; fi; }
trap cleanup EXIT

load() { echo "# load: $(cut -d' ' -f1-3 /proc/loadavg); busiest: $(ps -eo pcpu,comm --sort=-pcpu | sed -n 2,3p | tr -s ' ' | paste -sd';')"; }

for i in $(seq "$repeat"); do
    for args in "" "--direct" "--tx ring" "--direct --tx ring" "--cpus 0,1" "--direct --cpus 0,1" "--idle yield"; do
        load
        echo "\$ edm floor pingpong $args"
        ./edm floor pingpong $args | grep -E '^(pingpong|round|RTT)'
    done
    for args in "" "--tx ring" "--size 1514" "--receive --cpus 0,1" "--receive --tx ring --cpus 0,1" "--size 1514 --receive --cpus 0,1"; do
        load
        echo "\$ edm floor txrate $args"
        ./edm floor txrate $args | grep -E '^(txrate|sent|received)'
    done
done
