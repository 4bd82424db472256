#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright cannot download its own here).
# Installs it when missing and we may; otherwise says exactly what to run.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "[test] Chromium not found at $chromium: installing Debian's chromium (about a minute)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "[test] Chromium is needed for the browser tests. Install it with:" >&2
echo "         sudo apt-get update && sudo apt-get install -y chromium" >&2
echo "       or point CHROMIUM_PATH at a Chromium binary." >&2
exit 1
