#!/usr/bin/env bash
# Installs a folder's npm packages with `npm ci` when its node_modules is missing or was installed from another
# package-lock.json; otherwise does nothing (npm ci would delete and reinstall everything on each run).
# Usage: scripts/ensure-node-modules.sh <folder with package-lock.json>
set -euo pipefail

folder=${1:?usage: ensure-node-modules.sh <folder with package-lock.json>}
lock="$folder/package-lock.json"
# A copy of the lockfile node_modules was installed from; npm ci removes node_modules, so a failed or interrupted
# install leaves no copy behind and the next run installs again.
installed="$folder/node_modules/.trilho-installed-package-lock.json"

if [ -f "$installed" ] && cmp -s "$lock" "$installed"; then
  echo "ensure-node-modules: $folder/node_modules is installed from its package-lock.json"
  exit 0
fi
echo "ensure-node-modules: npm ci in $folder (node_modules missing or installed from another package-lock.json)"
(cd "$folder" && npm ci --no-audit --no-fund --loglevel=error)
# npm creates no node_modules for a lockfile without packages.
mkdir -p "$folder/node_modules"
cp "$lock" "$installed"
