"""The window: widgets, models, actions and undoable commands (Qt lives only here)."""

import PySide6.QtCore  # noqa: F401  (PySide6's import hook is in place once it is imported)

from reader.ui.shell.pyside_import_scan import ask_the_files_bytes

ask_the_files_bytes()  # before the window's modules are imported
