#!/usr/bin/env bash
# Compiles the sample into a scratch folder and writes the architecture page from `trilho diagram`.
# usage: scripts/generate-diagram.sh [page]   (default: docs/architecture-diagram.md)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
page=${1:-$root/docs/architecture-diagram.md}
configuration=${CONFIGURATION:-Debug}
cli=$root/src/Compiler.Cli/bin/$configuration/net10.0/trilho.dll
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

dotnet build "$root/src/Compiler.Cli" -c "$configuration" --nologo -v q > /dev/null
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
dotnet "$cli" compile "$root/samples/desafio-aws/platform.yaml" --out "$scratch/out" > /dev/null

{
  echo "# Architecture diagram of the sample (generated)"
  echo
  echo "Regenerate with \`bash scripts/generate-diagram.sh\`; CI fails when this page differs from what the compiler emits."
  echo
  echo "Drawn by \`trilho diagram out/<env>\` from [samples/desafio-aws/platform.yaml](../samples/desafio-aws/platform.yaml)'s"
  echo "compiled output only: one box per stack in deploy order (with its region), the notable resources by CloudFormation"
  echo "type (×N when a stack has several), solid arrows for the request path (resolved through \`Ref\`, \`Fn::GetAtt\` and the"
  echo "plan's parameter wiring), dotted arrows for images, DNS records and the outputs the deploy plan passes between stacks."
  echo "The hand-drawn overview with the reasons is in [architecture.md](architecture.md)."
  for environment in prod dev; do
    echo
    echo "## $environment"
    echo
    echo '```mermaid'
    dotnet "$cli" diagram "$scratch/out/$environment"
    echo '```'
  done
} > "$page.tmp"
mv "$page.tmp" "$page"
echo "generate-diagram: wrote $page"
