"""Schema migrations: bring any database to the current revision with Alembic.

SQLite batch steps recreate tables, and with foreign keys on that would fire ON DELETE
actions on the copied rows; so foreign keys are off while migrating and checked afterwards.

Alembic (with Mako) takes ~100 ms to import, so it is loaded only to migrate: whether a database is current is
decided from its version table and the ``revision``/``down_revision`` lines of the migration files.
"""

from __future__ import annotations

import ast
import re
from importlib import resources

from sqlalchemy import Engine, inspect, text

SCRIPT_LOCATION = "coordinator_app.storage:migrations"
VERSION_TABLE = "alembic_version"  # Alembic's default name, which migrations/env.py keeps
# `revision = "0010"` and `down_revision = "0009"` (or None) in each file, as script.py.mako writes them.
_CHAIN_LINE = re.compile(r"^(revision|down_revision) = (.+)$", re.MULTILINE)


class MigrationError(RuntimeError):
    """The database could not be brought to the app's schema."""


def revisions() -> dict[str, tuple[str, ...]]:
    """Every revision of the migration chain, with the revisions it follows (none for the first).

    Read from the migration files' text, as Alembic finds them (``SCRIPT_LOCATION``), without importing them or
    Alembic; tests/storage/test_migrations.py checks that Alembic reads the same chain.
    """
    package, folder = SCRIPT_LOCATION.split(":")
    chain: dict[str, tuple[str, ...]] = {}
    for file in resources.files(package).joinpath(folder, "versions").iterdir():
        if not file.name.endswith(".py") or file.name == "__init__.py":
            continue
        lines = dict(_CHAIN_LINE.findall(file.read_text(encoding="utf-8")))
        if lines.keys() != {"revision", "down_revision"}:
            raise MigrationError(f"{file.name}: no `revision = ...` and `down_revision = ...` lines")
        revision, follows = ast.literal_eval(lines["revision"]), ast.literal_eval(lines["down_revision"])
        chain[revision] = () if follows is None else (follows,) if isinstance(follows, str) else tuple(follows)
    return chain


def head_revision() -> str:
    """The newest revision: the one no other revision follows."""
    chain = revisions()
    heads = chain.keys() - {parent for parents in chain.values() for parent in parents}
    if len(heads) != 1:
        raise MigrationError(f"the migration chain must have one head, not {sorted(heads)}")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database's version table; None for a database without one (a new one)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        stamped = list(connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars())
    if len(stamped) > 1:
        raise MigrationError(f"the database is stamped with several revisions: {', '.join(stamped)}")
    return stamped[0] if stamped else None


def is_current(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database to ``revision`` (default: the newest)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        config.attributes["connection"] = connection  # migrations/env.py runs on it
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            command.upgrade(config, revision)
            connection.commit()
            if sqlite:
                problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
                if problems:
                    raise MigrationError(f"foreign key check failed after migrating: {problems[:5]}")
        finally:
            if sqlite:
                connection.rollback()
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()
