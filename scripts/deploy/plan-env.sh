#!/usr/bin/env bash
# Prints what a workflow needs from a deploy plan as key=value lines (for $GITHUB_OUTPUT): account, region
# (of the environment's shared stack), prefix (<platform>-<env>, which starts every stack and role name).
set -euo pipefail
plan=${1:?usage: plan-env.sh <deploy-plan.json>}
node - "$plan" <<'JS'
const plan = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'));
const prefix = `${plan.platform}-${plan.environment}`;
const shared = plan.steps.find((s) => s.step === 'deployStack' && s.stack === `${prefix}-shared`);
if (!shared) throw new Error(`${process.argv[2]}: no ${prefix}-shared stack`);
console.log(`account=${plan.account}`);
console.log(`region=${shared.region}`);
console.log(`prefix=${prefix}`);
JS
