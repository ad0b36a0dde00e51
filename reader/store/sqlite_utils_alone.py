"""sqlite-utils, imported without numpy and pandas.

When they are installed (spaCy brings numpy), sqlite-utils imports both as it loads, to map
their types: 120 ms and more of Reader's start-up, for values Reader never stores. They are
hidden while it loads and importable as usual afterwards. Imported only when the store
first needs sqlite-utils (reader.store.core.sqlite_utils_database)."""

from __future__ import annotations

import sys

_HIDDEN = ("numpy", "pandas")

hid = [name for name in _HIDDEN if name not in sys.modules]
for name in hid:
    sys.modules[name] = None  # type: ignore[assignment]  # import_module then raises ImportError
try:
    from sqlite_utils import Database
finally:
    for name in hid:
        if sys.modules.get(name) is None:
            del sys.modules[name]

__all__ = ["Database"]
