"""The generic audit trail: every flush of an :class:`Audited` model writes audit rows.

The rows are inserted on the flush's own connection, so they commit or roll back with the
change they describe. The acting user comes from ``session.info["actor"]`` and the reason for a
change, where one was given, from ``session.info["reason"]``. A flush that changes audited data
without an actor is refused, so no change is ever anonymous.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from coordinator_app.storage.models import Audited, AuditEntry
from coordinator_app.storage.types import utc_now

ACTOR_KEY = "actor"
REASON_KEY = "reason"


class MissingActorError(RuntimeError):
    """Clinical data was about to change without anybody being responsible for it."""


def audit_text(value: Any) -> str | None:
    """How a value is written in the audit log: ISO for dates, plain text otherwise."""
    if value is None:
        return None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _columns(obj: Audited) -> list[str]:
    return [attr.key for attr in inspect(obj).mapper.column_attrs]


def _record_id(obj: Audited) -> str:
    """The primary key, read from the object: new rows have their key after the flush but no identity yet."""
    key = inspect(obj).mapper.primary_key_from_instance(obj)
    return ",".join(str(part) for part in key)


def _rows(session: Session) -> Iterator[dict[str, Any]]:
    for obj in session.new:
        if isinstance(obj, Audited):
            for key in _columns(obj):
                value = getattr(obj, key)
                if value is not None and value != "":
                    yield _row(obj, "insert", key, None, audit_text(value))
    for obj in session.dirty:
        if isinstance(obj, Audited) and session.is_modified(obj, include_collections=False):
            state = inspect(obj)
            for key in _columns(obj):
                history = state.attrs[key].history
                if history.added or history.deleted:
                    old = audit_text(history.deleted[0]) if history.deleted else None
                    new = audit_text(history.added[0]) if history.added else None
                    if old != new:
                        yield _row(obj, "update", key, old, new)
    for obj in session.deleted:
        if isinstance(obj, Audited):
            yield _row(obj, "delete", None, None, None)


def _row(obj: Audited, action: str, field: str | None, old: str | None, new: str | None) -> dict[str, Any]:
    return {
        "action": action,
        "table_name": inspect(obj).mapper.local_table.name,
        "record_id": _record_id(obj),
        "field": field,
        "old_value": old,
        "new_value": new,
    }


@event.listens_for(Session, "after_flush")
def _write_audit_rows(session: Session, flush_context: UOWTransaction) -> None:
    rows = list(_rows(session))
    if not rows:
        return
    actor = session.info.get(ACTOR_KEY)
    if not actor:
        raise MissingActorError("clinical data changed without an acting user: open the session with an actor")
    now = utc_now()
    reason = session.info.get(REASON_KEY) or None
    session.connection().execute(
        insert(AuditEntry), [{"occurred_at": now, "actor": actor, "reason": reason, **row} for row in rows]
    )
