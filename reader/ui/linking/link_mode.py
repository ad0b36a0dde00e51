"""A link being made: the selected annotation, its candidates nearest first, the one Tab has
reached, what was typed to narrow them, and the relation type Alt+key chose."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.domain.annotations import Annotation
from reader.domain.linking import Candidate, matching
from reader.domain.relations import RelationType


@dataclass
class LinkMode:
    selected: Annotation
    candidates: list[Candidate]
    typed: str = ""
    kind: RelationType | None = None  # chosen with Alt+key; None: every type that fits
    position: int = 0
    shown: list[Candidate] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._narrow()

    def current(self) -> Candidate | None:
        return self.shown[self.position] if self.shown else None

    def step(self, by: int) -> None:
        if self.shown:
            self.position = (self.position + by) % len(self.shown)

    def type(self, text: str) -> None:
        self.typed += text
        self._narrow()

    def erase(self) -> None:
        self.typed = self.typed[:-1]
        self._narrow()

    def choose_kind(self, kind: RelationType) -> None:
        """Alt+key: only this type; the same key again: every type."""
        self.kind = None if self.kind == kind else kind
        self._narrow()

    def _narrow(self) -> None:
        here = self.current()
        shown = matching(self.candidates, self.typed) if self.typed else list(self.candidates)
        if self.kind is not None:
            shown = [c for c in shown if c.kind == self.kind]
        self.shown = shown
        self.position = shown.index(here) if here is not None and here in shown else 0
