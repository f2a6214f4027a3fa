#!/usr/bin/env bash
# Runs every test: Trilho's unit, golden, requirement and build tests; the independent checkers over the
# emitted templates; workflow lint and docs checks; the sample apps' tests. The deploy commands' tests (fake aws)
# run with the Trilho tests.
# First scripts/ensure-tools.sh installs or starts what the tests need (npm packages, PostgreSQL, Chromium) when
# it is missing, so this passes on a new machine too; on a ready one that takes seconds.
set -uo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
results="$scratch/results"
# jsii leaves about 64 MB per process in TMPDIR and never cleans up: give it a folder that goes away with this run.
export TMPDIR="$scratch/tmp"
mkdir -p "$results" "$TMPDIR"
passed=0
failed=0

echo "== tools the tests need (scripts/ensure-tools.sh)"
if ! bash scripts/ensure-tools.sh; then
  # Without them dozens of tests would fail for the same reason; say it once instead.
  echo "test: this machine is not ready for the tests (see above)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# A check that is not a test framework counts as one test.
check() {
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name" >&2; fi
}

echo "== Trilho tests (dotnet test Trilho.sln)"
dotnet build Trilho.sln -c Release --nologo -v q || failed=$((failed + 1))
if ! dotnet test Trilho.sln -c Release --no-build --nologo --logger trx --results-directory "$results/trx"; then
  # Failing tests are counted from the results below; this catches a run that produced none.
  ls "$results"/trx/*.trx >/dev/null 2>&1 || failed=$((failed + 1))
fi
for trx in "$results"/trx/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -ho '<Counters [^>]*>' "$trx" | head -n1)
  passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
  failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
done

check "compile the sample" dotnet src/Compiler.Cli/bin/Release/net10.0/trilho.dll compile samples/desafio-aws/platform.yaml --out "$results/out"
check "IAM policy evaluation over the sample's and golden templates (node --test)" env TRILHO_OUT="$results/out" node --test tests/policies/
check "the test scripts' own helpers (node --test tests/scripts/)" node --test tests/scripts/
check "cfn-guard over the sample's templates" bash scripts/check-templates.sh "$results/out"
check "cfn-guard over the golden templates" bash scripts/check-templates.sh tests/Compiler.Emit.Tests/Golden/Cases
check "cfn-lint over the sample's and the golden templates, per stack region" bash scripts/check-cfn-lint.sh "$results/out" tests/Compiler.Emit.Tests/Golden/Cases
check "byte-identical output across processes" env CONFIGURATION=Release bash scripts/check-determinism.sh samples/desafio-aws/platform.yaml
check "workflow lint (actionlint)" bash scripts/lint-workflows.sh
check "architecture diagram is current" bash scripts/check-diagram.sh
check "README commands" bash scripts/check-readme.sh

echo "== sample apps (scripts/test-apps.sh)"
bash scripts/test-apps.sh | tee "$results/apps.log"
apps_summary=$(tail -n1 "$results/apps.log")
if [[ $apps_summary =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
  passed=$((passed + BASH_REMATCH[1]))
  failed=$((failed + BASH_REMATCH[2]))
else
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
