#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (playwright cannot download its own here).
# Installs it when missing and we may; otherwise says what to do.
set -euo pipefail
# Noto Sans CJK in particular: test/browser/languages.test.mjs checks each Chinese card's face (SC, TC).
if [ -x /usr/bin/chromium ] && [ -n "$(fc-list 'Noto Sans CJK TC')" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium and a Chinese font from Debian's packages for the browser tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at /usr/bin/chromium and the Noto CJK fonts: sudo apt-get install -y chromium fonts-noto-cjk" >&2
exit 1
