#!/usr/bin/env bash
# Desktop start-up benchmark, over several warm starts of the built jar with the JVM options its launcher uses
# (app.jvm.options in desktop-client/pom.xml): milliseconds from launching the app to its window being mapped,
# to its embedded server answering /observe/health, the app's resident memory then, and the CPU time it had
# used (a fairer figure than wall time on a busy machine). The first run, on a new address book (a user's first
# launch), is printed but not counted in the medians: it also warms the OS caches. With a number of contacts as
# second argument, the first run also registers an account and imports that many contacts (generated vCards, no
# photos); each counted start then signs in through the window,
# presses End in the list (every page loaded, the last rows drawn) and adds the RSS once the app is quiet.
# PHOTOS=n: n of those contacts, spread evenly over the book, also get a photo each (generated 512x512 JPEGs,
# bench/PhotoFiles.java, put through the API), and each start then also pages up from the end to the top (Page
# Up, so every row and photo is drawn once) and adds the RSS then.
# SESSION=1 (with contacts, and PHOTOS for the photos): a realistic session after that, RSS then: a search typed,
# 30 of its results opened one after the other (the photos among them drawn in the details), the Duplicates view,
# the Birthdays view, and Export all (vCard) into a scratch folder. The book is then seeded with a birthday for
# every contact and 50 doubles (name and email), so that those two views have something to show; the save dialog
# needs a window manager to get the keyboard (README, "Under Xvfb without a window manager"), so run it on a display
# with one (openbox).
# Needs an X display, or Xvfb and xdotool installed (Debian: apt-get install xvfb xdotool libgtk-3-0 curl
# iproute2 x11-utils). Usage: bench/window-startup.sh [runs] [contacts]; NO_BUILD=1 measures the jar as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jdk.sh
runs=${1:-5}
contacts=${2:-0}
photos=${PHOTOS:-0}
session=${SESSION:-}
[[ -n "${NO_BUILD:-}" ]] || ./mvnw -B -q -DskipTests package
if [[ -z "${DISPLAY:-}" ]]; then
  Xvfb :97 -screen 0 1280x800x24 >/dev/null 2>&1 & xvfb=$!
  trap 'kill $xvfb 2>/dev/null || true' EXIT
  export DISPLAY=:97
  sleep 1
fi
jar=desktop-client/target/contacts-desktop.jar
# the launcher's options, from the one place they are written; the AOT cache is where the package put it
options=$(sed -n 's:.*<app.jvm.options>\(.*\)</app.jvm.options>.*:\1:p' desktop-client/pom.xml \
  | sed "s:\${project.build.directory}:desktop-client/target:g")
# JAVA_OPTS: more options to try (they come last, so they win); RECORD=dir: each thread's CPU time when the
# window and the server are up; of each signed-in app with its contacts listed the heap's sizes, a class
# histogram, a native memory summary, glibc's malloc_info, its smaps and its threads
options+=" ${RECORD:+-XX:NativeMemoryTracking=summary} ${JAVA_OPTS:-}"
# RECORD: each thread's name and CPU time (ms), the busiest first
threads() { local t; for t in /proc/"$1"/task/*; do # a thread may end meanwhile
  awk -v hz="$(getconf CLK_TCK)" -v name="$(cat "$t/comm" 2>/dev/null)" '{print int(($14 + $15) * 1000 / hz), name}' \
    "$t/stat" 2>/dev/null || true
done | sort -rn; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }
# the start from the desktop's menu (no options: the data folder is $XDG_DATA_HOME/contacts)
data=$(mktemp -d); folder=$data/contacts
email=bench@example.com; password=bench-password-1
# the first run's account and its contacts, through the API as any client would
seed() {
  local api=$1 token
  curl -fsS -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" "$api/register/"
  token=$(curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" \
    "$api/token/" | sed 's/.*"access_token" *: *"\([^"]*\)".*/\1/')
  awk -v n="$contacts" -v session="${session:+1}" 'BEGIN { srand(7); split("Ada Bob Cleo Dan Eve Finn Gus Hana Ivo Jo Kai Lea Max Nia Oto Pia", f)
    for (i = 1; i <= n; i++) { last = sprintf("%c%s%d", 65 + int(rand() * 26), "ander", i); first = f[1 + i % 16]
      printf "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:%s %s\r\nN:%s;%s;;;\r\nEMAIL:%s.%d@example.com\r\n", first, last, last, first, tolower(first), i
      if (session) printf "BDAY:%04d%02d%02d\r\n", 1950 + i % 50, 1 + int(rand() * 12), 1 + int(rand() * 28)
      printf "TEL:+44 20 7946 %04d\r\nORG:Example Ltd\r\nNOTE:Met at the conference in %d\r\nEND:VCARD\r\n", i % 10000, 2000 + i % 25
      if (session && i % 100 == 0) printf "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:%s %s\r\nN:%s;%s;;;\r\nEMAIL:%s.%d@example.com\r\nEND:VCARD\r\n", first, last, last, first, tolower(first), i } }' \
    | curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: text/vcard' --data-binary @- \
      "$api/contacts/import/"
  (( photos > 0 )) || return 0
  local ids=() skip i files=$(( photos < 32 ? photos : 32 ))
  "$JAVA_HOME/bin/java" bench/PhotoFiles.java "$data/photos" "$files"
  for (( skip = 0; skip < contacts; skip += 1000 )); do # the ids in the order of the import (an id's sort place is random)
    ids+=($(curl -fsS -H "Authorization: Bearer $token" "$api/contacts/?skip=$skip&limit=1000" \
      | grep -o '"id" *: *[0-9]*' | grep -o '[0-9]*$'))
  done
  for (( i = 0; i < photos; i++ )); do
    curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: image/jpeg' \
      --data-binary @"$data/photos/$(( i % files )).jpg" "$api/contacts/${ids[i * contacts / photos]}/photo/"
  done
}
# signs in through the window, then End in the list: every page loaded and the last rows shown
sign_in_and_scroll() {
  local window=$1 app=$2
  xdotool windowactivate --sync "$window" 2>/dev/null || xdotool windowfocus --sync "$window"
  if grep -qs "$email" "$folder"/*.properties; then # the card remembers the email and waits in the password
    xdotool type --delay 5 "$password"
  else
    xdotool type --delay 5 "$email"; xdotool key Tab; xdotool type --delay 5 "$password"
  fi
  xdotool key Return
  until xdotool search --onlyvisible --name "^Contacts – $email\$" >/dev/null 2>&1; do sleep 0.1; done
  quiet "$app" # the list shown and its first page drawn (under load, keys sent 1 s after the title went astray)
  xdotool key ctrl+f Down End
  quiet "$app"
}
# with photos, once every page is loaded: up to the top a page at a time (11 rows a page on Xvfb's screen), each
# row and its photo drawn once
page_through() {
  xdotool key --repeat $(( contacts / 10 )) --repeat-delay 40 Prior
  quiet "$1"
}
# a user's session over the listed book (SESSION=1, above); each step waits until the app is quiet
use_a_while() {
  local app=$1 export_to=$data/export
  mkdir -p "$export_to"
  xdotool key ctrl+f; xdotool type --delay 150 "ander1"; quiet "$app" # the search, as typed
  xdotool key Down; quiet "$app"
  xdotool key --repeat 30 --repeat-delay 400 Down; quiet "$app" # 30 results opened, one after the other
  xdotool key Escape; quiet "$app"
  local window; window=$(xdotool search --onlyvisible --name "^Contacts – $email\$" | head -1)
  view() { xdotool mousemove --window "$window" 100 41 click 1; sleep 0.7; xdotool key "$@" Return; } # the View menu
  view Down Down Down Down; quiet "$app" # View → Duplicates (Contacts, Birthdays, Trash, Duplicates)
  view Down Down; quiet "$app" # View → Birthdays
  xdotool key ctrl+e # Export all…: the save dialog, its name typed as a full path
  until xdotool search --onlyvisible --name '^Export contacts$' >/dev/null 2>&1; do sleep 0.2; done
  sleep 0.5; xdotool key ctrl+a; xdotool type --delay 5 "$export_to/all.vcf"; xdotool key Return
  until [[ -s $export_to/all.vcf ]]; do sleep 0.2; done
  quiet "$app"
  view Down; quiet "$app" # back to Contacts
}
# waits until the app is quiet: no CPU used for 2 s in a row
quiet() {
  local last=0 now same=0
  while (( same < 4 )); do
    sleep 0.5; now=$(cpu_ms "$1"); (( now - last < 20 )) && same=$((same + 1)) || same=0; last=$now
  done
}
# Watching the start costs the app nothing measurable: the window's mapping comes as an X event (xev on the root
# window) and the server's port from the kernel's table of listening sockets, read by the shell itself. (The first
# version forked xdotool, `ss -p`, which reads every process's descriptors, and a pipeline every 20 ms: about
# half a core of the two, taken from the app it measured.)
listening() { # the listening TCP ports, into the array ports; no child process
  ports=()
  local table _sl addr _rem st _rest
  for table in /proc/net/tcp /proc/net/tcp6; do
    while read -r _sl addr _rem st _rest; do
      if [[ $st == 0A ]]; then ports+=($((16#${addr##*:}))); fi
    done <"$table"
  done
  return 0
}
events=$data/x-events
windows=(); servers=(); rsss=(); cpus=(); loaded=(); paged=(); used=()
for run in $(seq 0 "$runs"); do
  stdbuf -oL xev -root -event substructure >"$events" 2>/dev/null & xev=$!
  sleep 0.3 # xev listening before the clock starts
  exec 4<"$events"
  listening; before=" ${ports[*]} "
  start=${EPOCHREALTIME/[.,]/}
  # shellcheck disable=SC2086
  XDG_DATA_HOME=$data "$JAVA_HOME/bin/java" $options -jar "$jar" >/dev/null 2>&1 & app=$!
  window=""; server=""; api=""; single=""; partial=""; mapped=""
  while [[ -z "$window" || -z "$server" ]]; do
    if [[ -z "$window" ]]; then
      # once a window was mapped, asked for by its title until it has it
      while read -r -u 4 line; do line=$partial$line; partial=""; [[ $line == MapNotify* ]] && mapped=1; done
      partial+=$line # a line not yet ended
      if [[ -n "$mapped" ]] && id=$(xdotool search --onlyvisible --name '^Contacts$' 2>/dev/null) && [[ -n "$id" ]]; then
        window=$(( (${EPOCHREALTIME/[.,]/} - start) / 1000 )); window_id=${id%%$'\n'*}
      fi
    fi
    if [[ -z "$server" ]]; then # a port the app opened, but the single-instance one
      [[ -n "$single" || ! -s $folder/desktop.port ]] || read -r single <"$folder/desktop.port" || true # no newline at its end
      listening
      for port in "${ports[@]}"; do
        [[ $before == *" $port "* || $port == "$single" ]] && continue
        if curl -s -o /dev/null -m 1 -w '%{http_code}' "http://127.0.0.1:$port/observe/health" | grep -q '^20'; then
          if ss -ltnpH "sport = :$port" | grep -q "pid=$app,"; then
            server=$(( (${EPOCHREALTIME/[.,]/} - start) / 1000 )); api="http://127.0.0.1:$port"
          else
            before+="$port " # someone else's server
          fi
        fi
      done
    fi
    sleep 0.02
  done
  exec 4<&-; kill "$xev" 2>/dev/null || true; wait "$xev" 2>/dev/null || true
  rss=$(rss_mb "$app"); cpu=$(cpu_ms "$app"); with=""
  [[ -z "${RECORD:-}" ]] || { mkdir -p "$RECORD"; threads "$app" >"$RECORD/threads-at-start-$run.txt"; }
  if (( contacts > 0 )); then
    if (( run == 0 )); then
      seed "$api"
    else
      sign_in_and_scroll "$window_id" "$app"
      loaded+=("$(rss_mb "$app")"); with=", RSS with $contacts contacts listed ${loaded[-1]} MB"
      if (( photos > 0 )); then
        page_through "$app"
        paged+=("$(rss_mb "$app")"); with+=", paged through ($photos with photos) ${paged[-1]} MB"
      fi
      if [[ -n "$session" ]]; then
        use_a_while "$app"
        used+=("$(rss_mb "$app")"); with+=", after a session ${used[-1]} MB"
      fi
      [[ -z "${RECORD:-}" ]] || { mkdir -p "$RECORD"; "$JAVA_HOME/bin/jcmd" "$app" GC.heap_info >"$RECORD/heap-$run.txt"
        "$JAVA_HOME/bin/jcmd" "$app" GC.class_histogram >"$RECORD/histogram-$run.txt"
        "$JAVA_HOME/bin/jcmd" "$app" VM.native_memory summary >"$RECORD/nmt-$run.txt" 2>&1 || true
        "$JAVA_HOME/bin/jcmd" "$app" System.native_heap_info >"$RECORD/malloc-info-$run.xml" 2>&1 || true
        cp "/proc/$app/smaps" "$RECORD/smaps-$run.txt"; threads "$app" >"$RECORD/threads-listed-$run.txt"; }
    fi
  fi
  kill "$app"; wait "$app" 2>/dev/null || true
  if [[ $run -gt 0 ]]; then
    windows+=("$window"); servers+=("$server"); rsss+=("$rss"); cpus+=("$cpu")
    echo "start $run: window after $window ms, server ready after $server ms, RSS $rss MB, CPU $cpu ms$with"
  else # a user's first launch: a new address book, its schema made (not counted in the medians)
    echo "first start, on a new address book: window after $window ms, server ready after $server ms, RSS $rss MB, CPU $cpu ms"
  fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median over ${#windows[@]} warm starts: window $(median "${windows[@]}") ms," \
  "server ready $(median "${servers[@]}") ms, RSS $(median "${rsss[@]}") MB, CPU $(median "${cpus[@]}") ms" \
  "${loaded:+, RSS with $contacts contacts listed $(median "${loaded[@]}") MB}" \
  "${paged:+, paged through ($photos with photos) $(median "${paged[@]}") MB}" \
  "${used:+, after a session $(median "${used[@]}") MB}"
rm -rf "$data"
