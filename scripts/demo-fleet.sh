#!/usr/bin/env bash
# Registers and starts a small demo fleet on a running Multibot (`make run DEMO=1` calls this once
# both servers are up): four managed bots running the freqtrade simulator, tagged "demo".
# Idempotent: bots and the strategy that exist already are kept; the fleet is (re)started.
#   API            management API base (default http://localhost:${MANAGEMENT_HTTP_PORT:-9080}/api/v1)
#   ADMIN_PASSWORD the admin's password (default $MULTIBOT_ADMIN_PASSWORD)
set -euo pipefail

API="${API:-http://localhost:${MANAGEMENT_HTTP_PORT:-9080}/api/v1}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-${MULTIBOT_ADMIN_PASSWORD:-}}"
command -v curl >/dev/null || { echo "demo: curl is needed for the demo fleet" >&2; exit 1; }

login=$(curl -s "$API/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\": \"admin\", \"password\": \"$ADMIN_PASSWORD\"}")
token=$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' <<<"$login")
if [[ -z "$token" ]]; then
  echo "demo: cannot sign in as admin (set MULTIBOT_ADMIN_PASSWORD to the admin's password): $login" >&2
  exit 1
fi
call() { # METHOD PATH [BODY] -> prints the HTTP status
  local method=$1 path=$2 body=${3:-}
  curl -s -o /dev/null -w '%{http_code}' -X "$method" "$API$path" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' ${body:+-d "$body"}
}

status=$(call POST /strategies '{"name": "DemoStrategy",
  "source": "class DemoStrategy(IStrategy):\n    timeframe = \"5m\"\n    minimal_roi = {\"0\": 0.02}\n    stoploss = -0.05\n"}')
[[ "$status" == 201 || "$status" == 409 ]] || { echo "demo: storing the strategy answered $status" >&2; exit 1; }

bot() { # NAME SEED PAIRS...
  local name=$1 seed=$2; shift 2
  local pairs; pairs=$(printf '"%s",' "$@"); pairs="[${pairs%,}]"
  call POST /bots "{\"name\": \"$name\", \"tags\": [\"demo\"], \"strategy\": {\"name\": \"DemoStrategy\"},
    \"exchange\": \"binance\", \"stakeCurrency\": \"USDT\", \"stakeAmount\": 50, \"maxOpenTrades\": 3,
    \"timeframe\": \"5m\", \"dryRun\": true, \"pairWhitelist\": $pairs, \"runMode\": \"managed\",
    \"restartPolicy\": \"on-failure\",
    \"config\": {\"dry_run_wallet\": 1000, \"force_entry_enable\": true,
                \"simulator\": {\"seed\": $seed, \"tick_ms\": 2000, \"history_candles\": 288}}}"
}
for spec in "demo-btc 11 BTC/USDT" "demo-eth 12 ETH/USDT" "demo-sol 13 SOL/USDT" \
            "demo-mixed 14 BTC/USDT ETH/USDT SOL/USDT XRP/USDT"; do
  # shellcheck disable=SC2086
  status=$(bot $spec)
  [[ "$status" == 201 || "$status" == 409 ]] || echo "demo: registering ${spec%% *} answered $status" >&2
done

status=$(call POST /commands/bulk '{"type": "start", "selector": {"tags": ["demo"]}}')
echo "demo: four simulated bots tagged \"demo\" registered and starting (bulk start answered $status)."
echo "demo: try  curl -s $API/status -H \"Authorization: Bearer \$TOKEN\""
