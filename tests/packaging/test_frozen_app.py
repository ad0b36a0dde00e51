"""The desktop app that build.spec makes: built once per session with PyInstaller, then run
as a real process the way an annotator (or a script) would run it."""

from __future__ import annotations

import csv
import importlib.util
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from reader import __version__
from reader.domain.corpus import find_sources, read_source

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason="PyInstaller comes with the [dist] extra: pip install -e '.[dist]'",
    ),
]

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
LINUX = sys.platform.startswith("linux")
BUILD_TIMEOUT_S = 600
WINDOW_TIMEOUT_S = 60
# Linux, stripped: 117 MB before the suggester, 212 MB with it (natasha's models, pymorphy2's
# dictionaries, numpy), 249 MB with the document extractors (lxml 10 MB, pdfminer's CMaps 8 MB,
# the cryptography pdfminer decrypts AES with 17 MB, trafilatura and what it brings); a new Qt
# module would break it.
SIZE_BUDGET_MB = 265


@pytest.fixture(scope="session")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(REPO / "build.spec"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    app = work / "dist" / "reader" / ("reader.exe" if sys.platform == "win32" else "reader")
    assert app.is_file(), f"PyInstaller did not produce {app}"
    return app


def frozen_env(home: Path, **extra: str) -> dict[str, str]:
    """A clean environment: no screen, and per-user folders inside the test's own directory."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("READER_", "PYTHON"))}
    env["HOME"] = str(home)
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[variable] = str(home / variable.lower())
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def run_frozen(
    app: Path, *args, home: Path, timeout: float = 60, offline: bool = False, **extra: str
) -> subprocess.CompletedProcess:
    """The app run with ``args``; ``offline``: with no network at all, where this machine allows it."""
    return subprocess.run(
        [*(_no_network() if offline else []), str(app), *map(str, args)],
        cwd=home,
        env=frozen_env(home, **extra),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def test_version_is_the_package_version(frozen_app: Path, tmp_path: Path):
    # A windowed build still writes to stdout on Linux and macOS (not on Windows: no console).
    result = run_frozen(frozen_app, "--version", home=tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"reader {__version__}"


def test_import_annotate_export_through_the_frozen_app(frozen_app: Path, tmp_path: Path):
    db = tmp_path / "frozen.sqlite"
    seeds = {name: read_source(path, name).text for path, name in find_sources([SEEDS])}
    # A tag from the bundled resources/tags.toml: annotate refuses tags the database does not have.
    tag = tomllib.loads((REPO / "resources" / "tags.toml").read_text(encoding="utf-8"))["tag"][-1]["name"]
    document = sorted(seeds)[-1]
    text = seeds[document]
    start = text.index(" ") + 1
    end = text.index(" ", start + 1)
    note = 'a "quoted", two-line\nnote'

    imported = run_frozen(frozen_app, "import", SEEDS, "--db", db, home=tmp_path)
    annotated = run_frozen(
        frozen_app,
        "annotate",
        "--db",
        db,
        "--doc",
        document,
        "--start",
        start,
        "--end",
        end,
        "--tag",
        tag,
        "--note",
        note,
        "--annotator",
        "frozen",
        home=tmp_path,
    )
    to_file = run_frozen(frozen_app, "export", "--db", db, "-o", tmp_path / "excel.csv", home=tmp_path)
    to_stdout = run_frozen(frozen_app, "export", "--db", db, "--dialect", "plain", home=tmp_path)

    assert imported.returncode == 0, imported.stderr
    assert sorted(line.split()[1] for line in imported.stdout.splitlines()) == sorted(seeds)
    assert annotated.returncode == 0, annotated.stderr
    assert to_file.returncode == 0, to_file.stderr
    assert to_stdout.returncode == 0, to_stdout.stderr
    raw = (tmp_path / "excel.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (tmp_path / "excel.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows == list(csv.DictReader(to_stdout.stdout.splitlines(keepends=True)))
    assert len(rows) == 1
    row = rows[0]
    assert row["annotation_id"] == annotated.stdout.strip()
    assert (row["document"], row["tag"], row["note"], row["annotator"]) == (document, tag, note, "frozen")
    assert (int(row["start"]), int(row["end"])) == (start, end)
    assert row["text"] == text[start:end]


@pytest.mark.skipif(not LINUX, reason="the per-user database is kept in the test's folder through XDG on Linux only")
def test_window_opens_the_bundled_seeds_headless_and_exits_cleanly(frozen_app: Path, tmp_path: Path):
    started = time.monotonic()
    try:
        result = run_frozen(
            frozen_app, home=tmp_path, timeout=WINDOW_TIMEOUT_S, READER_EXIT_AFTER_MS="1500"
        )  # the window quits 1.5 s after it is shown
    except subprocess.TimeoutExpired:
        pytest.fail(f"the window was still open {WINDOW_TIMEOUT_S} s after it started with READER_EXIT_AFTER_MS=1500")
    elapsed = time.monotonic() - started

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert elapsed >= 1.5
    # On first run the window imports the bundled seeds into the per-user database.
    database = tmp_path / "xdg_data_home" / "Reader" / "reader.sqlite"
    assert database.is_file(), f"no per-user database at {database}"
    stats = run_frozen(frozen_app, "stats", "--db", database, home=tmp_path)
    assert stats.returncode == 0, stats.stderr
    assert f"documents: {len(list(find_sources([SEEDS])))}" in stats.stdout.splitlines()


@pytest.mark.skipif(not LINUX, reason="plugin file names and stripping are Linux-specific")
def test_bundle_holds_what_the_window_needs_and_stays_small(frozen_app: Path):
    internal = frozen_app.parent / "_internal"
    plugins = internal / "PySide6" / "Qt" / "plugins"
    size_mb = sum(f.stat().st_size for f in frozen_app.parent.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20

    for platform in ("xcb", "wayland", "offscreen"):
        assert (plugins / "platforms" / f"libq{platform}.so").is_file()
    assert (internal / "resources" / "tags.toml").is_file()
    assert sorted(p.name for p in (internal / "seeds").iterdir()) == sorted(p.name for p in SEEDS.iterdir())
    assert not (plugins / "platformthemes" / "libqgtk3.so").exists()
    # Of Qt's own translations only those of Reader's languages, for its dialogs.
    assert sorted(p.name for p in (internal / "PySide6" / "Qt" / "translations").iterdir()) == ["qtbase_ru.qm"]
    assert size_mb < SIZE_BUDGET_MB, f"the app folder grew to {size_mb:.0f} MB"


def test_the_built_app_carries_its_translations(frozen_app: Path):
    folder = frozen_app.parent / "_internal" / "resources" / "translations"
    translator = QTranslator()
    assert translator.load("reader_ru", str(folder)), sorted(p.name for p in folder.iterdir())
    assert translator.translate("Actions", "&File") == "&Файл"


def _no_network() -> list[str]:
    """A command prefix that runs a process in a network namespace of its own (no network at
    all), where this machine allows one; [] otherwise."""
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True) if shutil.which("unshare") else None
    return ["unshare", "-n"] if probe is not None and probe.returncode == 0 else []


def test_the_frozen_app_suggests_with_no_network(frozen_app: Path, tmp_path: Path):
    if not _no_network():
        pytest.skip("this machine cannot run a process without network (unshare -n needs root)")
    db = tmp_path / "project.sqlite"
    assert run_frozen(frozen_app, "import", SEEDS, "--db", db, home=tmp_path).returncode == 0

    suggest = run_frozen(frozen_app, "suggest", "--db", db, home=tmp_path, timeout=120, offline=True)

    assert suggest.returncode == 0, suggest.stderr
    total = suggest.stdout.strip().splitlines()[-1]
    assert total.startswith("total, 2 document(s):") and " actors" in total and " claims" in total, total
    exported = run_frozen(frozen_app, "export", "--suggestions", "--format", "jsonl", "--db", db, home=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert len(exported.stdout.splitlines()) > 50


def test_the_frozen_app_reads_every_document_format_with_no_network(frozen_app: Path, tmp_path: Path):
    """The extractors' libraries and their data (trafilatura's settings, pdfminer's CMaps…) are bundled."""
    documents = REPO / "tests" / "data" / "documents"
    folder = tmp_path / "sources"
    folder.mkdir()
    for name in ("html/news_ru.cp1251.html", "docx/python_docx.docx", "odt/report.odt", "epub/book_ru.epub"):
        shutil.copy(documents / name, folder)
    for pdf in ("two_columns.pdf", "scanned.pdf", "encrypted.pdf"):
        shutil.copy(documents / "pdf" / pdf, folder)
    db = tmp_path / "project.sqlite"

    imported = run_frozen(frozen_app, "import", folder, "--db", db, home=tmp_path, timeout=120, offline=True)

    added = {line.split()[1] for line in imported.stdout.splitlines() if line.startswith("added ")}
    assert {"news_ru.cp1251.html", "python_docx.docx", "report.odt", "book_ru.epub"} <= added, imported.stderr
    assert "two_columns.pdf" in added and "Traceback" not in imported.stderr, imported.stderr
    assert "scanned.pdf: no text layer (scanned?)" in imported.stderr
