"""Exporting every annotation: a dialog for the format and file, then the
writing itself behind a progress dialog. The file appears only when complete."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from reader.domain.export import encoding_for
from reader.domain.export_writer import write_export
from reader.domain.relation_tables import Table
from reader.files import atomic_text_file
from reader.ui.shell.dialog_parts import ok_cancel, problem_label
from reader.ui.shell.translation import QT_TRANSLATE_NOOP, translate

# (label, format, dialect, suffix); the label is shown as translate("Library", label)
CHOICES = (
    (
        QT_TRANSLATE_NOOP(
            "Library",
            "Workbook for spreadsheets (XLSX: Excel, LibreOffice; every cell as it is), with sheets of "
            "annotations, relations, claims with their actors and dates, and documents",
        ),
        "xlsx",
        "excel",
        ".xlsx",
    ),
    (QT_TRANSLATE_NOOP("Library", "CSV for spreadsheets (Excel, LibreOffice)"), "csv", "excel", ".csv"),
    (QT_TRANSLATE_NOOP("Library", "CSV for scripts (pandas; no BOM, cells as they are)"), "csv", "plain", ".csv"),
    (
        QT_TRANSLATE_NOOP("Library", "JSON Lines (one annotation per line, then one relation per line)"),
        "jsonl",
        "plain",
        ".jsonl",
    ),
)


OFFSETS_NOTE = QT_TRANSLATE_NOOP(
    "Library",
    "Offsets are code points of the document text: text == document[start:end]. "
    "The workbook keeps every cell as it is, as text, and offsets as numbers. "
    "In the spreadsheet CSV a cell that starts with =, +, -, @, a tab, a carriage return or ' "
    "gets one more ' in front, so a spreadsheet shows it as text and never runs it as a formula; "
    "without that one ' the text is document[start:end] again (import-annotations removes it).",
)


class ExportCancelled(Exception):
    pass


def export_annotations(
    rows: Iterable[Mapping],
    path: Path,
    fmt: str,
    dialect: str,
    total: int,
    parent: QWidget | None = None,
    documents: Iterable[Mapping] = (),
    tables: Sequence[Table] = (),
) -> tuple[int, str]:
    """Write ``rows`` (and to a workbook, ``documents``; to JSONL or a workbook, the ``tables``
    of relations and claims) to ``path`` behind a progress dialog;
    returns how many, and "" or a one-line warning (export_writer.write_export).

    Written through ``atomic_text_file``, so a cancel or a full disk leaves
    ``path`` as it was, never half a file.
    """
    progress = QProgressDialog(
        translate("Library", "Exporting annotations…"), translate("Library", "Cancel"), 0, max(total, 1), parent
    )
    progress.setObjectName("exportProgress")
    progress.setWindowTitle(translate("Library", "Export"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    progress.setAutoClose(False)
    progress.setAutoReset(False)

    def advance(count: int) -> None:
        progress.setValue(min(count, progress.maximum()))
        if progress.wasCanceled():
            raise ExportCancelled

    try:
        with atomic_text_file(path, encoding_for(fmt, dialect)) as out:
            written = write_export(rows, documents, out, fmt, dialect, progress=advance, tables=tables)
    finally:
        progress.close()
        progress.deleteLater()
    return written


class ExportDialog(QDialog):
    def __init__(self, suggested: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(translate("Library", "Export Annotations"))
        self.setMinimumSize(520, 170)  # fixed limits: the problem line must not resize the dialog's bounds
        self.format_box = QComboBox(self)
        self.format_box.setObjectName("exportFormat")
        self.format_box.setAccessibleName(translate("Library", "Format"))
        for label, *_ in CHOICES:
            self.format_box.addItem(translate("Library", label))
        self.path_box = QLineEdit(str(suggested), self)
        self.path_box.setObjectName("exportPath")
        self.path_box.setAccessibleName(translate("Library", "File to write"))
        self.path_box.setMinimumWidth(360)
        browse = QPushButton(translate("Library", "Browse…"), self)
        browse.setAccessibleName(translate("Library", "Choose the file"))
        browse.clicked.connect(self._browse)
        self.problem = problem_label(self, "exportProblem")
        where = QHBoxLayout()
        where.addWidget(self.path_box, 1)
        where.addWidget(browse)
        self.buttons = ok_cancel(self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Library", "Export"))
        form = QFormLayout(self)
        form.addRow(translate("Library", "Format:"), self.format_box)
        form.addRow(translate("Library", "File:"), where)
        offsets = QLabel(translate("Library", OFFSETS_NOTE), self)
        offsets.setObjectName("exportOffsets")
        offsets.setWordWrap(True)
        form.addRow(offsets)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.format_box.currentIndexChanged.connect(self._suffix_follows_format)

    def choice(self) -> tuple[Path, str, str]:
        _, fmt, dialect, _ = CHOICES[self.format_box.currentIndex()]
        return Path(self.path_box.text().strip()).expanduser(), fmt, dialect

    def _suffix_follows_format(self, index: int) -> None:
        text = self.path_box.text().strip()
        if text:
            self.path_box.setText(str(Path(text).with_suffix(CHOICES[index][3])))

    def _browse(self) -> None:
        suffix = CHOICES[self.format_box.currentIndex()][3]
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("Library", "Export Annotations"),
            self.path_box.text(),
            translate("Library", "{kind} files (*{suffix});;All files (*)").format(
                kind=suffix[1:].upper(), suffix=suffix
            ),
        )
        if path:
            self.path_box.setText(path)

    def accept(self) -> None:
        path, _, _ = self.choice()
        if not self.path_box.text().strip():
            self.problem.setText(translate("Library", "Choose a file to write."))
        elif path.is_dir():
            self.problem.setText(translate("Library", "{path} is a folder; choose a file name.").format(path=path))
        elif not path.parent.is_dir():
            self.problem.setText(translate("Library", "The folder {folder} does not exist.").format(folder=path.parent))
        else:
            super().accept()
