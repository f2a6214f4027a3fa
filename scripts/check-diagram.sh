#!/usr/bin/env bash
# Fails when docs/architecture-diagram.md is not what scripts/generate-diagram.sh writes from the current compiler.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT
bash "$root/scripts/generate-diagram.sh" "$fresh" > /dev/null
if ! diff -u "$root/docs/architecture-diagram.md" "$fresh"; then
  echo "check-diagram: docs/architecture-diagram.md is stale; regenerate with: bash scripts/generate-diagram.sh" >&2
  exit 1
fi
echo "check-diagram: docs/architecture-diagram.md is current"
