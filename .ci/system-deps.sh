#!/bin/sh
# Debian packages the tests drive: Chromium (browser tests, through
# playwright-core), nginx (the production configuration's test) and the
# DejaVu fonts (PDFs written by the importer's tests). Installs
# the missing ones with apt-get as root (or with sudo when it needs no
# password); otherwise says in one line what to run, and fails.
#   sh .ci/system-deps.sh
set -eu

missing=""
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing="$missing chromium"
[ -x "${NGINX_PATH:-/usr/sbin/nginx}" ] || missing="$missing nginx"
# The importer's PDF tests write PDFs in a font with every Vietnamese letter.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
[ -n "$missing" ] || exit 0

if [ "$(id -u)" = 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root="sudo"
else
  echo "[system-deps] the tests need Debian's$missing: run 'sudo apt-get install -y$missing', then again" >&2
  exit 1
fi

echo "[system-deps] installing$missing from Debian" >&2
# The tests start nginx in the foreground on a free port of their own: keep
# the package from starting the system service on port 80 (invoke-rc.d asks
# policy-rc.d; 101 means "not allowed"), unless the machine has a policy already.
policy=/usr/sbin/policy-rc.d
ours=""
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $as_root tee "$policy" >/dev/null
  $as_root chmod +x "$policy"
  ours=1
fi
status=0
$as_root apt-get update -qq && $as_root env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq $missing >/dev/null || status=$?
[ -z "$ours" ] || $as_root rm -f "$policy"
exit "$status"
