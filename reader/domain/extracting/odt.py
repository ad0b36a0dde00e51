"""An OpenDocument text (.odt) as text, by the same rules as a DOCX (see docx.py): paragraphs and
headings in document order, also inside lists and sections; a table as one block of
tab-separated rows; empty paragraphs not counted in Block.paragraph; footnotes and endnotes
after the body as "[1] text" and "[i] text", numbered in order, each with the body item that
holds it as its Block.paragraph, and their citation marks left out of the body's text.

odfpy reads the package. Its teletype.extractText is not used for the text: it would leave each
note's citation and body glued into the sentence, keep comments (office:annotation) and numbering
labels (text:number) as text, expand a text:s of any count it is given, and keep the white space
that ODF says collapses (ODF 1.3 part 3, 6.1.2: a run of spaces, tabs and newlines in the XML is
one space, and none at a paragraph's start). Here the same elements, text:s, text:tab and
text:line-break, become spaces, "\\t" and "\\n", with those rules. Tracked deletions, comments,
drawings (text boxes among them) and the templates of indexes are left out, as in a DOCX."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import Any

from reader.domain.extracting.docx import roman_label
from reader.domain.extracting.model import Extracted, ExtractOptions, TextBuilder, UnreadableFile, damaged
from reader.domain.extracting.zipped import checked_zip

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"

_PARAGRAPHS = {(_TEXT, "p"), (_TEXT, "h")}
_NOTE = (_TEXT, "note")
_TABLE_ELEMENT = (_TABLE, "table")
_ROW_GROUPS = {(_TABLE, name) for name in ("table-header-rows", "table-rows", "table-row-group")}
_LEFT_OUT = {(_TEXT, "tracked-changes"), (_TEXT, "number"), (_TEXT, "note-citation")}
_LEFT_OUT |= {(_OFFICE, "annotation"), (_OFFICE, "annotation-end"), (_OFFICE, "forms")}
_MAX_SPACES = 1000  # a text:s's count past this is a hostile file's, not a layout's
_XML_WHITE_SPACE = re.compile(r"[ \t\r\n]+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TEXT_MIMETYPE = b"application/vnd.oasis.opendocument.text"

_Note = tuple[str, Any]  # (note class, text:note element)


def extract(data: bytes, options: ExtractOptions) -> Extracted:
    archive = checked_zip(data, "ODT")
    names = set(archive.namelist())
    if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read("META-INF/manifest.xml"):
        raise UnreadableFile("encrypted (password-protected) ODT; not imported")
    mimetype = archive.read("mimetype").strip() if "mimetype" in names else _TEXT_MIMETYPE
    if not mimetype.startswith(_TEXT_MIMETYPE):
        raise UnreadableFile(f"not an OpenDocument text but {mimetype.decode('ascii', 'replace')[:80]}; not imported")
    try:
        from odf.opendocument import load

        document = load(io.BytesIO(data))
        return _read(document)
    except UnreadableFile:
        raise
    except Exception as error:
        raise damaged("ODT", error) from None


def _read(document: Any) -> Extracted:
    # office:body's office:text, found here: odfpy's document.text is office:body's first child
    # node, which is white space where the XML is indented
    texts = [child for child in _elements(document.body) if child.qname == (_OFFICE, "text")]
    if not texts:
        raise UnreadableFile("an OpenDocument file with no text body; not imported")
    body = _Body()
    body.blocks(texts[0])
    body.notes("footnote", str)
    body.notes("endnote", roman_label)
    title, published = _metadata(document.meta)
    return body.builder.extracted("odt", title=title, published=published)


class _Body:
    def __init__(self) -> None:
        self.builder = TextBuilder()
        self.items = 0  # body items with text so far
        self.notes_found: list[tuple[_Note, int | None]] = []  # each note and the item holding it

    def blocks(self, container: Any) -> None:
        for child in _elements(container):
            if child.qname in _PARAGRAPHS:
                notes: list[_Note] = []
                self._add(paragraph_text(child, notes), notes)
            elif child.qname == _TABLE_ELEMENT:
                notes = []
                self._add(table_text(child, notes), notes)
            elif not _left_out(child):
                self.blocks(child)  # text:list, text:list-item, text:section, an index's body...

    def _add(self, text: str, notes: list[_Note]) -> None:
        item = None
        if text.strip():
            self.items += 1
            item = self.items
            self.builder.add(text, paragraph=item)
        self.notes_found.extend((note, item) for note in notes)

    def notes(self, note_class: str, label: Any) -> None:
        number = 0
        for (found_class, note), item in self.notes_found:
            if found_class != note_class:
                continue
            text = "\n".join(block for block in _note_blocks(note) if block.strip())
            if text.strip():
                number += 1
                self.builder.add(f"[{label(number)}] {text.strip()}", paragraph=item)


def _elements(element: Any) -> Iterable[Any]:
    return (child for child in element.childNodes if child.nodeType == child.ELEMENT_NODE)


def _left_out(element: Any) -> bool:
    namespace, name = element.qname
    return element.qname in _LEFT_OUT or namespace == _DRAW or name.endswith("-source")


class _Inline:
    """A paragraph's text as ODF lays it out: XML white space collapsed, text:s kept."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.after_space = True  # at the paragraph's start, leading white space is dropped too

    def xml_text(self, data: str) -> None:
        collapsed = _XML_WHITE_SPACE.sub(" ", data)
        if self.after_space and collapsed.startswith(" "):
            collapsed = collapsed[1:]
        if collapsed:
            self.parts.append(collapsed)
            self.after_space = collapsed.endswith(" ")

    def literal(self, text: str) -> None:
        self.parts.append(text)
        self.after_space = False


def paragraph_text(paragraph: Any, notes: list[_Note]) -> str:
    """The text of a text:p or text:h; the notes in it are appended to ``notes``."""
    inline = _Inline()
    _collect(paragraph, inline, notes)
    return "".join(inline.parts)


def _collect(element: Any, inline: _Inline, notes: list[_Note]) -> None:
    for child in element.childNodes:
        if child.nodeType == child.TEXT_NODE:
            inline.xml_text(child.data)
            continue
        if child.nodeType != child.ELEMENT_NODE:
            continue
        namespace, name = child.qname
        if namespace == _TEXT and name == "s":
            inline.literal(" " * _space_count(child))
        elif namespace == _TEXT and name == "tab":
            inline.literal("\t")
        elif namespace == _TEXT and name == "line-break":
            inline.literal("\n")
        elif child.qname == _NOTE:
            notes.append((child.attributes.get((_TEXT, "note-class"), "footnote"), child))
        elif not _left_out(child):
            _collect(child, inline, notes)  # text:span, text:a, fields, bookmarks...


def _space_count(element: Any) -> int:
    try:
        return max(1, min(int(element.attributes.get((_TEXT, "c"), "1")), _MAX_SPACES))
    except ValueError:
        return 1


def table_text(table: Any, notes: list[_Note]) -> str:
    lines = []
    for row in _rows(table):
        cells = [_cell_text(cell, notes) for cell in _elements(row) if cell.qname == (_TABLE, "table-cell")]
        if any(cell.strip() for cell in cells):  # a merged cell's covered cells are not table-cell
            lines.append("\t".join(cells))
    return "\n".join(lines)


def _rows(table: Any) -> Iterable[Any]:
    for child in _elements(table):
        if child.qname == (_TABLE, "table-row"):
            yield child
        elif child.qname in _ROW_GROUPS:
            yield from _rows(child)


def _cell_text(cell: Any, notes: list[_Note]) -> str:
    texts: list[str] = []
    _cell_paragraphs(cell, texts, notes)
    joined = " ".join(text.strip() for text in texts if text.strip())
    return joined.replace("\t", " ").replace("\n", " ")


def _cell_paragraphs(container: Any, texts: list[str], notes: list[_Note]) -> None:
    for child in _elements(container):
        if child.qname in _PARAGRAPHS:
            texts.append(paragraph_text(child, notes))
        elif child.qname != (_TABLE, "covered-table-cell") and not _left_out(child):
            _cell_paragraphs(child, texts, notes)  # lists, sections, a table inside the cell


def _note_blocks(note: Any) -> Iterable[str]:
    ignored: list[_Note] = []
    for body in _elements(note):
        if body.qname != (_TEXT, "note-body"):
            continue
        for child in _elements(body):
            if child.qname in _PARAGRAPHS:
                yield paragraph_text(child, ignored)
            elif child.qname == _TABLE_ELEMENT:
                yield table_text(child, ignored)
            elif not _left_out(child):  # a list in the note
                texts: list[str] = []
                _cell_paragraphs(child, texts, ignored)
                yield "\n".join(texts)


def _metadata(meta: Any) -> tuple[str, str]:
    values: dict[tuple[str, str], str] = {}
    for child in _elements(meta):
        values.setdefault(child.qname, "".join(_plain_text(child)).strip())
    title = values.get((_DC, "title"), "")
    for date in (values.get((_META, "creation-date"), ""), values.get((_DC, "date"), "")):
        if _DATE.match(date):
            return title, date[:10]
    return title, ""


def _plain_text(element: Any) -> Iterable[str]:
    for child in element.childNodes:
        if child.nodeType == child.TEXT_NODE:
            yield child.data
        elif child.nodeType == child.ELEMENT_NODE:
            yield from _plain_text(child)
