"""The peers' offsets (UTF-16 units, UTF-8 bytes, code points, over CRLF text) to Reader's code points."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.domain.corpus import normalize_newlines
from reader.domain.offsets import PeerOffsets, Unit

PIECES = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.characters(min_codepoint=0x0410, max_codepoint=0x044F),  # Cyrillic: two UTF-8 bytes
    st.characters(min_codepoint=0x0800, max_codepoint=0x0FFF),  # three UTF-8 bytes
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),  # emoji: two UTF-16 units, four bytes
    st.sampled_from(["👩\u200d💻", "🇷🇺", "\r\n", "\r", "\n", "\r\r\n"]),
)
RAW_TEXTS = st.lists(PIECES, max_size=40).map("".join)


def encoded(unit: Unit, text: str) -> int:
    """How long ``text`` is in ``unit``, by the codecs rather than by PeerOffsets."""
    if unit is Unit.UTF16:
        return len(text.encode("utf-16-le")) // 2
    if unit is Unit.UTF8:
        return len(text.encode("utf-8"))
    return len(text)


@pytest.mark.parametrize("unit", list(Unit))
@given(raw=RAW_TEXTS)
def test_every_character_boundary_maps_to_the_same_boundary_of_the_lf_text(unit, raw):
    offsets = PeerOffsets.for_text(raw, unit)
    for code_point in range(len(raw) + 1):
        if raw[code_point - 1 : code_point + 1] == "\r\n":
            continue  # between the halves of a CRLF, which the LF text does not have
        expected = len(normalize_newlines(raw[:code_point]))
        assert offsets.to_reader(encoded(unit, raw[:code_point])) == expected


@given(raw=RAW_TEXTS)
def test_a_span_cut_by_peer_units_quotes_what_the_peer_quoted(raw):
    text = normalize_newlines(raw)
    for unit in Unit:
        offsets = PeerOffsets.for_text(raw, unit)
        start, end = offsets.range_to_reader(0, encoded(unit, raw))
        assert text[start:end] == text


def test_emoji_and_crlf_move_utf16_and_byte_offsets_apart():
    raw = "😀 Анна\r\nBoris"
    boris = {Unit.CODE_POINTS: 8, Unit.UTF16: 9, Unit.UTF8: 15}
    for unit, offset in boris.items():
        assert normalize_newlines(raw)[PeerOffsets.for_text(raw, unit).to_reader(offset) :] == "Boris"


@pytest.mark.parametrize(
    ("unit", "offset", "message"),
    [
        (Unit.UTF16, 1, "splits a character"),
        (Unit.UTF8, 2, "inside a character's UTF-8 bytes"),
        (Unit.CODE_POINTS, 99, "outside the text"),
        (Unit.UTF8, -1, "outside the text"),
    ],
)
def test_an_offset_that_is_not_a_character_boundary_is_refused_in_one_line(unit, offset, message):
    with pytest.raises(ValueError, match=message) as error:
        PeerOffsets.for_text("😀x", unit).to_reader(offset)
    assert "\n" not in str(error.value)
