"""What each cell of the annotation list says: its text, its tooltip and what sorting by
its column compares. Plain functions of an annotation and a column, so that the model
holds only rows and their order."""

from __future__ import annotations

from reader.domain.annotations import ACCEPTED, PENDING, REJECTED, STATUSES, Annotation
from reader.domain.text import one_line
from reader.ui.reading.status_words import STATUS_MARKS, nobody, status_label
from reader.ui.shell.translation import QT_TRANSLATE_NOOP, translate

STATUS, TAG, TEXT, ANNOTATOR, NOTE = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("Annotating", "Status"),
    QT_TRANSLATE_NOOP("Annotating", "Tag"),
    QT_TRANSLATE_NOOP("Annotating", "Text"),
    QT_TRANSLATE_NOOP("Annotating", "Annotator"),
    QT_TRANSLATE_NOOP("Annotating", "Note"),
)
_REVIEWED_BY = {
    ACCEPTED: QT_TRANSLATE_NOOP("Annotating", "Accepted by {reviewer}, {time}"),
    REJECTED: QT_TRANSLATE_NOOP("Annotating", "Rejected by {reviewer}, {time}"),
}


def cell_text(annotation: Annotation, column: int, status_marks_only: bool = False) -> str:
    """The cell's one line; a narrow list's status is its mark alone ("✓", not "✓ accepted")."""
    if column == STATUS:
        if status_marks_only:
            return STATUS_MARKS.get(annotation.status, "?")
        return status_label(annotation.status)
    if column == TAG:
        return annotation.tag
    if column == TEXT:
        return one_line(annotation.text, 120)
    if column == ANNOTATOR:
        return annotation.annotator or nobody()
    return one_line(annotation.note, 120)


def tooltip(annotation: Annotation, column: int) -> str:
    lines = [
        f"{annotation.tag}: {one_line(annotation.text, 300)}",
        translate("Annotating", "code points {start}–{end}, by {annotator}").format(
            start=annotation.start, end=annotation.end, annotator=annotation.annotator or nobody()
        ),
    ]
    if annotation.note:
        lines.append(translate("Annotating", "Note: {note}").format(note=annotation.note))
    if annotation.status in _REVIEWED_BY:
        reviewed = translate("Annotating", _REVIEWED_BY[annotation.status])
        lines.append(reviewed.format(reviewer=annotation.reviewer or nobody(), time=annotation.updated_at))
    elif annotation.status == PENDING and annotation.reviewer:
        lines.append(translate("Annotating", "Pending; reviewed by {reviewer}").format(reviewer=annotation.reviewer))
    if annotation.review_note:
        lines.append(translate("Annotating", "Review note: {note}").format(note=annotation.review_note))
    if column == NOTE:
        # The whole note first, as typed (line breaks and all): the cell shows only its start.
        lines = [
            annotation.note or translate("Annotating", "No note"),
            "",
            *lines[:2],
            translate("Annotating", "Press Enter or double-click to edit the note"),
        ]
    return "\n".join(lines)


def sort_key(annotation: Annotation, column: int) -> tuple[int, str]:
    """What sorting by ``column`` compares: statuses in their order, words as words."""
    if column == STATUS:
        rank = STATUSES.index(annotation.status) if annotation.status in STATUSES else len(STATUSES)
        return rank, annotation.status
    words = {TAG: annotation.tag, TEXT: annotation.text, ANNOTATOR: annotation.annotator}.get(column, annotation.note)
    return 0, words.casefold()
