"""The EPUB extractor on e-books made by LibreOffice (tests/data/documents/epub, see its README.md)."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from reader.domain.extracting import epub
from reader.domain.extracting.model import BLOCK_SEPARATOR, ExtractOptions, UnreadableFile

BOOKS = Path(__file__).resolve().parents[1] / "data" / "documents" / "epub"
BOOK = BOOKS / "book_ru.epub"
SOURCE = BOOKS / "book_ru.fodt"
TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
DC_NS = "{http://purl.org/dc/elements/1.1/}"
PLAIN = ExtractOptions()


def source_paragraphs() -> list[str]:
    """The headings and paragraphs of the book's source, in order."""
    body = ElementTree.parse(SOURCE).getroot()
    return ["".join(element.itertext()) for element in body.iter() if element.tag in (f"{TEXT_NS}h", f"{TEXT_NS}p")]


def rewritten(replacements: dict[str, bytes]) -> bytes:
    """The book with some of its members replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(BOOK) as book, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in book.infolist():
            copy.writestr(info.filename, replacements.pop(info.filename, book.read(info)))
        for name, data in replacements.items():
            copy.writestr(name, data)
    return out.getvalue()


def refusal(data: bytes) -> str:
    with pytest.raises(UnreadableFile) as refused:
        epub.extract(data, PLAIN)
    return str(refused.value)


def test_the_book_s_paragraphs_come_out_in_spine_order_numbered_across_its_documents():
    with zipfile.ZipFile(BOOK) as book:
        documents = [name for name in book.namelist() if name.endswith(".xhtml") and "/sections/" in name]
    assert len(documents) == 2  # LibreOffice split it at its headings, listed in the manifest out of order

    extracted = epub.extract(BOOK.read_bytes(), PLAIN)

    assert [extracted.text[block.start : block.end] for block in extracted.blocks] == source_paragraphs()
    assert extracted.text == BLOCK_SEPARATOR.join(source_paragraphs())
    assert [block.paragraph for block in extracted.blocks] == list(range(1, len(source_paragraphs()) + 1))
    assert all(block.page is None for block in extracted.blocks)


def test_a_character_outside_the_bmp_is_one_code_point_of_the_text():
    extracted = epub.extract(BOOK.read_bytes(), PLAIN)
    quoted = next(block for block in extracted.blocks if "🙂" in extracted.text[block.start : block.end])

    assert extracted.text[quoted.start : quoted.end] == next(p for p in source_paragraphs() if "🙂" in p)


def test_title_and_date_come_from_the_package():
    metadata = ElementTree.parse(SOURCE).getroot().find("{urn:oasis:names:tc:opendocument:xmlns:office:1.0}meta")
    assert metadata is not None

    extracted = epub.extract(BOOK.read_bytes(), ExtractOptions(keep_boilerplate=True))

    assert extracted.title == metadata.findtext(f"{DC_NS}title") == "Хроники Заречья"
    assert extracted.published.startswith(metadata.findtext(f"{DC_NS}date") or "?")  # as dcterms:modified
    assert (extracted.source_type, extracted.url) == ("epub", "")


def test_a_drm_encrypted_book_is_refused():
    assert refusal((BOOKS / "book_ru.drm.epub").read_bytes()) == "encrypted e-book (DRM); not imported"


def test_obfuscated_fonts_alone_are_no_drm():
    encryption = b"""<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
      xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>
      <enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>
      <enc:CipherData><enc:CipherReference URI="OEBPS/fonts/font.otf"/></enc:CipherData>
      </enc:EncryptedData></encryption>"""
    data = rewritten({"META-INF/encryption.xml": encryption, "OEBPS/fonts/font.otf": b"\x00" * 64})

    assert epub.extract(data, PLAIN).text == epub.extract(BOOK.read_bytes(), PLAIN).text


def test_entities_in_the_package_are_never_expanded():
    with zipfile.ZipFile(BOOK) as book:
        package = book.read("OEBPS/content.opf").decode("utf-8")
    doctype = (
        '<!DOCTYPE package [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY secret SYSTEM "file:///etc/hostname">]>'
    )
    hostile = package.replace("?>", "?>" + doctype, 1).replace("Хроники Заречья", "Хроники &c;Заречья&secret;")

    extracted = epub.extract(rewritten({"OEBPS/content.opf": hostile.encode("utf-8")}), PLAIN)

    assert extracted.title == "Хроники Заречья"  # neither the entities nor the file they name
    assert extracted.text == epub.extract(BOOK.read_bytes(), PLAIN).text


def test_a_zip_that_is_no_epub_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as other:
        other.writestr("word/document.xml", "<w:document/>")

    assert refusal(out.getvalue()) == "damaged or not a valid EPUB file (no META-INF/container.xml); not imported"


def test_a_book_with_no_text_is_refused():
    empty = b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p> </p></body></html>'
    data = rewritten({"OEBPS/sections/section0001.xhtml": empty, "OEBPS/sections/section0002.xhtml": empty})

    assert refusal(data) == "no text in the e-book; not imported"


@pytest.mark.parametrize(
    "data",
    [b"", BOOK.read_bytes()[: len(BOOK.read_bytes()) // 2], random.Random(16).randbytes(4096)],
    ids=["empty", "truncated", "random bytes"],
)
def test_damaged_input_is_refused_in_one_line(data):
    assert refusal(data) == "damaged or not a valid EPUB file (File is not a zip file); not imported"
