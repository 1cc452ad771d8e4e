#!/usr/bin/env bash
# Builds Multibot and runs both servers in the foreground on embedded defaults:
#   management-server  http://localhost:${MANAGEMENT_HTTP_PORT:-9080}
#   trading-gateway    http://localhost:${GATEWAY_HTTP_PORT:-9081}
# The environment (REDIS_URL, DATABASE_URL, ...) is passed through to both. Ctrl-C stops both.
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

redis_url="${REDIS_URL:-redis://localhost:6379}"
if command -v redis-cli >/dev/null && ! redis-cli -u "$redis_url" ping >/dev/null 2>&1; then
  echo "multibot: Redis (REDIS_URL) does not answer; the servers start but report not ready." >&2
  echo "multibot: start one with 'redis-server' (see README, Troubleshooting)." >&2
fi

trap 'echo; echo "multibot: stopping ..."; stop_servers; kill "${tail_pid:-}" 2>/dev/null; exit 0' INT TERM

for server in "${SERVERS[@]}"; do : > "$(log_of "$server")" 2>/dev/null || true; done
echo "multibot: starting both servers (database: ${DB_KIND}, data: $MULTIBOT_DATA_DIR) ..."
"${MVNW[@]}" -q -pl management-server,trading-gateway \
  liberty:create liberty:deploy liberty:start -Ddb.kind="$DB_KIND"

echo "multibot: management-server http://localhost:${MANAGEMENT_HTTP_PORT:-9080}/openapi/ui" \
  " trading-gateway http://localhost:${GATEWAY_HTTP_PORT:-9081}/health/ready  (Ctrl-C stops both)"
tail -n +1 -F "$(log_of management-server)" "$(log_of trading-gateway)" &
tail_pid=$!
wait "$tail_pid"
