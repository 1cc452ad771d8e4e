#!/usr/bin/env bash
# A private redis-server for integration tests that stop and restart Redis in the middle of a run
# (the trading-gateway module's servers use it, so the shared Redis on 6379 is never touched).
# Append-only persistence in DIR, so a stop and a start lose nothing that was written before.
#
#   scripts/it-redis.sh start PORT DIR   start it (a leftover one on PORT is shut down first)
#   scripts/it-redis.sh stop PORT        shut it down (SHUTDOWN: the append-only file is flushed)
set -euo pipefail

action=${1:?start|stop}
port=${2:?port}

running() { redis-cli -p "$port" ping >/dev/null 2>&1; }
# Answers PONG: not only listening, but done loading its append-only file (before that every
# command gets "LOADING Redis is loading the dataset in memory").
ready() { [ "$(redis-cli -p "$port" ping 2>/dev/null)" = PONG ]; }

stop() {
  if running; then
    redis-cli -p "$port" shutdown >/dev/null 2>&1 || true
  fi
  for _ in $(seq 1 100); do
    running || return 0
    sleep 0.1
  done
  echo "redis-server on port $port did not stop" >&2
  return 1
}

case "$action" in
  start)
    dir=${3:?dir}
    stop
    mkdir -p "$dir"
    redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" \
      --appendonly yes --appendfsync everysec --save "" \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
    for _ in $(seq 1 300); do
      ready && exit 0
      sleep 0.1
    done
    echo "redis-server did not start on port $port (see $dir/redis.log)" >&2
    exit 1
    ;;
  stop) stop ;;
  *)
    echo "usage: $0 start PORT DIR | stop PORT" >&2
    exit 2
    ;;
esac
