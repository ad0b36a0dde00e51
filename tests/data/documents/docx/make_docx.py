"""Regenerates the DOCX fixtures.

    .venv/bin/python tests/data/documents/docx/make_docx.py

report.docx, encrypted.docx and old_word.doc come from ../odt/report.fodt through LibreOffice
(soffice; /usr/bin/python3 with python3-uno for the password); python_docx.docx is written by
python-docx itself, so that both producers' files are read."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "odt"))

from make_odt import SOURCE, convert, save_encrypted  # noqa: E402


def write_python_docx(target: Path) -> None:
    from docx import Document

    document = Document()
    document.core_properties.title = "Погода на выходные"
    document.core_properties.created = dt.datetime(2024, 7, 12, 8, 0, tzinfo=dt.UTC)
    document.add_heading("Погода на выходные", level=1)
    first = document.add_paragraph("В субботу в Казани ожидается до +27 °C ☀️, ")
    first.add_run("в воскресенье — дожди.")
    second = document.add_paragraph("Синоптики советуют:")
    second.add_run().add_break()  # a line break inside the paragraph
    second.add_run("взять зонт\tи не планировать пикник 🙂.")
    table = document.add_table(rows=4, cols=3)
    rows = [["День", "Днём", "Ночью"], ["Суббота", "+27", "+16"], ["Воскресенье", "+21", ""], ["", "", ""]]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    table.cell(0, 0).add_paragraph("(дата)")  # a cell of two paragraphs
    table.cell(1, 2).merge(table.cell(2, 2))  # "+16" for both nights: a vertical merge
    across = table.cell(3, 0).merge(table.cell(3, 2))  # the last row, one cell: a horizontal merge
    across.paragraphs[0].text = "Осадки: дожди в воскресенье."
    document.add_paragraph("")  # an empty paragraph: not a block, not counted
    document.add_paragraph("Подробный прогноз — в пятницу.")
    document.save(str(target))


def main() -> None:
    convert(SOURCE, "docx:MS Word 2007 XML", HERE)  # report.docx
    save_encrypted(SOURCE, HERE / "encrypted.docx", "MS Word 2007 XML")
    convert(SOURCE, "doc:MS Word 97", HERE)  # report.doc, renamed below
    (HERE / "report.doc").replace(HERE / "old_word.doc")
    write_python_docx(HERE / "python_docx.docx")


if __name__ == "__main__":
    main()
