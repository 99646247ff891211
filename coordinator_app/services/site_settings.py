"""Site rules a coordinator can change; each has a default that holds until someone does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coordinator_app.domain.access import Permission
from coordinator_app.domain.errors import ValidationError
from coordinator_app.services.database import Database
from coordinator_app.storage.models import SiteSetting


@dataclass(frozen=True)
class SiteRules:
    max_infusions_per_day: int = 2
    preparation_limit_minutes: int = 120  # from cell preparation (thaw) to the end of the infusion
    clinic_start: dt.time = dt.time(8, 30)  # the hour visits are shown at in exported calendars
    visit_minutes: int = 60
    sae_report_hours: int = 24  # the sponsor must have the initial SAE report this long after the site knew
    idle_lock_minutes: int = 10  # a desktop left alone this long locks and needs the password to resume
    backup_folder: str = ""  # empty: a "backups" folder beside the database file (see services/backups.py)
    backups_kept: int = 30  # the newest this many backups are kept, older ones deleted


def _absolute_folder(text: str) -> str:
    """A relative folder would depend on where the app happened to be started."""
    if text and not Path(text).expanduser().is_absolute():
        raise ValidationError("backup_folder", text, "must be an absolute path (or empty: beside the database)")
    return text


_KEYS: dict[str, Callable[[str], int | dt.time | str]] = {
    "max_infusions_per_day": int,
    "preparation_limit_minutes": int,
    "clinic_start": dt.time.fromisoformat,
    "visit_minutes": int,
    "sae_report_hours": int,
    "idle_lock_minutes": int,
    "backup_folder": _absolute_folder,
    "backups_kept": int,
}

# The largest sensible value of each whole-number rule: beyond it a typo (an extra digit), and far beyond it a
# value that breaks what uses it (an SAE deadline past the year 9999, an idle-lock timer past Qt's int).
_MAXIMUM = {
    "max_infusions_per_day": 100,
    "preparation_limit_minutes": 7 * 24 * 60,
    "visit_minutes": 24 * 60,
    "sae_report_hours": 365 * 24,
    "idle_lock_minutes": 24 * 60,
    "backups_kept": 10_000,
}


class SiteSettingsService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def rules(self) -> SiteRules:
        with self._db.read() as session:
            stored = {s.key: s.value for s in session.query(SiteSetting)}
        values = {key: parse(stored[key]) for key, parse in _KEYS.items() if key in stored}
        return SiteRules(**values)  # type: ignore[arg-type]  # each parser returns its field's type

    def set(self, key: str, value: str, actor: str) -> SiteRules:
        """Change one rule; the value is checked before anything is written."""
        if key not in _KEYS:
            raise ValidationError("setting", key, f"is not a site setting ({', '.join(_KEYS)})")
        try:
            parsed = _KEYS[key](value.strip())
        except ValidationError:
            raise
        except ValueError:
            raise ValidationError(key, value, "is not a valid value") from None
        if isinstance(parsed, int) and parsed < 1:
            raise ValidationError(key, value, "must be at least 1")
        if isinstance(parsed, int) and parsed > _MAXIMUM[key]:
            raise ValidationError(key, value, f"must be at most {_MAXIMUM[key]}")
        if isinstance(parsed, dt.time) and parsed.tzinfo is not None:
            raise ValidationError(key, value, "is a time of day at the site, without a time zone")
        with self._db.write(actor, permission=Permission.MANAGE_SITE) as session:
            row = session.get(SiteSetting, key)
            if row is None:
                session.add(SiteSetting(key=key, value=value.strip()))
            else:
                row.value = value.strip()
        return self.rules()
