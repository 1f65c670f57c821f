#!/usr/bin/env bash
# Run by `dotnet test` before the notebook tests (see Playbook.Notebooks.Tests.csproj): the report
# tests look at the report in headless Chromium, and Chinese text must be drawn with a CJK font,
# not boxes. When either is missing this installs Debian's chromium and fonts-noto-cjk, once, if it
# runs as root or with passwordless sudo; otherwise it prints the one command that does it, and the
# report tests fail with the same command.
set -u
browser() { command -v chromium || command -v chromium-browser || command -v google-chrome; }
cjk() {
  if command -v fc-list >/dev/null 2>&1; then fc-list ':lang=zh' family | grep -q 'Noto Sans CJK'
  else compgen -G '/usr/share/fonts/opentype/noto/NotoSansCJK*' >/dev/null; fi
}
packages=()
browser >/dev/null 2>&1 || packages+=(chromium)
cjk || packages+=(fonts-noto-cjk)
[ ${#packages[@]} -eq 0 ] && exit 0

fix="sudo apt-get install -y chromium fonts-noto-cjk"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "playbook tests: the report tests need headless Chromium and CJK fonts; install them (on Debian: $fix)"
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then sudo=""
elif sudo -n true 2>/dev/null; then sudo="sudo -n"
else
  echo "playbook tests: the report tests need ${packages[*]}; run: $fix"
  exit 0
fi
echo "playbook tests: installing ${packages[*]} (Debian packages) for the report tests; this happens once"
if ! ($sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}") >/tmp/playbook-ensure-browser.log 2>&1; then
  echo "playbook tests: installing ${packages[*]} failed (see /tmp/playbook-ensure-browser.log); run: $fix"
fi
exit 0
