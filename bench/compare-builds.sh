#!/usr/bin/env bash
# The request path of two builds at the same moment: the working tree against an earlier commit (default HEAD~1),
# both published Release and polling one simulated upstream, loaded with wrk in turn (base, new, base, new ...). On a
# shared machine this is the fair comparison: both see the same load. Last line: the median ratio new/base.
#   bench/compare-builds.sh [-b COMMIT] [-p PATH] [-d SECONDS] [-r ROUNDS]
BASE=HEAD~1 P=/api/status D=6 R=3
while getopts b:p:d:r: o; do case $o in b) BASE=$OPTARG;; p) P=$OPTARG;; d) D=$OPTARG;; r) R=$OPTARG;; *) exit 2;; esac; done
source "$(dirname "$0")/lib.sh"
command -v wrk >/dev/null || { echo "missing wrk"; exit 2; }
build_tools
mkdir -p "$tmp/base-src"
git -C "$root" archive "$BASE" | tar -x -C "$tmp/base-src"
dotnet publish "$tmp/base-src/StatusBoard.Web" -c Release -o "$tmp/base" -v q -nologo >"$tmp/base-publish.log" 2>&1 || { tail -20 "$tmp/base-publish.log"; exit 1; }
start_all 120
BS=127.0.0.1:18081
mkdir -p "$tmp/base-data"
(cd "$tmp/base" && ASPNETCORE_ENVIRONMENT=Production exec dotnet StatusBoard.Web.dll --urls "http://$BS" \
  --StatusBoard:CatalogFile="$tmp/catalog.json" --StatusBoard:DataDirectory="$tmp/base-data" \
  --StatusBoard:PollInterval=00:00:05 >"$tmp/base.log" 2>&1) & pids+=($!)
for i in $(seq 300); do [ "$(curl -sf "http://$BS/api/status" | grep -c '"checkedAt":null')" -eq 0 ] && break; sleep 0.2; done
settle
echo "bytes: base $BASE $(curl -s "http://$BS$P" | wc -c), new $(curl -s "http://$SB$P" | wc -c)"
rps() { wrk -t2 -c100 -d"${D}s" "$1" | awk '/Requests\/sec/{print $2}'; }
rps "http://$BS$P" >/dev/null; rps "http://$SB$P" >/dev/null   # warm-up
ratios=()
for r in $(seq "$R"); do
  a=$(rps "http://$BS$P"); b=$(rps "http://$SB$P")
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN{printf "%.2f", b/a}'); ratios+=("$ratio")
  echo "round $r: base $a req/s, new $b req/s, new/base $ratio"
done
echo "median ratio new/base requests/s: $(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')"
