#!/usr/bin/env bash
# The performance run (`make perf`; CI's performance-tests job): starts both servers the way
# `make run` does — on DATABASE_URL when set, otherwise on a fresh embedded Derby database —, waits
# until both are ready, runs the load generator against the management-server and stops the servers.
# Arguments go to the load generator (performance-tests/src/main/java/io/multibot/perf/LoadRun.java):
#   scripts/performance.sh --users 10 --duration PT60S --warmup PT10S --report performance-tests/target/report
# The report (report.md, report.json) has each route's p50/p90/p95/p99 latency, throughput and errors;
# the run fails only when a request failed (the issues name no latency limit to gate on).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export MULTIBOT_ADMIN_PASSWORD="${MULTIBOT_ADMIN_PASSWORD:-performance-run-admin}"
if [[ -z "${DATABASE_URL:-}" ]]; then
  MULTIBOT_DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/multibot-perf.XXXXXX")"
  export MULTIBOT_DATA_DIR
fi
mkdir -p performance-tests/target
log="$ROOT/performance-tests/target/servers.log"

scripts/run-local.sh >"$log" 2>&1 &
runner=$!
cleanup() {
  scripts/run-local.sh stop >/dev/null 2>&1 || true
  kill "$runner" 2>/dev/null || true
}
trap cleanup EXIT

ready() { curl -sf "http://localhost:$1/health/ready" >/dev/null 2>&1; }
for _ in $(seq 1 300); do
  if ready "${MANAGEMENT_HTTP_PORT:-9080}" && ready "${GATEWAY_HTTP_PORT:-9081}"; then break; fi
  if ! kill -0 "$runner" 2>/dev/null; then
    echo "performance: the servers did not start; see $log" >&2
    exit 1
  fi
  sleep 1
done
if ! ready "${MANAGEMENT_HTTP_PORT:-9080}"; then
  echo "performance: the servers were not ready in 5 minutes; see $log" >&2
  exit 1
fi

./mvnw -B -q --no-transfer-progress -pl performance-tests package -DskipTests -Dlint.skip=true
java -jar performance-tests/target/performance-tests.jar \
  --base-url "http://localhost:${MANAGEMENT_HTTP_PORT:-9080}" "$@"
