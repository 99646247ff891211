"""The visit schedule: booking dose 1, rescheduling with what moves, recording visits, the calendar's queries.

Dates come from the protocol's visit plan (domain.schedule); what the site decided (bookings, actual
dates, statuses) is stored per visit, together with the date and window the visit stands on now, kept
in step after every change so the calendar is a plain indexed query.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import Exists, Select, func, select
from sqlalchemy.orm import Session

from coordinator_app.domain.access import Permission, SignatureMeaning
from coordinator_app.domain.errors import NotFoundError, ReasonRequiredError, ValidationError
from coordinator_app.domain.protocol import Protocol, Text, VisitPlan
from coordinator_app.domain.schedule import (
    Move,
    ScheduledVisit,
    VisitRecord,
    VisitStatus,
    build_schedule,
    record_visit,
    reschedule,
    window_deviation,
)
from coordinator_app.domain.subjects import SubjectStatus
from coordinator_app.services.concurrency import require_version
from coordinator_app.services.database import Database
from coordinator_app.services.names import initials
from coordinator_app.services.signatures import SignatureService, add_signature
from coordinator_app.services.site_settings import SiteSettingsService
from coordinator_app.services.trials import TrialService
from coordinator_app.services.users import Credentials
from coordinator_app.services.workdays import DayFlag, day_flag, next_working_day
from coordinator_app.storage import models

ACTIVE = (VisitStatus.SCHEDULED.value, VisitStatus.DONE.value)
WEEK = dt.timedelta(days=7)


@dataclass(frozen=True)
class DeviationRecord:
    visit_code: str
    kind: str
    description: str
    reason: str
    recorded_by: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class SubjectSchedule:
    subject_id: int
    screening_number: str
    subject_number: str | None
    visits: tuple[ScheduledVisit, ...]
    deviations: tuple[DeviationRecord, ...]
    visit_versions: Mapping[str, int] = field(default_factory=dict)  # pass back as expected_version

    def visit(self, code: str) -> ScheduledVisit:
        return next(v for v in self.visits if v.code == code)


@dataclass(frozen=True)
class ReschedulePreview:
    """What a reschedule would do, shown before anything is saved."""

    moves: tuple[Move, ...]
    out_of_window: bool
    flag: DayFlag | None  # the new date is a weekend or public holiday
    capacity_problem: str  # empty when the infusion fits the day


class CalendarVisit(NamedTuple):
    """A visit as the calendar lists it: the subject by number only (a named tuple: a month of a large trial
    has thousands)."""

    subject_id: int
    subject_label: str
    code: str
    name: Text
    date: dt.date
    window_start: dt.date
    window_end: dt.date
    status: VisitStatus
    infusion: bool

    def overdue(self, today: dt.date) -> bool:
        return self.status is VisitStatus.SCHEDULED and today > self.window_end


class DayCount(NamedTuple):
    """How many visits of one kind stand on a day: what a month's page marks, without the visits themselves."""

    date: dt.date
    status: VisitStatus
    infusion: bool
    overdue: bool  # scheduled, and its window closed before the day asked about
    visits: int


class ScheduledSubject(NamedTuple):
    """A subject with a schedule (dose 1 booked), as the calendar's timeline lets one choose them."""

    subject_id: int
    label: str  # the subject number (a subject is numbered at enrolment, before dose 1 is booked)
    status: SubjectStatus


class AwaitingSubjectEntry(NamedTuple):
    """An enrolled subject whose dose 1 is not booked yet."""

    subject_id: int
    subject_number: str | None
    screening_number: str
    initials: str
    enrolled_on: dt.date | None

    @property
    def label(self) -> str:
        return self.subject_number or self.screening_number


@dataclass(frozen=True)
class TodayPanel:
    due_today: tuple[CalendarVisit, ...]
    due_this_week: tuple[CalendarVisit, ...]
    overdue: tuple[CalendarVisit, ...]
    infusions_next_14_days: tuple[CalendarVisit, ...]


class ScheduleService:
    def __init__(
        self, database: Database, trials: TrialService, settings: SiteSettingsService, signatures: SignatureService
    ) -> None:
        self._db = database
        self._trials = trials
        self._settings = settings
        self._signatures = signatures

    # -- reading -------------------------------------------------------------------------------

    def schedule(self, subject_id: int) -> SubjectSchedule | None:
        """The subject's visits, or None while dose 1 is not booked."""
        with self._db.read() as session:
            subject = _subject(session, subject_id)
            plan = self.plan(subject.trial_id)
            records, dose1 = _records(session, subject_id, plan)
            if dose1 is None:
                return None
            return SubjectSchedule(
                subject.id,
                subject.screening_number,
                subject.subject_number,
                build_schedule(plan, dose1, records),
                _deviations(session, subject_id),
                {
                    code: version
                    for code, version in session.execute(
                        select(models.Visit.code, models.Visit.version).where(models.Visit.subject_id == subject_id)
                    )
                },
            )

    def awaiting_dose1_count(self, trial_id: int) -> int:
        """How many of the trial's enrolled subjects have no dose 1 booked (those :meth:`awaiting_dose1` lists),
        counted by the database."""
        subject = models.Subject
        with self._db.read() as session:
            return (
                session.scalar(
                    select(func.count())
                    .select_from(subject)
                    .where(subject.trial_id == trial_id, subject.status == SubjectStatus.ENROLLED, ~_has_visits())
                )
                or 0
            )

    def scheduled_subjects(self, trial_id: int) -> list[ScheduledSubject]:
        """The trial's subjects with a schedule, whatever their status since: one query of what the timeline's
        chooser shows, whatever the trial's size (thousands in a large trial)."""
        subject = models.Subject
        with self._db.read() as session:
            rows = session.connection().execute(
                select(subject.id, subject.subject_number, subject.screening_number, subject.status).where(
                    subject.trial_id == trial_id,
                    subject.status.not_in((SubjectStatus.SCREENING, SubjectStatus.SCREEN_FAILED)),
                    _has_visits(),
                )
            )
            return [
                ScheduledSubject(subject_id, subject_number or screening_number, _STATUSES[status])
                for subject_id, subject_number, screening_number, status in rows
            ]

    def awaiting_dose1(self, trial_id: int) -> list[AwaitingSubjectEntry]:
        """The trial's enrolled subjects without dose 1 booked (those :meth:`awaiting_dose1_count` counts)."""
        subject, summary = models.Subject, models.SubjectSummary
        with self._db.read() as session:
            rows = session.connection().execute(
                select(
                    subject.id,
                    subject.subject_number,
                    subject.screening_number,
                    summary.initials,
                    subject.family_name,
                    subject.given_name,
                    subject.enrolled_on,
                )
                .outerjoin(summary)
                .where(subject.trial_id == trial_id, subject.status == SubjectStatus.ENROLLED, ~_has_visits())
            )
            return [
                AwaitingSubjectEntry(
                    subject_id,
                    subject_number,
                    screening_number,
                    letters if letters is not None else initials(family, given),  # no summary yet: say it anyway
                    enrolled_on,
                )
                for subject_id, subject_number, screening_number, letters, family, given, enrolled_on in rows
            ]

    def require_schedule(self, subject_id: int) -> SubjectSchedule:
        schedule = self.schedule(subject_id)
        if schedule is None:
            raise ValidationError("dose 1", "", "is not booked yet: book dose 1 first")
        return schedule

    def visits_between(self, trial_id: int, first: dt.date, last: dt.date) -> list[CalendarVisit]:
        """Every visit standing on a day from ``first`` through ``last``, by date then subject."""
        plan = self.plan(trial_id)
        with self._db.read() as session:
            return _calendar_visits(
                plan,
                session.connection().execute(
                    _calendar_query(trial_id).where(
                        models.Visit.scheduled_on >= first, models.Visit.scheduled_on <= last
                    )
                ),
            )

    def day_counts(self, trial_id: int, first: dt.date, last: dt.date, today: dt.date) -> list[DayCount]:
        """The visits of each day from ``first`` through ``last``, counted by kind (the visits
        :meth:`visits_between` lists, as a month's page marks them): one grouped query, so a month of a large trial
        costs a few hundred rows, not thousands."""
        definitions = {visit.code: visit for visit in self.plan(trial_id).visits}
        visits = (
            _calendar_query(trial_id)
            .order_by(None)
            .where(models.Visit.scheduled_on >= first, models.Visit.scheduled_on <= last)
            .subquery()
        )
        overdue = (visits.c.status == VisitStatus.SCHEDULED) & (visits.c.window_end < today)
        counts: dict[tuple[dt.date, VisitStatus, bool, bool], int] = defaultdict(int)
        with self._db.read() as session:
            for day, code, status, late, count in session.execute(
                select(visits.c.scheduled_on, visits.c.code, visits.c.status, overdue, func.count()).group_by(
                    visits.c.scheduled_on, visits.c.code, visits.c.status, overdue
                )
            ):
                counts[day, VisitStatus(status), definitions[code].infusion, bool(late)] += count
        return [DayCount(*key, count) for key, count in sorted(counts.items())]

    def today(self, trial_id: int, today: dt.date) -> TodayPanel:
        """The morning view: due today, due this week, overdue, and the infusions of the next 14 days."""
        plan = self.plan(trial_id)
        week_end = today + dt.timedelta(days=6 - today.weekday())
        with self._db.read() as session:
            connection = session.connection()
            upcoming = _calendar_visits(
                plan,
                connection.execute(
                    _calendar_query(trial_id).where(
                        models.Visit.scheduled_on >= today,
                        models.Visit.scheduled_on <= today + dt.timedelta(days=14),
                    )
                ),
            )
            overdue = _calendar_visits(
                plan,
                connection.execute(
                    _calendar_query(trial_id).where(
                        models.Visit.status == VisitStatus.SCHEDULED,
                        models.Visit.window_end < today,
                        models.Subject.status == SubjectStatus.ENROLLED,  # what the query's rule leaves of these
                    )
                ),
            )
        scheduled = [v for v in upcoming if v.status is VisitStatus.SCHEDULED]
        return TodayPanel(
            due_today=tuple(v for v in scheduled if v.date == today),
            due_this_week=tuple(v for v in scheduled if today < v.date <= week_end),
            overdue=tuple(overdue),
            infusions_next_14_days=tuple(v for v in scheduled if v.infusion),
        )

    # -- booking and moving ----------------------------------------------------------------------

    def propose_dose1(self, subject_id: int) -> dt.date:
        """The first working day after enrolment (or after today, if later) with room for another infusion."""
        return self.propose_dose1_each([subject_id])[subject_id]

    def propose_dose1_each(self, subject_ids: Collection[int]) -> dict[int, dt.date]:
        """:meth:`propose_dose1` for each subject, from one look at the infusions booked (the calendar lists
        everyone awaiting dose 1 with a proposal)."""
        today = dt.date.today()
        with self._db.read() as session:
            subjects = session.execute(
                select(models.Subject.id, models.Subject.trial_id, models.Subject.enrolled_on).where(
                    models.Subject.id.in_(subject_ids)
                )
            ).all()
        missing = set(subject_ids) - {row.id for row in subjects}
        if missing:
            raise NotFoundError(f"no subject with id {min(missing)}")
        limit = self._settings.rules().max_infusions_per_day
        proposals: dict[int, dt.date] = {}
        for trial_id in {row.trial_id for row in subjects}:
            starts = {
                row.id: next_working_day(max(row.enrolled_on or today, today))
                for row in subjects
                if row.trial_id == trial_id
            }
            booked = self._infusions_from(min(starts.values()), self._infusion_codes(trial_id))
            for subject_id, day in starts.items():
                while sum(1 for other in booked.get(day, ()) if other != subject_id) >= limit:
                    day = next_working_day(day)
                proposals[subject_id] = day
        return proposals

    def book_dose1(self, subject_id: int, day: dt.date, actor: str, deviation_reason: str = "") -> SubjectSchedule:
        """Confirming dose 1 generates the whole schedule. Screening counts as done on the assessment date;
        dose 1 too long after it puts screening out of its window, which needs a deviation reason."""
        with self._db.read() as session:
            subject = _subject(session, subject_id)
            booked = session.scalar(select(func.count()).where(models.Visit.subject_id == subject_id))
        if subject.status != SubjectStatus.ENROLLED:
            raise ValidationError("status", subject.status, "only an enrolled subject can be booked for dose 1")
        if booked:
            raise ValidationError("dose 1", subject.screening_number, "is booked already: reschedule it instead")
        if subject.enrolled_on and day < subject.enrolled_on:
            raise ValidationError("dose 1 date", day.isoformat(), f"is before enrolment ({subject.enrolled_on})")
        plan = self.plan(subject.trial_id)
        first = first_anchor(plan)
        self._check_capacity(subject.trial_id, subject_id, first, day)
        records = {first: VisitRecord(booked=day)}
        screening = [v.code for v in plan.visits if v.anchor == first and v.day < 0]
        deviation = ""
        for code in screening:
            records = record_visit(plan, day, records, code, VisitStatus.DONE, subject.assessment_date, day)
            visit = next(v for v in build_schedule(plan, day, records) if v.code == code)
            if not visit.in_window:
                deviation = (
                    f"{code} on {subject.assessment_date} is outside its window {visit.window_start} to "
                    f"{visit.window_end} for dose 1 on {day}"
                )
                if not deviation_reason.strip():
                    raise ReasonRequiredError("dose 1 date", day.isoformat(), f"{deviation}: give a deviation reason")
        schedule = build_schedule(plan, day, records)
        with self._db.write(actor, permission=Permission.SCHEDULE) as session:
            for visit in schedule:
                session.add(
                    models.Visit(
                        subject_id=subject_id,
                        code=visit.code,
                        status=visit.status,
                        booked_on=visit.booked,
                        actual_on=visit.actual,
                        scheduled_on=visit.date,
                        window_start=visit.window_start,
                        window_end=visit.window_end,
                    )
                )
            if deviation:
                session.add(
                    models.Deviation(
                        subject_id=subject_id,
                        visit_code=screening[0],
                        kind="out_of_window",
                        description=deviation,
                        reason=deviation_reason.strip(),
                        recorded_by=actor,
                    )
                )
        return self.require_schedule(subject_id)

    def preview(self, subject_id: int, code: str, new_date: dt.date) -> ReschedulePreview:
        current = self.require_schedule(subject_id)
        plan = self.plan_of_subject(subject_id)
        records, dose1 = self._records(subject_id)
        assert dose1 is not None
        _, moves = reschedule(plan, dose1, records, code, new_date)
        capacity = ""
        try:
            self._check_capacity(self.trial_of(subject_id), subject_id, code, new_date)
        except ValidationError as error:
            capacity = error.problem
        return ReschedulePreview(moves, window_deviation(current.visit(code), new_date), day_flag(new_date), capacity)

    def reschedule(
        self,
        subject_id: int,
        code: str,
        new_date: dt.date,
        reason: str,
        actor: str,
        deviation_reason: str = "",
        *,
        expected_version: int | None = None,
    ) -> SubjectSchedule:
        """Move a visit (and, for an anchor, everything that hangs on it). Outside its window only with a
        deviation reason, which is kept in the deviation list."""
        if not reason.strip():
            raise ValidationError("reason", reason, "is required to reschedule a visit")
        current = self.require_schedule(subject_id)
        preview = self.preview(subject_id, code, new_date)
        if preview.capacity_problem:
            raise ValidationError("date", new_date.isoformat(), preview.capacity_problem)
        visit = current.visit(code)
        if preview.out_of_window and not deviation_reason.strip():
            raise ReasonRequiredError(
                "date",
                new_date.isoformat(),
                f"is outside the window of {code} ({visit.window_start} to {visit.window_end}): "
                "give a deviation reason to book it anyway",
            )
        plan = self.plan_of_subject(subject_id)
        records, dose1 = self._records(subject_id)
        assert dose1 is not None
        new_records, _ = reschedule(plan, dose1, records, code, new_date)
        with self._db.write(actor, reason, permission=Permission.SCHEDULE) as session:
            _require_visit_version(session, subject_id, code, expected_version)
            if preview.out_of_window:
                session.add(
                    models.Deviation(
                        subject_id=subject_id,
                        visit_code=code,
                        kind="out_of_window",
                        description=f"{code} booked on {new_date} outside its window {visit.window_start} to "
                        f"{visit.window_end}",
                        reason=deviation_reason.strip(),
                        recorded_by=actor,
                    )
                )
            self._store(session, subject_id, plan, new_records)
        return self.require_schedule(subject_id)

    def record(
        self,
        subject_id: int,
        code: str,
        status: VisitStatus,
        actual: dt.date | None,
        actor: str,
        reason: str = "",
        *,
        expected_version: int | None = None,
    ) -> SubjectSchedule:
        """A visit missed or cancelled (or set back to planned). A visit done is signed: see :meth:`complete`."""
        if status is VisitStatus.DONE:
            raise ValidationError("visit", code, "a completed visit is signed: record it with its signature")
        new_records, plan = self._new_records(subject_id, code, status, actual)
        with self._db.write(actor, reason, permission=Permission.SCHEDULE) as session:
            _require_visit_version(session, subject_id, code, expected_version)
            self._store(session, subject_id, plan, new_records)
        return self.require_schedule(subject_id)

    def complete(
        self,
        subject_id: int,
        code: str,
        actual: dt.date,
        signer: Credentials,
        reason: str = "",
        *,
        expected_version: int | None = None,
    ) -> SubjectSchedule:
        """A visit done on ``actual``, signed "completed visit" with the signer's password. Infusions are
        recorded with their infusion record instead, which holds what the product and the patient went through."""
        plan = self.plan_of_subject(subject_id)
        if plan.visit(code).infusion:
            raise ValidationError("visit", code, "is an infusion: record it with its infusion record")
        new_records, plan = self._new_records(subject_id, code, VisitStatus.DONE, actual)
        account = self._signatures.authenticate(signer, SignatureMeaning.COMPLETED_VISIT)
        with self._db.write(account.username, reason, permission=Permission.SCHEDULE) as session:
            _require_visit_version(session, subject_id, code, expected_version)
            self._store(session, subject_id, plan, new_records)
            visit = session.scalars(
                select(models.Visit).where(models.Visit.subject_id == subject_id, models.Visit.code == code)
            ).one()
            add_signature(
                session,
                account,
                SignatureMeaning.COMPLETED_VISIT,
                (models.Visit.__tablename__, visit.id),
                subject_id,
                visit_content(visit),
            )
        return self.require_schedule(subject_id)

    def mark_infusion_done(self, session: Session, subject_id: int, code: str, given_on: dt.date) -> None:
        """Called inside the infusion record's transaction, whose signature covers the visit."""
        new_records, plan = self._new_records(subject_id, code, VisitStatus.DONE, given_on)
        self._store(session, subject_id, plan, new_records)

    def _new_records(
        self, subject_id: int, code: str, status: VisitStatus, actual: dt.date | None
    ) -> tuple[dict[str, VisitRecord], VisitPlan]:
        self.require_schedule(subject_id)
        plan = self.plan_of_subject(subject_id)
        records, dose1 = self._records(subject_id)
        assert dose1 is not None
        return dict(record_visit(plan, dose1, records, code, status, actual, dt.date.today())), plan

    # -- helpers ---------------------------------------------------------------------------------

    def _store(self, session: Session, subject_id: int, plan: VisitPlan, records: Mapping[str, VisitRecord]) -> None:
        """Write the records and bring every row's date and window in step; changed rows get a new SEQUENCE."""
        dose1 = records[first_anchor(plan)].booked
        assert dose1 is not None
        schedule = {v.code: v for v in build_schedule(plan, dose1, records)}
        for row in session.scalars(select(models.Visit).where(models.Visit.subject_id == subject_id)):
            visit = schedule[row.code]
            changed = (
                row.status,
                row.booked_on,
                row.actual_on,
                row.scheduled_on,
                row.window_start,
                row.window_end,
            ) != (
                visit.status.value,
                visit.booked,
                visit.actual,
                visit.date,
                visit.window_start,
                visit.window_end,
            )
            if changed:
                row.status = visit.status
                row.booked_on = visit.booked
                row.actual_on = visit.actual
                row.scheduled_on = visit.date
                row.window_start = visit.window_start
                row.window_end = visit.window_end
                row.sequence += 1

    def _check_capacity(self, trial_id: int, subject_id: int, code: str, day: dt.date) -> None:
        codes = self._infusion_codes(trial_id)
        if code not in codes:
            return
        limit = self._settings.rules().max_infusions_per_day
        booked = self._infusions_on(day, codes, exclude_subject=subject_id)
        if booked >= limit:
            raise ValidationError(
                "infusion date",
                day.isoformat(),
                f"already has {booked} infusion(s) booked: the site's limit is {limit} a day",
            )

    def _infusions_on(self, day: dt.date, codes: tuple[str, ...], exclude_subject: int) -> int:
        with self._db.read() as session:
            return int(
                session.scalar(
                    select(func.count())
                    .select_from(models.Visit)
                    .where(
                        models.Visit.scheduled_on == day,
                        models.Visit.code.in_(codes),
                        models.Visit.status.in_(ACTIVE),
                        models.Visit.subject_id != exclude_subject,
                    )
                )
                or 0
            )

    def _infusions_from(self, first: dt.date, codes: tuple[str, ...]) -> dict[dt.date, list[int]]:
        """The subjects booked for an infusion on each day from ``first`` on (every trial: one infusion room)."""
        booked: dict[dt.date, list[int]] = defaultdict(list)
        with self._db.read() as session:
            for day, subject_id in session.execute(
                select(models.Visit.scheduled_on, models.Visit.subject_id).where(
                    models.Visit.code.in_(codes),
                    models.Visit.scheduled_on >= first,
                    models.Visit.status.in_(ACTIVE),
                )
            ):
                booked[day].append(subject_id)
        return booked

    def plan(self, trial_id: int) -> VisitPlan:
        """The trial's visit plan (ValidationError when its protocol has none)."""
        return _plan_of(self._trials.protocol(trial_id))

    def trial_of(self, subject_id: int) -> int:
        with self._db.read() as session:
            return _subject(session, subject_id).trial_id

    def plan_of_subject(self, subject_id: int) -> VisitPlan:
        return self.plan(self.trial_of(subject_id))

    def _infusion_codes(self, trial_id: int) -> tuple[str, ...]:
        return tuple(v.code for v in self.plan(trial_id).visits if v.infusion)

    def _records(self, subject_id: int) -> tuple[dict[str, VisitRecord], dt.date | None]:
        plan = self.plan_of_subject(subject_id)
        with self._db.read() as session:
            return _records(session, subject_id, plan)


def _require_visit_version(session: Session, subject_id: int, code: str, expected: int | None) -> None:
    row = session.scalars(
        select(models.Visit).where(models.Visit.subject_id == subject_id, models.Visit.code == code)
    ).one_or_none()
    require_version(session, models.Visit.__tablename__, row.id if row else "", row, expected, f"visit {code}")


def _plan_of(protocol: Protocol) -> VisitPlan:
    if protocol.visit_plan is None:
        raise ValidationError("visit plan", protocol.nct_id, "this protocol has no visit plan to schedule from")
    return protocol.visit_plan


def _subject(session: Session, subject_id: int) -> models.Subject:
    subject = session.get(models.Subject, subject_id)
    if subject is None:
        raise NotFoundError(f"no subject with id {subject_id}")
    return subject


def first_anchor(plan: VisitPlan) -> str:
    """The visit the whole schedule hangs on (dose 1): the one with no anchor of its own."""
    return next(v.code for v in plan.visits if v.anchor is None)


def _records(session: Session, subject_id: int, plan: VisitPlan) -> tuple[dict[str, VisitRecord], dt.date | None]:
    """The site's records by visit code, and dose 1's booked date (None: not booked)."""
    rows = session.scalars(select(models.Visit).where(models.Visit.subject_id == subject_id))
    records = {r.code: VisitRecord(VisitStatus(r.status), r.actual_on, r.booked_on) for r in rows}
    first = records.get(first_anchor(plan))
    return records, first.booked if first else None


def _deviations(session: Session, subject_id: int) -> tuple[DeviationRecord, ...]:
    rows = session.scalars(
        select(models.Deviation).where(models.Deviation.subject_id == subject_id).order_by(models.Deviation.id)
    )
    return tuple(
        DeviationRecord(r.visit_code, r.kind, r.description, r.reason, r.recorded_by, r.recorded_at) for r in rows
    )


def _calendar_query(trial_id: int) -> Select[int, str | None, str, str, dt.date, dt.date, dt.date, str]:
    return (
        select(
            models.Visit.subject_id,
            models.Subject.subject_number,
            models.Subject.screening_number,
            models.Visit.code,
            models.Visit.scheduled_on,
            models.Visit.window_start,
            models.Visit.window_end,
            models.Visit.status,
        )
        .join(models.Subject, models.Subject.id == models.Visit.subject_id)
        .where(models.Visit.trial_id == trial_id)
        # a withdrawn or completed subject's remaining visits are not due: only their history shows
        .where((models.Subject.status == SubjectStatus.ENROLLED) | (models.Visit.status != VisitStatus.SCHEDULED))
        .order_by(models.Visit.scheduled_on, models.Subject.screening_number)
    )


def _calendar_visits(
    plan: VisitPlan, rows: Iterable[tuple[int, str | None, str, str, dt.date, dt.date, dt.date, str]]
) -> list[CalendarVisit]:
    """Rows of :func:`_calendar_query` as calendar visits, the plan's definitions looked up once per code."""
    definitions = {visit.code: visit for visit in plan.visits}
    statuses = {status.value: status for status in VisitStatus}
    result = []
    for subject_id, subject_number, screening_number, code, day, window_start, window_end, status in rows:
        definition = definitions.get(code) or plan.visit(code)  # plan.visit names an unknown code
        result.append(
            CalendarVisit(
                subject_id,
                subject_number or screening_number,
                code,
                definition.name,
                day,
                window_start,
                window_end,
                statuses[status],
                definition.infusion,
            )
        )
    return result


def visit_content(visit: models.Visit) -> dict[str, object]:
    """What the "completed visit" signature covers: which visit, its status and its actual date."""
    return {"subject_id": visit.subject_id, "code": visit.code, "status": visit.status, "actual_on": visit.actual_on}


_STATUSES = {status.value: status for status in SubjectStatus}  # cheaper than the enum's constructor, per row


def _has_visits() -> Exists:
    """Whether the subject of the enclosing query has any visit: a schedule exists once dose 1 is booked."""
    return select(models.Visit.id).where(models.Visit.subject_id == models.Subject.id).exists()
