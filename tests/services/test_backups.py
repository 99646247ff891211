"""Backups on a real database: consistent while another connection writes, rotated, due once a day, encrypted
like their database, and restored only from a sound file, by an administrator, keeping what they replace."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ACTOR, ADMIN, FAST_HASHER, add_test_staff, signs
from sqlalchemy import func, select, text

from coordinator_app.domain.errors import PermissionDeniedError, ValidationError
from coordinator_app.domain.subjects import Sex
from coordinator_app.services.backups import BackupService
from coordinator_app.services.database import Database
from coordinator_app.services.screening import SubjectDraft
from coordinator_app.services.workspace import Workspace, open_workspace
from coordinator_app.storage.audit_chain import verify_chain
from coordinator_app.storage.backup import check_database_file
from coordinator_app.storage.encryption import DatabaseKey, is_encrypted_file
from coordinator_app.storage.models import AuditEntry, Subject
from coordinator_app.storage.urls import sqlite_url

pytestmark = pytest.mark.sqlite_only  # backups, restores and SQLCipher are about SQLite files

KEY = DatabaseKey(bytes(range(32)))
START = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _service(workspace: Workspace, clock: Clock) -> BackupService:
    return BackupService(workspace.database, workspace.site_settings, workspace.users, clock)


def _register(workspace: Workspace, family_name: str) -> None:
    trial = workspace.trials.resolve("NCT05106972")
    draft = SubjectDraft(family_name, "Testsubject", Sex.MALE, dt.date(1968, 5, 6), phone="13812345678")
    workspace.screening.register(trial.id, draft, ACTOR)


def _audit_rows(database: Database) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def _family_names(url: str, key: DatabaseKey | None = None) -> list[str]:
    database = Database(url, key)
    try:
        with database.read() as session:
            return list(session.scalars(select(Subject.family_name).order_by(Subject.id)))
    finally:
        database.close()


def test_a_backup_goes_beside_the_database_by_default_and_is_a_sound_copy(workspace: Workspace, clock: Clock) -> None:
    service = _service(workspace, clock)
    path = service.backup_now()
    assert workspace.database.file is not None
    assert path == workspace.database.file.parent / "backups" / "site-20261201T093000.000Z.sqlite3"
    assert check_database_file(path, None).revision
    assert [backup.path for backup in service.backups()] == [path]
    assert service.backups()[0].taken_at == START


def test_a_backup_made_while_another_connection_writes_is_a_consistent_snapshot(workspace: Workspace) -> None:
    assert workspace.database.file is not None
    writer = open_workspace(sqlite_url(workspace.database.file), password_hasher=FAST_HASHER)
    stop = threading.Event()
    writes = 0

    def keep_writing() -> None:
        nonlocal writes
        while not stop.is_set():
            writer.site_settings.set("visit_minutes", str(30 + writes % 60), ACTOR)
            writes += 1

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        results = []
        for _ in range(3):
            while writes < 20 * (len(results) + 1):
                stop.wait(0.01)
            before = _audit_rows(workspace.database)
            path = workspace.backups.backup_now()
            after = _audit_rows(workspace.database)
            results.append((before, path, after))
    finally:
        stop.set()
        thread.join()
        writer.close()
    assert writes >= 60
    for before, path, after in results:
        copy = Database(sqlite_url(path))
        with copy.engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            report = verify_chain(connection)
        copy.close()
        assert report.intact, report.problem
        assert before <= report.rows_checked <= after
    assert results[0][2] < results[-1][0]  # the writer really wrote between and during the backups


def test_rotation_keeps_the_newest_backups_and_leaves_other_files_alone(workspace: Workspace, clock: Clock) -> None:
    workspace.site_settings.set("backups_kept", "3", ACTOR)
    service = _service(workspace, clock)
    made = []
    for hour in range(5):
        clock.now = START + dt.timedelta(hours=hour)
        made.append(service.backup_now())
    folder = service.folder()
    (folder / "notes.txt").write_text("the site's own file")
    (folder / "site-manual-copy.sqlite3").write_bytes(b"a copy the site made by hand")
    clock.now += dt.timedelta(hours=1)
    made.append(service.backup_now())
    assert [backup.path for backup in service.backups()] == made[:-4:-1]
    assert (folder / "notes.txt").exists()
    assert (folder / "site-manual-copy.sqlite3").exists()


def test_a_copy_into_another_folder_is_not_rotated(workspace: Workspace, clock: Clock, tmp_path: Path) -> None:
    workspace.site_settings.set("backups_kept", "1", ACTOR)
    service = _service(workspace, clock)
    stick = tmp_path / "usb-stick"
    for minute in range(3):
        clock.now = START + dt.timedelta(minutes=minute)
        service.backup_now(stick)
    assert len(service.backups(stick)) == 3


def test_the_backup_folder_is_a_site_setting_and_must_be_absolute(
    workspace: Workspace, clock: Clock, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError, match="backup_folder 'backups': must be an absolute path"):
        workspace.site_settings.set("backup_folder", "backups", ACTOR)
    workspace.site_settings.set("backup_folder", str(tmp_path / "site-backups"), ACTOR)
    assert _service(workspace, clock).backup_now().parent == tmp_path / "site-backups"


def test_a_backup_is_due_when_the_newest_is_a_day_old(workspace: Workspace, clock: Clock) -> None:
    service = _service(workspace, clock)
    assert service.due()
    service.backup_now()
    assert not service.due()
    clock.now = START + dt.timedelta(hours=23, minutes=59)
    assert not service.due()
    clock.now = START + dt.timedelta(days=1)
    assert service.due()


def test_the_backup_of_an_encrypted_database_is_encrypted(database_url: str, clock: Clock) -> None:
    encrypted = open_workspace(database_url, password_hasher=FAST_HASHER, key=KEY)
    add_test_staff(encrypted)
    _register(encrypted, "Quillfeather")
    try:
        path = _service(encrypted, clock).backup_now()
    finally:
        encrypted.close()
    assert is_encrypted_file(path)
    assert b"Quillfeather" not in path.read_bytes()
    with pytest.raises(ValidationError, match="cannot be opened without its key"):
        Database(sqlite_url(path))
    assert _family_names(sqlite_url(path), KEY) == ["Quillfeather"]


# -- restore -----------------------------------------------------------------------------------


@pytest.fixture
def backed_up(workspace: Workspace, clock: Clock) -> Iterator[tuple[Workspace, Path]]:
    """A backup with one subject, then a second subject written after it."""
    _register(workspace, "Before")
    path = _service(workspace, clock).backup_now()
    _register(workspace, "After")
    clock.now = START + dt.timedelta(hours=2)
    yield workspace, path


def test_restoring_a_good_backup_replaces_the_database_and_keeps_the_replaced_one(
    backed_up: tuple[Workspace, Path], clock: Clock, database_url: str
) -> None:
    workspace, path = backed_up
    admin = workspace.users.sign_in(signs(ADMIN))
    restored = _service(workspace, clock).restore(path, admin)
    workspace.close()

    assert restored.replaced is not None
    assert restored.replaced.name == "site.replaced-20261201T113000.000Z.sqlite3"
    assert _family_names(database_url) == ["Before"]
    assert _family_names(sqlite_url(restored.replaced)) == ["Before", "After"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("spoil", "problem"),
    [
        (lambda path: path.write_bytes(path.read_bytes()[:8192]), "is damaged or is not a SQLite database"),
        (lambda path: path.write_bytes(bytes(range(256)) * 64), "cannot be opened without a key"),
        (lambda path: path.write_text("not a database\n"), "cannot be opened without a key"),
    ],
)
def test_a_corrupt_backup_is_refused_and_nothing_is_replaced(
    backed_up: tuple[Workspace, Path], clock: Clock, spoil: object, problem: str
) -> None:
    workspace, path = backed_up
    assert callable(spoil)
    spoil(path)
    database = workspace.database.file
    assert database is not None
    admin = workspace.users.sign_in(signs(ADMIN))
    workspace.database.close()
    before = _digest(database)
    with pytest.raises(ValidationError, match=problem):
        _service(workspace, clock).restore(path, admin)
    assert _digest(database) == before
    assert not list(database.parent.glob("*.replaced-*"))


def test_a_backup_from_a_newer_schema_is_refused(backed_up: tuple[Workspace, Path], clock: Clock) -> None:
    workspace, path = backed_up
    newer = Database(sqlite_url(path))
    with newer.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    newer.close()
    admin = workspace.users.sign_in(signs(ADMIN))
    with pytest.raises(ValidationError, match="comes from a newer version"):
        _service(workspace, clock).restore(path, admin)
    assert workspace.screening  # the workspace still works on its own database
    assert workspace.database.file is not None
    assert not list(workspace.database.file.parent.glob("*.replaced-*"))


def test_only_an_administrator_may_restore(backed_up: tuple[Workspace, Path], clock: Clock) -> None:
    workspace, path = backed_up
    service = _service(workspace, clock)
    with pytest.raises(PermissionDeniedError, match="an administrator must sign in"):
        service.restore(path, workspace.user)  # the coordinator
    with pytest.raises(PermissionDeniedError, match="nobody signed in"):
        service.restore(path, None)


def test_a_database_without_accounts_is_restored_without_a_sign_in(tmp_path: Path, clock: Clock) -> None:
    workspace = open_workspace(sqlite_url(tmp_path / "site.sqlite3"), password_hasher=FAST_HASHER)
    try:
        service = _service(workspace, clock)
        path = service.backup_now()
        clock.now += dt.timedelta(minutes=5)
        assert service.restore(path, None).replaced is not None
    finally:
        workspace.close()


def test_a_plain_backup_restored_into_an_encrypted_database_is_encrypted_on_the_way_in(
    backed_up: tuple[Workspace, Path], clock: Clock, tmp_path: Path
) -> None:

    workspace, plain_backup = backed_up
    workspace.close()
    url = sqlite_url(tmp_path / "encrypted" / "site.sqlite3")
    encrypted = open_workspace(url, password_hasher=FAST_HASHER, key=KEY)
    try:
        _service(encrypted, clock).restore(plain_backup, None)
    finally:
        encrypted.close()
    assert is_encrypted_file(tmp_path / "encrypted" / "site.sqlite3")
    assert _family_names(url, KEY) == ["Before"]
