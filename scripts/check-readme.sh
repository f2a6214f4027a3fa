#!/usr/bin/env bash
# Runs every command of README.md's ```sh blocks from the repository root, so the README stays true.
# The test command itself (scripts/test.sh) is skipped: this script runs inside it.
set -euo pipefail
cd "$(dirname "$0")/.."

commands=$(awk '/^```sh$/ {inside = 1; next} /^```/ {inside = 0} inside && NF && !/^#/' README.md | grep -v 'scripts/test.sh' || true)
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
