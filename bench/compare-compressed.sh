#!/usr/bin/env bash
# Like ../shared/bench/compare.sh, but every request says `Accept-Encoding: br, gzip` as browsers and most HTTP
# clients do. StatusBoard then serves its snapshot compressed once per version; the seed design ignores the header.
#   bench/compare-compressed.sh [-n SERVICES] [-d SECONDS] [-r ROUNDS]
N=120 D=8 C=100 R=3
while getopts n:d:r: o; do case $o in n) N=$OPTARG;; d) D=$OPTARG;; r) R=$OPTARG;; *) exit 2;; esac; done
source "$(dirname "$0")/lib.sh"
command -v wrk >/dev/null || { echo "missing wrk"; exit 2; }
build_tools
(cd "$shared/seedgo" && go build -o "$tmp/seedgo" .)
start_all "$N"
SG=127.0.0.1:18090
curl -sf "http://$UP/admin/seedgo-services?n=$N&base=http://$UP" >"$tmp/seedgo.json"
"$tmp/seedgo" -addr $SG -services "$tmp/seedgo.json" -every 60s >"$tmp/sg.log" 2>&1 & pids+=($!)
for i in $(seq 300); do [ "$(curl -sf "http://$SG/status" | grep -o '"operational"' | wc -l)" -ge "$N" ] && break; sleep 0.2; done
H="Accept-Encoding: br, gzip"
echo "bytes per response: seed $(curl -s -H "$H" http://$SG/status | wc -c), statusboard $(curl -s -H "$H" http://$SB/api/status | wc -c)"
rps() { wrk -t2 -c"$C" -d"${D}s" -H "$H" "$1" | awk '/Requests\/sec/{print $2}'; }
rps "http://$SG/status" >/dev/null; rps "http://$SB/api/status" >/dev/null
ratios=()
for r in $(seq "$R"); do
  a=$(rps "http://$SG/status"); b=$(rps "http://$SB/api/status")
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN{printf "%.2f", b/a}'); ratios+=("$ratio")
  echo "round $r: seed $a req/s, statusboard $b req/s, ratio $ratio"
done
echo "median ratio statusboard/seed requests/s with Accept-Encoding: $(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')"
