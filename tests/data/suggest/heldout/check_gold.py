"""``python tests/data/suggest/heldout/check_gold.py``: every row's text is its document's text at
[start, end) in code points, and so is a claim's source; tags and kinds are the rules' ones."""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {
    "actor": {"per", "org", "state"},
    "date": {"absolute", "relative", "time", "vague", "duration", "set"},
    "claim": {"explicit", "implicit"},
}


def problems(gold: Path) -> list[str]:
    found = []
    texts: dict[str, str] = {}
    for number, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        text = texts.setdefault(row["document"], (HERE / row["document"]).read_text(encoding="utf-8"))
        if text[row["start"] : row["end"]] != row["text"]:
            found.append(f"line {number}: {row['text']!r} is not at {row['start']}:{row['end']}")
        if row["kind"] not in KINDS.get(row["tag"], set()):
            found.append(f"line {number}: kind {row['kind']!r} is no kind of {row['tag']!r}")
        source = row.get("source")
        if source and text[source["start"] : source["end"]] != source["text"]:
            found.append(f"line {number}: source {source['text']!r} is not at {source['start']}:{source['end']}")
    return found


if __name__ == "__main__":
    listed = problems(HERE / "heldout_gold.jsonl")
    print("\n".join(listed) or "all spans match their documents")
    sys.exit(1 if listed else 0)
