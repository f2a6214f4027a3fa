#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK and Node.js; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; fi
bash scripts/ensure-postgres.sh
bash scripts/ensure-chromium.sh
