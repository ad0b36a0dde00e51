"""The window's item models pass Qt's model tester, and the document list stays
fast with ten thousand documents."""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, Qt

from reader.domain.annotations import Annotation
from reader.domain.documents import DocumentSummary, SearchHit
from reader.domain.tags import default_tags
from reader.ui.annotating.annotation_panel import AnnotationListModel
from reader.ui.reading.document_list import DOCUMENT_ID_ROLE, UNTOUCHED_MARK, DocumentListModel, DocumentListPanel
from reader.ui.reading.search import SearchHitModel
from reader.ui.reading.search_hit_view import CONTEXT_ROLE


def summaries(count: int) -> list[DocumentSummary]:
    return [
        DocumentSummary(
            id=i + 1,
            name=f"doc-{i:05d}.txt",
            title=f"Title {(i * 7919) % count:05d} о Москве",
            length=1000 + i,
            annotation_count=i % 4,
            reviewed_count=0,
        )
        for i in range(count)
    ]


def test_document_list_model_and_its_proxy(qtbot, qtmodeltester):
    panel = DocumentListPanel()
    qtbot.addWidget(panel)
    panel.set_documents(summaries(50))
    qtmodeltester.check(panel.model)
    qtmodeltester.check(panel.proxy)
    panel.model.set_counts(3, 7, 0)
    panel.filter_box.setText("МОСКВ")  # case-insensitive, Cyrillic too
    assert panel.proxy.rowCount() == 50
    panel.filter_box.setText("doc-0001")
    assert panel.proxy.rowCount() == 10
    qtmodeltester.check(panel.proxy)


def test_untouched_documents_are_marked_and_sort_first(qtbot):
    panel = DocumentListPanel()
    qtbot.addWidget(panel)
    panel.set_documents(summaries(8))
    panel.view.sortByColumn(DocumentListModel.MARK, Qt.SortOrder.AscendingOrder)
    marks = [panel.proxy.index(row, DocumentListModel.MARK).data() for row in range(8)]
    assert marks == [UNTOUCHED_MARK, UNTOUCHED_MARK] + [""] * 6
    untouched = panel.proxy.index(0, DocumentListModel.TITLE).data(DOCUMENT_ID_ROLE)
    panel.model.set_counts(untouched, 1, 0)
    assert panel.model.index(panel.model.row_of(untouched), DocumentListModel.MARK).data() == ""
    panel.view.sortByColumn(DocumentListModel.COUNT, Qt.SortOrder.DescendingOrder)
    counts = [panel.proxy.index(row, DocumentListModel.COUNT).data() for row in range(8)]
    assert counts == sorted(counts, reverse=True)


def test_ten_thousand_documents_load_filter_and_sort_quickly(qtbot):
    panel = DocumentListPanel()
    qtbot.addWidget(panel)
    panel.setMinimumSize(400, 700)  # an explicit minimum: the offscreen platform cannot take size hints
    panel.show()
    documents = summaries(10_000)
    started = time.perf_counter()
    panel.set_documents(documents)
    qtbot.wait(1)
    loaded = time.perf_counter()
    panel.filter_box.setText("title 0999")
    filtered = time.perf_counter()
    assert panel.proxy.rowCount() == 10
    panel.filter_box.clear()
    panel.view.sortByColumn(DocumentListModel.COUNT, Qt.SortOrder.DescendingOrder)
    panel.view.viewport().repaint()
    sorted_at = time.perf_counter()
    timings = {"load": loaded - started, "filter": filtered - loaded, "sort": sorted_at - filtered}
    print({k: f"{v * 1000:.0f} ms" for k, v in timings.items()})
    # Generous bounds for a shared CI machine; locally each is tens of milliseconds.
    assert timings["load"] < 1.0 and timings["filter"] < 1.0 and timings["sort"] < 2.0
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


def test_titles_and_names_sort_in_natural_order_by_a_click_on_their_header(qtbot):
    panel = DocumentListPanel()
    qtbot.addWidget(panel)
    panel.setMinimumSize(600, 400)
    panel.show()
    numbers = [100, 2, 10, 1, 20]
    panel.set_documents(
        [
            DocumentSummary(
                id=n, name=f"doc-{n}.txt", title=f"Документ {n}", length=10, annotation_count=0, reviewed_count=0
            )
            for n in numbers
        ]
    )
    header = panel.view.horizontalHeader()

    def click_header(column: int) -> None:
        position = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(position, header.height() // 2))

    def column(column: int) -> list[str]:
        return [panel.proxy.index(row, column).data() for row in range(panel.proxy.rowCount())]

    expected = [f"Документ {n}" for n in sorted(numbers)]
    assert column(DocumentListModel.TITLE) == expected  # the list's first order
    click_header(DocumentListModel.TITLE)
    assert column(DocumentListModel.TITLE) == expected[::-1]
    click_header(DocumentListModel.NAME)
    assert column(DocumentListModel.NAME) == [f"doc-{n}.txt" for n in sorted(numbers)]
