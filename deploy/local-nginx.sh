#!/usr/bin/env bash
# Runs deploy/nginx.conf on this machine in front of three local nodes: the same file with its server lines
# pointed at 127.0.0.1 ports, listening on 127.0.0.1:LISTEN, logs in DIR. Checks it (nginx -t), then runs nginx in
# the foreground (exec: the caller's pid is nginx's master; stop it with SIGTERM or by killing its process tree).
# Used by bench/cluster-load.sh and StatusBoard.Tests/Cluster/EndToEnd/NginxFrontTests.cs.
#   deploy/local-nginx.sh DIR LISTEN NODE1_PORT NODE2_PORT NODE3_PORT
set -euo pipefail
[ $# -eq 5 ] || { echo "usage: $0 DIR LISTEN NODE1_PORT NODE2_PORT NODE3_PORT" >&2; exit 2; }
dir=$1 listen=$2
command -v nginx >/dev/null || { echo "nginx is not installed (apt-get install nginx-light)" >&2; exit 2; }
mkdir -p "$dir"
sed -e "s/server node1:8080/server 127.0.0.1:$3/" -e "s/server node2:8080/server 127.0.0.1:$4/" \
    -e "s/server node3:8080/server 127.0.0.1:$5/" -e "s/listen 80;/listen 127.0.0.1:$listen;/" \
    -e "s#/var/log/nginx/#$dir/#g" "$(dirname "$0")/nginx.conf" >"$dir/nginx.conf"
nginx -t -q -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" -g "pid $dir/nginx.pid;"
exec nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" -g "daemon off; pid $dir/nginx.pid;"
