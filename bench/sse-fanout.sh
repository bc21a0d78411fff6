#!/usr/bin/env bash
# SSE fan-out: N clients (default 1,000) hold /api/status/stream open on loopback; one upstream page flips; prints how
# long after the first client every other client received the new version (p50/p99: publish -> receive, since the
# first client gets it at publish), plus server memory and CPU per client, and the bytes one client received for the
# change (every event after its first). Last line: p99 in ms. -m delta: the clients use /api/status/stream?mode=delta.
#   bench/sse-fanout.sh [-n CLIENTS] [-s SERVICES] [-m delta]
N=1000 S=120 M=
while getopts n:s:m: o; do case $o in n) N=$OPTARG;; s) S=$OPTARG;; m) M=$OPTARG;; *) exit 2;; esac; done
STREAM=/api/status/stream${M:+?mode=$M}
source "$(dirname "$0")/lib.sh"
build_tools
start_all "$S"
settle
pid=$(server_pid)
rss0=$(rss_kb "$pid")
# Phase 1, memory: N clients connected and idle (no change triggered), server RSS sampled after they settled.
"$tmp/ssefan" -url "http://$SB$STREAM" -n "$N" -versions 1 -wait 8s >"$tmp/idle.log" 2>&1 & idle=$!
for i in $(seq 100); do grep -q "ready of" "$tmp/idle.log" && break; sleep 0.1; done
sleep 4
rss1=$(rss_kb "$pid")
wait $idle || true
echo "server RSS: ${rss0} kB idle, ${rss1} kB with $N connected clients -> $(( (rss1 - rss0) / N )) kB per SSE client"
sleep 2
# Phase 2, latency: N clients again, one upstream page flips, every client must receive the new version.
curl -sN "http://$SB$STREAM" >"$tmp/one.sse" & watcher=$!; pids+=($watcher)
cpu0=$(cpu_ticks "$pid")
"$tmp/ssefan" -url "http://$SB$STREAM" -n "$N" -versions 1 -wait 60s \
  -trigger "http://$UP/admin/set?id=svc005&indicator=major" | tee "$tmp/fan.log"
cpu1=$(cpu_ticks "$pid")
sleep 1; kill $watcher 2>/dev/null || true
# Events are separated by a blank line; the first is the snapshot on connect, the rest is what the change cost.
echo "bytes of the delta event that carries the change (svc005: indicator major -> partial_outage): $(awk 'BEGIN{RS="\n\n"} /event: delta/ && /"id":"svc005"/ && /partial_outage/ {print length($0)+2; exit}' "$tmp/one.sse")"
echo "bytes one client received while measuring (after its first event, other versions included): $(awk 'BEGIN{RS="\n\n"} NR>1 && length($0)>0 {b+=length($0)+2} END{print b+0}' "$tmp/one.sse") ($(grep -c '^event:' "$tmp/one.sse") events: $(grep '^event:' "$tmp/one.sse" | sort | uniq -c | tr -s ' ' | tr '\n' ';'))"
hz=$(getconf CLK_TCK)
echo "server CPU for connecting $N clients and fanning out one change: $(awk -v t=$((cpu1 - cpu0)) -v hz=$hz 'BEGIN{printf "%.2f", t/hz}') s"
grep -o 'p50 [0-9]* ms, p99 [0-9]* ms' "$tmp/fan.log" | tail -1 | sed 's/^/publish -> receive /'
echo "fan-out p99 ms: $(grep -o 'spread p99 ms: [0-9]*' "$tmp/fan.log" | grep -o '[0-9]*$')"
