"""PDF: LibreOffice's two-column, hyphenated Russian report comes out paragraph by paragraph in
reading order, each word whole again, each paragraph with its page; a scan, an encrypted file
and damaged ones are refused in one line (tests/data/documents/pdf/, made by make_pdf.py)."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader.domain.extracting import pdf
from reader.domain.extracting.model import ExtractOptions, UnreadableFile

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "documents" / "pdf"
TWO_COLUMNS = FIXTURES / "two_columns.pdf"
TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
BODY = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}body"
PLAIN = ExtractOptions()


def source_paragraphs() -> list[str]:
    """The heading and paragraphs of the .fodt the PDF was printed from, in order (its footer,
    the page number, is not among them)."""
    body = ET.parse(FIXTURES / "two_columns.fodt").getroot().find(BODY)
    assert body is not None
    return ["".join(e.itertext()) for e in body.iter() if e.tag in (f"{TEXT_NS}h", f"{TEXT_NS}p")]


def poppler(tool: str, *arguments: str) -> str:
    if shutil.which(tool) is None:
        pytest.skip(f"poppler-utils' {tool} reads the PDF independently")
    return subprocess.run([tool, *arguments], capture_output=True, text=True, check=True).stdout


def refusal(data: bytes) -> str:
    with pytest.raises(UnreadableFile) as refused:
        pdf.extract(data, PLAIN)
    return str(refused.value)


def test_the_text_is_the_source_paragraphs_in_reading_order_one_block_each():
    extracted = pdf.extract(TWO_COLUMNS.read_bytes(), PLAIN)

    paragraphs = [extracted.text[b.start : b.end] for b in extracted.blocks]

    # Column one is read to its end, then column two; a paragraph the column cut is whole.
    assert paragraphs == source_paragraphs()
    assert extracted.text == "\n\n".join(paragraphs)
    assert "🙂" in extracted.text  # outside the BMP: code points, not UTF-16 units


def test_each_paragraph_has_its_page():
    extracted = pdf.extract(TWO_COLUMNS.read_bytes(), PLAIN)

    pages = {extracted.text[b.start : b.end][:14]: b.page for b in extracted.blocks}

    assert pages["Конец первой с"] == 1 and pages["Вторая страниц"] == 2
    assert [b.page for b in extracted.blocks] == sorted(b.page for b in extracted.blocks)
    assert all(b.paragraph is None for b in extracted.blocks)


def printed_column_lines(left: int) -> list[str]:
    """Page 1's printed lines in the column starting ``left`` points from the page's left edge,
    as poppler lays them out (the columns are 156 points wide, 22 apart, from 42.5)."""
    crop = ["-f", "1", "-l", "1", "-x", str(left), "-y", "0", "-W", "210", "-H", "600"]
    return poppler("pdftotext", "-layout", *crop, str(TWO_COLUMNS), "-").splitlines()


def test_the_words_hyphenated_at_line_ends_are_whole_again():
    broken = []  # (the part before the hyphen, the part on the next line)
    for lines in (printed_column_lines(0), printed_column_lines(210)):
        for line, following in itertools.pairwise(lines):
            first, rest = re.search(r"(\w+)-$", line.rstrip()), re.match(r"\s*(\w+)", following)
            if first and rest:
                broken.append((first.group(1), rest.group(1)))
    extracted = pdf.extract(TWO_COLUMNS.read_bytes(), PLAIN).text

    assert len(broken) >= 10  # LibreOffice really hyphenated this text (16 words, README.md lists them)
    for first, rest in broken:
        assert re.search(rf"(?<!\w){first}{rest}(?!\w)", extracted), (first, rest)
        assert f"{first}-" not in extracted, first


def test_column_one_is_read_to_its_end_before_column_two():
    text = pdf.extract(TWO_COLUMNS.read_bytes(), PLAIN).text
    left, right = " ".join(printed_column_lines(0)), " ".join(printed_column_lines(210))

    # The paragraph column one ends in ("... после") goes on at the top of column two.
    assert "после" in left and "раскопок" in right and "Вторая колонка" in right
    assert text.index("Первая колонка") < text.index("после раскопок") < text.index("Вторая колонка продолжает")
    assert text.index("Вторая колонка") < text.index("Конец первой страницы.") < text.index("Вторая страница:")


def test_the_page_numbers_in_the_footer_are_dropped():
    printed = poppler("pdftotext", "-layout", str(TWO_COLUMNS), "-")
    extracted = pdf.extract(TWO_COLUMNS.read_bytes(), PLAIN)

    # The PDF prints each page's number alone on its last line; the text has no such block.
    assert [page.strip().splitlines()[-1].strip() for page in printed.split("\f") if page.strip()] == ["1", "2"]
    assert not any(extracted.text[b.start : b.end].strip().isdigit() for b in extracted.blocks)


def test_title_and_date_come_from_the_documents_information():
    info = poppler("pdfinfo", "-isodates", str(TWO_COLUMNS))
    created = re.search(r"^CreationDate:\s+(\d{4}-\d{2}-\d{2})T", info, re.MULTILINE)
    extracted = pdf.extract(TWO_COLUMNS.read_bytes(), PLAIN)

    assert extracted.title == "Отчёт о водоснабжении Заречья" and extracted.source_type == "pdf"
    assert created is not None and extracted.published == created.group(1)


def test_a_scan_has_no_text_layer():
    assert refusal((FIXTURES / "scanned.pdf").read_bytes()) == "no text layer (scanned?); not imported"


def test_an_encrypted_pdf_is_refused():
    assert refusal((FIXTURES / "encrypted.pdf").read_bytes()) == "encrypted PDF (password-protected); not imported"


def test_a_pdf_with_only_an_owner_password_opens_as_it_does_in_a_viewer():
    plain = pdf.extract(TWO_COLUMNS.read_bytes(), PLAIN)

    # Encrypted, with an empty user password and copying forbidden: read all the same.
    assert pdf.extract((FIXTURES / "owner_password.pdf").read_bytes(), PLAIN) == plain


def test_a_glyph_its_font_does_not_name_is_an_unknown_character():
    extracted = pdf.extract((FIXTURES / "heading_without_unicode_map.pdf").read_bytes(), PLAIN)
    heading, *paragraphs = [extracted.text[b.start : b.end] for b in extracted.blocks]
    source_heading, *source = source_paragraphs()

    # The bold font (the heading's) lost its Unicode map: one U+FFFD a glyph, not "(cid:7)".
    assert heading == "\ufffd" * len(source_heading)
    assert paragraphs == source


def test_a_pdf_whose_fonts_name_no_characters_is_refused():
    message = refusal((FIXTURES / "no_unicode_map.pdf").read_bytes())

    assert message == "no usable text layer (its fonts do not map glyphs to characters); not imported"


@pytest.mark.parametrize(
    "data",
    [b"", b"%PDF-1.7\n" + bytes(range(256)) * 8, TWO_COLUMNS.read_bytes()[:4000], b"PK\x03\x04 not a pdf"],
    ids=["empty", "garbage-after-header", "truncated", "a-zip"],
)
def test_damaged_input_is_refused_in_one_line(data):
    message = refusal(data)

    assert message.startswith("damaged or not a valid PDF file (") and message.endswith("); not imported")
    assert "\n" not in message
