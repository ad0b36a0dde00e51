#!/bin/sh
# What the GUI tests need beyond Python: Qt's X11 libraries, and Xvfb and xdotool for
# tests/gui/test_xvfb.py, which runs the window on a real X server.
sh "$(dirname "$0")/system-libs.sh"
exec sh "$(dirname "$0")/ensure-packages.sh" "the Xvfb test" xvfb xdotool
