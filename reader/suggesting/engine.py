"""The Russian suggester: natasha's named entities and date grammar, yargy date rules, razdel
sentences and the rules of actors.py, dates.py and claims.py on top. natasha and yargy are
imported by ``load`` only, so that ``import reader`` stays light and works without them."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from reader.suggesting.actors import Mention, actor_mentions
from reader.suggesting.claims import Claim, find_claims
from reader.suggesting.dates import NOT_A_DATE, date_rules, in_urls, regex_dates
from reader.suggesting.dates import windows as date_windows
from reader.suggesting.model import MissingSuggester, Suggestion, overlaps, quiet_pkg_resources, trimmed

NAME = "reader-ru"
RULES_VERSION = 3
CORE_DATES = {"absolute", "relative", "time"}
REQUIRED = ("natasha", "yargy", "razdel")

Span = tuple[int, int, str]  # start, end, kind


def load() -> Suggester:
    """The suggester with natasha's models loaded (about a second); MissingSuggester when
    the ``suggest`` extra is not installed."""
    for package in REQUIRED:
        try:
            __import__(package)
        except ImportError as error:
            # The package itself missing, or one it needs: the message names which, in one line
            # (numpy's own message is a page, its cause on the last line).
            cause = next((line.strip() for line in reversed(str(error).splitlines()) if line.strip()), "")
            raise MissingSuggester(package if error.name == package else f"{package} ({cause})") from None
    with quiet_pkg_resources():
        return Suggester()


class Suggester:
    name = NAME

    def __init__(self) -> None:
        import natasha
        from natasha.extractors import Parser

        self._segmenter = natasha.Segmenter()
        self._morph = natasha.MorphVocab()
        self._ner = natasha.NewsNERTagger(natasha.NewsEmbedding())
        self._natasha_dates = natasha.DatesExtractor(self._morph)
        self._date_parsers = [(kind, Parser(rule, self._morph)) for kind, rule in date_rules()]
        self.version = f"{NAME} {RULES_VERSION} (natasha {_version('natasha')}, yargy {_version('yargy')})"
        self.lemma = lru_cache(maxsize=65536)(self._lemma)
        self.cases = lru_cache(maxsize=65536)(self._cases)

    def _lemma(self, word: str) -> tuple[str, str]:
        parse = self._morph.parse(word)[0]
        return parse.normal_form, str(parse.tag.POS or "")

    def _cases(self, word: str) -> frozenset[str]:
        return frozenset(str(parse.tag.case) for parse in self._morph.parse(word) if parse.tag.case)

    def suggest(self, text: str) -> list[Suggestion]:
        """Actors, dates and claims of ``text`` (LF), sorted by start."""
        import natasha

        document = natasha.Doc(text)
        document.segment(self._segmenter)
        document.tag_ner(self._ner)
        entities = [(span.start, span.stop, span.type) for span in document.spans]
        actors = actor_mentions(text, entities, self.lemma, self.cases)
        sentences = _split_at_lines(text, [(sentence.start, sentence.stop) for sentence in document.sents])
        dates = self._dates(text, sentences, actors)
        claims = find_claims(text, sentences, actors, self.lemma)
        suggestions = [self._made(text, "actor", a.start, a.end, a.kind) for a in actors]
        suggestions += [self._made(text, "date", start, end, kind) for start, end, kind in dates]
        suggestions += [self._claim(text, claim, dates) for claim in claims]
        return sorted(suggestions, key=lambda s: (s.start, s.end, s.tag))

    def _dates(self, text: str, sentences: list[tuple[int, int]], actors: list[Mention]) -> list[Span]:
        """Every rule's dates, the longest of those that overlap, none inside a name or a URL.
        The grammars parse only the words around one that can make a date: yargy's chart
        parser costs about 0.1 s a rule on a whole news text."""
        found = regex_dates(text)
        windows = [window for sentence in sentences for window in date_windows(text, *sentence)]
        for start, end in windows:
            sentence = text[start:end]
            for kind, parser in self._date_parsers:
                found += [(start + m.span.start, start + m.span.stop, kind) for m in parser.findall(sentence)]
            for m in self._natasha_dates(sentence):
                found.append((*self._with_preposition(text, start + m.start, start + m.stop), "absolute"))
        names = [(a.start, a.end) for a in actors if a.type != "LOC"] + in_urls(text)
        found = [d for d in found if not any(overlaps(d[:2], name) for name in names)]
        return [d for d in _longest_first(text, found) if d[2] != NOT_A_DATE]

    def _with_preposition(self, text: str, start: int, end: int) -> tuple[int, int]:
        before = text[max(0, start - 4) : start].split(" ")
        if len(before) >= 2 and self.lemma(before[-2])[1] == "PREP" and not before[-1]:
            return start - len(before[-2]) - 1, end
        return start, end

    def _made(self, text: str, tag: str, start: int, end: int, kind: str, **links: Any) -> Suggestion:
        return Suggestion(tag, start, end, text[start:end], self.name, self.version, kind, **links)

    def _claim(self, text: str, claim: Claim, dates: list[Span]) -> Suggestion:
        when = next(((s, e) for s, e, kind in dates if kind in CORE_DATES and _within((s, e), claim.frame)), None)
        return self._made(text, "claim", claim.start, claim.end, claim.kind, speaker=claim.speaker, when=when)


def _split_at_lines(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """razdel's sentences, cut at line ends too: a headline has no full stop."""
    split = []
    for start, end in sentences:
        for line in text[start:end].split("\n"):
            if line.strip():
                split.append(trimmed(text, start, start + len(line), " \t"))
            start += len(line) + 1
    return split


def _within(span: tuple[int, int], frame: tuple[int, int] | None) -> bool:
    return frame is not None and frame[0] <= span[0] and span[1] <= frame[1]


def _longest_first(text: str, spans: Iterable[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        start, end = trimmed(text, span[0], span[1], " \t\n,;")
        if end > start and not any(overlaps((start, end), k[:2]) for k in kept):
            kept.append((start, end, span[2]))
    return sorted(kept)


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"
