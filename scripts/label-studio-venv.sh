#!/bin/sh
# Label Studio's own converter (label-studio-sdk) for tests/unit/test_foreign_label_studio_sdk.py,
# in a virtual environment of its own: it pins numpy below what spaCy in .venv uses, and at about
# 500 MB it has no place in the app or its extras. The tests run it as a separate process.
set -e
cd "$(dirname "$0")/.."
VENV=.venv-label-studio
PIN="label-studio-sdk>=2.1,<3"
if [ -f "$VENV/.installed" ] && [ "$(cat "$VENV/.installed")" = "$PIN" ]; then
    exit 0
fi
python3 -m venv "$VENV"
# pip's warnings about this machine's package indexes would bury the test output; kept unless it fails.
"$VENV/bin/pip" install --quiet "$PIN" 2> "$VENV/pip.log" || { cat "$VENV/pip.log" >&2; exit 1; }
echo "$PIN" > "$VENV/.installed"
