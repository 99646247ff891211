"""Engine factory: one place that knows how to open the database safely."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from coordinator_app.storage.encryption import DatabaseKey

BUSY_TIMEOUT_MS = 10_000


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    """Foreign keys on, WAL journal (readers never block the writer), wait on locks instead of failing, and
    ``synchronous=FULL``: every commit is on the disk (fsync of the WAL) before the save returns, so a power
    cut loses nothing that was saved; NORMAL would only survive a killed process."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names; None for a database server, an in-memory database, a ``file:`` URI, or text
    that is no URL at all (opening it says so)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    return None if database.startswith("file:") else Path(database).expanduser()


def _quiet_sqlcipher(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    """SQLCipher logs a failed decryption to stderr; the app reports a wrong key in its own words instead."""
    dbapi_connection.execute("PRAGMA cipher_log_level = NONE")


def create_database_engine(url: str, key: DatabaseKey | None = None) -> Engine:
    """An engine for ``url``; SQLite files get their folder created and the safety pragmas set.

    With ``key``, the SQLite file is encrypted at rest: SQLAlchemy's ``sqlite+pysqlcipher`` dialect (the
    ``sqlcipher3`` driver) keys every connection before anything else runs on it. The key travels as the
    engine URL's password, which SQLAlchemy hides whenever it prints a URL; it is never put in ``url``.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        file = sqlite_file(url)
        if file is not None:
            file.parent.mkdir(parents=True, exist_ok=True)
        if key is None:
            engine = create_engine(parsed)
        else:
            # The same pooling as a plain file (the dialect's default keeps one connection per thread).
            cipher_url = parsed.set(drivername="sqlite+pysqlcipher", password=key.sqlcipher_key)
            engine = create_engine(cipher_url, poolclass=QueuePool)
            event.listen(engine, "connect", _quiet_sqlcipher)
        event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    if key is not None:
        raise ValueError("a database key is for SQLite files; a database server encrypts its own storage")
    return create_engine(parsed, pool_pre_ping=True)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def redact(url: str) -> str:
    """The URL with any password hidden, for messages and logs."""
    return make_url(url).render_as_string(hide_password=True)
