"""Suggestions: spans a machine proposes (actors, dates and claims in Russian, and the
annotator's own tags found again), for the annotator to confirm. Qt-free and SQL-free; the
models are imported by ``load`` only, so this package imports with none of them installed."""

from reader.suggesting.engine import Suggester, load
from reader.suggesting.matching import from_annotations
from reader.suggesting.model import MissingSuggester, Suggestion

__all__ = ["MissingSuggester", "Suggester", "Suggestion", "from_annotations", "load"]
