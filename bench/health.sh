# Sourced by the benchmarks that time a server's start (load.sh, server-startup.sh), after they set $work (a
# temporary folder): a free port, and a poll of the server's health that starts no process, since a poller that
# forks curl, sed and sleep every 10 ms took CPU from the start it timed on two cores, 80-300 ms of its wall time
# (docs/benchmarks.md, "Ready within a second").

# A free loopback port for the server (it then listens there, so nothing reads its log while it starts)
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# Whether GET /observe/health on port $1 answers 200 (bash's own /dev/tcp)
health_ok() {
  local fd status
  { exec {fd}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET /observe/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&"$fd"
  read -r -t 10 status <&"$fd" || true
  exec {fd}>&-
  [[ $status == *" 200 "* ]]
}
mkfifo "$work/tick"
exec {tick}<>"$work/tick"
# Waits 10 ms (read's timeout on a pipe nobody writes to: no process started)
pause() { read -r -t 0.01 -u "$tick" || true; }
