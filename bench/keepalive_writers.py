#!/usr/bin/env python3
"""Keep-alive writers vs new connections: N clients create contacts over kept-open connections while a probe
opens a new connection every 0.5 s for GET /nope. Prints the probe's latencies and the writers' throughput.
Loopback only, bounded in time. Usage: keepalive_writers.py PORT [writers=16] [seconds=20]"""
import http.client, json, socket, sys, threading, time, uuid

port = int(sys.argv[1]); writers = int(sys.argv[2]) if len(sys.argv) > 2 else 16
seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 20
HOST = "127.0.0.1"

def call(conn, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token: headers["Authorization"] = "Bearer " + token
    conn.request(method, path, json.dumps(body) if body is not None else None, headers)
    r = conn.getresponse(); data = r.read()
    return r.status, data

def user_token():
    c = http.client.HTTPConnection(HOST, port, timeout=60)
    email = "w%s@example.com" % uuid.uuid4().hex[:10]
    call(c, "POST", "/register/", {"email": email, "password": "keep alive writer pass"})
    s, data = call(c, "POST", "/token/", {"email": email, "password": "keep alive writer pass"})
    c.close()
    return json.loads(data)["access_token"]

stop = time.time() + seconds
created = [0] * writers; errors = [0] * writers

def writer(i, token):
    c = http.client.HTTPConnection(HOST, port, timeout=60)
    while time.time() < stop:
        try:
            s, _ = call(c, "POST", "/contacts/", {"first_name": "Ada", "last_name": "W%d" % i}, token)
            if s == 201: created[i] += 1
            else: errors[i] += 1
        except Exception:
            errors[i] += 1; c.close(); c = http.client.HTTPConnection(HOST, port, timeout=60)
    c.close()

for _ in range(120):  # the server may still be starting
    try:
        socket.create_connection((HOST, port), timeout=1).close(); break
    except OSError:
        time.sleep(0.5)
tokens = [user_token() for _ in range(writers)]
threads = [threading.Thread(target=writer, args=(i, t), daemon=True) for i, t in enumerate(tokens)]
for t in threads: t.start()
time.sleep(1)
latencies = []; timeouts = 0
while time.time() < stop - 0.5:
    t0 = time.time()
    try:
        c = http.client.HTTPConnection(HOST, port, timeout=10)
        call(c, "GET", "/nope"); c.close()
        latencies.append((time.time() - t0) * 1000)
    except Exception:
        timeouts += 1
    time.sleep(0.5)
for t in threads: t.join()
latencies.sort()
p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("nan")
print("writers=%d seconds=%.0f creates=%d (%.0f/s) write errors=%d" % (writers, seconds, sum(created),
      sum(created) / seconds, sum(errors)))
print("new-connection GET /nope: n=%d p50=%.1f ms p90=%.1f ms max=%.1f ms timeouts(>10 s)=%d" % (
      len(latencies), p(0.5), p(0.9), latencies[-1] if latencies else float("nan"), timeouts))
