"""Encryption at rest: an encrypted database works like a plain one, opens only with its key, and shows no
plaintext on disk; a wrong or missing key gives a message that names the file; the key never leaks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ACTOR, FAST_HASHER, add_test_staff
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from coordinator_app.domain.errors import ValidationError
from coordinator_app.domain.subjects import Sex
from coordinator_app.services.database import Database
from coordinator_app.services.screening import SubjectDraft
from coordinator_app.services.workspace import Workspace, open_workspace
from coordinator_app.storage import migrate
from coordinator_app.storage.audit_chain import verify_chain
from coordinator_app.storage.encryption import DatabaseKey, is_encrypted_file
from coordinator_app.storage.engine import redact
from coordinator_app.storage.urls import sqlite_url

pytestmark = pytest.mark.sqlite_only  # backups, restores and SQLCipher are about SQLite files

KEY = DatabaseKey(bytes(range(32)))
FAMILY_NAME = "Quillfeather"  # a name that appears nowhere else in the file, unless in plain text


def _register(workspace: Workspace) -> None:
    trial = workspace.trials.resolve("NCT05106972")
    draft = SubjectDraft(FAMILY_NAME, "Testsubject", Sex.FEMALE, dt.date(1970, 3, 4), phone="13812345678")
    workspace.screening.register(trial.id, draft, ACTOR)


@pytest.fixture
def encrypted(database_url: str) -> Iterator[Workspace]:
    workspace = open_workspace(database_url, password_hasher=FAST_HASHER, key=KEY)
    add_test_staff(workspace)
    _register(workspace)
    yield workspace
    workspace.close()


def _file(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def test_an_encrypted_database_is_migrated_and_keeps_an_append_only_chained_audit_trail(
    encrypted: Workspace,
) -> None:

    engine = encrypted.database.engine
    assert engine.dialect.driver == "pysqlcipher"
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 10_000
        assert connection.execute(text("SELECT count(*) FROM audit_log")).scalar_one() > 10
        assert verify_chain(connection).intact
    with pytest.raises(DatabaseError, match="append-only"), engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_log WHERE id = 1"))


def test_the_file_on_disk_shows_no_plaintext_while_a_plain_database_does(encrypted: Workspace, tmp_path: Path) -> None:
    plain_file = tmp_path / "plain" / "site.sqlite3"
    plain = open_workspace(sqlite_url(plain_file), password_hasher=FAST_HASHER)
    add_test_staff(plain)
    _register(plain)
    plain.close()
    encrypted.database.close()
    encrypted_file = encrypted.database.file
    assert encrypted_file is not None
    assert FAMILY_NAME.encode() in plain_file.read_bytes()
    assert not is_encrypted_file(plain_file)
    assert is_encrypted_file(encrypted_file)
    on_disk = b"".join(path.read_bytes() for path in tmp_path.glob(f"{encrypted_file.name}*"))
    assert FAMILY_NAME.encode() not in on_disk
    assert b"SQLite format 3" not in on_disk


def test_the_right_key_opens_it_again(encrypted: Workspace, database_url: str) -> None:
    encrypted.close()
    database = Database(database_url, DatabaseKey(bytes(range(32))))
    try:
        with database.engine.connect() as connection:
            names = connection.execute(text("SELECT family_name FROM subjects")).scalars().all()
    finally:
        database.close()
    assert names == [FAMILY_NAME]


def test_a_wrong_key_is_refused_with_a_message_naming_the_file(encrypted: Workspace, database_url: str) -> None:
    encrypted.close()
    with pytest.raises(ValidationError, match="cannot be opened with this key") as refused:
        Database(database_url, DatabaseKey(bytes(32)))
    assert str(_file(database_url)) in str(refused.value)


def test_without_a_key_the_encrypted_file_is_refused(encrypted: Workspace, database_url: str) -> None:
    encrypted.close()
    with pytest.raises(ValidationError, match="cannot be opened without its key") as refused:
        open_workspace(database_url, password_hasher=FAST_HASHER)
    assert str(_file(database_url)) in str(refused.value)


def test_a_key_does_not_open_a_plain_database(workspace: Workspace, database_url: str) -> None:
    workspace.close()
    with pytest.raises(ValidationError, match=r"wrong key, or not an encrypted database"):
        Database(database_url, KEY)


def test_the_key_appears_in_no_url_repr_or_message(encrypted: Workspace, database_url: str) -> None:
    secret = KEY.secret.hex()
    engine = encrypted.database.engine
    shown = [repr(engine), str(engine.url), repr(engine.url), redact(database_url), repr(KEY), encrypted.database.url]
    assert not [text for text in shown if secret in text.lower()]
    encrypted.close()
    with pytest.raises(ValidationError) as refused:
        Database(database_url, DatabaseKey(bytes(32)))
    assert bytes(32).hex() not in str(refused.value).lower()


def test_a_key_for_a_database_server_is_refused() -> None:
    with pytest.raises(ValidationError, match="a database key is for SQLite files"):
        Database("postgresql+psycopg://site@localhost/coordinator", KEY)


def test_a_new_encrypted_file_can_be_created_with_a_key(tmp_path: Path) -> None:
    database = Database(sqlite_url(tmp_path / "new.sqlite3"), KEY)
    database.upgrade()
    database.close()
    assert is_encrypted_file(tmp_path / "new.sqlite3")
