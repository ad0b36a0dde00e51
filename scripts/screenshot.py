"""Remake resources/screenshot.png: the window on the bundled seeds, annotated.

Runs offscreen (no display needed) on a temporary database and settings, so it
touches none of your own data:

    .venv/bin/python scripts/screenshot.py [OUTPUT.png]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_TEMP = Path(tempfile.mkdtemp(prefix="reader-screenshot-"))
for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[variable] = str(_TEMP / variable.lower())

from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.app import ReaderApp, build  # noqa: E402
from reader.cli import parse  # noqa: E402

# (phrase, tag, note): the phrases are in the first seed document; two overlap.
ANNOTATIONS = (
    ("Москва официально не обращалась за помощью", "claim", ""),
    ("Организацию Договора о коллективной безопасност", "actor", "The name is cut short in the source"),
    ("коллективной безопасност (ОДКБ)", "claim", ""),
    ("Секретариата ОДКБ", "actor", ""),
    ("с 2023 года", "date", ""),
    ("в 2017–2019 годы", "date", ""),
)


def main(output: Path) -> int:
    window = build(
        parse([str(REPO / "seeds"), "--db", str(_TEMP / "screenshot.sqlite")]), settings_path=_TEMP / "settings.ini"
    )
    window.resize(1360, 820)
    window.show()
    app = QApplication.instance()
    app.processEvents()
    parts, view = ReaderApp.of(window), window.reader
    first = window.documents.proxy.index(0, 1)
    window.documents.view.setCurrentIndex(first)
    parts.reading.open_document(window.documents.model.document_id(window.documents.proxy.mapToSource(first).row()))
    text = view.document_text()
    for phrase, tag, note in ANNOTATIONS:
        start = text.find(phrase)
        if start < 0:
            print(f"screenshot: {phrase!r} is not in the first seed; skipped", file=sys.stderr)
            continue
        view.set_selection_code_points(start, start + len(phrase))
        parts.annotating.apply_tag(tag)
        if note:
            parts.annotating.set_note(view.selected_annotation_id(), note)
    annotations = window.annotation_panel.model.annotations()
    if annotations:
        view.select_annotation(annotations[1 if len(annotations) > 1 else 0].id, scroll=False)
    view.set_caret_code_point(0)
    view.scroll_to_code_point(0)
    window.say("Tagged with the keys 1, 2, 3; every change is already saved")
    for _ in range(5):
        app.processEvents()
    output.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(output)):
        print(f"screenshot: could not write {output}", file=sys.stderr)
        return 1
    print(f"wrote {output} ({len(annotations)} annotations)")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "resources" / "screenshot.png"))
