#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (playwright cannot download its own here).
# Installs it when missing and we may; otherwise says what to do.
set -euo pipefail
# The image tests read the card PNGs back with OCR (test/node/images.test.mjs): tesseract and its
# English, Simplified and Traditional Chinese models.
ocr_ready() {
  local langs
  langs=$(tesseract --list-langs 2>/dev/null) || return 1
  for l in eng chi_sim chi_tra; do grep -qx "$l" <<<"$langs" || return 1; done
}
if ! ocr_ready; then
  OCR_PACKAGES="tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim tesseract-ocr-chi-tra"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing tesseract and its eng, chi_sim and chi_tra models from Debian's packages for the image tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $OCR_PACKAGES >/dev/null
  else
    echo "The image tests need tesseract with eng, chi_sim and chi_tra: sudo apt-get install -y $OCR_PACKAGES" >&2
    exit 1
  fi
fi
# Noto Sans CJK in particular: test/browser/languages.test.mjs checks each Chinese card's face (SC, TC).
if [ -x /usr/bin/chromium ] && [ -n "$(fc-list 'Noto Sans CJK TC')" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium and a Chinese font from Debian's packages for the browser tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at /usr/bin/chromium and the Noto CJK fonts: sudo apt-get install -y chromium fonts-noto-cjk" >&2
exit 1
