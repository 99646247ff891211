# Two commands matter: `make run` (install and start the app) and `make test` (install and run every check).
# Both create .venv on first use and reinstall only when pyproject.toml or constraints.txt change.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --disable-pip-version-check -q -c constraints.txt

.PHONY: run test lint forms screenshots dist clean

run: $(VENV)/.installed-app
	$(BIN)/coordinator-app

test: $(VENV)/.installed-test
	$(BIN)/ruff check coordinator_app tests
	$(BIN)/ruff format --check coordinator_app tests
	$(BIN)/mypy
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-app: $(VENV)/bin/python pyproject.toml constraints.txt
	$(PIP) -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/bin/python pyproject.toml constraints.txt
	$(PIP) -e '.[test]'
	touch $@ $(VENV)/.installed-app

$(VENV)/.installed-dist: $(VENV)/bin/python pyproject.toml constraints.txt
	$(PIP) -e '.[dist]'
	touch $@ $(VENV)/.installed-app

# The installable one-folder app in dist/coordinator-app (PyInstaller; kept while up to date), and its size.
# Windows installer and Linux desktop files: packaging/README.md.
dist: $(VENV)/.installed-dist
	$(BIN)/python packaging/build.py

# Regenerate the Python forms from ui/*.ui after editing them in Qt Designer (a test checks they match).
forms: $(VENV)/.installed-app
	for form in ui/*.ui; do \
		name=$$(basename $$form .ui); \
		$(BIN)/pyside6-uic --generator python $$form -o coordinator_app/gui/forms/ui_$$name.py || exit 1; \
	done

# Regenerate the README screenshots from the current code, on the demo database.
screenshots: $(VENV)/.installed-app
	for tab in overview contacts; do \
		$(BIN)/coordinator-app --demo screenshot --tab $$tab -o docs/screenshots/$$tab.png || exit 1; \
	done
	$(BIN)/coordinator-app --demo screenshot --tab eligibility --subject DEMO-S005 -o docs/screenshots/eligibility.png
	$(BIN)/coordinator-app --demo screenshot --tab calendar -o docs/screenshots/calendar.png

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
