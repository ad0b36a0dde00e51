"""The tooltip of the spans under the mouse: tag, state, who made and reviewed
each one, its note and its review note."""

from __future__ import annotations

from html import escape

from reader.domain.annotations import Annotation
from reader.ui.reading.status_words import status_word
from reader.ui.shell.translation import translate

NOTE_CHARS = 300


def _quoted(text: str) -> str:
    cut = text if len(text) <= NOTE_CHARS else text[:NOTE_CHARS] + "…"
    return escape(cut).replace("\n", "<br>")


def tooltip_html(annotations: list[Annotation]) -> str:
    """One row per annotation, in the order given (innermost first)."""
    rows = []
    for annotation in annotations:
        details = " · ".join(escape(part) for part in (status_word(annotation.status), annotation.annotator) if part)
        row = f"<b>{escape(annotation.tag)}</b> — {details}"
        if annotation.note:
            row += f"<br><i>{_quoted(annotation.note)}</i>"
        reviewer = escape(annotation.reviewer)
        review_note = f"<i>{_quoted(annotation.review_note)}</i>" if annotation.review_note else ""
        if review_note and reviewer:
            row += "<br>" + translate("Reading", "Review note by {reviewer}: {note}").format(
                reviewer=reviewer, note=review_note
            )
        elif review_note:
            row += "<br>" + translate("Reading", "Review note: {note}").format(note=review_note)
        elif reviewer:
            row += "<br>" + translate("Reading", "Reviewed by {reviewer}").format(reviewer=reviewer)
        rows.append(row)
    return "<qt>" + "<hr>".join(rows) + "</qt>"
