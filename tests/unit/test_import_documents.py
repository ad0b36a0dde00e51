"""Documents from real sources through the command line: each test file of
tests/data/documents/ is imported, a span is annotated on its extracted text, and the
export quotes it exactly (``text == document[start:end]``) with its page or paragraph.
What cannot be read is skipped in one line each, and the rest goes on."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest

from reader.store import Store

DOCUMENTS = Path(__file__).resolve().parents[1] / "data" / "documents"
# file, its type, a quote from its text, the quote's page (PDF) or paragraph (the others)
QUOTED = [
    ("html/news_ru.utf8.html", "html", "Марина Белова", None, 4),
    ("html/wikimediafoundation.org.turkey.html", "html", "Constitutional Court of Turkey", None, 1),
    ("docx/report.docx", "docx", "Анна Петрова", None, 3),
    ("docx/python_docx.docx", "docx", "☀️", None, 2),
    ("odt/report.odt", "odt", "продолжим обновлять парк", None, 3),
    ("epub/book_ru.epub", "epub", "Сухону", None, 6),
    ("pdf/two_columns.pdf", "pdf", "Ольга Сидоренко", 1, None),
    ("pdf/two_columns.pdf", "pdf", "реконструкцию очистных сооружений", 2, None),
]


def import_one(cli, db_path: Path, path: Path, *options: str):
    result = cli("import", path, "--db", db_path, *options)
    assert result.code == 0, result.err
    with Store.open(db_path, read_only=True) as store:
        document = store.find_document(path.name)
        return document, store.document_origin(document.id)


@pytest.mark.parametrize(("file", "kind", "quote", "page", "paragraph"), QUOTED, ids=[q[0] for q in QUOTED])
def test_a_span_of_the_extracted_text_exports_exactly_with_its_place(cli, db_path, file, kind, quote, page, paragraph):
    path = DOCUMENTS / file
    document, origin = import_one(cli, db_path, path)
    start = document.text.index(quote)
    end = start + len(quote)

    annotated = cli("annotate", "--db", db_path, "--doc", path.name, "--start", start, "--end", end, "--tag", "actor")
    as_jsonl = cli("export", "--db", db_path, "--format", "jsonl")
    as_csv = cli("export", "--db", db_path, "--format", "csv", "--dialect", "plain")

    assert annotated.code == 0, annotated.err
    (row,) = map(json.loads, as_jsonl.out.splitlines())
    (cells,) = csv.DictReader(io.StringIO(as_csv.out))
    assert row["text"] == document.text[row["start"] : row["end"]] == quote
    assert cells["text"] == quote and (int(cells["start"]), int(cells["end"])) == (start, end)
    assert (row["source_type"], row["source_page"], row["source_paragraph"]) == (kind, page, paragraph)
    assert cells["source_paragraph"] == ("" if paragraph is None else str(paragraph))
    assert origin.source_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert document.source_path == str(path.resolve())


def test_a_web_pages_metadata_fill_the_documents_fields(cli, db_path):
    document, origin = import_one(cli, db_path, DOCUMENTS / "html" / "news_ru.utf8.html")

    assert document.title == "В Заречье открыли библиотеку в бывшем депо"
    assert origin.published == "2024-03-15"
    assert origin.url == "https://vesti-zarechya.example/articles/2024/03/15/biblioteka-v-depo"
    assert "Поддержать" not in document.text and "Статьи" not in document.text


def test_keep_boilerplate_imports_the_whole_page(cli, db_path):
    document, origin = import_one(cli, db_path, DOCUMENTS / "html" / "news_ru.utf8.html", "--keep-boilerplate")

    assert "Поддержать" in document.text and "Марина Белова" in document.text
    assert origin.url.startswith("https://vesti-zarechya.example/")


def test_a_folder_of_sources_imports_what_it_can_and_names_each_refusal(cli, db_path, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for good in (
        "docx/report.docx",
        "odt/report.odt",
        "html/news_ru.cp1251.html",
        "epub/book_ru.epub",
        "pdf/two_columns.pdf",
    ):
        shutil.copy(DOCUMENTS / good, folder)
    bad_ones = ("docx/encrypted.docx", "docx/old_word.doc", "odt/encrypted.odt", "epub/book_ru.drm.epub")
    for bad in (*bad_ones, "pdf/scanned.pdf", "pdf/encrypted.pdf"):
        shutil.copy(DOCUMENTS / bad, folder)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "broken.docx").write_bytes((DOCUMENTS / "docx" / "report.docx").read_bytes()[:3000])

    result = cli("import", folder, "--db", db_path)

    lines = result.err.splitlines()
    assert result.code == 3  # some files were skipped
    assert f"skipped {folder / 'encrypted.docx'}: encrypted (password-protected) Word document; not imported" in lines
    assert f"skipped {folder / 'encrypted.odt'}: encrypted (password-protected) ODT; not imported" in lines
    assert f"skipped {folder / 'book_ru.drm.epub'}: encrypted e-book (DRM); not imported" in lines
    assert f"skipped {folder / 'scanned.pdf'}: no text layer (scanned?); not imported" in lines
    assert f"skipped {folder / 'encrypted.pdf'}: encrypted PDF (password-protected); not imported" in lines
    assert any(line.startswith(f"skipped {folder / 'broken.docx'}: damaged or not a valid DOCX file") for line in lines)
    # Files of other types (an old .doc among them) are listed together, last.
    assert lines[-1] == f"skipped {folder}: 2 files of types .doc, .png, which Reader does not read"
    assert len(lines) == 7 and all("Traceback" not in line for line in lines)
    with Store.open(db_path, read_only=True) as store:
        names = sorted(d.name for d in store.documents())
    # The DOCX and the ODT of one text have the same text: the second is the first's duplicate.
    assert names == ["book_ru.epub", "news_ru.cp1251.html", "report.docx", "two_columns.pdf"]
    assert "unchanged report.odt (same content as report.docx)" in result.out


def test_a_file_over_the_size_limit_is_skipped_unread(cli, db_path, tmp_path):
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as out:  # sparse: 201 MB on paper, nothing on disk
        out.truncate(201 * 2**20)

    result = cli("import", huge, "--db", db_path)

    assert result.code == 3
    assert result.err == f"skipped {huge}: 201 MB, over the 200 MB limit for .pdf files\n"


def test_a_changed_source_imported_again_re_anchors_its_annotations(cli, db_path, tmp_path):
    page = tmp_path / "news.html"
    original = (DOCUMENTS / "html" / "news_ru.utf8.html").read_text(encoding="utf-8")
    page.write_text(original, encoding="utf-8")
    document, _ = import_one(cli, db_path, page)
    start = document.text.index("Марина Белова")
    cli("annotate", "--db", db_path, "--doc", "news.html", "--start", start, "--end", start + 13, "--tag", "actor")
    first_paragraph = document.text.split("\n\n")[1]
    page.write_text(original.replace("<p>В пятницу", "<p>Новый абзац в начале статьи.</p>\n<p>В пятницу", 1))

    again = cli("import", page, "--db", db_path)

    assert again.code == 0, again.err
    assert "updated news.html: 1 annotation(s) moved, 0 orphaned" in again.out
    with Store.open(db_path, read_only=True) as store:
        changed = store.find_document("news.html")
        (annotation,) = store.annotations(changed.id)
        origin = store.document_origin(changed.id)
    assert changed.text[annotation.start : annotation.end] == "Марина Белова" and annotation.start > start
    assert first_paragraph in changed.text
    assert origin.block_at(annotation.start).paragraph == 5  # one paragraph more before it
