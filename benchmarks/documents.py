"""Scenario 10 (issue 16): importing web pages, Word, PDF, e-books and OpenDocument files.

For each format, ``reader import FOLDER --db FILE`` of a folder of copies of the format's test
file (tests/data/documents/), against the extraction library alone reading the same files in
the same run: trafilatura's ``bare_extraction``, python-docx's paragraphs and tables, pdfminer's
``extract_text`` with layout analysis, odfpy's ``load`` and ``teletype.extractText``, and for an
e-book zipfile with lxml over its XHTML. Reader's side adds what it does beyond the library:
the size check, the file's hash, blocks and normalization, and the store. The copies after the
first have the same text, so they are extracted and hashed but not written again: the store's
write is in each run once. The target: Reader's time ≤ 1.5× the library's.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.datasets import fresh_database, remove_database
from benchmarks.measure import Row, paired_ms
from benchmarks.store_io import _run_reader

DOCUMENTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "documents"
SHARE_RATIO = 1.5


def _html(data: bytes) -> object:
    import trafilatura

    return trafilatura.bare_extraction(data, include_tables=True, with_metadata=True)


def _docx(data: bytes) -> object:
    import docx

    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [paragraph.text for paragraph in document.paragraphs] + cells


def _pdf(data: bytes) -> object:
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    return extract_text(io.BytesIO(data), laparams=LAParams())


def _odt(data: bytes) -> object:
    from odf import teletype, text
    from odf.opendocument import load

    document = load(io.BytesIO(data))
    return [teletype.extractText(p) for kind in (text.H, text.P) for p in document.getElementsByType(kind)]


def _epub(data: bytes) -> object:
    from lxml import etree, html

    with zipfile.ZipFile(io.BytesIO(data)) as book:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
        names = [name for name in book.namelist() if name.endswith((".xhtml", ".html", ".htm"))]
        pages = [etree.fromstring(book.read(name), parser) for name in names]
        return ["".join(html.fromstring(etree.tostring(page)).itertext()) for page in pages]


# format: (the test file, the library alone on its bytes)
FORMATS: dict[str, tuple[str, Callable[[bytes], object]]] = {
    "html": ("html/wikimediafoundation.org.turkey.html", _html),
    "docx": ("docx/report.docx", _docx),
    "pdf": ("pdf/two_columns.pdf", _pdf),
    "epub": ("epub/book_ru.epub", _epub),
    "odt": ("odt/report.odt", _odt),
}


def run(work: Path, copies: int, runs: int) -> list[Row]:
    rows = []
    for name, (relative, library) in FORMATS.items():
        source = DOCUMENTS / relative
        folder = work / f"documents-{name}"
        folder.mkdir(exist_ok=True)
        files = [Path(shutil.copy(source, folder / f"{index:03}{source.suffix}")) for index in range(copies)]

        def library_alone(_: object, files: list[Path] = files, library: Callable = library) -> None:
            for path in files:
                library(path.read_bytes())

        reader_ms, library_ms = paired_ms(
            lambda db, folder=folder: _run_reader("import", str(folder), "--db", str(db)),
            library_alone,
            runs,
            prepare=lambda side: fresh_database(work, "documents.sqlite"),
            cleanup=remove_database,
        )
        size_kb = source.stat().st_size / 1024
        rows.append(
            Row(
                "10",
                f"import {copies} {name} files (`reader import`), {1000 * copies / reader_ms:.0f} per second",
                f"{copies} × {size_kb:,.0f} KB",
                reader_ms,
                library_ms,
                f"{name} library alone",
                "ms",
                f"≤ {SHARE_RATIO:g}× baseline",
                reader_ms <= SHARE_RATIO * library_ms,
            )
        )
    return rows
