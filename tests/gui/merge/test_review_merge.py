"""File ▸ Merge into the database open in the window: the merge writes through a
connection of its own, the window then shows what the file holds (new documents,
annotations and tags, the newest version of a conflicting annotation) and the report."""

from __future__ import annotations

import shutil
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPlainTextEdit
from reviewkit import TEXTS, annotate, make_documents, open_as, reactivate, stored
from windowkit import key

from reader.app import ReaderApp
from reader.domain.corpus import SourceText
from reader.domain.tags import Tag
from reader.store import Store

CTRL = Qt.KeyboardModifier.ControlModifier


def test_merge_into_the_open_database_reloads_the_window(qtbot, tmp_path, monkeypatch):
    mine, theirs = tmp_path / "alice.sqlite", tmp_path / "bob.sqlite"
    make_documents(mine)
    shared = annotate(mine, "a-first.txt", "Alpha", "actor", annotator="alice")
    shutil.copyfile(mine, theirs)
    with Store.open(mine) as store:  # alice notes it first...
        store.update_annotation(replace(shared, note="alice's note", updated_at="2024-05-01T10:00:00.000Z"))
    with Store.open(theirs) as store:  # ...bob retags it later: his version is the newer
        store.update_annotation(replace(shared, tag="claim", annotator="bob", updated_at="2024-05-02T10:00:00.000Z"))
        store.save_tag(Tag("place", "#228833", key="4", position=5))
        store.import_source(SourceText("d-fourth.txt", "", "India is a new text.\n", "utf-8"))
    new = annotate(theirs, "a-first.txt", "Delta denies", "claim", annotator="bob")
    placed = annotate(theirs, "d-fourth.txt", "India", "place", annotator="bob")

    window = open_as(qtbot, mine, tmp_path / "settings.ini")
    app = ReaderApp.of(window)
    assert app.session.document.name == "a-first.txt"
    window.reader.setFocus()
    window.reader.set_selection_code_points(6, 12)
    key(qtbot, window.reader, Qt.Key.Key_1)  # an undoable step before the merge
    assert app.session.undo_stack.count() == 1

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *args, **kwargs: ([str(theirs)], "")))
    app.actions["Merge"].trigger()

    report = window.findChild(QDialog, "mergeReport")
    assert report is not None and report.isVisible()
    headline = report.findChild(QLabel, "messageText").text()
    assert "1 document(s) and 2 annotation(s) added, 1 updated, 1 conflict(s)" in headline
    details = report.findChild(QPlainTextEdit, "messageDetails").toPlainText()
    assert shared.id in details and "alice's note" in details and "tags: 1 added (place)" in details
    report.accept()
    reactivate(qtbot, window)

    # The window shows what the file now holds; undo starts afresh.
    assert app.session.undo_stack.count() == 0
    assert [
        window.documents.model.summary(window.documents.model.document_id(r)).name
        for r in range(window.documents.model.rowCount())
    ][-1] == "d-fourth.txt"
    assert app.session.document.name == "a-first.txt"
    panel = window.annotation_panel.model
    assert panel.by_id(new.id) is not None and panel.by_id(shared.id).tag == "claim"
    assert "actionTag_place" in {a.objectName() for a in app.actions.tag_actions}
    on_disk = stored(mine)
    assert {new.id, placed.id, shared.id} <= set(on_disk) and on_disk[shared.id].annotator == "bob"
    assert "4 annotation(s)" in window.status_summary.text()

    # The window's own connection still writes.
    window.reader.setFocus()
    window.reader.set_selection_code_points(0, 5)
    key(qtbot, window.reader, Qt.Key.Key_2)
    assert len(stored(mine)) == 5

    # The same file again changes nothing; the open database itself is refused.
    app.actions["Merge"].trigger()
    again = window.findChild(QDialog, "mergeReport")
    assert "nothing new" in again.findChild(QLabel, "messageText").text()
    again.accept()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *args, **kwargs: ([str(mine)], "")))
    app.actions["Merge"].trigger()
    assert "Nothing was merged" in window.status_message.text() and "also a source" in window.status_message.text()
    assert len(stored(mine)) == 5
    with Store.open(theirs, read_only=True) as source:  # only read
        assert len(source.documents()) == len(TEXTS) + 1 and source.annotation(shared.id).note == ""


def test_a_merge_of_links_says_so_and_the_links_show(qtbot, tmp_path, monkeypatch):
    from reader.domain.relations import SAID_BY, Relation

    mine, theirs = tmp_path / "alice.sqlite", tmp_path / "bob.sqlite"
    make_documents(mine)
    claim = annotate(mine, "a-first.txt", "Delta denies", "claim", annotator="alice")
    actor = annotate(mine, "a-first.txt", "Alpha", "actor", annotator="alice")
    shutil.copyfile(mine, theirs)
    with Store.open(theirs) as store:
        link = store.add_relation(Relation(SAID_BY, claim.id, actor.id, annotator="bob"))

    window = open_as(qtbot, mine, tmp_path / "settings.ini")
    app = ReaderApp.of(window)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *args, **kwargs: ([str(theirs)], "")))
    app.actions["Merge"].trigger()

    report = window.findChild(QDialog, "mergeReport")
    assert "links: 1 added, 0 updated, 0 refused" in report.findChild(QLabel, "messageText").text()
    report.accept()
    reactivate(qtbot, window)
    window.reader.select_annotation(claim.id)
    assert window.link_list.list.count() == 1
    with Store.open(mine, read_only=True) as store:
        assert store.relation(link.id) == link
