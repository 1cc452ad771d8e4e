#!/usr/bin/env bash
# Validates GitHub Actions workflows against the official schema, offline, with
# @action-validator/cli 0.6.0 (installed with npm into .tools/ on first use).
#   scripts/validate-workflows.sh              every .github/workflows/*.yml
#   scripts/validate-workflows.sh FILE...      these files
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools/action-validator"
VALIDATOR="$TOOLS/node_modules/.bin/action-validator"

if [[ ! -x "$VALIDATOR" ]]; then
  command -v npm >/dev/null || { echo "validate-workflows: npm is needed (Node 20)" >&2; exit 3; }
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent @action-validator/cli@0.6.0 >&2
fi

if (($# == 0)); then
  set -- "$ROOT"/.github/workflows/*.yml
fi
status=0
for workflow in "$@"; do
  if "$VALIDATOR" "$workflow"; then
    echo "validate-workflows: ${workflow#"$ROOT"/} is valid"
  else
    echo "validate-workflows: ${workflow#"$ROOT"/} is NOT valid" >&2
    status=1
  fi
done
exit "$status"
