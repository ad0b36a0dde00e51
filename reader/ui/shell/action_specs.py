"""What the window's actions are: their names, menu texts, shortcuts and tips (in English, the
language of the code; reader.ui.shell.actions shows them in the window's language)."""

from __future__ import annotations

from reader.ui.shell.spec import ANNOTATE, EDIT, FILE, HELP, MENUS, REVIEW, VIEW, Spec
from reader.ui.shell.suggestion_specs import SUGGESTION_SPECS
from reader.ui.shell.translation import QT_TRANSLATE_NOOP

__all__ = ["ANNOTATE", "EDIT", "FILE", "HELP", "MENUS", "REVIEW", "SPECS", "VIEW", "Spec"]

# Enabled in review mode only, so a stray letter never accepts or rejects while annotating.
REVIEW_MODE_ACTIONS = ("Accept", "Reject", "ReviewNote", "NextPending", "PreviousPending", "PendingOnly")
COMPARISON_ACTIONS = ("TakeTheirs", "KeepOurs")
# Checkable actions nothing is bound to: whoever needs one reads it (isChecked) when it acts.
STATE_ACTIONS = ("ExactCharacters",)
TAG_PREFIX = "Tag_"


SPECS: tuple[Spec, ...] = (
    Spec(
        "OpenFolder",
        QT_TRANSLATE_NOOP("Actions", "Open Corpus &Folder…"),
        FILE,
        ("Ctrl+O",),
        QT_TRANSLATE_NOOP("Actions", "Import a folder of .txt and .md files into its own database and open it"),
    ),
    Spec(
        "OpenDatabase",
        QT_TRANSLATE_NOOP("Actions", "Open &Database…"),
        FILE,
        ("Ctrl+Shift+O",),
        QT_TRANSLATE_NOOP("Actions", "Open another Reader database"),
    ),
    Spec(
        "ImportFiles",
        QT_TRANSLATE_NOOP("Actions", "&Import Files…"),
        FILE,
        ("Ctrl+I",),
        QT_TRANSLATE_NOOP("Actions", "Add .txt and .md files to this database (or drop them on the document list)"),
        separator_before=True,
    ),
    Spec(
        "Export",
        QT_TRANSLATE_NOOP("Actions", "&Export Annotations…"),
        FILE,
        ("Ctrl+Shift+E",),
        QT_TRANSLATE_NOOP("Actions", "Write every annotation to CSV (for spreadsheets or scripts) or JSONL"),
    ),
    Spec(
        "Merge",
        QT_TRANSLATE_NOOP("Actions", "&Merge…"),
        FILE,
        (),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Bring other annotators' databases into this one: documents by their text, annotations by id, "
            "the newest change wins",
        ),
    ),
    Spec(
        "Quit",
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        FILE,
        ("Ctrl+Q",),
        QT_TRANSLATE_NOOP("Actions", "Close Reader (everything is already saved)"),
        separator_before=True,
    ),
    Spec(
        "Find",
        QT_TRANSLATE_NOOP("Actions", "&Find in Document…"),
        EDIT,
        ("Ctrl+F",),
        QT_TRANSLATE_NOOP("Actions", "Find text in the open document"),
        separator_before=True,
    ),
    Spec(
        "FindNext",
        QT_TRANSLATE_NOOP("Actions", "Find &Next"),
        EDIT,
        ("F3",),
        QT_TRANSLATE_NOOP("Actions", "Find the next match in the document"),
    ),
    Spec(
        "FindPrevious",
        QT_TRANSLATE_NOOP("Actions", "Find &Previous"),
        EDIT,
        ("Shift+F3",),
        QT_TRANSLATE_NOOP("Actions", "Find the previous match in the document"),
    ),
    Spec(
        "SearchCorpus",
        QT_TRANSLATE_NOOP("Actions", "&Search All Documents…"),
        EDIT,
        ("Ctrl+Shift+F",),
        QT_TRANSLATE_NOOP("Actions", "Full-text search across every document"),
    ),
    Spec(
        "FilterDocuments",
        QT_TRANSLATE_NOOP("Actions", "Filter &Documents…"),
        EDIT,
        ("Ctrl+L",),
        QT_TRANSLATE_NOOP("Actions", "Type to narrow the document list"),
    ),
    Spec(
        "Preferences",
        QT_TRANSLATE_NOOP("Actions", "Pr&eferences…"),
        EDIT,
        ("Ctrl+,",),
        QT_TRANSLATE_NOOP("Actions", "Your name, stored on every annotation you make and every review"),
        separator_before=True,
    ),
    Spec(
        "DeleteAnnotation",
        QT_TRANSLATE_NOOP("Actions", "&Delete Annotation"),
        ANNOTATE,
        ("Del",),
        QT_TRANSLATE_NOOP("Actions", "Delete the selected highlight"),
    ),
    Spec(
        "EditNote",
        QT_TRANSLATE_NOOP("Actions", "Edit &Note…"),
        ANNOTATE,
        ("Ctrl+E",),
        QT_TRANSLATE_NOOP("Actions", "Write a note on the selected highlight"),
    ),
    Spec(
        "Link",
        QT_TRANSLATE_NOOP("Actions", "&Link…"),
        ANNOTATE,
        ("Ctrl+K",),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Link the selected claim to an actor or a date: Tab goes through them nearest first, Enter links",
        ),
    ),
    Spec(
        "NextLink",
        QT_TRANSLATE_NOOP("Actions", "Next Lin&k"),
        ANNOTATE,
        ("Ctrl+J",),
        QT_TRANSLATE_NOOP("Actions", "Walk the links of the selected highlight (Delete removes the one reached)"),
    ),
    Spec(
        "PreviousLink",
        QT_TRANSLATE_NOOP("Actions", "Previous Link"),
        ANNOTATE,
        ("Ctrl+Shift+J",),
        QT_TRANSLATE_NOOP("Actions", "Walk the links of the selected highlight backwards"),
    ),
    Spec(
        "NextAnnotation",
        QT_TRANSLATE_NOOP("Actions", "Ne&xt Annotation"),
        ANNOTATE,
        ("F8",),
        QT_TRANSLATE_NOOP("Actions", "Select the next highlight in the text"),
    ),
    Spec(
        "PreviousAnnotation",
        QT_TRANSLATE_NOOP("Actions", "Pre&vious Annotation"),
        ANNOTATE,
        ("Shift+F8",),
        QT_TRANSLATE_NOOP("Actions", "Select the previous highlight in the text"),
    ),
    Spec(
        "ExactCharacters",
        QT_TRANSLATE_NOOP("Actions", "E&xact Characters"),
        ANNOTATE,
        ("Ctrl+Shift+X",),
        QT_TRANSLATE_NOOP("Actions", "Tag exactly the selected characters instead of whole words"),
        checkable=True,
        separator_before=True,
    ),
    Spec(
        "EditTags",
        QT_TRANSLATE_NOOP("Actions", "Edit &Tags…"),
        ANNOTATE,
        ("Ctrl+T",),
        QT_TRANSLATE_NOOP("Actions", "Add, rename, recolour tags or change their keys"),
    ),
    Spec(
        "EditRelationTypes",
        QT_TRANSLATE_NOOP("Actions", "Edit &Relation Types…"),
        ANNOTATE,
        ("Ctrl+Shift+T",),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Add, rename or delete relation types: the tags each links, its key (Alt while linking), its colour",
        ),
    ),
    Spec(
        "Accept",
        QT_TRANSLATE_NOOP("Actions", "&Accept"),
        REVIEW,
        ("A",),
        QT_TRANSLATE_NOOP("Actions", "Accept the selected highlight, then go to the next pending one"),
    ),
    Spec(
        "Reject",
        QT_TRANSLATE_NOOP("Actions", "&Reject"),
        REVIEW,
        ("R",),
        QT_TRANSLATE_NOOP(
            "Actions", "Reject the selected highlight (it is kept, struck through), then go to the next pending one"
        ),
    ),
    Spec(
        "ReviewNote",
        QT_TRANSLATE_NOOP("Actions", "Review N&ote…"),
        REVIEW,
        ("Shift+N",),
        QT_TRANSLATE_NOOP("Actions", "Write a reviewer's note on the selected highlight"),
    ),
    Spec(
        "NextPending",
        QT_TRANSLATE_NOOP("Actions", "&Next Pending"),
        REVIEW,
        ("N",),
        QT_TRANSLATE_NOOP("Actions", "Select the next pending highlight, opening the next document that has one"),
        separator_before=True,
    ),
    Spec(
        "PreviousPending",
        QT_TRANSLATE_NOOP("Actions", "&Previous Pending"),
        REVIEW,
        ("P",),
        QT_TRANSLATE_NOOP(
            "Actions", "Select the previous pending highlight, opening the previous document that has one"
        ),
    ),
    Spec(
        "TakeTheirs",
        QT_TRANSLATE_NOOP("Actions", "&Take Theirs"),
        REVIEW,
        ("T",),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Comparison: their version of the selected row goes into this database, accepted; ours is rejected",
        ),
        separator_before=True,
    ),
    Spec(
        "KeepOurs",
        QT_TRANSLATE_NOOP("Actions", "&Keep Ours"),
        REVIEW,
        ("O",),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Comparison: our version of the selected row is accepted; theirs, when it is in this database, rejected",
        ),
    ),
    Spec(
        "ZoomIn",
        QT_TRANSLATE_NOOP("Actions", "Zoom &In"),
        VIEW,
        ("Ctrl+=", "Ctrl++"),
        QT_TRANSLATE_NOOP("Actions", "Everything in the window larger"),
    ),
    Spec(
        "ZoomOut",
        QT_TRANSLATE_NOOP("Actions", "Zoom &Out"),
        VIEW,
        ("Ctrl+-",),
        QT_TRANSLATE_NOOP("Actions", "Everything in the window smaller"),
    ),
    Spec(
        "ZoomReset",
        QT_TRANSLATE_NOOP("Actions", "&Actual Size"),
        VIEW,
        ("Ctrl+0",),
        QT_TRANSLATE_NOOP("Actions", "Everything in the window at its normal size"),
    ),
    Spec(
        "FocusDocuments",
        QT_TRANSLATE_NOOP("Actions", "Go to &Document List"),
        VIEW,
        ("Ctrl+Shift+L",),
        QT_TRANSLATE_NOOP("Actions", "Move the keyboard focus to the list"),
        separator_before=True,
    ),
    Spec(
        "FocusReader",
        QT_TRANSLATE_NOOP("Actions", "Go to &Reader"),
        VIEW,
        ("Ctrl+Shift+R",),
        QT_TRANSLATE_NOOP("Actions", "Move the keyboard focus to the text"),
    ),
    Spec(
        "FocusAnnotations",
        QT_TRANSLATE_NOOP("Actions", "Go to &Annotations"),
        VIEW,
        ("Ctrl+Shift+A",),
        QT_TRANSLATE_NOOP("Actions", "Move the keyboard focus to the annotation list"),
    ),
    Spec(
        "ReviewMode",
        QT_TRANSLATE_NOOP("Actions", "Re&view Mode"),
        VIEW,
        ("Ctrl+R",),
        QT_TRANSLATE_NOOP(
            "Actions", "Review keys (A, R, N, P), filters over the annotations and review progress in the document list"
        ),
        checkable=True,
        separator_before=True,
    ),
    Spec(
        "ShowRejected",
        QT_TRANSLATE_NOOP("Actions", "Show Re&jected"),
        VIEW,
        ("Ctrl+H",),
        QT_TRANSLATE_NOOP("Actions", "Show rejected highlights, struck through"),
        checkable=True,
    ),
    Spec(
        "PendingOnly",
        QT_TRANSLATE_NOOP("Actions", "Only Documents with &Pending"),
        VIEW,
        (),
        QT_TRANSLATE_NOOP("Actions", "List only the documents that still have pending annotations"),
        checkable=True,
    ),
    Spec(
        "Compare",
        QT_TRANSLATE_NOOP("Actions", "&Compare With…"),
        VIEW,
        (),
        QT_TRANSLATE_NOOP("Actions", "Another annotator's spans beside this database's, for the open document"),
    ),
    Spec(
        "Shortcuts",
        QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"),
        HELP,
        ("F1",),
        QT_TRANSLATE_NOOP("Actions", "Every shortcut on one page"),
    ),
    *SUGGESTION_SPECS,
)


# Keys the reader pane handles itself (no action of their own).
READER_KEYS = (
    (
        QT_TRANSLATE_NOOP("Actions", "Move the caret"),
        QT_TRANSLATE_NOOP("Actions", "Arrows, Home, End, Page Up, Page Down"),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "Select text"),
        QT_TRANSLATE_NOOP("Actions", "Shift+Arrows, Ctrl+Shift+Left/Right (by word)"),
    ),
    (QT_TRANSLATE_NOOP("Actions", "Move the selected highlight's end"), "Shift+Left, Shift+Right"),
    (QT_TRANSLATE_NOOP("Actions", "Move the selected highlight's start"), "Shift+Alt+Left, Shift+Alt+Right"),
    (QT_TRANSLATE_NOOP("Actions", "Deselect the highlight"), "Esc"),
)
