"""The AE log: recording and correcting adverse events, reporting SAEs to the sponsor, the pending-SAE list
with its clocks, and the trial's AE summary (on screen and as CSV).

Every change validates first and then writes in one transaction with its audit rows. An AE is never
deleted; correcting a saved one needs a reason.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator_app.domain.access import Permission, SignatureMeaning
from coordinator_app.domain.adverse_events import (
    ActionTaken,
    AeDraft,
    AeFacts,
    AeSummary,
    Outcome,
    Relationship,
    ReportKind,
    SaeClock,
    dose_period,
    format_criteria,
    parse_criteria,
    sae_clock,
    summarise,
    validate_ae,
)
from coordinator_app.domain.errors import NotFoundError, ReasonRequiredError, ValidationError, require_instant
from coordinator_app.domain.schedule import VisitStatus
from coordinator_app.services.concurrency import require_version
from coordinator_app.services.database import Database
from coordinator_app.services.schedule import ScheduleService
from coordinator_app.services.screening import ScreeningService
from coordinator_app.services.signatures import SignatureRecord, SignatureService, add_signature, latest_signatures
from coordinator_app.services.site_settings import SiteSettingsService
from coordinator_app.services.users import Credentials
from coordinator_app.storage import models
from coordinator_app.storage.types import utc_now


@dataclass(frozen=True)
class SaeReportRecord:
    id: int
    kind: ReportKind
    reported_at: dt.datetime
    reported_to: str
    method: str
    notes: str


@dataclass(frozen=True)
class AeRecord:
    id: int
    subject_id: int
    draft: AeDraft
    reports: tuple[SaeReportRecord, ...]  # by time reported
    assessment: SignatureRecord | None = None  # the investigator's signed assessment, newest
    version: int = 1  # optimistic concurrency: pass it back to update()

    @property
    def assessment_current(self) -> bool:
        """Signed, and nothing assessed (grade, seriousness, causality, expectedness) changed since."""
        return self.assessment is not None and self.assessment.covers_current_content

    @property
    def initial_report(self) -> SaeReportRecord | None:
        return next((r for r in self.reports if r.kind is ReportKind.INITIAL), None)


@dataclass(frozen=True)
class PendingSae:
    """A serious AE the sponsor has not had the initial report of yet."""

    ae_id: int
    subject_id: int
    subject_number: str  # the subject number, or the screening number before enrolment
    term: str
    grade: int
    aware_at: dt.datetime
    clock: SaeClock

    @property
    def deadline(self) -> dt.datetime:
        return self.clock.deadline

    @property
    def time_left(self) -> dt.timedelta:
        return self.clock.time_left

    @property
    def overdue(self) -> bool:
        return self.clock.overdue


class AdverseEventService:
    def __init__(
        self,
        database: Database,
        screening: ScreeningService,
        schedules: ScheduleService,
        settings: SiteSettingsService,
        signatures: SignatureService,
    ) -> None:
        self._db = database
        self._screening = screening
        self._schedules = schedules
        self._settings = settings
        self._signatures = signatures

    # -- reading -------------------------------------------------------------------------------

    def get(self, ae_id: int) -> AeRecord:
        with self._db.read() as session:
            return _record(session, _load(session, ae_id))

    def list_for_subject(self, subject_id: int) -> list[AeRecord]:
        """The subject's AEs by onset date, then in the order entered."""
        self._screening.detail(subject_id)  # NotFoundError for an unknown subject
        with self._db.read() as session:
            rows = session.scalars(
                select(models.AdverseEvent)
                .where(models.AdverseEvent.subject_id == subject_id)
                .order_by(models.AdverseEvent.onset_date, models.AdverseEvent.id)
            )
            return [_record(session, row) for row in rows]

    def clock(self, ae_id: int, now: dt.datetime | None = None) -> SaeClock | None:
        """The reporting clock of a serious AE (None for a non-serious one)."""
        record = self.get(ae_id)
        if not record.draft.serious:
            return None
        initial = record.initial_report
        return sae_clock(
            record.draft.aware_at,
            self._settings.rules().sae_report_hours,
            now or utc_now(),
            initial.reported_at if initial else None,
        )

    def pending_saes(self, trial_id: int, now: dt.datetime) -> list[PendingSae]:
        """Serious AEs of the trial without an initial report, most urgent first."""
        hours = self._settings.rules().sae_report_hours
        reported = select(models.SaeReport.adverse_event_id).where(models.SaeReport.kind == ReportKind.INITIAL.value)
        with self._db.read() as session:
            rows = session.execute(
                select(models.AdverseEvent, models.Subject.subject_number, models.Subject.screening_number)
                .join(models.Subject, models.Subject.id == models.AdverseEvent.subject_id)
                .where(
                    models.Subject.trial_id == trial_id,
                    models.AdverseEvent.serious.is_(True),
                    models.AdverseEvent.id.not_in(reported),
                )
            ).all()
        pending = [
            PendingSae(
                ae.id,
                ae.subject_id,
                subject_number or screening_number,
                ae.term,
                ae.grade,
                ae.aware_at,
                sae_clock(ae.aware_at, hours, now),
            )
            for ae, subject_number, screening_number in rows
        ]
        return sorted(pending, key=lambda p: (p.deadline, p.ae_id))

    def summary(self, trial_id: int) -> AeSummary:
        """Counts by grade, relatedness and dose period (from the actual infusion dates)."""
        with self._db.read() as session:
            rows = session.execute(
                select(
                    models.AdverseEvent.subject_id,
                    models.AdverseEvent.onset_date,
                    models.AdverseEvent.grade,
                    models.AdverseEvent.serious,
                    models.AdverseEvent.relationship,
                )
                .join(models.Subject, models.Subject.id == models.AdverseEvent.subject_id)
                .where(models.Subject.trial_id == trial_id)
            ).all()
        doses: dict[int, tuple[dt.date | None, dt.date | None]] = {}
        for subject_id in {row[0] for row in rows}:
            doses[subject_id] = self._dose_dates(subject_id)
        return summarise(
            AeFacts(subject_id, grade, serious, Relationship(relationship), dose_period(onset, *doses[subject_id]))
            for subject_id, onset, grade, serious, relationship in rows
        )

    def write_summary_csv(self, trial_id: int, path: Path) -> int:
        """The summary as CSV (section, category, count); returns the number of data rows written."""
        rows = self.summary(trial_id).rows()
        with path.open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(["section", "category", "count"])
            writer.writerows(rows)
        return len(rows)

    # -- changing ------------------------------------------------------------------------------

    def record(self, subject_id: int, draft: AeDraft, actor: str, today: dt.date | None = None) -> AeRecord:
        """A new AE of the subject, checked first."""
        checked = self._check(subject_id, draft, today)
        with self._db.write(actor, permission=Permission.RECORD_SAFETY) as session:
            row = models.AdverseEvent(subject_id=subject_id)
            _apply(row, checked)
            session.add(row)
            session.flush()
            ae_id = row.id
        return self.get(ae_id)

    def update(
        self,
        ae_id: int,
        draft: AeDraft,
        actor: str,
        reason: str,
        today: dt.date | None = None,
        *,
        expected_version: int | None = None,
    ) -> AeRecord:
        """Correct a saved AE: it is clinical data already saved, so the change needs a reason (audited)."""
        current = self.get(ae_id)
        checked = self._check(current.subject_id, draft, today)
        if not reason.strip():
            raise ReasonRequiredError("reason", reason, "changing a saved adverse event needs a reason")
        with self._db.write(actor, reason, permission=Permission.RECORD_SAFETY) as session:
            row = _load(session, ae_id)
            require_version(session, "adverse_events", ae_id, row, expected_version, f"adverse event {row.term}")
            _apply(row, checked)
        return self.get(ae_id)

    def sign_assessment(self, ae_id: int, signer: Credentials) -> AeRecord:
        """The investigator signs the AE's assessment ("assessed adverse event"): term, onset, grade, seriousness
        and its criteria, relationship to the cells and expectedness. A later correction of any of these
        leaves the signature standing in the record but no longer covering it: it needs signing again."""
        current = self.get(ae_id)
        if current.assessment_current:
            assert current.assessment is not None
            raise ValidationError("assessment", current.draft.term, f"is signed by {current.assessment.signer}")
        investigator = self._signatures.authenticate(signer, SignatureMeaning.ASSESSED_ADVERSE_EVENT)
        with self._db.write(investigator.username, permission=Permission.ASSESS_SAFETY) as session:
            row = _load(session, ae_id)
            add_signature(
                session,
                investigator,
                SignatureMeaning.ASSESSED_ADVERSE_EVENT,
                (models.AdverseEvent.__tablename__, ae_id),
                row.subject_id,
                assessment_content(row),
            )
        return self.get(ae_id)

    def report_sae(
        self,
        ae_id: int,
        kind: ReportKind,
        reported_at: dt.datetime,
        reported_to: str,
        method: str,
        notes: str,
        actor: str,
        now: dt.datetime | None = None,
    ) -> AeRecord:
        """Record that the sponsor was told of a serious AE: the initial report once, then follow-ups."""
        current = self.get(ae_id)
        kind = ReportKind(kind)
        if not current.draft.serious:
            raise ValidationError("adverse event", current.draft.term, "is not serious: only SAEs are reported")
        if not reported_to.strip():
            raise ValidationError("reported to", reported_to, "is required")
        require_instant("reported at", reported_at)
        if reported_at < current.draft.aware_at:
            raise ValidationError("reported at", reported_at.isoformat(), "is before the site became aware of it")
        if reported_at > (now or utc_now()):
            raise ValidationError("reported at", reported_at.isoformat(), "is in the future")
        initial = current.initial_report
        if kind is ReportKind.INITIAL and initial is not None:
            raise ValidationError("report", kind.value, "the initial report is recorded already: add a follow-up")
        if kind is ReportKind.FOLLOW_UP:
            if initial is None:
                raise ValidationError("report", kind.value, "a follow-up needs the initial report first")
            if reported_at < initial.reported_at:
                raise ValidationError("reported at", reported_at.isoformat(), "is before the initial report")
        with self._db.write(actor, permission=Permission.RECORD_SAFETY) as session:
            session.add(
                models.SaeReport(
                    adverse_event_id=ae_id,
                    kind=kind.value,
                    reported_at=reported_at,
                    reported_to=reported_to.strip(),
                    method=method.strip(),
                    notes=notes.strip(),
                )
            )
        return self.get(ae_id)

    # -- helpers ---------------------------------------------------------------------------------

    def _check(self, subject_id: int, draft: AeDraft, today: dt.date | None) -> AeDraft:
        self._screening.detail(subject_id)  # NotFoundError for an unknown subject
        checked = validate_ae(draft, today or dt.date.today())
        if checked.visit_code is not None:
            codes = [v.code for v in self._schedules.plan_of_subject(subject_id).visits]
            if checked.visit_code not in codes:
                raise ValidationError("visit", checked.visit_code, f"is not a visit of the plan ({', '.join(codes)})")
        return checked

    def _dose_dates(self, subject_id: int) -> tuple[dt.date | None, dt.date | None]:
        """The actual dates of the subject's first two infusions, as far as they are done."""
        schedule = self._schedules.schedule(subject_id)
        if schedule is None:
            return None, None
        given = [v.actual for v in schedule.visits if v.definition.infusion and v.status is VisitStatus.DONE]
        given += [None, None]
        return given[0], given[1]


def _load(session: Session, ae_id: int) -> models.AdverseEvent:
    row = session.get(models.AdverseEvent, ae_id)
    if row is None:
        raise NotFoundError(f"no adverse event {ae_id}")
    return row


def _apply(row: models.AdverseEvent, draft: AeDraft) -> None:
    row.term = draft.term
    row.onset_date = draft.onset_date
    row.resolution_date = draft.resolution_date
    row.grade = draft.grade
    row.serious = draft.serious
    row.seriousness_criteria = format_criteria(draft.seriousness_criteria)
    row.relationship = draft.relationship.value
    row.expected = draft.expected
    row.action_taken = draft.action_taken.value
    row.outcome = draft.outcome.value
    row.visit_code = draft.visit_code
    row.description = draft.description
    row.aware_at = draft.aware_at


def assessment_content(row: models.AdverseEvent) -> dict[str, object]:
    """What the investigator's assessment signature covers."""
    return {
        "term": row.term,
        "onset_date": row.onset_date,
        "grade": row.grade,
        "serious": row.serious,
        "seriousness_criteria": row.seriousness_criteria,
        "relationship": row.relationship,
        "expected": row.expected,
    }


def _record(session: Session, row: models.AdverseEvent) -> AeRecord:
    reports = session.scalars(
        select(models.SaeReport)
        .where(models.SaeReport.adverse_event_id == row.id)
        .order_by(models.SaeReport.reported_at, models.SaeReport.id)
    )
    assessment = latest_signatures(session, models.AdverseEvent.__tablename__, {row.id: assessment_content(row)})
    return AeRecord(
        id=row.id,
        subject_id=row.subject_id,
        draft=AeDraft(
            term=row.term,
            onset_date=row.onset_date,
            grade=row.grade,
            serious=row.serious,
            relationship=Relationship(row.relationship),
            expected=row.expected,
            action_taken=ActionTaken(row.action_taken),
            outcome=Outcome(row.outcome),
            aware_at=row.aware_at,
            resolution_date=row.resolution_date,
            seriousness_criteria=parse_criteria(row.seriousness_criteria),
            visit_code=row.visit_code,
            description=row.description,
        ),
        reports=tuple(
            SaeReportRecord(r.id, ReportKind(r.kind), r.reported_at, r.reported_to, r.method, r.notes) for r in reports
        ),
        assessment=assessment.get(row.id),
        version=row.version,
    )
