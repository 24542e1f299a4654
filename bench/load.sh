#!/usr/bin/env bash
# Load benchmark (issue "Speed and footprint"): builds the server, starts it as its launcher does on a temporary
# database with --rate-limit 0, seeds 1,000 contacts of one user, and runs wrk over loopback for each workload
# (a warm-up, then 10 s): reads at 64 connections, creates and logins at 16, and reads at 16 while 16 other
# connections log in as fast as they can. Prints one table: req/s, p50, p99, p99.9, max, errors, and the
# server's CPU time per request (the steadier figure when other work shares the machine); then start-up
# (launch to the first 200 of /observe/health, fresh and over the loaded database) and RSS idle / after load /
# its peak during the load.
# Usage: bench/load.sh              needs wrk (apt-get install wrk) and curl
#   SECONDS_PER_RUN=10 WARMUP=5     seconds of each measured run and of each warm-up
#   NO_BUILD=1                      use the jar already built
#   RECORD=dir                      also record JFR, a GC log and (after the load) native memory into dir
#   ONLY=regex                      run only the workloads whose name matches, e.g. ONLY=POST (creates, logins)
#   SERVER_CMD="java ... -jar ..."  start the server with another command (to compare JVM options)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
source bench/jdk.sh
[[ -n ${NO_BUILD:-} ]] || ./mvnw -B -q -DskipTests package -pl server -am
run=${SECONDS_PER_RUN:-10}
warmup=${WARMUP:-5}
export WRK_DIR=$PWD/bench/wrk
work=$(mktemp -d)
server=
stop_server() {
  [[ -z $server ]] || { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  server=
}
trap 'stop_server; rm -rf "$work"' EXIT

# The server as users start it: bin/contacts-server beside the jar, with the JVM options it ships with
server_cmd=(${SERVER_CMD:-bash server/target/contacts-server})
record=()
if [[ -n ${RECORD:-} ]]; then
  mkdir -p "$RECORD"
  record=(-XX:StartFlightRecording=filename=$RECORD/load.jfr,settings=profile "-Xlog:gc*:file=$RECORD/gc.log"
    -XX:NativeMemoryTracking=summary)
fi

# CPU time (user + system) the server has used so far, in ms
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$server/stat"; }
rss_mb() { echo $(( $(ps -o rss= -p "$server") / 1024 )); }
# The server's CPU so far split by thread: "main" (the JVM's main thread: the start's own work), "JIT"
# (the compiler threads), "other"; shows what a start's CPU was spent on
cpu_split() {
  local hz task
  hz=$(getconf CLK_TCK)
  for task in /proc/"$server"/task/*; do cat "$task/stat" 2>/dev/null; done | awk -v hz="$hz" '{
    name = substr($0, index($0, "(") + 1); name = substr(name, 1, index(name, ")") - 1)
    split(substr($0, index($0, ") ") + 2), f, " ")
    kind = name == "java" ? "main" : name ~ /^C[12] CompilerThre/ ? "JIT" : "other"
    ms[kind] += (f[12] + f[13]) * 1000 / hz
  } END { printf "main %d ms, JIT %d ms, other %d ms", ms["main"], ms["JIT"], ms["other"] }'
}
# the most the server's RSS has been since it started (the kernel's high-water mark), in MB
rss_peak_mb() { echo $(( $(awk '/^VmHWM/ { print $2 }' "/proc/$server/status") / 1024 )); }

source bench/health.sh

# Starts the server (JVM options to add: $@) on $work/contacts.db; sets $url, and $startup to the ms from launch to the first 200 of health
start_server() {
  local t0 t log=$work/server.log port
  : >"$log"
  port=$(free_port)
  url=http://127.0.0.1:$port
  t=${EPOCHREALTIME/./}; t0=${t:0:-3}
  JDK_JAVA_OPTIONS="$*" "${server_cmd[@]}" --port "$port" --rate-limit 0 --db "$work/contacts.db" >"$log" 2>&1 &
  server=$!
  until health_ok "$port"; do
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "the server exited" >&2; exit 1; }
    pause
  done
  t=${EPOCHREALTIME/./}
  startup="$(( ${t:0:-3} - t0 )) ms ($(cpu_ms) ms of CPU: $(cpu_split))"
}

# A vCard file of 1,000 contacts: 20 last names (one in 20 matches "smi"), birthdays spread over the year
seed_file() {
  awk 'BEGIN {
    split("Smith Jones Brown Taylor Wilson Davies Evans Thomas Johnson Roberts Walker Wright Robinson Thompson White Hughes Edwards Green Hall Wood", last, " ")
    split("Olivia Amelia Isla Ava Mia Noah Oliver George Arthur Leo Maria Olena Taras Ivan Anna", first, " ")
    for (i = 0; i < 1000; i++) {
      l = last[i % 20 + 1]; f = first[i % 15 + 1]
      printf "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:%s %s\r\nN:%s;%s;;;\r\nEMAIL:%s.%s%d@example.com\r\n", f, l, l, f, tolower(f), tolower(l), i
      printf "TEL:+44 20 7946 %04d\r\nBDAY:%04d%02d%02d\r\nNOTE:Seeded contact number %d\r\nEND:VCARD\r\n", i, 1950 + i % 50, i % 12 + 1, i % 28 + 1, i
    }
  }'
}

# Registers $1 and prints an access token
login() {
  local body="{\"email\":\"$1\",\"password\":\"load-bench-password\"}"
  curl -fsS -o /dev/null -H 'Content-Type: application/json' -d "$body" "$url/register/"
  curl -fsS -H 'Content-Type: application/json' -d "$body" "$url/token/" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

results=$work/results
wanted() { [[ -z ${ONLY:-} || $1 =~ $ONLY ]]; }
# Runs one workload: name, connections, lua script, path; a warm-up and then the measured run
workload() {
  local name=$1 connections=$2 script=$3 path=$4
  wanted "$name" || return 0
  wrk -t2 -c"$connections" -d"${warmup}s" -s "$WRK_DIR/$script" "$url$path" >/dev/null
  local cpu_before line
  cpu_before=$(cpu_ms)
  line=$(wrk -t2 -c"$connections" -d"${run}s" -s "$WRK_DIR/$script" "$url$path" | sed -n "s|^RESULT ||p")
  echo -e "$name\t$connections\t$line\t$(cpu_per_request "$cpu_before" "$line")" >>"$results"
}
# The server's CPU time per request over a run (µs): steadier than req/s on a machine shared with other work
cpu_per_request() { awk -v before="$1" -v now="$(cpu_ms)" '{ print int((now - before) * 1000 / $6) }' <<<"$2"; }

start_server "${record[@]}"
startup_fresh=$startup
sleep 2
rss_idle=$(rss_mb)
export TOKEN LOGIN_USERS=64 LOGIN_PASSWORD=load-bench-password
TOKEN=$(login reader@example.com)
seed_file >"$work/seed.vcf"
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/vcard' \
  --data-binary @"$work/seed.vcf" "$url/contacts/import/"
export FIRST_ID COUNT=1000
FIRST_ID=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$url/contacts/?limit=1" | sed 's/^\[{"id":\([0-9]*\).*/\1/')
for ((i = 0; i < LOGIN_USERS; i++)); do login "login$i@example.com" >/dev/null; done

: >"$results"
workload 'GET /contacts/{id}/' 64 get-contact.lua /
workload 'GET /contacts/?limit=100' 64 get.lua '/contacts/?limit=100'
workload 'GET /contacts/search/?query=smi' 64 get.lua '/contacts/search/?query=smi'
workload 'GET /contacts/birthdays/?days=30' 64 get.lua '/contacts/birthdays/?days=30'
# The logins and the reads during them run side by side, each after its own warm-up
if wanted 'GET /contacts/{id}/ during logins'; then
  wrk -t1 -c16 -d"$((warmup + run + 2))s" -s "$WRK_DIR/login.lua" "$url/token/" >"$work/flood" &
  flood=$!
  workload 'GET /contacts/{id}/ during logins' 16 get-contact.lua /
  wait $flood
  sed -n "s|^RESULT \(.*\)|POST /token/ (the login flood)\t16\t\1\t-|p" "$work/flood" >>"$results"
fi
workload 'POST /token/ alone' 16 login.lua /token/
TOKEN=$(login writer@example.com)
workload 'POST /contacts/' 16 create.lua /contacts/
rss_loaded=$(rss_mb)
rss_peak=$(rss_peak_mb)
if [[ -n ${RECORD:-} ]]; then
  for what in VM.native_memory GC.heap_info; do "$JAVA_HOME/bin/jcmd" "$server" $what; done >"$RECORD/memory.txt" 2>&1
fi
stop_server
start_server
startup_warm=$startup
stop_server

{
  echo -e "workload\tconnections\treq/s\tp50 ms\tp99 ms\tp99.9 ms\tmax ms\trequests\terrors\tCPU µs/req"
  cat "$results"
} | column -t -s $'\t'
echo
echo "start-up to /observe/health: ${startup_fresh} with a new database; ${startup_warm} restarted over the loaded one"
echo "RSS: ${rss_idle} MB idle after start, ${rss_loaded} MB after the load, at most ${rss_peak} MB during it"
echo "($(nproc) cores, $(uname -m), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg))"
