#!/usr/bin/env bash
# Server start-up, A/B (issue 13: "server ready ≤ 1 s after start"): starts each build's launcher in turn on a new
# database and then again over it (a restart), and prints the ms from launch to the first 200 of /observe/health,
# the CPU the process used by then (and the main thread's and the JIT's share), per start and as a distribution.
# Usage: bench/server-startup.sh [pairs] [target...]     (default: 8 pairs of server/target)
#   e.g. bench/server-startup.sh 10 /tmp/main/server/target server/target
#   a target is a build's server/target folder, or a launcher script beside its jar (a copy with other options)
#   JAVA_OPTS=...   passed to every launcher (e.g. -Xlog:aot to see the cache is used)
# Each target dir needs contacts-server (and its jar and AOT cache) as ./mvnw -pl server -am package makes them.
# The builds take turns start by start, so a busy machine's load falls on each alike.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jdk.sh
pairs=${1:-8}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(server/target)
work=$(mktemp -d)
server=
trap '[[ -z $server ]] || kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

# ms since the epoch, without starting a process
ms_now() { local t=${EPOCHREALTIME/./}; echo "${t:0:-3}"; }
source bench/health.sh

# The CPU the server has used so far, in all (threads that ended included) and by the main thread and the JIT's
# threads, in ms
cpu_split() {
  local hz task
  hz=$(getconf CLK_TCK)
  for task in /proc/"$server"/task/*; do cat "$task/stat" 2>/dev/null; done | awk -v hz="$hz" -v all="$(
    awk -v hz="$hz" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$server/stat")" '{
    name = substr($0, index($0, "(") + 1); name = substr(name, 1, index(name, ")") - 1)
    split(substr($0, index($0, ") ") + 2), f, " ")
    kind = name == "java" ? "main" : name ~ /^C[12] CompilerThre/ ? "jit" : "other"
    ms[kind] += (f[12] + f[13]) * 1000 / hz
  } END { printf "%d %d %d", all, ms["main"], ms["jit"] }'
}

# start <target> <db>: prints "ms cpu main jit"; POLL=curl polls as bench/load.sh did (its log, then curl)
start() {
  local target=$1 db=$2 log=$work/server.log t0 url port
  : >"$log"
  [[ -f $target ]] || target=$target/contacts-server
  port=$(free_port)
  t0=$(ms_now)
  bash "$target" --port "$port" --rate-limit 0 --db "$db" >"$log" 2>&1 &
  server=$!
  if [[ ${POLL:-} == curl ]]; then
    until [[ -n $(sed -n 's/^Contacts API listening on //p' "$log") ]]; do alive; sleep 0.01; done
    until curl -fs -o /dev/null "http://127.0.0.1:$port/observe/health"; do alive; sleep 0.01; done
  else
    until health_ok "$port"; do alive; pause; done
  fi
  echo "$(( $(ms_now) - t0 )) $(cpu_split)"
  if grep -q 'Unable to use AOT cache\|error' "$log"; then cat "$log" >&2; fi
  kill "$server"; wait "$server" 2>/dev/null || true
  server=
}
alive() { kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; echo "the server exited" >&2; exit 1; }; }

results=$work/results
for ((i = 1; i <= pairs; i++)); do
  for t in "${!targets[@]}"; do
    db=$work/$t-$i/contacts.db
    echo "$t new $(start "${targets[$t]}" "$db")" | tee -a "$results"
    echo "$t restart $(start "${targets[$t]}" "$db")" | tee -a "$results"
    rm -rf "$work/$t-$i"
  done
done

echo
echo "ms to the first health answer: min / median / mean / max; CPU used by then in ms, in all, the main thread's, the JIT's: min-max (median)"
# the values of column $1 of the starts of build $2 and kind $3, sorted
column() { awk -v c="$1" -v t="$2" -v kind="$3" '$1 == t && $2 == kind { print $c }' "$results" | sort -n; }
for t in "${!targets[@]}"; do
  for kind in new restart; do
    column 3 "$t" "$kind" | awk -v name="${targets[$t]} $kind" '{ ms[NR] = $1; sum += $1; over += $1 > 1000 }
      END { printf "%-34s %d / %d / %d / %d ms (%d of %d over 1 s)", name, ms[1], ms[int((NR + 1) / 2)], sum / NR, ms[NR], over, NR }'
    for c in 4 5 6; do
      column "$c" "$t" "$kind" | awk -v c="$c" '{ v[NR] = $1 } END { printf "%s %d-%d (%d)", c == 4 ? "; CPU" : c == 5 ? ", main" : ", JIT", v[1], v[NR], v[int((NR + 1) / 2)] }'
    done
    echo
  done
done
