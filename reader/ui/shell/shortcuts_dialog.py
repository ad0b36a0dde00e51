"""Help ▸ Keyboard Shortcuts: a table of every action's keys, in a dialog of its own."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reader.ui.shell.translation import QT_TRANSLATE_NOOP, translate


def shortcuts_dialog(rows: str, parent: QWidget) -> QDialog:
    """The dialog, open, over ``parent``; ``rows``: the table's rows, as HTML."""
    dialog = QDialog(parent)
    dialog.setObjectName("shortcutsDialog")
    dialog.setWindowTitle(translate("Actions", "Keyboard Shortcuts"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    browser = QTextBrowser(dialog)
    heads = "".join(
        f"<th align='left'>{escape(translate('Actions', head))}</th>"
        for head in (
            QT_TRANSLATE_NOOP("Actions", "Menu"),
            QT_TRANSLATE_NOOP("Actions", "Action"),
            QT_TRANSLATE_NOOP("Actions", "Keys"),
        )
    )
    browser.setHtml(f"<table cellpadding='4'><tr>{heads}</tr>{rows}</table>")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.setMinimumSize(420, 360)
    dialog.resize(560, 640)
    dialog.open()
    return dialog
