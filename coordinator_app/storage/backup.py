"""SQLite file mechanics for backups and restores: consistent copies, checks, and safe replacement.

A copy is made with SQLite's online backup API in one step, which reads one snapshot: in WAL mode the
app keeps writing while it runs, and the copy is the database as it was when the step began. An
encrypted database is copied to a file keyed with the same key, so its backups stay encrypted (SQLCipher
refuses to back up into a plain file). Every copy is written under a temporary name, checked, and only
then renamed into place, so a half-written file never carries a backup's name.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from coordinator_app.domain.errors import ValidationError
from coordinator_app.storage import migrate
from coordinator_app.storage.encryption import (
    NOT_A_DATABASE,
    DatabaseKey,
    connect,
    database_errors,
    is_encrypted_file,
    operational_errors,
)

SIDECARS = ("-wal", "-shm", "-journal")  # files SQLite keeps beside a database while it is in use
IN_USE_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class DatabaseFile:
    """A database file that passed the checks: it opens, its pages are intact, and this app knows its schema."""

    path: Path
    revision: str
    encrypted: bool


def copy_database(source: Path, target: Path, key: DatabaseKey | None) -> None:
    """Copy ``source`` (which may be in use) to ``target``, both keyed with ``key`` when it is given.

    The copy leaves WAL mode, so the file alone is the whole backup; it must pass SQLite's integrity check
    before it is renamed to ``target``.
    """
    if not source.is_file():
        raise ValidationError("database file", str(source), "does not exist")
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        with contextlib.closing(connect(source, key)) as reader, contextlib.closing(connect(partial, key)) as writer:
            reader.backup(writer)  # pages=-1: the whole database in one step, from one snapshot
            writer.execute("PRAGMA journal_mode=DELETE")
        problems = integrity_problems(partial, key)
        if problems:
            raise ValidationError("database file", str(source), f"copy failed its integrity check: {problems}")
        partial.replace(target)
        sync_folder(target.parent)
    finally:
        partial.unlink(missing_ok=True)


def integrity_problems(path: Path, key: DatabaseKey | None) -> list[str]:
    """SQLite's ``integrity_check`` findings (at most ten); empty when the file is sound."""
    with contextlib.closing(connect(path, key)) as connection:
        rows = connection.execute("PRAGMA integrity_check(10)").fetchall()
    findings = [str(row[0]) for row in rows]
    return [] if findings == ["ok"] else findings


def schema_revision(path: Path, key: DatabaseKey | None) -> str | None:
    """The Alembic revision stamped in the file, or None when it has none (not one of this app's databases)."""
    with contextlib.closing(connect(path, key)) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except operational_errors():  # no such table
            return None
    return str(row[0]) if row else None


def known_revisions() -> set[str]:
    """Every schema revision this version of the app can open (and migrate to its newest)."""
    return set(migrate.revisions())


def check_database_file(path: Path, key: DatabaseKey | None, label: str = "backup file") -> DatabaseFile:
    """Refuse, naming ``path`` and the problem, a file that is missing, not SQLite, damaged, encrypted with another
    key, or from a schema this app does not know (a newer version's). A plain file is opened without ``key``:
    the caller decides whether a plain file may take an encrypted database's place."""
    if not path.is_file():
        raise ValidationError(label, str(path), "does not exist")
    if path.stat().st_size == 0:
        raise ValidationError(label, str(path), "is empty")
    encrypted = is_encrypted_file(path)
    file_key = key if encrypted else None
    if encrypted and key is None:
        raise ValidationError(
            label, str(path), "is encrypted or is not a SQLite database: it cannot be opened without a key"
        )
    try:
        problems = integrity_problems(path, file_key)
        revision = schema_revision(path, file_key)
    except database_errors() as error:
        if encrypted and NOT_A_DATABASE in str(error):
            problem = "cannot be opened with this database's key (another key, or not a database)"
        else:
            problem = f"is damaged or is not a SQLite database ({error})"
        raise ValidationError(label, str(path), problem) from None
    if problems:
        raise ValidationError(label, str(path), f"failed SQLite's integrity check: {'; '.join(problems)}")
    if revision is None:
        raise ValidationError(label, str(path), "is not a Trial Coordinator database (it has no schema revision)")
    if revision not in known_revisions():
        raise ValidationError(
            label,
            str(path),
            f"has schema revision {revision}, which this version of the app does not know (it knows up to "
            f"{migrate.head_revision()}): it comes from a newer version; update the app first",
        )
    return DatabaseFile(path, revision, encrypted)


def release_wal(database: Path, key: DatabaseKey | None) -> None:
    """Fold the WAL into ``database`` and leave WAL mode, so that the file alone is the whole database.

    SQLite refuses while another connection (another process) has the file open: that is how a running app
    is noticed, though only while it holds a connection. A file that does not open (damaged) is left as it is.
    """
    if not database.exists():
        return
    try:
        with contextlib.closing(connect(database, key, timeout=IN_USE_TIMEOUT_S)) as connection:
            connection.execute("PRAGMA journal_mode=DELETE")
    except operational_errors() as error:
        if "locked" in str(error) or "busy" in str(error):
            raise ValidationError(
                "database file", str(database), "is in use by another program (is the app still open?): close it first"
            ) from None
        raise
    except database_errors():
        return


def replace_database(database: Path, replacement: Path, keep_as: Path | None) -> None:
    """Put ``replacement`` (a closed, checked file in the same folder) in ``database``'s place in one rename.

    The replaced file is kept as ``keep_as`` (a hard link where the file system has them, else a copy, made
    before the rename so that the database never goes missing), or is gone when ``keep_as`` is None. Files
    SQLite left beside the old database move with it: beside the new one they would be replayed into it.
    """
    if keep_as is not None and keep_as.exists():
        raise ValidationError("file", str(keep_as), "exists already: it is not overwritten")
    if database.exists() and keep_as is not None:
        try:
            os.link(database, keep_as)
        except OSError:
            shutil.copy2(database, keep_as)
    for suffix in SIDECARS:
        sidecar = database.with_name(database.name + suffix)
        if sidecar.exists():
            if keep_as is None:
                sidecar.unlink()
            else:
                sidecar.replace(keep_as.with_name(keep_as.name + suffix))
    replacement.replace(database)
    sync_folder(database.parent)


def sync_folder(folder: Path) -> None:
    """Make the renames in ``folder`` durable on POSIX; Windows has no folder handle to sync (NTFS journals them)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
