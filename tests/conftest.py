"""Shared fixtures: real SQLite files in a temporary folder, Qt offscreen, settings kept out of the user's."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from coordinator_app.domain.access import Role
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.users import Credentials
from coordinator_app.services.workspace import Workspace, open_workspace
from coordinator_app.storage.engine import sqlite_url

# Real Argon2id, with the cost turned down so that hundreds of tests sign in quickly.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PASSWORD = "correct horse 42"
ADMIN = "test-admin"
ACTOR = "test-coordinator"
NURSE = "test-nurse"
INVESTIGATOR = "test-investigator"
MONITOR = "test-monitor"
STAFF = {ACTOR: Role.COORDINATOR, NURSE: Role.RESEARCH_NURSE, INVESTIGATOR: Role.INVESTIGATOR, MONITOR: Role.MONITOR}


def signs(username: str) -> Credentials:
    """What ``username`` types to sign: their user name and password."""
    return Credentials(username, PASSWORD)


def add_test_staff(workspace: Workspace) -> None:
    """An administrator and one account per role, all with ``PASSWORD``; the coordinator signed in."""
    workspace.users.create_first_administrator(ADMIN, "Test Administrator", PASSWORD)
    for username, role in STAFF.items():
        full_name = username.replace("-", " ").title()
        workspace.users.add_user(username, full_name, role, PASSWORD, ADMIN, must_change_password=False)
    workspace.sign_in(signs(ACTOR))


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return sqlite_url(tmp_path / "site.sqlite3")


@pytest.fixture
def workspace(database_url: str) -> Iterator[Workspace]:
    """A fresh database migrated to head with the bundled NCT05106972 protocol loaded, the test staff's accounts,
    and the coordinator signed in."""
    opened = open_workspace(database_url, password_hasher=FAST_HASHER)
    add_test_staff(opened)
    yield opened
    opened.close()


@pytest.fixture
def demo_workspace() -> Iterator[Workspace]:
    """The demo database: the bundled protocol plus synthetic subjects, staff and contacts; its coordinator
    signed in."""
    opened = open_workspace("", demo=True)
    yield opened
    opened.close()


@pytest.fixture
def trial(workspace: Workspace) -> TrialSummary:
    return workspace.trials.resolve("NCT05106972")
