"""Checks heldout3_gold.jsonl against the texts beside it; prints counts, exits 1 on any problem.

Run from anywhere: ``python tests/data/suggest/heldout3/check_gold.py``. Standard library only.
Offsets are code points of the file text (Python ``str`` indices), 0-based, end-exclusive.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "heldout3_gold.jsonl"
KINDS = {
    "actor": {"per", "org", "state"},
    "date": {"absolute", "relative", "time", "vague", "duration", "set"},
    "claim": {"explicit", "implicit"},
}


def read_documents() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(HERE.glob("*.txt"))}


def document_problems(name: str, text: str) -> list[str]:
    problems = []
    if "\r" in text:
        problems.append(f"{name}: contains CR, offsets must be of LF-normalized text")
    if text.startswith("\ufeff"):
        problems.append(f"{name}: starts with a BOM")
    return problems


def span_problems(where: str, text: str, start: object, end: object, expected: object) -> list[str]:
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return [f"{where}: bad offsets {start}..{end} for a text of {len(text)} code points"]
    if text[start:end] != expected:
        return [f"{where}: document[{start}:{end}] is {text[start:end]!r}, row says {expected!r}"]
    if expected != expected.strip():
        return [f"{where}: span has surrounding whitespace"]
    return []


def row_problems(number: int, row: dict, documents: dict[str, str]) -> list[str]:
    where = f"line {number}"
    text = documents.get(row.get("document", ""))
    if text is None:
        return [f"{where}: unknown document {row.get('document')!r}"]
    tag, kind = row.get("tag"), row.get("kind")
    if tag not in KINDS or kind not in KINDS[tag]:
        return [f"{where}: bad tag/kind {tag!r}/{kind!r}"]
    problems = span_problems(where, text, row.get("start"), row.get("end"), row.get("text"))
    source = row.get("source")
    if tag != "claim":
        if source is not None:
            problems.append(f"{where}: only claims carry a source")
        return problems
    if row["text"].endswith("."):
        problems.append(f"{where}: a claim span leaves out the final full stop")
    if not isinstance(source, dict):
        return [*problems, f"{where}: claim without a source"]
    problems += span_problems(f"{where} source", text, source.get("start"), source.get("end"), source.get("text"))
    return problems


def main() -> int:
    documents = read_documents()
    problems = [p for name, text in documents.items() for p in document_problems(name, text)]
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    for number, row in enumerate(rows, start=1):
        problems += row_problems(number, row, documents)
    keys = Counter((r.get("document"), r.get("tag"), r.get("start"), r.get("end")) for r in rows)
    problems += [f"duplicate row {key}" for key, count in keys.items() if count > 1]
    problems += [f"{name}: no rows" for name in documents if not any(r.get("document") == name for r in rows)]
    order = [(r.get("document"), r.get("start"), r.get("end")) for r in rows]
    if order != sorted(order):
        problems.append("rows are not sorted by (document, start, end)")
    print(f"{len(documents)} documents, {len(rows)} rows")
    for (tag, kind), count in sorted(Counter((r.get("tag"), r.get("kind")) for r in rows).items()):
        print(f"  {tag:6} {kind:9} {count}")
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
