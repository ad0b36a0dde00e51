"""A process that writes to a Reader database and says what was acknowledged, line by line.

    annotating_process.py DB annotate [--count N] [--seed S] [--note-size K] [--start-at T]
        adds annotations to document 1, one transaction each, printing each id
        once add_annotation has returned (committed), until N or killed; from
        time.time() T on, so that two processes write at the same time.
    annotating_process.py DB window SETTINGS_FILE
        opens the real window (reader.app.build) on DB and tags word after word
        with key presses (Ctrl+Shift+Right, then "1"), printing each new id once
        the key press has returned (the undo command has committed it).
    annotating_process.py DB import FILE
        imports an annotation export in one go, printing "row LINE" as each row
        is read (inside the transaction), then "done IMPORTED REFUSED".

Tests kill it with SIGKILL at chosen moments and check the database afterwards.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from reader.domain.annotations import Annotation
from reader.domain.importing import read_annotation_rows
from reader.store import Store
from reader.store.exchange import import_annotation_rows


def annotate(store: Store, count: int | None, seed: int, note_size: int) -> None:
    rng = random.Random(seed)
    document = store.document(1)
    tags = sorted(store.tag_names())
    added = 0
    while count is None or added < count:
        start = rng.randrange(document.length - 1)
        end = rng.randrange(start + 1, min(document.length, start + 40) + 1)
        annotation = store.add_annotation(
            Annotation(
                document_id=document.id,
                start=start,
                end=end,
                text=document.text[start:end],
                tag=rng.choice(tags),
                note="n" * rng.randrange(note_size + 1),
                annotator=f"process-{seed}",
            )
        )
        print(annotation.id, flush=True)
        added += 1


def import_file(store: Store, path: Path) -> None:
    def announced(rows):
        for row in rows:
            print(f"row {row.line}", flush=True)
            yield row

    report = import_annotation_rows(store, announced(read_annotation_rows(path)))
    print(f"done {report.imported} {len(report.refused)}", flush=True)


def annotate_in_window(db: Path, settings: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from reader.app import ReaderApp, build
    from reader.cli import parse
    from reader.ui.annotating.commands import AddAnnotation

    window = build(parse(["--db", str(db)]), settings_path=settings)
    window.show()
    window.activateWindow()
    while QApplication.activeWindow() is not window:  # shortcuts fire only in the active window
        QApplication.processEvents()
    view, stack = window.reader, ReaderApp.of(window).session.undo_stack
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Home, ctrl)
    while True:
        caret = view.caret_code_point()
        QTest.keyClick(view, Qt.Key.Key_Right, ctrl)  # the next word: no overlap with the last one
        QTest.keyClick(view, Qt.Key.Key_Right, ctrl | shift)
        if view.caret_code_point() <= caret:
            return  # the end of the document
        before = stack.index()
        QTest.keyClick(view, Qt.Key.Key_1)
        command = stack.command(stack.index() - 1) if stack.index() > before else None
        if isinstance(command, AddAnnotation):  # (a word tagged in an earlier run is retagged instead)
            print(command.annotation.id, flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    actions = parser.add_subparsers(dest="action", required=True)
    adding = actions.add_parser("annotate")
    adding.add_argument("--count", type=int)
    adding.add_argument("--seed", type=int, default=0)
    adding.add_argument("--note-size", type=int, default=0)
    adding.add_argument("--start-at", type=float, default=0.0)
    windowing = actions.add_parser("window")
    windowing.add_argument("settings", type=Path)
    importing = actions.add_parser("import")
    importing.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    if args.action == "window":
        annotate_in_window(args.db, args.settings)
        return 0
    with Store.open(args.db, create=False) as store:
        if args.action == "annotate":
            time.sleep(max(0.0, args.start_at - time.time()))
            annotate(store, args.count, args.seed, args.note_size)
        else:
            import_file(store, args.file)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
