"""The way N (or P) walks the open document's pending annotations: from the document's
start, or from the selected annotation, in text order, and round to the ones before the
place it began, so that it leaves for the next document only once it saw them all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.domain.annotations import Annotation
from reader.domain.review import ReviewFilter, next_pending, text_order


@dataclass
class PendingWalk:
    """One walk through one document: where it began (None: at the top, or the bottom for P),
    which way it goes, whether it came round past the end, and what it showed last."""

    document_id: int
    step: int
    began: tuple | None
    last_id: str | None = None
    wrapped: bool = False

    def continues(self, document_id: int, step: int, selected: Annotation | None) -> bool:
        """Whether a press goes on with this walk: same document and way, and the selection
        is still what the walk showed last (a click elsewhere begins a new walk there)."""
        return (
            self.document_id == document_id
            and self.step == step
            and selected is not None
            and selected.id == self.last_id
        )

    def next(self, here: Sequence[Annotation], selected: Annotation | None, shown: ReviewFilter) -> Annotation | None:
        """The next pending annotation of this document, or None once the walk saw them all."""
        after = text_order(selected) if selected is not None else None
        found = next_pending(here, after, self.step, shown)
        if found is None and not self.wrapped and self.began is not None:
            self.wrapped = True
            found = next_pending(here, None, self.step, shown)  # round to the top (the bottom for P)
        if found is not None and self.wrapped and not self._before_start(found):
            found = None  # back where the walk began
        if found is not None:
            self.last_id = found.id
        return found

    def _before_start(self, annotation: Annotation) -> bool:
        if self.began is None:
            return True
        key = text_order(annotation)
        return key < self.began if self.step > 0 else key > self.began


def begin_walk(document_id: int, step: int, selected: Annotation | None) -> PendingWalk:
    """A walk from the selected annotation, or from the top (the bottom for P) without one."""
    return PendingWalk(document_id, step, text_order(selected) if selected is not None else None)
