#!/usr/bin/env bash
# SSE flood from one address with the per-address cap set: N connection attempts (default 50,000, paced by ssefan at
# 2,000/s) on /api/status/stream while StatusBoard:MaxSseClientsPerAddress=CAP. Prints the streams admitted and refused,
# the refusals /metrics counted, server RSS before / peak during / after, and /api/status latency (wrk, 10 connections)
# before and during the flood, so "bounded, nothing else slowed" is a pair of numbers.
#   bench/sse-flood.sh [-n ATTEMPTS] [-c CAP]
N=50000 CAP=100
while getopts n:c: o; do case $o in n) N=$OPTARG;; c) CAP=$OPTARG;; *) exit 2;; esac; done
source "$(dirname "$0")/lib.sh"
command -v wrk >/dev/null || { echo "missing wrk"; exit 2; }
build_tools
start_all 120 --StatusBoard:MaxSseClientsPerAddress="$CAP"
pid=$(server_pid)
sleep 2
latency() { wrk -t1 -c10 -d"$1" --latency "http://$SB/api/status" | awk '/Requests\/sec/{r=$2} / 50%/{m=$2} / 99%/{l=$2} END{printf "%s req/s, p50 %s, p99 %s", r, m, l}'; }
echo "/api/status before the flood: $(latency 8s)"
rss0=$(rss_kb "$pid")
"$tmp/ssefan" -url "http://$SB/api/status/stream" -n "$N" -versions 1 -wait 1s >"$tmp/flood.log" 2>&1 & flood=$!
peak=$rss0
( while kill -0 $flood 2>/dev/null; do r=$(rss_kb "$pid"); [ "$r" -gt "$(cat "$tmp/peak" 2>/dev/null || echo 0)" ] && echo "$r" >"$tmp/peak"; sleep 0.5; done ) & sampler=$!
sleep 5
echo "/api/status during the flood: $(latency 15s)"
wait $flood || true
wait $sampler 2>/dev/null || true
peak=$(cat "$tmp/peak" 2>/dev/null || echo "$rss0")
grep -E "^clients:|first error" "$tmp/flood.log"
echo "refused, as /metrics counts them: $(curl -s "http://$SB/metrics" | awk '/^statusboard_sse_refused_total /{print $2}')"
sleep 2
echo "server RSS: ${rss0} kB before, peak ${peak} kB during $N attempts (cap $CAP per address), $(rss_kb "$pid") kB after"
