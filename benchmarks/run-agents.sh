#!/usr/bin/env bash
# Runs the agent measurements of BENCHMARKS.md ("Agents"): 64-byte reads at queue depth 64 (throughput, GCs) and at
# depth 1 (unloaded round trip) through the real-time agents, in-memory cables and (as root) a local rack's AF_PACKET
# ports, beside the raw-frame ping-pong through the same topology, alternated so that each comparison shares a window.
# Probe modes: invoker (one thread runs everything), split (ThreadingMode.SPLIT: the switch alone on a thread, the
# hosts and the application on the other), tool (the application and its compute host on one thread, the switch and
# the memory node on the other: the shape of the floor's pinger | forwarder + echo).
# Brings rack 'perf' up if it is not, and takes it down again only if it brought it up. Needs no other busy process:
# two threads spin.
#   REPEAT=3 SECONDS_PER_RUN=10 benchmarks/run-agents.sh > agents.txt
set -euo pipefail
cd "$(dirname "$0")/.."
repeat="${REPEAT:-3}"
seconds="${SECONDS_PER_RUN:-10}"
./edm --help >/dev/null # builds deploy/target/edm.jar if the sources changed
java="${EDM_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" # a JDK 25, as the edm launcher finds
probe() { "$java" $(cat deploy/target/edm.jvmopts) -cp deploy/target/edm.jar org.edm.bench.agent.ReadThroughputProbe "$@"; }
load() { echo "# load: $(cut -d' ' -f1-3 /proc/loadavg); busiest: $(ps -eo pcpu,comm --sort=-pcpu | sed -n 2,3p | tr -s ' ' | paste -sd';')"; }

rack=""
made=""
if [ "$(id -u)" = 0 ]; then
    rack=/run/edm/racks/perf.yaml
    if [ ! -f "$rack" ]; then
        ./edm rack up --hosts 2 --name perf
        made=1
    fi
fi
cleanup() { if [ -n "$made" ]; then ./edm rack down --rack "$rack"; fi; }
trap cleanup EXIT

for i in $(seq "$repeat"); do
    # throughput: seconds depth gbps size mode idle [rack]
    for mode in "invoker" "split spin" "tool spin"; do
        load
        echo "\$ ReadThroughputProbe $seconds 64 10 64 $mode"
        probe "$seconds" 64 10 64 $mode | grep '^reads'
    done
    # unloaded round trip, in-memory cables: EDM against the raw-frame ping-pong over the same kind of rings
    load
    for mode in "tool spin" "split spin"; do
        echo "\$ ReadThroughputProbe 5 1 10 64 $mode"
        probe 5 1 10 64 $mode | grep '^reads'
    done
    echo "\$ edm floor pingpong --transport memory"
    ./edm floor pingpong --transport memory | grep -E '^(pingpong|RTT)'
    if [ -n "$rack" ]; then
        load
        for mode in "tool spin" "split spin" "invoker spin"; do
            echo "\$ ReadThroughputProbe 5 1 10 64 $mode $rack"
            probe 5 1 10 64 $mode "$rack" | grep '^reads'
        done
        echo "\$ edm floor pingpong --rack $rack"
        ./edm floor pingpong --rack "$rack" | grep -E '^(pingpong|RTT)'
    fi
done
