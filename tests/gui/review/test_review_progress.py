"""Review progress in the document list (reviewed/all, live through accept, reject and
undo), the pending-only toggle beside the filter box, and the models behind them."""

from __future__ import annotations

import time

from documentkit import Listed, listing_database
from PySide6.QtCore import Qt
from reviewkit import annotate, make_documents, open_as, stored
from windowkit import key

from reader.app import ReaderApp
from reader.domain.annotations import ACCEPTED, Annotation
from reader.domain.review import ReviewFilter
from reader.store import Store
from reader.ui.annotating.annotation_panel import AnnotationPanel
from reader.ui.reading.document_list import DocumentListModel, DocumentListPanel

CTRL = Qt.KeyboardModifier.ControlModifier


def progress(window) -> dict[str, str]:
    """What the list shows in its Reviewed column, by document name."""
    model = window.documents.model
    return {
        model.summary(model.document_id(row)).name: model.index(row, DocumentListModel.REVIEWED).data()
        for row in range(model.rowCount())
    }


def listed_names(window) -> list[str]:
    model = window.documents.model
    return [model.summary(model.document_id(row)).name for row in range(model.rowCount())]


def test_progress_updates_live_and_the_pending_toggle_filters(qtbot, tmp_path):
    db = tmp_path / "team.sqlite"
    make_documents(db)
    alpha = annotate(db, "a-first.txt", "Alpha", "actor")
    annotate(db, "a-first.txt", "Monday", "date", status="accepted", reviewer="ed")
    annotate(db, "b-second.txt", "Echo", "actor", status="rejected", reviewer="ed")
    foxtrot = annotate(db, "c-third.txt", "Foxtrot 🎉", "actor")
    window = open_as(qtbot, db, tmp_path / "settings.ini")
    view = window.documents.view
    assert view.isColumnHidden(DocumentListModel.REVIEWED) and not window.documents.pending_button.isVisible()

    key(qtbot, window.reader, Qt.Key.Key_R, CTRL)
    assert not view.isColumnHidden(DocumentListModel.REVIEWED) and view.isColumnHidden(DocumentListModel.COUNT)
    assert window.documents.pending_button.isVisible()
    assert progress(window) == {"a-first.txt": "1/2", "b-second.txt": "1/1", "c-third.txt": "0/1"}

    window.reader.setFocus()
    window.reader.select_annotation(alpha.id)
    key(qtbot, window.reader, Qt.Key.Key_A)
    assert progress(window)["a-first.txt"] == "2/2"
    key(qtbot, window.reader, Qt.Key.Key_Z, CTRL)
    assert progress(window)["a-first.txt"] == "1/2"

    # Only the documents with pending annotations; one leaves the list once nothing there is pending.
    qtbot.mouseClick(window.documents.pending_button, Qt.MouseButton.LeftButton)
    assert ReaderApp.of(window).actions["PendingOnly"].isChecked()
    assert listed_names(window) == ["a-first.txt", "c-third.txt"]
    window.reader.setFocus()
    assert window.reader.selected_annotation_id() == alpha.id  # undo selected it again
    key(qtbot, window.reader, Qt.Key.Key_R)
    assert listed_names(window) == ["c-third.txt"]
    key(qtbot, window.reader, Qt.Key.Key_N)
    assert window.reader.selected_annotation_id() == foxtrot.id
    key(qtbot, window.reader, Qt.Key.Key_Z, CTRL)  # undoes the reject, back in a-first
    assert listed_names(window) == ["a-first.txt", "c-third.txt"]
    assert stored(db)[alpha.id].status == "pending"

    key(qtbot, window.reader, Qt.Key.Key_R, CTRL)  # leaving review mode lists every document again
    assert not ReaderApp.of(window).actions["PendingOnly"].isChecked()
    assert len(listed_names(window)) == 3


def reviewed_in_part(count: int) -> list[Listed]:
    """0 to 4 annotations each, the first (i % 5) // 2 of them reviewed."""
    return [Listed(f"doc-{i:05d}.txt", f"Title {i:05d}", i % 5, (i % 5) // 2) for i in range(count)]


def test_ten_thousand_documents_show_progress_and_filter_to_pending_quickly(qtbot, qtmodeltester, tmp_path):
    panel = DocumentListPanel()
    qtbot.addWidget(panel)
    panel.setMinimumSize(400, 700)
    panel.show_review_progress(True)
    panel.show()
    documents = reviewed_in_part(10_000)
    with Store.open(listing_database(tmp_path / "listed.sqlite", documents)) as store:
        started = time.perf_counter()
        panel.set_listing(store)
        panel.model.set_pending_only(True)
        qtbot.wait(1)
        filtered = time.perf_counter()
        expected = sum(1 for d in documents if d.annotations > d.reviewed)
        assert panel.model.rowCount() == expected
        with store.transaction():  # a review session's worth: the first 200 documents reviewed
            for document_id in range(1, 201):
                for annotation in store.annotations(document_id):
                    store.update_annotation(annotation.changed(status=ACCEPTED))
        reviewed = time.perf_counter()
        for document_id in range(1, 201):  # and the list told of each, live
            panel.model.set_counts(document_id, *store.document_counts(document_id))
        updated = time.perf_counter()
        assert panel.model.rowCount() == expected - sum(1 for d in documents[:200] if d.annotations > d.reviewed)
        panel.view.sortByColumn(DocumentListModel.REVIEWED, Qt.SortOrder.DescendingOrder)
        panel.view.viewport().repaint()
        sorted_at = time.perf_counter()
        timings = {"load+filter": filtered - started, "200 updates": updated - reviewed, "sort": sorted_at - updated}
        print({k: f"{v * 1000:.0f} ms" for k, v in timings.items()})
        assert timings["load+filter"] < 0.5 and timings["200 updates"] < 1.5 and timings["sort"] < 0.5
        pending = [
            panel.model.summary(i).annotation_count - panel.model.summary(i).reviewed_count
            for i in panel.ids_in_order()[:50]
        ]
        assert pending == sorted(pending, reverse=True)
        small = DocumentListPanel()
        qtbot.addWidget(small)
        with Store.open(listing_database(tmp_path / "small.sqlite", reviewed_in_part(40))) as small_store:
            small.set_listing(small_store)
            small.model.set_pending_only(True)
            qtmodeltester.check(small.model)


def _listed_texts(panel: AnnotationPanel) -> list[str]:
    model = panel.model
    return [model.index(row, model.TEXT).data() for row in range(model.rowCount())]


def test_the_annotation_list_filters_its_own_rows(qtbot, qtmodeltester):
    text = "abcdefghijklmnopqrstuvwxyz"
    panel = AnnotationPanel()
    qtbot.addWidget(panel)
    panel.model.show_status_marks_only(False)  # as a list wide enough for the words shows them
    made = [
        Annotation(1, s, e, text[s:e], tag, annotator=who, status=status)
        for s, e, tag, who, status in (
            (0, 3, "claim", "alice", "pending"),
            (2, 9, "actor", "bob", "rejected"),
            (5, 7, "claim", "bob", "accepted"),
            (10, 12, "date", "alice", "pending"),
        )
    ]
    panel.model.set_annotations(made)
    assert panel.view.model() is panel.model  # no proxy between the view and the rows
    panel.set_filter(ReviewFilter(show_rejected=False).accepts)
    assert [a.id for a in panel.visible_annotations()] == [made[0].id, made[2].id, made[3].id]
    assert _listed_texts(panel) == ["abc", "fg", "kl"]
    assert panel.heading.text() == "Annotations (3 of 4 shown)"
    qtmodeltester.check(panel.model)

    panel.set_filter(ReviewFilter(annotator="bob").accepts)
    assert [a.id for a in panel.visible_annotations()] == [made[1].id, made[2].id]
    panel.view.setCurrentIndex(panel.model.index(1, panel.model.TEXT))  # "fg"
    panel.model.upsert(made[0].changed(annotator="bob"))  # now listed: a row comes in above
    assert _listed_texts(panel) == ["abc", "cdefghi", "fg"]
    assert panel.current_id() == made[2].id  # the selection stayed on its annotation
    panel.model.upsert(made[1].changed(annotator="alice"))  # no longer listed: its row goes
    assert _listed_texts(panel) == ["abc", "fg"] and panel.current_id() == made[2].id
    later = Annotation(1, 20, 22, text[20:22], "date", annotator="bob")
    panel.model.upsert(later)  # a new one, at the end of the text
    panel.model.upsert(Annotation(1, 1, 2, "b", "date", annotator="alice"))  # a new one the filter hides
    assert _listed_texts(panel) == ["abc", "fg", "uv"]
    assert panel.model.row_of(later.id) == 2 and panel.model.row_of(made[3].id) is None
    panel.model.remove(made[0].id)
    assert _listed_texts(panel) == ["fg", "uv"] and panel.current_id() == made[2].id
    qtmodeltester.check(panel.model)

    panel.view.sortByColumn(panel.model.TEXT, Qt.SortOrder.DescendingOrder)  # sorted and filtered
    assert _listed_texts(panel) == ["uv", "fg"] and panel.current_id() == made[2].id
    panel.set_filter(None)
    assert _listed_texts(panel) == ["uv", "kl", "fg", "cdefghi", "b"]
    assert panel.heading.text() == "Annotations (5)"
    panel.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert _listed_texts(panel) == ["b", "cdefghi", "fg", "kl", "uv"] and panel.current_id() == made[2].id
    qtmodeltester.check(panel.model)

    status = panel.model.index(1, panel.model.STATUS)  # "cdefghi", rejected
    assert (status.data(), status.data(Qt.ItemDataRole.AccessibleTextRole)) == ("✗ rejected", "rejected")
    assert panel.model.index(1, panel.model.TEXT).data(Qt.ItemDataRole.FontRole).strikeOut()
