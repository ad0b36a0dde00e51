"""Reader's benchmark suite: ``python -m benchmarks [--size small|full] [--runs N]``.

It generates its own deterministic Russian-like data (cached between runs), times
each scenario against a baseline measured in the same run, and prints a table.
The scenarios and targets are those of the performance issue; docs/performance.md
holds the latest full-size table.
"""

# Scenario number -> what it measures; every number appears in the printed table.
SCENARIOS = {
    "1": "open a long document with highlights, until painted (1w: in Reader's whole window)",
    "2": "add one highlight by key, until painted and committed (2m: beside the minimal pane)",
    "3": "scroll one page",
    "4": "start-up to a painted window on a large database",
    "5": "import a corpus",
    "6": "export every annotation to CSV",
    "7": "corpus search",
    "8": "annotate one row from the command line, the whole file checked first",
    "9": "relations at scale in the window: open, select a linked claim, start linking, scroll",
    "10": "import web pages, Word, PDF, e-book and OpenDocument files, against their libraries alone",
}
