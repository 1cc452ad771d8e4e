#!/usr/bin/env bash
# Builds Multibot and runs both servers in the foreground on embedded defaults:
#   management-server  http://localhost:${MANAGEMENT_HTTP_PORT:-9080}
#   trading-gateway    http://localhost:${GATEWAY_HTTP_PORT:-9081}
# The environment (REDIS_URL, DATABASE_URL, ...) is passed through to both. Ctrl-C stops both.
# MULTIBOT_DEMO=1 (`make run DEMO=1`): also registers and starts four simulated bots
# (scripts/demo-fleet.sh); the admin's password is then MULTIBOT_ADMIN_PASSWORD, by default
# "multibot-demo-admin" on a new database.
# `scripts/run-local.sh stop` stops servers left running by an earlier, interrupted run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MVNW=("$ROOT/mvnw" -B --no-transfer-progress)
SERVERS=(management-server trading-gateway)

wlp() { echo "$ROOT/$1/target/liberty/wlp"; }
log_of() { echo "$(wlp "$1")/usr/servers/$1/logs/messages.log"; }

stop_servers() {
  local pids=()
  for server in "${SERVERS[@]}"; do
    if [[ -x "$(wlp "$server")/bin/server" ]]; then
      "$(wlp "$server")/bin/server" stop "$server" >/dev/null 2>&1 &
      pids+=($!)
    fi
  done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
}

if [[ "${1:-}" == "stop" ]]; then
  stop_servers
  echo "multibot: both servers stopped."
  exit 0
fi

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "${MANAGEMENT_HTTP_PORT:-9080}" "${GATEWAY_HTTP_PORT:-9081}"; do
  if port_busy "$port"; then
    echo "multibot: port $port is already in use (another Multibot? run 'make stop')." >&2
    exit 1
  fi
done

echo "multibot: building (no tests) ..."
"${MVNW[@]}" -q install -DskipTests -Dlint.skip=true

# Checks REDIS_URL and DATABASE_URL and turns DATABASE_URL into Liberty's DB_* variables.
# A malformed URL prints one line naming the variable, and nothing starts.
launch_env="$(java -cp "$ROOT/common/target/classes" io.multibot.common.config.LaunchEnvironment)" || exit 2
eval "$launch_env"
export MULTIBOT_DATA_DIR="${MULTIBOT_DATA_DIR:-$ROOT/data}"
mkdir -p "$MULTIBOT_DATA_DIR"

if [[ "${MULTIBOT_DEMO:-}" == 1 ]]; then
  export MULTIBOT_ADMIN_PASSWORD="${MULTIBOT_ADMIN_PASSWORD:-multibot-demo-admin}"
fi

# Managed bots: freqtrade when it is installed, otherwise the simulator this build produced.
if [[ -z "${BOT_RUNTIME_COMMAND:-}" ]] && ! command -v freqtrade >/dev/null; then
  export BOT_RUNTIME_COMMAND="$(command -v java) -jar $ROOT/freqtrade-simulator/target/freqtrade-simulator.jar"
  echo "multibot: freqtrade is not installed; managed bots run the simulator (BOT_RUNTIME_COMMAND)."
fi

redis_url="${REDIS_URL:-redis://localhost:6379}"
if command -v redis-cli >/dev/null && ! redis-cli -u "$redis_url" ping >/dev/null 2>&1; then
  echo "multibot: Redis (REDIS_URL) does not answer; the servers start but report not ready." >&2
  echo "multibot: start one with 'redis-server' (see README, Troubleshooting)." >&2
fi

trap 'echo; echo "multibot: stopping ..."; stop_servers; kill "${tail_pid:-}" 2>/dev/null; exit 0' INT TERM

for server in "${SERVERS[@]}"; do : > "$(log_of "$server")" 2>/dev/null || true; done
echo "multibot: starting both servers (database: ${DB_KIND}, data: $MULTIBOT_DATA_DIR) ..."

# Liberty's `server start` sometimes answers 22 ("status unknown") for a server that did start,
# so a failed start is checked against the server itself before giving up.
started() {
  local url="http://localhost:$1/health/started"
  for _ in $(seq 1 90); do
    if command -v curl >/dev/null; then
      curl -sf "$url" >/dev/null 2>&1 && return 0
    elif port_busy "$1"; then
      return 0
    fi
    sleep 1
  done
  return 1
}
start_server() {
  local module=$1 port=$2
  if ! "${MVNW[@]}" -q -pl "$module" liberty:create liberty:deploy liberty:start -Ddb.kind="$DB_KIND"; then
    echo "multibot: the Liberty plugin reported a failed start of $module; checking the server itself" >&2
  fi
  if ! started "$port"; then
    echo "multibot: $module did not start; see $(log_of "$module")" >&2
    stop_servers
    exit 1
  fi
}
start_server management-server "${MANAGEMENT_HTTP_PORT:-9080}"
start_server trading-gateway "${GATEWAY_HTTP_PORT:-9081}"

if [[ "${MULTIBOT_DEMO:-}" == 1 ]]; then
  "$ROOT/scripts/demo-fleet.sh" || echo "multibot: the demo fleet was not set up (see above)" >&2
fi
echo "multibot: management-server http://localhost:${MANAGEMENT_HTTP_PORT:-9080}/openapi/ui" \
  " trading-gateway http://localhost:${GATEWAY_HTTP_PORT:-9081}/health/ready  (Ctrl-C stops both)"
tail -n +1 -F "$(log_of management-server)" "$(log_of trading-gateway)" &
tail_pid=$!
wait "$tail_pid"
