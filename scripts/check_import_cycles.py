"""No import cycle runs between two of Reader's modules: ``make check`` runs this.

import-linter keeps the layers apart; this keeps any two modules from reaching each
other, directly or through others (imports inside functions count too)."""

from __future__ import annotations

import sys

import grimp


def cycles(package: str = "reader") -> list[tuple[str, str]]:
    graph = grimp.build_graph(package)
    found = []
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if graph.chain_exists(importer=imported, imported=module):
                found.append((module, imported))
    return found


def main() -> int:
    found = cycles()
    for module, imported in found:
        print(f"import cycle: {module} imports {imported}, which leads back to it", file=sys.stderr)
    if not found:
        print("no import cycles between reader's modules")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
