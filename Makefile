# Two commands matter: `make run` (install and start the app) and `make test` (install and run every check).
# Both create .venv on first use and reinstall only when pyproject.toml or constraints.txt change.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --disable-pip-version-check -q -c constraints.txt
# The Chinese interface: the translation source (kept in git) and what the app loads (built from it, ignored by git).
TS := resources/translations/coordinator_app_zh_CN.ts
QM := $(TS:.ts=.qm)

.PHONY: run test bench lint forms translations screenshots guide dist clean

run: $(VENV)/.installed-app $(QM)
	$(BIN)/coordinator-app

test: $(VENV)/.installed-test $(QM)
	$(BIN)/ruff check coordinator_app tests
	$(BIN)/ruff format --check coordinator_app tests
	$(BIN)/mypy
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The benchmark suite of the performance issue (not part of `make test`: about 4 minutes once the site databases
# exist, 2 more to generate them the first time): prints the tables, writes benchmarks/results.json and
# benchmarks/RESULTS.md. Options, e.g. a quick run: make bench BENCH_ARGS="--scales 0.01,0.1"
# (see python benchmarks/run.py --help).
bench: $(VENV)/.installed-test $(QM)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

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

# After adding or changing user-visible strings: extract them from the GUI code and the forms (the ui/*.ui sources,
# not the Python generated from them, so each string is extracted once; tests/gui/test_translations.py runs the same
# extraction) into the .ts, translate the new entries (Qt Linguist: pyside6-linguist, or by hand: none may stay
# unfinished, the tests check), then compile.
translations: $(VENV)/.installed-app
	$(BIN)/pyside6-lupdate -locations none -no-obsolete -source-language en -target-language zh_CN \
		$$(find coordinator_app/gui -name '*.py' -not -path '*/forms/*' | sort) ui/*.ui -ts $(TS)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

# The compiled translation, rebuilt after an install and whenever the .ts changes. It is a build product, not kept in
# git: packaging/build.py compiles it for the installable app and hatch_build.py for the wheel.
$(QM): $(TS) $(VENV)/.installed-app
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $@

# Regenerate the README screenshots from the current code, on the demo database.
screenshots: $(VENV)/.installed-app $(QM)
	for tab in overview contacts; do \
		$(BIN)/coordinator-app --demo screenshot --tab $$tab -o docs/screenshots/$$tab.png || exit 1; \
	done
	$(BIN)/coordinator-app --demo screenshot --tab eligibility --subject DEMO-S005 -o docs/screenshots/eligibility.png
	$(BIN)/coordinator-app --demo screenshot --tab calendar -o docs/screenshots/calendar.png

# Regenerate the user guide's images (docs/guide/README.*.md) in both languages from the current code, on the demo
# database: the dialogs of each task (--view) and the tabs they start from.
GUIDE_VIEWS := first-start sign-in register-subject signature book-dose1 reschedule infusion-record print-preview
guide: $(VENV)/.installed-app $(QM)
	for language in zh_CN en; do \
		out=docs/guide/images/$$language; \
		for view in $(GUIDE_VIEWS); do \
			$(BIN)/coordinator-app --demo screenshot --view $$view --language $$language -o $$out/$$view.png || exit 1; \
		done; \
		$(BIN)/coordinator-app --demo screenshot --tab eligibility --subject DEMO-S005 --language $$language \
			-o $$out/eligibility.png || exit 1; \
		$(BIN)/coordinator-app --demo screenshot --tab calendar --language $$language -o $$out/calendar.png || exit 1; \
	done

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
