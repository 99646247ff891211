"""The audit trail's hash chain: how a row is hashed, and the check that finds the first tampered row.

Each row stores the hash of the row before it (``previous_hash``) and ``row_hash`` = SHA-256 over that
previous hash and the row's own content. Editing a row outside the app breaks its own hash; removing a
row breaks the link of the row after it; removing the newest rows leaves SQLite's AUTOINCREMENT counter
above the last id. The triggers of migration 0008 already refuse UPDATE and DELETE; the chain is for
whoever drops the triggers or edits the file with other tools.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, select, text

from coordinator_app.storage.models import AuditEntry

GENESIS_HASH = "0" * 64
HASHED_FIELDS = (
    "id",
    "occurred_at",
    "occurred_local",
    "actor",
    "action",
    "table_name",
    "record_id",
    "field",
    "old_value",
    "new_value",
    "reason",
    "subject_id",
)


# One encoder for every row: json.dumps with options builds a new one per call, a third of a bulk import's hashing.
_CANONICAL_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_HASHED = itemgetter(*HASHED_FIELDS)  # a row's hashed values in one C call: hashing runs over millions of rows
_OCCURRED_AT = HASHED_FIELDS.index("occurred_at")  # the one value that is not JSON as it is


@lru_cache(maxsize=16)
def _instant(value: dt.datetime) -> str:
    """An instant as hashed; cached, as a unit of work stamps all its rows with the same moment."""
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


def row_hash(previous_hash: str, row: Mapping[Any, Any]) -> str:
    """SHA-256 of the previous row's hash and this row's content, written as canonical JSON."""
    values = list(_HASHED(row))
    values[_OCCURRED_AT] = _instant(values[_OCCURRED_AT])
    content = _CANONICAL_JSON.encode(values)
    return hashlib.sha256(f"{previous_hash}\n{content}".encode()).hexdigest()


def chain_head(connection: Connection) -> tuple[int, str]:
    """The newest row's id and hash (0 and the genesis hash for an empty trail).

    On PostgreSQL a transaction-scoped advisory lock serialises the writers that extend the chain; SQLite
    serialises writers by itself, and this runs after the flush has already taken the write lock.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(727001)"))
    head = connection.execute(
        select(AuditEntry.id, AuditEntry.row_hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    if head is None:
        return 0, GENESIS_HASH
    return int(head.id), str(head.row_hash)


def link(rows: Iterable[dict[str, Any]], head: tuple[int, str]) -> list[dict[str, Any]]:
    """Give ``rows`` consecutive ids after ``head`` and chain their hashes (set in each row, which is not copied:
    an import links hundreds of thousands)."""
    last_id, previous = head
    linked = []
    for row in rows:
        last_id += 1
        row["id"] = last_id
        row["previous_hash"] = previous
        row["row_hash"] = previous = row_hash(previous, row)
        linked.append(row)
    return linked


@dataclass(frozen=True)
class ChainProblem:
    """The first row at which the trail stops being what the app wrote."""

    row_id: int
    problem: str

    def __str__(self) -> str:
        return f"audit row {self.row_id}: {self.problem}"


@dataclass(frozen=True)
class ChainReport:
    rows_checked: int
    problem: ChainProblem | None

    @property
    def intact(self) -> bool:
        return self.problem is None


def verify_chain(connection: Connection, batch: int = 5000) -> ChainReport:
    """Walk the whole trail in id order, recomputing every hash; stop at the first broken row."""
    previous = GENESIS_HASH
    previous_id = 0
    checked = 0
    columns = [getattr(AuditEntry, name) for name in (*HASHED_FIELDS, "previous_hash", "row_hash")]
    while True:
        rows = connection.execute(
            select(*columns).where(AuditEntry.id > previous_id).order_by(AuditEntry.id).limit(batch)
        ).all()
        if not rows:
            break
        for row in rows:
            values = row._mapping
            if values["previous_hash"] != previous:
                what = "the row before it" if previous_id else "the first rows"
                return ChainReport(
                    checked,
                    ChainProblem(row.id, f"does not follow audit row {previous_id}: {what} was removed or altered"),
                )
            if row_hash(previous, values) != values["row_hash"]:
                return ChainReport(checked, ChainProblem(row.id, "its content was changed after it was written"))
            previous, previous_id = values["row_hash"], row.id
            checked += 1
    highest = _highest_id_issued(connection)
    if highest is not None and highest > previous_id:
        return ChainReport(
            checked, ChainProblem(previous_id + 1, f"rows {previous_id + 1} to {highest} were removed from the end")
        )
    return ChainReport(checked, None)


def _highest_id_issued(connection: Connection) -> int | None:
    """SQLite's AUTOINCREMENT counter: ids are never reused, so a counter above the last row means lost rows."""
    if connection.dialect.name != "sqlite":
        return None
    value = connection.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")).scalar()
    return int(value) if value is not None else None
