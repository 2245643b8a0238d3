#!/usr/bin/env bash
# Re-runs the hostile-server and hostile-file attacks of issue 13 (items 11, 12, 18) against the built command
# line, client/target/causeflow-cli.jar, and prints exit code, elapsed time and peak RSS of each run.
#
#   scripts/client-hostile-bench.sh                 # builds the jar first unless SKIP_BUILD=1
#   HEAPS="64m 256m" TIMEOUT=10 scripts/client-hostile-bench.sh
#
# Attacks (a small scripted server on 127.0.0.1, port chosen by the kernel):
#   send-endless-body    202 Accepted, Content-Length 2 GiB, zeros until the client hangs up   -> want ACCEPTED, exit 0
#   stream-endless-line  200 text/event-stream, "data: " then one line that never ends        -> want exit 0 at --timeout
#   stream-huge-events   200, one 16 MiB event after another                                   -> dropped, exit 0 at --timeout
#   stream-trickle       200, one byte every 200 ms, never a line end (keeps the heartbeat up)  -> exit 0 at --timeout
#   junit-200mb          send --from-junit with a 200 MB report (100 MB message attribute + 100 MB <failure> text)
# Needs: java 17+, python3, GNU time (/usr/bin/time). Everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

HEAPS=${HEAPS:-"64m 256m"}
TIMEOUT=${TIMEOUT:-10}
cli=client/target/causeflow-cli.jar
if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "== building $cli (mvn -B -q -pl client -am package -DskipTests)"
  mvn -B -q -pl client -am package -DskipTests
fi
[ -f "$cli" ] || { echo "bench: $cli is missing" >&2; exit 1; }
command -v python3 >/dev/null || { echo "bench: python3 is needed for the hostile server" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is needed for peak RSS" >&2; exit 1; }

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

cat > "$work/hostile.py" <<'PY'
import socket, socketserver, sys, time
mode = sys.argv[1]
class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        s = self.request
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = s.recv(65536)
            if not chunk:
                return
            head += chunk
        header, _, rest = head.partition(b"\r\n\r\n")
        length = 0
        for line in header.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        while len(rest) < length:
            chunk = s.recv(65536)
            if not chunk:
                break
            rest += chunk
        try:
            if mode == "accept":
                s.sendall(b"HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 24\r\n\r\n"
                          b'{"incidentId":"inc_1"}  ')
            elif mode == "endless-body":
                s.sendall(b"HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 2147483648\r\n\r\n")
                zeros = b"\0" * 65536
                while True:
                    s.sendall(zeros)
            else:
                s.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n\r\n")
                if mode == "endless-line":
                    s.sendall(b"event: incident.created\ndata: ")
                    ys = b"y" * 65536
                    while True:
                        s.sendall(ys)
                elif mode == "huge-events":
                    ys = b"y" * 65536
                    n = 0
                    while True:
                        n += 1
                        s.sendall(b"id: evt_%012d\nevent: incident.created\ndata: " % n)
                        for _ in range(256):  # 16 MiB of data per event
                            s.sendall(ys)
                        s.sendall(b"\n\n")
                elif mode == "trickle":
                    s.sendall(b"event: incident.created\ndata: ")
                    while True:
                        s.sendall(b"z")
                        time.sleep(0.2)
        except OSError:
            pass
class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
server = Server(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
PY

start_server() {
  stop_server
  python3 "$work/hostile.py" "$1" > "$work/port" &
  server_pid=$!
  for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
  port=$(cat "$work/port")
}
stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=
}

export CAUSEFLOW_TENANT_ID=ten_bench CAUSEFLOW_API_KEY=cflo_bench_key CAUSEFLOW_WEBHOOK_SECRET=whsec_bench
export CAUSEFLOW_STREAM_TOKEN=bench_stream_token

printf '%-20s %-5s %4s %9s %9s  %s\n' attack heap exit elapsed peakRSS "first line of output"
run() { # name heap args...
  local name=$1 heap=$2; shift 2
  set +e
  /usr/bin/time -o "$work/time" -f "%e %M" java "-Xmx$heap" -jar "$cli" "$@" > "$work/out" 2>&1
  local code=$?
  set -e
  read -r elapsed rss < <(tail -1 "$work/time")
  local first
  first=$(grep -m1 -E 'ACCEPTED|FAILED|REJECTED|dropped|OutOfMemory|never connected|Exception' "$work/out" | cut -c1-90 || true)
  printf '%-20s %-5s %4s %8ss %6d MB  %s\n' "$name" "$heap" "$code" "$elapsed" $((rss / 1024)) "$first"
}

overshoot() { # name heap: --timeout overshoot with a warm JVM (start-up excluded)
  printf '%-20s %-5s %s\n' "$1" "$2" "$(java "-Xmx$2" -cp "$cli" scripts/ClientStreamTimeout.java \
    "http://127.0.0.1:$port" "$TIMEOUT" 2>&1 | tail -1)"
}

for heap in $HEAPS; do
  start_server endless-body
  run send-endless-body "$heap" send --url "http://127.0.0.1:$port" --title t --description d --max-attempts 1
  start_server endless-line
  run stream-endless-line "$heap" stream --url "http://127.0.0.1:$port" --timeout "${TIMEOUT}s"
  start_server huge-events
  run stream-huge-events "$heap" stream --url "http://127.0.0.1:$port" --timeout "${TIMEOUT}s"
  start_server trickle
  run stream-trickle "$heap" stream --url "http://127.0.0.1:$port" --timeout "${TIMEOUT}s"
done

echo "== --timeout ${TIMEOUT}s honoured? in-process, after a warm-up run (scripts/ClientStreamTimeout.java)"
for mode in endless-line huge-events trickle; do
  start_server "$mode"
  overshoot "stream-$mode" 64m
done

echo "== generating a 200 MB JUnit report"
python3 - "$work/reports/TEST-Huge.xml" <<'PY'
import os, sys
path = sys.argv[1]
os.makedirs(os.path.dirname(path), exist_ok=True)
chunk = b"m" * (1 << 20)
with open(path, "wb") as f:
    f.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="Huge">'
            b'<testcase classname="Huge" name="attribute"><failure message="')
    for _ in range(100):
        f.write(chunk)
    f.write(b'"/></testcase><testcase classname="Huge" name="text"><failure>')
    for _ in range(100):
        f.write(chunk)
    f.write(b"</failure></testcase></testsuite>\n")
PY
start_server accept
for heap in $HEAPS; do
  run junit-200mb "$heap" send --url "http://127.0.0.1:$port" --from-junit "$work/reports" --job huge \
    --build 1 --result UNSTABLE
done
stop_server
echo "(the java -jar rows include JVM start-up and class loading, seconds on a loaded machine; the overshoot rows do not)"
