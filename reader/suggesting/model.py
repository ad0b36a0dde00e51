"""What a suggester hands back: spans of the document's text, with no model behind them."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

EXTRA = "reader[suggest]"
EDGE = " \t\n\r.,;:!?\"'«»„“”()[]{}—–-…*"


class MissingSuggester(ValueError):
    """The suggester's packages are not installed."""

    def __init__(self, missing: str) -> None:
        super().__init__(f'suggestions need {missing}: pip install "{EXTRA}"')


@dataclass(frozen=True)
class Suggestion:
    """A span a suggester proposes; ``text`` is ``document[start:end]`` (code points of the
    LF text). A claim may name the (start, end) of its speaker's actor mention and of its date."""

    tag: str
    start: int
    end: int
    text: str
    suggester: str
    version: str
    kind: str = ""
    speaker: tuple[int, int] | None = None
    when: tuple[int, int] | None = None


@contextmanager
def quiet_pkg_resources() -> Iterator[None]:
    """pymorphy2 finds its dictionaries through pkg_resources, which setuptools 80 warns about
    on import: the warning is pymorphy2's, not the user's."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
        yield


def trimmed(text: str, start: int, end: int, edge: str = EDGE) -> tuple[int, int]:
    """(start, end) without the spaces and punctuation at either edge (empty: start == end)."""
    while start < end and text[start] in edge:
        start += 1
    while end > start and text[end - 1] in edge:
        end -= 1
    return start, end


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
