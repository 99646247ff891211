"""Cold start: the way to the first window loads no library that the first screen does not need (#10)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coordinator_app.gui.main_window import TAB_CLASSES
from coordinator_app.services.workspace import Workspace

# Each is imported where it is used: documents and their preview, migrations (only when the database is not
# current), the calendar's holidays, pinyin initials, contact checks, and an encrypted database's key and driver.
NOT_AT_START = (
    "reportlab",
    "coordinator_app.documents",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtPrintSupport",
    "coordinator_app.gui.documents.preview",
    "coordinator_app.gui.safety.chart",
    "alembic",
    "mako",
    "pygments",
    "holidays",
    "pypinyin",
    "phonenumbers",
    "email_validator",
    "keyring",
    "sqlcipher3",
    # The tabs and the menus' dialogs: made when first shown (the overview, on screen first, when the window is).
    "coordinator_app.gui.overview",
    "coordinator_app.gui.eligibility",
    "coordinator_app.gui.calendar",
    "coordinator_app.gui.contacts",
    "coordinator_app.gui.safety",
    "coordinator_app.gui.audit",
    "coordinator_app.gui.access.staff",
)
# What `coordinator-app` runs before the main window (cli.main -> app.run_gui), in a fresh interpreter.
START = """
import sys

import coordinator_app.app
import coordinator_app.cli
import coordinator_app.gui.main_window
from coordinator_app.services.database_key import database_key_for
from coordinator_app.services.workspace import open_workspace

url = sys.argv[1]
open_workspace(url, key=database_key_for(url)).close()
print(*sorted(sys.modules), sep="\\n")
"""


@pytest.mark.slow
def test_opening_a_current_database_loads_nothing_the_first_screen_does_not_need(
    workspace: Workspace, database_url: str
) -> None:
    done = subprocess.run([sys.executable, "-c", START, database_url], capture_output=True, text=True, check=True)
    loaded = done.stdout.split()
    assert "coordinator_app.gui.main_window" in loaded
    inside = tuple(f"{package}." for package in NOT_AT_START)
    assert [name for name in loaded if name in NOT_AT_START or name.startswith(inside)] == []


# What run_gui does before it opens the database: the command line read, the window made and painted.
FIRST_PAINT = """
import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"
from coordinator_app.cli import global_options

global_options().parse_known_args([])
import coordinator_app.app
from coordinator_app.gui.application import create_application, user_settings
from coordinator_app.gui.main_window import MainWindow

create_application(sys.argv[:1])
window = MainWindow(user_settings())
window.show_opening()
print(window.statusBar().currentMessage())
print(*sorted(sys.modules), sep="\\n")
"""
# The data layer and what only a session needs: loaded after the window is on screen.
NOT_BEFORE_FIRST_PAINT = (
    "sqlalchemy",
    "argon2",
    "coordinator_app.services.workspace",
    "coordinator_app.services.database",
    "coordinator_app.storage.models",
    "coordinator_app.domain.eligibility",
    "coordinator_app.gui.labels",
    "coordinator_app.gui.access",
    "coordinator_app.gui.about",
)


@pytest.mark.slow
def test_the_main_window_is_painted_before_the_data_layer_loads(tmp_path: Path) -> None:
    environment = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT], capture_output=True, text=True, check=True, env=environment
    )
    message, *loaded = done.stdout.splitlines()
    assert message == "Opening the database…"
    assert "coordinator_app.gui.forms.ui_main_window" in loaded
    inside = tuple(f"{package}." for package in NOT_BEFORE_FIRST_PAINT)
    assert [name for name in loaded if name in NOT_BEFORE_FIRST_PAINT or name.startswith(inside)] == []


# After the session begins: the other tabs' code is imported, their widgets made and what they load besides loaded in
# idle moments, one step at a time; their data is still read when they are shown.
PRELOADED = """
import gc
import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from coordinator_app.gui.application import create_application
from coordinator_app.gui.main_window import TAB_CLASSES, MainWindow
from coordinator_app.services.contact_validation import display_phone
from coordinator_app.services.workspace import open_workspace

create_application(sys.argv[:1])
workspace = open_workspace("", demo=True)
window = MainWindow.for_session(workspace, QSettings(sys.argv[1], QSettings.Format.IniFormat))
display_phone.cache_clear()
before = sorted(module for module, _ in TAB_CLASSES.values() if module in sys.modules)
for _ in range(20):
    QApplication.processEvents()
after = sorted(module for module, _ in TAB_CLASSES.values() if module in sys.modules)
formatted = display_phone.cache_info().currsize
print(before, after, sorted(window._built), window.eligibility.subjects.rowCount(), formatted, sep="\\n")
print(gc.get_freeze_count() > 1000)
workspace.close()
"""


@pytest.mark.slow
def test_the_other_tabs_are_made_in_idle_moments_and_read_when_shown(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PRELOADED, str(tmp_path / "settings.ini")], capture_output=True, text=True, check=True
    )
    before, after, built, listed, formatted, set_aside = done.stdout.splitlines()
    assert before == "['coordinator_app.gui.overview.tab']"  # the tab on screen, loaded with the window's session
    assert after == str(sorted(module for module, _ in TAB_CLASSES.values()))
    assert built == str(sorted(TAB_CLASSES))
    assert listed == "0"  # the Eligibility tab is made, its subjects not read
    assert formatted == "1"  # the Contacts tab's phone library loaded (by a sample number), no contact listed
    assert set_aside == "True"  # the session's objects, out of the garbage collector's later passes
