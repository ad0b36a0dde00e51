"""Small databases for the review, merge and comparison tests, built on disk, and a
window opened on them under a chosen name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from windowkit import open_window

from reader.domain.annotations import Annotation
from reader.domain.corpus import SourceText
from reader.store import Store
from reader.ui.shell.settings import ANNOTATOR, WindowSettings

# Listed in this order (by title); emoji put code points and UTF-16 units apart.
TEXTS = {
    "a-first.txt": "Alpha claims that Bravo met Charlie 😀 on Monday in Delta.\nDelta denies it.\n",
    "b-second.txt": "Echo said nothing new at all.\n",
    "c-third.txt": "Foxtrot 🎉 wrote to Golf; Hotel replied on Tuesday.\n",
}


def make_documents(path: Path, texts: dict[str, str] = TEXTS) -> dict[str, int]:
    """A database holding ``texts``; the document ids by name."""
    with Store.open(path) as store:
        return {
            name: store.import_source(SourceText(name, "", text, "utf-8")).document_id for name, text in texts.items()
        }


def annotate(path: Path, name: str, quote: str, tag: str = "claim", **fields) -> Annotation:
    """An annotation of ``quote`` (its first place) in document ``name``, stored in ``path``."""
    with Store.open(path) as store:
        document = store.find_document(name)
        start = document.text.index(quote)
        return store.add_annotation(Annotation(document.id, start, start + len(quote), quote, tag, **fields))


def stored(path: Path) -> dict[str, Annotation]:
    """Every annotation in the file, by id, read with a connection of its own."""
    with Store.open(path, create=False, read_only=True) as store:
        return {a.id: a for d in store.documents() for a in store.annotations(d.id)}


def open_as(qtbot, db: Path, settings: Path, annotator: str | None = "editor"):
    """The window on ``db`` (no corpus imported), with ``annotator`` as the user's name."""
    if annotator is not None:
        chosen = WindowSettings(settings)
        chosen.set(ANNOTATOR, annotator)
        chosen.sync()
    return open_window(qtbot, db, settings, corpus=None)


def reactivate(qtbot, window) -> None:
    """After a dialog closes: the offscreen platform has no window manager to give the
    main window its activation back, and shortcuts fire only in the active window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def review_database(folder: Path) -> tuple[Path, dict[str, Annotation]]:
    """``TEXTS`` with pending and reviewed annotations by alice and bob, by short names."""
    db = folder / "team.sqlite"
    make_documents(db)
    reviewed = {"status": "accepted", "reviewer": "ed"}
    return db, {
        "alpha": annotate(db, "a-first.txt", "Alpha", "actor", annotator="alice"),
        "claims": annotate(db, "a-first.txt", "claims that", "claim", annotator="bob", **reviewed),
        "charlie": annotate(db, "a-first.txt", "Charlie 😀", "actor", annotator="alice"),
        "monday": annotate(db, "a-first.txt", "Monday", "date", annotator="bob"),
        "echo": annotate(db, "b-second.txt", "Echo", "actor", annotator="bob", **reviewed),
        "foxtrot": annotate(db, "c-third.txt", "Foxtrot 🎉", "actor", annotator="bob"),
        "tuesday": annotate(db, "c-third.txt", "Tuesday", "date", annotator="alice"),
    }
