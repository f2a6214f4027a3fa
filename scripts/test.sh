#!/usr/bin/env bash
# Runs every test: .NET unit, golden and requirement tests, template checkers, sample apps.
set -uo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

passed=0
failed=0
step() {
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name" >&2; fi
}

step "dotnet tests" dotnet test Trilho.sln -c Release --nologo

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
