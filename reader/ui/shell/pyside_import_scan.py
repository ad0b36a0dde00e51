"""PySide6 asks of every module imported after it whether its source mentions "PySide6" (for its
``__feature__`` switches, which Reader does not use). It finds the source with
``inspect.getsource``, which tokenizes the whole file to find where the module begins: about 15 ms
of every start of the window, for Reader's 126 window modules (docs/performance.md). Asking the
file's bytes gives the same answer for a source file, in a tenth of the time. PySide6 keeps the
question in a private function; if a later PySide6 has none, nothing is changed."""

from __future__ import annotations

import sys
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"
_QUESTION = "_mod_uses_pyside"


def ask_the_files_bytes() -> None:
    """Answer PySide6's question from a module's file where it has one; PySide6's own way otherwise."""
    feature = sys.modules.get(_FEATURE_MODULE)
    upstream = getattr(feature, _QUESTION, None)
    if not callable(upstream) or hasattr(upstream, "pyside_own"):
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(upstream(module))

    uses_pyside.pyside_own = upstream  # type: ignore[attr-defined]
    setattr(feature, _QUESTION, uses_pyside)
