"""Exporting every annotation: a dialog for the format and file, then the
writing itself behind a progress dialog. The file appears only when complete."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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

from reader.domain.export import encoding_for, write_annotations
from reader.files import atomic_text_file
from reader.ui.shell.dialog_parts import ok_cancel, problem_label

# (label, format, dialect, suffix)
CHOICES = (
    ("CSV for spreadsheets (Excel, LibreOffice)", "csv", "excel", ".csv"),
    ("CSV for scripts (pandas; no BOM, cells as they are)", "csv", "plain", ".csv"),
    ("JSON Lines (one annotation per line)", "jsonl", "plain", ".jsonl"),
)


class ExportCancelled(Exception):
    pass


def export_annotations(
    rows: Iterable[Mapping], path: Path, fmt: str, dialect: str, total: int, parent: QWidget | None = None
) -> int:
    """Write ``rows`` to ``path`` behind a progress dialog; returns how many.

    Written through ``atomic_text_file``, so a cancel or a full disk leaves
    ``path`` as it was, never half a file.
    """
    progress = QProgressDialog("Exporting annotations…", "Cancel", 0, max(total, 1), parent)
    progress.setObjectName("exportProgress")
    progress.setWindowTitle("Export")
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
            count = write_annotations(rows, out, fmt, dialect, progress=advance)
    finally:
        progress.close()
        progress.deleteLater()
    return count


class ExportDialog(QDialog):
    def __init__(self, suggested: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export Annotations")
        self.setMinimumSize(520, 170)  # fixed limits: the problem line must not resize the dialog's bounds
        self.format_box = QComboBox(self)
        self.format_box.setObjectName("exportFormat")
        self.format_box.setAccessibleName("Format")
        for label, *_ in CHOICES:
            self.format_box.addItem(label)
        self.path_box = QLineEdit(str(suggested), self)
        self.path_box.setObjectName("exportPath")
        self.path_box.setAccessibleName("File to write")
        self.path_box.setMinimumWidth(360)
        browse = QPushButton("Browse…", self)
        browse.setAccessibleName("Choose the file")
        browse.clicked.connect(self._browse)
        self.problem = problem_label(self, "exportProblem")
        where = QHBoxLayout()
        where.addWidget(self.path_box, 1)
        where.addWidget(browse)
        self.buttons = ok_cancel(self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        form = QFormLayout(self)
        form.addRow("Format:", self.format_box)
        form.addRow("File:", where)
        form.addRow(QLabel("Offsets are code points of the document text: text == document[start:end].", self))
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
            self, "Export Annotations", self.path_box.text(), f"{suffix[1:].upper()} files (*{suffix});;All files (*)"
        )
        if path:
            self.path_box.setText(path)

    def accept(self) -> None:
        path, _, _ = self.choice()
        if not self.path_box.text().strip():
            self.problem.setText("Choose a file to write.")
        elif path.is_dir():
            self.problem.setText(f"{path} is a folder; choose a file name.")
        elif not path.parent.is_dir():
            self.problem.setText(f"The folder {path.parent} does not exist.")
        else:
            super().accept()
