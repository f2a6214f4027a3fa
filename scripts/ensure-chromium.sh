#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (playwright-core drives /usr/bin/chromium; it never
# downloads a browser of its own). Idempotent: does nothing when /usr/bin/chromium exists.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "ensure-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo 'present at /usr/bin/chromium')"
  exit 0
fi
echo "ensure-chromium: installing chromium"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
