"""A PDF's text layer, in reading order, each paragraph a block with its page.

pdfminer.six's layout analysis groups a page's characters into text boxes and orders them so
that a column is read to its end before the next. Each box is a paragraph; within it:

- lines are put back in order by their baseline (justified text with wide gaps comes out of
  pdfminer as pieces of one line), and joined by a space, runs of spaces made one;
- a word hyphenated at a line's end is joined again: a letter, a hyphen (``-``, U+00AD or
  U+2010) at the end of a line, and a lower-case letter starting the next ("информа-" "ция"
  gives "информация"). A compound word whose own hyphen falls at a line's end ("кто-" "то")
  loses it too: the PDF does not say which hyphen it was. A hyphen at a line's end that is not
  such a break (before a capital or a digit, or after a digit: "Санкт-" "Петербург", "1990-"
  "х") is kept, with no space after it;
- a paragraph that a column ends in the middle of is joined with its continuation at the top
  of the next column of the same page (the box ends with no full stop and the next starts in
  lower case). Across a page break it stays two blocks, so that each keeps its own page.

A page number alone in the page's lowest text box, in the bottom sixth of the page ("7",
"- 7 -", "– 7 –"), is dropped: it is no part of the text and would sit between two pages'
paragraphs. Page numbers at the top, and running heads and footers with words, are kept.

A glyph whose font does not say which character it draws (no Unicode map) becomes U+FFFD, the
mark for a character that cannot be known, not pdfminer's "(cid:12)"; when most glyphs are such,
the text layer is unusable and the file refused. A page with no text is left out; a PDF with
none at all is a scan. A PDF encrypted with only an
owner password (an empty user password: it opens without asking) is read like any other, its
permissions not enforced; one that needs a user password is refused. Title and creation date
come from the document's information dictionary.
"""

from __future__ import annotations

import io
import re
from typing import Any

from reader.domain.extracting.model import Extracted, ExtractOptions, TextBuilder, UnreadableFile, damaged, reason_of

KIND = "PDF"
HEADER = b"%PDF-"
BASELINE_TOLERANCE = 2.0  # points: pieces of one printed line sit on one baseline
FOOTER_SHARE = 1 / 6  # of the page's height, from its foot: where a page's number is printed
_HYPHENS = "-\u00ad\u2010"
_BROKEN_WORD = re.compile(rf"(?<=[^\W\d_])[{_HYPHENS}]$")  # after a letter
_WORD_HYPHEN = re.compile(r"(?<=\w)[-\u2010]$")  # "Санкт-" "Петербург", "1990-" "х"
_SPACES = re.compile(r"[ \t]+")
_SENTENCE_END = tuple('.!?…:;»"”)')
_PAGE_NUMBER = re.compile(r"[-–—]? ?\d{1,4} ?[-–—]?")
UNKNOWN_CHARACTER = "\ufffd"
NO_UNICODE = "no usable text layer (its fonts do not map glyphs to characters); not imported"
_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def extract(data: bytes, options: ExtractOptions) -> Extracted:
    try:
        return _extract(data)
    except UnreadableFile:
        raise
    except Exception as error:  # pdfminer's many errors, and whatever a hostile file provokes
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

        if isinstance(error, PDFPasswordIncorrect):
            raise UnreadableFile("encrypted PDF (password-protected); not imported") from None
        if isinstance(error, PDFEncryptionError):
            raise UnreadableFile(f"encrypted PDF ({reason_of(error)}); not imported") from None
        raise damaged(KIND, error) from None


def _extract(data: bytes) -> Extracted:
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    if HEADER not in data[:1024]:  # where readers look for it: some files start with junk
        raise UnreadableFile(f"damaged or not a valid {KIND} file (no %PDF header); not imported")
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    resources = PDFResourceManager(caching=True)
    device = _aggregator(resources, LAParams())
    interpreter = PDFPageInterpreter(resources, device)
    builder = TextBuilder()
    for number, page in enumerate(PDFPage.create_pages(document), start=1):
        interpreter.process_page(page)
        for paragraph in _paragraphs(device.get_result()):
            builder.add(paragraph, page=number)
    if device.unknown > device.glyphs / 2:
        raise UnreadableFile(NO_UNICODE)
    if not builder.blocks:
        raise UnreadableFile("no text layer (scanned?); not imported")
    info = document.info[0] if document.info else {}
    return builder.extracted(KIND.lower(), title=_info_text(info.get("Title")), published=_date(info))


def _aggregator(resources: Any, laparams: Any) -> Any:
    """pdfminer's page aggregator, counting the glyphs it draws and those it cannot name."""
    from pdfminer.converter import PDFPageAggregator

    class CountingAggregator(PDFPageAggregator):
        glyphs = 0
        unknown = 0

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self.glyphs += 1
            return super().render_char(*args, **kwargs)

        def handle_undefined_char(self, font: Any, cid: int) -> str:
            self.unknown += 1
            return UNKNOWN_CHARACTER

    return CountingAggregator(resources, laparams=laparams)


def _paragraphs(layout: Any) -> list[str]:
    from pdfminer.layout import LTTextBox

    boxes = [(box, text) for box in layout if isinstance(box, LTTextBox) if (text := _box_text(box))]
    paragraphs: list[str] = []
    for box, text in boxes:
        if _is_page_number(box, text, layout, boxes):
            continue
        if paragraphs and _continues(paragraphs[-1], text):
            paragraphs[-1] = _joined(paragraphs[-1], text)
        else:
            paragraphs.append(text)
    return paragraphs


def _is_page_number(box: Any, text: str, page: Any, boxes: list[tuple[Any, str]]) -> bool:
    """Whether ``box`` is the page's number in its bottom margin: a bare number, in the bottom
    sixth of the page, and no other text below it."""
    if not _PAGE_NUMBER.fullmatch(text) or box.y1 > page.y0 + page.height * FOOTER_SHARE:
        return False
    return all(other is box or other.y0 >= box.y1 - BASELINE_TOLERANCE for other, _ in boxes)


def _box_text(box: Any) -> str:
    """The box's lines in baseline order, each line's pieces left to right, as one line."""
    pieces = sorted(
        ((line.y0, line.x0, line.get_text()) for line in box if line.get_text().strip()),
        key=lambda piece: (-piece[0], piece[1]),
    )
    lines: list[list[tuple[float, float, str]]] = []
    for piece in pieces:
        if lines and abs(lines[-1][0][0] - piece[0]) <= BASELINE_TOLERANCE:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    text = ""
    for line in lines:
        words = _SPACES.sub(" ", " ".join(piece[2].strip() for piece in sorted(line, key=lambda p: p[1])))
        text = _joined(text, words) if text else words
    return text


def _joined(before: str, after: str) -> str:
    """Two lines of one paragraph: a hyphenated word made whole again, a compound broken at its
    own hyphen kept whole with it, else a space between."""
    if _BROKEN_WORD.search(before) and after[:1].islower():
        return before[:-1] + after
    if _WORD_HYPHEN.search(before) and after[:1].isalnum():
        return before + after
    return f"{before} {after}"


def _continues(paragraph: str, text: str) -> bool:
    """Whether ``text`` goes on with ``paragraph``, which a column's end cut in two."""
    return not paragraph.endswith(_SENTENCE_END) and text[:1].islower()


def _info_text(value: Any) -> str:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    value = resolve1(value)
    if isinstance(value, bytes):
        return decode_text(value).strip("\x00 ")
    return value.strip() if isinstance(value, str) else ""


def _date(info: dict) -> str:
    """The creation date ("D:20240520100000+03'00'") as an ISO date, "2024-05-20"; as much of it
    as the file gives (a year, a month), and nothing for a date that is not one."""
    found = _PDF_DATE.match(_info_text(info.get("CreationDate")).strip())
    if found is None:
        return ""
    year, month, day = found.groups()
    if (month and not 1 <= int(month) <= 12) or (day and not 1 <= int(day) <= 31):
        return ""
    return "-".join(part for part in (year, month, day) if part)
