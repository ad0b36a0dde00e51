# make run   sets up .venv when needed and opens the window on the bundled seeds
# make test  sets up .venv when needed and runs the test suite
# make check runs the gates: ruff (lint and format), import-linter (the layers), mypy (types)
# make translations compiles resources/translations/*.ts into the .qm files the window loads
# make dist  builds the desktop app with PyInstaller into dist/reader/ (see build.spec)
# make soak  kills Reader's processes with SIGKILL for ROUNDS rounds (default 120) and counts
#            what survived (tests/soak.py; the latest table is in docs/reliability.md)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ROUNDS ?= 120

.PHONY: run test check bench soak dist system-libs translations clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test,dist,check,peers,suggest]"
	touch $(STAMP)

run: $(STAMP) system-libs translations
	$(BIN)/reader

test: $(STAMP) translations
	@sh scripts/test-deps.sh
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python scripts/check_structure.py
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m benchmarks

soak: $(STAMP)
	$(BIN)/python -m tests.soak --rounds $(ROUNDS)

dist: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean build.spec

# The .qm files are built from the .ts sources; the window speaks English without them.
translations: $(STAMP)
	$(BIN)/python scripts/translations.py compile

system-libs:
	@sh scripts/system-libs.sh

clean:
	rm -rf $(VENV) build dist *.egg-info
