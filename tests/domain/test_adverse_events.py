"""AE rules at their edges, the SAE clock around its deadline, dose periods and the summary."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from coordinator_app.domain.adverse_events import (
    QUICK_ENTRIES,
    ActionTaken,
    AeDraft,
    AeFacts,
    DosePeriod,
    Grade,
    Outcome,
    Relationship,
    Seriousness,
    dose_period,
    format_criteria,
    format_time_left,
    grade_label,
    parse_criteria,
    quick_entry,
    sae_clock,
    sae_deadline,
    summarise,
    validate_ae,
)
from coordinator_app.domain.errors import ValidationError

TODAY = dt.date(2026, 3, 10)
AWARE = dt.datetime(2026, 3, 10, 9, 0).astimezone()
UTC = dt.UTC


def _draft(**changes: object) -> AeDraft:
    draft = AeDraft(
        term="  Fever ",
        onset_date=dt.date(2026, 3, 9),
        grade=1,
        serious=False,
        relationship=Relationship.POSSIBLE,
        expected=True,
        action_taken=ActionTaken.NONE,
        outcome=Outcome.RECOVERED,
        aware_at=AWARE,
        resolution_date=dt.date(2026, 3, 10),
    )
    return dataclasses.replace(draft, **changes)  # type: ignore[arg-type]


def _fatal(**changes: object) -> AeDraft:
    base = {
        "grade": 5,
        "serious": True,
        "seriousness_criteria": frozenset({Seriousness.DEATH}),
        "outcome": Outcome.FATAL,
        "resolution_date": None,
    }
    base.update(changes)
    return _draft(**base)


# -- vocabularies and quick entries ----------------------------------------------------------------


def test_grade_labels_carry_their_meaning_in_both_languages() -> None:
    assert [grade_label(g) for g in Grade] == [
        "1 – mild",
        "2 – moderate",
        "3 – severe or medically significant",
        "4 – life-threatening",
        "5 – death related to AE",
    ]
    assert grade_label(4, "zh") == "4 – 危及生命"
    assert grade_label(1, "fr") == "1 – mild"


def test_relatedness_counts_possible_and_above() -> None:
    assert [r.value for r in Relationship if r.related] == ["possible", "probable", "definite"]


def test_quick_entries_are_pre_filled_and_valid() -> None:
    assert [e.key for e in QUICK_ENTRIES] == ["infusion_reaction", "fever"]
    draft = quick_entry("fever").draft(dt.date(2026, 3, 10), AWARE, "D1")
    assert (draft.term, draft.grade, draft.relationship, draft.expected, draft.serious, draft.visit_code) == (
        "Fever",
        1,
        Relationship.POSSIBLE,
        True,
        False,
        "D1",
    )
    reaction = quick_entry("infusion_reaction")
    assert (reaction.term, reaction.relationship) == ("Infusion related reaction", Relationship.PROBABLE)
    assert validate_ae(reaction.draft(TODAY, AWARE), TODAY).term == "Infusion related reaction"
    with pytest.raises(ValidationError, match="is not one of infusion_reaction, fever"):
        quick_entry("rash")


def test_criteria_are_stored_in_vocabulary_order_and_read_back() -> None:
    criteria = {Seriousness.IMPORTANT_MEDICAL_EVENT, Seriousness.DEATH}
    assert format_criteria(criteria) == "death; important_medical_event"
    assert parse_criteria("death; important_medical_event") == frozenset(criteria)
    assert parse_criteria("") == frozenset()


# -- validation --------------------------------------------------------------------------------------


def test_a_valid_draft_comes_back_trimmed() -> None:
    checked = validate_ae(_draft(description="  after D1  ", visit_code=" "), TODAY)
    assert (checked.term, checked.description, checked.visit_code) == ("Fever", "after D1", None)


def test_term_is_required() -> None:
    with pytest.raises(ValidationError, match="term ' ': is required"):
        validate_ae(_draft(term=" "), TODAY)


def test_onset_today_is_accepted_tomorrow_is_not() -> None:
    assert validate_ae(_draft(onset_date=TODAY, resolution_date=None), TODAY).onset_date == TODAY
    with pytest.raises(ValidationError, match="onset date '2026-03-11': is in the future"):
        validate_ae(_draft(onset_date=dt.date(2026, 3, 11), resolution_date=None), TODAY)


def test_resolution_on_the_onset_day_is_accepted_the_day_before_is_not() -> None:
    onset = dt.date(2026, 3, 9)
    assert validate_ae(_draft(resolution_date=onset), TODAY).resolution_date == onset
    with pytest.raises(ValidationError, match="resolution date '2026-03-08': is before the onset date"):
        validate_ae(_draft(resolution_date=dt.date(2026, 3, 8)), TODAY)


@pytest.mark.parametrize("grade", [0, 6, True])
def test_grade_outside_1_to_5_is_refused(grade: int) -> None:
    with pytest.raises(ValidationError, match="must be a CTCAE grade from 1 to 5"):
        validate_ae(_draft(grade=grade), TODAY)


@pytest.mark.parametrize("grade", [1, 4])
def test_grades_1_and_4_are_accepted(grade: int) -> None:
    assert validate_ae(_draft(grade=grade), TODAY).grade == grade


def test_aware_at_must_be_aware_and_not_before_onset_nor_future() -> None:
    with pytest.raises(ValidationError, match=r"aware at .*needs a time zone"):
        validate_ae(_draft(aware_at=dt.datetime(2026, 3, 10, 9, 0)), TODAY)
    with pytest.raises(ValidationError, match="is before the onset date"):
        validate_ae(_draft(aware_at=dt.datetime(2026, 3, 8, 23, 0).astimezone()), TODAY)
    with pytest.raises(ValidationError, match=r"aware at .*is in the future"):
        validate_ae(_draft(aware_at=dt.datetime(2026, 3, 11, 0, 1).astimezone()), TODAY)


def test_serious_needs_a_criterion_and_non_serious_none() -> None:
    with pytest.raises(ValidationError, match="a serious event needs at least one criterion"):
        validate_ae(_draft(serious=True), TODAY)
    with pytest.raises(ValidationError, match="'hospitalisation': a non-serious event has no seriousness criteria"):
        validate_ae(_draft(seriousness_criteria=frozenset({Seriousness.HOSPITALISATION})), TODAY)
    checked = validate_ae(_draft(serious=True, seriousness_criteria={"hospitalisation"}), TODAY)
    assert checked.seriousness_criteria == frozenset({Seriousness.HOSPITALISATION})


def test_grade_5_needs_fatal_outcome_and_the_death_criterion() -> None:
    assert validate_ae(_fatal(), TODAY).outcome is Outcome.FATAL
    with pytest.raises(ValidationError, match="grade 5 \\(death\\) needs the outcome fatal"):
        validate_ae(_fatal(outcome=Outcome.UNKNOWN), TODAY)
    with pytest.raises(ValidationError, match="'life_threatening': grade 5 needs the criterion death"):
        validate_ae(_fatal(seriousness_criteria=frozenset({Seriousness.LIFE_THREATENING})), TODAY)
    with pytest.raises(ValidationError, match="serious False: grade 5 \\(death\\) is a serious event"):
        validate_ae(_fatal(serious=False, seriousness_criteria=frozenset()), TODAY)


def test_fatal_outcome_needs_grade_5() -> None:
    with pytest.raises(ValidationError, match="outcome 'fatal': fatal needs grade 5, not grade 4"):
        validate_ae(_fatal(grade=4), TODAY)


# -- the SAE clock -------------------------------------------------------------------------------------

AWARE_UTC = dt.datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
DEADLINE = dt.datetime(2026, 3, 11, 9, 0, tzinfo=UTC)
MINUTE = dt.timedelta(minutes=1)


def test_deadline_is_the_site_rule_hours_after_awareness() -> None:
    assert sae_deadline(AWARE_UTC, 24) == DEADLINE
    assert sae_deadline(AWARE_UTC, 1) == dt.datetime(2026, 3, 10, 10, 0, tzinfo=UTC)
    beijing = dt.timezone(dt.timedelta(hours=8))
    assert sae_deadline(dt.datetime(2026, 3, 10, 17, 0, tzinfo=beijing), 24) == DEADLINE
    with pytest.raises(ValidationError, match="needs a time zone"):
        sae_deadline(dt.datetime(2026, 3, 10, 9, 0), 24)
    with pytest.raises(ValidationError, match="must be at least 1"):
        sae_deadline(AWARE_UTC, 0)


def test_clock_one_minute_before_the_deadline() -> None:
    clock = sae_clock(AWARE_UTC, 24, DEADLINE - MINUTE)
    assert (clock.deadline, clock.time_left, clock.overdue, clock.reported) == (DEADLINE, MINUTE, False, False)
    assert format_time_left(clock.time_left) == "0 h 01 min left"


def test_clock_exactly_at_the_deadline_is_not_overdue() -> None:
    clock = sae_clock(AWARE_UTC, 24, DEADLINE)
    assert (clock.time_left, clock.overdue) == (dt.timedelta(0), False)
    assert format_time_left(clock.time_left) == "0 h 00 min left"


def test_clock_one_minute_after_the_deadline_is_overdue() -> None:
    clock = sae_clock(AWARE_UTC, 24, DEADLINE + MINUTE)
    assert (clock.time_left, clock.overdue) == (-MINUTE, True)
    assert format_time_left(clock.time_left) == "overdue by 0 h 01 min"


def test_clock_at_awareness_shows_the_full_period() -> None:
    assert format_time_left(sae_clock(AWARE_UTC, 24, AWARE_UTC).time_left) == "24 h 00 min left"


@pytest.mark.parametrize(
    ("reported_at", "late", "left"),
    [(DEADLINE - MINUTE, False, MINUTE), (DEADLINE, False, dt.timedelta(0)), (DEADLINE + MINUTE, True, -MINUTE)],
)
def test_reported_clock_is_never_overdue_and_tells_if_it_was_late(
    reported_at: dt.datetime, late: bool, left: dt.timedelta
) -> None:
    clock = sae_clock(AWARE_UTC, 24, DEADLINE + dt.timedelta(days=3), reported_at)
    assert (clock.reported, clock.overdue, clock.reported_late, clock.time_left) == (True, False, late, left)


def test_clock_refuses_a_naive_now() -> None:
    with pytest.raises(ValidationError, match=r"now .*needs a time zone"):
        sae_clock(AWARE_UTC, 24, dt.datetime(2026, 3, 10, 9, 0))


# -- dose periods and the summary -----------------------------------------------------------------------

D1 = dt.date(2026, 1, 5)
D2 = dt.date(2026, 6, 22)
DAY = dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("onset", "expected"),
    [
        (D1 - DAY, DosePeriod.BEFORE_DOSE_1),
        (D1, DosePeriod.AFTER_DOSE_1),  # the infusion day counts as after the dose
        (D2 - DAY, DosePeriod.AFTER_DOSE_1),
        (D2, DosePeriod.AFTER_DOSE_2),
        (D2 + DAY, DosePeriod.AFTER_DOSE_2),
    ],
)
def test_dose_period_at_the_infusion_dates(onset: dt.date, expected: DosePeriod) -> None:
    assert dose_period(onset, D1, D2) is expected


def test_dose_period_without_infusions_given() -> None:
    assert dose_period(D2 + DAY, None, None) is DosePeriod.BEFORE_DOSE_1
    assert dose_period(D2 + DAY, D1, None) is DosePeriod.AFTER_DOSE_1


def test_summary_counts_by_grade_relatedness_and_period() -> None:
    summary = summarise(
        [
            AeFacts(1, 1, False, Relationship.PROBABLE, DosePeriod.AFTER_DOSE_1),
            AeFacts(1, 1, False, Relationship.POSSIBLE, DosePeriod.AFTER_DOSE_2),
            AeFacts(2, 3, True, Relationship.UNRELATED, DosePeriod.BEFORE_DOSE_1),
            AeFacts(2, 5, True, Relationship.UNLIKELY, DosePeriod.AFTER_DOSE_1),
        ]
    )
    assert (summary.total, summary.serious, summary.related, summary.subjects) == (4, 2, 2, 2)
    assert summary.by_grade == {Grade(1): 2, Grade(2): 0, Grade(3): 1, Grade(4): 0, Grade(5): 1}
    assert list(summary.by_relationship.values()) == [1, 1, 1, 1, 0]
    assert summary.by_period == {
        DosePeriod.BEFORE_DOSE_1: 1,
        DosePeriod.AFTER_DOSE_1: 2,
        DosePeriod.AFTER_DOSE_2: 1,
    }
    rows = summary.rows()
    assert len(rows) == 4 + 5 + 5 + 3
    assert rows[0] == ("all", "adverse events", 4)
    assert ("grade", "3 – severe or medically significant", 1) in rows
    assert rows[-1] == ("dose period", "after dose 2", 1)


def test_empty_summary_lists_every_category_at_zero() -> None:
    summary = summarise([])
    assert summary.total == 0
    assert {count for _, _, count in summary.rows()} == {0}
