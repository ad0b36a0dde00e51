"""The SQLite store: one file is one annotation project. All of Reader's SQL lives here."""

from reader.store.schema import SCHEMA_VERSION, StoreError
from reader.store.repo import Store

__all__ = ["SCHEMA_VERSION", "Store", "StoreError"]
