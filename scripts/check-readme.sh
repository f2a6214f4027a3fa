#!/usr/bin/env bash
# Runs every command of README.md's ```sh blocks from the repository root, so the README stays true.
# The test command itself (scripts/test.sh) is skipped: this script runs inside it; it must be what .ci/run runs.
set -euo pipefail
cd "$(dirname "$0")/.."

all=$(awk '/^```sh$/ {inside = 1; next} /^```/ {inside = 0} inside && NF && !/^#/' README.md)

# CI runs what a newcomer runs: .ci/run's last command is the README's test command, character for character.
test_command=$(grep 'scripts/test.sh' <<< "$all" || true)
ci_command=$(grep -v '^[[:space:]]*\(#\|$\)' .ci/run | tail -n1)
if [ -z "$test_command" ] || [ "$ci_command" != "$test_command" ]; then
  echo "check-readme: .ci/run ends with '$ci_command', README.md's test command is '$test_command'" >&2
  exit 1
fi

commands=$(grep -v 'scripts/test.sh' <<< "$all" || true)
if [ -z "$commands" ]; then
  echo "check-readme: README.md has no sh commands" >&2
  exit 1
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch" out' EXIT
while IFS= read -r command; do
  echo "check-readme: $command"
  if ! bash -c "$command" > "$scratch/output" 2>&1; then
    cat "$scratch/output" >&2
    echo "check-readme: failed: $command" >&2
    exit 1
  fi
done <<< "$commands"
echo "check-readme: $(wc -l <<< "$commands") commands ran"
