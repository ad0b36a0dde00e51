#!/bin/sh
# ensure-packages.sh WHAT PACKAGE...: install the Debian packages that WHAT needs
# when they are missing (as root, with apt-get), or print the one command that does.
# Never fails: what it cannot install is said, and the caller goes on.
[ "$(uname -s)" = Linux ] || exit 0
command -v dpkg-query >/dev/null 2>&1 || exit 0
what=$1
shift
missing=""
for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing what $what needs:$missing"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null \
        || echo "could not install$missing"
else
    echo "$what needs these system packages; install them with:"
    echo "  sudo apt-get install$missing"
fi
exit 0
