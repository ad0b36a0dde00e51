"""The main window's widgets and layout. It holds no store and makes no
decisions: the feature controllers fill it, and app.py builds them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.ui.annotating.annotation_panel import AnnotationPanel
from reader.ui.reading.document_list import DocumentListPanel
from reader.ui.reading.reader_view import ReaderView
from reader.ui.reading.search import CorpusSearch, FindBar
from reader.ui.shell.tag_bar import TagBar

STATUS_SECONDS = 8
_STYLE = """
QLabel#documentHeading { font-size: 13pt; font-weight: 600; padding: 2px 2px 0 2px; }
QLabel#documentDetails { color: palette(placeholder-text); padding: 0 2px 4px 2px; }
QLabel#annotationHeading, QLabel#listHeading { font-weight: 600; padding: 2px; }
QLabel#statusSummary, QLabel#statusIdentity { padding: 0 6px; }
QLabel#statusMessage[problem="true"] { color: #b00020; font-weight: 600; }
QToolBar#tagBar { spacing: 6px; padding: 3px 6px; }
QToolBar#tagBar QToolButton { padding: 3px 8px; border: 1px solid palette(mid); border-radius: 4px; }
QToolBar#tagBar QToolButton:hover { background: palette(midlight); }
QSplitter::handle:horizontal { width: 6px; }
"""


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Reader")
        self.setStyleSheet(_STYLE)
        # An explicit minimum keeps Qt from resizing the window's limits whenever a label's text changes.
        self.setMinimumSize(760, 480)
        self.resize(1280, 800)
        self._sized = False

        self.tag_bar = TagBar(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.tag_bar)

        self.documents = DocumentListPanel(self)
        self.corpus_search = CorpusSearch(lambda query: [], self)
        self.left_tabs = QTabWidget(self)
        self.left_tabs.setObjectName("leftTabs")
        self.left_tabs.setDocumentMode(True)
        self.left_tabs.addTab(_padded(self.documents), "Documents")
        self.left_tabs.addTab(_padded(self.corpus_search), "Search")

        self.document_heading = QLabel("No document open", self)
        self.document_heading.setObjectName("documentHeading")
        self.document_heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.document_heading.setWordWrap(True)  # a long first line must not widen the pane
        self.document_details = QLabel("Pick a document on the left.", self)
        self.document_details.setObjectName("documentDetails")
        self.document_details.setWordWrap(True)
        self.reader = ReaderView(self)
        self.find_bar = FindBar(self)
        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(6, 6, 6, 6)
        centre_layout.setSpacing(2)
        centre_layout.addWidget(self.document_heading)
        centre_layout.addWidget(self.document_details)
        centre_layout.addWidget(self.reader, 1)
        centre_layout.addWidget(self.find_bar)

        self.annotation_panel = AnnotationPanel(self)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left_tabs)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(_padded(self.annotation_panel))
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.setCentralWidget(self.splitter)

        self.status_message = QLabel(self)
        self.status_message.setObjectName("statusMessage")
        self.status_summary = QLabel(self)
        self.status_summary.setObjectName("statusSummary")
        self.status_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_identity = QLabel(self)
        self.status_identity.setObjectName("statusIdentity")
        self.status_identity.setToolTip(
            "Your name, stored on every annotation you make and every review; Edit ▸ Preferences changes it"
        )
        self.statusBar().addWidget(self.status_message, 1)
        self.statusBar().addPermanentWidget(self.status_identity)
        self.statusBar().addPermanentWidget(self.status_summary)

        self._message_timer = self.startTimer(1000)
        self._message_age = 0

    def add_dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        """``widget`` in a dock named ``name`` below the text (or right of it), hidden until shown."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        return dock

    def say(self, message: str, problem: bool = False) -> None:
        """A one-line message in the status bar; a problem stays in red until the next message."""
        self.status_message.setText(message)
        self.status_message.setToolTip(message)
        self.status_message.setProperty("problem", problem)
        self.status_message.style().unpolish(self.status_message)
        self.status_message.style().polish(self.status_message)
        self._message_age = -10_000 if problem else 0

    def problem(self, message: str, dialog: bool = False) -> None:
        """A problem in red in the status bar, and with ``dialog`` in a message too."""
        self.say(message, problem=True)
        if dialog:
            self.show_message("Reader", message)

    def show_message(self, title: str, message: str, details: str = "") -> QDialog:
        """A message that does not block: the window goes on while it is open."""
        dialog = QDialog(self)
        dialog.setObjectName("messageDialog")
        dialog.setWindowTitle(title)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setMinimumSize(420, 140 if not details else 280)
        layout = QVBoxLayout(dialog)
        text = QLabel(message, dialog)
        text.setObjectName("messageText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        if details:
            more = QPlainTextEdit(details, dialog)
            more.setObjectName("messageDetails")
            more.setReadOnly(True)
            layout.addWidget(more, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, dialog)
        buttons.accepted.connect(dialog.accept)
        layout.addWidget(buttons)
        dialog.open()
        return dialog

    def timerEvent(self, event) -> None:
        if event.timerId() != self._message_timer:
            return super().timerEvent(event)
        self._message_age += 1
        if self._message_age == STATUS_SECONDS:
            self.status_message.clear()

    def restore_splitter(self, state) -> None:
        self._sized = self.splitter.restoreState(state)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            # After the first layout pass: before it, the splitter scales sizes against a stale width.
            QTimer.singleShot(0, self._first_sizes)

    def _first_sizes(self) -> None:
        width = self.splitter.width()
        left, right = max(240, width * 22 // 100), max(300, width * 27 // 100)
        self.splitter.setSizes([left, max(200, width - left - right), right])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)


def _padded(widget: QWidget) -> QWidget:
    holder = QWidget(widget.parentWidget())
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(widget)
    return holder
