"""Encryption at rest for SQLite files: SQLCipher (the ``sqlcipher3`` driver) with a random 256-bit key.

The key is random, so it is given to SQLCipher in its raw form (``x'…'``): no passphrase derivation, which
would only slow every connection down. An encrypted file has no readable header: its first 16 bytes are
SQLCipher's salt instead of "SQLite format 3", which is how :func:`is_encrypted_file` tells the two apart.
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

KEY_BYTES = 32
SQLITE_HEADER = b"SQLite format 3\x00"
# Both drivers say this when the first page does not decrypt (wrong key) or is not SQLite at all.
NOT_A_DATABASE = "file is not a database"


def database_errors() -> tuple[type[Exception], ...]:
    """``DatabaseError`` of both drivers (parallel but distinct classes), for ``except database_errors():``, which
    is evaluated only once something failed. sqlcipher3 is imported where it is used: a plain file never loads it."""
    import sqlcipher3

    return (sqlite3.DatabaseError, sqlcipher3.DatabaseError)


def operational_errors() -> tuple[type[Exception], ...]:
    """``OperationalError`` of both drivers (a locked file, a missing table), as :func:`database_errors`."""
    import sqlcipher3

    return (sqlite3.OperationalError, sqlcipher3.OperationalError)


@dataclass(frozen=True)
class DatabaseKey:
    """A database's key; left out of repr so that it never reaches a log or a traceback."""

    secret: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.secret) != KEY_BYTES:
            raise ValueError(f"a database key has {KEY_BYTES} bytes, not {len(self.secret)}")

    @classmethod
    def generate(cls) -> DatabaseKey:
        return cls(secrets.token_bytes(KEY_BYTES))

    @property
    def sqlcipher_key(self) -> str:
        """SQLCipher's raw-key literal: used as the key itself, with no passphrase derivation."""
        return f"x'{self.secret.hex().upper()}'"


def is_encrypted_file(path: Path) -> bool:
    """True when ``path`` holds data that is not a plain SQLite file: an encrypted database, or no database."""
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return False
    return bool(header) and header != SQLITE_HEADER


def apply_key(connection: sqlite3.Connection, key: DatabaseKey) -> None:
    """Key a fresh SQLCipher connection; SQLCipher's own error log is silenced, callers report failures."""
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f'PRAGMA key = "{key.sqlcipher_key}"')


def connect(path: Path, key: DatabaseKey | None, *, timeout: float = 10.0) -> sqlite3.Connection:
    """A DB-API connection to ``path``: SQLCipher keyed with ``key``, or the standard sqlite3 without one.

    sqlcipher3 is a fork of the standard module with the same API, so the caller sees one type.
    """
    if key is None:
        return sqlite3.connect(path, timeout=timeout)
    import sqlcipher3

    connection: sqlite3.Connection = sqlcipher3.connect(str(path), timeout=timeout)
    apply_key(connection, key)
    return connection


def encrypt_copy(plain: Path, target: Path, key: DatabaseKey) -> None:
    """Write an encrypted copy of the plain database ``plain`` to ``target`` (SQLCipher's ``sqlcipher_export``).

    SQLCipher cannot back up between a plain and an encrypted file, so the export copies schema, rows,
    triggers and AUTOINCREMENT counters; ``user_version`` is copied by hand.
    """
    import sqlcipher3

    connection = sqlcipher3.connect(str(plain))
    try:
        user_version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        connection.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), key.sqlcipher_key))
        connection.execute("SELECT sqlcipher_export('encrypted')")
        connection.execute(f"PRAGMA encrypted.user_version = {user_version}")
        connection.commit()
        connection.execute("DETACH DATABASE encrypted")
    finally:
        connection.close()
