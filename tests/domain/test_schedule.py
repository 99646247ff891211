"""The visit schedule computed from the shipped visit plan: dates, windows, reschedules and recorded visits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coordinator_app.domain.errors import ValidationError
from coordinator_app.domain.protocol import Text, VisitDefinition, VisitPlan, load_protocol_file
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
from coordinator_app.resource_files import resource

D = dt.date
DOSE1 = D(2026, 1, 5)
TODAY = D(2027, 6, 1)
DONE, MISSED, CANCELLED, SCHEDULED = VisitStatus.DONE, VisitStatus.MISSED, VisitStatus.CANCELLED, VisitStatus.SCHEDULED


@pytest.fixture(scope="module")
def plan() -> VisitPlan:
    visit_plan = load_protocol_file(Path(str(resource("protocols", "NCT05106972.toml")))).visit_plan
    assert visit_plan is not None
    return visit_plan


def by_code(schedule: tuple[ScheduledVisit, ...]) -> dict[str, ScheduledVisit]:
    return {visit.code: visit for visit in schedule}


def rows(schedule: tuple[ScheduledVisit, ...]) -> list[tuple[str, D, D, D]]:
    return [(v.code, v.planned, v.window_start, v.window_end) for v in schedule]


def done(*pairs: tuple[str, D]) -> dict[str, VisitRecord]:
    return {code: VisitRecord(DONE, day) for code, day in pairs}


# -- generation --------------------------------------------------------------------------------


def test_the_shipped_plan_generates_every_visit_with_its_date_and_window(plan: VisitPlan) -> None:
    schedule = build_schedule(plan, DOSE1, {})

    assert rows(schedule) == [
        ("SCR", D(2026, 1, 4), D(2025, 12, 8), D(2026, 1, 4)),  # day -28 .. -1
        ("D1", D(2026, 1, 5), D(2026, 1, 5), D(2026, 1, 5)),
        ("D1+1", D(2026, 1, 6), D(2026, 1, 6), D(2026, 1, 6)),
        ("W1", D(2026, 1, 12), D(2026, 1, 10), D(2026, 1, 14)),  # 7 ± 2
        ("W2", D(2026, 1, 19), D(2026, 1, 16), D(2026, 1, 22)),  # 14 ± 3
        ("W4", D(2026, 2, 2), D(2026, 1, 30), D(2026, 2, 5)),  # 28 ± 3
        ("W8", D(2026, 3, 2), D(2026, 2, 23), D(2026, 3, 9)),  # 56 ± 7
        ("W12", D(2026, 3, 30), D(2026, 3, 23), D(2026, 4, 6)),  # 84 ± 7
        ("D2", D(2026, 6, 22), D(2026, 6, 15), D(2026, 6, 29)),  # 168 ± 7
        ("D2+1", D(2026, 6, 23), D(2026, 6, 23), D(2026, 6, 23)),
        ("W25", D(2026, 6, 29), D(2026, 6, 27), D(2026, 7, 1)),  # D2 + 7 ± 2
        ("W28", D(2026, 7, 20), D(2026, 7, 17), D(2026, 7, 23)),  # D2 + 28 ± 3
        ("W36", D(2026, 9, 14), D(2026, 9, 7), D(2026, 9, 21)),  # D2 + 84 ± 7
        ("W48", D(2026, 12, 7), D(2026, 11, 30), D(2026, 12, 14)),  # D2 + 168 ± 7
    ]
    for visit in schedule:
        assert (visit.status, visit.booked, visit.actual, visit.date) == (SCHEDULED, None, None, visit.planned)
        assert visit.definition is plan.visit(visit.code)
        assert visit.in_window


def test_dose_1_done_late_shifts_everything_that_counts_from_it(plan: VisitPlan) -> None:
    schedule = by_code(build_schedule(plan, DOSE1, done(("SCR", D(2025, 12, 20)), ("D1", D(2026, 1, 9)))))

    assert schedule["D1"].date == schedule["D1"].planned == D(2026, 1, 9)
    assert schedule["W12"].planned == D(2026, 1, 9) + dt.timedelta(84)
    assert schedule["D2"].planned == D(2026, 6, 26)
    assert schedule["W48"].planned == D(2026, 6, 26) + dt.timedelta(168)
    # Screening stays on the day it was done; its window now counts back from the actual dose 1.
    assert (schedule["SCR"].date, schedule["SCR"].window_start) == (D(2025, 12, 20), D(2025, 12, 12))
    assert schedule["SCR"].in_window


def test_dose_2_done_early_shifts_its_dependents_but_not_dose_1s(plan: VisitPlan) -> None:
    records = done(("D1", DOSE1), ("W12", D(2026, 3, 30)), ("D2", D(2026, 6, 16)))
    schedule = by_code(build_schedule(plan, DOSE1, records))
    unshifted = by_code(build_schedule(plan, DOSE1, {}))

    assert schedule["D2"].planned == D(2026, 6, 22)  # its target still counts from dose 1 ...
    assert schedule["D2"].date == D(2026, 6, 16)  # ... the calendar shows when it was given
    assert schedule["D2"].in_window
    for code in ("D2+1", "W25", "W28", "W36", "W48"):
        assert schedule[code].planned == unshifted[code].planned - dt.timedelta(6), code
    for code in ("SCR", "D1+1", "W1", "W2", "W4", "W8", "W12"):
        assert schedule[code].planned == unshifted[code].planned, code


def test_a_booked_anchor_counts_as_its_target(plan: VisitPlan) -> None:
    schedule = by_code(build_schedule(plan, DOSE1, {"D2": VisitRecord(booked=D(2026, 6, 24))}))

    assert (schedule["D2"].planned, schedule["D2"].date) == (D(2026, 6, 22), D(2026, 6, 24))
    assert schedule["W25"].planned == D(2026, 7, 1)


def test_dose_1_booked_elsewhere_is_its_own_target(plan: VisitPlan) -> None:
    schedule = by_code(build_schedule(plan, DOSE1, {"D1": VisitRecord(booked=D(2026, 1, 8))}))

    assert (schedule["D1"].planned, schedule["D1"].window_start, schedule["D1"].window_end) == (D(2026, 1, 8),) * 3
    assert schedule["W1"].planned == D(2026, 1, 15)


def test_plain_day_offsets_across_month_ends_and_leap_days(plan: VisitPlan) -> None:
    leap = by_code(build_schedule(plan, D(2028, 2, 1), {}))
    assert leap["W4"].planned == D(2028, 2, 29)
    assert leap["SCR"].window_start == D(2028, 1, 4)
    assert leap["D2"].planned == D(2028, 7, 18)

    month_end = by_code(build_schedule(plan, D(2026, 1, 31), {}))
    assert month_end["W4"].planned == D(2026, 2, 28)
    assert month_end["W8"].planned == D(2026, 3, 28)
    assert month_end["W48"].planned == D(2027, 1, 2)  # 336 days: not "11 months later"

    over_new_year = by_code(build_schedule(plan, D(2027, 12, 31), {}))
    assert over_new_year["D1+1"].planned == D(2028, 1, 1)
    assert over_new_year["W8"].window_end == D(2028, 3, 3)  # 56 + 7 days, through 29 February 2028


def test_overdue_means_still_scheduled_after_the_window_closed(plan: VisitPlan) -> None:
    w1 = by_code(build_schedule(plan, DOSE1, {}))["W1"]
    assert not w1.overdue(D(2026, 1, 14))
    assert w1.overdue(D(2026, 1, 15))
    missed = by_code(build_schedule(plan, DOSE1, {"W1": VisitRecord(MISSED)}))["W1"]
    assert not missed.overdue(D(2026, 1, 15))


def test_records_of_visits_the_plan_no_longer_has_are_ignored(plan: VisitPlan) -> None:
    assert build_schedule(plan, DOSE1, {"W99": VisitRecord(MISSED)}) == build_schedule(plan, DOSE1, {})


def test_a_record_keeps_its_invariants() -> None:
    assert VisitRecord("done", D(2026, 1, 5)).status is DONE  # type: ignore[arg-type]  # as stored
    with pytest.raises(ValidationError, match="needs the date it was done"):
        VisitRecord(DONE)
    with pytest.raises(ValidationError, match="only a done visit has an actual date"):
        VisitRecord(MISSED, D(2026, 1, 5))


# -- windows -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "new_date", "deviation"),
    [
        ("W12", D(2026, 3, 23), False),  # target - 7: the first day of the window
        ("W12", D(2026, 4, 6), False),  # target + 7: the last day
        ("W12", D(2026, 3, 22), True),
        ("W12", D(2026, 4, 7), True),
        ("SCR", D(2025, 12, 8), False),  # day -28
        ("SCR", D(2025, 12, 7), True),  # day -29
        ("SCR", D(2026, 1, 4), False),  # day -1
        ("SCR", D(2026, 1, 5), True),  # the dose day itself
        ("D1+1", D(2026, 1, 7), True),  # no window: day 1 exactly
        ("D1", D(2026, 2, 5), False),  # dose 1's window moves with it
    ],
)
def test_window_edges_are_inclusive(plan: VisitPlan, code: str, new_date: D, deviation: bool) -> None:
    visit = by_code(build_schedule(plan, DOSE1, {}))[code]
    assert window_deviation(visit, new_date) is deviation


# -- rescheduling ------------------------------------------------------------------------------


def test_rescheduling_dose_2_moves_its_dependents_and_keeps_their_bookings_relative(plan: VisitPlan) -> None:
    records = {
        **done(("SCR", D(2025, 12, 20)), ("D1", DOSE1), ("W12", D(2026, 3, 31))),
        "W28": VisitRecord(booked=D(2026, 7, 21)),  # one day after its target, chosen by the site
    }
    new_records, moves = reschedule(plan, DOSE1, records, "D2", D(2026, 6, 26))

    assert new_records["D2"] == VisitRecord(SCHEDULED, None, D(2026, 6, 26))
    assert new_records["W28"] == VisitRecord(SCHEDULED, None, D(2026, 7, 25))
    assert {k: v for k, v in new_records.items() if k not in ("D2", "W28")} == {
        k: v for k, v in records.items() if k != "W28"
    }
    assert moves == (
        Move("D2", D(2026, 6, 22), D(2026, 6, 26), (D(2026, 6, 15), D(2026, 6, 29)), (D(2026, 6, 15), D(2026, 6, 29))),
        Move("D2+1", D(2026, 6, 23), D(2026, 6, 27), (D(2026, 6, 23),) * 2, (D(2026, 6, 27),) * 2),
        Move("W25", D(2026, 6, 29), D(2026, 7, 3), (D(2026, 6, 27), D(2026, 7, 1)), (D(2026, 7, 1), D(2026, 7, 5))),
        Move("W28", D(2026, 7, 21), D(2026, 7, 25), (D(2026, 7, 17), D(2026, 7, 23)), (D(2026, 7, 21), D(2026, 7, 27))),
        Move("W36", D(2026, 9, 14), D(2026, 9, 18), (D(2026, 9, 7), D(2026, 9, 21)), (D(2026, 9, 11), D(2026, 9, 25))),
        Move(
            "W48",
            D(2026, 12, 7),
            D(2026, 12, 11),
            (D(2026, 11, 30), D(2026, 12, 14)),
            (D(2026, 12, 4), D(2026, 12, 18)),
        ),
    )
    schedule = by_code(build_schedule(plan, DOSE1, new_records))
    assert schedule["W28"].date - schedule["W28"].planned == dt.timedelta(1)


def test_rescheduling_a_visit_that_is_no_anchor_moves_only_itself(plan: VisitPlan) -> None:
    records = done(("D1", DOSE1))
    new_records, moves = reschedule(plan, DOSE1, records, "W12", D(2026, 4, 9))

    assert new_records == {**records, "W12": VisitRecord(booked=D(2026, 4, 9))}
    assert moves == (
        Move("W12", D(2026, 3, 30), D(2026, 4, 9), (D(2026, 3, 23), D(2026, 4, 6)), (D(2026, 3, 23), D(2026, 4, 6))),
    )
    assert not by_code(build_schedule(plan, DOSE1, new_records))["W12"].in_window


def test_rescheduling_dose_1_moves_the_whole_schedule_and_shows_a_done_screening_window(plan: VisitPlan) -> None:
    records = {
        "D1": VisitRecord(booked=DOSE1),
        **done(("SCR", D(2025, 12, 20))),
        "D2": VisitRecord(booked=D(2026, 6, 23)),
    }
    new_records, moves = reschedule(plan, DOSE1, records, "D1", D(2026, 1, 19))

    assert new_records["D1"] == VisitRecord(booked=D(2026, 1, 19))
    assert new_records["D2"] == VisitRecord(booked=D(2026, 7, 7))
    moved = {move.code: move for move in moves}
    assert set(moved) == set(plan.codes())
    assert moved["SCR"].old_date == moved["SCR"].new_date == D(2025, 12, 20)
    assert moved["SCR"].new_window == (D(2025, 12, 22), D(2026, 1, 18))  # screening would fall out of its window
    assert moved["W48"].new_date == D(2026, 7, 7) + dt.timedelta(168)


def test_rescheduling_a_missed_visit_books_it_again(plan: VisitPlan) -> None:
    new_records, _ = reschedule(plan, DOSE1, {"W1": VisitRecord(MISSED)}, "W1", D(2026, 1, 13))
    assert new_records["W1"] == VisitRecord(SCHEDULED, None, D(2026, 1, 13))


def test_rescheduling_to_the_same_day_moves_nothing(plan: VisitPlan) -> None:
    _, moves = reschedule(plan, DOSE1, {}, "D2", D(2026, 6, 22))
    assert moves == ()


@pytest.mark.parametrize(
    ("records", "code", "new_date", "field", "problem"),
    [
        (done(("D1", DOSE1)), "D1", D(2026, 1, 6), "visit", "a done visit's date is kept forever"),
        ({"W4": VisitRecord(CANCELLED)}, "W4", D(2026, 2, 3), "visit", "is cancelled"),
        ({}, "W99", D(2026, 2, 3), "visit", "is not a visit of the visit plan"),
        ({}, "W1", D(2026, 1, 4), "date", "is before D1 (2026-01-05), which W1 follows"),
        ({}, "SCR", D(2026, 1, 6), "date", "is after D1 (2026-01-05), which SCR precedes"),
        (done(("SCR", D(2026, 1, 2))), "D1", D(2026, 1, 1), "date", "is before SCR was done (2026-01-02)"),
    ],
)
def test_reschedule_refusals(
    plan: VisitPlan, records: dict[str, VisitRecord], code: str, new_date: D, field: str, problem: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        reschedule(plan, DOSE1, records, code, new_date)
    assert raised.value.field == field
    assert problem in raised.value.problem


# -- recording ---------------------------------------------------------------------------------


def test_recording_a_visit_done_missed_or_cancelled_keeps_its_booking(plan: VisitPlan) -> None:
    records = {"D1": VisitRecord(booked=DOSE1), "W1": VisitRecord(booked=D(2026, 1, 13))}

    records = record_visit(plan, DOSE1, records, "D1", DONE, D(2026, 1, 6), TODAY)
    assert records["D1"] == VisitRecord(DONE, D(2026, 1, 6), DOSE1)
    records = record_visit(plan, DOSE1, records, "W1", DONE, D(2026, 1, 13), TODAY)
    assert records["W1"] == VisitRecord(DONE, D(2026, 1, 13), D(2026, 1, 13))
    records = record_visit(plan, DOSE1, records, "W2", MISSED, None, TODAY)
    assert records["W2"] == VisitRecord(MISSED)
    records = record_visit(plan, DOSE1, records, "W2", SCHEDULED, None, TODAY)  # marked missed by mistake
    assert records["W2"] == VisitRecord()
    records = record_visit(plan, DOSE1, records, "W48", CANCELLED, None, TODAY)
    assert records["W48"] == VisitRecord(CANCELLED)


def test_dose_2_is_given_after_dose_1_and_moves_its_dependents(plan: VisitPlan) -> None:
    records = record_visit(plan, DOSE1, {}, "D1", DONE, DOSE1, TODAY)
    records = record_visit(plan, DOSE1, records, "D2", DONE, D(2026, 6, 20), TODAY)

    schedule = by_code(build_schedule(plan, DOSE1, records))
    assert schedule["W48"].planned == D(2026, 6, 20) + dt.timedelta(168)


@pytest.mark.parametrize(
    ("records", "code", "status", "actual", "field", "problem"),
    [
        ({}, "D2", DONE, D(2026, 6, 22), "visit", "cannot be marked given unless D1 was"),
        ({"D1": VisitRecord(MISSED)}, "D2", DONE, D(2026, 6, 22), "visit", "cannot be marked given unless D1 was"),
        (done(("D1", DOSE1)), "D2+1", DONE, D(2026, 6, 23), "visit", "cannot be done before its anchor D2 is done"),
        ({}, "W1", DONE, D(2026, 1, 12), "visit", "cannot be done before its anchor D1 is done (scheduled)"),
        (done(("D1", DOSE1)), "W1", DONE, D(2026, 1, 4), "actual", "is before D1 (2026-01-05), which W1 follows"),
        (done(("D1", DOSE1)), "SCR", DONE, D(2026, 1, 6), "actual", "is after D1 (2026-01-05), which SCR precedes"),
        (done(("SCR", D(2026, 1, 3))), "D1", DONE, D(2026, 1, 2), "actual", "is before SCR was done (2026-01-03)"),
        (done(("D1", DOSE1)), "W1", DONE, TODAY + dt.timedelta(1), "actual", "is in the future"),
        (done(("D1", DOSE1)), "W1", DONE, None, "actual", "a done visit needs the date it was done"),
        ({}, "W1", MISSED, D(2026, 1, 12), "actual", "only a done visit has an actual date"),
        (done(("D1", DOSE1)), "D1", DONE, D(2026, 1, 6), "visit", "a done visit is kept forever"),
        (done(("D1", DOSE1)), "D1", CANCELLED, None, "visit", "a done visit is kept forever"),
        ({}, "X1", MISSED, None, "visit", "is not a visit of the visit plan"),
    ],
)
def test_record_refusals(
    plan: VisitPlan,
    records: dict[str, VisitRecord],
    code: str,
    status: VisitStatus,
    actual: D | None,
    field: str,
    problem: str,
) -> None:
    with pytest.raises(ValidationError) as raised:
        record_visit(plan, DOSE1, records, code, status, actual, TODAY)
    assert raised.value.field == field
    assert problem in raised.value.problem


def test_screening_is_done_before_dose_1_and_dose_1_on_the_same_day_or_later(plan: VisitPlan) -> None:
    records = record_visit(plan, DOSE1, {}, "SCR", DONE, D(2025, 12, 20), TODAY)
    records = record_visit(plan, DOSE1, records, "D1", DONE, D(2025, 12, 20), TODAY)
    assert records["D1"].actual == D(2025, 12, 20)


def test_a_dose_waits_for_every_earlier_dose_even_through_other_anchors() -> None:
    """A plan whose third dose hangs on a follow-up visit: it still needs doses 1 and 2 given."""

    def visit(code: str, anchor: str | None, day: int, infusion: bool = False) -> VisitDefinition:
        return VisitDefinition(code, Text(code), anchor, day, 0, 0, infusion, ())

    plan = VisitPlan(
        (visit("D1", None, 0, True), visit("D2", "D1", 28, True), visit("F1", "D1", 56), visit("D3", "F1", 7, True)),
        (),
    )
    records = done(("D1", DOSE1), ("F1", D(2026, 3, 2)))
    with pytest.raises(ValidationError, match="cannot be marked given unless D2 was"):
        record_visit(plan, DOSE1, records, "D3", DONE, D(2026, 3, 9), TODAY)
