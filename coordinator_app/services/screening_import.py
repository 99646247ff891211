"""The site's Excel screening log, saved as CSV, comes in: all rows or none.

Every cell is checked first and every problem is reported with its line, column and reason; only a
file without problems is written, in one transaction. Each row is assessed on its own assessment date, while it is
checked; the verdicts go into the subject list's summaries as they are.
A log of tens of thousands of rows is written with Core bulk inserts (``insert_audited``: one audit row per record),
a chunk of subjects at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator_app.domain.access import Permission
from coordinator_app.domain.eligibility import FactDefinition, SubjectFacts, Verdict, assess, format_fact, parse_fact
from coordinator_app.domain.errors import ValidationError
from coordinator_app.domain.protocol import Protocol
from coordinator_app.domain.subjects import Sex, SubjectStatus
from coordinator_app.services.csv_import import CsvImportError, ImportProblem, read_rows, read_text
from coordinator_app.services.database import Database
from coordinator_app.services.screening import SubjectDraft, lock_trial, validate_subject
from coordinator_app.services.subject_summaries import AssessedSubject, store_assessed_summaries
from coordinator_app.services.trials import TrialService
from coordinator_app.storage import models
from coordinator_app.storage.audit import insert_audited, text_room

SUBJECT_COLUMNS = (
    "screening_no",
    "family_name",
    "given_name",
    "sex",
    "date_of_birth",
    "id_number",
    "assessment_date",
    "consent_date",
)
REQUIRED_COLUMNS = ("screening_no", "family_name", "sex", "date_of_birth", "assessment_date")
SEXES = {"M": Sex.MALE, "F": Sex.FEMALE, "男": Sex.MALE, "女": Sex.FEMALE}
CONSENT_TAKER = "recorded in the site's screening log"
CHUNK = 1000  # subjects written at a time, with their facts and consents: bounds what the write holds in memory

# The room of the columns where cells are stored as typed, and of a fact's canonical text.
ROOM = {
    "screening_no": text_room(models.Subject.screening_number),
    "family_name": text_room(models.Subject.family_name),
    "given_name": text_room(models.Subject.given_name),
}
FACT_ROOM = text_room(models.SubjectFact.value)


# The name callers know this import's failure by.
ScreeningImportError = CsvImportError


@dataclass
class _Row:
    line: int
    screening_no: str
    draft: SubjectDraft
    assessment_date: dt.date
    consent_date: dt.date | None
    verdict: Verdict  # on the row's own assessment date, under the protocol it was checked against
    facts: dict[str, str] = field(default_factory=dict)  # canonical text of the known facts


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError("is not a date (YYYY-MM-DD)") from None


class _RowReader:
    """Reads one CSV row, collecting a problem per bad cell instead of stopping at the first."""

    def __init__(self, line: int, cells: Mapping[str, str], problems: list[ImportProblem]) -> None:
        self.line = line
        self.cells = cells
        self.problems = problems

    def problem(self, column: str, value: str, text: str) -> None:
        self.problems.append(ImportProblem(self.line, column, value, text))

    def text(self, column: str, required: bool = False) -> str:
        value = (self.cells.get(column) or "").strip()
        if required and not value:
            self.problem(column, "", "is empty")
        elif column in ROOM:
            self.check_storable(column, value, value, ROOM[column])
        return value

    def check_storable(self, column: str, value: str, stored: str, room: int) -> None:
        """Report ``stored`` (the text ``value`` is stored as) when a database server would refuse it."""
        if "\x00" in stored:
            self.problem(column, value, "contains a NUL character (\\x00), which a database server cannot store")
        elif len(stored) > room:
            self.problem(column, value, f"is too long: at most {room} characters")

    def date(self, column: str, required: bool = False) -> dt.date | None:
        value = self.text(column, required)
        if not value:
            return None
        try:
            return _date(value)
        except ValueError as error:
            self.problem(column, value, str(error))
            return None


class ScreeningImportService:
    def __init__(self, database: Database, trials: TrialService) -> None:
        self._db = database
        self._trials = trials

    def import_file(self, path: Path, trial_id: int, actor: str, *, today: dt.date | None = None) -> int:
        """Import every row of ``path`` or none; returns the number of subjects added."""
        return self.import_text(read_text(path), trial_id, actor, source=str(path), today=today)

    def import_text(
        self, text: str, trial_id: int, actor: str, *, source: str = "<text>", today: dt.date | None = None
    ) -> int:
        protocol = self._trials.protocol(trial_id)
        with self._db.read() as session:
            taken = _numbers_taken(session, trial_id)
        rows, problems = _parse(text, protocol, taken, today or dt.date.today())
        if problems:
            raise ScreeningImportError(source, problems)
        version = protocol.current_consent_version or "unspecified"
        with self._db.write(actor, permission=Permission.IMPORT) as session:
            lock_trial(session, trial_id)
            _refuse_numbers_taken_meanwhile(session, trial_id, rows, source)
            subject_ids: list[int] = []
            for start in range(0, len(rows), CHUNK):
                subject_ids += _insert(session, trial_id, rows[start : start + CHUNK], version, Path(source).name)
            assessed = {
                subject_id: AssessedSubject(row.verdict, row.draft.family_name, row.draft.given_name)
                for subject_id, row in zip(subject_ids, rows, strict=True)
            }
            store_assessed_summaries(session, trial_id, protocol, assessed)
        return len(rows)


def _parse(text: str, protocol: Protocol, taken: set[str], today: dt.date) -> tuple[list[_Row], list[ImportProblem]]:
    problems: list[ImportProblem] = []
    definitions = {d.name: d for d in protocol.eligibility.facts}
    known = set(SUBJECT_COLUMNS) | set(definitions)
    rows: list[_Row] = []
    seen: dict[str, int] = {}
    for line, values in read_rows(text, known, REQUIRED_COLUMNS, problems):
        row = _parse_row(_RowReader(line, values, problems), definitions, protocol, today)
        if row is None:
            continue
        if row.screening_no in taken:
            problems.append(ImportProblem(line, "screening_no", row.screening_no, "is already in the database"))
        elif row.screening_no in seen:
            problems.append(
                ImportProblem(line, "screening_no", row.screening_no, f"repeats line {seen[row.screening_no]}")
            )
        seen.setdefault(row.screening_no, line)
        rows.append(row)
    return rows, problems


def _parse_row(
    cells: _RowReader, definitions: Mapping[str, FactDefinition], protocol: Protocol, today: dt.date
) -> _Row | None:
    before = len(cells.problems)
    screening_no = cells.text("screening_no", required=True)
    family_name = cells.text("family_name", required=True)
    sex_text = cells.text("sex", required=True)
    sex = SEXES.get(sex_text.upper())
    if sex_text and sex is None:
        cells.problem("sex", sex_text, "must be M or F")
    born = cells.date("date_of_birth", required=True)
    assessed = cells.date("assessment_date", required=True)
    consent = cells.date("consent_date")
    if assessed and assessed > today:
        cells.problem("assessment_date", assessed.isoformat(), "is in the future")
    if consent and consent > today:
        cells.problem("consent_date", consent.isoformat(), "is in the future")
    elif consent and born and consent < born:
        cells.problem("consent_date", consent.isoformat(), "is before the date of birth")
    elif consent:
        try:
            _local_midnight(consent).astimezone(dt.UTC)
        except (ValueError, OverflowError):
            cells.problem("consent_date", consent.isoformat(), "is outside the calendar (years 1 to 9999)")
    facts: dict[str, str] = {}
    values = {}
    for name, definition in definitions.items():
        raw = cells.text(name)
        try:
            value = parse_fact(definition, raw)
        except ValidationError as error:
            cells.problem(name, raw, error.problem)
            continue
        facts[name] = format_fact(definition, value)
        cells.check_storable(name, raw, facts[name], FACT_ROOM)
        if value is not None:
            values[name] = value
    if len(cells.problems) > before or sex is None or born is None or assessed is None:
        return None
    try:
        draft = validate_subject(
            SubjectDraft(
                family_name=family_name,
                given_name=cells.text("given_name"),
                sex=sex,
                date_of_birth=born,
                identity_number=cells.text("id_number"),
            ),
            assessed,
        )
        assessment = assess(protocol.eligibility, SubjectFacts(born, sex, consent, values), assessed)
    except ValidationError as error:
        cells.problem(_column_of(error.field), str(error.value), error.problem)
        return None
    return _Row(cells.line, screening_no, draft, assessed, consent, assessment.verdict, facts)


def _column_of(field_name: str) -> str:
    """The CSV column a validation error is about."""
    return {"identity number": "id_number", "date of birth": "date_of_birth", "family name": "family_name"}.get(
        field_name, field_name
    )


def _local_midnight(day: dt.date) -> dt.datetime:
    """When a consent that the log dates by day only is taken to have been signed: that day's start, here."""
    return dt.datetime.combine(day, dt.time()).astimezone()


def _insert(session: Session, trial_id: int, rows: list[_Row], consent_version: str, file_name: str) -> list[int]:
    """The subjects of ``rows`` with their facts and consents, and the audit rows of all; returns their ids."""
    subject_ids = insert_audited(
        session,
        models.Subject,
        [
            {
                "trial_id": trial_id,
                "screening_number": row.screening_no,
                "status": SubjectStatus.SCREENING,
                "family_name": row.draft.family_name,
                "given_name": row.draft.given_name,
                "sex": row.draft.sex,
                "date_of_birth": row.draft.date_of_birth,
                "phone": "",
                "identity_number": row.draft.identity_number or None,
                "screened_on": row.assessment_date,
                "assessment_date": row.assessment_date,
            }
            for row in rows
        ],
        key=("screening_number",),
    )
    insert_audited(
        session,
        models.SubjectFact,
        [
            {"subject_id": subject_id, "name": name, "value": value, "source_note": f"{file_name} line {row.line}"}
            for row, subject_id in zip(rows, subject_ids, strict=True)
            for name, value in row.facts.items()
            if value
        ],
        key=("subject_id", "name"),
    )
    insert_audited(
        session,
        models.Consent,
        [
            {
                "subject_id": subject_id,
                "document_version": consent_version,
                "signed_at": _local_midnight(row.consent_date),
                "obtained_by": CONSENT_TAKER,
                "copy_given": None,
            }
            for row, subject_id in zip(rows, subject_ids, strict=True)
            if row.consent_date is not None
        ],
        key=("subject_id",),
    )
    return subject_ids


def _numbers_taken(session: Session, trial_id: int) -> set[str]:
    return set(session.scalars(select(models.Subject.screening_number).where(models.Subject.trial_id == trial_id)))


def _refuse_numbers_taken_meanwhile(session: Session, trial_id: int, rows: list[_Row], source: str) -> None:
    """Numbers checked free before the transaction may have been issued since, from another desktop."""
    taken = _numbers_taken(session, trial_id)
    clashes = [row for row in rows if row.screening_no in taken]
    if clashes:
        raise ScreeningImportError(
            source,
            [
                ImportProblem(row.line, "screening_no", row.screening_no, "is already in the database")
                for row in clashes
            ],
        )
