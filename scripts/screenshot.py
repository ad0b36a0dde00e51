"""Remake the window's screenshots: docs/screenshots/<scene>-<width>x<height>.png, and
resources/screenshot.png (the README's, the dense scene at 1920×1080).

Scenes, on the first bundled seed document:
  dense    crossing claims, an actor nested in a claim, an accepted and a rejected duplicate, a note
  review   review mode: progress in the document list, the pending one selected, a review note
  compare  alice's spans against bob's (View ▸ Compare With), one row settled
  russian  the dense scene with the window in Russian
  links    a claim with its links drawn over the text and listed under the annotations, one walked (Ctrl+J)

Runs offscreen (no display needed), each picture in a process of its own (the language is
chosen once per process), on temporary databases and settings: it touches none of your data.

    .venv/bin/python scripts/screenshot.py                       # every scene at 1024x700 and 1920x1080
    .venv/bin/python scripts/screenshot.py dense --size 1024x700 --out picture.png
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCENES = ("dense", "review", "compare", "russian", "links")
SIZES = ("1024x700", "1920x1080")
README_PICTURE = ("dense", "1920x1080")

# (phrase, tag, annotator, status, note, review note): phrases of the first seed document.
DENSE = (
    ("Москва официально не обращалась", "claim", "alice", "pending", "", ""),
    ("не обращалась за помощью", "claim", "bob", "pending", "", ""),
    ("Организацию Договора о коллективной безопасност (ОДКБ)", "actor", "alice", "accepted", "", ""),
    ("Об этом говорится в ответе Секретариата ОДКБ", "claim", "alice", "pending", "", ""),
    ("Секретариата ОДКБ", "actor", "alice", "pending", "The source names the secretariat, not a person", ""),
    ("Радио Свобода", "actor", "alice", "accepted", "", ""),
    ("Радио Свобода", "actor", "bob", "rejected", "", "A duplicate of alice's"),
    ("российские государственные структуры", "actor", "bob", "pending", "", ""),
)
LINKED = (
    ("Москва официально не обращалась за помощью", "claim", "alice", "pending", "", ""),
    ("Секретариата ОДКБ", "actor", "alice", "pending", "", ""),
    ("Радио Свобода", "actor", "alice", "pending", "", ""),
    ("секретариат ОДКБ", "actor", "alice", "pending", "", ""),
    (
        "Официальных переговоров и встреч для обсуждения ситуации в приграничных областях России не было",
        "claim",
        "alice",
        "pending",
        "",
        "",
    ),
    ("в 2024 году", "date", "alice", "pending", "", ""),
    ("фактически заморозила участие в организации", "claim", "alice", "pending", "", ""),
)
# (source phrase, relation type, target phrase) among LINKED.
LINKS = (
    ("Москва официально не обращалась за помощью", "said_by", "Секретариата ОДКБ"),
    ("Официальных переговоров и встреч", "said_by", "секретариат ОДКБ"),
    ("фактически заморозила участие в организации", "dated", "в 2024 году"),
    ("Москва официально не обращалась за помощью", "dated", "в 2024 году"),
)
COMPARED = (
    ("Москва официально не обращалась за помощью", "claim", "alice"),
    ("Москва официально не обращалась", "claim", "bob"),
    ("Секретариата ОДКБ", "actor", "alice"),
    ("Секретариата ОДКБ", "actor", "bob"),
    ("Радио Свобода", "actor", "alice"),
    ("Радио Свобода", "claim", "bob"),
    ("российские государственные структуры", "actor", "bob"),
)


def _sandbox(width: int, height: int) -> Path:
    """Temporary user dirs, and an offscreen screen of ``width`` × ``height`` (the window fits its screen)."""
    temp = Path(tempfile.mkdtemp(prefix="reader-screenshot-"))
    screen = {"name": "screenshot", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
    (temp / "screen.json").write_text(json.dumps({"windowFrameMargins": False, "screens": [screen]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={temp / 'screen.json'}"
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[variable] = str(temp / variable.lower())
    return temp


def _database(path: Path, scene: str) -> None:
    """The seeds, and the scene's annotations, written through the store before the window opens."""
    from reader.domain.annotations import Annotation
    from reader.domain.corpus import find_sources, read_source
    from reader.store import Store

    rows = [(p, t, who, "pending", "", "") for p, t, who in COMPARED] if scene == "compare" else DENSE
    rows = LINKED if scene == "links" else rows
    with Store.open(path) as store:
        for source, name in find_sources([REPO / "seeds"]):
            store.import_source(read_source(source, name))
        document = store.documents()[0]
        text = store.document(document.id).text
        for phrase, tag, annotator, status, note, review_note in rows:
            start = text.find(phrase)
            if start < 0:
                raise SystemExit(f"screenshot: {phrase!r} is not in the first seed")
            reviewer = "ed" if status != "pending" else ""
            span = (document.id, start, start + len(phrase), phrase, tag)
            store.add_annotation(Annotation(*span, note, annotator, status, reviewer, review_note))
        if scene == "links":
            _link(store, document.id)


def _link(store, document_id: int) -> None:
    from reader.domain.relations import Relation

    by_text = {a.text: a for a in store.annotations(document_id)}
    for source, kind, target in LINKS:
        start = next(a for text, a in by_text.items() if text.startswith(source))
        store.add_relation(Relation(kind, start.id, by_text[target].id, annotator="alice"))


def shoot(scene: str, size: str, output: Path) -> int:
    width, height = (int(n) for n in size.split("x"))
    temp = _sandbox(width, height)
    os.environ["READER_LANGUAGE"] = "ru" if scene == "russian" else "en"
    database = temp / "screenshot.sqlite"
    _database(database, scene)

    from PySide6.QtWidgets import QApplication

    from reader.app import ReaderApp, application, build
    from reader.cli import parse
    from reader.ui.compare.dialog import ComparisonChoice
    from reader.ui.shell.settings import ANNOTATOR, WindowSettings

    application()
    settings = WindowSettings(temp / "settings.ini")
    settings.set(ANNOTATOR, "ed")
    settings.sync()
    window = build(parse(["--db", str(database)]), settings_path=temp / "settings.ini")
    window.resize(width, height)
    window.show()
    app = QApplication.instance()
    app.processEvents()
    parts, view = ReaderApp.of(window), window.reader
    parts.reading.open_document(parts.session.store.documents()[0].id)
    parts.actions["ShowRejected"].setChecked(True)
    annotations = window.annotation_panel.model.annotations()
    if scene == "review":
        parts.actions["ReviewMode"].setChecked(True)
        parts.actions["NextPending"].trigger()
    elif scene == "compare":
        problem = parts.comparison.compare_with(ComparisonChoice("alice", None, "bob"))
        if problem:
            raise SystemExit(f"screenshot: {problem}")
        parts.actions["TakeTheirs"].trigger()
    elif scene == "links":
        view.select_annotation(next(a.id for a in annotations if a.text.startswith("Москва официально")), scroll=False)
        parts.actions["NextLink"].trigger()
    else:
        noted = [a for a in annotations if a.note]
        if noted:
            view.select_annotation(noted[0].id, scroll=False)
    view.set_caret_code_point(0, visible=False)
    view.verticalScrollBar().setValue(0)
    _settle(app)
    output.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(output)):
        print(f"screenshot: could not write {output}", file=sys.stderr)
        return 1
    print(f"wrote {output.relative_to(REPO) if output.is_relative_to(REPO) else output}")
    window.close()
    return 0


def _settle(app, seconds: float = 0.5) -> None:
    """Let the window's timers run (the span index and the legend's counts come after the first paint)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def shoot_all() -> int:
    failed = 0
    for scene in SCENES:
        for size in SIZES:
            output = REPO / "docs" / "screenshots" / f"{scene}-{size}.png"
            command = [sys.executable, __file__, scene, "--size", size, "--out", str(output)]
            failed += subprocess.run(command).returncode != 0
    scene, size = README_PICTURE
    picture = REPO / "docs" / "screenshots" / f"{scene}-{size}.png"
    if picture.is_file():
        (REPO / "resources" / "screenshot.png").write_bytes(picture.read_bytes())
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scene", nargs="?", choices=SCENES, help="one scene (default: all of them, both sizes)")
    parser.add_argument("--size", default="1920x1080", help="WIDTHxHEIGHT (default 1920x1080)")
    parser.add_argument("--out", type=Path, help="where to write the picture")
    args = parser.parse_args(argv)
    if args.scene is None:
        return shoot_all()
    output = args.out or REPO / "docs" / "screenshots" / f"{args.scene}-{args.size}.png"
    return shoot(args.scene, args.size, output)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
