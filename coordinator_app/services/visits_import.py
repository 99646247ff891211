"""Subjects enrolled before the app arrived: their paper history comes in, all rows or none.

For each subject the file gives the enrolment and the visits done, missed or cancelled. A screened
subject is enrolled on the way (the paper history was signed on paper: an `eligible` verdict is
needed, not an electronic sign-off), the visits are recorded in plan order, and the schedule is
computed again from the actual anchor dates. Every problem is reported by line before anything is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator_app.domain.access import Permission
from coordinator_app.domain.eligibility import Verdict
from coordinator_app.domain.errors import ValidationError
from coordinator_app.domain.protocol import VisitPlan
from coordinator_app.domain.schedule import VisitRecord, VisitStatus, build_schedule, record_visit
from coordinator_app.domain.subjects import SubjectStatus
from coordinator_app.services.csv_import import CsvImportError, ImportProblem, read_rows, read_text
from coordinator_app.services.database import Database
from coordinator_app.services.schedule import first_anchor
from coordinator_app.services.screening import ScreeningService, SubjectDetail
from coordinator_app.services.trials import TrialService
from coordinator_app.storage import models

COLUMNS = ("screening_no", "subject_no", "enrolment_date", "visit_code", "actual_date", "status")
STATUSES = {"done": VisitStatus.DONE, "missed": VisitStatus.MISSED, "cancelled": VisitStatus.CANCELLED}


@dataclass
class _SubjectHistory:
    subject_id: int
    screening_no: str
    subject_no: str
    enrolment_date: dt.date
    first_line: int
    needs_enrolment: bool
    visits: dict[str, tuple[int, VisitStatus, dt.date | None]] = field(default_factory=dict)  # code -> line, ...
    records: dict[str, VisitRecord] = field(default_factory=dict)
    dose1: dt.date | None = None


class VisitsImportService:
    def __init__(self, database: Database, trials: TrialService, screening: ScreeningService) -> None:
        self._db = database
        self._trials = trials
        self._screening = screening

    def import_file(self, path: Path, trial_id: int, actor: str, *, today: dt.date | None = None) -> int:
        """Import every row or none; returns the number of visits recorded."""
        return self.import_text(read_text(path), trial_id, actor, source=str(path), today=today)

    def import_text(
        self, text: str, trial_id: int, actor: str, *, source: str = "<text>", today: dt.date | None = None
    ) -> int:
        day = today or dt.date.today()
        protocol = self._trials.protocol(trial_id)
        if protocol.visit_plan is None:
            raise ValidationError("visit plan", protocol.nct_id, "this protocol has no visit plan")
        plan = protocol.visit_plan
        codes = {v.code for v in plan.visits}
        subjects = {s.screening_number: s for s in self._screening.details(trial_id)}
        problems: list[ImportProblem] = []
        histories: dict[str, _SubjectHistory] = {}
        with self._db.read() as session:
            already = {
                (subject_id, code)
                for subject_id, code, status in session.execute(
                    select(models.Visit.subject_id, models.Visit.code, models.Visit.status)
                )
                if status != VisitStatus.SCHEDULED
            }
            used_numbers: dict[str, int] = {
                number: subject_id
                for subject_id, number in session.execute(
                    select(models.Subject.id, models.Subject.subject_number).where(
                        models.Subject.trial_id == trial_id, models.Subject.subject_number.is_not(None)
                    )
                )
                if number
            }

        for line, cells in read_rows(text, set(COLUMNS), COLUMNS, problems):

            def problem(column: str, value: str, text: str, line: int = line) -> None:
                problems.append(ImportProblem(line, column, value, text))

            screening_no = cells["screening_no"]
            subject = subjects.get(screening_no)
            if subject is None:
                problem("screening_no", screening_no, "is not a screened subject of this trial")
                continue
            enrolled = _date(cells["enrolment_date"], "enrolment_date", problem)
            if enrolled is None:
                continue
            history = histories.get(screening_no)
            if history is None:
                history = _SubjectHistory(
                    subject.id,
                    screening_no,
                    cells["subject_no"],
                    enrolled,
                    line,
                    subject.status is SubjectStatus.SCREENING,
                )
                histories[screening_no] = history
                if not _check_subject(history, subject, used_numbers, day, problem):
                    continue
            elif (cells["subject_no"], enrolled) != (history.subject_no, history.enrolment_date):
                problem("subject_no", cells["subject_no"], f"differs from line {history.first_line} for {screening_no}")
                continue
            code = cells["visit_code"]
            if code not in codes:
                problem("visit_code", code, f"is not a visit of the plan ({', '.join(v.code for v in plan.visits)})")
                continue
            status = STATUSES.get(cells["status"].lower())
            if status is None:
                problem("status", cells["status"], "must be done, missed or cancelled")
                continue
            actual = _date(cells["actual_date"], "actual_date", problem) if cells["actual_date"] else None
            if status is VisitStatus.DONE and actual is None:
                problem("actual_date", "", "is required for a visit done")
                continue
            if actual is not None and actual < enrolled and code != "SCR":
                problem("actual_date", actual.isoformat(), f"is before the enrolment date {enrolled}")
                continue
            if code in history.visits or (subject.id, code) in already:
                earlier = history.visits.get(code, (0, status, None))[0]
                problem("visit_code", code, f"repeats line {earlier}" if earlier else "is already recorded")
                continue
            history.visits[code] = (line, status, actual)

        first = first_anchor(plan)
        for history in histories.values():
            _replay(history, plan, first, day, problems)
        if problems:
            raise CsvImportError(source, sorted(problems, key=lambda p: p.line))

        recorded = 0
        with self._db.write(actor, permission=Permission.IMPORT) as session:
            for history in histories.values():
                subject_row = session.get(models.Subject, history.subject_id)
                assert subject_row is not None
                if history.needs_enrolment:
                    subject_row.status = SubjectStatus.ENROLLED
                    subject_row.subject_number = history.subject_no
                    subject_row.enrolled_on = history.enrolment_date
                    subject_row.status_date = history.enrolment_date
                if history.dose1 is not None:
                    _write_visits(session, history, plan)
                recorded += len(history.visits)
        return recorded


Report = Callable[[str, str, str], None]  # column, value, problem


def _date(text: str, column: str, report: Report) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        report(column, text, "is not a date (YYYY-MM-DD)")
        return None


def _check_subject(
    history: _SubjectHistory, subject: SubjectDetail, used: dict[str, int], today: dt.date, report: Report
) -> bool:
    """Whether the subject can take a paper history: eligible if still in screening, numbers consistent."""
    if subject.status not in (SubjectStatus.SCREENING, SubjectStatus.ENROLLED):
        report("screening_no", history.screening_no, f"is {subject.status.value}: no visits can be added")
        return False
    if history.enrolment_date > today:
        report("enrolment_date", history.enrolment_date.isoformat(), "is in the future")
        return False
    if not history.needs_enrolment:
        if history.subject_no != subject.subject_number:
            report("subject_no", history.subject_no, f"the subject is enrolled as {subject.subject_number}")
            return False
        return True
    verdict = subject.assessment.verdict
    if verdict is not Verdict.ELIGIBLE:
        report("screening_no", history.screening_no, f"is {verdict.value}, not eligible: it cannot be enrolled")
        return False
    if not history.subject_no:
        report("subject_no", "", "is required to enrol the subject")
        return False
    if used.get(history.subject_no, history.subject_id) != history.subject_id:
        report("subject_no", history.subject_no, "belongs to another subject")
        return False
    return True


def _replay(
    history: _SubjectHistory, plan: VisitPlan, first: str, today: dt.date, problems: list[ImportProblem]
) -> None:
    """Record the visits in plan order with the domain's rules (dose 2 after dose 1, after the anchor...)."""
    if not history.visits:
        return
    dose1 = history.visits.get(first)
    if dose1 is None or dose1[1] is not VisitStatus.DONE or dose1[2] is None:
        line = min(line for line, _, _ in history.visits.values())
        problems.append(
            ImportProblem(line, "visit_code", first, f"{history.screening_no}: dose 1 must be recorded as done first")
        )
        return
    history.dose1 = dose1[2]
    records: dict[str, VisitRecord] = {first: VisitRecord(booked=dose1[2])}
    for definition in plan.visits:
        entry = history.visits.get(definition.code)
        if entry is None:
            continue
        line, status, actual = entry
        try:
            records = record_visit(plan, dose1[2], records, definition.code, status, actual, today)
        except ValidationError as error:
            problems.append(ImportProblem(line, "visit_code", definition.code, error.problem))
            return
    history.records = records


def _write_visits(session: Session, history: _SubjectHistory, plan: VisitPlan) -> None:
    """The whole schedule, computed from the actual anchor dates, replacing the rows still only planned."""
    assert history.dose1 is not None
    existing = {
        v.code: v for v in session.scalars(select(models.Visit).where(models.Visit.subject_id == history.subject_id))
    }
    for visit in build_schedule(plan, history.dose1, history.records):
        row = existing.get(visit.code) or models.Visit(subject_id=history.subject_id, code=visit.code)
        row.status = visit.status
        row.booked_on = visit.booked
        row.actual_on = visit.actual
        row.scheduled_on = visit.date
        row.window_start = visit.window_start
        row.window_end = visit.window_end
        row.sequence = (row.sequence or 0) + 1
        session.add(row)
