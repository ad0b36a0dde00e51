#!/bin/sh
# Qt's X11 window needs these on Linux; a fresh Debian/Ubuntu lacks them
# ("Could not load the Qt platform plugin xcb"). Installs them when it can.
[ "$(uname -s)" = Linux ] || exit 0
command -v dpkg-query >/dev/null 2>&1 || exit 0
PACKAGES="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libxcb-shape0 libxcb-render-util0 libxcb-image0 libegl1 libfontconfig1 libdbus-1-3"
missing=""
for package in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Qt's X11 libraries:$missing"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
    echo "Qt's window needs these system libraries; install them with:"
    echo "  sudo apt-get install$missing"
fi
