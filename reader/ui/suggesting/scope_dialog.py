"""Suggest…'s question: this document, or every document."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QRadioButton, QVBoxLayout, QWidget

from reader.ui.shell.dialog_parts import ok_cancel
from reader.ui.shell.translation import translate


class ScopeDialog(QDialog):
    def __init__(self, document_name: str | None, documents: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("suggestScopeDialog")
        self.setWindowTitle(translate("Suggesting", "Suggest"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(translate("Suggesting", "Suggest actors, dates and claims, and more of what is tagged, in:"), self)
        )
        self.this_document = QRadioButton(
            translate("Suggesting", "This document ({name})").format(name=document_name or "—"), self
        )
        self.this_document.setObjectName("suggestThisDocument")
        self.this_document.setEnabled(document_name is not None)
        self.all_documents = QRadioButton(translate("Suggesting", "All %n document(s)", None, documents), self)
        self.all_documents.setObjectName("suggestAllDocuments")
        (self.this_document if document_name is not None else self.all_documents).setChecked(True)
        layout.addWidget(self.this_document)
        layout.addWidget(self.all_documents)
        layout.addWidget(ok_cancel(self))

    def every_document(self) -> bool:
        return self.all_documents.isChecked()
