"""A suggestion in words: its tag, text and source on the status line, and in the tooltip over
it the suggested speaker and date of a claim too."""

from __future__ import annotations

from html import escape

from reader.domain.suggestions import StoredSuggestion
from reader.domain.text import one_line
from reader.ui.shell.translation import translate

SHORT = 40


def suggestion_words(suggestion: StoredSuggestion) -> str:
    """One line: 'actor “Москва”? (reader-ru 1 …)'."""
    return translate("Suggesting", "{tag} “{text}”? ({source})").format(
        tag=suggestion.tag, text=one_line(suggestion.text, SHORT), source=suggestion.source
    )


def tooltip_rows(suggestions: list[StoredSuggestion], text: str) -> list[str]:
    """One row of HTML per suggestion: tag, who suggested it, and a claim's speaker and date."""
    rows = []
    for suggestion in suggestions:
        row = translate("Suggesting", "Suggested <b>{tag}</b> — {source}").format(
            tag=escape(suggestion.tag), source=escape(suggestion.source)
        )
        for label, span in (
            (translate("Suggesting", "said by"), suggestion.speaker),
            (translate("Suggesting", "dated"), suggestion.when),
        ):
            if span is not None:
                row += f"<br>{escape(label)}: “{escape(one_line(text[span[0] : span[1]], SHORT))}”"
        rows.append(row)
    return rows
