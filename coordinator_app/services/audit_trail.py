"""Reading the audit trail: the viewer's filtered pages, exports of the trail to CSV and PDF, and the chain check.

The trail grows to millions of rows, so nothing here holds it in memory: the viewer pages by id (keyset, so a page
costs the same at row 10 as at row 900 000), exports stream it in batches, and counts and filter choices use the
audit_log indexes. Every role may read it; none may change it.

A bulk import writes one audit row per record, holding all its fields (``storage.audit.insert_audited``); everything
here reads such a row as the lines of its fields, one per field as the trail shows any other insert, so the viewer,
its filters, counts and the exports show the same lines whichever way a record was written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from coordinator_app.domain.audit_trail import COLUMNS, AuditRow
from coordinator_app.domain.errors import NotFoundError, ValidationError, shown
from coordinator_app.services.database import Database
from coordinator_app.storage.audit import has_field, is_record_row, line_count, record_fields
from coordinator_app.storage.audit_chain import ChainProblem, ChainReport, verify_chain
from coordinator_app.storage.models import AuditEntry, Subject, Trial

__all__ = ["AuditFilter", "AuditRow", "AuditTrailService", "ChainProblem", "ChainReport", "SubjectChoice"]

PAGE_SIZE = 500  # rows the viewer fetches at a time
EXPORT_BATCH = 5000  # rows an export reads at a time


@dataclass(frozen=True)
class AuditFilter:
    """Which rows to show; None (or no date) means any. Dates are the viewer's local calendar days, both inclusive."""

    subject_id: int | None = None
    actor: str | None = None
    table: str | None = None
    field: str | None = None
    first_day: dt.date | None = None
    last_day: dt.date | None = None

    def __post_init__(self) -> None:
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise ValidationError("date range", f"{self.first_day} to {self.last_day}", "ends before it starts")


@dataclass(frozen=True)
class SubjectChoice:
    """A subject for the viewer's filter, named as staff know them."""

    id: int
    trial_nct_id: str
    screening_number: str
    subject_number: str | None

    @property
    def label(self) -> str:
        if self.subject_number:
            return f"{self.subject_number} ({self.screening_number})"
        return self.screening_number


_ROW_COLUMNS = (
    AuditEntry.id,
    AuditEntry.occurred_at,
    AuditEntry.occurred_local,
    AuditEntry.actor,
    AuditEntry.action,
    AuditEntry.table_name,
    AuditEntry.record_id,
    AuditEntry.field,
    AuditEntry.old_value,
    AuditEntry.new_value,
    AuditEntry.reason,
    AuditEntry.subject_id,
    Subject.screening_number,
    Subject.subject_number,
    AuditEntry.previous_hash,
    AuditEntry.row_hash,
)


def _local_midnight(day: dt.date) -> dt.datetime:
    """The start of ``day`` on this desktop's clock, as an aware instant (compared with the stored UTC times)."""
    return dt.datetime.combine(day, dt.time()).astimezone()


def _conditions(audit_filter: AuditFilter, last_id: int | None = None) -> list[ColumnElement[bool]]:
    """The filter as WHERE terms, each served by an audit_log index; ``last_id`` caps an export at its start."""
    terms: list[ColumnElement[bool]] = []
    if audit_filter.subject_id is not None:
        terms.append(AuditEntry.subject_id == audit_filter.subject_id)
    if audit_filter.actor:
        terms.append(AuditEntry.actor == audit_filter.actor)
    if audit_filter.table:
        terms.append(AuditEntry.table_name == audit_filter.table)
    if audit_filter.field:
        terms.append(has_field(audit_filter.field))
    if audit_filter.first_day:
        terms.append(AuditEntry.occurred_at >= _local_midnight(audit_filter.first_day))
    if audit_filter.last_day:
        terms.append(AuditEntry.occurred_at < _local_midnight(audit_filter.last_day + dt.timedelta(days=1)))
    if last_id is not None:
        terms.append(AuditEntry.id <= last_id)
    return terms


def _page_query(
    audit_filter: AuditFilter, after_id: int | None, limit: int, newest_first: bool, last_id: int | None
) -> Select[*tuple[Any, ...]]:
    """The rows of one page, with their subject's numbers.

    The page's ids are chosen first and their rows read after: sorting ids an index already holds is cheap, sorting
    whole rows is not (a table filter, whose index is ordered by record rather than id, took 180 ms a page at 1M rows
    that way, and 10 ms this way).
    """
    order = AuditEntry.id.desc() if newest_first else AuditEntry.id
    ids = select(AuditEntry.id).where(*_conditions(audit_filter, last_id))
    if after_id is not None:
        ids = ids.where(AuditEntry.id < after_id if newest_first else AuditEntry.id > after_id)
    return (
        select(*_ROW_COLUMNS)
        .outerjoin(Subject, Subject.id == AuditEntry.subject_id)
        .where(AuditEntry.id.in_(ids.order_by(order).limit(limit)))
        .order_by(order)
    )


def _lines(row: Sequence[Any], field: str | None) -> list[AuditRow]:
    """A stored row as the trail's lines: the row itself, or one line per field of a record row (only the line of
    ``field`` when the filter names one)."""
    line = AuditRow(*row)
    if line.new_value is None or not is_record_row(line.action, line.field):
        return [line]
    return [
        replace(line, field=name, new_value=value)
        for name, value in record_fields(line.new_value).items()
        if field in (None, name)
    ]


def _distinct(session: Session, column: Any) -> list[str]:
    """The distinct values of an indexed column, one index seek each: a skip scan, never a scan of the trail."""
    values: list[str] = []
    value = session.scalar(select(func.min(column)))
    while value is not None:
        values.append(value)
        value = session.scalar(select(func.min(column)).where(column > value))
    return values


class AuditTrailService:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- the viewer ------------------------------------------------------------------------------------------

    def page(
        self,
        audit_filter: AuditFilter | None = None,
        after_id: int | None = None,
        limit: int = PAGE_SIZE,
        *,
        newest_first: bool = False,
    ) -> list[AuditRow]:
        """The lines of up to ``limit`` stored rows after the row ``after_id`` (the last of the previous page; None for
        the first page), oldest first or, with ``newest_first``, newest first. A record row gives a line per field,
        all with its id: a page has fewer than ``limit`` distinct ids only when it is the last."""
        audit_filter = audit_filter or AuditFilter()
        query = _page_query(audit_filter, after_id, limit, newest_first, None)
        with self._db.read() as session:
            return [line for row in session.execute(query) for line in _lines(row, audit_filter.field)]

    def count(self, audit_filter: AuditFilter | None = None, last_id: int | None = None) -> int:
        """How many lines match (up to the row ``last_id`` when given): a record row counts its fields, or one when
        the filter names a field."""
        audit_filter = audit_filter or AuditFilter()
        lines = func.count() if audit_filter.field else func.sum(line_count())
        query = select(lines).select_from(AuditEntry).where(*_conditions(audit_filter, last_id))
        with self._db.read() as session:
            return int(session.scalar(query) or 0)

    def actors(self) -> list[str]:
        """Everybody who appears in the trail (staff, and "system" for the app itself), alphabetically."""
        with self._db.read() as session:
            return _distinct(session, AuditEntry.actor)

    def tables(self) -> list[str]:
        """The tables the trail has rows for, alphabetically."""
        with self._db.read() as session:
            return _distinct(session, AuditEntry.table_name)

    def subjects(self) -> list[SubjectChoice]:
        """Every subject of every trial, by trial and screening number."""
        query = (
            select(Subject.id, Trial.nct_id, Subject.screening_number, Subject.subject_number)
            .join(Trial, Trial.id == Subject.trial_id)
            .order_by(Trial.nct_id, Subject.screening_number)
        )
        with self._db.read() as session:
            return [SubjectChoice(*row) for row in session.execute(query)]

    def find_subject(self, number: str, trial_nct_id: str | None = None) -> int:
        """The id of the subject with this subject or screening number (in ``trial_nct_id`` when given)."""
        query = (
            select(Subject.id, Trial.nct_id)
            .join(Trial, Trial.id == Subject.trial_id)
            .where(or_(Subject.subject_number == number, Subject.screening_number == number))
        )
        if trial_nct_id:
            query = query.where(Trial.nct_id == trial_nct_id)
        with self._db.read() as session:
            found = session.execute(query).all()
        if not found:
            raise NotFoundError(
                f"no subject numbered {shown(number)}" + (f" in {trial_nct_id}" if trial_nct_id else "")
            )
        if len(found) > 1:
            trials = ", ".join(sorted(nct_id for _id, nct_id in found))
            raise ValidationError("subject", number, f"is a subject of several trials ({trials}): name the trial")
        return int(found[0].id)

    def verify(self) -> ChainReport:
        """Recompute the whole hash chain; the report names the first row that is not what the app wrote."""
        with self._db.read() as session:
            return verify_chain(session.connection())

    # -- exports ---------------------------------------------------------------------------------------------

    def rows(self, audit_filter: AuditFilter | None = None, last_id: int | None = None) -> Iterator[AuditRow]:
        """Every matching line up to the row ``last_id``, oldest first, read ``EXPORT_BATCH`` stored rows at a
        time."""
        audit_filter = audit_filter or AuditFilter()
        after: int | None = None
        while True:
            with self._db.read() as session:
                query = _page_query(audit_filter, after, EXPORT_BATCH, False, last_id)
                batch = session.execute(query).all()
            for row in batch:
                yield from _lines(row, audit_filter.field)
            if len(batch) < EXPORT_BATCH:
                return
            after = batch[-1].id

    def last_id(self) -> int:
        """The newest row's id (0 for an empty trail): an export stops there, so rows written while it runs do not
        change what its count and chain check describe."""
        with self._db.read() as session:
            return int(session.scalar(select(func.max(AuditEntry.id))) or 0)

    def export_csv(self, output: Path | BinaryIO, audit_filter: AuditFilter | None = None) -> int:
        """Write the matching rows (all of them without a filter) as UTF-8 CSV with a BOM, so Excel on a Chinese
        Windows reads it as UTF-8; a header row, then one line per audit row. Returns the number of rows."""
        if isinstance(output, Path):
            with output.open("wb") as file:
                return self.export_csv(file, audit_filter)
        text = io.TextIOWrapper(output, encoding="utf-8-sig", newline="")
        try:
            writer = csv.writer(text)
            writer.writerow(COLUMNS)
            count = 0
            for row in self.rows(audit_filter, self.last_id()):
                writer.writerow(row.cells())
                count += 1
            text.flush()
        finally:
            text.detach()  # the caller's stream stays open
        return count

    def export_pdf(
        self,
        output: Path | BinaryIO,
        audit_filter: AuditFilter | None = None,
        *,
        generated_by: str,
        generated_at: dt.datetime | None = None,
    ) -> int:
        """Write the matching rows as a landscape PDF whose first page says whether the hash chain is intact.
        Returns the number of rows."""
        from coordinator_app.documents.audit_trail import build_audit_trail_pdf  # reportlab loads on demand

        audit_filter = audit_filter or AuditFilter()
        last_id = self.last_id()
        report = self.verify()  # after last_id: every row printed has been checked
        count = self.count(audit_filter, last_id)
        with self._db.read() as session:
            trials = list(session.scalars(select(Trial.nct_id).order_by(Trial.nct_id)))
        build_audit_trail_pdf(
            self.rows(audit_filter, last_id),
            row_count=count,
            scope=self._scope(audit_filter),
            chain_rows_checked=report.rows_checked,
            chain_break=(report.problem.row_id, report.problem.problem) if report.problem else None,
            trial_ids=", ".join(trials),
            generated_by=generated_by,
            generated_at=generated_at or dt.datetime.now().astimezone(),
            output=output,
        )
        return count

    def _scope(self, audit_filter: AuditFilter) -> dict[str, str]:
        """The filter as the PDF states it: subject by number, dates in ISO."""
        scope: dict[str, str] = {}
        if audit_filter.subject_id is not None:
            with self._db.read() as session:
                subject = session.get(Subject, audit_filter.subject_id)
            scope["subject"] = (
                (subject.subject_number or subject.screening_number) if subject else f"#{audit_filter.subject_id}"
            )
        if audit_filter.actor:
            scope["user"] = audit_filter.actor
        if audit_filter.table:
            scope["table"] = audit_filter.table
        if audit_filter.field:
            scope["field"] = audit_filter.field
        if audit_filter.first_day:
            scope["from"] = audit_filter.first_day.isoformat()
        if audit_filter.last_day:
            scope["to"] = audit_filter.last_day.isoformat()
        return scope
