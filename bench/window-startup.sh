#!/usr/bin/env bash
# Desktop start-up benchmark: milliseconds from launching the app to its window being mapped, over several
# warm starts (the first run warms the OS caches and is not counted). Needs an X display, or Xvfb and
# xdotool installed (Debian: apt-get install xvfb xdotool libgtk-3-0). Usage: bench/window-startup.sh [runs]
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
data=$(mktemp -d)
times=()
for run in $(seq 0 "$runs"); do
  start=$(date +%s%N)
  "$JAVA_HOME/bin/java" -jar desktop-client/target/contacts-desktop.jar --data-dir "$data" >/dev/null 2>&1 & app=$!
  until xdotool search --onlyvisible --name '^Contacts$' >/dev/null 2>&1; do sleep 0.02; done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  kill "$app"; wait "$app" 2>/dev/null || true
  [[ $run -gt 0 ]] && times+=("$ms") && echo "start $run: window after $ms ms"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms over " NR " warm starts"}'
rm -rf "$data"
