#!/usr/bin/env bash
# Makes this machine ready for scripts/test.sh (the README's test command runs this first). Checks what the project
# never installs (the .NET SDK, Node.js with npm, cfn-lint), then installs or starts only what is missing, saying so:
# a PostgreSQL server (scripts/ensure-postgres.sh), Chromium (scripts/ensure-chromium.sh) and the npm packages
# (scripts/ensure-node-modules.sh). Safe to run again: on a ready machine it changes nothing, needs no root and takes
# seconds (it prints how long it took). Installing uses Debian's apt-get as root, or through sudo when not root.
set -euo pipefail
cd "$(dirname "$0")/.."

# A dot in EPOCHREALTIME whatever the locale, for the arithmetic below.
export LC_NUMERIC=C
started=${EPOCHREALTIME:-$SECONDS}

missing=()
for tool in dotnet node npm cfn-lint; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ "${#missing[@]}" -gt 0 ]; then
  # cfn-lint is preinstalled on the project's machines and pinned in ci.yml; nothing here installs it from PyPI.
  echo "ensure-tools: missing ${missing[*]}: install the .NET SDK of global.json, Node.js 20 with npm, and cfn-lint (the system's package, or pip in a venv), then run this again" >&2
  exit 1
fi

# The database first: other work on this machine may be waiting for it while npm downloads.
bash scripts/ensure-postgres.sh
bash scripts/ensure-chromium.sh
bash scripts/ensure-node-modules.sh .
bash scripts/ensure-node-modules.sh samples/desafio-aws/apps/frontend/tests

ended=${EPOCHREALTIME:-$SECONDS}
echo "ensure-tools: ready in $(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.1f", b - a }')s"
