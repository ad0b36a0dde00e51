"""The shape of Reader's code, which ``make check`` keeps: no import cycle runs between two
of its modules (directly or through others; imports inside functions count too), and no
module is longer than LONGEST lines. import-linter keeps the layers apart."""

from __future__ import annotations

import sys
from pathlib import Path

import grimp

PACKAGE = "reader"
LONGEST = 400


def cycles() -> list[tuple[str, str]]:
    graph = grimp.build_graph(PACKAGE)
    return [
        (module, imported)
        for module in sorted(graph.modules)
        for imported in sorted(graph.find_modules_directly_imported_by(module))
        if graph.chain_exists(importer=imported, imported=module)
    ]


def too_long(root: Path) -> list[tuple[Path, int]]:
    lengths = ((path, len(path.read_text(encoding="utf-8").splitlines())) for path in sorted(root.rglob("*.py")))
    return [(path, lines) for path, lines in lengths if lines > LONGEST]


def main() -> int:
    problems = [f"import cycle: {module} imports {imported}, which leads back to it" for module, imported in cycles()]
    root = Path(__file__).resolve().parent.parent / PACKAGE
    problems += [
        f"{path.relative_to(root.parent)} has {lines} lines (at most {LONGEST})" for path, lines in too_long(root)
    ]
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"no import cycles between {PACKAGE}'s modules, and none longer than {LONGEST} lines")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
