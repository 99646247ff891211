"""A throwaway PostgreSQL server for the tests: started once per test run from the server binaries of the
machine (Debian's ``postgresql`` package), listening only on a Unix socket in a temporary folder, stopped at
the end. ``pg_ctl`` refuses to run as root, and CI runs as root: the server then runs as the ``postgres``
system user through ``runuser``.

Each test gets its own database: an empty one, or a copy of a template already migrated to the app's head
revision (``CREATE DATABASE … TEMPLATE`` copies files; much faster than running the migrations again).
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg

from coordinator_app.storage import migrate
from coordinator_app.storage.engine import create_database_engine

SERVER_SETTINGS = (
    # The data is thrown away after the run: durability costs time and buys nothing here.
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c listen_addresses='' "
    "-c max_connections=200 -c shared_buffers=64MB"
)


def server_binaries() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: on PATH, or in Debian's versioned folder."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(os.path.realpath(found)).parent
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return candidates[-1].parent if candidates else None


class PostgresServer:
    """One server for the whole run, with a counter for database names."""

    def __init__(self, binaries: Path) -> None:
        self._binaries = binaries
        self._folder = Path(tempfile.mkdtemp(prefix="coordinator-pg-"))
        self._data = self._folder / "data"
        self.socket_folder = self._folder / "socket"
        self._names = itertools.count(1)
        self._template_ready = False
        self._as_postgres = os.geteuid() == 0
        self.socket_folder.mkdir()
        if self._as_postgres:
            shutil.chown(self._folder, "postgres")
            shutil.chown(self.socket_folder, "postgres")
            self._folder.chmod(0o755)

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self._as_postgres else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, text=True)

    def start(self) -> None:
        self._run(str(self._binaries / "initdb"), "-D", str(self._data), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--no-sync", "--locale=C")  # fmt: skip
        options = f"-k {self.socket_folder} -p 5432 {SERVER_SETTINGS}"
        self._run(str(self._binaries / "pg_ctl"), "-D", str(self._data), "-o", options, "-w", "-s", "start",
                  "-l", str(self._folder / "server.log"))  # fmt: skip

    def stop(self) -> None:
        try:
            self._run(str(self._binaries / "pg_ctl"), "-D", str(self._data), "-m", "immediate", "-s", "stop")
        finally:
            shutil.rmtree(self._folder, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket_folder}"

    def _admin(self, statement: str) -> None:
        with psycopg.connect(host=str(self.socket_folder), user="postgres", dbname="postgres", autocommit=True) as c:
            c.execute(statement)

    def new_database(self, *, migrated: bool = False) -> str:
        """A fresh database's URL: empty, or at the app's head revision with nothing else in it."""
        if migrated and not self._template_ready:
            self._admin("CREATE DATABASE app_head")
            engine = create_database_engine(self.url("app_head"))
            migrate.upgrade(engine)
            engine.dispose()
            self._admin("ALTER DATABASE app_head WITH IS_TEMPLATE true ALLOW_CONNECTIONS false")
            self._template_ready = True
        name = f"test_{next(self._names)}"
        self._admin(f"CREATE DATABASE {name} TEMPLATE {'app_head' if migrated else 'template0'}")
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.split("/")[-1].split("?")[0]
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
