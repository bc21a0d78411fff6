#!/usr/bin/env bash
# Scale-out load: three StatusBoard nodes in cluster mode (Redis lease, PostgreSQL history) behind deploy/nginx.conf
# (run by deploy/local-nginx.sh, the same file as deploy/compose.yaml's front), one simulated upstream with S pages
# polled every 5 s. wrk loads /api/status through nginx, then each node alone; prints the req/s of each, how nginx
# spread the requests, and the upstream's hits per second while loaded beside what one poller costs (S pages / 5 s):
# the upstream pays for one node, however many nodes serve.
#   bench/cluster-load.sh [-s SERVICES] [-d SECONDS] [-c CONNECTIONS]
# Needs: go, curl, dotnet, wrk, nginx, redis-server, postgresql (Debian packages).
S=120 D=10 C=64
while getopts s:d:c: o; do case $o in s) S=$OPTARG;; d) D=$OPTARG;; c) C=$OPTARG;; *) exit 2;; esac; done
source "$(dirname "$0")/lib.sh"
for t in wrk nginx redis-server; do command -v $t >/dev/null || { echo "missing $t"; exit 2; }; done
# Ports of its own (lib.sh's 18080/18099 belong to the other load scripts, which may be running).
UP=127.0.0.1:18299 FRONT=127.0.0.1:18290 REDIS=18379 PG=18432
for port in ${UP#*:} ${FRONT#*:} $REDIS $PG 18281 18282 18283; do
  ss -ltn "sport = :$port" | grep -q LISTEN && { echo "port $port is in use: another run?"; exit 2; }
done
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() { as_pg "$pgbin/pg_ctl" -D "$tmp/pg/data" stop -m immediate >/dev/null 2>&1 || true; }
trap 'stop_pg; cleanup' EXIT

build_tools
"$tmp/upstream" -addr $UP >"$tmp/up.log" 2>&1 & pids+=($!)
for i in $(seq 50); do curl -sf "http://$UP/admin/hits" >/dev/null && break; sleep 0.1; done
curl -sf "http://$UP/admin/catalog?n=$S&base=http://$UP" >"$tmp/catalog.json"

redis-server --port $REDIS --bind 127.0.0.1 --save "" --appendonly no >"$tmp/redis.log" 2>&1 & pids+=($!)
chmod o+x "$tmp"; mkdir -p "$tmp/pg"; [ "$(id -u)" -eq 0 ] && chown postgres "$tmp/pg"
as_pg "$pgbin/initdb" -D "$tmp/pg/data" -A trust -U statusboard --no-sync >"$tmp/initdb.log" 2>&1 || { cat "$tmp/initdb.log"; exit 1; }
as_pg "$pgbin/pg_ctl" -D "$tmp/pg/data" -l "$tmp/pg/log" -w \
  -o "-p $PG -k $tmp/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start >/dev/null
as_pg "$pgbin/createdb" -h 127.0.0.1 -p $PG -U statusboard statusboard

node_port() { echo $((18280 + $1)); }
for i in 1 2 3; do
  mkdir -p "$tmp/data$i"
  (cd "$tmp/sb" && ASPNETCORE_ENVIRONMENT=Production exec dotnet StatusBoard.Web.dll --urls "http://127.0.0.1:$(node_port $i)" \
    --StatusBoard:CatalogFile="$tmp/catalog.json" --StatusBoard:DataDirectory="$tmp/data$i" \
    --StatusBoard:PollInterval=00:00:05 --StatusBoard:HostSpacing=00:00:00.020 \
    --StatusBoard:Cluster:Redis="127.0.0.1:$REDIS,abortConnect=false" --StatusBoard:Cluster:LeasePeriod=00:00:02 \
    --StatusBoard:Cluster:NodeName=node$i --StatusBoard:Database:Provider=postgres \
    "--StatusBoard:Database:ConnectionString=Host=127.0.0.1;Port=$PG;Username=statusboard;Database=statusboard" \
    >"$tmp/node$i.log" 2>&1) & pids+=($!)
done
for i in 1 2 3; do
  for t in $(seq 600); do
    [ "$(curl -sf "http://127.0.0.1:$(node_port $i)/api/status" | grep -c '"checkedAt":null')" = 0 ] \
      && curl -sf "http://127.0.0.1:$(node_port $i)/api/status" | grep -q '"services":\[{' && break
    sleep 0.2
  done
  [ "$t" = 600 ] && { echo "node$i never showed every service checked"; tail -20 "$tmp/node$i.log"; exit 1; }
done
{ grep -h "Cluster: this node is now" "$tmp"/node*.log || echo "(no node announced a role)"; } | sed "s/^/  /"

"$(dirname "$0")/../deploy/local-nginx.sh" "$tmp/nginx" "${FRONT#*:}" "$(node_port 1)" "$(node_port 2)" "$(node_port 3)" \
  >"$tmp/nginx.out" 2>&1 & pids+=($!)
for i in $(seq 50); do curl -sf "http://$FRONT/api/status" >/dev/null && break; sleep 0.1; done
curl -sf "http://$FRONT/api/status" >/dev/null || { echo "nginx did not start"; cat "$tmp/nginx.out"; exit 1; }
sleep 6 # one poll interval past start-up: steady state

hits() { curl -sf "http://$UP/admin/hits" | grep -o '"total":[0-9]*' | grep -o '[0-9]*$'; }
load() { wrk -t2 -c"$C" -d"${D}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
wrk -t2 -c"$C" -d2s "http://$FRONT/api/status" >/dev/null # warm-up
: >"$tmp/nginx/access.log"
h0=$(hits) t0=$(date +%s.%N)
echo "through nginx (3 nodes): $(load "http://$FRONT/api/status") req/s"
echo "  nginx spread: $(grep -o 'upstream=[0-9.:]*' "$tmp/nginx/access.log" | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
for i in 1 2 3; do
  echo "node$i alone: $(load "http://127.0.0.1:$(node_port $i)/api/status") req/s"
done
h1=$(hits) t1=$(date +%s.%N)
awk -v h=$((h1 - h0)) -v t0="$t0" -v t1="$t1" -v s="$S" 'BEGIN {
  printf "upstream while loaded: %d hits in %.1f s = %.1f hits/s (one poller: %d pages / 5 s = %.1f/s)\n", h, t1 - t0, h / (t1 - t0), s, s / 5 }'
