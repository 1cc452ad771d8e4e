#!/usr/bin/env bash
# Builds Multibot and runs both servers in the foreground on embedded defaults:
#   management-server  http://localhost:${MANAGEMENT_HTTP_PORT:-9080}
#   trading-gateway    http://localhost:${GATEWAY_HTTP_PORT:-9081}
# The environment (REDIS_URL, DATABASE_URL, ...) is passed through to both. Ctrl-C stops both.
# The console is at http://localhost:${MANAGEMENT_HTTP_PORT:-9080}/. The servers' logs stay in files
# (`make logs` follows them); the terminal shows a short banner with the URLs and how to sign in.
# Without REDIS_URL and with nothing answering on localhost:6379, a private append-only redis-server
# runs in the data directory for as long as the servers do.
# MULTIBOT_DEMO=1 (`make run DEMO=1`): also registers and starts four simulated bots
# (scripts/demo-fleet.sh); the admin's password is then MULTIBOT_ADMIN_PASSWORD, by default
# "multibot-demo-admin" on a new database.
# `scripts/run-local.sh stop` stops servers (and the private Redis) left by an interrupted run;
# `scripts/run-local.sh logs` follows the servers' logs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MVNW=("$ROOT/mvnw" -B --no-transfer-progress)
SERVERS=(management-server trading-gateway)

wlp() { echo "$ROOT/$1/target/liberty/wlp"; }
log_of() { echo "$(wlp "$1")/usr/servers/$1/logs/messages.log"; }
DATA_DIR="${MULTIBOT_DATA_DIR:-$ROOT/data}"
RUN_LOGS="$DATA_DIR/logs"
REDIS_DIR="$DATA_DIR/redis"

stop_private_redis() {
  if [[ -f "$REDIS_DIR/redis.pid" ]]; then
    redis-cli -p 6379 shutdown >/dev/null 2>&1 \
      || kill "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null || true
    rm -f "$REDIS_DIR/redis.pid"
  fi
}

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
  stop_private_redis
  echo "multibot: both servers stopped."
  exit 0
fi
if [[ "${1:-}" == "logs" ]]; then
  exec tail -n 50 -F "$(log_of management-server)" "$(log_of trading-gateway)"
fi

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "${MANAGEMENT_HTTP_PORT:-9080}" "${GATEWAY_HTTP_PORT:-9081}"; do
  if port_busy "$port"; then
    echo "multibot: port $port is already in use (another Multibot? run 'make stop')." >&2
    exit 1
  fi
done

mkdir -p "$RUN_LOGS"
echo "multibot: building (no tests; output in $RUN_LOGS/build.log) ..."
if ! "${MVNW[@]}" install -DskipTests -Dlint.skip=true >"$RUN_LOGS/build.log" 2>&1; then
  tail -n 40 "$RUN_LOGS/build.log" >&2
  echo "multibot: the build failed; the whole output is in $RUN_LOGS/build.log" >&2
  exit 1
fi

# Checks REDIS_URL and DATABASE_URL and turns DATABASE_URL into Liberty's DB_* variables.
# A malformed URL prints one line naming the variable, and nothing starts.
launch_env="$(java -cp "$ROOT/common/target/classes" io.multibot.common.config.LaunchEnvironment)" || exit 2
eval "$launch_env"
export MULTIBOT_DATA_DIR="$DATA_DIR"
mkdir -p "$MULTIBOT_DATA_DIR"

if [[ "${MULTIBOT_DEMO:-}" == 1 ]]; then
  export MULTIBOT_ADMIN_PASSWORD="${MULTIBOT_ADMIN_PASSWORD:-multibot-demo-admin}"
fi

# Managed bots: freqtrade when it is installed, otherwise the simulator this build produced.
if [[ -z "${BOT_RUNTIME_COMMAND:-}" ]] && ! command -v freqtrade >/dev/null; then
  export BOT_RUNTIME_COMMAND="$(command -v java) -jar $ROOT/freqtrade-simulator/target/freqtrade-simulator.jar"
  echo "multibot: freqtrade is not installed; managed bots run the simulator (BOT_RUNTIME_COMMAND)."
fi

# Redis: REDIS_URL when it is set; else whatever answers on localhost:6379; else a private,
# append-only redis-server in the data directory (its data survives restarts), stopped with the servers.
redis_note="REDIS_URL"
if [[ -z "${REDIS_URL:-}" ]]; then
  if command -v redis-cli >/dev/null && redis-cli -p 6379 ping 2>/dev/null | grep -q PONG; then
    redis_note="the Redis on localhost:6379"
  elif port_busy 6379; then
    echo "multibot: something that is not Redis listens on port 6379; set REDIS_URL" >&2
    exit 1
  else
    if ! command -v redis-server >/dev/null; then
      if [[ "$(id -u)" == 0 ]] || sudo -n true 2>/dev/null; then
        echo "multibot: installing redis-server (as 'make services' does) ..."
        "$ROOT/scripts/ensure-services.sh" >"$RUN_LOGS/services.log" 2>&1 || true
      fi
      command -v redis-server >/dev/null || {
        echo "multibot: Redis is needed: install it (sudo apt-get install redis-server, or 'make services')" >&2
        echo "multibot: or point REDIS_URL at one (REDIS_URL=redis://host:6379 make run)" >&2
        exit 1
      }
    fi
    mkdir -p "$REDIS_DIR"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --appendonly yes --dir "$REDIS_DIR" \
      --pidfile "$REDIS_DIR/redis.pid" --logfile "$RUN_LOGS/redis.log" >/dev/null
    for _ in $(seq 1 50); do redis-cli -p 6379 ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
    redis_note="private, append-only, in $REDIS_DIR (stopped with the servers)"
  fi
elif command -v redis-cli >/dev/null && ! redis-cli -u "$REDIS_URL" ping >/dev/null 2>&1; then
  echo "multibot: REDIS_URL does not answer; the servers start but report not ready." >&2
fi

trap 'echo; echo "multibot: stopping ..."; stop_servers; stop_private_redis; kill "${wait_pid:-}" 2>/dev/null; exit 0' INT TERM

# A server directory must be made by Liberty's `server create` (through liberty:create), which
# also writes server.env with the keystore password the access tokens are signed with: the plugin
# skips creating a server whose directory exists, so nothing may make that directory first (making
# its log directory here once did, and on a fresh clone every sign-in failed with a 500). A
# directory without server.env is left from such a start: it is removed and created anew.
for server in "${SERVERS[@]}"; do
  server_dir="$(wlp "$server")/usr/servers/$server"
  if [[ -d "$server_dir" && ! -f "$server_dir/server.env" ]]; then
    rm -rf "$server_dir"
  fi
  if [[ -f "$(log_of "$server")" ]]; then
    : >"$(log_of "$server")"
  fi
done
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
  if ! "${MVNW[@]}" -q -pl "$module" liberty:create liberty:deploy liberty:start -Ddb.kind="$DB_KIND" \
    >"$RUN_LOGS/start-$module.log" 2>&1; then
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

demo_note=""
if [[ "${MULTIBOT_DEMO:-}" == 1 ]]; then
  if "$ROOT/scripts/demo-fleet.sh" >"$RUN_LOGS/demo.log" 2>&1; then
    demo_note="#/fleet?tag=demo"
  else
    echo "multibot: the demo fleet was not set up: $(tail -n 1 "$RUN_LOGS/demo.log")" >&2
  fi
fi

# How to sign in: the password the environment chose, or the one-time one management generated.
admin_note="admin, with the password in MULTIBOT_ADMIN_PASSWORD"
if [[ "${MULTIBOT_DEMO:-}" == 1 && "${MULTIBOT_ADMIN_PASSWORD:-}" == multibot-demo-admin ]]; then
  admin_note="admin / multibot-demo-admin  (the demo's password, on a new database)"
elif [[ -z "${MULTIBOT_ADMIN_PASSWORD:-}" ]]; then
  one_time="$(sed -n "s/.*with the one-time password \([^ ]*\) .*/\1/p" "$(log_of management-server)" | tail -n 1)"
  if [[ -n "$one_time" ]]; then
    admin_note="admin / $one_time  (one-time: the console asks for a new password)"
  else
    admin_note="admin, with the password you chose (the one-time password is shown on the first run only)"
  fi
fi
m="http://localhost:${MANAGEMENT_HTTP_PORT:-9080}"
cat <<BANNER

  Multibot is running (database: ${DB_KIND}, data: $MULTIBOT_DATA_DIR)
    Console    $m/${demo_note}
    Sign in    $admin_note
    API docs   $m/openapi/ui
    Gateway    http://localhost:${GATEWAY_HTTP_PORT:-9081}/health/ready
    Redis      $redis_note
    Logs       make logs   ($(log_of management-server), $(log_of trading-gateway))
  Ctrl-C stops both servers.

BANNER
sleep infinity &
wait_pid=$!
wait "$wait_pid"
