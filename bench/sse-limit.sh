#!/usr/bin/env bash
# SSE fan-out against the machine's limit, in one run: N clients on StatusBoard's delta stream and N clients on
# bench/sse-limit (Go's net/http pushing one precomputed event of the same size, no other work), in turn, R rounds.
# Each round: connect, trigger one new version (an upstream flip for StatusBoard, /trigger for the limit), print the
# spread p99 (how long after the first client the last 1 % received it). Last lines: the medians and their ratio.
#   bench/sse-limit.sh [-n CLIENTS] [-r ROUNDS] [-s SERVICES]
N=10000 R=3 S=120
while getopts n:r:s: o; do case $o in n) N=$OPTARG;; r) R=$OPTARG;; s) S=$OPTARG;; *) exit 2;; esac; done
source "$(dirname "$0")/lib.sh"
build_tools
(cd "$root/bench/sse-limit" && go build -o "$tmp/sse-limit" .)
start_all "$S"
settle
LIM=127.0.0.1:18095
bytes=1600 # the size of the delta that carries one service's change (bench/sse-fanout.sh prints it)
"$tmp/sse-limit" -addr $LIM -size "$bytes" >"$tmp/lim.log" 2>&1 & pids+=($!)
p99() { grep -o 'spread p99 ms: [0-9]*' | grep -o '[0-9]*$'; }
sb=() lim=()
indicator=(none major) # round 1 flips to major, round 2 back, ...
for r in $(seq "$R"); do
  b=$("$tmp/ssefan" -url "http://$SB/api/status/stream?mode=delta" -n "$N" -versions 1 -wait 60s \
    -trigger "http://$UP/admin/set?id=svc005&indicator=${indicator[$((r % 2))]}" | p99)
  sleep 2
  l=$("$tmp/ssefan" -url "http://$LIM/stream" -n "$N" -versions 1 -wait 60s -trigger "http://$LIM/trigger" | p99)
  sleep 2
  echo "round $r: statusboard p99 ${b:-none} ms, limit p99 ${l:-none} ms"
  sb+=("${b:-99999}") lim+=("${l:-99999}")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
mb=$(median "${sb[@]}") ml=$(median "${lim[@]}")
echo "median fan-out p99, $N clients: statusboard $mb ms, limit $ml ms"
echo "ratio statusboard/limit (time, lower is better): $(awk -v b="$mb" -v l="$ml" 'BEGIN{printf "%.2f", b/l}')"
