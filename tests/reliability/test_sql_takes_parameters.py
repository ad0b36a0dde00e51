"""Hostile values (a document name, a tag, a note, a search) never become SQL text: every
SQL string in reader/ that is built with an f-string, % or .format only splices in column
names and "?" placeholders made by Reader itself, listed here with the reason each is safe.
A new one fails this test until it is checked and listed."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import reader

PACKAGE = Path(reader.__file__).resolve().parent
SQL_WORDS = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|DROP|ALTER|WHERE|VALUES|ATTACH|MATCH)\b")

ALLOWED = {
    # Column lists made from the Annotation and Tag dataclass fields (code, not data), and placeholders.
    ("store/columns.py", "_names(columns)"),
    ("store/columns.py", "_placeholders(columns)"),
    ("store/columns.py", "table"),  # a table name written in the code that calls it
    ("store/columns.py", "key"),  # likewise its key column
    ("store/annotation_rows.py", "_SELECT"),  # a SELECT of those columns, made in columns.py
    ("store/tags.py", "', '.join(_TAG_FIELDS)"),
    # Integers from schema.py itself: PRAGMA takes no parameters.
    ("store/schema.py", "APPLICATION_ID"),
    ("store/schema.py", "target"),
    # The relations migration: "main", or "temp" for an older file read read-only, and the
    # foreign-key clauses that only the main tables have (literals beside them).
    ("store/schema.py", "schema"),
    ("store/schema.py", "tag_key"),
    ("store/schema.py", "type_key"),
    ("store/schema.py", "annotation_key"),
    # The suggestions migration likewise (schema 3).
    ("store/suggestion_table.py", "schema"),
    ("store/suggestion_table.py", "document_key"),
    ("store/suggestion_table.py", "annotation_key"),
    # The document sources migration likewise (schema 4).
    ("store/source_table.py", "schema"),
    ("store/source_table.py", "document_key"),
    # The document keys migration likewise (schema 5).
    ("store/document_keys.py", "schema"),
    ("store/document_keys.py", "document_key"),
    # The document list: fixed SQL fragments and ORDER BY terms chosen from literal tables by an
    # enum, a direction from a bool, "?" placeholders counted from those terms; the needle is a parameter.
    ("store/document_list.py", "_LISTED"),
    ("store/document_list.py", "_SUMMARY"),
    ("store/document_list.py", "where"),
    ("store/document_list.py", "_order_by(query)"),
    ("store/document_list.py", "', '.join(terms)"),
    ("store/document_list.py", "before"),
    ("store/document_list.py", "placeholders"),
    # Restore: the names of tables in Reader's own databases (read from sqlite_master),
    # quoted as identifiers; DROP statements from a literal tuple; integers for PRAGMAs.
    ("store/backup.py", "_identifier(name)"),
    ("store/backup.py", "drop"),
    ("store/backup.py", "application_id"),
    ("store/backup.py", "user_version"),
}


def spliced_into_sql() -> set[tuple[str, str]]:
    found = set()
    for path in PACKAGE.rglob("*.py"):
        where = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                if SQL_WORDS.search(literal):
                    found |= {(where, ast.unparse(v.value)) for v in node.values if isinstance(v, ast.FormattedValue)}
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and _is_sql(node.left):
                found.add((where, f"% {ast.unparse(node.right)}"))
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format"
                and _is_sql(node.func.value)
            ):
                found.add((where, f".format({ast.unparse(node)})"))
    return found


def _is_sql(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(SQL_WORDS.search(node.value))


def test_sql_is_never_built_from_values_only_from_listed_column_names():
    unexpected = spliced_into_sql() - ALLOWED
    assert not unexpected, f"SQL built from something other than checked column names: {sorted(unexpected)}"


def test_sql_runs_only_in_reader_store():
    outside = sorted(
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] != "store"
        and re.search(r"\.(execute|executemany|executescript|query)\(", path.read_text(encoding="utf-8"))
    )
    assert outside == []


def test_hostile_names_and_values_are_stored_as_they_are(store):
    from reader.domain.annotations import Annotation
    from reader.domain.corpus import SourceText
    from reader.domain.tags import Tag

    name = "x'); DROP TABLE annotations; --\"/../../etc/passwd"
    document = store.import_source(SourceText(name, "", "Robert'); DROP TABLE documents;--\n", "utf-8"))
    store.save_tag(Tag(name="t' OR '1'='1", colour="#123456"))
    annotation = store.add_annotation(
        Annotation(
            document_id=document.document_id,
            start=0,
            end=6,
            text="Robert",
            tag="t' OR '1'='1",
            note="'; DELETE FROM annotations; --",
        )
    )

    assert store.find_document(name).id == document.document_id
    assert store.annotation(annotation.id) == annotation
    assert store.search("DROP TABLE")[0].name == name
    assert store.counts()["annotations"] == 1
