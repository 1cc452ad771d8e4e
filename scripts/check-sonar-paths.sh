#!/usr/bin/env bash
# Fails when sonar-project.properties names a path that does not exist (run after a full build).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

missing=0
while IFS='=' read -r key value; do
  case "$key" in
    *.sources | *.tests | *.binaries | *.reportPaths | *.xmlReportPaths) ;;
    *) continue ;;
  esac
  module="${key%%.sonar.*}"
  [[ "$module" == "$key" || "$module" == sonar* ]] && base="." || base="$module"
  IFS=',' read -ra paths <<<"$value"
  for path in "${paths[@]}"; do
    if [[ ! -e "$base/$path" ]]; then
      echo "sonar-project.properties: $key names $base/$path, which does not exist" >&2
      missing=$((missing + 1))
    fi
  done
done < <(grep -E '^[a-z].*=' sonar-project.properties)

if ((missing > 0)); then exit 1; fi
echo "sonar-project.properties: every path exists."
