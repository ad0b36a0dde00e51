"""The suite's minimal pane: the least a Qt program can do to tag a span by key.

A stock QPlainTextEdit shows the text with its highlights as character formats in
the document (one background colour a tag, as QualCoder draws its codes), and a tag
key stores the selected span in SQLite (WAL, ``synchronous = NORMAL``, one committed
transaction, as Reader's store) and formats it: Qt lays out that paragraph again and
repaints. No labels, lanes, list or undo: it is the baseline that scenario 2m sets
Reader's key press beside. (Extra selections, the other stock way, cost about 20 ms a
press at 10,000 highlights: PySide6 converts the whole list on every change.)
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from reader.domain.annotations import Annotation
from reader.domain.tags import Tag

_SCHEMA = """
CREATE TABLE IF NOT EXISTS annotations (
    id INTEGER PRIMARY KEY, document_id INTEGER, start INTEGER, end INTEGER, tag TEXT, text TEXT
);
CREATE INDEX IF NOT EXISTS annotations_by_document ON annotations (document_id, start);
"""


class MinimalPane(QPlainTextEdit):
    """``text`` with ``annotations`` highlighted; a tag's key tags the selection."""

    def __init__(self, text: str, annotations: list[Annotation], tags: list[Tag], db: Path):
        super().__init__()
        self.setReadOnly(True)
        self.setPlainText(text)
        self._formats = {tag.name: self._background(tag.colour) for tag in tags}
        self._tag_of_key = {tag.key: tag.name for tag in tags if tag.key}
        self._connection = sqlite3.connect(db, isolation_level=None)
        self._connection.execute("PRAGMA journal_mode = WAL")
        self._connection.execute("PRAGMA synchronous = NORMAL")
        self._connection.executescript(_SCHEMA)
        with self._connection:
            self._connection.execute("BEGIN")
            self._connection.executemany(
                "INSERT INTO annotations (document_id, start, end, tag, text) VALUES (1, ?, ?, ?, ?)",
                [(a.start, a.end, a.tag, a.text) for a in annotations],
            )
        self.document().setUndoRedoEnabled(False)
        for annotation in annotations:
            self._highlight(annotation.start, annotation.end, annotation.tag)

    @staticmethod
    def _background(colour: str) -> QTextCharFormat:
        format_ = QTextCharFormat()
        format_.setBackground(QColor(colour))
        return format_

    def _highlight(self, start: int, end: int, tag: str) -> None:
        # Qt's positions (UTF-16 units) taken as offsets: past an emoji a highlight sits a
        # unit or two off, which costs the same to draw.
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(self._formats[tag])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        tag = self._tag_of_key.get(event.text())
        cursor = self.textCursor()
        if tag is None or not cursor.hasSelection():
            super().keyPressEvent(event)
            return
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        with self._connection:
            self._connection.execute("BEGIN IMMEDIATE")
            self._connection.execute(
                "INSERT INTO annotations (document_id, start, end, tag, text) VALUES (1, ?, ?, ?, ?)",
                (start, end, tag, cursor.selectedText()),
            )
        self._highlight(start, end, tag)

    def stored(self) -> int:
        return self._connection.execute("SELECT count(*) FROM annotations").fetchone()[0]

    def close_database(self) -> None:
        self._connection.close()
