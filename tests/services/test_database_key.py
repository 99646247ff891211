"""The database key: recovery codes that survive typing, the credential store (an in-memory one here, never the
desktop's), where the key is looked for, and turning encryption on without ever leaving a plain copy silently."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ACTOR, FAST_HASHER
from memory_keyring import MemoryKeyring, memory_keyring
from sqlalchemy import text

from coordinator_app.domain.errors import ValidationError
from coordinator_app.services.database import Database
from coordinator_app.services.database_key import (
    KEYRING_SERVICE,
    KeyRequiredError,
    KeyStore,
    database_key_for,
    encrypt_database,
    key_from_recovery_code,
    recovery_code,
)
from coordinator_app.services.settings import DATABASE_KEY_ENV
from coordinator_app.services.workspace import Workspace, open_workspace
from coordinator_app.storage.audit_chain import verify_chain
from coordinator_app.storage.encryption import DatabaseKey, is_encrypted_file

pytestmark = pytest.mark.sqlite_only  # backups, restores and SQLCipher are about SQLite files

KEY = DatabaseKey(bytes(range(32)))


@pytest.fixture
def keyring_backend(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    monkeypatch.delenv(DATABASE_KEY_ENV, raising=False)
    with memory_keyring() as backend:
        yield backend


def test_a_recovery_code_gives_the_key_back_however_it_is_typed() -> None:
    code = recovery_code(KEY)
    groups = code.split("-")
    assert len(groups) == 11 and all(len(group) == 5 for group in groups[:-1])
    assert key_from_recovery_code(code) == KEY
    assert key_from_recovery_code(" ".join(groups).lower()) == KEY


def test_a_mistyped_recovery_code_is_refused_without_echoing_it() -> None:
    code = recovery_code(KEY)
    typo = ("B" if code[7] != "B" else "C").join((code[:7], code[8:]))
    with pytest.raises(ValidationError, match="not a valid recovery code") as refused:
        key_from_recovery_code(typo)
    assert typo not in str(refused.value)
    with pytest.raises(ValidationError, match="is not a recovery code"):
        key_from_recovery_code("0189-!!")


@pytest.fixture
def plain(workspace: Workspace) -> Path:
    workspace.site_settings.set("visit_minutes", "45", ACTOR)
    workspace.close()
    assert workspace.database.file is not None
    return workspace.database.file


def test_a_plain_database_needs_no_key_and_the_store_is_not_asked(plain: Path, keyring_backend: MemoryKeyring) -> None:
    keyring_backend.locked = True
    assert database_key_for(f"sqlite:///{plain}") is None
    assert database_key_for(f"sqlite:///{plain.parent / 'not-yet-created.sqlite3'}") is None


def test_encrypting_stores_the_key_and_leaves_no_plain_copy(plain: Path, keyring_backend: MemoryKeyring) -> None:
    key = encrypt_database(plain, KeyStore())
    assert keyring_backend.entries == {(KEYRING_SERVICE, str(plain.resolve())): key.secret.hex()}
    assert is_encrypted_file(plain)
    assert sorted(path.name for path in plain.parent.iterdir()) == ["site.sqlite3"]
    url = f"sqlite:///{plain}"
    assert database_key_for(url) == key
    workspace = open_workspace(url, password_hasher=FAST_HASHER, key=key)
    try:
        assert workspace.site_settings.rules().visit_minutes == 45
        with workspace.database.engine.connect() as connection:
            assert verify_chain(connection).intact  # rows, triggers and the AUTOINCREMENT counter came along
    finally:
        workspace.close()


def test_the_plain_original_is_kept_only_where_the_user_asks(
    plain: Path, keyring_backend: MemoryKeyring, tmp_path: Path
) -> None:
    keep = tmp_path / "plain-original.sqlite3"
    encrypt_database(plain, KeyStore(), keep)
    assert not is_encrypted_file(keep)
    with contextlib.closing(sqlite3.connect(keep)) as connection:
        assert connection.execute("SELECT value FROM site_settings WHERE key = 'visit_minutes'").fetchone() == ("45",)
    with pytest.raises(ValidationError, match="is encrypted already"):
        encrypt_database(plain, KeyStore())


def test_when_the_store_fails_nothing_is_encrypted(plain: Path, keyring_backend: MemoryKeyring) -> None:
    keyring_backend.locked = True
    with pytest.raises(ValidationError, match=r"credential store .* cannot be used"):
        encrypt_database(plain, KeyStore())
    assert not is_encrypted_file(plain)
    assert sorted(path.name for path in plain.parent.iterdir()) == ["site.sqlite3"]
    workspace = open_workspace(f"sqlite:///{plain}", password_hasher=FAST_HASHER)
    assert workspace.site_settings.rules().visit_minutes == 45
    workspace.close()


@pytest.fixture
def encrypted(plain: Path, keyring_backend: MemoryKeyring) -> tuple[str, DatabaseKey]:
    return f"sqlite:///{plain}", encrypt_database(plain, KeyStore())


def test_without_the_stored_key_the_face_is_asked_for_the_recovery_code(
    encrypted: tuple[str, DatabaseKey], keyring_backend: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:

    url, key = encrypted
    keyring_backend.entries.clear()
    with pytest.raises(KeyRequiredError, match="its key is not in this desktop's credential store") as required:
        database_key_for(url)
    assert required.value.database == Path(url.removeprefix("sqlite:///"))
    keyring_backend.locked = True
    with pytest.raises(KeyRequiredError, match="the credential store cannot be used"):
        database_key_for(url)
    monkeypatch.setenv(DATABASE_KEY_ENV, recovery_code(key))
    assert database_key_for(url) == key


def test_the_key_from_the_store_opens_the_database(encrypted: tuple[str, DatabaseKey]) -> None:
    url, _ = encrypted
    database = Database(url, database_key_for(url))
    try:
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM users")).scalar_one() == 5
    finally:
        database.close()
