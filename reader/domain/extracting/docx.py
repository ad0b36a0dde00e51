"""A Word document (.docx) as text: its body's paragraphs and tables in document order, then its
footnotes and endnotes.

- Each paragraph with text is a block (headings and list items too; their numbering labels are
  not in the file's text and are not invented). A line break inside it is "\\n", a tab stays a tab.
- A table is one block: one line per row, cells joined by a tab, a cell's paragraphs joined by a
  space (its own tabs and line breaks become spaces, so rows and columns stay readable); a
  merged cell appears once, in its first row and column. Rows with no text are left out.
- Block.paragraph counts the body's items that have text, paragraphs and tables alike (a table is
  one item), from 1: empty paragraphs, which producers add around sections and tables as they
  please, do not count, so a DOCX and an ODT of the same text number their blocks alike.
- The mark of a footnote is left out of the body's text, which stays as a reader reads it. The
  notes follow the body as blocks "[1] text" (footnotes) and "[i] text" (endnotes), numbered in
  the order they are first referred to, as Word numbers them; each note's Block.paragraph is the
  body item that refers to it. Notes nothing refers to, and the separators, are not shown by
  Word and are left out. Headers, footers, comments, text boxes and deleted text are left out.

python-docx reads the package; the runs' text (w:t, w:tab, w:br, w:cr...) is its own. The body is
walked here rather than by Document.iter_inner_content, which skips content controls (w:sdt, in
which Word puts a table of contents) and tracked insertions (w:ins), text a reader sees."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from reader.domain.extracting.model import Extracted, ExtractOptions, TextBuilder, UnreadableFile, damaged
from reader.domain.extracting.zipped import checked_zip

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE compound file: old .doc, or encrypted OOXML
ENCRYPTED_OOXML_STREAM = "EncryptionInfo".encode("utf-16-le")  # a stream's name in its directory

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _R, _TBL, _TR, _TC = f"{_W}p", f"{_W}r", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
# Elements whose content is shown as if they were not there (deletions, w:del and w:moveFrom,
# are not among them).
_TRANSPARENT = {f"{_W}{name}" for name in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")}
_INLINE_TRANSPARENT = _TRANSPARENT | {f"{_W}{name}" for name in ("hyperlink", "fldSimple", "dir", "bdo")}
_NOTE_REFERENCES = {f"{_W}footnoteReference": "footnote", f"{_W}endnoteReference": "endnote"}


def extract(data: bytes, options: ExtractOptions) -> Extracted:
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_OOXML_STREAM in data:
            raise UnreadableFile("encrypted (password-protected) Word document; not imported")
        raise UnreadableFile("old binary Word file (.doc), not DOCX; not imported")
    checked_zip(data, "DOCX")
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except Exception as error:
        raise damaged("DOCX", error) from None
    try:
        return _read(document)
    except UnreadableFile:
        raise
    except Exception as error:  # a part that python-docx loads but whose XML is malformed
        raise damaged("DOCX", error) from None


def _read(document: Any) -> Extracted:
    from docx.opc.constants import RELATIONSHIP_TYPE

    body = _Body()
    body.blocks(document.element.body)
    for kind, reltype, label in (
        ("footnote", RELATIONSHIP_TYPE.FOOTNOTES, str),
        ("endnote", RELATIONSHIP_TYPE.ENDNOTES, roman_label),
    ):
        body.notes(kind, _part_xml(document.part, reltype), label)
    title, published = _metadata(document.part.package)
    return body.builder.extracted("docx", title=title, published=published)


class _Body:
    def __init__(self) -> None:
        self.builder = TextBuilder()
        self.items = 0  # body items with text so far
        # (kind, w:id) of each note, in the order first referred to: the item that refers to it
        self.references: dict[tuple[str, str], int | None] = {}

    def blocks(self, container: Any) -> None:
        for child in container:
            if child.tag == _P:
                references: list[tuple[str, str]] = []
                self._add(paragraph_text(child, references), references)
            elif child.tag == _TBL:
                references = []
                self._add(table_text(child, references), references)
            elif child.tag in _TRANSPARENT:
                self.blocks(child)

    def _add(self, text: str, references: list[tuple[str, str]]) -> None:
        item = None
        if text.strip():
            self.items += 1
            item = self.items
            self.builder.add(text, paragraph=item)
        for reference in references:
            self.references.setdefault(reference, item)

    def notes(self, kind: str, root: Any, label: Any) -> None:
        if root is None:
            return
        shown = {
            note.get(f"{_W}id"): note
            for note in root
            if note.tag == f"{_W}{kind}" and note.get(f"{_W}type", "normal") == "normal"
        }
        number = 0
        for (reference_kind, note_id), item in self.references.items():
            note = shown.get(note_id) if reference_kind == kind else None
            if note is None:
                continue
            text = "\n".join(block for block in _note_blocks(note) if block.strip())
            if text.strip():
                number += 1
                self.builder.add(f"[{label(number)}] {text.strip()}", paragraph=item)


def paragraph_text(paragraph: Any, references: list[tuple[str, str]]) -> str:
    """The text of a w:p as shown; the notes it refers to are appended to ``references``."""
    parts: list[str] = []
    _collect_runs(paragraph, parts, references)
    return "".join(parts)


def _collect_runs(element: Any, parts: list[str], references: list[tuple[str, str]]) -> None:
    for child in element:
        if child.tag == _R:
            parts.append(child.text or "")  # python-docx's CT_R.text: w:t, w:tab, w:br, w:cr...
            for inner in child:
                kind = _NOTE_REFERENCES.get(inner.tag)
                if kind is not None:
                    references.append((kind, inner.get(f"{_W}id")))
        elif child.tag in _INLINE_TRANSPARENT:
            _collect_runs(child, parts, references)


def table_text(table: Any, references: list[tuple[str, str]]) -> str:
    lines = []
    for row in _children(table, _TR):
        cells = [_cell_text(cell, references) for cell in _children(row, _TC) if not _continues_merge(cell)]
        if any(cell.strip() for cell in cells):
            lines.append("\t".join(cells))
    return "\n".join(lines)


def _children(element: Any, tag: str) -> Iterable[Any]:
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _TRANSPARENT:
            yield from _children(child, tag)


def _continues_merge(cell: Any) -> bool:
    """A cell that a vertically merged cell above covers (w:vMerge without "restart")."""
    merge = cell.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(f"{_W}val", "continue") != "restart"


def _cell_text(cell: Any, references: list[tuple[str, str]]) -> str:
    texts: list[str] = []
    _cell_paragraphs(cell, texts, references)
    joined = " ".join(text.strip() for text in texts if text.strip())
    return joined.replace("\t", " ").replace("\n", " ")


def _cell_paragraphs(container: Any, texts: list[str], references: list[tuple[str, str]]) -> None:
    for child in container:
        if child.tag == _P:
            texts.append(paragraph_text(child, references))
        elif child.tag in (_TBL, _TR, _TC) or child.tag in _TRANSPARENT:  # a table in a cell: its cells
            _cell_paragraphs(child, texts, references)


def _note_blocks(note: Any) -> Iterable[str]:
    ignored: list[tuple[str, str]] = []
    for child in note:
        if child.tag == _P:
            yield paragraph_text(child, ignored)
        elif child.tag == _TBL:
            yield table_text(child, ignored)


def _part_xml(part: Any, reltype: str) -> Any:
    """The parsed XML of the part ``part`` relates to by ``reltype``; None when there is none."""
    from docx.oxml.parser import parse_xml

    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return parse_xml(rel.target_part.blob)
    return None


def _metadata(package: Any) -> tuple[str, str]:
    """Title and creation date from the core properties, when the file has them (python-docx
    would make up a default part, titled "Word Document", for a file without)."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:
        core = package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES).core_properties
    except KeyError:
        return "", ""
    created = core.created
    return core.title or "", created.date().isoformat() if created is not None else ""


def roman_label(number: int) -> str:
    """Word's default label of endnotes: i, ii, iii..."""
    numerals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l")]
    numerals += [(40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    text = ""
    for value, numeral in numerals:
        while number >= value:
            text += numeral
            number -= value
    return text
