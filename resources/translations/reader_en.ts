<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Annotating</name>
    <message numerus="yes">
        <source>Annotations (%n)</source>
        <translation>
            <numerusform>Annotations (%n)</numerusform>
            <numerusform>Annotations (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Annotations ({listed} of %n shown)</source>
        <translation>
            <numerusform>Annotations ({listed} of %n shown)</numerusform>
            <numerusform>Annotations ({listed} of %n shown)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag {name} is used by %n annotation(s): choose a tag to move them to, then Delete Tag again</source>
        <translation>
            <numerusform>Tag {name} is used by %n annotation: choose a tag to move it to, then Delete Tag again</numerusform>
            <numerusform>Tag {name} is used by %n annotations: choose a tag to move them to, then Delete Tag again</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agree</source>
        <translation>
            <numerusform>%n agrees</numerusform>
            <numerusform>%n agree</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disagree</source>
        <translation>
            <numerusform>%n disagrees</numerusform>
            <numerusform>%n disagree</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n settled</source>
        <translation>
            <numerusform>%n settled</numerusform>
            <numerusform>%n settled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to settle</source>
        <translation>
            <numerusform>%n to settle</numerusform>
            <numerusform>%n to settle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) made since are not in it: View ▸ Compare With pairs anew.</source>
        <translation>
            <numerusform>%n span made since is not in it: View ▸ Compare With pairs anew.</numerusform>
            <numerusform>%n spans made since are not in it: View ▸ Compare With pairs anew.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Take theirs: %n annotation(s) changed (Ctrl+Z undoes)</source>
        <translation>
            <numerusform>Take theirs: %n annotation changed (Ctrl+Z undoes)</numerusform>
            <numerusform>Take theirs: %n annotations changed (Ctrl+Z undoes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep ours: %n annotation(s) changed (Ctrl+Z undoes)</source>
        <translation>
            <numerusform>Keep ours: %n annotation changed (Ctrl+Z undoes)</numerusform>
            <numerusform>Keep ours: %n annotations changed (Ctrl+Z undoes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n differ</source>
        <translation>
            <numerusform>%n differs</numerusform>
            <numerusform>%n differ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Take theirs: %n link(s) changed (Ctrl+Z undoes)</source>
        <translation>
            <numerusform>Take theirs: %n link changed (Ctrl+Z undoes)</numerusform>
            <numerusform>Take theirs: %n links changed (Ctrl+Z undoes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep ours: %n link(s) changed (Ctrl+Z undoes)</source>
        <translation>
            <numerusform>Keep ours: %n link changed (Ctrl+Z undoes)</numerusform>
            <numerusform>Keep ours: %n links changed (Ctrl+Z undoes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message numerus="yes">
        <source>Imported %n document(s)</source>
        <translation>
            <numerusform>Imported %n document</numerusform>
            <numerusform>Imported %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already there</source>
        <translation>
            <numerusform>%n already there</numerusform>
            <numerusform>%n already there</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped ({first})</source>
        <translation>
            <numerusform>%n skipped ({first})</numerusform>
            <numerusform>%n skipped ({first})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other file(s) left out ({first})</source>
        <translation>
            <numerusform>%n other file left out ({first})</numerusform>
            <numerusform>%n other files left out ({first})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n annotation(s) to {path}; warning: {warning}</source>
        <translation>
            <numerusform>Exported %n annotation to {path}; warning: {warning}</numerusform>
            <numerusform>Exported %n annotations to {path}; warning: {warning}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n annotation(s) to {path}</source>
        <translation>
            <numerusform>Exported %n annotation to {path}</numerusform>
            <numerusform>Exported %n annotations to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s)</source>
        <translation>
            <numerusform>At most %n character</numerusform>
            <numerusform>At most %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Linking</name>
    <message numerus="yes">
        <source>Links (%n)</source>
        <translation>
            <numerusform>Links (%n)</numerusform>
            <numerusform>Links (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message numerus="yes">
        <source>Merged %n file(s)</source>
        <translation>
            <numerusform>Merged %n file</numerusform>
            <numerusform>Merged %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reading</name>
    <message numerus="yes">
        <source>“{name}”: %n in this document. Click to hide them.</source>
        <translation>
            <numerusform>“{name}”: %n in this document. Click to hide it.</numerusform>
            <numerusform>“{name}”: %n in this document. Click to hide them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{name}”: %n in this document. Click to show them.</source>
        <translation>
            <numerusform>“{name}”: %n in this document. Click to show it.</numerusform>
            <numerusform>“{name}”: %n in this document. Click to show them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n</source>
        <comment>the mark of spans in lanes below the line</comment>
        <translation>
            <numerusform>+%n</numerusform>
            <numerusform>+%n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) of this document no longer fit its text (orphaned by a re-import); they are kept in the database</source>
        <translation>
            <numerusform>%n annotation of this document no longer fits its text (orphaned by a re-import); it is kept in the database</numerusform>
            <numerusform>%n annotations of this document no longer fit its text (orphaned by a re-import); they are kept in the database</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln document(s)</source>
        <translation>
            <numerusform>%Ln document</numerusform>
            <numerusform>%Ln documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s)</source>
        <translation>
            <numerusform>%Ln annotation</numerusform>
            <numerusform>%Ln annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} · %Ln character(s)</source>
        <translation>
            <numerusform>{name} · %Ln character</numerusform>
            <numerusform>{name} · %Ln characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Suggesting</name>
    <message numerus="yes">
        <source>Accepted %n suggestion(s) of the tag {tag}, pending review (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>Accepted %n suggestion of the tag {tag}, pending review (Ctrl+Z undoes it)</numerusform>
            <numerusform>Accepted %n suggestions of the tag {tag}, pending review (Ctrl+Z undoes it)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) made</source>
        <translation>
            <numerusform>%n link made</numerusform>
            <numerusform>%n links made</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new suggestion(s)</source>
        <translation>
            <numerusform>%n new suggestion</numerusform>
            <numerusform>%n new suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in {done} of %n document(s)</source>
        <translation>
            <numerusform>in {done} of %n document</numerusform>
            <numerusform>in {done} of %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already there</source>
        <translation>
            <numerusform>%n already there</numerusform>
            <numerusform>%n already there</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n document(s)</source>
        <translation>
            <numerusform>The %n document</numerusform>
            <numerusform>All %n documents</numerusform>
        </translation>
    </message>
</context>
</TS>
