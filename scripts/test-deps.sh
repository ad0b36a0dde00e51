#!/bin/sh
# What the GUI tests need beyond Python: Qt's X11 libraries (scripts/system-libs.sh), and
# Xvfb and xdotool for tests/gui/test_xvfb.py, which runs the window on a real X server.
# Installs what is missing with apt-get when run as root; otherwise says how.
[ "$(uname -s)" = Linux ] || exit 0
command -v dpkg-query >/dev/null 2>&1 || exit 0
sh "$(dirname "$0")/system-libs.sh"
PACKAGES="xvfb xdotool"
missing=""
for package in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing the GUI tests' system packages:$missing"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null \
        || echo "could not install$missing; the Xvfb test will be skipped"
else
    echo "the Xvfb test needs these; install them with:"
    echo "  sudo apt-get install$missing"
fi
exit 0
