#!/usr/bin/env bash
# Runs every test: Trilho's unit, golden, requirement and build tests, the template checkers and the
# sample apps' tests. Needs PostgreSQL and Chromium (scripts/ensure-tools.sh installs them).
set -uo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
passed=0
failed=0

count_trx() {
  local counters
  for trx in "$results"/trx/*.trx; do
    [ -f "$trx" ] || continue
    counters=$(grep -ho '<Counters [^>]*>' "$trx" | head -n1)
    passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
    failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
  done
}

echo "== Trilho tests (dotnet test Trilho.sln)"
if ! dotnet test Trilho.sln -c Release --nologo --logger "trx" --results-directory "$results/trx"; then
  failed=$((failed + 1))
fi
count_trx

echo "== sample apps (scripts/test-apps.sh)"
apps_summary=$(bash scripts/test-apps.sh | tee /dev/stderr | tail -n1)
if [[ $apps_summary =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
  passed=$((passed + BASH_REMATCH[1]))
  failed=$((failed + BASH_REMATCH[2]))
else
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
