"""Soak: SIGKILL real Reader processes at random moments, round after round, and count what survived.

    python -m tests.soak --rounds N [--seed S] [--keep DIR] [--scenario NAME ...]

Run from the repository root (``tests`` is a namespace package; pytest does not collect
this file, tests/reliability/test_soak.py runs it). Each round takes one scenario in turn
(each block of seven rounds runs every scenario once, in an order drawn from the seed),
makes fresh database files in a folder of its own, runs the real processes on them (the
public command line, ``python -m reader ...``, and tests/reliability/annotating_process.py
for the annotating command line and the real window), kills one of them with SIGKILL at a
random moment once it is at work, and then checks, reading the files with plain sqlite3
(``mode=ro``):

- ``PRAGMA integrity_check`` is "ok" on every database file under its final name
  (``*.sqlite``, and every copy in ``backups/``);
- every write a process acknowledged (an id it printed after its commit, a document
  ``reader import`` listed, a merge or import report it printed) is where the rules of
  README "Guarantees" and "Teams" say it must be (the scenarios below say where);
- the rules that are not about one write: a batch in whole or not at all, no half-made
  merge target, no leftover temporary files once the next run has finished.

A merge or an import that printed its report acknowledged every annotation it reports
added or updated, and each is checked by id. Where a scenario has two variants (which
process is killed, which kind of import), they take turns. A process is killed at a
moment drawn between its first sign of work (its first line, or its first file) and
about the time that work took when it ran alone (timed once, before the rounds).

It prints one line per round, then a table per scenario and the totals, e.g.
``rounds 120, acknowledged writes 8,431, lost 0, integrity failures 0, other failures 0``,
then the details of every failure (scenario, round, seed, the ids). Exit code 0 only
when nothing was lost and nothing failed (2 when the templates could not be made).
Without ``--keep`` the rounds' folders live in a temporary folder that is removed at the
end, except those of failed rounds (their path is printed); ``--keep DIR`` keeps every
round in a new folder inside DIR. ``--scenario NAME`` (repeatable) runs only those.

The scenarios (docs/reliability.md has the table of a full run):

  cli-annotate           annotating_process.py DB annotate (one transaction per id) killed:
                         every printed id is in DB, at most one more, the counts agree
  window-tagging         annotating_process.py DB window (the real window, offscreen,
                         tagging word after word by key presses) killed: the same
  merge-while-tagging    the window tags DB while ``reader merge OTHER -o DB`` runs; the
                         window or the merge is killed. Every id the window printed is in
                         DB; OTHER's annotations are all in DB when the merge printed its
                         report, and all or none otherwise
  merge-new-file         ``reader merge A B -o NEW`` (30,000 annotations) killed: NEW does
                         not exist or holds every annotation of A and B; after a following
                         merge that finishes, nothing but NEW (and backups/) is beside it
  restore-while-tagging  the window tags DB while ``reader restore BACKUP --db DB`` runs;
                         the window or the restore is killed. Every id the window printed
                         is in DB or, when the restore finished, in the copy it printed
                         ("backed up the replaced database to PATH"); when the restore was
                         killed, in DB (or in a copy that restore took, if it was killed
                         after it had replaced DB); an id printed after a finished restore
                         exited is in the restored DB
  backup-killed          ``reader import FILE --db DB`` on a 27 MB database killed while it
                         copies DB into backups/: DB holds every id acknowledged before;
                         after the next backup (another import) backups/ holds nothing but
                         finished copies
  import-killed          ``annotating_process.py DB import FILE`` (5,000 annotations, one
                         transaction) or ``reader import FOLDER --db DB`` (6 documents of
                         3.4 million characters, in batches) killed: each file or batch in
                         whole or not at all, every document listed as added is there whole
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tests.reliability.reliability_support import MIXED_TEXT

REPO = Path(__file__).resolve().parent.parent
HELPER = REPO / "tests" / "reliability" / "annotating_process.py"
PYTHON = sys.executable

# The window's document: the mixed text the reliability tests use (Cyrillic, emoji, CRLF
# turned into LF), four times over, so that the window has about 1,800 words to tag.
WINDOW_TEXT = MIXED_TEXT * 4
START_TIMEOUT = 60.0  # a process must acknowledge its first write within this
FINISH_TIMEOUT = 120.0  # a process left to finish must finish within this
AFTER_RESTORE_MARGIN = 0.25  # an id printed this long after the restore exited was written after it


# ----- processes -----------------------------------------------------------------------


class Process:
    """A child process whose standard output is read line by line as it comes, with the time
    each complete line arrived (a line is an acknowledgement only once its newline is there)."""

    def __init__(self, name: str, args: list[str], env: dict, cwd: Path = REPO):
        self.name = name
        self.started = time.monotonic()
        self.popen = subprocess.Popen(
            args,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            cwd=cwd,
        )
        self.lines: list[tuple[float, str]] = []  # (time.monotonic(), line without its newline)
        self.error_text: list[str] = []
        self.ended: float | None = None
        self.killed_while_running = False
        self.hung = False  # it did not finish in the time it was given, and was killed for it
        self._readers = [
            threading.Thread(target=self._read_out, daemon=True),
            threading.Thread(target=lambda: self.error_text.extend(self.popen.stderr), daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    def _read_out(self) -> None:
        for line in self.popen.stdout:
            if line.endswith("\n"):
                self.lines.append((time.monotonic(), line[:-1]))

    @property
    def stdout(self) -> list[str]:
        return [line for _, line in self.lines]

    @property
    def stderr(self) -> str:
        return "".join(self.error_text)

    def running(self) -> bool:
        return self.popen.poll() is None

    def wait_for_line(self, timeout: float = START_TIMEOUT, pattern: str = "") -> bool:
        """Until a line (matching ``pattern``) has come, the process ended, or ``timeout``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(re.search(pattern, line) for _, line in self.lines):
                return True
            if not self.running():
                self._join()
                return any(re.search(pattern, line) for _, line in self.lines)
            time.sleep(0.002)
        return False

    def kill(self) -> bool:
        """SIGKILL, by pid; True when the process was still running when it was sent."""
        if self.popen.poll() is None:
            self.killed_while_running = True
            self.popen.send_signal(signal.SIGKILL)
        self.wait(30)
        return self.killed_while_running and self.popen.returncode == -signal.SIGKILL

    def wait(self, timeout: float = FINISH_TIMEOUT) -> int:
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            self.hung = True
            self.popen.send_signal(signal.SIGKILL)
            self.popen.wait(30)
            self.error_text.append(f"\n(soak: {self.name} did not finish in {timeout:g} s and was killed)\n")
        if self.ended is None:
            self.ended = time.monotonic()
        self._join()
        return self.popen.returncode

    def _join(self) -> None:
        for reader in self._readers:
            reader.join(timeout=10)

    @property
    def returncode(self) -> int | None:
        return self.popen.returncode


def child_environment(root: Path) -> dict:
    """The children see no screen, write their output line by line (as on a terminal), use
    this checkout's ``reader`` and keep their per-user files inside the soak's folder."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[variable] = str(root / "user" / variable.lower())
    env.pop("READER_EXIT_AFTER_MS", None)  # the window must not quit by itself
    return env


class Runner:
    def __init__(self, env: dict):
        self.env = env
        self.started: list[Process] = []

    def reader(self, *args) -> Process:
        process = Process(f"reader {args[0]}", [PYTHON, "-m", "reader", *map(str, args)], self.env)
        self.started.append(process)
        return process

    def helper(self, *args) -> Process:
        process = Process(f"annotating_process {args[1]}", [PYTHON, str(HELPER), *map(str, args)], self.env)
        self.started.append(process)
        return process

    def finish(self, process: Process, what: str) -> Process:
        """Run to the end; a failure stops the soak (it is set-up, not a finding)."""
        if process.wait() != 0:
            raise SetupFailed(f"{what} failed (exit {process.returncode}): {process.stderr.strip()[-2000:]}")
        return process

    def kill_all(self) -> None:
        for process in self.started:
            if process.running():
                process.kill()
            else:
                process.wait(10)
        self.started.clear()


class SetupFailed(Exception):
    pass


# ----- reading the files afterwards ----------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)


def integrity(path: Path) -> str:
    try:
        connection = _connect(path)
        try:
            return "\n".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
        finally:
            connection.close()
    except sqlite3.Error as error:
        return f"cannot be read: {error}"


def annotation_ids(path: Path) -> set[str]:
    connection = _connect(path)
    try:
        return {row[0] for row in connection.execute("SELECT id FROM annotations")}
    finally:
        connection.close()


def annotation_rows(path: Path) -> set[tuple]:
    connection = _connect(path)
    try:
        return set(connection.execute('SELECT id, start, "end", text, tag, note, annotator FROM annotations'))
    finally:
        connection.close()


def document_hashes(path: Path, names: list[str]) -> dict[str, str]:
    """name -> sha256 of the stored text, for those of ``names`` the database holds."""
    connection = _connect(path)
    try:
        found = {}
        for name in names:
            row = connection.execute("SELECT text FROM documents WHERE name = ?", [name]).fetchone()
            if row is not None:
                found[name] = hashlib.sha256(row[0].encode("utf-8")).hexdigest()
        return found
    finally:
        connection.close()


def database_files(folder: Path) -> list[Path]:
    """Every database file under its final name: the databases and their finished copies."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".sqlite", ".bak"))


def final_backup_pattern(db: Path) -> re.Pattern:
    return re.compile(rf"{re.escape(db.name)}\.\d{{8}}T\d{{6}}\.\d{{6}}Z\.bak")


def finished_backups(db: Path) -> list[Path]:
    """The finished copies of ``db`` in backups/, oldest first (their names sort by time)."""
    folder = db.parent / "backups"
    pattern = final_backup_pattern(db)
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if pattern.fullmatch(p.name)), key=lambda p: p.name)


def leftovers_in_backups(db: Path) -> list[str]:
    """What backups/ holds besides finished copies of ``db`` and its record of the last copy."""
    folder = db.parent / "backups"
    if not folder.is_dir():
        return []
    pattern = final_backup_pattern(db)
    return sorted(
        p.name for p in folder.iterdir() if not pattern.fullmatch(p.name) and p.name != f".{db.name}.last.json"
    )


def entries(folder: Path) -> set[str]:
    try:
        return set(os.listdir(folder))
    except OSError:
        return set()


def wait_for_new_entry(folder: Path, before: set[str], process: Process, timeout: float) -> bool:
    """Until ``folder`` holds a name it did not hold before (the process is at work), the
    process ended, or ``timeout``; True when a new name came while it ran."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.running():
        if entries(folder) - before:
            return True
        time.sleep(0.001)
    return False


# ----- the templates every round copies, and how long the work takes ----------------------


def _words(rng: random.Random, characters: int, heading: str) -> str:
    """``characters`` characters of made-up words, lines of twelve, after a heading line."""
    vocabulary = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randrange(2, 11))) for _ in range(4000)]
    lines, total = [heading], len(heading) + 1
    while total < characters:
        line = " ".join(rng.choices(vocabulary, k=12))
        lines.append(line)
        total += len(line) + 1
    return ("\n".join(lines) + "\n")[:characters]


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="")


def _copy(source: Path, target: Path) -> Path:
    """A copy with a new modification time (copyfile): it counts as changed since its last backup."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


class Lab:
    """Templates made once through the public command line, and the measured length of each
    process's work, from which a round draws its moment to kill."""

    OTHER_ANNOTATIONS = 10_000
    SOURCE_ANNOTATIONS = 15_000
    EXPORTED_ANNOTATIONS = 5_000
    BIG_CHARACTERS = 20_000_000
    FILLER_CHARACTERS = 8_000_000
    FOLDER_DOCUMENTS = 6
    FOLDER_CHARACTERS = 3_400_000

    def __init__(self, root: Path, runner: Runner):
        self.root = root / "templates"
        self.run = runner
        self.timings: dict[str, float] = {}

    def build(self) -> None:
        t = self.root
        t.mkdir(parents=True)
        rng = random.Random(1)
        self.window_text = t / "mixed.txt"
        _write_text(self.window_text, WINDOW_TEXT)
        self.base = t / "base" / "db.sqlite"
        self.run.finish(self.run.reader("import", self.window_text, "--db", self.base), "importing the base document")
        shutil.rmtree(self.base.parent / "backups", ignore_errors=True)

        # merge-while-tagging: another annotator's file, same document
        self.other = self._annotated("other", self.OTHER_ANNOTATIONS, seed=3, note_size=100)
        self.other_ids = annotation_ids(self.other)
        # merge-new-file: two large sources
        self.source_a = self._annotated("a", self.SOURCE_ANNOTATIONS, seed=1, note_size=200)
        self.source_b = self._annotated("b", self.SOURCE_ANNOTATIONS, seed=2, note_size=200)
        self.merged_rows = annotation_rows(self.source_a) | annotation_rows(self.source_b)
        # import-killed: an export of annotations none of the rounds' databases has
        exported = self._annotated("exported", self.EXPORTED_ANNOTATIONS, seed=7, note_size=50)
        self.export_file = t / "annotations.jsonl"
        self.run.finish(
            self.run.reader(
                "export", "--db", exported, "--format", "jsonl", "--dialect", "plain", "-o", self.export_file
            ),
            "exporting annotations",
        )
        self.export_ids = annotation_ids(exported)
        # import-killed: a folder imported in several batches
        self.folder = t / "folder"
        self.folder.mkdir()
        self.folder_hashes = {}
        for n in range(self.FOLDER_DOCUMENTS):
            text = _words(rng, self.FOLDER_CHARACTERS, f"folder document {n}")
            _write_text(self.folder / f"doc-{n}.txt", text)
            self.folder_hashes[f"doc-{n}.txt"] = hashlib.sha256(text.encode()).hexdigest()
        # restore-while-tagging: a database with a backup of it taken earlier (by an import,
        # which copies a database that changed before it writes), and a filler document that
        # makes copying it take a moment. Its title sorts after the mixed text's (Cyrillic), so
        # the window opens the mixed text; the backup holds both, so that a window goes on
        # tagging whichever it has open after a restore.
        self.restore_db = _copy(self.base, t / "restore" / "db.sqlite")
        filler = t / "filler.txt"
        _write_text(filler, _words(rng, self.FILLER_CHARACTERS, "я filler"))
        self.run.finish(self.run.reader("import", filler, "--db", self.restore_db), "importing the filler")
        shutil.rmtree(self.restore_db.parent / "backups", ignore_errors=True)
        self.run.finish(
            self.run.helper(self.restore_db, "annotate", "--count", 30, "--seed", 5),
            "annotating the database to restore",
        )
        self.run.finish(
            self.run.reader("import", self.window_text, "--db", self.restore_db), "backing up the database to restore"
        )
        if len(finished_backups(self.restore_db)) != 1:
            raise SetupFailed(f"reader import took no backup of {self.restore_db} before it wrote")
        filler.unlink()
        # backup-killed: a database of tens of MB
        self.big = _copy(self.base, t / "big" / "db.sqlite")
        big_text = t / "big.txt"
        _write_text(big_text, _words(rng, self.BIG_CHARACTERS, "big document"))
        self.run.finish(self.run.reader("import", big_text, "--db", self.big), "importing the big document")
        shutil.rmtree(self.big.parent / "backups", ignore_errors=True)
        big_text.unlink()
        self._calibrate()

    def _annotated(self, name: str, count: int, seed: int, note_size: int) -> Path:
        db = _copy(self.base, self.root / name / "db.sqlite")
        process = self.run.finish(
            self.run.helper(db, "annotate", "--count", count, "--seed", seed, "--note-size", note_size),
            f"annotating {name}",
        )
        if len(process.stdout) != count:
            raise SetupFailed(f"annotating {name}: {len(process.stdout)} ids printed, not {count}")
        return db

    def _calibrate(self) -> None:
        """Each killed process run once to its end, alone, to learn how long its work lasts."""
        scratch = self.root / "calibration"
        # merge A B -o NEW: from the first file in the output folder to the end
        out = scratch / "merge-new" / "out"
        out.mkdir(parents=True)
        merge = self.run.reader("merge", self.source_a, self.source_b, "-o", out / "merged.sqlite")
        seen = wait_for_new_entry(out, set(), merge, FINISH_TIMEOUT)
        began = time.monotonic()
        self.run.finish(merge, "calibrating merge -o NEW")
        self.timings["merge-new work"] = merge.ended - (began if seen else merge.started)
        # merge OTHER -o DB (into an existing database): the whole run
        db = _copy(self.base, scratch / "merge-into" / "db.sqlite")
        merge = self.run.finish(self.run.reader("merge", self.other, "-o", db), "calibrating merge into DB")
        self.timings["merge-into run"] = merge.ended - merge.started
        # restore: the whole run, and from its first new file in backups/ to the end
        db = _copy(self.restore_db, scratch / "restore" / "db.sqlite")
        shutil.copytree(self.restore_db.parent / "backups", db.parent / "backups")
        backup = finished_backups(db)[0]
        before = entries(db.parent / "backups")
        restore = self.run.reader("restore", backup, "--db", db)
        seen = wait_for_new_entry(db.parent / "backups", before, restore, FINISH_TIMEOUT)
        began = time.monotonic()
        self.run.finish(restore, "calibrating restore")
        self.timings["restore run"] = restore.ended - restore.started
        # up to its last line: it exits a moment later
        self.timings["restore work"] = restore.lines[-1][0] - (began if seen else restore.started)
        # the copy taken before an import on the big database: how long its unfinished file lives
        db = _copy(self.big, scratch / "big" / "db.sqlite")
        document = scratch / "big" / "small.txt"
        _write_text(document, "a small document\n")
        importing = self.run.reader("import", document, "--db", db)
        seen = wait_for_new_entry(db.parent / "backups", set(), importing, FINISH_TIMEOUT)
        began = time.monotonic()
        while importing.running() and not finished_backups(db):
            time.sleep(0.001)
        copied = time.monotonic()
        self.run.finish(importing, "calibrating the backup before an import")
        self.timings["backup copy"] = (copied - began) if seen else 0.05
        # an annotation import: from its first row to its end
        db = _copy(self.base, scratch / "import" / "db.sqlite")
        importing = self.run.helper(db, "import", self.export_file)
        importing.wait_for_line(START_TIMEOUT, r"^row ")
        began = time.monotonic()
        self.run.finish(importing, "calibrating the annotation import")
        self.timings["annotation import work"] = importing.ended - began
        # a folder import: the whole run
        db = _copy(self.base, scratch / "folder" / "db.sqlite")
        importing = self.run.finish(self.run.reader("import", self.folder, "--db", db), "calibrating the folder import")
        self.timings["folder import run"] = importing.ended - importing.started
        shutil.rmtree(scratch)


# ----- rounds ----------------------------------------------------------------------------


@dataclass
class Round:
    scenario: str
    number: int
    seed: str
    folder: Path
    acknowledged: int = 0
    lost: list[str] = field(default_factory=list)  # "what: ids"
    lost_count: int = 0
    integrity: list[str] = field(default_factory=list)  # "file: report"
    other: list[str] = field(default_factory=list)  # a rule broken, other than a lost write
    killed: str = ""  # what was killed while it ran ("" when it had ended)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    turn: int = 0  # how many rounds of this scenario came before, plus a per-run offset

    def variant(self, *choices: str) -> str:
        """The scenario's variants in turn, so that each runs about as often."""
        return choices[self.turn % len(choices)]

    def lose(self, what: str, ids) -> None:
        ids = sorted(ids)
        if ids:
            self.lost_count += len(ids)
            shown = ", ".join(ids[:10]) + (f", … ({len(ids) - 10} more)" if len(ids) > 10 else "")
            self.lost.append(f"{what}: {len(ids)} lost: {shown}")

    def check_integrity(self) -> None:
        for path in database_files(self.folder):
            report = integrity(path)
            if report != "ok":
                self.integrity.append(f"{path.relative_to(self.folder)}: {report[:300]}")

    @property
    def failed(self) -> bool:
        return bool(self.lost_count or self.integrity or self.other)


def acknowledged_ids(process: Process) -> list[str]:
    return [line for line in process.stdout if line]


def report_counts(process: Process) -> tuple[int, int] | None:
    """(added, updated) from a merge report the process printed, None when it printed none."""
    for line in process.stdout:
        found = re.fullmatch(r"annotations: (\d+) added, (\d+) updated, (\d+) unchanged", line)
        if found:
            return int(found.group(1)), int(found.group(2))
    return None


def _kill(process: Process, result: Round) -> None:
    if process.kill():
        result.killed = result.killed + (" and " if result.killed else "") + process.name


def scenario_cli_annotate(lab: Lab, run: Runner, rng: random.Random, result: Round) -> None:
    db = _copy(lab.base, result.folder / "db.sqlite")
    writer = run.helper(db, "annotate", "--seed", rng.randrange(10**6), "--note-size", 3000)
    if not writer.wait_for_line():
        raise SetupFailed(f"the annotating process acknowledged nothing: {writer.stderr[-2000:]}")
    time.sleep(rng.uniform(0.0, 0.5))
    _kill(writer, result)
    acknowledged = acknowledged_ids(writer)
    result.acknowledged += len(acknowledged)
    result.check_integrity()
    stored = annotation_ids(db)
    result.lose("annotations the command line printed", set(acknowledged) - stored)
    _at_most_one_in_flight(result, stored, acknowledged)
    _counts_agree(result, db)


def scenario_window_tagging(lab: Lab, run: Runner, rng: random.Random, result: Round) -> None:
    db = _copy(lab.base, result.folder / "db.sqlite")
    window = run.helper(db, "window", result.folder / "settings.ini")
    if not window.wait_for_line():
        raise SetupFailed(f"the window acknowledged nothing: {window.stderr[-2000:]}")
    time.sleep(rng.uniform(0.0, 1.0))
    _kill(window, result)
    acknowledged = acknowledged_ids(window)
    result.acknowledged += len(acknowledged)
    result.check_integrity()
    stored = annotation_ids(db)
    result.lose("annotations the window printed", set(acknowledged) - stored)
    _at_most_one_in_flight(result, stored, acknowledged)
    _counts_agree(result, db)


def _at_most_one_in_flight(result: Round, stored: set[str], acknowledged: list[str]) -> None:
    """The database started empty: besides what was printed, at most the one annotation in
    flight when the process died may have been committed."""
    extra = stored - set(acknowledged)
    if len(extra) > 1:
        result.other.append(
            f"{len(extra)} annotations stored that were never printed (at most 1 may be "
            f"in flight): {', '.join(sorted(extra)[:5])}"
        )


def _counts_agree(result: Round, db: Path) -> None:
    """The per-document counts the triggers keep agree with the rows after the crash."""
    from reader.store import Store

    try:
        with Store.open(db, read_only=True) as store:
            listed = sum(summary.annotation_count for summary in store.documents())
            counted = store.counts()["annotations"]
    except Exception as error:
        result.other.append(f"the database could not be read back through reader.store: {error}")
        return
    if listed != counted:
        result.other.append(f"the documents' annotation counts say {listed}, the table holds {counted}")


def scenario_merge_while_tagging(lab: Lab, run: Runner, rng: random.Random, result: Round) -> None:
    db = _copy(lab.base, result.folder / "db.sqlite")
    other = _copy(lab.other, result.folder / "other" / "other.sqlite")
    window = run.helper(db, "window", result.folder / "settings.ini")
    if not window.wait_for_line():
        raise SetupFailed(f"the window acknowledged nothing: {window.stderr[-2000:]}")
    time.sleep(rng.uniform(0.0, 0.2))
    merge = run.reader("merge", other, "-o", db)
    victim = result.variant("window", "merge")
    length = lab.timings["merge-into run"]
    if victim == "merge":
        time.sleep(rng.uniform(0.1, length * 1.1))
        _kill(merge, result)
        time.sleep(0.3)  # the window goes on tagging, then it is killed too
        _kill(window, result)
    else:
        time.sleep(rng.uniform(0.0, length))
        _kill(window, result)
        merge.wait()
    window_ids = acknowledged_ids(window)
    result.acknowledged += len(window_ids)
    result.notes.append(f"killed {victim}")
    result.check_integrity()
    stored = annotation_ids(db)
    result.lose("annotations the window printed", set(window_ids) - stored)
    counts = report_counts(merge)
    if counts is not None:
        result.acknowledged += sum(counts)
        result.lose("annotations the merge reported merged", lab.other_ids - stored)
    else:
        merged = lab.other_ids & stored
        if merged and merged != lab.other_ids:
            result.other.append(
                f"a merge killed half-way left {len(merged)} of OTHER's "
                f"{len(lab.other_ids)} annotations in DB (all or none)"
            )
        if merge.returncode not in (0, -signal.SIGKILL):
            result.other.append(f"the merge failed (exit {merge.returncode}): {merge.stderr.strip()[-300:]}")


def scenario_merge_new_file(lab: Lab, run: Runner, rng: random.Random, result: Round) -> None:
    sources = result.folder / "sources"
    a = _copy(lab.source_a, sources / "a.sqlite")
    b = _copy(lab.source_b, sources / "b.sqlite")
    out = result.folder / "out"
    out.mkdir()
    new = out / "merged.sqlite"
    expected = lab.merged_rows
    merge = run.reader("merge", a, b, "-o", new)
    if wait_for_new_entry(out, set(), merge, START_TIMEOUT):
        time.sleep(rng.uniform(0.0, lab.timings["merge-new work"] * 1.1))
    _kill(merge, result)
    counts = report_counts(merge)
    result.check_integrity()
    if counts is not None:
        result.acknowledged += sum(counts)
    if new.exists():
        rows = annotation_rows(new) if integrity(new) == "ok" else set()
        if counts is not None:
            result.lose("annotations the merge reported merged", {r[0] for r in expected - rows})
        elif rows != expected:
            missing = len(expected - rows)
            result.other.append(
                f"the killed merge left a half-made {new.name}: {len(rows & expected):,} of "
                f"{len(expected):,} annotations ({missing:,} missing"
                f"{f', {len(rows - expected)} unexpected' if rows - expected else ''})"
            )
        result.notes.append(f"after the kill {new.name} exists")
    else:
        if counts is not None:
            result.lose("annotations the merge reported merged", {r[0] for r in expected})
        result.notes.append(f"after the kill no {new.name}")
    # A following merge finishes, and leaves nothing but NEW (and its backups) in the folder.
    again = run.reader("merge", a, b, "-o", new)
    again.wait()
    beside = sorted(entries(out) - {new.name, "backups", f"{new.name}-wal", f"{new.name}-shm"})
    if not new.exists():
        beside += [name for name in (f"{new.name}-wal", f"{new.name}-shm") if (out / name).exists()]
    if beside:
        result.other.append(f"left beside {new.name} after a following merge: {', '.join(beside)}")
    leftover = leftovers_in_backups(new)
    if leftover:
        result.other.append(f"left in backups/ after a following merge: {', '.join(leftover)}")
    counts = report_counts(again)
    if again.returncode != 0 or counts is None:
        result.other.append(f"the following merge failed (exit {again.returncode}): {again.stderr.strip()[-300:]}")
        return
    result.acknowledged += sum(counts)
    result.check_integrity()
    result.lose("annotations the following merge reported merged", {r[0] for r in expected - annotation_rows(new)})


def scenario_restore_while_tagging(lab: Lab, run: Runner, rng: random.Random, result: Round) -> None:
    db = _copy(lab.restore_db, result.folder / "db.sqlite")
    shutil.copytree(lab.restore_db.parent / "backups", db.parent / "backups")
    listing = run.finish(run.reader("backups", "--db", db), "reader backups")
    listed = [Path(line.split()[-1]) for line in listing.stdout if line.strip()]
    if not listed:
        raise SetupFailed(f"reader backups listed nothing for {db}")
    backup = listed[-1]  # the oldest (the only one the template has: the window has not started yet)
    backup_ids = annotation_ids(backup)
    window = run.helper(db, "window", result.folder / "settings.ini")
    if not window.wait_for_line():
        raise SetupFailed(f"the window acknowledged nothing: {window.stderr[-2000:]}")
    time.sleep(rng.uniform(0.0, 0.2))
    folder = db.parent / "backups"
    before = entries(folder)
    restore = run.reader("restore", backup, "--db", db)
    victim = result.variant("window", "restore")
    result.notes.append(f"killed {victim}")
    # The moment to kill: from the restore's first file in backups/ (its copy of DB begins) to
    # twice as long as its work took alone, so that about half the restores finish first.
    if wait_for_new_entry(folder, before, restore, START_TIMEOUT):
        time.sleep(rng.uniform(0.0, lab.timings["restore work"] * 2.0))
    if victim == "restore":
        _kill(restore, result)
        time.sleep(0.5)  # the window goes on tagging into the database as it now is, then it is killed
        _kill(window, result)
    else:
        _kill(window, result)
        restore.wait()
    timed = [(at, line) for at, line in window.lines if line]
    window_ids = {line for _, line in timed}
    result.acknowledged += len(window_ids)
    result.check_integrity()
    stored = annotation_ids(db)
    # Finished: it printed its last line (it may have been killed after that, while exiting).
    finished = any(line.startswith("restored ") for line in restore.stdout)
    printed = [re.fullmatch(r"backed up the replaced database to (.+)", line) for line in restore.stdout]
    printed = [Path(m.group(1)) for m in printed if m]
    if finished:
        if printed:
            safety = printed[0]
            if not safety.is_file():
                result.other.append(f"the restore printed {safety}, which does not exist")
                safe = set()
            else:
                safe = annotation_ids(safety)
        else:  # "unchanged since its newest backup": that copy holds it
            copies = [p for p in finished_backups(db) if p != backup]
            safe = annotation_ids(copies[-1]) if copies else set()
            result.notes.append("the restore found DB unchanged since its newest copy")
        result.lose(
            "annotations the window printed (neither in DB nor in the restore's copy)", window_ids - stored - safe
        )
        if backup_ids - stored:
            result.other.append(
                f"after the restore DB lacks {len(backup_ids - stored)} annotation(s) of the "
                "backup it was restored from"
            )
        after = [line for at, line in timed if at > restore.ended + AFTER_RESTORE_MARGIN]
        if after:
            result.notes.append("the window tagged on after the restore")
        late = [line for line in after if line not in stored]
        if late:
            result.other.append(
                f"{len(late)} annotation(s) the window printed after the restore had finished "
                f"are not in the restored DB: {', '.join(late[:5])}"
            )
        result.notes.append("restore finished")
    elif restore.returncode == -signal.SIGKILL:
        # Killed: DB as it was, or (killed after replacing it) the ids are in the copy it took first.
        taken = [p for p in finished_backups(db) if p.name not in before]
        safe = set().union(*(annotation_ids(p) for p in taken)) if taken else set()
        if window_ids - stored:
            result.notes.append("restore killed after it had replaced DB")
        result.lose(
            "annotations the window printed (restore killed: neither in DB nor in a copy it took)",
            window_ids - stored - safe,
        )
    else:
        result.other.append(f"the restore failed (exit {restore.returncode}): {restore.stderr.strip()[-300:]}")
        result.lose("annotations the window printed (restore failed)", window_ids - stored)


def scenario_backup_killed(lab: Lab, run: Runner, rng: random.Random, result: Round) -> None:
    db = _copy(lab.big, result.folder / "db.sqlite")
    folder = db.parent / "backups"
    first, second = result.folder / "first.txt", result.folder / "second.txt"
    _write_text(first, f"the first document of round {result.number}, {rng.random()}\n")
    _write_text(second, f"the second document of round {result.number}, {rng.random()}\n")
    acknowledged = acknowledged_ids(
        run.finish(
            run.helper(db, "annotate", "--count", 20, "--seed", rng.randrange(10**6)), "annotating before the import"
        )
    )
    importing = run.reader("import", first, "--db", db)
    caught = wait_for_new_entry(folder, set(), importing, START_TIMEOUT)
    if caught:
        time.sleep(rng.uniform(0.0, lab.timings["backup copy"] * 0.9))
    unfinished = leftovers_in_backups(db)
    _kill(importing, result)
    if unfinished and result.killed:
        result.notes.append("killed during the copy")
    documents = _added_documents(importing)
    result.acknowledged += len(acknowledged) + len(documents)
    result.check_integrity()
    result.lose("annotations acknowledged before the import", set(acknowledged) - annotation_ids(db))
    result.lose("documents the import listed as added", set(documents) - set(document_hashes(db, documents)))
    # The next backup (the database changed since) cleans up what the killed one left.
    acknowledged += acknowledged_ids(
        run.finish(
            run.helper(db, "annotate", "--count", 2, "--seed", rng.randrange(10**6)), "annotating after the kill"
        )
    )
    result.acknowledged += 2
    before = {p.name for p in finished_backups(db)}
    again = run.reader("import", second, "--db", db)
    again.wait()
    took = [p for p in finished_backups(db) if p.name not in before]
    if again.returncode != 0 or not took or "could not back up" in again.stderr:
        result.other.append(f"the next import took no backup (exit {again.returncode}): {again.stderr.strip()[-300:]}")
    left = leftovers_in_backups(db)
    if left:
        result.other.append(f"left in backups/ after the next backup: {', '.join(left)}")
    later = _added_documents(again)
    result.acknowledged += len(later)
    result.check_integrity()
    result.lose("annotations acknowledged", set(acknowledged) - annotation_ids(db))
    result.lose(
        "documents the imports listed as added", set(documents + later) - set(document_hashes(db, documents + later))
    )


def _added_documents(process: Process) -> list[str]:
    return [m.group(1) for m in (re.fullmatch(r"added (.+) \(id \d+\)", line) for line in process.stdout) if m]


def scenario_import_killed(lab: Lab, run: Runner, rng: random.Random, result: Round) -> None:
    db = _copy(lab.base, result.folder / "db.sqlite")
    acknowledged = acknowledged_ids(
        run.finish(
            run.helper(db, "annotate", "--count", 10, "--seed", rng.randrange(10**6)), "annotating before the import"
        )
    )
    result.acknowledged += len(acknowledged)
    kind = result.variant("annotations", "documents")
    result.notes.append(f"killed {kind} import")
    if kind == "annotations":
        importing = run.helper(db, "import", lab.export_file)
        if importing.wait_for_line(START_TIMEOUT, r"^row "):
            time.sleep(rng.uniform(0.0, lab.timings["annotation import work"] * 1.1))
        _kill(importing, result)
        done = [re.fullmatch(r"done (\d+) (\d+)", line) for line in importing.stdout]
        done = [m for m in done if m]
        result.check_integrity()
        stored = annotation_ids(db)
        result.lose("annotations acknowledged before the import", set(acknowledged) - stored)
        if done:
            result.acknowledged += int(done[0].group(1))
            result.lose("annotations the import reported imported", lab.export_ids - stored)
        else:
            present = lab.export_ids & stored
            if present and present != lab.export_ids:
                result.other.append(
                    f"a killed annotation import left {len(present)} of its {len(lab.export_ids)} rows (all or none)"
                )
    else:
        importing = run.reader("import", lab.folder, "--db", db)
        # (reading the files comes first: kills before the first batch is written are the dullest)
        time.sleep(rng.uniform(0.4, 1.1) * lab.timings["folder import run"])
        _kill(importing, result)
        added = _added_documents(importing)
        result.acknowledged += len(added)
        result.check_integrity()
        result.lose("annotations acknowledged before the import", set(acknowledged) - annotation_ids(db))
        stored = document_hashes(db, sorted(lab.folder_hashes))
        result.lose("documents the import listed as added", set(added) - set(stored))
        broken = sorted(name for name, digest in stored.items() if digest != lab.folder_hashes[name])
        if broken:
            result.other.append(f"document(s) stored with another text than the file's: {', '.join(broken)}")
        per_batch = _documents_per_batch(lab)
        if per_batch and len(stored) % per_batch and len(stored) != len(lab.folder_hashes):
            result.other.append(
                f"{len(stored)} of {len(lab.folder_hashes)} documents stored: not whole batches of {per_batch}"
            )
        result.notes.append(f"{len(stored)} of {len(lab.folder_hashes)} documents stored")


def _documents_per_batch(lab: Lab) -> int | None:
    """How many of the folder's equal-sized documents ``reader import`` writes per transaction."""
    try:
        from reader.cli_commands import IMPORT_BATCH_CHARACTERS
    except ImportError:
        return None
    if IMPORT_BATCH_CHARACTERS <= 0:
        return 1
    return -(-IMPORT_BATCH_CHARACTERS // lab.FOLDER_CHARACTERS)


SCENARIOS: dict[str, Callable[[Lab, Runner, random.Random, Round], None]] = {
    "cli-annotate": scenario_cli_annotate,
    "window-tagging": scenario_window_tagging,
    "merge-while-tagging": scenario_merge_while_tagging,
    "merge-new-file": scenario_merge_new_file,
    "restore-while-tagging": scenario_restore_while_tagging,
    "backup-killed": scenario_backup_killed,
    "import-killed": scenario_import_killed,
}


# ----- the run ---------------------------------------------------------------------------


def schedule(names: list[str], rounds: int, rng: random.Random) -> list[str]:
    """Every block of len(names) rounds runs each scenario once, in a seeded order."""
    order: list[str] = []
    while len(order) < rounds:
        block = list(names)
        rng.shuffle(block)
        order += block
    return order[:rounds]


def table(results: list[Round], names: list[str]) -> list[str]:
    header = ["scenario", "rounds", "killed", "acknowledged", "lost", "integrity failures", "other failures", "s/round"]
    rows = [header]
    for name in names:
        mine = [r for r in results if r.scenario == name]
        rows.append(
            [
                name,
                f"{len(mine):,}",
                f"{sum(1 for r in mine if r.killed):,}",
                f"{sum(r.acknowledged for r in mine):,}",
                f"{sum(r.lost_count for r in mine):,}",
                f"{sum(len(r.integrity) for r in mine):,}",
                f"{sum(len(r.other) for r in mine):,}",
                f"{sum(r.seconds for r in mine) / max(1, len(mine)):.1f}",
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return [
        "  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row))
        for row in rows
    ]


def how_rounds_went(results: list[Round], names: list[str]) -> list[str]:
    """Per scenario, how often each thing happened (what was killed, what had finished)."""
    lines = []
    for name in names:
        seen: dict[str, int] = {}
        for r in results:
            if r.scenario == name:
                for note in r.notes:
                    seen[note] = seen.get(note, 0) + 1
        if seen:
            lines.append(f"  {name}: " + ", ".join(f"{note} ×{count}" for note, count in sorted(seen.items())))
    return lines


def totals(results: list[Round]) -> str:
    return (
        f"rounds {len(results):,}, acknowledged writes {sum(r.acknowledged for r in results):,}, "
        f"lost {sum(r.lost_count for r in results):,}, "
        f"integrity failures {sum(len(r.integrity) for r in results):,}, "
        f"other failures {sum(len(r.other) for r in results):,}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.soak", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=120, help="how many rounds (default 120)")
    parser.add_argument(
        "--seed",
        type=int,
        default=None,
        help="the seed of the scenario order and the kill moments (default: drawn and printed)",
    )
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep every round's files in DIR")
    parser.add_argument(
        "--scenario",
        action="append",
        choices=list(SCENARIOS),
        metavar="NAME",
        help=f"only this scenario (repeatable): {', '.join(SCENARIOS)}",
    )
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    names = args.scenario or list(SCENARIOS)
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        root = Path(tempfile.mkdtemp(prefix="soak-", dir=args.keep))
    else:
        root = Path(tempfile.mkdtemp(prefix="reader-soak-"))
    run = Runner(child_environment(root))
    began = time.monotonic()
    print(f"soak: {args.rounds} rounds, seed {seed}, in {root}", flush=True)
    lab = Lab(root, run)
    try:
        lab.build()
    except SetupFailed as error:
        print(f"soak: could not set up: {error}", file=sys.stderr)
        run.kill_all()
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
        return 2
    finally:
        run.kill_all()
    print(
        f"soak: templates made and work timed in {time.monotonic() - began:.1f} s: "
        + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in lab.timings.items()),
        flush=True,
    )

    results: list[Round] = []
    order = schedule(names, args.rounds, random.Random(seed))
    turns = {name: random.Random(f"{seed}-{name}").randrange(2) for name in names}
    for number, name in enumerate(order, start=1):
        round_seed = f"{seed}-{number}"
        result = Round(name, number, round_seed, root / f"round-{number:03d}-{name}", turn=turns[name])
        turns[name] += 1
        result.folder.mkdir()
        started = time.monotonic()
        try:
            SCENARIOS[name](lab, run, random.Random(round_seed), result)
        except SetupFailed as error:
            result.other.append(f"could not run the round: {error}")
        except Exception as error:
            result.other.append(f"the checks failed: {type(error).__name__}: {error}")
        finally:
            result.other += [f"{p.name} hung: {p.stderr.strip()[-300:]}" for p in run.started if p.hung]
            run.kill_all()
        result.seconds = time.monotonic() - started
        results.append(result)
        status = "FAILED" if result.failed else "ok"
        print(
            f"round {number:>3}/{len(order)} {name:<22} {status:<6} acknowledged {result.acknowledged:>6,}  "
            f"lost {result.lost_count}  killed {result.killed or '(had finished)'}"
            f"{'; ' + '; '.join(result.notes) if result.notes else ''}  {result.seconds:.1f} s",
            flush=True,
        )
        for line in result.lost + result.integrity + result.other:
            print(f"    {line}", flush=True)
        if args.keep is None and not result.failed:
            shutil.rmtree(result.folder, ignore_errors=True)

    elapsed = time.monotonic() - began
    print()
    print(
        f"soak of {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, seed {seed}, {os.cpu_count()} cores, {elapsed / 60:.1f} min"
    )
    for line in table(results, names):
        print(line)
    print(totals(results))
    for line in how_rounds_went(results, names):
        print(line)
    failed = [r for r in results if r.failed]
    if failed:
        print()
        print("failures:")
        for r in failed:
            print(f"  {r.scenario}, round {r.number}, seed {r.seed} (--seed {seed}), files in {r.folder}")
            for line in r.lost + r.integrity + r.other:
                print(f"    {line}")
    if args.keep is None:
        shutil.rmtree(lab.root, ignore_errors=True)
        shutil.rmtree(root / "user", ignore_errors=True)
        if not failed:
            shutil.rmtree(root, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
