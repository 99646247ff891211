"""Shared fixtures: real SQLite files in a temporary folder and, for the storage and services suites, the same
tests again on a real PostgreSQL server; Qt offscreen; settings kept out of the user's."""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from postgres_server import PostgresServer, server_binaries

from coordinator_app.domain.access import Role
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.users import Credentials
from coordinator_app.services.workspace import Workspace, open_workspace
from coordinator_app.storage.urls import sqlite_url

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


@pytest.fixture(autouse=True)
def _keep_the_default_locale() -> Iterator[None]:
    """A test that starts the app in a language (screenshots, the language menu) leaves Qt's default locale as
    it found it, so dates in later tests are formatted as before."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture(autouse=True)
def _nothing_set_aside_from_the_collector() -> Iterator[None]:
    """A main window prepared in a test sets the session's objects aside from the garbage collector (gc.freeze), as
    the app does for its one session; the test's objects go back to it after the test, as at a sign-out."""
    yield
    gc.unfreeze()


# -- the two databases ----------------------------------------------------------------------------------------

BOTH_BACKENDS = ("storage", "services")  # test folders whose every database test runs on SQLite and PostgreSQL
PG_BINARIES = server_binaries()


def pytest_report_header() -> str:
    if PG_BINARIES is None:
        return "postgresql: server binaries not found: the PostgreSQL variants are SKIPPED (apt-get install postgresql)"
    return f"postgresql: {PG_BINARIES}: storage and services tests run on SQLite and on PostgreSQL"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Database tests of the storage and services suites run twice, once per backend (unless SQLite-only)."""
    folder = Path(str(metafunc.definition.fspath)).parent.name
    if (
        "backend" in metafunc.fixturenames
        and folder in BOTH_BACKENDS
        and metafunc.definition.get_closest_marker("sqlite_only") is None
    ):
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    if PG_BINARIES is None:
        pytest.skip("PostgreSQL server binaries not found (apt-get install postgresql)")
    server = PostgresServer(PG_BINARIES)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def database_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """An empty database; at the app's head revision already when the test also opens a ``workspace``."""
    if backend == "sqlite":
        yield sqlite_url(tmp_path / "site.sqlite3")
        return
    server: PostgresServer = request.getfixturevalue("pg_server")
    url = server.new_database(migrated="workspace" in request.fixturenames)
    yield url
    server.drop_database(url)


@pytest.fixture
def workspace(database_url: str) -> Iterator[Workspace]:
    """A fresh database migrated to head with the bundled NCT05106972 protocol loaded, the test staff's accounts,
    and the coordinator signed in."""
    opened = open_workspace(database_url, password_hasher=FAST_HASHER)
    add_test_staff(opened)
    yield opened
    opened.close()


@pytest.fixture
def other_desktop(database_url: str, workspace: Workspace) -> Iterator[Workspace]:
    """The same database opened a second time, as the nurse on the desktop across the ward."""
    opened = open_workspace(database_url, password_hasher=FAST_HASHER)
    opened.sign_in(signs(NURSE))
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
