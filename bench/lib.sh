# Shared by the load scripts: builds the Go tools from ../shared/bench, publishes StatusBoard, starts both.
# Needs: go, curl, dotnet (apt-get install golang-go curl).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${STATUSBOARD_BENCH:-$root/../shared/bench}
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
UP=127.0.0.1:18099 SB=127.0.0.1:18080
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

build_tools() {
  for t in go curl dotnet; do command -v $t >/dev/null || { echo "missing $t"; exit 2; }; done
  (cd "$shared/upstream" && go build -o "$tmp/upstream" .)
  (cd "$shared/ssefan" && go build -o "$tmp/ssefan" .)
  dotnet publish "$root/StatusBoard.Web" -c Release -o "$tmp/sb" -v q -nologo >"$tmp/publish.log" 2>&1 || { tail -20 "$tmp/publish.log"; exit 1; }
}

# start_all N [extra StatusBoard args...]: upstream with N pages, StatusBoard polling them every 5 s. The pages share one
# host, real status pages do not: the per-host gate is opened, or 120 pages behind its 100 ms spacing take 12 s a round.
start_all() {
  local n=$1; shift
  "$tmp/upstream" -addr $UP >"$tmp/up.log" 2>&1 & pids+=($!)
  for i in $(seq 50); do curl -sf "http://$UP/admin/hits" >/dev/null && break; sleep 0.1; done
  curl -sf "http://$UP/admin/catalog?n=$n&base=http://$UP" >"$tmp/catalog.json"
  mkdir -p "$tmp/data"
  (cd "$tmp/sb" && ASPNETCORE_ENVIRONMENT=Production exec dotnet StatusBoard.Web.dll --urls "http://$SB" \
    --StatusBoard:CatalogFile="$tmp/catalog.json" --StatusBoard:DataDirectory="$tmp/data" \
    --StatusBoard:PollInterval=00:00:05 --StatusBoard:MaxRequestsPerHost=100 --StatusBoard:HostSpacing=00:00:00 "$@" >"$tmp/sb.log" 2>&1) & pids+=($!)
  sbpid=$!
  for i in $(seq 300); do
    [ "$(curl -sf "http://$SB/api/status" | grep -o '"operational"' | wc -l)" -ge "$n" ] && return 0
    sleep 0.2
  done
  echo "StatusBoard never showed $n operational services"; tail -20 "$tmp/sb.log"; exit 1
}

# Waits until every service has had its first reading (each one is a real change, published as its own version), then
# one more poll interval: measurements then see steady state, not the start-up churn of first readings.
settle() {
  for i in $(seq 300); do
    [ "$(curl -sf "http://$SB/api/status" | grep -c '"checkedAt":null')" -eq 0 ] && break
    sleep 0.2
  done
  sleep 6
}

# The dotnet process serving $SB (the subshell's child).
server_pid() { pgrep -f "StatusBoard.Web.dll --urls http://$SB" | head -1; }
rss_kb() { awk '/VmRSS/{print $2}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
