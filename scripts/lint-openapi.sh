#!/usr/bin/env bash
# Lints OpenAPI documents with Redocly CLI 2.77.0 (installed with npm into .tools/ on first use)
# and the repository's redocly.yaml: the recommended rules, every warning an error.
#   scripts/lint-openapi.sh FILE...
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools/redocly"
REDOCLY="$TOOLS/node_modules/.bin/redocly"

if [[ ! -x "$REDOCLY" ]]; then
  command -v npm >/dev/null || { echo "lint-openapi: npm is needed (Node 20)" >&2; exit 3; }
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent @redocly/cli@2.77.0 >&2
fi
(($# > 0)) || { echo "usage: scripts/lint-openapi.sh FILE..." >&2; exit 2; }
# Redocly prints a Node.js deprecation banner on Node 20; the lint result is what matters.
REDOCLY_SUPPRESS_UPDATE_NOTICE=true REDOCLY_TELEMETRY=off \
  "$REDOCLY" lint --config "$ROOT/redocly.yaml" --format=stylish "$@"
