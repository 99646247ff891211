"""Bad input at the service boundary, visits and infusions: booking dose 1, rescheduling, recording and signing
visits, the pre-infusion safety check and the infusion record. Each call either saves what it was given (read back
here) or refuses it with a clear error and changes nothing (see test_bad_input_support.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from conftest import ACTOR, INVESTIGATOR, NURSE, PASSWORD
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from test_bad_input_support import (
    BAD_INPUT,
    TODAY,
    Stock,
    attempt,
    booked,
    enrolled,
    infusion_draft,
    junk_date,
    junk_datetime,
    junk_text,
    maybe,
    mostly,
    number_text,
    same,
    unlock_signers,
)

from coordinator_app.domain.schedule import VisitStatus
from coordinator_app.services.infusions import SafetyAnswers, VitalSigns
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.users import Credentials
from coordinator_app.services.workspace import Workspace
from coordinator_app.storage import models

CODES = ("SCR", "D1", "D1+1", "W1", "W2", "W4", "W8", "W12", "D2", "D2+1", "W25", "W28", "W36", "W48")
VISIT_CODES = mostly(st.sampled_from(CODES), junk_text("w4", " W4 "))


@pytest.fixture
def stock() -> Stock:
    return Stock()


def _signer() -> st.SearchStrategy[Credentials]:
    return mostly(
        st.just(Credentials(NURSE, PASSWORD)),
        st.builds(Credentials, junk_text(NURSE, INVESTIGATOR), junk_text(PASSWORD)),
    )


# -- the schedule -----------------------------------------------------------------------------------------------


@settings(BAD_INPUT, max_examples=30)
@given(
    day=junk_date(TODAY, TODAY + dt.timedelta(days=3), TODAY - dt.timedelta(days=40)),
    deviation=junk_text("cell product delayed"),
)
@example(day=dt.date.max, deviation="late")
@example(day=dt.date(9999, 6, 1), deviation="late")
def test_book_dose1(workspace: Workspace, trial: TrialSummary, stock: Stock, day: dt.date, deviation: str) -> None:
    enrolled_on = TODAY - dt.timedelta(days=10)
    subject_id = stock.take("enrolled", lambda: enrolled(workspace, trial.id, ACTOR, INVESTIGATOR, enrolled_on))
    saved = attempt(workspace, lambda: workspace.schedules.book_dose1(subject_id, day, ACTOR, deviation))
    if saved is not None:
        stock.used("enrolled")
        schedule = workspace.schedules.require_schedule(subject_id)
        same([v.code for v in schedule.visits], list(CODES), "visits")
        same((schedule.visit("D1").date, schedule.visit("SCR").actual), (day, enrolled_on), "dose 1")
        same([d.reason for d in schedule.deviations], [deviation.strip()] if schedule.deviations else [], "deviation")


def _booked(workspace: Workspace, trial: TrialSummary, stock: Stock) -> int:
    """A subject booked for dose 1 ten days from now, shared by a test's examples."""
    return stock.take(
        "booked",
        lambda: booked(
            workspace, trial.id, ACTOR, INVESTIGATOR, TODAY - dt.timedelta(days=5), TODAY + dt.timedelta(days=10)
        ),
    )


@settings(BAD_INPUT, max_examples=50)
@given(
    code=VISIT_CODES,
    shift=mostly(st.integers(-10, 10), st.integers(-(10**6), 10**6)),
    far=maybe(junk_date()),
    reason=junk_text("the subject asked"),
    deviation=junk_text("", "holiday"),
)
@example(code="D1", shift=0, far=dt.date.max, reason="r", deviation="d")
@example(code="W48", shift=0, far=dt.date(9999, 12, 1), reason="r", deviation="d")
@example(code="SCR", shift=0, far=dt.date.min, reason="r", deviation="d")
def test_reschedule(
    workspace: Workspace,
    trial: TrialSummary,
    stock: Stock,
    code: str,
    shift: int,
    far: dt.date | None,
    reason: str,
    deviation: str,
) -> None:
    subject_id = _booked(workspace, trial, stock)
    current = workspace.schedules.require_schedule(subject_id)
    base = next((v.date for v in current.visits if v.code == code), TODAY)
    try:
        new_date = far or base + dt.timedelta(days=shift)
    except OverflowError:
        return
    saved = attempt(
        workspace, lambda: workspace.schedules.reschedule(subject_id, code, new_date, reason, ACTOR, deviation)
    )
    if saved is not None:
        same(workspace.schedules.require_schedule(subject_id).visit(code).date, new_date, f"{code} date")


@settings(BAD_INPUT, max_examples=40)
@given(
    code=VISIT_CODES,
    status=st.sampled_from(list(VisitStatus)),
    actual=maybe(junk_date(TODAY)),
    reason=junk_text("", "no show"),
)
def test_record_visit(
    workspace: Workspace,
    trial: TrialSummary,
    stock: Stock,
    code: str,
    status: VisitStatus,
    actual: dt.date | None,
    reason: str,
) -> None:
    subject_id = _booked(workspace, trial, stock)
    saved = attempt(workspace, lambda: workspace.schedules.record(subject_id, code, status, actual, ACTOR, reason))
    if saved is not None:
        visit = workspace.schedules.require_schedule(subject_id).visit(code)
        same((visit.status, visit.actual), (status, actual), code)


def _dosed(workspace: Workspace, trial: TrialSummary, stock: Stock) -> int:
    """A subject given dose 1 sixty days ago, shared by a test's examples."""

    def make() -> int:
        dose1 = TODAY - dt.timedelta(days=60)
        subject_id = booked(workspace, trial.id, ACTOR, INVESTIGATOR, dose1 - dt.timedelta(days=5), dose1)
        workspace.infusions.record_infusion(subject_id, "D1", infusion_draft(dose1), Credentials(NURSE, PASSWORD))
        return subject_id

    return stock.take("dosed", make)


@settings(BAD_INPUT, max_examples=40)
@given(
    code=VISIT_CODES,
    actual=junk_date(*(TODAY - dt.timedelta(days=n) for n in (59, 53, 46, 32, 4))),
    signer=_signer(),
    reason=junk_text("", "entered late"),
)
def test_complete_visit(
    workspace: Workspace,
    trial: TrialSummary,
    stock: Stock,
    code: str,
    actual: dt.date,
    signer: Credentials,
    reason: str,
) -> None:
    subject_id = _dosed(workspace, trial, stock)
    saved = attempt(workspace, lambda: workspace.schedules.complete(subject_id, code, actual, signer, reason))
    unlock_signers(workspace, NURSE, INVESTIGATOR)
    if saved is not None:
        visit = workspace.schedules.require_schedule(subject_id).visit(code)
        same((visit.status, visit.actual), (VisitStatus.DONE, actual), code)


# -- infusions --------------------------------------------------------------------------------------------------


@settings(BAD_INPUT, max_examples=40)
@given(
    code=VISIT_CODES,
    flags=st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans()),
    investigator=junk_text("Dr Zhang", "张医生"),
)
@example(code="W4", flags=(False, False, False, True), investigator="Dr Zhang")  # was saved for a visit, not a dose
def test_record_safety_check(
    workspace: Workspace,
    trial: TrialSummary,
    stock: Stock,
    code: str,
    flags: tuple[bool, bool, bool, bool],
    investigator: str,
) -> None:
    subject_id = _booked(workspace, trial, stock)
    answers = SafetyAnswers(*flags, investigator=investigator)
    saved = attempt(workspace, lambda: workspace.infusions.record_safety_check(subject_id, code, answers, ACTOR))
    if saved is not None:
        same(saved, answers.passed, "passed")
        assert code in ("D1", "D2"), f"a safety check saved for {code!r}, which is not an infusion"
        with workspace.database.read() as session:
            row = session.scalars(select(models.SafetyCheck).order_by(models.SafetyCheck.id.desc())).first()
            assert row is not None
            same(
                (
                    row.subject_id,
                    row.visit_code,
                    row.active_infection,
                    row.spontaneous_peritonitis,
                    row.gi_bleeding_last_4_weeks,
                    row.investigator_clearance,
                    row.investigator,
                ),
                (subject_id, code, *flags, investigator.strip()),
                "safety check",
            )


NUMBER_FIELDS = {
    "cells_per_dose": ("1.0e8", "100000000", "1.02E+8", "0.95e8"),
    "viability_release_percent": ("95", "99.5", "100"),
    "viability_bedside_percent": ("92", "0", "88.0"),
    "volume_ml": ("100", "1", "1000"),
    "rate_ml_per_hour": ("150", "2000"),
    "transport_temperature_c": ("4", "-196", "37.5"),
}
TEXT_FIELDS = {
    "product_lot": ("LOT-1", "批号-2026"),
    "release_certificate": ("QA-1",),
    "administered_by": ("Nurse Liu", "刘护士"),
    "checked_by": ("Nurse Chen", "陈护士"),
    "immediate_reactions": ("", "mild fever 37.9"),
}


@st.composite
def vital_signs(draw: st.DrawFn) -> VitalSigns:
    return VitalSigns(
        draw(mostly(st.sampled_from([-15, 15, 30, 60, 120]), st.integers())),
        draw(number_text("36.6", "")),
        draw(number_text("80", "")),
        draw(number_text("120", "")),
        draw(number_text("80", "")),
        draw(number_text("98", "")),
    )


@st.composite
def infusion_changes(draw: st.DrawFn) -> dict[str, object]:
    """Junk for some of the fields of a valid infusion record."""
    changes: dict[str, object] = {}
    for name in draw(st.sets(st.sampled_from([*NUMBER_FIELDS, *TEXT_FIELDS, "times", "vital_signs"]), max_size=3)):
        if name in NUMBER_FIELDS:
            changes[name] = draw(number_text(*NUMBER_FIELDS[name]))
        elif name in TEXT_FIELDS:
            changes[name] = draw(junk_text(*TEXT_FIELDS[name]))
        elif name == "times":
            changes["prepared_at"] = draw(junk_datetime())
            changes["infusion_start"] = draw(junk_datetime())
            changes["infusion_end"] = draw(junk_datetime())
        else:
            changes[name] = tuple(draw(st.lists(vital_signs(), max_size=3)))
    return changes


EARLIEST = dt.datetime.min.replace(tzinfo=dt.timezone(dt.timedelta(hours=14)))


@settings(BAD_INPUT, max_examples=30)
@given(
    changes=infusion_changes(),
    code=mostly(st.just("D1"), VISIT_CODES),
    signer=_signer(),
    deviation=junk_text("", "second bag thawed"),
)
@example(
    changes={"prepared_at": EARLIEST, "infusion_start": EARLIEST, "infusion_end": EARLIEST + dt.timedelta(hours=1)},
    code="D1",
    signer=Credentials(NURSE, PASSWORD),
    deviation="",
)
def test_record_infusion(
    workspace: Workspace,
    trial: TrialSummary,
    stock: Stock,
    changes: dict[str, object],
    code: str,
    signer: Credentials,
    deviation: str,
) -> None:
    booked_on = TODAY - dt.timedelta(days=2 + 7 * stock.made)  # a day with room for another infusion
    subject_id = stock.take(
        "booked", lambda: booked(workspace, trial.id, ACTOR, INVESTIGATOR, booked_on - dt.timedelta(days=5), booked_on)
    )
    dose1 = workspace.schedules.require_schedule(subject_id).visit("D1").date
    draft = dataclasses.replace(infusion_draft(dose1), **changes)
    saved = attempt(workspace, lambda: workspace.infusions.record_infusion(subject_id, code, draft, signer, deviation))
    unlock_signers(workspace, NURSE, INVESTIGATOR)
    if saved is None:
        return
    stock.used("booked")
    visit = workspace.schedules.require_schedule(subject_id).visit(code)
    same((visit.status, visit.actual), (VisitStatus.DONE, draft.infusion_start.astimezone().date()), code)
    with workspace.database.read() as session:
        row = session.scalars(select(models.InfusionRecord).where(models.InfusionRecord.subject_id == subject_id)).one()
        for name in [*NUMBER_FIELDS, *TEXT_FIELDS]:
            same(getattr(row, name), getattr(draft, name).strip(), name)
        same(
            (row.prepared_at, row.infusion_start, row.infusion_end),
            (draft.prepared_at, draft.infusion_start, draft.infusion_end),
            "times",
        )
        same(json.loads(row.vital_signs_json), [dataclasses.asdict(v) for v in draft.vital_signs], "vital signs")
