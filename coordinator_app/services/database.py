"""The database as the services see it: opening, migrating, and units of work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import String, event, func, inspect, select
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from coordinator_app.domain.access import PERMISSION_ACTIONS, Permission, Role, role_may
from coordinator_app.domain.errors import ConcurrentChangeError, PermissionDeniedError, ValidationError
from coordinator_app.services.subject_summaries import keep_subject_summaries
from coordinator_app.storage import migrate
from coordinator_app.storage.audit import ACTOR_KEY, REASON_KEY
from coordinator_app.storage.encryption import NOT_A_DATABASE, DatabaseKey
from coordinator_app.storage.engine import create_database_engine, redact, session_factory, sqlite_file
from coordinator_app.storage.models import AuditEntry, User
from coordinator_app.storage.network_path import network_share_warning

SYSTEM_ACTOR = "system"  # the app itself: loading its bundled protocols, creating the first administrator
NUL_PROBLEM = "contains a NUL character (\\x00), which a database server cannot store"


class Database:
    """One database (a SQLite file or a PostgreSQL server) and the sessions that use it."""

    def __init__(self, url: str, key: DatabaseKey | None = None) -> None:
        """``key``: the key of an encrypted SQLite file (see services/database_key.py), None for a plain one."""
        self.url = url
        self.key = key
        try:
            self.engine = create_database_engine(url, key)
        except ArgumentError:
            raise ValidationError(
                "database URL", url, "is not a database URL (for example sqlite:////home/me/site.sqlite3)"
            ) from None
        except ImportError as error:
            raise ValidationError(
                "database URL", redact(url), f"needs a driver that is not installed ({error})"
            ) from None
        except ValueError as error:  # a key for a database server
            raise ValidationError("database URL", redact(url), str(error)) from None
        self._sessions = session_factory(self.engine)
        keep_subject_summaries(self._sessions)
        self._check_file_opens()

    @property
    def file(self) -> Path | None:
        """The SQLite file, or None for a database server or an in-memory database."""
        return sqlite_file(self.url)

    def _check_file_opens(self) -> None:
        """Say now, naming the file, that an existing SQLite file does not open with the key given (or without)."""
        file = self.file
        if file is None or not file.exists():
            return
        try:
            with self.engine.connect():
                pass
        except DBAPIError as error:
            if NOT_A_DATABASE not in str(error.orig):
                raise
            self.engine.dispose()
            problem = (
                "cannot be opened with this key (wrong key, or not an encrypted database)"
                if self.key
                else "is encrypted or is not a SQLite database: it cannot be opened without its key"
            )
            raise ValidationError("database file", str(file), problem) from None

    @property
    def display_url(self) -> str:
        return redact(self.url)

    @property
    def network_warning(self) -> str | None:
        """A warning for a SQLite file on a network share (the GUI and the CLI show it); None otherwise."""
        file = self.file
        return network_share_warning(file) if file is not None else None

    def change_stamp(self) -> int:
        """A number that grows with every saved change, from any desktop: the newest audit row's id. The GUI
        compares it to notice work saved elsewhere and refresh (every change writes audit rows)."""
        with self._sessions() as session:
            return int(session.scalar(select(func.max(AuditEntry.id))) or 0)

    def upgrade(self) -> None:
        """Create or migrate the schema to the app's revision (no-op when current)."""
        if not migrate.is_current(self.engine):
            migrate.upgrade(self.engine)

    @contextmanager
    def write(self, actor: str, reason: str = "", *, permission: Permission) -> Iterator[Session]:
        """A unit of work by ``actor``: everything in it commits together, with its audit rows, or not at all.

        ``actor`` must be an active user whose role carries ``permission``; that is checked here, in the
        unit's own transaction, so no face of the app (GUI, CLI, import) can skip it. ``reason`` (why data
        already saved or signed is changed) is written on every audit row of the unit.
        """
        with self._unit(actor, reason) as session:
            _check_permission(session, actor, permission)
            yield session

    @contextmanager
    def system_write(self) -> Iterator[Session]:
        """A unit of work by the app itself; only for what happens before anybody can sign in, and for the derived
        data it keeps (subject summaries), which is not audited."""
        with self._unit(SYSTEM_ACTOR, "") as session:
            yield session

    @contextmanager
    def _unit(self, actor: str, reason: str) -> Iterator[Session]:
        if not actor:
            raise ValueError("a change needs an acting user")
        if "\x00" in reason:
            raise ValidationError("reason", reason, NUL_PROBLEM)
        try:
            with self._sessions() as session, session.begin():
                if self.engine.dialect.name == "sqlite":
                    # Take the write lock now: a writer that read first and locked later could find its snapshot
                    # stale and fail; waiting (busy timeout) for the other writer is what a user expects.
                    session.connection().exec_driver_sql("BEGIN IMMEDIATE")
                session.info[ACTOR_KEY] = actor
                session.info[REASON_KEY] = reason.strip()
                event.listen(session, "before_flush", _refuse_unstorable_text)
                yield session
        except StaleDataError:  # an UPDATE found another version than the one it read: nothing was overwritten
            raise ConcurrentChangeError("the record") from None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A look at the data; objects stay readable after it closes. Changing audited data here fails for want
        of an actor, and nothing is ever committed."""
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _check_permission(session: Session, actor: str, permission: Permission) -> None:
    user = session.scalar(select(User).where(User.username == actor))
    if user is None or not user.active:
        raise PermissionDeniedError(f"{actor!r} is not an active user of this database: sign in first")
    role = Role(user.role)
    if not role_may(role, permission):
        raise PermissionDeniedError(
            f"{user.full_name} ({role.value.replace('_', ' ')}) may not {PERMISSION_ACTIONS[permission]}"
        )


def _refuse_unstorable_text(session: Session, flush_context: object, instances: object) -> None:
    """Refuse, naming the field, text that a database server cannot keep: PostgreSQL rejects a NUL character and
    a value longer than its column (SQLite would keep both). Runs before every flush of a unit of work, so every
    service is covered and the transaction rolls back whole."""
    for obj in (*session.new, *session.dirty):
        state = inspect(obj)
        for attribute in state.mapper.column_attrs:
            value = state.dict.get(attribute.key)
            column_type = attribute.columns[0].type
            if not isinstance(value, str) or not isinstance(column_type, String):
                continue
            record = state.mapper.local_table.name.removesuffix("s").replace("_", " ")  # subject_facts: subject fact
            field = f"{record} {attribute.key.replace('_', ' ')}"
            if "\x00" in value:
                raise ValidationError(field, value, NUL_PROBLEM)
            if column_type.length is not None and len(value) > column_type.length:
                raise ValidationError(field, value, f"is too long: at most {column_type.length} characters")
