"""The SQLite store: one file is one annotation project. All of Reader's SQL lives here."""

from reader.store.repo import Store
from reader.store.schema import SCHEMA_VERSION, StoreError

__all__ = ["SCHEMA_VERSION", "Store", "StoreError"]
