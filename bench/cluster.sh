#!/usr/bin/env bash
# Several instances on one PostgreSQL behind a load balancer, and one of them killed mid-run (issue 11).
# Starts, all on loopback and in a temporary folder: PostgreSQL (the OS's package, as a throwaway cluster made
# with initdb and pg_ctl), N instances of the real server jar sharing one AUTH_SECRET (started together on the
# empty database, so they race for its migrations), and HAProxy with health checks on /observe/health.
# Then bench's ClusterLoad creates and reads contacts through HAProxy while this script SIGKILLs one instance,
# and the checks follow: which requests failed and where they were, every acknowledged create read back, the
# other instances still serving. Last, PostgreSQL is stopped and every instance's health must turn DOWN.
# Needs: apt-get install -y postgresql haproxy curl. Usage: bench/cluster.sh [instances, default 3] [seconds, default 30]
set -euo pipefail
cd "$(dirname "$0")/.."
instances=${1:-3}
seconds=${2:-30}
users=8
((instances >= 2)) || { echo "needs at least 2 instances" >&2; exit 2; }

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x "$pg_bin/initdb" ]] || { echo "needs PostgreSQL: apt-get install -y postgresql" >&2; exit 1; }
command -v haproxy > /dev/null || { echo "needs HAProxy: apt-get install -y haproxy" >&2; exit 1; }
command -v curl > /dev/null || { echo "needs curl: apt-get install -y curl" >&2; exit 1; }

source bench/jdk.sh
./mvnw -B -q -DskipTests package -pl server -am

work=$(mktemp -d /tmp/contacts-cluster.XXXXXX)
chmod 711 "$work"
pids=()
pg_started=
passed=
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  [[ -z "$pg_started" ]] || as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop > /dev/null 2>&1 || true
  wait 2> /dev/null || true
  if [[ -n "$passed" ]]; then rm -rf "$work"; else echo "(logs kept in $work)"; fi
}
trap cleanup EXIT

# PostgreSQL refuses to run as root: as root, the package's postgres user runs it.
as_postgres() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
# A port nothing listens on now (PostgreSQL and HAProxy need theirs given; the instances pick their own).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (: < "/dev/tcp/127.0.0.1/$port") 2> /dev/null || { echo "$port"; return; }
  done
}
now_ms() { date +%s%3N; }

echo "== PostgreSQL ($("$pg_bin/postgres" --version | awk '{print $3}'), a throwaway cluster in $work/pg"
mkdir -p "$work/pg"
pg_port=$(free_port)
head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$work/pg/admin-password"
head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$work/db-password"
chmod 600 "$work/db-password"
[[ $(id -u) != 0 ]] || chown -R postgres "$work/pg"
as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U admin --pwfile="$work/pg/admin-password" \
  --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 > "$work/pg/initdb.log"
as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start > /dev/null
pg_started=1
# The server connects as an ordinary role that owns its database, not as the superuser.
PGPASSWORD=$(cat "$work/pg/admin-password") "$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U admin -d postgres \
  -v ON_ERROR_STOP=1 -v pw="$(cat "$work/db-password")" <<'SQL'
CREATE ROLE contacts LOGIN PASSWORD :'pw';
CREATE DATABASE contacts OWNER contacts;
SQL
db_url="jdbc:postgresql://127.0.0.1:$pg_port/contacts"

echo "== $instances instances of server/target/contacts-server.jar, started together on the empty database"
secret=$(head -c 32 /dev/urandom | base64)
ports=()
for i in $(seq 1 "$instances"); do
  # One load generator is one client address: the per-address limit would refuse it, so it is off here.
  AUTH_SECRET="$secret" DB_USER=contacts DB_PASSWORD_DASH_FILE="$work/db-password" \
    "$JAVA_HOME/bin/java" -Xmx256m -jar server/target/contacts-server.jar \
    --port 0 --db "$db_url" --rate-limit 0 > "$work/instance$i.log" 2>&1 &
  pids+=($!)
done
for i in $(seq 1 "$instances"); do
  until grep -q "listening on" "$work/instance$i.log"; do
    kill -0 "${pids[i - 1]}" 2> /dev/null || { echo "instance $i did not start:"; tail -20 "$work/instance$i.log"; exit 1; }
    sleep 0.2
  done
  ports+=("$(grep -o 'listening on http://[0-9.]*:[0-9]*' "$work/instance$i.log" | sed 's/.*://')")
  echo "instance $i: pid ${pids[i - 1]}, port ${ports[i - 1]}"
done
applied=$(PGPASSWORD=$(cat "$work/db-password") "$pg_bin/psql" -qtA -h 127.0.0.1 -p "$pg_port" -U contacts -d contacts \
  -c "select count(*) || ' migrations applied, each once: ' || (count(*) = count(distinct version)) from flyway_schema_history where version is not null")
echo "$applied"

echo "== HAProxy ($(haproxy -v | head -1 | awk '{print $3}')) in front, checking GET /observe/health every 500 ms"
lb_port=$(free_port)
stats_port=$(free_port)
{
  cat <<EOF
global
  log stdout format raw local0
  maxconn 4096

defaults
  mode http
  log global
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout check 3s
  # a connection refused (an instance gone) is tried again on another instance: the request was never sent
  retries 3
  option redispatch
  # One connection per request, on both sides, so that every failure is answered and logged (a 502 naming the
  # instance): on a kept-alive client connection, HAProxy answers a request whose instance died under it by
  # closing the connection without an answer or a log line (as the instance itself would have).
  option httpclose

frontend api
  bind 127.0.0.1:$lb_port
  option forwardfor
  http-request capture req.hdr(X-Request-Id) len 64
  log-format "%Ts%ms %s %ST %tsc %[capture.req.hdr(0)] %HM %HU"
  default_backend instances

backend instances
  balance roundrobin
  option httpchk GET /observe/health
  http-check expect status 200
  default-server check inter 500ms fall 2 rise 2
EOF
  for i in $(seq 1 "$instances"); do echo "  server instance$i 127.0.0.1:${ports[i - 1]}"; done
  cat <<EOF

listen stats
  bind 127.0.0.1:$stats_port
  stats enable
  stats uri /stats
EOF
} > "$work/haproxy.cfg"
haproxy -db -f "$work/haproxy.cfg" > "$work/haproxy.log" 2>&1 &
pids+=($!)
# instances in rotation: UP, or "UP 1/2" (a check failed, not yet enough to take it out)
up() { curl -fs "http://127.0.0.1:$stats_port/stats;csv" | awk -F, '$1 == "instances" && $2 ~ /^instance/ && $18 ~ /^UP/' | wc -l; }
until [[ $(up) == "$instances" ]]; do sleep 0.2; done
echo "all $instances instances UP behind http://127.0.0.1:$lb_port"

victim=$(( (RANDOM % instances) + 1 ))
echo "== load: $users users creating and reading contacts for $seconds s; instance$victim gets SIGKILL a third of the way in"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -Djava.util.logging.config.file=server/src/test/resources/logging.properties \
  -cp "server/target/test-classes:server/target/contacts-server.jar:server/target/libs/*" \
  dev.contacts.server.bench.ClusterLoad "http://127.0.0.1:$lb_port" "$work" "$users" "$seconds" > "$work/load.log" 2>&1 &
load_pid=$!
until grep -qs "^ready" "$work/load.log"; do
  kill -0 "$load_pid" 2> /dev/null || { cat "$work/load.log"; exit 1; }
  sleep 0.1
done
load_start=$(now_ms)
sleep $((seconds / 3))
open_before=$(curl -fs "http://127.0.0.1:$stats_port/stats;csv" | awk -F, -v v="instance$victim" '$1 == "instances" && $2 == v {print $5}')
kill_from=$(now_ms)
kill -KILL "${pids[victim - 1]}"
# Dying takes a moment: until the kernel has closed its sockets, the instance's port still accepts connections.
wait "${pids[victim - 1]}" 2> /dev/null || true
killed_at=$(now_ms)
echo "instance$victim SIGKILLed at +$(( kill_from - load_start )) ms, gone $(( killed_at - kill_from )) ms later;" \
  "HAProxy counted $open_before requests open on it a moment before"
load_status=0
wait "$load_pid" || load_status=$?
load_end=$(now_ms)
sed 's/^/  /' "$work/load.log" | grep -v "^  ready"

echo "== checks"
down_at=$(grep -m1 "instance$victim is DOWN" "$work/haproxy.log" > /dev/null && echo yes || echo no)
echo "HAProxy marked instance$victim DOWN: $down_at"
# Each failed request (as the load saw it) against HAProxy's log line for its X-Request-Id: which instance had it.
awk -F'\t' 'NR > 1 && ($6 < 200 || $6 >= 300) {print $1, $6, $4, $5}' "$work/requests.tsv" > "$work/failed.txt"
failed=$(wc -l < "$work/failed.txt")
on_victim=0
elsewhere=0
while read -r id status start end; do
  server=$(awk -v id="$id" '$5 == id {print $2; exit}' "$work/haproxy.log")
  # in flight: sent to it before it was gone, and answered (502) or cut after the signal
  if [[ "$server" == "instance$victim" && $start -le $killed_at && $end -ge $kill_from ]]; then
    on_victim=$((on_victim + 1))
  else
    elsewhere=$((elsewhere + 1))
    echo "  failed elsewhere: $id status $status on '${server:-no log line}' from $start to $end ms"
  fi
done < "$work/failed.txt"
echo "failed requests: $failed; in flight on instance$victim when it was killed: $on_victim; any other: $elsewhere"
echo "answers per instance after the kill (from HAProxy's log):"
awk -v t="$killed_at" '$1 > t && $3 ~ /^[0-9]+$/ {n[$2 " " ($3 < 400 ? "ok" : "error " $3)]++} END {for (k in n) print "  " k ": " n[k]}' \
  "$work/haproxy.log" | sort
served_after=$(awk -v t="$killed_at" -v v="instance$victim" '$1 > t && $2 ~ /^instance/ && $2 != v && $3 < 400' "$work/haproxy.log" | wc -l)

echo "== PostgreSQL stopped: each instance's /observe/health must turn DOWN (503)"
as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast stop > /dev/null
pg_started=
db_down_ok=1
for i in $(seq 1 "$instances"); do
  ((i == victim)) && continue
  t0=$(now_ms)
  code=000
  for _ in $(seq 1 30); do
    code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:${ports[i - 1]}/observe/health" || true)
    [[ "$code" == 503 ]] && break
    sleep 0.2
  done
  echo "instance$i: /observe/health $code after $(( $(now_ms) - t0 )) ms"
  [[ "$code" == 503 ]] || db_down_ok=0
done
until [[ $(up) == 0 ]]; do sleep 0.2; done
lb_code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$lb_port/contacts/")
echo "HAProxy took every instance out of rotation; a request now gets $lb_code"
[[ "$lb_code" == 503 ]] || db_down_ok=0

echo "== summary"
echo "$instances instances on PostgreSQL behind HAProxy, $users users, $(( (load_end - load_start) / 1000 )) s of load, instance$victim SIGKILLed"
grep -E "^(requests|acknowledged)" "$work/load.log"
echo "failed requests: $failed, all in flight on the killed instance: $([[ $elsewhere == 0 ]] && echo yes || echo "NO ($elsewhere elsewhere)")"
echo "the other instances kept serving: $([[ $served_after -gt 0 ]] && echo "yes ($served_after answers after the kill)" || echo NO)"
echo "health DOWN when the database is gone, and HAProxy answering 503: $([[ $db_down_ok == 1 ]] && echo yes || echo NO)"
if [[ $load_status == 0 && $elsewhere == 0 && $served_after -gt 0 && $db_down_ok == 1 ]]; then
  echo "PASS"
  passed=1
else
  echo "FAIL"
  exit 1
fi
