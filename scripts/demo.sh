#!/usr/bin/env bash
# The main job on embedded defaults, no external service: builds the reactor, starts the reference receiver in
# demo mode on a free loopback port, turns a sample failed build (JUnit reports + console log) into a signed
# alert with the causeflow command line, sends it twice (accepted, then duplicate), prints the investigation
# events from the SSE stream, and names the .hpi to install in Jenkins. Stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "== building (mvn -B -DskipTests package)"
  mvn -B -q -DskipTests package
fi

cli=client/target/causeflow-cli.jar
receiver=receiver/target/causeflow-receiver.jar
hpi=plugin/target/causeflow.hpi
for f in "$cli" "$receiver" "$hpi"; do
  [ -f "$f" ] || { echo "demo: $f is missing; run without SKIP_BUILD=1" >&2; exit 1; }
done

work=$(mktemp -d)
receiver_pid=
cleanup() {
  if [ -n "$receiver_pid" ] && kill -0 "$receiver_pid" 2>/dev/null; then
    kill "$receiver_pid" 2>/dev/null || true
    wait "$receiver_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== starting the reference receiver (demo tenant, durable store in a temporary folder)"
java -jar "$receiver" --demo --port 0 --data "$work/data" --simulator-delay 200ms --exit-after 5m \
  >"$work/receiver.out" 2>"$work/receiver.err" &
receiver_pid=$!
for _ in $(seq 1 150); do
  grep -q '^CAUSEFLOW_STREAM_TOKEN=' "$work/receiver.out" 2>/dev/null && break
  kill -0 "$receiver_pid" 2>/dev/null || { cat "$work/receiver.err" >&2; exit 1; }
  sleep 0.2
done
grep -q '^CAUSEFLOW_STREAM_TOKEN=' "$work/receiver.out" || { echo "demo: receiver did not start" >&2; exit 1; }
# The demo credentials are generated for this run only; they stay in this shell's environment.
set -a
# shellcheck disable=SC1090
. <(grep '^CAUSEFLOW_[A-Z_]*=' "$work/receiver.out")
set +a
echo "   receiver at $CAUSEFLOW_BASE_URL, tenant $CAUSEFLOW_TENANT"
echo "   dashboard at $CAUSEFLOW_DASHBOARD_URL (sign in with the API key $CAUSEFLOW_API_KEY)"

send() {
  CAUSEFLOW_API_KEY="$CAUSEFLOW_API_KEY" CAUSEFLOW_WEBHOOK_SECRET="$CAUSEFLOW_WEBHOOK_SECRET" \
    java -jar "$cli" send --url "$CAUSEFLOW_BASE_URL" --tenant "$CAUSEFLOW_TENANT" \
      --from-junit scripts/demo/junit --log scripts/demo/console.log \
      --job team/payments/main --build 42 --result FAILURE --branch main \
      --build-url "http://jenkins.example/job/team/job/payments/job/main/42/" "$@"
}

echo "== sending the failed build as an alert"
send
echo "== sending it again (same sourceAlertId: CauseFlow answers duplicate, no second incident)"
send

echo "== investigation events (SSE, replayed from the start)"
CAUSEFLOW_STREAM_TOKEN="$CAUSEFLOW_STREAM_TOKEN" \
  java -jar "$cli" stream --url "$CAUSEFLOW_BASE_URL" --last-event-id 0 --max-events 8 --timeout 30s

echo
echo "== the Jenkins plugin to install (Manage Jenkins > Plugins > Advanced > Deploy Plugin):"
echo "   $(pwd)/$hpi"

echo
echo "== the dashboard (incident list, live timeline, root cause):"
echo "   $CAUSEFLOW_DASHBOARD_URL  (sign in with the API key $CAUSEFLOW_API_KEY)"
if [ -t 0 ]; then
  # Only when someone is at the terminal: keep the receiver up so the dashboard can be looked at.
  read -r -p "   Press Enter to stop the receiver (it stops by itself after 5 minutes). " _
fi
