"""Cold start: the way to the first window loads no library that the first screen does not need (#10)."""

from __future__ import annotations

import subprocess
import sys

import pytest

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
