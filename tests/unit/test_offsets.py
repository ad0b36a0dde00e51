"""Code points <-> UTF-16 units: the one conversion between Reader's offsets and Qt's."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.domain.corpus import normalize_newlines
from reader.domain.offsets import OffsetMap, utf16_length

# Pieces of the scripts and characters that break naive offset arithmetic.
PIECES = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),  # ASCII
    st.characters(min_codepoint=0x0410, max_codepoint=0x044F),  # Cyrillic
    st.characters(min_codepoint=0x0300, max_codepoint=0x036F),  # combining marks
    st.characters(min_codepoint=0x05D0, max_codepoint=0x05EA),  # Hebrew
    st.characters(min_codepoint=0x0621, max_codepoint=0x064A),  # Arabic
    st.sampled_from(["\u200f", "\u200e", "\u202b", "\u202c"]),  # RTL/LTR marks and embeddings
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),  # emoji
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),  # CJK Extension B
    st.sampled_from(["👩\u200d💻", "🇷🇺", "e\u0301", "\r\n", "\r", "\n"]),
)
TEXTS = st.lists(PIECES, max_size=60).map("".join).map(normalize_newlines)


def units_before(text: str, code_point: int) -> int:
    return len(text[:code_point].encode("utf-16-le")) // 2


@given(TEXTS)
def test_code_point_offsets_match_utf16_prefix_lengths(text):
    offsets = OffsetMap.for_text(text)

    assert offsets.utf16_length == utf16_length(text) == len(text.encode("utf-16-le")) // 2
    for code_point in range(len(text) + 1):
        assert offsets.to_utf16(code_point) == units_before(text, code_point)


@given(TEXTS)
def test_round_trip_and_monotonic(text):
    offsets = OffsetMap.for_text(text)
    units = [offsets.to_utf16(cp) for cp in range(len(text) + 1)]

    assert [offsets.to_code_point(u) for u in units] == list(range(len(text) + 1))
    assert all(a < b for a, b in pairwise(units))
    positions = [offsets.to_code_point(u) for u in range(offsets.utf16_length + 1)]
    assert all(a <= b for a, b in pairwise(positions))


@given(TEXTS)
def test_a_position_inside_a_surrogate_pair_maps_to_its_character(text):
    offsets = OffsetMap.for_text(text)

    for code_point, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            low_half = offsets.to_utf16(code_point) + 1
            assert offsets.to_code_point(low_half) == code_point


@given(TEXTS, st.data())
def test_ranges_convert_both_ways(text, data):
    offsets = OffsetMap.for_text(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))

    units = offsets.range_to_utf16(start, end)

    assert units == (units_before(text, start), units_before(text, end))
    assert offsets.range_to_code_points(*units) == (start, end)
    assert text.encode("utf-16-le")[2 * units[0] : 2 * units[1]].decode("utf-16-le") == text[start:end]


def test_crlf_input_counts_the_normalized_text():
    text = normalize_newlines("Привет 😀\r\nмир 𠀀\rend")
    offsets = OffsetMap.for_text(text)

    assert text == "Привет 😀\nмир 𠀀\nend"
    assert offsets.to_utf16(text.index("мир")) == text.index("мир") + 1
    assert offsets.to_utf16(text.index("end")) == text.index("end") + 2


@pytest.mark.parametrize("text", ["", "ascii", "😀𠀀"])
def test_offsets_outside_the_text_are_refused(text):
    offsets = OffsetMap.for_text(text)

    for bad in (-1, len(text) + 1):
        with pytest.raises(ValueError, match="outside"):
            offsets.to_utf16(bad)
    for bad in (-1, offsets.utf16_length + 1):
        with pytest.raises(ValueError, match="outside"):
            offsets.to_code_point(bad)


@given(TEXTS, st.data())
def test_qt_selects_the_same_text_at_the_converted_positions(qapp, text, data):
    from PySide6.QtGui import QTextCursor, QTextDocument

    offsets = OffsetMap.for_text(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    document = QTextDocument(text)
    cursor = QTextCursor(document)

    cursor.setPosition(offsets.to_utf16(start))
    cursor.setPosition(offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)

    assert document.characterCount() - 1 == offsets.utf16_length
    # Qt reports a selected line break as U+2029 PARAGRAPH SEPARATOR.
    assert cursor.selectedText().replace("\u2029", "\n") == text[start:end]
