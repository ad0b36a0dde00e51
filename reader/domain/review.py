"""Reviewing annotations: which ones an editor is looking at, and which pending one comes next."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.domain.annotations import PENDING, REJECTED, Annotation


@dataclass(frozen=True)
class ReviewFilter:
    """Which annotations are shown. None means any tag, status or annotator. Rejected ones
    are left out when ``show_rejected`` is off, unless ``status`` asks for them."""

    tag: str | None = None
    status: str | None = None
    annotator: str | None = None
    show_rejected: bool = True

    def accepts(self, annotation: Annotation) -> bool:
        if self.status is not None:
            if annotation.status != self.status:
                return False
        elif not self.show_rejected and annotation.status == REJECTED:
            return False
        return (self.tag is None or annotation.tag == self.tag) and (
            self.annotator is None or annotation.annotator == self.annotator
        )

    @property
    def shows_everything(self) -> bool:
        return self.tag is None and self.status is None and self.annotator is None and self.show_rejected

    @property
    def can_show_pending(self) -> bool:
        return self.status in (None, PENDING)


def text_order(annotation: Annotation) -> tuple:
    """Annotations in the order they stand in the text (ties: the older first)."""
    return annotation.start, annotation.end, annotation.created_at, annotation.id


def caret_order(code_point: int) -> tuple:
    """The place of the caret among ``text_order`` keys: after every annotation that starts before it."""
    return code_point, -1, "", ""


def next_pending(
    annotations: Sequence[Annotation], after: tuple | None, step: int, shown: ReviewFilter
) -> Annotation | None:
    """The first pending annotation ``shown`` accepts after (``step`` 1) or before (-1) the
    ``text_order`` key ``after`` (None: from the top, or from the bottom)."""
    candidates = sorted(
        (a for a in annotations if a.status == PENDING and shown.accepts(a)), key=text_order, reverse=step < 0
    )
    if after is None:
        return candidates[0] if candidates else None
    if step > 0:
        return next((a for a in candidates if text_order(a) > after), None)
    return next((a for a in candidates if text_order(a) < after), None)
