"""The file mechanics of backups: copies are checked, damaged or foreign files are refused with the reason,
a database in use is noticed, and a replacement keeps the file it replaces."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from coordinator_app.domain.errors import ValidationError
from coordinator_app.services.workspace import Workspace
from coordinator_app.storage import migrate
from coordinator_app.storage.backup import check_database_file, copy_database, release_wal, replace_database
from coordinator_app.storage.encryption import DatabaseKey, encrypt_copy

pytestmark = pytest.mark.sqlite_only  # backups, restores and SQLCipher are about SQLite files

KEY = DatabaseKey(bytes(range(32)))


@pytest.fixture
def database(workspace: Workspace) -> Path:
    """The workspace's file, closed so that only the test holds it."""
    workspace.close()
    assert workspace.database.file is not None
    return workspace.database.file


@pytest.fixture
def good_copy(database: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.sqlite3"
    copy_database(database, copy, None)
    return copy


def test_a_copy_passes_every_check_and_is_one_file(good_copy: Path, tmp_path: Path) -> None:
    checked = check_database_file(good_copy, None)
    assert checked.revision == migrate.head_revision()
    assert not checked.encrypted
    assert sorted(path.name for path in tmp_path.glob("copy*")) == ["copy.sqlite3"]  # no -wal left beside it


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


def _text_file(path: Path) -> None:
    path.write_text("screening_no,family_name\nHK-S001,王\n", encoding="utf-8")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _damaged_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size * 3 : page_size * 4] = os.urandom(page_size)  # a b-tree page of some table
    path.write_bytes(bytes(data))


def _newer_schema(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_from_a_newer_app'")


def _another_programs_database(path: Path) -> None:
    path.unlink()
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE notes (text TEXT)")


@pytest.mark.parametrize(
    ("spoil", "problem"),
    [
        (_truncated, "is damaged or is not a SQLite database"),
        (_random_bytes, "cannot be opened without a key"),  # random bytes look like an encrypted file
        (_text_file, "cannot be opened without a key"),
        (_empty, "is empty"),
        (_damaged_page, "integrity check|is damaged"),
        (_newer_schema, "schema revision 0099_from_a_newer_app, which this version of the app does not know"),
        (_another_programs_database, "is not a Trial Coordinator database"),
    ],
)
def test_a_spoilt_file_is_refused_naming_the_file_and_the_problem(
    good_copy: Path, spoil: Callable[[Path], None], problem: str
) -> None:

    spoil(good_copy)
    with pytest.raises(ValidationError, match=problem) as refused:
        check_database_file(good_copy, None)
    assert str(good_copy) in str(refused.value)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="does not exist"):
        check_database_file(tmp_path / "nowhere.sqlite3", None)


def test_an_encrypted_copy_stays_encrypted_and_needs_its_key(database: Path, tmp_path: Path) -> None:
    encrypted = tmp_path / "encrypted.sqlite3"
    encrypt_copy(database, encrypted, KEY)
    copy = tmp_path / "encrypted-copy.sqlite3"
    copy_database(encrypted, copy, KEY)
    assert check_database_file(copy, KEY).encrypted
    with pytest.raises(ValidationError, match="cannot be opened without a key"):
        check_database_file(copy, None)
    with pytest.raises(ValidationError, match="cannot be opened with this database's key"):
        check_database_file(copy, DatabaseKey(bytes(32)))


def test_a_database_held_open_by_another_connection_is_noticed(database: Path) -> None:
    with contextlib.closing(sqlite3.connect(database)) as other:
        other.execute("PRAGMA journal_mode=WAL")
        other.execute("SELECT count(*) FROM audit_log").fetchone()
        with pytest.raises(ValidationError, match="is in use by another program"):
            release_wal(database, None)
    release_wal(database, None)
    assert not database.with_name(database.name + "-wal").exists()


def test_a_replacement_keeps_the_replaced_file_and_its_sidecars(good_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.sqlite3"
    target.write_bytes(b"the old database")
    target.with_name("target.sqlite3-wal").write_bytes(b"its log")
    replacement = good_copy.read_bytes()
    kept = tmp_path / "target.replaced.sqlite3"

    replace_database(target, good_copy, kept)

    assert target.read_bytes() == replacement
    assert kept.read_bytes() == b"the old database"
    assert kept.with_name(kept.name + "-wal").read_bytes() == b"its log"
    assert not target.with_name("target.sqlite3-wal").exists()
    assert not good_copy.exists()


def test_a_replacement_never_overwrites_a_kept_file(good_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.sqlite3"
    target.write_bytes(b"the old database")
    kept = tmp_path / "kept.sqlite3"
    kept.write_bytes(b"kept before")
    with pytest.raises(ValidationError, match="exists already"):
        replace_database(target, good_copy, kept)
    assert target.read_bytes() == b"the old database"
