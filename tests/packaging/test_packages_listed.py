"""Every package of reader/ is listed in pyproject.toml: setuptools builds a wheel (pip install .,
not -e) of the listed ones only, and a missing one is found by a user, not by the editable
install the tests run from."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_every_package_under_reader_is_in_the_wheel():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(REPO).parts) for init in (REPO / "reader").rglob("__init__.py")}

    assert found, "no package found under reader/"
    assert found <= listed, f"not in [tool.setuptools] packages: {sorted(found - listed)}"
