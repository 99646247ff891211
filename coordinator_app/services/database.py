"""The database as the services see it: opening, migrating, and units of work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from coordinator_app.domain.errors import ValidationError
from coordinator_app.storage import migrate
from coordinator_app.storage.audit import ACTOR_KEY, REASON_KEY
from coordinator_app.storage.engine import create_database_engine, redact, session_factory


class Database:
    """One database (a SQLite file or a PostgreSQL server) and the sessions that use it."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = create_database_engine(url)
        except ArgumentError:
            raise ValidationError(
                "database URL", url, "is not a database URL (for example sqlite:////home/me/site.sqlite3)"
            ) from None
        except ImportError as error:
            raise ValidationError(
                "database URL", redact(url), f"needs a driver that is not installed ({error})"
            ) from None
        self._sessions = session_factory(self.engine)

    @property
    def display_url(self) -> str:
        return redact(self.url)

    def upgrade(self) -> None:
        """Create or migrate the schema to the app's revision (no-op when current)."""
        if not migrate.is_current(self.engine):
            migrate.upgrade(self.engine)

    @contextmanager
    def write(self, actor: str, reason: str = "") -> Iterator[Session]:
        """A unit of work by ``actor``: everything in it commits together, with its audit rows, or not at all.

        ``reason`` (why data already saved or signed is changed) is written on every audit row of the unit.
        """
        if not actor:
            raise ValueError("a change needs an acting user")
        with self._sessions() as session, session.begin():
            session.info[ACTOR_KEY] = actor
            session.info[REASON_KEY] = reason.strip()
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A look at the data; objects stay readable after it closes. Changing audited data here fails for want
        of an actor, and nothing is ever committed."""
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
