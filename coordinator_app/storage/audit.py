"""The generic audit trail: every flush of an :class:`Audited` model writes audit rows.

The rows are inserted on the flush's own connection, so they commit or roll back with the
change they describe, and are chained by hash to the rows before them (``audit_chain.py``). The
acting user comes from ``session.info["actor"]`` and the reason for a change, where one was given,
from ``session.info["reason"]``. A flush that changes audited data without an actor is refused, so
no change is ever anonymous; a flush that deletes an audited record is refused, so clinical records
are never hard-deleted (they are retired, withdrawn or superseded instead).

Bulk imports insert hundreds of thousands of records with Core, which no flush sees: :func:`insert_audited` inserts
them and writes ONE audit row per record (a flush writes one per field, which made an import write millions): action
``insert``, ``field`` NULL, and ``new_value`` the record's non-empty fields as a JSON object (:func:`record_json`),
shown as a flush would show them, with the same actor, reason, time and subject, chained like every row. Whatever
reads the trail shows such a row as the lines of its fields (:func:`record_fields`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import ColumnElement, Connection, String, Table, and_, case, event, func, insert, inspect, or_, select
from sqlalchemy.orm import QueryableAttribute, Session, UOWTransaction

from coordinator_app.storage.audit_chain import chain_head, link
from coordinator_app.storage.models import AdverseEvent, Audited, AuditEntry, SaeReport, Subject
from coordinator_app.storage.types import utc_now

ACTOR_KEY = "actor"
REASON_KEY = "reason"
BULK_BATCH = 2000  # records per insert_audited round trip: the audit rows of one batch are all it holds


REDACTED = "(changed)"


class MissingActorError(RuntimeError):
    """Clinical data was about to change without anybody being responsible for it."""


class HardDeleteError(RuntimeError):
    """Code tried to delete an audited record; records are retired or superseded, never removed."""


def audit_text(value: Any) -> str | None:
    """How a value is written in the audit log: ISO for dates, plain text otherwise."""
    if value is None or type(value) is str:  # most values, first: imports show millions
        return value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _columns(model: type[Audited]) -> tuple[str, ...]:
    """The fields the trail records: all but bookkeeping (the optimistic-concurrency version, and what a model
    lists in ``__audit_ignored__``)."""
    ignored: frozenset[str] = getattr(model, "__audit_ignored__", frozenset())
    return tuple(attr.key for attr in inspect(model).column_attrs if attr.key not in ignored and attr.key != "version")


def _redacted(model: type[Audited]) -> frozenset[str]:
    """The fields whose values are secrets (password hashes): the trail shows only that they changed."""
    redacted: frozenset[str] = getattr(model, "__audit_redacted__", frozenset())
    return redacted


def _shown(redacted: frozenset[str], key: str, value: Any) -> str | None:
    """The value as written in the trail, unless ``key`` is one of the ``redacted`` fields."""
    if value is not None and key in redacted:
        return REDACTED
    return audit_text(value)


def _record_id(obj: Audited) -> str:
    """The primary key, read from the object: new rows have their key after the flush but no identity yet."""
    key = inspect(obj).mapper.primary_key_from_instance(obj)
    return ",".join(str(part) for part in key)


def _rows(session: Session) -> Iterator[dict[str, Any]]:
    for obj in session.new:
        if isinstance(obj, Audited):
            model = type(obj)
            redacted = _redacted(model)
            for key in _columns(model):
                value = getattr(obj, key)
                if value is not None and value != "":
                    yield _row(obj, "insert", key, None, _shown(redacted, key, value))
    for obj in session.dirty:
        if isinstance(obj, Audited) and session.is_modified(obj, include_collections=False):
            model = type(obj)
            redacted = _redacted(model)
            state = inspect(obj)
            for key in _columns(model):
                history = state.attrs[key].history
                if history.added or history.deleted:
                    old = _shown(redacted, key, history.deleted[0]) if history.deleted else None
                    new = _shown(redacted, key, history.added[0]) if history.added else None
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
        "subject_id": _subject_id(type(obj), getattr(obj, "id", None), getattr(obj, "subject_id", None)),
    }


def _subject_id(model: type[Audited], record_id: Any, subject_id: Any) -> int | None:
    """The subject a record belongs to: the record itself for a subject, else its ``subject_id`` (filled in
    later for SAE reports, which know only their event)."""
    value = record_id if issubclass(model, Subject) else subject_id
    return value if isinstance(value, int) else None


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
    if rows:
        _append(session.connection(), _stamp(session), rows)


def _stamp(session: Session) -> dict[str, Any]:
    """Who writes the audit rows of ``session`` now, when, and why; an anonymous change is refused."""
    actor = session.info.get(ACTOR_KEY)
    if not actor:
        raise MissingActorError("clinical data changed without an acting user: open the session with an actor")
    now = utc_now()
    return {
        "occurred_at": now,
        "occurred_local": now.astimezone().isoformat(timespec="seconds"),
        "actor": actor,
        "reason": session.info.get(REASON_KEY) or None,
    }


def _append(connection: Connection, stamp: Mapping[str, Any], rows: list[dict[str, Any]]) -> None:
    """Add ``rows``, written now as ``stamp`` says, to the trail, chained after its newest row (read again each
    time: flushes and bulk inserts may take turns in one transaction).

    The rows go to the driver's executemany as they are, the stamp's time converted once: SQLAlchemy's
    executemany would convert every parameter of every row in Python, which costs more than SQLite's insert
    when an import writes millions of rows."""
    _fill_sae_subjects(connection, rows)
    linked = link(({**stamp, **row} for row in rows), chain_head(connection))
    dialect = connection.dialect
    converters = {c.key: f for c in AuditEntry.__table__.c if (f := c.type.bind_processor(dialect)) is not None}
    assert converters.keys() <= stamp.keys(), "a value other than the stamp's needs converting"
    converted = {name: convert(stamp[name]) for name, convert in converters.items()}
    for row in linked:
        row.update(converted)
    compiled = insert(AuditEntry).compile(dialect=dialect)
    if compiled.positiontup is not None:  # the driver takes a tuple per row, in the statement's order
        parameters: list[Any] = list(map(itemgetter(*compiled.positiontup), linked))
    else:
        parameters = linked
    connection.exec_driver_sql(compiled.string, parameters)


# -- bulk inserts ---------------------------------------------------------------------------------------------------


# Compact and not ASCII-escaped: a record row's new_value is what the lines of its fields, in order, rebuild.
_RECORD_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def record_json(fields: Mapping[str, str]) -> str:
    """The ``new_value`` of a record row: the record's fields (name to value as the trail shows it), in column
    order, as a JSON object."""
    return _RECORD_JSON.encode(fields)


def is_record_row(action: str, field: str | None) -> bool:
    """Whether an audit row holds a whole inserted record (a bulk import's) rather than one field."""
    return action == "insert" and field is None


def record_fields(new_value: str) -> dict[str, str]:
    """The fields a record row holds, in the order they were written: each is one line of the trail."""
    fields: dict[str, str] = json.loads(new_value)
    return fields


def line_count() -> ColumnElement[int]:
    """SQL: how many lines of the trail a row reads as, its fields for a record row and 1 otherwise.

    The fields are counted without parsing the JSON (the same SQL on SQLite and PostgreSQL): every value is a
    string and every quote inside a string is escaped, so ``","`` occurs exactly between two fields."""
    separators = (func.length(AuditEntry.new_value) - func.length(func.replace(AuditEntry.new_value, '","', ""))) / 3
    return case((_record_row_clause(), separators + 1), else_=1)


def has_field(name: str) -> ColumnElement[bool]:
    """SQL: the rows that read as a line of the field ``name``: its own rows, and record rows that hold it
    (a key in the JSON follows ``{`` or ``,`` and ends in ``":``, which no escaped string value contains)."""
    key = _RECORD_JSON.encode(name) + ":"
    in_record = or_(
        AuditEntry.new_value.startswith("{" + key, autoescape=True),
        AuditEntry.new_value.contains("," + key, autoescape=True),
    )
    return or_(AuditEntry.field == name, and_(_record_row_clause(), in_record))


def _record_row_clause() -> ColumnElement[bool]:
    return and_(AuditEntry.action == "insert", AuditEntry.field.is_(None))


def insert_audited(
    session: Session, model: type[Audited], records: Sequence[Mapping[str, Any]], key: Sequence[str]
) -> list[int]:
    """Insert ``records`` of ``model`` with Core and write one audit row per record (see the module's docstring),
    chained, batch by batch so that memory stays bounded; returns the new ids in the order of ``records``, which
    all give the same columns.

    Nothing here goes through the ORM, so nothing the unit of work checks at a flush is checked: the caller has
    validated the records (text that fits its columns included). ``key`` names columns whose values tell the
    records apart: they come back with each new id, which matches ids to records whatever order the database
    returns them in (SQLite promises none, and SQLAlchemy's order-keeping mode runs a statement per row there).
    """
    if not records:
        return []
    mapper = inspect(model)
    table = mapper.local_table
    assert isinstance(table, Table)
    (primary_key,) = mapper.primary_key
    # The id and the columns the database fills in (defaults), whose values the audit rows show too.
    generated = [primary_key.key, *(c.key for c in table.columns if c.default is not None and c.key not in records[0])]
    statement = insert(table).returning(*(table.c[name] for name in (*key, *generated)))
    table_name = str(table.name)  # not SQLAlchemy's quoted_name, which the driver binds slowly
    columns = _columns(model)
    redacted = _redacted(model)
    ids: list[int] = []
    for start in range(0, len(records), BULK_BATCH):
        batch = records[start : start + BULK_BATCH]
        stamp = _stamp(session)  # refuses an anonymous change before anything is inserted
        filled = {
            tuple(row[: len(key)]): dict(zip(generated, row[len(key) :], strict=True))
            for row in session.connection().execute(statement, batch)  # Core: the ORM adds nothing to a table insert
        }
        assert len(filled) == len(batch), f"records of {table_name} that {key} does not tell apart"
        rows = []
        for record in batch:
            values = {**record, **filled[tuple(record[name] for name in key)]}
            record_id = values[primary_key.key]
            ids.append(record_id)
            fields = _record_fields(values, columns, redacted)
            rows.append(
                {
                    "action": "insert",
                    "table_name": table_name,
                    "record_id": str(record_id),
                    "field": None,
                    "old_value": None,
                    "new_value": record_json(fields),
                    "subject_id": _subject_id(model, record_id, values.get("subject_id")),
                }
            )
        _append(session.connection(), stamp, rows)
    return ids


def _record_fields(values: Mapping[str, Any], columns: Sequence[str], redacted: frozenset[str]) -> dict[str, str]:
    """A record's non-empty fields as the trail shows them; most are text already, kept as they are without a call
    per field (an import shows millions)."""
    fields = {}
    for name in columns:
        value = values.get(name)
        if type(value) is str and value and name not in redacted:
            fields[name] = value
        elif shown := _shown(redacted, name, value):
            fields[name] = shown
    return fields


def text_room(attribute: QueryableAttribute[Any]) -> int:
    """How many characters the text column behind ``attribute`` holds: what a bulk importer checks its text
    against before :func:`insert_audited`, which no flush check sees (a database server refuses longer text)."""
    column_type = attribute.type
    assert isinstance(column_type, String) and column_type.length is not None
    return column_type.length
