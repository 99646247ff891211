"""One row of the audit trail as staff and monitors read it: the viewer, the CSV export and the PDF show one row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Column keys of the CSV export, in order; the header uses them as they are. Every stored column is there (the
# hashes too, so a monitor can re-check the chain from the file), plus the subject's numbers for the reader.
COLUMNS = (
    "id",
    "occurred_at_utc",
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
    "screening_number",
    "subject_number",
    "previous_hash",
    "row_hash",
)


@dataclass(frozen=True)
class AuditRow:
    """One field of one record changed by one person at one instant, with the subject it concerns."""

    id: int
    occurred_at: dt.datetime  # aware, UTC
    occurred_local: str  # the writing desktop's wall clock, ISO with its UTC offset
    actor: str
    action: str  # insert, update
    table_name: str
    record_id: str
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None
    subject_id: int | None
    screening_number: str | None
    subject_number: str | None
    previous_hash: str
    row_hash: str

    @property
    def subject(self) -> str:
        """The subject as staff know them: the subject number once enrolled, the screening number before."""
        return self.subject_number or self.screening_number or ""

    @property
    def local_time(self) -> str:
        """The time as the writing desktop's clock read it, offset included: ``2026-11-25 16:53:22+08:00``."""
        return self.occurred_local.replace("T", " ")

    @property
    def utc_time(self) -> str:
        """The same instant in UTC, to the second: ``2026-11-25 08:53:22``."""
        return self.occurred_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")

    def cells(self) -> tuple[str, ...]:
        """The row as text in COLUMNS order: ISO instants, empty for no value."""
        return (
            str(self.id),
            self.occurred_at.astimezone(dt.UTC).isoformat(),
            self.occurred_local,
            self.actor,
            self.action,
            self.table_name,
            self.record_id,
            self.field or "",
            self.old_value or "",
            self.new_value or "",
            self.reason or "",
            "" if self.subject_id is None else str(self.subject_id),
            self.screening_number or "",
            self.subject_number or "",
            self.previous_hash,
            self.row_hash,
        )
