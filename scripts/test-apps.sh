#!/usr/bin/env bash
# Runs the sample apps' tests: the backend's xunit tests and the frontend's browser tests, both against a
# real PostgreSQL (TRILHO_TEST_PG, default Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres)
# and, for the browser tests, Chromium (CHROMIUM_PATH, default /usr/bin/chromium). It first makes sure of them and
# of the browser tests' npm packages (scripts/ensure-*.sh: each does nothing when its tool is ready).
# Exits non-zero if any suite fails; the last line is "N passed, N failed".
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
apps="$repo/samples/desafio-aws/apps"
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

passed=0
failed=0
status=0

echo "== PostgreSQL, Chromium and npm packages for the tests"
if ! { bash "$repo/scripts/ensure-postgres.sh" && bash "$repo/scripts/ensure-chromium.sh" &&
  bash "$repo/scripts/ensure-node-modules.sh" "$apps/frontend/tests"; }; then
  echo "test-apps: the tests' tools are not ready (see above)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== backend tests (dotnet test)"
if ! dotnet test "$apps/backend.tests" --logger "trx;LogFileName=results.trx" --results-directory "$logs/trx" 2>&1 | tee "$logs/dotnet.log"; then
  status=1
fi
# Counts from the TRX summary: <Counters total=".." executed=".." passed=".." failed=".." ...>
if counters="$(grep -ho '<Counters [^>]*>' "$logs"/trx/*.trx 2>/dev/null | head -n1)" && [ -n "$counters" ]; then
  passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
  failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
else
  echo "test-apps: no backend test results found" >&2
  failed=$((failed + 1))
  status=1
fi

echo "== frontend browser tests (node --test)"
(
  cd "$apps/frontend/tests" &&
    node --test --test-concurrency=1 --test-reporter=spec --test-reporter=tap --test-reporter-destination=stdout --test-reporter-destination="$logs/node.tap"
) 2>&1 || status=1
if [ -s "$logs/node.tap" ]; then
  passed=$((passed + $(grep -E '^# pass ' "$logs/node.tap" | awk '{s+=$3} END {print s+0}')))
  failed=$((failed + $(grep -E '^# fail ' "$logs/node.tap" | awk '{s+=$3} END {print s+0}')))
else
  echo "test-apps: no browser test results found" >&2
  failed=$((failed + 1))
  status=1
fi

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A suite failed without a failing test (build error, npm ci error, crash): still report a failure.
  failed=1
fi
echo "$passed passed, $failed failed"
exit "$status"
