#!/usr/bin/env bash
# Makes sure the services the integration tests use answer on this machine:
#   Redis       127.0.0.1:6379 (no persistence needed), and the redis-server program itself
#   PostgreSQL  127.0.0.1:5432, database "test", user postgres without a password (trust on loopback)
# Starts them when installed but stopped; installs them with apt (Debian/Ubuntu) when missing.
set -euo pipefail

as_root() { if [[ "$(id -u)" == 0 ]]; then "$@"; else sudo "$@"; fi; }
apt_updated=false
apt_install() {
  if ! $apt_updated; then as_root apt-get update -qq; apt_updated=true; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
wait_for() {
  local what=$1; shift
  for _ in $(seq 1 30); do "$@" && return 0; sleep 1; done
  echo "ensure-services: $what did not come up" >&2
  return 1
}

redis_answers() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
# The trading-gateway tests also run a private redis-server of their own (scripts/it-redis.sh).
command -v redis-server >/dev/null || { echo "ensure-services: installing Redis"; apt_install redis-server; }
if ! command -v redis-cli >/dev/null || ! redis_answers; then
  command -v redis-server >/dev/null || { echo "ensure-services: installing Redis"; apt_install redis-server; }
  if ! redis_answers; then
    echo "ensure-services: starting Redis on 127.0.0.1:6379"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /tmp
  fi
  wait_for Redis redis_answers
fi

# The workflow check (scripts/validate-workflows.sh, run by the delivery tests) installs its validator
# with npm.
# The console (console/) is built with npm, and its browser tests drive Debian's Chromium through
# chromedriver (nodejs.org, where Maven's Node plugins download Node from, is not reachable here).
command -v npm >/dev/null || { echo "ensure-services: installing Node.js and npm"; apt_install nodejs npm; }
# CHROMIUM_BIN and CHROMEDRIVER_BIN name another browser (GitHub's runners have Google Chrome).
if [[ ! -x "${CHROMIUM_BIN:-/usr/bin/chromium}" || ! -x "${CHROMEDRIVER_BIN:-/usr/bin/chromedriver}" ]]; then
  echo "ensure-services: installing Chromium and chromedriver for the console's browser tests"
  apt_install chromium chromium-driver
fi
# promtool checks and unit-tests the chart's alert rules (delivery's MonitoringPackTest); Debian
# ships it in the prometheus package (the server it also brings is not started here).
command -v "${PROMTOOL:-promtool}" >/dev/null || { echo "ensure-services: installing promtool (prometheus)"; apt_install prometheus; }

pg_answers() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
if ! command -v pg_isready >/dev/null || ! pg_answers; then
  command -v pg_ctlcluster >/dev/null || { echo "ensure-services: installing PostgreSQL"; apt_install postgresql; }
  version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
  if [[ -z "$version" ]]; then
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    as_root pg_createcluster "$version" main >/dev/null
  fi
  echo "ensure-services: starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  wait_for PostgreSQL pg_answers
fi

# The tests connect as postgres without a password to database "test".
if ! psql -h 127.0.0.1 -U postgres -d test -Atc 'select 1' >/dev/null 2>&1; then
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  if ! as_root grep -q '^host all postgres 127.0.0.1/32 trust' "$hba"; then
    echo "ensure-services: allowing postgres on 127.0.0.1 without a password ($hba)"
    as_root sed -i '1i host all postgres 127.0.0.1/32 trust' "$hba"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  fi
  if ! psql -h 127.0.0.1 -U postgres -d postgres -Atc "select 1 from pg_database where datname='test'" | grep -q 1; then
    echo "ensure-services: creating database test"
    psql -h 127.0.0.1 -U postgres -d postgres -qc 'create database test'
  fi
fi
echo "ensure-services: Redis and PostgreSQL answer; npm, Chromium and promtool are installed."
