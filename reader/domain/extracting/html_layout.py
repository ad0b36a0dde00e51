"""HTML as the lines a reader sees, with the standard library's parser: a paragraph, heading or list
item ends its line, ``<br>`` breaks one and table cells are set apart by a tab.

Two layouts share the rules for breaks. HtmlLayout keeps every text node as it is and where it
went, for Taguette's documents, whose offsets count the text nodes (reader.domain.foreign.taguette).
VisibleText is a whole web page or e-book chapter as a browser shows it: no script, style,
noscript, template or title, runs of white space shown as one space (outside ``<pre>``), and each
block element a paragraph of its own."""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from html.parser import HTMLParser

from reader.domain.corpus import decode, normalize_newlines
from reader.domain.extracting.model import BLOCK_SEPARATOR, UnreadableFile

PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "table"})
LINES = frozenset({"li", "dt", "dd", "tr", "caption", "div", "br"})
CELLS = frozenset({"td", "th"})
# Breaks by strength: where two meet, the stronger is kept.
BREAKS = ("", "\t", "\n", "\n\n")

# What a browser lays out as a block of its own (the HTML standard's rendering section).
_BLOCKS = PARAGRAPHS | LINES - {"br"} | {
    "address", "article", "aside", "details", "dialog", "fieldset", "figcaption", "figure", "footer",
    "form", "header", "hgroup", "hr", "legend", "main", "menu", "nav", "section", "summary",
}  # fmt: skip
_HIDDEN = frozenset({"script", "style", "noscript", "template", "title"})
_COLLAPSED = re.compile(r"[ \t\n\f]+")  # HTML's white space; NBSP and the other Unicode spaces stay
# Where a browser looks for a declared encoding (it stops at 1024 bytes; some pages declare later).
_PRESCAN = 8192
_DECLARED = (
    re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([a-z0-9._:-]+)", re.IGNORECASE),
    re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([a-z0-9._:-]+)", re.IGNORECASE),
)
# The HTML standard reads these labels as windows-1252; a declared UTF-16 without its mark as UTF-8.
_AS_WINDOWS_1252 = frozenset({"latin_1", "ascii", "iso8859_1"})


class HtmlLayout(HTMLParser):
    """Collects the text nodes as they are (for Taguette, as it counts them), and the lines Reader
    shows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.content: list[str] = []
        self.text: list[str] = []
        self.content_starts: list[int] = []
        self.text_starts: list[int] = []
        self.lengths: list[int] = []
        self._content_length = self._text_length = 0
        self._pending = ""  # the break owed before the next text
        self._at_edge = True  # white space here is layout, not text
        self._cells_in_row = 0

    def handle_starttag(self, tag: str, attrs: Sequence[tuple[str, str | None]]) -> None:
        if not self._cell_or_line_break(tag) and (tag in PARAGRAPHS or tag in LINES):
            self._owe("")

    def _cell_or_line_break(self, tag: str) -> bool:
        """The tab before a row's second and later cells, and ``<br>``'s line break, owed at the
        tag's start; whether ``tag`` was a cell or ``<br>``."""
        if tag == "tr":
            self._cells_in_row = 0
        if tag in CELLS:
            if self._cells_in_row:
                self._owe("\t")
            self._cells_in_row += 1
            return True
        if tag == "br":
            self._owe("\n")
            return True
        return False

    def handle_endtag(self, tag: str) -> None:
        if tag in PARAGRAPHS:
            self._owe("\n\n")
        elif tag in LINES:
            self._owe("\n")

    def handle_startendtag(self, tag: str, attrs: Sequence[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.content.append(data)
        kept = data.lstrip() if self._at_edge else data
        dropped = len(data) - len(kept)
        if kept:
            self._emit(kept)
            self.content_starts.append(self._content_length + dropped)
            self.text_starts.append(self._text_length - len(kept))
            self.lengths.append(len(kept))
        self._content_length += len(data)

    def _emit(self, kept: str, space: str = "") -> None:
        """Adds ``kept`` after the break owed before it, or else after ``space``."""
        before = (self._pending or space) if self.text else ""
        self.text.append(before + kept)
        self._text_length += len(before) + len(kept)
        self._pending, self._at_edge = "", False

    def _owe(self, owed: str) -> None:
        self._at_edge = True
        if BREAKS.index(owed) > BREAKS.index(self._pending):
            self._pending = owed


class VisibleText(HtmlLayout):
    """A whole page's text as a browser shows it; a block element's end ends a paragraph (a blank
    line), ``<br>`` a line. Hidden attributes and CSS are not looked at."""

    def __init__(self) -> None:
        super().__init__()
        self._hidden = 0  # depth inside elements never shown
        self._preformatted = 0
        self._space_owed = False  # collapsed white space between two runs of inline text

    def handle_starttag(self, tag: str, attrs: Sequence[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "pre":
            self._preformatted += 1
        if not self._cell_or_line_break(tag) and tag in _BLOCKS:
            self._owe(BLOCK_SEPARATOR)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "pre":
            self._preformatted = max(0, self._preformatted - 1)
        if tag in _BLOCKS:
            self._owe(BLOCK_SEPARATOR)

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._preformatted:
            self._emit(data)
            return
        collapsed = _COLLAPSED.sub(" ", data)
        if collapsed.startswith(" ") and not self._at_edge:
            self._space_owed = True
        kept = collapsed.strip(" ")
        if kept:
            self._emit(kept, " " if self._space_owed else "")
            self._space_owed = collapsed.endswith(" ")

    def _owe(self, owed: str) -> None:
        super()._owe(owed)
        self._space_owed = False


def page_paragraphs(html: str) -> list[str]:
    """The paragraphs of a whole page (VisibleText), in order; a paragraph may hold line breaks."""
    layout = VisibleText()
    try:
        layout.feed(normalize_newlines(html))
        layout.close()
    except (AssertionError, ValueError) as error:  # what html.parser raises on markup it gives up on
        raise UnreadableFile(f"unreadable HTML ({str(error)[:160]}); not imported") from error
    return [paragraph for paragraph in "".join(layout.text).split(BLOCK_SEPARATOR) if paragraph.strip()]


def decode_page(data: bytes) -> str:
    """A page's text, newlines normalized: in the encoding its byte order mark or its own
    declaration (meta charset, the XML declaration) names, else the one its bytes fit best."""
    declared = _declared_codec(data)
    if declared:
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration, or a codec that is no text encoding; the bytes will tell
        else:
            if "\x00" in text:
                raise UnreadableFile("binary file (contains NUL characters); not imported")
            return normalize_newlines(text)
    try:
        return decode(data)[0]
    except UnreadableFile as error:
        raise UnreadableFile(f"{error}; not imported") from error


def _declared_codec(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ""  # a mark outranks any declaration; decode() reads it
    head = data[:_PRESCAN]
    for pattern in _DECLARED:
        match = pattern.search(head)
        if match:
            try:
                name = codecs.lookup(match.group(1).decode("ascii")).name
            except LookupError:
                continue
            if name.startswith(("utf-16", "utf-32")):
                return "utf-8"  # a page read as ASCII bytes cannot be UTF-16
            return "cp1252" if name.replace("-", "_") in _AS_WINDOWS_1252 else name
    return ""
