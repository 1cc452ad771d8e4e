#!/usr/bin/env bash
# The performance run (`make perf`; CI's performance-tests job): starts both servers the way
# `make run` does — on DATABASE_URL when set, otherwise on a fresh embedded Derby database —, waits
# until both are ready, runs the load generator against the management-server and stops the servers.
# Arguments go to the load generator (performance-tests/src/main/java/io/multibot/perf/LoadRun.java):
#   scripts/performance.sh --users 10 --duration PT60S --warmup PT10S --report performance-tests/target/report
# The report (report.md, report.json) has each route's p50/p90/p95/p99 latency, throughput and errors.
# Then the command-cycle run (CycleRun; options in PERF_CYCLE_OPTIONS, e.g. "--bots 1000
# --simulators 4 --rates 10,50,200,500,1000") writes cycle.md: every figure beside its baseline
# from the same run. The run fails on a failed request or command, on /health/ready p95 >= 100 ms
# in the load run, and on management heap growth over 50 MiB (after a full GC, jcmd GC.run) in
# the load run or, at the cycle run's steady fleet, over the cycle run's load.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export MULTIBOT_ADMIN_PASSWORD="${MULTIBOT_ADMIN_PASSWORD:-performance-run-admin}"
# The simulators do not rate-limit (their rate_limits knob is off), so neither does the gateway's
# client-side budget (freqtrade's 5 stop/start a minute per bot): the run measures Multibot, not the
# budget's deliberate waits. A run against real freqtrade bots keeps it on.
export BOT_CLIENT_RATE_BUDGET="${BOT_CLIENT_RATE_BUDGET:-false}"
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

./mvnw -B -q --no-transfer-progress -pl freqtrade-simulator,performance-tests package -DskipTests \
  -Dlint.skip=true -Djacoco.skip=true
report="performance-tests/target/report"
for ((i = 1; i <= $#; i++)); do
  if [[ "${!i}" == "--report" ]]; then j=$((i + 1)); report="${!j}"; fi
done
mkdir -p "$report"
management="http://localhost:${MANAGEMENT_HTTP_PORT:-9080}"

# The management server's heap in use after a full collection (jcmd GC.run, then /metrics), so a
# growth figure is what stayed reachable, not garbage not yet collected.
management_pid() { pgrep -f "$ROOT/management-server/target/liberty/wlp/bin/tools/ws-server.jar" | head -1; }
heap_after_gc() {
  local pid; pid="$(management_pid)"
  [[ -n "$pid" ]] && jcmd "$pid" GC.run >/dev/null 2>&1 || true
  sleep 1
  curl -sf "$management/metrics?scope=base" | sed -n 's/^memory_usedHeap_bytes{[^}]*} \([0-9.eE+]*\)$/\1/p' | head -1
}

# Start times as Liberty reports them ("The server ... started in N seconds").
grep -ho 'The [a-z-]* server started in [0-9.]* seconds' "$log" | sed 's/The \([a-z-]*\) server started in \([0-9.]*\) seconds/\1 \2/' \
  >"$report/start-times.txt" || true

heap_before="$(heap_after_gc)"
status=0
java -jar performance-tests/target/performance-tests.jar --base-url "$management" "$@" || status=$?
heap_after="$(heap_after_gc)"
# The cycle run measures the heap itself (an empty fleet, the steady fleet, after its load) and
# fails when the heap grew over 50 MiB at the steady fleet.
pid="$(management_pid)"
java -cp performance-tests/target/performance-tests.jar io.multibot.perf.CycleRun \
  --base-url "$management" --report "$report" --management-pid "${pid:-0}" \
  ${PERF_CYCLE_OPTIONS:-} || status=$?

# The console's fleet page at the cycle run's fleet (its bots stay registered): time to the first
# page of bots in headless Chromium (budget: 1,000 bots interactive in <= 1.5 s), with
# playwright-core installed under target/ (the console itself does not depend on it).
console_report="$report/console-fleet.txt"
chromium="${CHROMIUM_BIN:-/usr/bin/chromium}"
pw="$ROOT/performance-tests/target/playwright"
if [[ -x "$chromium" && -n "${MULTIBOT_ADMIN_PASSWORD:-}" ]] && mkdir -p "$pw" \
  && (cd "$pw" && npm install --no-audit --no-fund --silent playwright-core@1.65.2 >/dev/null 2>&1); then
  SITE="$management" ADMIN_PASSWORD="$MULTIBOT_ADMIN_PASSWORD" CHROMIUM_BIN="$chromium" \
    NODE_PATH="$pw/node_modules" node scripts/console-fleet-timing.mjs >"$console_report" 2>&1 || status=$?
else
  echo "skipped: needs Chromium ($chromium), MULTIBOT_ADMIN_PASSWORD and npm" >"$console_report"
fi
[[ -n "$pid" ]] && jcmd "$pid" GC.class_histogram 2>/dev/null | head -40 >"$report/heap-histogram.txt" || true

growth_mib="$(awk -v a="${heap_after:-0}" -v b="${heap_before:-0}" 'BEGIN { printf "%.1f", (a - b) / 1048576 }')"
{
  echo
  echo "## Load run heap and start"
  echo
  echo "Management heap in use after a full GC around the load run (no fleet): $(awk -v b="${heap_before:-0}" 'BEGIN { printf "%.1f", b / 1048576 }') MiB before, $(awk -v a="${heap_after:-0}" 'BEGIN { printf "%.1f", a / 1048576 }') MiB after (growth ${growth_mib} MiB; limit 50). Histogram at the end of all runs: heap-histogram.txt."
  echo
  echo "Console fleet page (budget 1.5 s at 1,000 bots): $(tail -1 "$console_report")."
  echo "Server start (\"started in\", both starting one after the other): $(tr '\n' ' ' <"$report/start-times.txt") (seconds)."
} >>"$report/cycle.md"
cat "$report/cycle.md" | tail -6
if awk -v g="$growth_mib" 'BEGIN { exit !(g > 50) }'; then
  echo "performance: the management heap grew by ${growth_mib} MiB in the load run (limit 50)" >&2
  status=1
fi
exit "$status"
