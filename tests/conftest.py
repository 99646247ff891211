"""Shared fixtures: real SQLite files in a temporary folder, Qt offscreen, settings kept out of the user's."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace, open_workspace
from coordinator_app.storage.engine import sqlite_url

ACTOR = "test-coordinator"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return sqlite_url(tmp_path / "site.sqlite3")


@pytest.fixture
def workspace(database_url: str) -> Iterator[Workspace]:
    """A fresh database migrated to head with the bundled NCT05106972 protocol loaded, and nothing else."""
    opened = open_workspace(database_url, ACTOR)
    yield opened
    opened.close()


@pytest.fixture
def demo_workspace() -> Iterator[Workspace]:
    """The demo database: the bundled protocol plus synthetic subjects, staff and contacts."""
    opened = open_workspace("", ACTOR, demo=True)
    yield opened
    opened.close()


@pytest.fixture
def trial(workspace: Workspace) -> TrialSummary:
    return workspace.trials.resolve("NCT05106972")
