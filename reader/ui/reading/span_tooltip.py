"""The tooltip of the spans under the mouse: tag, state, who made and reviewed
each one, its note and its review note."""

from __future__ import annotations

from html import escape

from reader.domain.annotations import Annotation

NOTE_CHARS = 300


def _quoted(text: str) -> str:
    cut = text if len(text) <= NOTE_CHARS else text[:NOTE_CHARS] + "…"
    return escape(cut).replace("\n", "<br>")


def tooltip_html(annotations: list[Annotation]) -> str:
    """One row per annotation, in the order given (innermost first)."""
    rows = []
    for annotation in annotations:
        details = " · ".join(escape(part) for part in (annotation.status, annotation.annotator) if part)
        row = f"<b>{escape(annotation.tag)}</b> — {details}"
        if annotation.note:
            row += f"<br><i>{_quoted(annotation.note)}</i>"
        reviewer, review_note = escape(annotation.reviewer), _quoted(annotation.review_note)
        if review_note and reviewer:
            row += "<br>" + f"Review note by {reviewer}: <i>{review_note}</i>"
        elif review_note:
            row += "<br>" + f"Review note: <i>{review_note}</i>"
        elif reviewer:
            row += "<br>" + f"Reviewed by {reviewer}"
        rows.append(row)
    return "<qt>" + "<hr>".join(rows) + "</qt>"
