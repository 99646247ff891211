"""Laboratory results per visit in SI units, the clinical findings the liver scores need, and the scores.

Every lab value is stored in its SI unit beside what was entered (value and unit), with the normal range used
and its flag. Whenever an input of the liver scores changes (bilirubin, creatinine, albumin, sodium, INR, or
the clinical assessment of the same date), the LiverScore row of that subject and date is recomputed in the same
transaction, and keeps the inputs it came from as JSON. Changing a value already saved needs a reason, which
goes on the audit rows.

``labs import``: a laboratory information system export (subject, visit or date, analyte, value, unit), all rows
or none, every bad cell reported by line and column; hundreds of thousands of rows are written with Core bulk
inserts and their audit rows (``insert_audited``), and the scores of the dates they touch computed together.
``labs export``: one row per subject and sample date with every analyte in SI units and the stored scores, for
the sponsor's statistician.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator_app.domain import labs
from coordinator_app.domain.access import Permission
from coordinator_app.domain.errors import NotFoundError, ReasonRequiredError, ValidationError
from coordinator_app.domain.scores import ASCITES_GRADES, ENCEPHALOPATHY_GRADES
from coordinator_app.domain.subjects import Sex
from coordinator_app.services.csv_import import CsvImportError, ImportProblem, read_rows, read_text
from coordinator_app.services.database import Database
from coordinator_app.services.schedule import ScheduleService
from coordinator_app.services.screening import ScreeningService, SubjectDetail
from coordinator_app.services.trials import TrialService
from coordinator_app.storage import models
from coordinator_app.storage.audit import insert_audited, text_room

IMPORT_COLUMNS = ("subject", "visit", "date", "analyte", "value", "unit")
IMPORT_REQUIRED = ("subject", "analyte", "value", "unit")
SCORE_ANALYTES = ("tbil", "crea", "alb", "na", "inr")
EXPORT_COLUMNS = (
    "subject_no",
    "screening_no",
    "visit",
    "sample_date",
    *(a.code for a in labs.ANALYTES),
    "meld",
    "meld_na",
    "meld3",
    "child_pugh_score",
    "child_pugh_class",
)

_Problem = Callable[[str, str, str], None]  # reports a bad cell of the current row: column, value, why
CHUNK = 500  # subject ids per IN list, well under SQLite's and PostgreSQL's parameter limits
BATCH = 5000  # results written at a time: bounds what the write holds in memory
VALUE_ROOM = text_room(models.LabResult.value)  # entered_value has the same room
SOURCE_ROOM = text_room(models.LabResult.source)

# The name callers know this import's failure by.
LabImportError = CsvImportError


@dataclass(frozen=True)
class LabValue:
    """One stored result."""

    id: int
    subject_id: int
    sample_date: dt.date
    visit_code: str | None
    analyte: str
    value: Decimal  # SI
    unit: str  # SI
    entered_value: str
    entered_unit: str
    normal_low: Decimal | None
    normal_high: Decimal | None
    flag: str
    source: str


@dataclass(frozen=True)
class ScoreRecord:
    """The scores of one subject and date, with the inputs they were computed from."""

    subject_id: int
    sample_date: dt.date
    visit_code: str | None
    meld: int | None
    meld_na: int | None
    meld3: int | None
    child_pugh_score: int | None
    child_pugh_class: str | None
    inputs: dict[str, str | bool | None]


@dataclass(frozen=True)
class _Entry:
    """A checked lab value ready to store."""

    analyte: str
    si: Decimal
    entered_value: Decimal
    entered_unit: str
    female: bool


class _Subject(NamedTuple):
    """What the import needs of a subject its file names."""

    id: int
    female: bool


@dataclass(frozen=True)
class _Checked:
    """An import row ready to store."""

    line: int
    visit_code: str | None
    entry: _Entry


_Key = tuple[int, dt.date, str]  # subject id, sample date, analyte: one result


class LabService:
    def __init__(
        self, database: Database, trials: TrialService, screening: ScreeningService, schedules: ScheduleService
    ) -> None:
        self._db = database
        self._trials = trials
        self._screening = screening
        self._schedules = schedules

    # -- entering --------------------------------------------------------------------------------

    def record(
        self,
        subject_id: int,
        sample_date: dt.date,
        analyte: str,
        value_text: str,
        unit: str,
        actor: str,
        visit_code: str | None = None,
        reason: str = "",
        source: str = "",
    ) -> LabValue:
        """Store one result (converted to SI, range-checked, flagged); replacing a different value needs a reason."""
        subject = self._screening.detail(subject_id)
        code = labs.analyte(analyte).code
        entry = _entry(code, value_text, unit, _female(subject))
        visit = self._visit_code(subject_id, sample_date, visit_code)
        with self._db.write(actor, reason, permission=Permission.RECORD_SAFETY) as session:
            row = _store(session, subject_id, sample_date, visit, entry, source, reason_given=bool(reason.strip()))
            if code in SCORE_ANALYTES:
                _recompute(session, subject_id, sample_date)
            session.flush()
            return _lab_value(row)

    def record_assessment(
        self,
        subject_id: int,
        assessed_on: dt.date,
        ascites: str,
        encephalopathy: str,
        dialysis: bool,
        actor: str,
        visit_code: str | None = None,
        reason: str = "",
    ) -> ScoreRecord | None:
        """Store the bedside findings of a date (changing them needs a reason); returns that date's scores."""
        self._screening.detail(subject_id)  # NotFoundError for an unknown subject
        if ascites not in ASCITES_GRADES:
            raise ValidationError("ascites", ascites, f"must be one of {', '.join(ASCITES_GRADES)}")
        if encephalopathy not in ENCEPHALOPATHY_GRADES:
            raise ValidationError(
                "encephalopathy", encephalopathy, f"must be one of {', '.join(ENCEPHALOPATHY_GRADES)}"
            )
        visit = self._visit_code(subject_id, assessed_on, visit_code)
        with self._db.write(actor, reason, permission=Permission.RECORD_SAFETY) as session:
            row = session.scalar(
                select(models.ClinicalAssessment).where(
                    models.ClinicalAssessment.subject_id == subject_id,
                    models.ClinicalAssessment.assessed_on == assessed_on,
                )
            )
            if row is None:
                row = models.ClinicalAssessment(subject_id=subject_id, assessed_on=assessed_on)
                session.add(row)
            elif (row.ascites, row.encephalopathy, row.dialysis_twice_last_week) != (
                ascites,
                encephalopathy,
                dialysis,
            ) and not reason.strip():
                raise ReasonRequiredError(
                    "clinical assessment", assessed_on.isoformat(), "is already recorded: changing it needs a reason"
                )
            row.ascites = ascites
            row.encephalopathy = encephalopathy
            row.dialysis_twice_last_week = dialysis
            if visit is not None or row.visit_code is None:
                row.visit_code = visit
            session.flush()
            score = _recompute(session, subject_id, assessed_on)
            return None if score is None else _score_record(score)

    # -- reading ---------------------------------------------------------------------------------

    def results(self, subject_id: int) -> list[LabValue]:
        """Every result of the subject by sample date, then in catalogue order."""
        order = {a.code: i for i, a in enumerate(labs.ANALYTES)}
        with self._db.read() as session:
            rows = session.scalars(select(models.LabResult).where(models.LabResult.subject_id == subject_id))
            values = [_lab_value(r) for r in rows]
        return sorted(values, key=lambda v: (v.sample_date, order.get(v.analyte, len(order))))

    def scores(self, subject_id: int) -> list[ScoreRecord]:
        """The subject's liver scores by date (for the trend chart)."""
        with self._db.read() as session:
            rows = session.scalars(
                select(models.LiverScore)
                .where(models.LiverScore.subject_id == subject_id)
                .order_by(models.LiverScore.sample_date)
            )
            return [_score_record(r) for r in rows]

    # -- import and export ----------------------------------------------------------------------

    def import_file(self, path: Path, trial_id: int, actor: str, *, today: dt.date | None = None) -> int:
        """Import every row of a LIS export or none; returns the number of results written."""
        return self.import_text(read_text(path), trial_id, actor, source=str(path), today=today)

    def import_text(
        self, text: str, trial_id: int, actor: str, *, source: str = "<text>", today: dt.date | None = None
    ) -> int:
        today = today or dt.date.today()
        problems: list[ImportProblem] = []
        with self._db.read() as session:
            subjects = _subjects_by_number(session, trial_id)
        schedules: dict[int, dict[str, dt.date]] = {}
        planned: tuple[str, ...] | None = None
        pending: dict[_Key, _Checked] = {}
        last_line = 0
        for line, cells in read_rows(text, set(IMPORT_COLUMNS), IMPORT_REQUIRED, problems):
            before = len(problems)
            last_line = line

            def problem(column: str, value: str, why: str, line: int = line) -> None:
                problems.append(ImportProblem(line, column, value, why))

            number = cells["subject"]
            subject = subjects.get(number)
            if not number:
                problem("subject", "", "is empty")
            elif subject is None:
                problem("subject", number, "is not a screening or subject number of this trial")
            visit = cells.get("visit", "")
            date_text = cells.get("date", "")
            sample_date: dt.date | None = None
            if date_text:
                try:
                    sample_date = dt.date.fromisoformat(date_text)
                except ValueError:
                    problem("date", date_text, "is not a date (YYYY-MM-DD)")
                else:
                    if sample_date > today:
                        problem("date", date_text, "is in the future")
            if visit:
                if planned is None:
                    planned = self._schedules_plan_codes(trial_id)
                if visit not in planned:
                    problem("visit", visit, f"is not a visit of the visit plan ({', '.join(planned)})")
                elif subject is not None and not date_text:
                    if subject.id not in schedules:
                        schedules[subject.id] = self._visit_dates(subject.id)
                    sample_date = schedules[subject.id].get(visit)
                    if sample_date is None:
                        problem("visit", visit, "has no date for this subject yet (dose 1 not booked): give the date")
            elif not date_text:
                problem("date", "", "is empty: give the visit or the date")
            entry: _Entry | None = None
            analyte_text = cells["analyte"]
            try:
                code = labs.analyte(analyte_text).code
            except ValidationError as error:
                problem("analyte", analyte_text, error.problem)
            else:
                female = subject is not None and subject.female
                entry = _cell_entry(code, cells["value"], cells["unit"], female, problem)
            if len(problems) > before or subject is None or sample_date is None or entry is None:
                continue
            key = (subject.id, sample_date, entry.analyte)
            if key in pending:
                problem("analyte", analyte_text, f"repeats line {pending[key].line} (same subject and date)")
                continue
            pending[key] = _Checked(line, visit or None, entry)
        name = Path(source).name
        if len(_source_note(name, last_line)) > SOURCE_ROOM:
            problems.append(
                ImportProblem(0, "", name, f"is too long a file name to note as the source (room for {SOURCE_ROOM})")
            )
        with self._db.read() as session:
            stored = _stored_results(session, {subject_id for subject_id, _, _ in pending})
        for (subject_id, day, code), checked in pending.items():
            existing = stored.get((subject_id, day, code))
            if existing is not None and Decimal(existing[0]) != checked.entry.si:
                problems.append(
                    ImportProblem(
                        checked.line,
                        "value",
                        labs.format_value(checked.entry.entered_value),
                        f"{code} of {day.isoformat()} is already recorded as {existing[0]} {existing[1]}: "
                        "change it in the app with a reason",
                    )
                )
        if problems:
            raise LabImportError(source, sorted(problems, key=lambda p: p.line))
        with self._db.write(actor, permission=Permission.IMPORT) as session:
            stored = _stored_results(session, {subject_id for subject_id, _, _ in pending})
            new = [(key, checked) for key, checked in pending.items() if key not in stored]  # else the same value again
            for start in range(0, len(new), BATCH):
                insert_audited(
                    session,
                    models.LabResult,
                    [
                        {
                            "subject_id": subject_id,
                            "sample_date": day,
                            "analyte": code,
                            "visit_code": checked.visit_code,
                            "source": _source_note(name, checked.line),
                            **_result_fields(checked.entry),
                        }
                        for (subject_id, day, code), checked in new[start : start + BATCH]
                    ],
                    key=("subject_id", "sample_date", "analyte"),
                )
            touched = {(subject_id, day) for (subject_id, day, code), _ in new if code in SCORE_ANALYTES}
            _recompute_all(session, touched, {s.id: s.female for s in subjects.values()})
        return len(new)

    def export_rows(self, trial_id: int) -> list[dict[str, str]]:
        """One row per subject and sample date: every analyte in SI units and the stored scores."""
        with self._db.read() as session:
            subjects = list(
                session.scalars(
                    select(models.Subject)
                    .where(models.Subject.trial_id == trial_id)
                    .order_by(models.Subject.screening_number)
                )
            )
            rows: list[dict[str, str]] = []
            for subject in subjects:
                results = session.scalars(select(models.LabResult).where(models.LabResult.subject_id == subject.id))
                scores = {
                    s.sample_date: s
                    for s in session.scalars(
                        select(models.LiverScore).where(models.LiverScore.subject_id == subject.id)
                    )
                }
                by_date: dict[dt.date, dict[str, str]] = {}
                for result in results:
                    row = by_date.setdefault(result.sample_date, _blank_row(subject, result.sample_date))
                    row[result.analyte] = result.value
                    if result.visit_code and not row["visit"]:
                        row["visit"] = result.visit_code
                for day, score in scores.items():
                    row = by_date.setdefault(day, _blank_row(subject, day))
                    if score.visit_code and not row["visit"]:
                        row["visit"] = score.visit_code
                    for name in ("meld", "meld_na", "meld3", "child_pugh_score", "child_pugh_class"):
                        value = getattr(score, name)
                        row[name] = "" if value is None else str(value)
                rows.extend(by_date[day] for day in sorted(by_date))
        return rows

    def write_export_csv(self, trial_id: int, path: Path) -> int:
        """The statistician's CSV (UTF-8 with BOM, for Excel); returns the number of data rows."""
        rows = self.export_rows(trial_id)
        with path.open("w", encoding="utf-8-sig", newline="") as file:
            writer = csv.DictWriter(file, fieldnames=EXPORT_COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        return len(rows)

    # -- helpers ---------------------------------------------------------------------------------

    def _visit_dates(self, subject_id: int) -> dict[str, dt.date]:
        """Each visit's actual date when done, else its scheduled date; empty before dose 1 is booked."""
        schedule = self._schedules.schedule(subject_id)
        if schedule is None:
            return {}
        return {v.code: v.actual or v.date for v in schedule.visits}

    def _schedules_plan_codes(self, trial_id: int) -> tuple[str, ...]:
        plan = self._trials.protocol(trial_id).visit_plan
        return () if plan is None else plan.codes()

    def _visit_code(self, subject_id: int, sample_date: dt.date, visit_code: str | None) -> str | None:
        """``visit_code`` checked against the visit plan; when None, the visit held (or due) on ``sample_date``."""
        if visit_code:
            codes = self._schedules.plan_of_subject(subject_id).codes()
            if visit_code not in codes:
                raise ValidationError("visit", visit_code, f"is not a visit of the visit plan ({', '.join(codes)})")
            return visit_code
        dates = self._visit_dates(subject_id)
        return next((code for code, day in dates.items() if day == sample_date), None)


def _female(subject: SubjectDetail | None) -> bool:
    return subject is not None and subject.sex is Sex.FEMALE


def _entry(code: str, value_text: str, unit: str, female: bool) -> _Entry:
    value = labs.parse_value(value_text, labs.analyte(code).name_en)
    si = labs.check(code, value, unit)
    return _Entry(code, si, value, unit.strip(), female)


def _cell_entry(code: str, value: str, unit: str, female: bool, problem: _Problem) -> _Entry | None:
    """The checked entry of an import row, or None after reporting the bad cell(s)."""
    if not value:
        problem("value", "", "is empty")
        return None
    try:
        number = labs.parse_value(value)
    except ValidationError as error:
        problem("value", value, error.problem)
        return None
    try:
        labs.convert(code, number, unit)
    except ValidationError as error:
        problem("unit", unit, error.problem)
        return None
    try:
        entry = _entry(code, value, unit, female)
    except ValidationError as error:
        problem("value", value, f"{error.field}: {error.problem}")
        return None
    if max(len(labs.format_value(entry.si)), len(labs.format_value(entry.entered_value))) > VALUE_ROOM:
        problem("value", value, f"has too many digits to store (room for {VALUE_ROOM} characters)")
        return None
    return entry


def _subjects_by_number(session: Session, trial_id: int) -> dict[str, _Subject]:
    """The trial's subjects by subject number and by screening number (which wins where they clash)."""
    rows = session.execute(
        select(
            models.Subject.id, models.Subject.screening_number, models.Subject.subject_number, models.Subject.sex
        ).where(models.Subject.trial_id == trial_id)
    ).all()
    subjects = {row.subject_number: _Subject(row.id, row.sex == Sex.FEMALE) for row in rows if row.subject_number}
    subjects.update({row.screening_number: _Subject(row.id, row.sex == Sex.FEMALE) for row in rows})
    return subjects


def _chunks(ids: Collection[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def _stored_results(session: Session, subject_ids: Collection[int]) -> dict[_Key, tuple[str, str]]:
    """The value and unit of every result of these subjects."""
    result = models.LabResult
    return {
        (subject_id, day, code): (value, unit)
        for chunk in _chunks(subject_ids)
        for subject_id, day, code, value, unit in session.execute(
            select(result.subject_id, result.sample_date, result.analyte, result.value, result.unit).where(
                result.subject_id.in_(chunk)
            )
        )
    }


def _source_note(file_name: str, line: int) -> str:
    return f"{file_name} line {line}"


def _existing(session: Session, subject_id: int, day: dt.date, code: str) -> models.LabResult | None:
    return session.scalar(
        select(models.LabResult).where(
            models.LabResult.subject_id == subject_id,
            models.LabResult.sample_date == day,
            models.LabResult.analyte == code,
        )
    )


def _store(
    session: Session,
    subject_id: int,
    sample_date: dt.date,
    visit_code: str | None,
    entry: _Entry,
    source: str,
    *,
    reason_given: bool,
) -> models.LabResult:
    row = _existing(session, subject_id, sample_date, entry.analyte)
    if row is None:
        row = models.LabResult(subject_id=subject_id, sample_date=sample_date, analyte=entry.analyte)
        session.add(row)
    elif not reason_given and (Decimal(row.value) != entry.si or row.entered_unit != entry.entered_unit):
        raise ReasonRequiredError(
            labs.analyte(entry.analyte).name_en,
            f"{row.value} {row.unit}".strip(),
            f"is already recorded for {sample_date.isoformat()}: replacing it needs a reason",
        )
    for name, value in _result_fields(entry).items():
        setattr(row, name, value)
    row.source = source
    if visit_code is not None or row.visit_code is None:
        row.visit_code = visit_code
    session.flush()
    return row


def _result_fields(entry: _Entry) -> dict[str, Any]:
    """What a result row stores of a checked entry: SI value and unit, what was entered, normal range and flag."""
    item = labs.analyte(entry.analyte)
    low, high = item.normal_range(entry.female)
    return {
        "value": labs.format_value(entry.si),
        "unit": item.unit,
        "entered_value": labs.format_value(entry.entered_value),
        "entered_unit": entry.entered_unit,
        "normal_low": None if low is None else labs.format_value(low),
        "normal_high": None if high is None else labs.format_value(high),
        "flag": labs.flag(entry.si, low, high),
    }


def _recompute(session: Session, subject_id: int, day: dt.date) -> models.LiverScore | None:
    """Compute the scores of ``day`` from what is stored and save them when any can be computed (or a row exists)."""
    results = {
        r.analyte: (Decimal(r.value), r.visit_code)
        for r in session.scalars(
            select(models.LabResult).where(
                models.LabResult.subject_id == subject_id,
                models.LabResult.sample_date == day,
                models.LabResult.analyte.in_(SCORE_ANALYTES),
            )
        )
    }
    assessment = session.scalar(
        select(models.ClinicalAssessment).where(
            models.ClinicalAssessment.subject_id == subject_id, models.ClinicalAssessment.assessed_on == day
        )
    )
    subject = session.get(models.Subject, subject_id)
    if subject is None:
        raise NotFoundError(f"no subject with id {subject_id}")
    any_score, fields = _score_fields(results, assessment, subject.sex == Sex.FEMALE)
    row = session.scalar(
        select(models.LiverScore).where(
            models.LiverScore.subject_id == subject_id, models.LiverScore.sample_date == day
        )
    )
    if row is None:
        if not any_score:
            return None
        row = models.LiverScore(subject_id=subject_id, sample_date=day)
        session.add(row)
    if row.id is None or any(getattr(row, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(row, name, value)
        row.computed_at = dt.datetime.now(dt.UTC)
    session.flush()
    return row


def _recompute_all(session: Session, days: Collection[tuple[int, dt.date]], female: Mapping[int, bool]) -> None:
    """``_recompute`` for many subjects' dates at once (an import): what the scores need is read a chunk of
    subjects at a time and the new score rows are inserted in bulk; a date that has a score row already is
    recomputed on its own."""
    wanted = set(days)
    results: dict[tuple[int, dt.date], dict[str, tuple[Decimal, str | None]]] = defaultdict(dict)
    assessments: dict[tuple[int, dt.date], models.ClinicalAssessment] = {}
    scored: set[tuple[int, dt.date]] = set()
    lab, score = models.LabResult, models.LiverScore
    for chunk in _chunks({subject_id for subject_id, _ in wanted}):
        for subject_id, day, code, value, visit in session.execute(
            select(lab.subject_id, lab.sample_date, lab.analyte, lab.value, lab.visit_code).where(
                lab.subject_id.in_(chunk), lab.analyte.in_(SCORE_ANALYTES)
            )
        ):
            if (subject_id, day) in wanted:
                results[(subject_id, day)][code] = (Decimal(value), visit)
        for assessment in session.scalars(
            select(models.ClinicalAssessment).where(models.ClinicalAssessment.subject_id.in_(chunk))
        ):
            assessments[(assessment.subject_id, assessment.assessed_on)] = assessment
        scored.update(session.execute(select(score.subject_id, score.sample_date).where(score.subject_id.in_(chunk))))
    now = dt.datetime.now(dt.UTC)
    new = []
    for subject_id, day in sorted(wanted):
        if (subject_id, day) in scored:
            _recompute(session, subject_id, day)
            continue
        any_score, fields = _score_fields(
            results[(subject_id, day)], assessments.get((subject_id, day)), female[subject_id]
        )
        if any_score:
            new.append({"subject_id": subject_id, "sample_date": day, "computed_at": now, **fields})
    insert_audited(session, score, new, key=("subject_id", "sample_date"))


def _score_fields(
    results: Mapping[str, tuple[Decimal, str | None]], assessment: models.ClinicalAssessment | None, female: bool
) -> tuple[bool, dict[str, Any]]:
    """Whether any score can be computed from a date's results (SI value and visit by analyte) and bedside
    findings, and the fields of its score row: the scores, the inputs as JSON and the visit."""

    def si(code: str) -> Decimal | None:
        return results[code][0] if code in results else None

    inputs = labs.ScoreInputs(
        tbil_umol_l=si("tbil"),
        crea_umol_l=si("crea"),
        alb_g_l=si("alb"),
        na_mmol_l=si("na"),
        inr=si("inr"),
        female=female,
        ascites=None if assessment is None else assessment.ascites,
        encephalopathy=None if assessment is None else assessment.encephalopathy,
        dialysis=None if assessment is None else assessment.dialysis_twice_last_week,
    )
    computed = labs.compute_scores(inputs)
    visit = next((visit for _, visit in results.values() if visit), None)
    if visit is None and assessment is not None:
        visit = assessment.visit_code
    return computed.any, {
        "meld": computed.meld,
        "meld_na": computed.meld_na,
        "meld3": computed.meld3,
        "child_pugh_score": computed.child_pugh_score,
        "child_pugh_class": computed.child_pugh_class,
        "inputs_json": json.dumps(inputs.as_json(), sort_keys=True, ensure_ascii=False),
        "visit_code": visit,
    }


def _blank_row(subject: models.Subject, day: dt.date) -> dict[str, str]:
    row = dict.fromkeys(EXPORT_COLUMNS, "")
    row.update(
        subject_no=subject.subject_number or "", screening_no=subject.screening_number, sample_date=day.isoformat()
    )
    return row


def _lab_value(row: models.LabResult) -> LabValue:
    return LabValue(
        id=row.id,
        subject_id=row.subject_id,
        sample_date=row.sample_date,
        visit_code=row.visit_code,
        analyte=row.analyte,
        value=Decimal(row.value),
        unit=row.unit,
        entered_value=row.entered_value,
        entered_unit=row.entered_unit,
        normal_low=None if row.normal_low is None else Decimal(row.normal_low),
        normal_high=None if row.normal_high is None else Decimal(row.normal_high),
        flag=row.flag,
        source=row.source,
    )


def _score_record(row: models.LiverScore) -> ScoreRecord:
    return ScoreRecord(
        subject_id=row.subject_id,
        sample_date=row.sample_date,
        visit_code=row.visit_code,
        meld=row.meld,
        meld_na=row.meld_na,
        meld3=row.meld3,
        child_pugh_score=row.child_pugh_score,
        child_pugh_class=row.child_pugh_class,
        inputs=json.loads(row.inputs_json),
    )
