"""Stand-in suggesters for the window's mechanics, loaded by name in the suggester's own process
(reader.suggesting.child.LOADER), which a test's monkeypatch cannot reach."""

from __future__ import annotations

import re
import time

from reader.suggesting.model import MissingSuggester, Suggestion


class FirstWord:
    """The first word of each text, slowly."""

    name, version = "stand-in", "stand-in 1"

    def suggest(self, text: str) -> list[Suggestion]:
        time.sleep(0.03)
        word = re.search(r"\w+", text)
        assert word is not None
        return [Suggestion("actor", word.start(), word.end(), word.group(), self.name, self.version)]


def first_word() -> FirstWord:
    return FirstWord()


def missing() -> FirstWord:
    raise MissingSuggester("natasha")
