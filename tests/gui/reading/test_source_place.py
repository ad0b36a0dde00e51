"""The line under the document's title says where its text came from, and which page (or
paragraph) the caret is in, as the caret moves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from windowkit import middle_of, open_window, pick_document

from reader.domain.corpus import SourceText
from reader.domain.extracting.model import TextBuilder
from reader.store import Store


def paged(name: str, source_type: str, unit: str) -> SourceText:
    builder = TextBuilder()
    for number, words in enumerate(("Первая часть 🙂 отчёта.", "Вторая часть.", "Третья часть, в конце."), 1):
        builder.add(words, **{unit: number})
    return SourceText(
        name, "", builder.text(), "", source_type, "", builder.blocks, "", "2026-03-01", "https://example.org/a"
    )


def test_the_caret_tells_the_page_it_is_on(qtbot, tmp_path):
    db = tmp_path / "project.sqlite"
    source = paged("report.pdf", "pdf", "page")
    with Store.open(db) as store:
        store.import_source(source)
    window = open_window(qtbot, db, tmp_path / "settings.ini", corpus=None)
    pick_document(qtbot, window, 0)
    details = window.document_details

    assert "PDF · 2026-03-01 · https://example.org/a" in details.text()
    assert details.text().endswith("page 1 of 3")
    third = source.text.index("Третья")
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=middle_of(window, third + 2))
    assert window.reader.caret_code_point() in (third + 2, third + 3)
    assert details.text().endswith("page 3 of 3")
    qtbot.keyClick(window.reader, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert details.text().endswith("page 1 of 3")


def test_a_word_document_counts_paragraphs_and_a_plain_text_says_nothing_more(qtbot, tmp_path):
    db = tmp_path / "project.sqlite"
    with Store.open(db) as store:
        store.import_source(paged("a report.docx", "docx", "paragraph"))
        store.import_source(SourceText("b notes.txt", "", "Просто текст.\n", "utf-8"))
    window = open_window(qtbot, db, tmp_path / "settings.ini", corpus=None)

    pick_document(qtbot, window, 0)
    word = window.document_details.text()
    qtbot.keyClick(window.reader, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = window.document_details.text()
    pick_document(qtbot, window, 1)

    assert "Word document" in word and word.endswith("paragraph 1")
    assert last.endswith("paragraph 3")
    plain = window.document_details.text()
    assert plain.startswith("b notes.txt · 14 character") and plain.count("·") == 1  # name and length only
