#!/usr/bin/env bash
# Runs cfn-lint over every template of every deploy-plan.json under the given folders (a compile's output, the
# golden cases), each template checked against the region its stack deploys to (the plan's "region").
# Zero errors and zero warnings; accepted findings are listed with their reason in checks/cfn-lint-exceptions.txt.
# cfn-lint is a machine prerequisite (preinstalled on CI machines); this script never installs it.
# Exit 0 when clean, 1 on findings, 2 on usage or setup errors.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: scripts/check-cfn-lint.sh <folder with */deploy-plan.json>..." >&2
  exit 2
fi
if ! command -v cfn-lint >/dev/null; then
  echo "check-cfn-lint: cfn-lint is not installed on this machine. It is a prerequisite of the checks (CI machines have it preinstalled); install it from your system's packages, this project does not install it." >&2
  exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
exceptions=$root/checks/cfn-lint-exceptions.txt
trim() { local s=$1; s=${s#"${s%%[![:space:]]*}"}; echo "${s%"${s##*[![:space:]]}"}"; }

declare -a except_rule except_pattern except_used
while IFS='|' read -r rule pattern reason; do
  rule=$(trim "$rule"); pattern=$(trim "$pattern"); reason=$(trim "$reason")
  [[ -z $rule || $rule == \#* ]] && continue
  if [[ ! $rule =~ ^[EWI][0-9]{4}$ || -z $pattern || -z $reason ]]; then
    echo "check-cfn-lint: bad exception line for '$rule' in $exceptions (rule | message regex | reason)" >&2
    exit 2
  fi
  except_rule+=("$rule"); except_pattern+=("$pattern"); except_used+=(0)
done < "$exceptions"

# "<region>\t<template path>" for every deployStack step of every plan under the folders.
listing=$(node -e '
  const { readFileSync, readdirSync, statSync } = require("node:fs");
  const { join, dirname } = require("node:path");
  const plans = [];
  const walk = (d) => { for (const n of readdirSync(d).sort()) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else if (n === "deploy-plan.json") plans.push(p); } };
  process.argv.slice(1).forEach(walk);
  if (plans.length === 0) { console.error("check-cfn-lint: no deploy-plan.json under " + process.argv.slice(1).join(" ")); process.exit(2); }
  for (const plan of plans) {
    for (const step of JSON.parse(readFileSync(plan, "utf8")).steps.filter((s) => s.step === "deployStack")) {
      console.log(step.region + "\t" + join(dirname(plan), step.template));
    }
  }' "$@")

mapfile -t regions < <(cut -f1 <<<"$listing" | sort -u)
findings=0
checked=0
for region in "${regions[@]}"; do
  mapfile -t templates < <(awk -F'\t' -v r="$region" '$1 == r { print $2 }' <<<"$listing")
  checked=$((checked + ${#templates[@]}))
  set +e
  output=$(cfn-lint --format parseable --regions "$region" -- "${templates[@]}" 2>&1)
  status=$?
  set -e
  # Exit codes are a bit mask: 2 errors, 4 warnings, 8 informational; anything else is cfn-lint failing to run.
  if (( status & ~14 )); then
    echo "check-cfn-lint: cfn-lint failed (exit $status) for $region:" >&2
    echo "$output" >&2
    exit 2
  fi
  while IFS= read -r line; do
    [[ -z $line ]] && continue
    # path:line:col:endline:endcol:RULE:message
    rule=$(cut -d: -f6 <<<"$line")
    message=$(cut -d: -f7- <<<"$line")
    excepted=0
    for i in "${!except_rule[@]}"; do
      if [[ $rule == "${except_rule[$i]}" ]] && grep -Eq -- "${except_pattern[$i]}" <<<"$message"; then
        excepted=1; except_used[i]=1; break
      fi
    done
    if (( !excepted )); then
      echo "$region: $line"
      findings=$((findings + 1))
    fi
  done <<<"$output"
done

for i in "${!except_rule[@]}"; do
  if (( !except_used[i] )); then
    echo "check-cfn-lint: the exception '${except_rule[$i]} | ${except_pattern[$i]}' matched nothing: remove it from $exceptions" >&2
    findings=$((findings + 1))
  fi
done

echo "check-cfn-lint: $checked templates in ${#regions[@]} region(s), $findings finding(s)"
[[ $findings -eq 0 ]] || exit 1
