#!/usr/bin/env bash
# Fault and load experiments on the real jar, over loopback, on a temporary database; each is bounded in time
# and count. Needs python3. Usage: bench/hardening.sh [keepalive|login-burst|idle|kill9|all]
#   keepalive    16 then 40 clients create contacts over kept-open connections while GET /nope probes new ones
#   login-burst  40 wrong passwords for one email at once (at most 5 may be evaluated)
#   idle         2,000 silent connections, then requests on new ones
#   kill9        kill -9 under 8 writers; acknowledged creates missing afterwards
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jdk.sh
what=${1:-all}
./mvnw -B -q -DskipTests package -pl server -am
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
start() {
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar server/target/contacts-server.jar --port "$port" \
    --rate-limit 0 --db "$data/contacts.db" >"$data/server.log" 2>&1 & server=$!
  until curl -s -o /dev/null "http://127.0.0.1:$port/observe/health"; do sleep 0.2; done
}
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
start
case $what in keepalive|all) python3 bench/keepalive_writers.py "$port" 16 20; python3 bench/keepalive_writers.py "$port" 40 20;; esac
case $what in login-burst|all) python3 bench/hardening.py login-burst "$port" 40;; esac
case $what in idle|all) python3 bench/hardening.py idle "$port" 2000;; esac
case $what in kill9|all) python3 bench/hardening.py kill9 "$port" "$server" "$data/contacts.db" 10; wait "$server" 2>/dev/null || true; start
  echo "after the restart: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/observe/health") from /observe/health";;
esac
