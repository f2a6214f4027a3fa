#!/usr/bin/env bash
# Makes a Chromium available for the frontend's browser tests, which drive it through playwright-core and never
# download a browser of their own: CHROMIUM_PATH when set, else Debian's /usr/bin/chromium.
# Idempotent: does nothing when the browser is there. Otherwise installs Debian's chromium as root (or through
# sudo), reinstalling it when dpkg says it is installed but /usr/bin/chromium is gone (a plain install would do
# nothing then).
set -euo pipefail
# shellcheck source=scripts/as-root.sh
source "$(dirname "$0")/as-root.sh"

if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ -x "$CHROMIUM_PATH" ]; then
    echo "ensure-chromium: CHROMIUM_PATH=$CHROMIUM_PATH"
    exit 0
  fi
  echo "ensure-chromium: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file" >&2
  exit 1
fi

browser=/usr/bin/chromium
if [ -x "$browser" ]; then
  echo "ensure-chromium: $browser"
  exit 0
fi

if [ "$(dpkg-query -W -f='${Status}' chromium 2>/dev/null || true)" = "install ok installed" ]; then
  echo "ensure-chromium: dpkg lists chromium as installed but $browser is missing; reinstalling it"
  reinstall=--reinstall
else
  echo "ensure-chromium: $browser is missing"
  reinstall=
fi
# shellcheck disable=SC2086 # $reinstall is one option or none.
if ! apt_install $reinstall chromium; then
  other=$(command -v chromium chromium-browser google-chrome-stable google-chrome 2>/dev/null | head -n1 || true)
  echo "ensure-chromium: install Chromium, or point CHROMIUM_PATH at one${other:+ (this machine has $other: CHROMIUM_PATH=$other)}" >&2
  exit 1
fi
"$browser" --version
