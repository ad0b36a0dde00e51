"""Deterministic Russian-like text, corpora and highlight spans for the benchmarks.

Everything comes from a seeded ``random.Random``, so the same arguments give the
same text on every machine and every run. Words are made of Cyrillic syllables and
drawn with Zipf-like frequencies, so a corpus has common words and rare ones, as
real text does; sentences carry punctuation, «quotes» and dashes, and about one in
forty ends with an emoji (a character outside the BMP, two UTF-16 units in Qt).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from itertools import accumulate

# Bump when any output of this module changes: cached databases are keyed by it.
GENERATOR_VERSION = 1

_ONSETS = (
    "б",
    "в",
    "г",
    "д",
    "ж",
    "з",
    "к",
    "л",
    "м",
    "н",
    "п",
    "р",
    "с",
    "т",
    "ф",
    "х",
    "ц",
    "ч",
    "ш",
    "щ",
    "ст",
    "пр",
    "кр",
    "гл",
    "др",
    "тр",
    "св",
    "сл",
    "зн",
    "вл",
)
_VOWELS = ("а", "а", "о", "о", "о", "е", "е", "и", "и", "у", "ы", "я", "ю", "ё", "э")
# The commonest words of Russian, so that the top of the Zipf curve reads right.
_FUNCTION_WORDS = (
    "и",
    "в",
    "не",
    "на",
    "что",
    "с",
    "по",
    "как",
    "а",
    "к",
    "это",
    "из",
    "но",
    "за",
    "то",
    "он",
    "она",
    "для",
    "от",
    "так",
    "же",
    "все",
    "его",
    "было",
    "уже",
    "если",
    "или",
)
_CODAS = ("", "", "", "н", "т", "л", "р", "с", "й", "м", "к", "ть", "сть", "ние", "ой", "ый", "ая")
_EMOJI = ("🙂", "👍", "🔥", "📌", "😀", "🤔", "📎", "🚀")
_SENTENCE_ENDS = (".", ".", ".", ".", "!", "?", "…")
_WORD = re.compile(r"\w+")
VOCABULARY_SIZE = 6000


class TextGenerator:
    """Russian-like prose; ``text(n)`` returns exactly ``n`` code points."""

    def __init__(self, seed: int = 1):
        self.rng = random.Random(seed)
        self.vocabulary = self._make_vocabulary(VOCABULARY_SIZE)
        # Zipf: the k-th word is drawn with weight 1/k.
        self._cumulative = list(accumulate(1.0 / rank for rank in range(1, len(self.vocabulary) + 1)))

    def _make_vocabulary(self, size: int) -> list[str]:
        rng, words = self.rng, list(_FUNCTION_WORDS)
        seen = set(words)
        while len(words) < size:
            syllables = rng.choice((1, 2, 2, 3, 3, 3, 4))
            word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
            word += rng.choice(_CODAS)
            if word not in seen:
                seen.add(word)
                words.append(word)
        return words

    def _sentence(self) -> str:
        rng = self.rng
        words = rng.choices(self.vocabulary, cum_weights=self._cumulative, k=rng.randint(4, 18))
        words[0] = words[0].capitalize()
        if rng.random() < 0.5:
            words[rng.randrange(1, len(words))] += ","
        if rng.random() < 0.15:
            i = rng.randrange(1, len(words))
            words[i] = f"«{words[i].rstrip(',')}»"
        if rng.random() < 0.15:
            words.insert(rng.randrange(1, len(words)), "—")
        sentence = " ".join(words).rstrip(",") + rng.choice(_SENTENCE_ENDS)
        if rng.random() < 1 / 40:
            sentence += " " + rng.choice(_EMOJI)
        return sentence

    def paragraph(self) -> str:
        return " ".join(self._sentence() for _ in range(self.rng.randint(2, 7)))

    def text(self, length: int) -> str:
        parts, total = [], 0
        while total < length:
            part = self.paragraph()
            parts.append(part)
            total += len(part) + 2
        return "\n\n".join(parts)[:length]

    def query_words(self, count: int) -> list[str]:
        """Words to search for: common, middling and rare ones alike."""
        step = max(1, len(self.vocabulary) // count)
        return [self.vocabulary[(i * step) % len(self.vocabulary)] for i in range(count)]


def corpus(documents: int, chars_per_document: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    """``documents`` (name, text) pairs of about ``chars_per_document`` characters each."""
    generator = TextGenerator(seed)
    rng = random.Random(seed + 1)
    for number in range(documents):
        length = int(chars_per_document * rng.uniform(0.8, 1.2))
        yield f"doc{number:05d}.txt", generator.text(length)


def spans(text: str, count: int, overlapping_share: float = 0.25, seed: int = 1) -> list[tuple[int, int]]:
    """``count`` word-aligned spans of 1-3 words spread over ``text``, sorted.

    ``overlapping_share`` of them each straddle the end of another span, so they
    overlap it partly; the rest do not overlap each other.
    """
    rng = random.Random(seed)
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    overlapping = int(count * overlapping_share)
    base = count - overlapping
    stride = len(words) / max(base, 1)
    if stride < 2:
        raise ValueError(f"{count} spans do not fit in {len(words)} words")
    longest = max(1, min(3, int(stride) - 1))
    chosen = []
    for i in range(base):
        first = int(i * stride)
        last = min(first + rng.randint(1, longest), len(words)) - 1
        chosen.append((words[first][0], words[last][1], first, last))
    result = [(s, e) for s, e, _, _ in chosen]
    for _ in range(overlapping):
        _, _, first, last = chosen[rng.randrange(base)]
        start_word = rng.randint(first, last)
        end_word = min(last + rng.randint(1, 2), len(words) - 1)
        if end_word == last:  # the last span of the text: straddle its start instead
            start_word, end_word = max(0, first - 1), first
        result.append((words[start_word][0], words[end_word][1]))
    result.sort()
    return result
