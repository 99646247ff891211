"""Optimistic concurrency as the services apply it: a save names the version of the record its screen showed,
and is refused, naming who changed the record and when, if the database holds a newer one.

The version column itself (``storage.models.Versioned``) catches two saves racing inside the same instant;
this check catches the common case of a form left open while a colleague on another desktop saved.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator_app.domain.errors import ConcurrentChangeError
from coordinator_app.storage.models import AuditEntry, User, Versioned

ABSENT = 0  # the version a screen passes for a record it showed as not yet existing


def require_version(
    session: Session, table: str, record_id: object, current: Versioned | None, expected: int | None, what: str
) -> None:
    """Refuse the save when ``expected`` (None: no check) is not the stored version (``ABSENT``: no record)."""
    if expected is None:
        return
    stored = current.version if current is not None else ABSENT
    if stored == expected:
        return
    last = session.execute(
        select(AuditEntry.actor, AuditEntry.occurred_at)
        .where(AuditEntry.table_name == table, AuditEntry.record_id == str(record_id))
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    if last is None:
        raise ConcurrentChangeError(what)
    name = session.scalar(select(User.full_name).where(User.username == last.actor))
    raise ConcurrentChangeError(what, f"{name} ({last.actor})" if name else last.actor, last.occurred_at)
