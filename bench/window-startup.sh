#!/usr/bin/env bash
# Desktop start-up benchmark, over several warm starts of the built jar with the JVM options its launcher uses
# (app.jvm.options in desktop-client/pom.xml): milliseconds from launching the app to its window being mapped,
# to its embedded server answering /observe/health, and the app's resident memory then. The first run is not
# counted: it warms the OS caches and writes the class-data archive the later starts map (the launcher does
# the same on a user's first start). Needs an X display, or Xvfb and xdotool installed (Debian: apt-get
# install xvfb xdotool libgtk-3-0 curl iproute2). Usage: bench/window-startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jdk.sh
runs=${1:-5}
./mvnw -B -q -DskipTests package
if [[ -z "${DISPLAY:-}" ]]; then
  Xvfb :97 -screen 0 1280x800x24 >/dev/null 2>&1 & xvfb=$!
  trap 'kill $xvfb 2>/dev/null || true' EXIT
  export DISPLAY=:97
  sleep 1
fi
jar=desktop-client/target/contacts-desktop.jar
# an archive older than the jar no longer matches it, and the JVM does not rewrite it by itself: start afresh
archive=desktop-client/target/contacts-desktop.jsa
[[ ! -f $archive || $archive -nt $jar ]] || rm -f "$archive"
# the launcher's options, from the one place they are written; the archive goes where -Papp puts it
options=$(sed -n 's:.*<app.jvm.options>\(.*\)</app.jvm.options>.*:\1:p' desktop-client/pom.xml \
  | sed "s:\${project.build.directory}:desktop-client/target:g")
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
data=$(mktemp -d)
windows=(); servers=(); rsss=()
for run in $(seq 0 "$runs"); do
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" $options -jar "$jar" --data-dir "$data" >/dev/null 2>&1 & app=$!
  window=""; server=""
  while [[ -z "$window" || -z "$server" ]]; do
    if [[ -z "$window" ]] && xdotool search --onlyvisible --name '^Contacts$' >/dev/null 2>&1; then
      window=$(ms_since "$start")
    fi
    if [[ -z "$server" ]]; then # the app's listening ports, but the single-instance one
      for port in $(ss -ltnpH | grep "pid=$app," | awk '{print $4}' | sed 's/.*://' \
          | grep -vx "$(cat "$data/desktop.port" 2>/dev/null || echo none)"); do
        if curl -s -o /dev/null -m 1 -w '%{http_code}' "http://127.0.0.1:$port/observe/health" | grep -q '^20'; then
          server=$(ms_since "$start")
        fi
      done
    fi
    sleep 0.02
  done
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$app/status")
  kill "$app"; wait "$app" 2>/dev/null || true
  if [[ $run -gt 0 ]]; then
    windows+=("$window"); servers+=("$server"); rsss+=("$rss")
    echo "start $run: window after $window ms, server ready after $server ms, RSS $rss MB"
  fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median over ${#windows[@]} warm starts: window $(median "${windows[@]}") ms," \
  "server ready $(median "${servers[@]}") ms, RSS $(median "${rsss[@]}") MB"
rm -rf "$data"
