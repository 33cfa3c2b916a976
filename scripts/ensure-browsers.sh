#!/usr/bin/env bash
# The tests drive Debian's browsers (playwright and puppeteer cannot download their own here):
# Chromium, Firefox ESR, WebKitGTK's WebDriver in an Xvfb display; the Noto CJK fonts (the
# language tests check each Chinese card's face, SC and TC); a Java runtime for the Nu HTML
# Checker (vnu-jar); tesseract with its English, Simplified and Traditional Chinese models, which
# read the card images back (test/node/images.test.mjs); Debian's WordPress 6.1 with PHP and
# MariaDB, which embed the card through their own code (test/platforms/wordpress.test.mjs); openssl,
# which makes the throwaway CA of the HTTPS scan (test/node/tls-proxy.mjs). Installs what is
# missing when we may; otherwise says what to install.
set -euo pipefail
PACKAGES="openssl chromium fonts-noto-cjk firefox-esr webkit2gtk-driver xvfb default-jre-headless tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim tesseract-ocr-chi-tra wordpress php-cli php-mysql php-xml php-curl mariadb-server"
# No `cmd | grep -q` here: with pipefail, grep quitting early fails the pipe.
missing() {
  command -v openssl >/dev/null || return 0
  [ -x /usr/bin/chromium ] || return 0
  [ -n "$(fc-list 'Noto Sans CJK TC')" ] || return 0
  [ -x /usr/bin/firefox-esr ] || return 0
  [ -x /usr/bin/WebKitWebDriver ] || return 0
  command -v Xvfb >/dev/null || return 0
  command -v java >/dev/null || return 0
  # WordPress and a MariaDB the platform tests start themselves (test/platforms/): never a system service.
  [ -f /usr/share/wordpress/wp-settings.php ] || return 0
  local mods
  mods=$(php -m 2>/dev/null) || return 0
  for m in mysqli curl xml; do [[ $'\n'"$mods"$'\n' == *$'\n'"$m"$'\n'* ]] || return 0; done
  [ -x /usr/sbin/mariadbd ] || return 0
  local ocr
  ocr=$(tesseract --list-langs 2>/dev/null) || return 0
  for l in eng chi_sim chi_tra; do [[ $'\n'"$ocr"$'\n' == *$'\n'"$l"$'\n'* ]] || return 0; done
  return 1
}
if ! missing; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing the test browsers, fonts, Java and OCR from Debian's packages: $PACKAGES"
  # mariadb-server's postinst would start the system service; the tests start their own, so
  # keep Debian from starting any (policy-rc.d's 101: "action forbidden"), as container images do.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PACKAGES >/dev/null
  exit 0
fi
echo "The tests need: sudo apt-get install -y $PACKAGES" >&2
exit 1
