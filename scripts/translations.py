"""The window's translations: refresh the .ts sources from the code, compile them, check them.

    python scripts/translations.py update    # pyside6-lupdate: new strings in, vanished ones out
    python scripts/translations.py compile   # pyside6-lrelease: .ts -> .qm (make translations, build.spec)
    python scripts/translations.py check     # exit 1 when a .ts is behind the code or a Russian text is missing

The .ts files are the sources (kept in git, edited in Qt Linguist or by hand); the .qm files are
built from them and not kept. reader_en.ts holds only the English plural forms of ``%n`` strings.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
SOURCES = [ROOT / "reader" / "ui", ROOT / "reader" / "app.py"]
CATALOGUES = {"ru": FOLDER / "reader_ru.ts", "en": FOLDER / "reader_en.ts"}


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    return str(found) if found.exists() else name


def _python_files() -> list[str]:
    files: list[Path] = []
    for source in SOURCES:
        files.extend(sorted(source.rglob("*.py")) if source.is_dir() else [source])
    return [str(path) for path in files]


def _counts_as_numbers(source: bytes) -> bytes:
    """``source`` with the count of every ``translate(context, text, disambiguation, count)`` written as 1.

    pyside6-lupdate's Python parser reads a name in the fourth place as PyQt4's encoding argument and
    records the text as singular (a call there it drops); a number it reads as a plural's count."""
    counts = [
        node.args[3]
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", None)) == "translate"
        and len(node.args) == 4
        and not isinstance(node.args[3], ast.Constant)
    ]
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    for count in sorted(counts, key=lambda node: (node.lineno, node.col_offset), reverse=True):
        begin = starts[count.lineno - 1] + count.col_offset  # ast's columns are UTF-8 bytes
        end = starts[(count.end_lineno or count.lineno) - 1] + (count.end_col_offset or count.col_offset)
        source = source[:begin] + b"1" + source[end:]
    return source


def update(catalogues: dict[str, Path] = CATALOGUES) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        files = []
        for number, path in enumerate(_python_files()):
            copy = Path(scratch) / f"{number}_{Path(path).name}"
            copy.write_bytes(_counts_as_numbers(Path(path).read_bytes()))
            files.append(str(copy))
        for language, ts in catalogues.items():
            options = ["-pluralonly"] if language == "en" else []
            command = [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *options]
            command += [*files, "-target-language", language, "-ts", str(ts)]
            subprocess.run(command, check=True)


def compile_all(out_dir: Path = FOLDER) -> list[Path]:
    built = []
    for ts in CATALOGUES.values():
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def problems() -> list[str]:
    """What is wrong with the .ts files, one line each (nothing when they are up to date and complete)."""
    found = []
    with tempfile.TemporaryDirectory() as scratch:
        fresh = {language: Path(scratch) / ts.name for language, ts in CATALOGUES.items()}
        for language, ts in CATALOGUES.items():
            shutil.copy(ts, fresh[language])
        update(fresh)
        for language, ts in CATALOGUES.items():
            kept, wanted = _messages(ts), _messages(fresh[language])
            for context, source in sorted(wanted.keys() - kept.keys()):
                found.append(f"{ts.name}: not yet extracted: [{context}] {source!r} (run update)")
            for context, source in sorted(kept.keys() - wanted.keys()):
                found.append(f"{ts.name}: no longer in the code: [{context}] {source!r} (run update)")
    for ts in CATALOGUES.values():
        for (context, source), message in sorted(_messages(ts).items()):
            if not _translated(message):
                found.append(f"{ts.name}: no translation for [{context}] {source!r}")
    return found


def _translated(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    forms = [form.text for form in translation.iter("numerusform")] if len(translation) else [translation.text]
    return all(forms)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "compile":
        for qm in compile_all():
            print(qm.relative_to(ROOT))
    elif command == "check":
        found = problems()
        print("\n".join(found) or "translations: up to date and complete")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
