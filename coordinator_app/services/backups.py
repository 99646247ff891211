"""Backups of the SQLite database: on demand, on exit and daily, rotated, and restored only after checks.

Where backups go (``backup_folder``) and how many are kept (``backups_kept``) are site settings, not
per-desktop ones: a SQLite database lives on one desktop, so the site's database and the desktop coincide;
a change is audited and needs the right to manage the site, like every other rule; the CLI, which has no
Qt settings store, reads the same values; and they come back with the database when it is restored on a
new desktop. The default folder is ``backups`` beside the database file, in the user's data folder. A
database server (PostgreSQL) is backed up with the server's own tools, not by the app.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from coordinator_app.domain.access import Role
from coordinator_app.domain.errors import PermissionDeniedError, ValidationError
from coordinator_app.services.database import Database
from coordinator_app.services.site_settings import SiteSettingsService
from coordinator_app.services.users import UserAccount, UserService
from coordinator_app.storage.backup import (
    check_database_file,
    copy_database,
    release_wal,
    replace_database,
)
from coordinator_app.storage.encryption import DatabaseKey, encrypt_copy, is_encrypted_file
from coordinator_app.storage.types import utc_now

BACKUP_INTERVAL = dt.timedelta(days=1)
# ISO 8601 basic format in UTC: names sort in time order whatever the desktop's time zone, and milliseconds keep
# two backups in one second (a click on "back up now" as the daily one runs) from overwriting each other.
_STAMP = "%Y%m%dT%H%M%S.%f"
_STAMP_PATTERN = r"\d{8}T\d{6}\.\d{3}"


def _stamp(moment: dt.datetime) -> str:
    return f"{moment.astimezone(dt.UTC):%Y%m%dT%H%M%S}.{moment.microsecond // 1000:03d}Z"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime  # UTC, from the file's name (a copied file's modification time would lie)

    @property
    def encrypted(self) -> bool:
        return is_encrypted_file(self.path)


@dataclass(frozen=True)
class Restored:
    revision: str  # the backup's schema revision; an older one is migrated when the database is next opened
    replaced: Path | None  # where the replaced database was kept; None when there was none


def restore_file(database: Path, backup: Path, key: DatabaseKey | None, now: dt.datetime) -> Restored:
    """Put a checked copy of ``backup`` in the place of the file ``database``, keeping the replaced one beside it.

    Nothing is replaced unless the backup opens (with ``key`` when the database is encrypted), passes SQLite's
    integrity check and has a schema this app knows. A plain backup (from before encryption was turned on)
    is encrypted on the way in, so a restore never leaves an encrypted site with a plain database. This is
    the file work alone: :meth:`BackupService.restore` asks for an administrator first; call this directly
    only for a database that does not exist or does not open, which has no accounts to ask.
    """
    candidate = check_database_file(backup, key)
    database.parent.mkdir(parents=True, exist_ok=True)
    staged = database.with_name(f".{database.name}.restoring")
    staged.unlink(missing_ok=True)
    kept = None
    try:
        if key is not None and not candidate.encrypted:
            encrypt_copy(backup, staged, key)
        else:
            copy_database(backup, staged, key)
        check_database_file(staged, key, "restored copy")
        release_wal(database, key)
        if database.exists():
            kept = database.with_name(f"{database.stem}.replaced-{_stamp(now)}{database.suffix}")
        replace_database(database, staged, kept)
    finally:
        staged.unlink(missing_ok=True)
    return Restored(candidate.revision, kept)


class BackupService:
    def __init__(
        self,
        database: Database,
        site_settings: SiteSettingsService,
        users: UserService,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self._db = database
        self._settings = site_settings
        self._users = users
        self._clock = clock

    @property
    def available(self) -> bool:
        """Backups are the app's job for a SQLite file only."""
        return self._db.file is not None

    def folder(self) -> Path:
        configured = self._settings.rules().backup_folder
        return Path(configured).expanduser() if configured else self._database_file().parent / "backups"

    def backups(self, folder: Path | None = None) -> list[Backup]:
        """This database's backups in ``folder`` (default: the site's), newest first; other files are ignored."""
        database = self._database_file()
        folder = folder or self.folder()
        pattern = re.compile(rf"{re.escape(database.stem)}-({_STAMP_PATTERN})Z{re.escape(database.suffix)}")
        found = []
        for path in folder.glob(f"{database.stem}-*Z{database.suffix}"):
            match = pattern.fullmatch(path.name)
            if match and path.is_file():
                taken_at = dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.UTC)
                found.append(Backup(path, taken_at))
        return sorted(found, key=lambda backup: backup.taken_at, reverse=True)

    def backup_now(self, to: Path | None = None) -> Path:
        """Back the database up, while it is in use, into the site's folder (then keep only the newest
        ``backups_kept``), or into ``to``: a one-off copy there, which is never rotated."""
        database = self._database_file()
        folder = to or self.folder()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{database.stem}-{_stamp(self._clock())}{database.suffix}"
        copy_database(database, target, self._db.key)
        if to is None:
            for old in self.backups(folder)[self._settings.rules().backups_kept :]:
                old.path.unlink(missing_ok=True)
        return target

    def due(self) -> bool:
        """A scheduled backup is due when the newest backup (an exit's counts) is a day old, or there is none."""
        if not self.available:
            return False
        newest = self.backups()
        return not newest or self._clock() - newest[0].taken_at >= BACKUP_INTERVAL

    def restore(self, backup: Path, by: UserAccount | None) -> Restored:
        """Replace the database with ``backup`` (see :func:`restore_file`); ``by`` must be an administrator
        once the database has accounts, because a restore undoes everybody's work since the backup.

        The app must be closed on every other desktop session first: SQLite lets this notice another process
        only while that process holds a connection. This object's own connections are closed; reopen the
        workspace afterwards (that also migrates an older backup to this version's schema).
        """
        database = self._database_file()
        self._check_may_restore(by)
        self._db.close()
        return restore_file(database, backup, self._db.key, self._clock())

    def _check_may_restore(self, by: UserAccount | None) -> None:
        try:
            if not self._users.has_users():
                return
        except DBAPIError:  # a schema from before accounts existed, or pages too damaged to read them
            return
        current = self._users.get(by.username) if by is not None else None
        if current is None or not current.active or current.role is not Role.ADMINISTRATOR:
            who = current.display_name if current is not None else "nobody signed in"
            raise PermissionDeniedError(
                f"restoring a backup replaces every record: an administrator must sign in ({who} may not)"
            )

    def _database_file(self) -> Path:
        file = self._db.file
        if file is None:
            raise ValidationError(
                "database", self._db.display_url, "is not a SQLite file: back a database server up with its own tools"
            )
        return file
