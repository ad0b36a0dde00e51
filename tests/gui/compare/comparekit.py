"""The comparison tests' databases and the ways they drive and read the comparison pane.

LAVROV is the case the editors reported: two annotators who agree on what is said and
disagree on the extent of each span, one of the spans nested in the other side's claim;
the emoji first puts code points and UTF-16 units apart.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QRadioButton
from reviewkit import annotate, make_documents, open_as, reactivate
from windowkit import key, pick_document, type_text

from reader.app import ReaderApp
from reader.domain.annotations import Annotation

CTRL = Qt.KeyboardModifier.ControlModifier
LAVROV = "😀 Сергей Лавров заявил, что Москва не обращалась за помощью к ОДКБ.\n"
OTHER = "Echo said nothing new at all.\n"
TEXTS = {"a-lavrov.txt": LAVROV, "b-echo.txt": OTHER}


def at(quote: str, text: str = LAVROV) -> str:
    """How the table writes the span of ``quote`` (its first place): start–end in code points."""
    start = text.index(quote)
    return f"{start}–{start + len(quote)}"


def lavrov_in_one_database(db: Path) -> dict[str, Annotation]:
    """Alice's and Bob's spans of LAVROV in one (merged) database, by short names."""
    make_documents(db, TEXTS)
    return {
        "alice claim": annotate(db, "a-lavrov.txt", "Сергей Лавров заявил", "claim", annotator="alice"),
        "alice actor": annotate(db, "a-lavrov.txt", "Лавров", "actor", annotator="alice"),
        "bob claim": annotate(db, "a-lavrov.txt", "Лавров заявил", "claim", annotator="bob"),
        "bob actor": annotate(db, "a-lavrov.txt", "Сергей Лавров", "actor", annotator="bob"),
        "bob odkb": annotate(db, "a-lavrov.txt", "ОДКБ", "actor", annotator="bob"),
    }


def lavrov_in_two_databases(mine: Path, theirs: Path) -> tuple[dict[str, Annotation], dict[str, Annotation]]:
    """Alice's spans of LAVROV in ``mine``, Bob's in ``theirs`` (the same texts under other names)."""
    make_documents(mine, TEXTS)
    make_documents(theirs, {f"bob-{name}": text for name, text in TEXTS.items()})
    ours = {
        "actor": annotate(mine, "a-lavrov.txt", "Лавров", "actor", annotator="alice"),
        "moscow": annotate(mine, "a-lavrov.txt", "Москва", "actor", annotator="alice"),
        "claim": annotate(mine, "a-lavrov.txt", "Москва не обращалась за помощью", "claim", annotator="alice"),
    }
    their = {
        "actor": annotate(theirs, "bob-a-lavrov.txt", "Сергей Лавров", "actor", annotator="bob"),
        "moscow": annotate(theirs, "bob-a-lavrov.txt", "Москва", "actor", annotator="bob"),
        "claim": annotate(theirs, "bob-a-lavrov.txt", "не обращалась за помощью к ОДКБ", "claim", annotator="bob"),
        "odkb": annotate(theirs, "bob-a-lavrov.txt", "ОДКБ", "actor", annotator="bob"),
    }
    return ours, their


def compare_with_database(qtbot, window, other: Path) -> None:
    """View ▸ Compare With, the other database's path typed, Enter."""
    ReaderApp.of(window).actions["Compare"].trigger()
    dialog = window.findChild(QDialog, "compareDialog")
    path_box = dialog.findChild(QLineEdit, "comparePath")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is path_box)
    type_text(path_box, str(other))
    key(qtbot, path_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "compareDialog") is None)
    reactivate(qtbot, window)


def compare_annotators(qtbot, window, a: str, b: str) -> None:
    """View ▸ Compare With, two annotators of this database, Enter."""
    ReaderApp.of(window).actions["Compare"].trigger()
    dialog = window.findChild(QDialog, "compareDialog")
    dialog.findChild(QRadioButton, "compareThisDatabase").setChecked(True)
    dialog.a_box.setCurrentIndex(dialog.a_box.findData(a))
    dialog.b_box.setCurrentIndex(dialog.b_box.findData(b))
    key(qtbot, dialog.b_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "compareDialog") is None)
    reactivate(qtbot, window)


def open_document(qtbot, window, text: str) -> None:
    """A click on the document list's row of the document holding ``text``."""
    session = ReaderApp.of(window).session
    found = next(d for d in session.store.documents() if session.store.document(d.id).text == text)
    pick_document(qtbot, window, window.documents.model.row_of(found.id))
    qtbot.waitUntil(lambda: getattr(session.document, "text", None) == text)


def open_lavrov(qtbot, db: Path, settings: Path):
    """The window on ``db`` with LAVROV open."""
    window = open_as(qtbot, db, settings)
    open_document(qtbot, window, LAVROV)
    return window


def table(window):
    return ReaderApp.of(window).comparison.panel.view


def table_rows(window) -> list[dict[str, str]]:
    """Every row as the table shows it: its cells' text by column heading."""
    model = table(window).model()
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [
        {heading: str(model.index(r, c).data() or "") for c, heading in enumerate(headings)}
        for r in range(model.rowCount())
    ]


def go_to_row(qtbot, window, row: int) -> None:
    """Ctrl+Home, then Down to ``row``, as an editor walks the table."""
    view = table(window)
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_Home, CTRL)
    key(qtbot, view, Qt.Key.Key_Down, times=row)
    assert view.currentIndex().row() == row


def heading(window) -> str:
    return ReaderApp.of(window).comparison.panel.heading.text()
