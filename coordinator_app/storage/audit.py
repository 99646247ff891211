"""The generic audit trail: every flush of an :class:`Audited` model writes audit rows.

The rows are inserted on the flush's own connection, so they commit or roll back with the
change they describe, and are chained by hash to the rows before them (``audit_chain.py``). The
acting user comes from ``session.info["actor"]`` and the reason for a change, where one was given,
from ``session.info["reason"]``. A flush that changes audited data without an actor is refused, so
no change is ever anonymous; a flush that deletes an audited record is refused, so clinical records
are never hard-deleted (they are retired, withdrawn or superseded instead).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, event, insert, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from coordinator_app.storage.audit_chain import chain_head, link
from coordinator_app.storage.models import AdverseEvent, Audited, AuditEntry, SaeReport, Subject
from coordinator_app.storage.types import utc_now

ACTOR_KEY = "actor"
REASON_KEY = "reason"


REDACTED = "(changed)"


class MissingActorError(RuntimeError):
    """Clinical data was about to change without anybody being responsible for it."""


class HardDeleteError(RuntimeError):
    """Code tried to delete an audited record; records are retired or superseded, never removed."""


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
    """The fields the trail records: all but bookkeeping (the optimistic-concurrency version, and what a model
    lists in ``__audit_ignored__``)."""
    ignored: frozenset[str] = getattr(obj, "__audit_ignored__", frozenset())
    return [attr.key for attr in inspect(obj).mapper.column_attrs if attr.key not in ignored and attr.key != "version"]


def _shown(obj: Audited, key: str, value: Any) -> str | None:
    """The value as written in the trail; secrets (password hashes) only as the fact that they changed."""
    if value is not None and key in getattr(obj, "__audit_redacted__", frozenset()):
        return REDACTED
    return audit_text(value)


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
                    yield _row(obj, "insert", key, None, _shown(obj, key, value))
    for obj in session.dirty:
        if isinstance(obj, Audited) and session.is_modified(obj, include_collections=False):
            state = inspect(obj)
            for key in _columns(obj):
                history = state.attrs[key].history
                if history.added or history.deleted:
                    old = _shown(obj, key, history.deleted[0]) if history.deleted else None
                    new = _shown(obj, key, history.added[0]) if history.added else None
                    if old != new or old == REDACTED:
                        yield _row(obj, "update", key, old, new)


def _row(obj: Audited, action: str, field: str | None, old: str | None, new: str | None) -> dict[str, Any]:
    return {
        "action": action,
        "table_name": inspect(obj).mapper.local_table.name,
        "record_id": _record_id(obj),
        "field": field,
        "old_value": old,
        "new_value": new,
        "subject_id": _subject_id(obj),
    }


def _subject_id(obj: Audited) -> int | None:
    """The subject a record belongs to (filled in later for SAE reports, which know only their event)."""
    if isinstance(obj, Subject):
        return obj.id
    subject_id = getattr(obj, "subject_id", None)
    return subject_id if isinstance(subject_id, int) else None


def _fill_sae_subjects(connection: Connection, rows: list[dict[str, Any]]) -> None:
    event_ids = {int(row["record_id"]) for row in rows if row["table_name"] == SaeReport.__tablename__}
    if not event_ids:
        return
    reports = connection.execute(
        select(SaeReport.id, AdverseEvent.subject_id)
        .join(AdverseEvent, AdverseEvent.id == SaeReport.adverse_event_id)
        .where(SaeReport.id.in_(event_ids))
    ).all()
    subjects = {str(report_id): subject_id for report_id, subject_id in reports}
    for row in rows:
        if row["table_name"] == SaeReport.__tablename__:
            row["subject_id"] = subjects.get(row["record_id"])


@event.listens_for(Session, "before_flush")
def _refuse_hard_deletes(session: Session, flush_context: UOWTransaction, instances: object) -> None:
    for obj in session.deleted:
        if isinstance(obj, Audited):
            raise HardDeleteError(
                f"{type(obj).__name__} records are never deleted: retire, withdraw or supersede them instead"
            )


@event.listens_for(Session, "after_flush")
def _write_audit_rows(session: Session, flush_context: UOWTransaction) -> None:
    rows = list(_rows(session))
    if not rows:
        return
    actor = session.info.get(ACTOR_KEY)
    if not actor:
        raise MissingActorError("clinical data changed without an acting user: open the session with an actor")
    now = utc_now()
    local = now.astimezone().isoformat(timespec="seconds")
    reason = session.info.get(REASON_KEY) or None
    connection = session.connection()
    _fill_sae_subjects(connection, rows)
    stamped = [{"occurred_at": now, "occurred_local": local, "actor": actor, "reason": reason, **row} for row in rows]
    connection.execute(insert(AuditEntry), link(stamped, chain_head(connection)))
