#!/usr/bin/env bash
# Compiles a platform.yaml twice, in two separate processes, and fails unless both outputs are byte-identical.
# usage: scripts/check-determinism.sh <platform.yaml>   (needs a built src/Compiler.Cli)
set -euo pipefail

if [[ $# -ne 1 || ! -f $1 ]]; then
  echo "usage: scripts/check-determinism.sh <platform.yaml>" >&2
  exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cli=$root/src/Compiler.Cli/bin/${CONFIGURATION:-Debug}/net10.0/trilho.dll
if [[ ! -f $cli ]]; then
  echo "check-determinism: $cli not found: build src/Compiler.Cli first" >&2
  exit 2
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
dotnet "$cli" compile "$1" --out "$scratch/first" > /dev/null
dotnet "$cli" compile "$1" --out "$scratch/second" > /dev/null
if ! diff -r "$scratch/first" "$scratch/second"; then
  echo "check-determinism: two compiles of $1 differ" >&2
  exit 1
fi
echo "check-determinism: $(find "$scratch/first" -type f | wc -l) files byte-identical across two processes"
