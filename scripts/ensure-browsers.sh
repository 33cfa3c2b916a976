#!/usr/bin/env bash
# The browser tests drive Debian's browsers (playwright and puppeteer cannot download their own
# here): Chromium, Firefox ESR, WebKitGTK's WebDriver in an Xvfb display, a Chinese font, and a
# Java runtime for the Nu HTML Checker (vnu-jar). Installs what is missing when we may;
# otherwise says what to install.
set -euo pipefail
PACKAGES="chromium fonts-noto-cjk firefox-esr webkit2gtk-driver xvfb default-jre-headless"
missing() {
  [ -x /usr/bin/chromium ] || return 0
  fc-list :lang=zh | grep -q . || return 0
  [ -x /usr/bin/firefox-esr ] || return 0
  [ -x /usr/bin/WebKitWebDriver ] || return 0
  command -v Xvfb >/dev/null || return 0
  command -v java >/dev/null || return 0
  return 1
}
if ! missing; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing the test browsers, a Chinese font and Java from Debian's packages: $PACKAGES"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PACKAGES >/dev/null
  exit 0
fi
echo "The browser tests need: sudo apt-get install -y $PACKAGES" >&2
exit 1
