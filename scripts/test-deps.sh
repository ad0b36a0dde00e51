#!/bin/sh
# What the tests need beyond Python: Qt's X11 libraries; Xvfb and xdotool for
# tests/gui/test_xvfb.py, which runs the window on a real X server; and LibreOffice Calc
# (without its GUI) for tests/reliability/test_spreadsheet_round_trip.py; poppler-utils (pdftotext)
# for tests/unit/test_extract_pdf.py; and Label Studio's
# converter in a virtual environment of its own, for tests/unit/test_foreign_label_studio_sdk.py.
sh "$(dirname "$0")/system-libs.sh"
sh "$(dirname "$0")/label-studio-venv.sh"
sh "$(dirname "$0")/ensure-packages.sh" "the Xvfb test" xvfb xdotool
sh "$(dirname "$0")/ensure-packages.sh" "the PDF extraction test" poppler-utils
exec sh "$(dirname "$0")/ensure-packages.sh" "the LibreOffice test" libreoffice-calc-nogui
