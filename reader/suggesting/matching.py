"""Suggestions from the annotator's own work: once "Лавров" is tagged actor, its other
occurrences and inflected forms ("Лаврова", "Лаврову") are suggested with that tag (INCEpTION's
string-matching recommender, made morphology-aware by pymorphy's lemmas). Without pymorphy,
words match as written."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib.metadata import version
from itertools import pairwise
from typing import Any

from reader.suggesting.model import Suggestion, overlaps, quiet_pkg_resources

NAME = "reader-match"
RULES_VERSION = 1
WORD = re.compile(r"\w+")

Forms = frozenset[str]


def from_annotations(text: str, annotations: Sequence[tuple[int, int, str]]) -> list[Suggestion]:
    """Every other occurrence of each annotated (start, end, tag) span, as a word sequence whose
    words share a lemma with the annotated ones, sorted by start; never over an annotation of
    the same tag, nor twice."""
    forms_of = _forms_function()
    words = [(m.start(), m.end(), forms_of(m.group())) for m in WORD.finditer(text)]
    version = f"{NAME} {RULES_VERSION} ({_morphology_name()})"
    taken: dict[str, list[tuple[int, int]]] = {}
    for start, end, tag in annotations:
        taken.setdefault(tag, []).append((start, end))
    suggestions = []
    for start, end, tag in annotations:
        pattern = [(s, e, f) for s, e, f in words if start <= s and e <= end]
        for span in _occurrences(text, words, pattern):
            if not any(overlaps(span, other) for other in taken[tag]):
                taken[tag].append(span)
                suggestions.append(Suggestion(tag, *span, text[span[0] : span[1]], NAME, version))
    return sorted(suggestions, key=lambda s: (s.start, s.end, s.tag))


def _occurrences(text: str, words: list, pattern: list) -> list[tuple[int, int]]:
    """Where the word sequence ``pattern`` recurs: each word sharing a form with the pattern's,
    capitalised as it is, with the same punctuation between the words."""
    if not pattern:
        return []
    gaps = [text[a[1] : b[0]].strip() for a, b in pairwise(pattern)]
    capital = text[pattern[0][0]].isupper()
    found = []
    for i in range(len(words) - len(pattern) + 1):
        candidate = words[i : i + len(pattern)]
        if text[candidate[0][0]].isupper() != capital:
            continue
        if all(c[2] & p[2] for c, p in zip(candidate, pattern, strict=True)) and all(
            text[a[1] : b[0]].strip() == gap and "\n" not in text[a[1] : b[0]]
            for a, b, gap in zip(candidate, candidate[1:], gaps, strict=False)
        ):
            found.append((candidate[0][0], candidate[-1][1]))
    return found


def _forms_function() -> Callable[[str], Forms]:
    analyzer = _analyzer()
    if analyzer is None:
        return lambda word: frozenset({word})

    @lru_cache(maxsize=65536)
    def forms(word: str) -> Forms:
        return frozenset({word.lower()} | {parse.normal_form for parse in analyzer.parse(word)})

    return forms


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    """pymorphy3, or pymorphy2 (patched for Python 3.11 by importing yargy), or None."""
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer()
    except Exception:  # not installed, or no dictionary: try pymorphy2
        pass
    try:
        with contextlib.suppress(ImportError):
            import yargy.morph  # noqa: F401  (importing it patches pymorphy2 for Python 3.11)
        import pymorphy2

        with quiet_pkg_resources():
            return pymorphy2.MorphAnalyzer()
    except Exception:  # not installed, or pymorphy2 broken on this Python without yargy's patch
        return None


def _morphology_name() -> str:
    analyzer = _analyzer()
    if analyzer is None:
        return "exact"
    package = type(analyzer).__module__.split(".")[0]
    return f"{package} {version(package)}"
