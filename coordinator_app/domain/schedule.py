"""A subject's visit schedule, computed from the protocol's visit plan and what the site recorded.

Only the site's records are stored (a booked date, a done date, missed or cancelled); every other date
follows from the plan, so correcting the plan or a dose date moves the schedule without rewriting it.
Offsets count from an anchor's actual date once it is done and from its target (or booked) date before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from coordinator_app.domain.errors import NotFoundError, ValidationError
from coordinator_app.domain.protocol import VisitDefinition, VisitPlan


class VisitStatus(StrEnum):
    SCHEDULED = "scheduled"
    DONE = "done"
    MISSED = "missed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class VisitRecord:
    """What the site recorded for one visit: ``booked`` is a date it chose (reschedule), ``actual`` the done date.

    Only a done visit has an actual date, and it always has one: the schedule counts from it.
    """

    status: VisitStatus = VisitStatus.SCHEDULED
    actual: dt.date | None = None
    booked: dt.date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", VisitStatus(self.status))  # stored records come back as text
        if self.status is VisitStatus.DONE and self.actual is None:
            raise ValidationError("actual", None, "a done visit needs the date it was done")
        if self.status is not VisitStatus.DONE and self.actual is not None:
            raise ValidationError(
                "actual", self.actual, f"only a done visit has an actual date, not a {self.status} one"
            )


_UNRECORDED = VisitRecord()


@dataclass(frozen=True)
class ScheduledVisit:
    """One visit of a subject's schedule: the plan's target and window, and what the site recorded."""

    code: str
    definition: VisitDefinition
    planned: dt.date
    window_start: dt.date
    window_end: dt.date
    booked: dt.date | None
    actual: dt.date | None
    status: VisitStatus

    @property
    def date(self) -> dt.date:
        """The date on the calendar: when it was done, else when it is booked, else its target."""
        if self.status is VisitStatus.DONE and self.actual is not None:
            return self.actual
        return self.booked or self.planned

    @property
    def in_window(self) -> bool:
        return self.window_start <= self.date <= self.window_end

    def overdue(self, today: dt.date) -> bool:
        """Still to do although its window has closed."""
        return self.status is VisitStatus.SCHEDULED and today > self.window_end


@dataclass(frozen=True)
class Move:
    """A visit whose calendar date or window a reschedule changes, to show before saving."""

    code: str
    old_date: dt.date
    new_date: dt.date
    old_window: tuple[dt.date, dt.date]
    new_window: tuple[dt.date, dt.date]


def build_schedule(plan: VisitPlan, dose1: dt.date, records: Mapping[str, VisitRecord]) -> tuple[ScheduledVisit, ...]:
    """Every visit of the plan, in plan order, for a subject whose dose 1 is targeted on ``dose1``.

    The first anchor's target is its actual date once done, else its booked date, else ``dose1``: it has no
    window of its own. Every other visit's target is its anchor's effective date (actual if done, else booked,
    else target) plus ``day``. Records of visits the plan no longer has are ignored here (and kept by the
    functions that return records), so editing the plan never makes a subject's schedule unreadable.
    """
    definitions = {visit.code: visit for visit in plan.visits}
    planned: dict[str, dt.date] = {}
    pending: set[str] = set()

    def effective(code: str) -> dt.date:
        record = records.get(code, _UNRECORDED)
        if record.status is VisitStatus.DONE and record.actual is not None:
            return record.actual
        return record.booked or target(code)

    def target(code: str) -> dt.date:
        if code in planned:
            return planned[code]
        if code in pending:
            raise ValueError(f"the visit plan's anchors make a cycle through {code!r}")
        pending.add(code)
        definition = definitions[code]
        if definition.anchor is None:
            record = records.get(code, _UNRECORDED)
            done = record.actual if record.status is VisitStatus.DONE else None
            planned[code] = done or record.booked or dose1
        else:
            planned[code] = _plus(effective(definition.anchor), definition.day, code)
        return planned[code]

    schedule = []
    for visit in plan.visits:
        day = target(visit.code)
        record = records.get(visit.code, _UNRECORDED)
        schedule.append(
            ScheduledVisit(
                code=visit.code,
                definition=visit,
                planned=day,
                window_start=_plus(day, -visit.before, visit.code),
                window_end=_plus(day, visit.after, visit.code),
                booked=record.booked,
                actual=record.actual,
                status=record.status,
            )
        )
    return tuple(schedule)


def earlier_dose_not_given(plan: VisitPlan, statuses: Mapping[str, VisitStatus], code: str) -> str:
    """The code of an earlier infusion that the visit ``code`` counts from and that is not done yet, else "":
    a dose is never given before the one it follows. ``statuses`` are the subject's visits' statuses by code."""
    anchor = _definition(plan, code).anchor
    while anchor is not None:
        definition = _definition(plan, anchor)
        if definition.infusion and statuses.get(anchor) is not VisitStatus.DONE:
            return anchor
        anchor = definition.anchor
    return ""


def window_deviation(visit: ScheduledVisit, new_date: dt.date) -> bool:
    """True when ``new_date`` falls outside the visit's window: booking it needs a deviation reason.

    The first anchor (dose 1) is never a deviation by itself: its window is its own date and moves with it;
    what moving it breaks shows as the other visits' windows in the moves that :func:`reschedule` returns.
    """
    if visit.definition.anchor is None:
        return False
    return not visit.window_start <= new_date <= visit.window_end


def reschedule(
    plan: VisitPlan, dose1: dt.date, records: Mapping[str, VisitRecord], code: str, new_date: dt.date
) -> tuple[dict[str, VisitRecord], tuple[Move, ...]]:
    """Book visit ``code`` on ``new_date``; return the new records and every visit whose date or window moved.

    Moving an anchor shifts each not-yet-done booked visit that depends on it (not through a done visit) by the
    same number of days, so the site's bookings keep their relation to it; unbooked ones follow by themselves.
    A missed visit that is booked again is scheduled again. Done and cancelled visits cannot be moved.
    """
    definition = _definition(plan, code)
    record = records.get(code, _UNRECORDED)
    if record.status is VisitStatus.DONE:
        raise ValidationError("visit", code, f"was done on {record.actual}; a done visit's date is kept forever")
    if record.status is VisitStatus.CANCELLED:
        raise ValidationError("visit", code, "is cancelled and cannot be booked")
    before = {visit.code: visit for visit in build_schedule(plan, dose1, records)}
    if definition.anchor is not None:
        _check_side(definition, before[definition.anchor].date, new_date, "date")
    for child in plan.visits:
        child_record = records.get(child.code, _UNRECORDED)
        if child.anchor == code and child.day < 0 and child_record.actual and new_date < child_record.actual:
            raise ValidationError("date", new_date, f"is before {child.code} was done ({child_record.actual})")

    delta = new_date - before[code].date
    updated = dict(records)
    updated[code] = VisitRecord(VisitStatus.SCHEDULED, None, new_date)
    for dependent in _moving_dependents(plan, records, code):
        dependent_record = records.get(dependent, _UNRECORDED)
        if dependent_record.status is VisitStatus.SCHEDULED and dependent_record.booked is not None:
            moved = _plus(dependent_record.booked, delta.days, dependent)
            updated[dependent] = VisitRecord(VisitStatus.SCHEDULED, None, moved)

    moves = []
    for visit in build_schedule(plan, dose1, updated):
        old = before[visit.code]
        old_window, new_window = (old.window_start, old.window_end), (visit.window_start, visit.window_end)
        if old.date != visit.date or old_window != new_window:
            moves.append(Move(visit.code, old.date, visit.date, old_window, new_window))
    return updated, tuple(moves)


def record_visit(
    plan: VisitPlan,
    dose1: dt.date,
    records: Mapping[str, VisitRecord],
    code: str,
    status: VisitStatus,
    actual: dt.date | None,
    today: dt.date,
) -> dict[str, VisitRecord]:
    """Record visit ``code`` as done on ``actual``, missed, cancelled, or (undoing those) scheduled again.

    A done visit is final: the schedule counts from it. A visit after its anchor can be done only once the
    anchor is done, and not before it; a dose only once the doses before it were given.
    """
    definition = _definition(plan, code)
    record = records.get(code, _UNRECORDED)
    if record.status is VisitStatus.DONE:
        raise ValidationError("visit", code, f"was done on {record.actual}; a done visit is kept forever")
    if status is not VisitStatus.DONE:
        if actual is not None:
            raise ValidationError("actual", actual, f"only a done visit has an actual date, not a {status} one")
        return {**records, code: VisitRecord(status, None, record.booked)}

    if actual is None:
        raise ValidationError("actual", None, "a done visit needs the date it was done")
    if actual > today:
        raise ValidationError("actual", actual, f"is in the future (today is {today})")
    if definition.infusion:
        for earlier in plan.infusions()[: plan.infusions().index(definition)]:
            if records.get(earlier.code, _UNRECORDED).status is not VisitStatus.DONE:
                raise ValidationError("visit", code, f"cannot be marked given unless {earlier.code} was")
    if definition.anchor is not None:
        anchor = records.get(definition.anchor, _UNRECORDED)
        if definition.day >= 0 and (anchor.status is not VisitStatus.DONE or anchor.actual is None):
            raise ValidationError(
                "visit", code, f"cannot be done before its anchor {definition.anchor} is done ({anchor.status})"
            )
        if anchor.actual is not None:
            _check_side(definition, anchor.actual, actual, "actual")
    for child in plan.visits:
        child_record = records.get(child.code, _UNRECORDED)
        if child.anchor == code and child.day < 0 and child_record.actual and actual < child_record.actual:
            raise ValidationError("actual", actual, f"is before {child.code} was done ({child_record.actual})")
    return {**records, code: VisitRecord(VisitStatus.DONE, actual, record.booked)}


def _plus(day: dt.date, days: int, code: str) -> dt.date:
    """``day`` moved by ``days``; a date that would leave the calendar (years 1 to 9999) is bad input, not a crash."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        raise ValidationError(
            "date", day.isoformat(), f"puts visit {code} outside the calendar (years 1 to 9999): check the year"
        ) from None


def _definition(plan: VisitPlan, code: str) -> VisitDefinition:
    try:
        return plan.visit(code)
    except NotFoundError:
        raise ValidationError("visit", code, "is not a visit of the visit plan") from None


def _check_side(definition: VisitDefinition, anchor_date: dt.date, day: dt.date, field: str) -> None:
    """A visit planned after its anchor cannot fall before it, nor one planned before it (screening) after it."""
    if definition.day >= 0 and day < anchor_date:
        raise ValidationError(
            field, day, f"is before {definition.anchor} ({anchor_date}), which {definition.code} follows"
        )
    if definition.day < 0 and day > anchor_date:
        raise ValidationError(
            field, day, f"is after {definition.anchor} ({anchor_date}), which {definition.code} precedes"
        )


def _moving_dependents(plan: VisitPlan, records: Mapping[str, VisitRecord], code: str) -> list[str]:
    """The visits that count from ``code``, directly or through anchors that are not done (a done one stays put)."""
    moving: list[str] = []
    frontier = [code]
    while frontier:
        anchor = frontier.pop()
        for visit in plan.visits:
            if visit.anchor == anchor and visit.code not in moving and visit.code != code:
                moving.append(visit.code)
                if records.get(visit.code, _UNRECORDED).status is not VisitStatus.DONE:
                    frontier.append(visit.code)
    return moving
