#!/bin/sh
# Qt's X11 window needs these on Linux; a fresh Debian/Ubuntu lacks some of them
# ("Could not load the Qt platform plugin xcb").
exec sh "$(dirname "$0")/ensure-packages.sh" "Qt's X11 window" \
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libxcb-shape0 \
    libxcb-render-util0 libxcb-image0 libegl1 libfontconfig1 libdbus-1-3
