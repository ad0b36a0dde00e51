"""What a corpus search hit says: its title and the words around the match, as the hits' model
gives them to the view. How they are drawn is search_hit_view's, imported by the first search."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from reader.domain.text import single_spaced

TITLE_ROLE = Qt.ItemDataRole.UserRole + 21
CONTEXT_ROLE = Qt.ItemDataRole.UserRole + 22  # (before, match, after)
PADDING = 4


def context_of(snippet: str, query: str) -> tuple[str, str, str]:
    """The snippet's words before the match, the match and the words after it.

    The store marks the match as ``[match]``: the first bracketed word that starts with one
    of the query's words (brackets in the text itself are left as they are)."""
    words = [re.escape(word) for word in query.split()]
    found = re.search(r"\[((?:" + "|".join(words) + r")\w*)\]", snippet, re.IGNORECASE) if words else None
    if found is None:
        return single_spaced(snippet), "", ""
    return snippet[: found.start()], found.group(1), snippet[found.end() :]
