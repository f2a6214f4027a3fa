#!/usr/bin/env bash
# Runs cfn-guard with the AWS Control Tower proactive rules over every *.template.json under a folder.
# Rules excepted in checks/cfn-guard-exceptions.txt are left out (for the templates their glob matches).
# Exit 0 when every template complies, 1 when one does not, 2 on usage or setup errors.
set -euo pipefail

if [[ $# -ne 1 || ! -d $1 ]]; then
  echo "usage: scripts/check-templates.sh <folder with *.template.json>" >&2
  exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
package=$root/node_modules/@cdklabs/cdk-validator-cfnguard
guard=$package/bin/ubuntu/x86_64/cfn-guard
rules=$package/rules/control-tower/cfn-guard
exceptions=$root/checks/cfn-guard-exceptions.txt
if [[ ! -x $guard ]]; then
  echo "check-templates: $guard not found: run 'npm ci' in $root first" >&2
  exit 2
fi

trim() { local s=$1; s=${s#"${s%%[![:space:]]*}"}; echo "${s%"${s##*[![:space:]]}"}"; }

# Exceptions: rule file | template glob | reason. A stale or reasonless line is an error, not a silent skip.
declare -a except_rule except_glob
while IFS='|' read -r rule glob reason; do
  rule=$(trim "$rule"); glob=$(trim "$glob"); reason=$(trim "$reason")
  [[ -z $rule || $rule == \#* ]] && continue
  if [[ ! -f $rules/$rule || -z $glob || -z $reason ]]; then
    echo "check-templates: bad exception line for '$rule' in $exceptions (missing rule file, glob or reason)" >&2
    exit 2
  fi
  except_rule+=("$rule"); except_glob+=("$glob")
done < "$exceptions"

mapfile -t all_rules < <(cd "$rules" && find . -name '*.guard' | sed 's|^\./||' | sort)
mapfile -t templates < <(find "$1" -name '*.template.json' | sort)
if [[ ${#templates[@]} -eq 0 ]]; then
  echo "check-templates: no *.template.json under $1" >&2
  exit 2
fi

report=$(mktemp)
trap 'rm -f "$report"' EXIT
failed=0
for template in "${templates[@]}"; do
  name=$(basename "$template")
  args=()
  skipped=0
  for rule in "${all_rules[@]}"; do
    excepted=0
    for i in "${!except_rule[@]}"; do
      # shellcheck disable=SC2053 # the glob is meant to match
      if [[ ${except_rule[$i]} == "$rule" && $name == ${except_glob[$i]} ]]; then excepted=1; fi
    done
    if [[ $excepted -eq 1 ]]; then skipped=$((skipped + 1)); else args+=(-r "$rules/$rule"); fi
  done

  set +e
  "$guard" validate -d "$template" "${args[@]}" -z -S none -o json > "$report"
  code=$?
  set -e
  case $code in
    0) echo "PASS $template ($(( ${#all_rules[@]} - skipped )) rules, $skipped excepted)" ;;
    19)
      failed=1
      echo "FAIL $template"
      node -e '
        const report = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        const found = new Map();
        const walk = (node, control) => {
          if (Array.isArray(node)) { node.forEach(n => walk(n, control)); return; }
          if (!node || typeof node !== "object") return;
          const message = node.messages && node.messages.custom_message;
          const id = message && /\[(CT\.[A-Z0-9.]+)\]:([^\n]*)/.exec(message);
          if (id) control = id[1] + ":" + id[2];
          if (typeof node.path === "string" && node.path.startsWith("/Resources/") && control) {
            if (!found.has(control)) found.set(control, new Set());
            found.get(control).add(node.path.split("/")[2]);
          }
          Object.values(node).forEach(v => walk(v, control));
        };
        report.forEach(doc => (doc.not_compliant || []).forEach(r => walk(r, r.Rule && r.Rule.name)));
        for (const [control, resources] of [...found].sort()) console.log("  " + control + "\n    " + [...resources].sort().join(", "));
      ' "$report"
      ;;
    *) echo "check-templates: cfn-guard failed with exit code $code on $template" >&2; exit 2 ;;
  esac
done

if [[ $failed -ne 0 ]]; then
  echo "check-templates: non-compliant templates (fix them, or add a justified line to checks/cfn-guard-exceptions.txt)"
  exit 1
fi
echo "check-templates: ${#templates[@]} templates compliant"
