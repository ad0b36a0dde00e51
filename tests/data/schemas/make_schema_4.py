"""Writes tests/data/schemas/schema-4.db with Reader at schema 4 (commit 8ad04e9)."""

import sys
from pathlib import Path

from reader.domain.annotations import ACCEPTED, Annotation
from reader.domain.corpus import SourceText
from reader.store import SCHEMA_VERSION, Store

assert SCHEMA_VERSION == 4
path = Path(sys.argv[1])
texts = {
    "doc-10.txt": "Документ 10\nМосква, 2 марта. Министр заявил о переговорах.",
    "doc-2.txt": "Документ 2\nПетербург. Губернатор сообщил, что мост откроют летом.",
    "Doc-1.txt": "документ 1\nКазань, вчера. Мэр пообещал новые трамваи.",
    "notes.md": "# Ёлки и палки\nЗаметки без чисел.",
}
with Store.open(path) as store:
    ids = {
        name: store.import_source(SourceText(name, f"/corpus/{name}", text, "utf-8")).document_id
        for name, text in texts.items()
    }
    text = texts["doc-2.txt"]
    store.add_annotation(
        Annotation(document_id=ids["doc-2.txt"], start=11, end=20, text=text[11:20], tag="actor", status=ACCEPTED)
    )
    store.add_annotation(Annotation(document_id=ids["doc-2.txt"], start=21, end=32, text=text[21:32], tag="actor"))
