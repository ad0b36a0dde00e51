"""The window's item models pass Qt's model tester, and the document list stays
fast with ten thousand documents."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from documentkit import Listed, listing_database, numbered
from PySide6.QtCore import QPoint, Qt

from reader.domain.annotations import Annotation
from reader.domain.documents import SearchHit
from reader.domain.tags import default_tags
from reader.store import Store
from reader.ui.annotating.annotation_panel import AnnotationListModel
from reader.ui.reading.document_list import DOCUMENT_ID_ROLE, UNTOUCHED_MARK, DocumentListModel, DocumentListPanel
from reader.ui.reading.search import SearchHitModel
from reader.ui.reading.search_hit_view import CONTEXT_ROLE


def test_document_list_model_over_a_real_database(qtbot, qtmodeltester, tmp_path):
    panel = DocumentListPanel()
    qtbot.addWidget(panel)
    with Store.open(listing_database(tmp_path / "listed.sqlite", numbered(300))) as store:
        panel.set_listing(store)
        assert panel.model.rowCount() == 300  # more than two pages of rows
        qtmodeltester.check(panel.model)
        titles = [panel.model.index(row, DocumentListModel.TITLE).data() for row in range(300)]
        assert titles == sorted(titles) and titles[0] == "Title 00000 о Москве"
        panel.filter_box.setText("МОСКВ")  # case-insensitive, Cyrillic too
        assert panel.model.rowCount() == 300
        panel.filter_box.setText("doc-0001")
        assert panel.model.rowCount() == 10
        assert sorted(panel.ids_in_order()) == list(range(11, 21))  # doc-00010 .. doc-00019
        qtmodeltester.check(panel.model)


def test_a_documents_row_is_found_in_every_order_and_filter(qtbot, tmp_path):
    panel = DocumentListPanel()
    qtbot.addWidget(panel)
    with Store.open(listing_database(tmp_path / "listed.sqlite", numbered(300))) as store:
        panel.set_listing(store)
        for column in range(DocumentListModel.REVIEWED + 1):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                panel.view.sortByColumn(column, order)
                ids = [panel.model.document_id(row) for row in range(panel.model.rowCount())]
                assert sorted(ids) == list(range(1, 301))
                fresh = DocumentListModel()  # nothing read yet: each row comes from the store's count
                fresh.set_listing(store)
                fresh.sort(column, order)
                assert [fresh.row_of(document_id) for document_id in ids[::37]] == list(range(0, 300, 37))
        panel.filter_box.setText("doc-0002")
        assert panel.model.row_of(1) is None and panel.model.has_document(1)


def test_untouched_documents_are_marked_and_sort_first(qtbot, tmp_path):
    panel = DocumentListPanel()
    qtbot.addWidget(panel)
    with Store.open(listing_database(tmp_path / "listed.sqlite", numbered(8))) as store:
        panel.set_listing(store)
        panel.view.sortByColumn(DocumentListModel.MARK, Qt.SortOrder.AscendingOrder)
        marks = [panel.model.index(row, DocumentListModel.MARK).data() for row in range(8)]
        assert marks == [UNTOUCHED_MARK, UNTOUCHED_MARK] + [""] * 6
        untouched = panel.model.index(0, DocumentListModel.TITLE).data(DOCUMENT_ID_ROLE)
        text = store.document(untouched).text
        store.add_annotation(Annotation(document_id=untouched, start=0, end=5, text=text[:5], tag="actor"))
        panel.model.set_counts(untouched, *store.document_counts(untouched))
        assert panel.model.index(panel.model.row_of(untouched), DocumentListModel.MARK).data() == ""
        assert panel.model.row_of(untouched) == 1  # the list follows the order it is sorted in
        panel.view.sortByColumn(DocumentListModel.COUNT, Qt.SortOrder.DescendingOrder)
        counts = [panel.model.index(row, DocumentListModel.COUNT).data() for row in range(8)]
        assert counts == sorted(counts, reverse=True)


@pytest.fixture(scope="module")
def ten_thousand(tmp_path_factory) -> Path:
    return listing_database(tmp_path_factory.mktemp("listing") / "ten-thousand.sqlite", numbered(10_000))


def test_ten_thousand_documents_load_filter_and_sort_quickly(qtbot, ten_thousand):
    panel = DocumentListPanel()
    qtbot.addWidget(panel)
    panel.setMinimumSize(400, 700)  # an explicit minimum: the offscreen platform cannot take size hints
    panel.show()
    with Store.open(ten_thousand, read_only=True) as store:
        started = time.perf_counter()
        panel.set_listing(store)
        panel.view.viewport().repaint()
        loaded = time.perf_counter()
        panel.filter_box.setText("title 0999")
        filtered = time.perf_counter()
        assert panel.model.rowCount() == 10
        panel.filter_box.clear()
        panel.view.sortByColumn(DocumentListModel.COUNT, Qt.SortOrder.DescendingOrder)
        panel.view.viewport().repaint()
        sorted_at = time.perf_counter()
        panel.view.scrollToBottom()
        last = panel.model.index(panel.model.rowCount() - 1, DocumentListModel.COUNT)
        assert last.data() == 0 and panel.model.index(0, DocumentListModel.COUNT).data() == 3
    timings = {"load": loaded - started, "filter": filtered - loaded, "sort": sorted_at - filtered}
    print({k: f"{v * 1000:.0f} ms" for k, v in timings.items()})
    # Generous bounds for a shared CI machine; locally each is a few milliseconds.
    assert timings["load"] < 0.5 and timings["filter"] < 0.5 and timings["sort"] < 0.5
    assert panel.view.findChildren(type(panel.filter_box)) == []  # no widget per row


def annotation(start: int, end: int, tag: str = "claim", note: str = "") -> Annotation:
    text = "abcdefghijklmnopqrstuvwxyz" * 4
    return Annotation(document_id=1, start=start, end=end, text=text[start:end], tag=tag, note=note)


def test_annotation_model_keeps_text_order_through_changes(qapp, qtmodeltester):
    notes = []
    model = AnnotationListModel(lambda annotation_id, note: notes.append((annotation_id, note)))
    model.set_tags(default_tags())
    spans = [annotation(10, 20), annotation(0, 5, "actor"), annotation(3, 30, "date", "long one")]
    model.set_annotations(spans)
    qtmodeltester.check(model)
    assert [model.annotation(r).start for r in range(3)] == [0, 3, 10]
    moved = spans[0].changed(start=1, end=4, text="bcd")
    model.upsert(moved)
    assert [model.annotation(r).start for r in range(3)] == [0, 1, 3]
    model.upsert(annotation(50, 60))
    model.remove(spans[1].id)
    assert [model.annotation(r).start for r in range(3)] == [1, 3, 50]
    qtmodeltester.check(model)
    note_index = model.index(model.row_of(spans[2].id), AnnotationListModel.NOTE)
    assert note_index.flags() & Qt.ItemFlag.ItemIsEditable
    assert model.setData(note_index, "checked")
    assert notes == [(spans[2].id, "checked")]
    assert model.by_id(spans[2].id).note == "long one"  # the model never writes: the command does


def test_search_hit_model(qapp, qtmodeltester):
    model = SearchHitModel()
    model.set_hits([SearchHit(1, "a.txt", "Title A", "…[Москва] не…"), SearchHit(2, "b.txt", "", "x")], "москва")
    qtmodeltester.check(model)
    assert model.index(1).data().startswith("b.txt")
    assert model.index(0).data(CONTEXT_ROLE) == ("…", "Москва", " не…")
    assert "<b>Москва</b>" in model.index(0).data(Qt.ItemDataRole.ToolTipRole)


def test_titles_and_names_sort_in_natural_order_by_a_click_on_their_header(qtbot, tmp_path):
    panel = DocumentListPanel()
    qtbot.addWidget(panel)
    panel.setMinimumSize(600, 400)
    panel.show()
    numbers = [100, 2, 10, 1, 20]
    documents = [Listed(f"doc-{n}.txt", f"Документ {n}") for n in numbers]
    store = Store.open(listing_database(tmp_path / "listed.sqlite", documents))
    panel.set_listing(store)
    header = panel.view.horizontalHeader()

    def click_header(column: int) -> None:
        position = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(position, header.height() // 2))

    def column(column: int) -> list[str]:
        return [panel.model.index(row, column).data() for row in range(panel.model.rowCount())]

    expected = [f"Документ {n}" for n in sorted(numbers)]
    assert column(DocumentListModel.TITLE) == expected  # the list's first order
    click_header(DocumentListModel.TITLE)
    assert column(DocumentListModel.TITLE) == expected[::-1]
    click_header(DocumentListModel.NAME)
    assert column(DocumentListModel.NAME) == [f"doc-{n}.txt" for n in sorted(numbers)]
    store.close()
