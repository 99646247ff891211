"""Eligibility rules at their boundaries, the verdict, and fact text; mostly through the shipped NCT05106972 file."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from coordinator_app.domain.eligibility import (
    NO_EVENT,
    AgeRangeRule,
    AllRule,
    AnswerRule,
    AnyRule,
    Assessment,
    Comparison,
    CriterionResult,
    CriterionState,
    FactDefinition,
    FactType,
    FactValue,
    NotRule,
    Rule,
    SubjectFacts,
    ThresholdRule,
    Verdict,
    age_in_completed_years,
    anniversary,
    assess,
    format_fact,
    parse_fact,
)
from coordinator_app.domain.errors import ValidationError
from coordinator_app.domain.protocol import Criterion, Eligibility, Protocol, Text, load_protocol_file
from coordinator_app.domain.subjects import Sex
from coordinator_app.resource_files import resource

SHIPPED = Path(str(resource("protocols", "NCT05106972.toml")))
DAY = dt.date(2024, 5, 15)
S = CriterionState

# A complete profile that meets every criterion of NCT05106972 on DAY, as the screening log writes it.
ELIGIBLE_TEXTS = {
    "hbv_cirrhosis_diagnosis_date": "2015-04-01",
    "decompensated": "yes",
    "conservative_treatment_start": "2023-06-01",
    "no_relief_after_treatment": "yes",
    "liver_transplant_unsuitable": "yes",
    "bleeding_tendency": "no",
    "active_bleeding": "no",
    "hepatic_encephalopathy": "no",
    "other_cirrhosis_cause": "no",
    "liver_malignancy_or_family_history": "no",
    "hypersplenism_needing_splenectomy": "no",
    "other_tumour_history": "no",
    "pt_seconds": "14.0",
    "pt_control_seconds": "12.3",
    "last_albumin_date": "none",
    "last_upper_gi_bleed_date": "none",
    "spontaneous_peritonitis": "no",
    "active_infection": "no",
    "pregnant_or_lactating": "no",
    "investigator_judges_inappropriate": "no",
}
BORN_45 = dt.date(1979, 1, 20)


@pytest.fixture(scope="module")
def protocol() -> Protocol:
    return load_protocol_file(SHIPPED)


def subject(
    protocol: Protocol,
    *,
    born: dt.date = BORN_45,
    sex: Sex = Sex.FEMALE,
    consent: dt.date | None = dt.date(2024, 5, 10),
    **texts: str,
) -> SubjectFacts:
    """The eligible profile with some facts re-typed; "" makes a fact unknown (absent)."""
    definitions = {d.name: d for d in protocol.eligibility.facts}
    values: dict[str, FactValue] = {}
    for name, text in (ELIGIBLE_TEXTS | texts).items():
        value = parse_fact(definitions[name], text)
        if value is not None:
            values[name] = value
    return SubjectFacts(date_of_birth=born, sex=sex, consent_date=consent, values=values)


def result(assessment: Assessment, code: str) -> CriterionResult:
    (found,) = [r for r in assessment.results if r.code == code]
    return found


def state(
    protocol: Protocol,
    code: str,
    on: dt.date = DAY,
    *,
    born: dt.date = BORN_45,
    sex: Sex = Sex.FEMALE,
    consent: dt.date | None = dt.date(2024, 5, 10),
    **texts: str,
) -> CriterionState:
    facts = subject(protocol, born=born, sex=sex, consent=consent, **texts)
    return result(assess(protocol.eligibility, facts, on), code).state


# -- the shipped protocol ----------------------------------------------------------------------


def test_complete_eligible_profile_is_eligible(protocol: Protocol) -> None:
    assessment = assess(protocol.eligibility, subject(protocol), DAY)

    assert assessment.verdict is Verdict.ELIGIBLE
    assert (assessment.failing, assessment.missing, assessment.assessment_date) == ((), (), DAY)
    assert [r.state for r in assessment.results] == [S.MET] * 7 + [S.DOES_NOT_APPLY] * 12
    assert result(assessment, "IN1").derived == (("age_years", 45),)
    assert result(assessment, "IN2").facts == ("decompensated", "hbv_cirrhosis_diagnosis_date")
    assert result(assessment, "IN2").derived == (("elapsed_years", 9),)
    assert result(assessment, "IN6").derived == (("elapsed_months", 11),)
    assert result(assessment, "IN7").facts == ("consent",)
    assert result(assessment, "EX6").derived == (("difference", Decimal("1.7")),)
    assert result(assessment, "EX11").facts == ("sex", "pregnant_or_lactating")


def test_pt_prolongation_of_3_1_seconds_makes_the_profile_ineligible(protocol: Protocol) -> None:
    assessment = assess(protocol.eligibility, subject(protocol, pt_seconds="15.4"), DAY)

    assert assessment.verdict is Verdict.INELIGIBLE
    assert assessment.failing == ("EX6",)
    assert assessment.missing == ()


# -- age ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (dt.date(2003, 6, 15), dt.date(2024, 6, 14), 20),  # day before the 21st birthday
        (dt.date(2003, 6, 15), dt.date(2024, 6, 15), 21),
        (dt.date(2003, 6, 15), dt.date(2024, 6, 16), 21),
        (dt.date(1963, 6, 15), dt.date(2024, 6, 14), 60),  # day before the 61st birthday
        (dt.date(1963, 6, 15), dt.date(2024, 6, 15), 61),
        (dt.date(1963, 6, 15), dt.date(2024, 6, 16), 61),
        (dt.date(2000, 2, 29), dt.date(2020, 2, 28), 19),  # 20th birthday in a leap year: 29 Feb
        (dt.date(2000, 2, 29), dt.date(2020, 2, 29), 20),
        (dt.date(2000, 2, 29), dt.date(2021, 2, 28), 20),  # 21st birthday in a non-leap year: 1 March
        (dt.date(2000, 2, 29), dt.date(2021, 3, 1), 21),
        (dt.date(1960, 2, 29), dt.date(2021, 2, 28), 60),  # 61st birthday, non-leap year
        (dt.date(1960, 2, 29), dt.date(2021, 3, 1), 61),
        (dt.date(1960, 2, 29), dt.date(2021, 3, 2), 61),
        (dt.date(2024, 5, 15), dt.date(2024, 5, 15), 0),
    ],
)
def test_age_in_completed_years(born: dt.date, on: dt.date, age: int) -> None:
    assert age_in_completed_years(born, on) == age


def test_age_before_birth_is_refused() -> None:
    with pytest.raises(ValueError, match="before"):
        age_in_completed_years(dt.date(2024, 5, 16), dt.date(2024, 5, 15))


@pytest.mark.parametrize(
    ("born", "age", "in1", "ex1"),
    [
        (dt.date(2004, 5, 16), 19, S.FAILS, S.APPLIES),
        (dt.date(2004, 5, 15), 20, S.MET, S.DOES_NOT_APPLY),
        (dt.date(1963, 5, 16), 60, S.MET, S.DOES_NOT_APPLY),
        (dt.date(1963, 5, 15), 61, S.FAILS, S.APPLIES),
    ],
)
def test_age_range_20_to_60_includes_both_ends(
    protocol: Protocol, born: dt.date, age: int, in1: CriterionState, ex1: CriterionState
) -> None:
    assessment = assess(protocol.eligibility, subject(protocol, born=born), DAY)

    assert (result(assessment, "IN1").state, result(assessment, "EX1").state) == (in1, ex1)
    assert result(assessment, "IN1").derived == (("age_years", age),)
    assert result(assessment, "EX1").derived == (("age_years", age),)


@pytest.mark.parametrize(
    ("on", "in1"),
    [
        (dt.date(2024, 2, 28), S.FAILS),  # 29 Feb 2004 birth, 20th birthday in a leap year
        (dt.date(2024, 2, 29), S.MET),
        (dt.date(2025, 2, 28), S.MET),
    ],
)
def test_leap_day_birth_turns_20_on_29_february_in_a_leap_year(
    protocol: Protocol, on: dt.date, in1: CriterionState
) -> None:
    assert state(protocol, "IN1", on, born=dt.date(2004, 2, 29), consent=None) == in1


@pytest.mark.parametrize(
    ("on", "in1"),
    [
        (dt.date(2025, 2, 28), S.MET),  # 29 Feb 1964 birth: 60 until the 61st birthday, 1 March 2025
        (dt.date(2025, 3, 1), S.FAILS),
        (dt.date(2025, 3, 2), S.FAILS),
    ],
)
def test_leap_day_birth_turns_61_on_1_march_in_a_non_leap_year(
    protocol: Protocol, on: dt.date, in1: CriterionState
) -> None:
    assert state(protocol, "IN1", on, born=dt.date(1964, 2, 29), consent=None) == in1


def test_date_of_birth_after_the_assessment_date_is_an_input_error(protocol: Protocol) -> None:
    with pytest.raises(ValidationError) as raised:
        assess(protocol.eligibility, subject(protocol, born=dt.date(2024, 5, 16)), DAY)

    assert (raised.value.field, raised.value.value) == ("date_of_birth", "2024-05-16")
    assert raised.value.problem == "is after the assessment date 2024-05-15"


# -- durations ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "years", "months", "expected"),
    [
        (dt.date(2019, 3, 10), 5, 0, dt.date(2024, 3, 10)),
        (dt.date(2016, 2, 29), 5, 0, dt.date(2021, 3, 1)),
        (dt.date(2016, 2, 29), 4, 0, dt.date(2020, 2, 29)),
        (dt.date(2021, 8, 31), 0, 6, dt.date(2022, 3, 1)),
        (dt.date(2023, 8, 31), 0, 6, dt.date(2024, 3, 1)),
        (dt.date(2021, 1, 31), 0, 1, dt.date(2021, 3, 1)),
        (dt.date(2021, 10, 31), 0, 1, dt.date(2021, 12, 1)),
        (dt.date(2021, 8, 15), 0, 6, dt.date(2022, 2, 15)),
        (dt.date(2021, 12, 31), 1, 1, dt.date(2023, 1, 31)),
        (dt.date(2021, 8, 31), 0, 0, dt.date(2021, 8, 31)),
    ],
)
def test_anniversary(start: dt.date, years: int, months: int, expected: dt.date) -> None:
    assert anniversary(start, years=years, months=months) == expected


@pytest.mark.parametrize(
    ("diagnosed", "on", "in2", "elapsed"),
    [
        (dt.date(2019, 3, 10), dt.date(2024, 3, 9), S.FAILS, 4),
        (dt.date(2019, 3, 10), dt.date(2024, 3, 10), S.FAILS, 5),  # the fifth anniversary itself
        (dt.date(2019, 3, 10), dt.date(2024, 3, 11), S.MET, 5),
        (dt.date(2016, 2, 29), dt.date(2021, 2, 28), S.FAILS, 4),
        (dt.date(2016, 2, 29), dt.date(2021, 3, 1), S.FAILS, 5),  # anniversary of 29 Feb in 2021: 1 March
        (dt.date(2016, 2, 29), dt.date(2021, 3, 2), S.MET, 5),
    ],
)
def test_course_of_more_than_5_years(
    protocol: Protocol, diagnosed: dt.date, on: dt.date, in2: CriterionState, elapsed: int
) -> None:
    facts = subject(
        protocol,
        consent=None,
        hbv_cirrhosis_diagnosis_date=diagnosed.isoformat(),
        conservative_treatment_start="2015-01-01",
    )
    found = result(assess(protocol.eligibility, facts, on), "IN2")

    assert (found.state, found.derived) == (in2, (("elapsed_years", elapsed),))


@pytest.mark.parametrize(
    ("started", "on", "in6", "elapsed"),
    [
        (dt.date(2023, 8, 15), dt.date(2024, 2, 14), S.FAILS, 5),
        (dt.date(2023, 8, 15), dt.date(2024, 2, 15), S.FAILS, 6),
        (dt.date(2023, 8, 15), dt.date(2024, 2, 16), S.MET, 6),
        (dt.date(2023, 8, 31), dt.date(2024, 2, 29), S.FAILS, 5),  # no 31 Feb: the anniversary is 1 March
        (dt.date(2023, 8, 31), dt.date(2024, 3, 1), S.FAILS, 6),
        (dt.date(2023, 8, 31), dt.date(2024, 3, 2), S.MET, 6),
    ],
)
def test_conservative_treatment_for_more_than_6_months(
    protocol: Protocol, started: dt.date, on: dt.date, in6: CriterionState, elapsed: int
) -> None:
    facts = subject(protocol, consent=None, conservative_treatment_start=started.isoformat())
    found = result(assess(protocol.eligibility, facts, on), "IN6")

    assert (found.state, found.derived) == (in6, (("elapsed_months", elapsed),))


def test_start_date_after_the_assessment_date_is_an_input_error(protocol: Protocol) -> None:
    with pytest.raises(ValidationError, match="is after the assessment date 2024-05-15") as raised:
        assess(protocol.eligibility, subject(protocol, conservative_treatment_start="2024-05-16"), DAY)
    assert raised.value.field == "conservative_treatment_start"


def test_a_known_false_part_fails_the_inclusion_even_with_the_date_unknown(protocol: Protocol) -> None:
    assessment = assess(
        protocol.eligibility, subject(protocol, decompensated="no", hbv_cirrhosis_diagnosis_date=""), DAY
    )

    found = result(assessment, "IN2")
    assert (found.state, found.missing, found.derived) == (S.FAILS, (), ())
    assert (assessment.verdict, assessment.failing, assessment.missing) == (Verdict.INELIGIBLE, ("IN2",), ())


# -- PT prolongation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pt", "control", "difference", "ex6"),
    [
        ("15.2", "12.3", "2.9", S.DOES_NOT_APPLY),
        ("15.3", "12.3", "3.0", S.DOES_NOT_APPLY),  # exactly 3.0: decimal, not 3.0000000000000018
        ("15.4", "12.3", "3.1", S.APPLIES),
        ("14.9", "11.9", "3.0", S.DOES_NOT_APPLY),
        ("16", "12.99", "3.01", S.APPLIES),
        ("11", "12.3", "-1.3", S.DOES_NOT_APPLY),
    ],
)
def test_pt_prolongation_greater_than_3_seconds(
    protocol: Protocol, pt: str, control: str, difference: str, ex6: CriterionState
) -> None:
    facts = subject(protocol, pt_seconds=pt, pt_control_seconds=control)
    found = result(assess(protocol.eligibility, facts, DAY), "EX6")

    assert found.state == ex6
    assert found.derived == (("difference", Decimal(difference)),)
    assert found.facts == ("pt_seconds", "pt_control_seconds")


def test_pt_with_the_control_unknown_is_missing_the_control(protocol: Protocol) -> None:
    assessment = assess(protocol.eligibility, subject(protocol, pt_control_seconds=""), DAY)

    assert (result(assessment, "EX6").state, result(assessment, "EX6").missing) == (S.MISSING, ("pt_control_seconds",))
    assert (assessment.verdict, assessment.missing) == (Verdict.INCOMPLETE, ("pt_control_seconds",))


# -- recent events -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last_use", "ex7", "derived"),
    [
        ("2024-05-15", S.APPLIES, (("days_before", 0),)),
        ("2024-04-24", S.APPLIES, (("days_before", 21),)),
        ("2024-04-23", S.DOES_NOT_APPLY, (("days_before", 22),)),
        ("none", S.DOES_NOT_APPLY, ()),
        ("", S.MISSING, ()),
    ],
)
def test_albumin_within_3_weeks(
    protocol: Protocol, last_use: str, ex7: CriterionState, derived: tuple[tuple[str, object], ...]
) -> None:
    found = result(assess(protocol.eligibility, subject(protocol, last_albumin_date=last_use), DAY), "EX7")

    assert (found.state, found.derived) == (ex7, derived)
    assert found.missing == (("last_albumin_date",) if ex7 is S.MISSING else ())


def test_albumin_dated_after_the_assessment_date_is_an_input_error(protocol: Protocol) -> None:
    with pytest.raises(ValidationError) as raised:
        assess(protocol.eligibility, subject(protocol, last_albumin_date="2024-05-16"), DAY)

    assert (raised.value.field, raised.value.value) == ("last_albumin_date", "2024-05-16")
    assert raised.value.problem == "is after the assessment date 2024-05-15"


@pytest.mark.parametrize(
    ("bleed", "ex8"),
    [("2024-04-17", S.APPLIES), ("2024-04-16", S.DOES_NOT_APPLY), ("none", S.DOES_NOT_APPLY)],  # 28 and 29 days
)
def test_upper_gi_bleeding_within_4_weeks(protocol: Protocol, bleed: str, ex8: CriterionState) -> None:
    assert state(protocol, "EX8", last_upper_gi_bleed_date=bleed) == ex8


# -- sex-conditional ---------------------------------------------------------------------------


def test_pregnancy_does_not_apply_to_men(protocol: Protocol) -> None:
    facts = subject(protocol, sex=Sex.MALE, pregnant_or_lactating="")
    assessment = assess(protocol.eligibility, facts, DAY)

    found = result(assessment, "EX11")
    assert (found.state, found.missing, found.facts) == (S.NOT_APPLICABLE, (), ("sex", "pregnant_or_lactating"))
    assert (assessment.verdict, assessment.failing, assessment.missing) == (Verdict.ELIGIBLE, (), ())
    assert state(protocol, "EX11", sex=Sex.MALE, pregnant_or_lactating="yes") == S.NOT_APPLICABLE


@pytest.mark.parametrize(("answer", "ex11"), [("yes", S.APPLIES), ("no", S.DOES_NOT_APPLY), ("", S.MISSING)])
def test_pregnancy_applies_to_women(protocol: Protocol, answer: str, ex11: CriterionState) -> None:
    assert state(protocol, "EX11", sex=Sex.FEMALE, pregnant_or_lactating=answer) == ex11


# -- consent -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("consent", "in7"),
    [(dt.date(2024, 5, 15), S.MET), (dt.date(2024, 5, 16), S.FAILS), (None, S.MISSING)],
)
def test_consent_signed_on_or_before_the_assessment_date(
    protocol: Protocol, consent: dt.date | None, in7: CriterionState
) -> None:
    assert state(protocol, "IN7", consent=consent) == in7


# -- the verdict -------------------------------------------------------------------------------


def test_failing_inclusion_and_applying_exclusion_are_named_in_protocol_order(protocol: Protocol) -> None:
    facts = subject(protocol, active_infection="yes", other_cirrhosis_cause="yes", hepatic_encephalopathy="yes")
    assessment = assess(protocol.eligibility, facts, DAY)

    assert assessment.verdict is Verdict.INELIGIBLE
    assert assessment.failing == ("IN5", "EX2", "EX10")
    assert assessment.missing == ()


def test_missing_facts_make_it_incomplete_listing_exactly_what_is_missing(protocol: Protocol) -> None:
    facts = subject(
        protocol, consent=None, last_albumin_date="", pt_control_seconds="unknown", decompensated="", active_bleeding=""
    )
    assessment = assess(protocol.eligibility, facts, DAY)

    assert assessment.verdict is Verdict.INCOMPLETE
    assert assessment.failing == ()
    assert assessment.missing == (
        "decompensated",
        "active_bleeding",
        "consent",
        "pt_control_seconds",
        "last_albumin_date",
    )
    assert [r.code for r in assessment.results if r.state is S.MISSING] == ["IN2", "IN4", "IN7", "EX6", "EX7"]


def test_nothing_entered_is_incomplete_with_every_fact_missing_once(protocol: Protocol) -> None:
    facts = SubjectFacts(BORN_45, Sex.FEMALE, None, {})
    assessment = assess(protocol.eligibility, facts, DAY)

    assert assessment.verdict is Verdict.INCOMPLETE
    assert set(assessment.missing) == {d.name for d in protocol.eligibility.facts} | {"consent"}
    assert len(assessment.missing) == 21
    assert assessment.missing[:3] == ("decompensated", "hbv_cirrhosis_diagnosis_date", "liver_transplant_unsuitable")


def test_ineligible_wins_over_missing(protocol: Protocol) -> None:
    facts = subject(protocol, decompensated="", active_infection="yes")
    assessment = assess(protocol.eligibility, facts, DAY)

    assert (assessment.verdict, assessment.failing, assessment.missing) == (
        Verdict.INELIGIBLE,
        ("EX10",),
        ("decompensated",),
    )


def test_a_criterion_without_a_rule_never_allows_eligible(protocol: Protocol) -> None:
    inclusion = list(protocol.eligibility.inclusion)
    inclusion[2] = dataclasses.replace(inclusion[2], rule=None)
    eligibility = dataclasses.replace(protocol.eligibility, inclusion=tuple(inclusion))

    assessment = assess(eligibility, subject(protocol), DAY)
    assert (assessment.verdict, assessment.missing) == (Verdict.INCOMPLETE, ("IN3",))
    assert result(assessment, "IN3") == CriterionResult("IN3", True, S.MISSING, (), ("IN3",), ())

    failing = assess(eligibility, subject(protocol, active_infection="yes"), DAY)
    assert (failing.verdict, failing.failing, failing.missing) == (Verdict.INELIGIBLE, ("EX10",), ("IN3",))


def test_a_fact_of_the_wrong_type_is_refused(protocol: Protocol) -> None:
    facts = SubjectFacts(BORN_45, Sex.FEMALE, DAY, {"pt_seconds": True})  # a caller's bug, not a result
    with pytest.raises(ValidationError, match="is not a number value"):
        assess(protocol.eligibility, facts, DAY)


# -- the vocabulary beyond NCT05106972 ---------------------------------------------------------

A = FactDefinition("a", FactType.YES_NO, Text("A"))
B = FactDefinition("b", FactType.YES_NO, Text("B"))
N = FactDefinition("n", FactType.NUMBER, Text("N"), "mmol/L")


def one_rule(rule: Rule | None, inclusion: bool = True) -> Eligibility:
    criteria = (Criterion("C1", Text("c"), rule),)
    return Eligibility(
        None, None, "ALL", False, criteria if inclusion else (), () if inclusion else criteria, (A, B, N)
    )


def truth_of(rule: Rule, values: dict[str, FactValue], sex: Sex = Sex.FEMALE) -> CriterionState:
    facts = SubjectFacts(dt.date(1980, 1, 1), sex, None, values)
    return assess(one_rule(rule), facts, DAY).results[0].state


def truth(rule: Rule, *, sex: Sex = Sex.FEMALE, **values: FactValue) -> CriterionState:
    return truth_of(rule, values, sex)


yes_a, yes_b = AnswerRule("a", True), AnswerRule("b", True)


@pytest.mark.parametrize(
    ("a", "b", "all_state", "any_state"),
    [
        (True, True, S.MET, S.MET),
        (True, False, S.FAILS, S.MET),
        (False, False, S.FAILS, S.FAILS),
        (True, None, S.MISSING, S.MET),
        (False, None, S.FAILS, S.MISSING),
        (None, None, S.MISSING, S.MISSING),
    ],
)
def test_all_and_any_use_three_valued_logic(
    a: bool | None, b: bool | None, all_state: CriterionState, any_state: CriterionState
) -> None:
    values: dict[str, FactValue] = {name: value for name, value in (("a", a), ("b", b)) if value is not None}
    assert truth_of(AllRule((yes_a, yes_b)), values) == all_state
    assert truth_of(AnyRule((yes_a, yes_b)), values) == any_state


def test_missing_names_only_the_unknown_facts_that_leave_it_open() -> None:
    facts = SubjectFacts(dt.date(1980, 1, 1), Sex.FEMALE, None, {"a": False})
    found = assess(one_rule(AnyRule((yes_a, yes_b))), facts, DAY).results[0]

    assert (found.state, found.facts, found.missing) == (S.MISSING, ("a", "b"), ("b",))


def test_not_inverts_known_truth_and_keeps_unknown_and_not_applicable() -> None:
    assert truth(NotRule(yes_a), a=True) == S.FAILS
    assert truth(NotRule(yes_a), a=False) == S.MET
    assert truth(NotRule(yes_a)) == S.MISSING
    assert truth(NotRule(AnswerRule("a", True, Sex.MALE)), a=True) == S.NOT_APPLICABLE


def test_sex_conditional_parts_are_skipped_inside_all_and_any() -> None:
    men_only = AnswerRule("a", True, Sex.MALE)
    assert truth(AllRule((men_only, yes_b)), sex=Sex.FEMALE, b=True) == S.MET
    assert truth(AnyRule((men_only, yes_b)), sex=Sex.FEMALE, b=False) == S.FAILS
    assert truth(AllRule((men_only,)), sex=Sex.FEMALE) == S.NOT_APPLICABLE
    assert truth(AllRule((men_only,)), sex=Sex.MALE) == S.MISSING
    assert truth(AllRule((yes_b,), Sex.FEMALE), sex=Sex.MALE, b=False) == S.NOT_APPLICABLE


def test_a_not_applicable_inclusion_does_not_fail() -> None:
    facts = SubjectFacts(dt.date(1980, 1, 1), Sex.MALE, None, {})
    assessment = assess(one_rule(AnswerRule("a", True, Sex.FEMALE)), facts, DAY)

    assert (assessment.verdict, assessment.failing, assessment.missing) == (Verdict.ELIGIBLE, (), ())


@pytest.mark.parametrize(
    ("comparison", "below", "equal", "above"),
    [
        (Comparison.GREATER_THAN, S.FAILS, S.FAILS, S.MET),
        (Comparison.AT_LEAST, S.FAILS, S.MET, S.MET),
        (Comparison.LESS_THAN, S.MET, S.FAILS, S.FAILS),
        (Comparison.AT_MOST, S.MET, S.MET, S.FAILS),
    ],
)
def test_threshold_comparisons_at_the_boundary(
    comparison: Comparison, below: CriterionState, equal: CriterionState, above: CriterionState
) -> None:
    rule = ThresholdRule("n", comparison, Decimal("5.5"), unit="mmol/L")
    assert [truth(rule, n=Decimal(v)) for v in ("5.4", "5.50", "5.6")] == [below, equal, above]


def test_threshold_without_minus_shows_the_value() -> None:
    facts = SubjectFacts(dt.date(1980, 1, 1), Sex.FEMALE, None, {"n": Decimal("7.25")})
    found = assess(one_rule(ThresholdRule("n", Comparison.AT_MOST, Decimal(7))), facts, DAY).results[0]

    assert (found.state, found.derived) == (S.FAILS, (("value", Decimal("7.25")),))


@pytest.mark.parametrize(
    ("born", "state_"),
    [(dt.date(2006, 5, 16), S.FAILS), (dt.date(2006, 5, 15), S.MET), (dt.date(1900, 1, 1), S.MET)],
)
def test_age_range_may_be_open_ended(born: dt.date, state_: CriterionState) -> None:
    facts = SubjectFacts(born, Sex.FEMALE, None, {})
    assert assess(one_rule(AgeRangeRule(18, None)), facts, DAY).results[0].state == state_


def test_exclusion_states_mirror_inclusion_states() -> None:
    def exclusion_state(**values: FactValue) -> CriterionState:
        facts = SubjectFacts(dt.date(1980, 1, 1), Sex.FEMALE, None, values)
        return assess(one_rule(yes_a, inclusion=False), facts, DAY).results[0].state

    assert [exclusion_state(a=True), exclusion_state(a=False), exclusion_state()] == [
        S.APPLIES,
        S.DOES_NOT_APPLY,
        S.MISSING,
    ]


# -- fact text ---------------------------------------------------------------------------------

YES_NO = FactDefinition("decompensated", FactType.YES_NO, Text("Decompensated"))
DATE = FactDefinition("diagnosed", FactType.DATE, Text("Diagnosed"))
EVENT = FactDefinition("last_albumin_date", FactType.DATE_OR_NONE, Text("Albumin"))
NUMBER = FactDefinition("pt_seconds", FactType.NUMBER, Text("PT"), "s")


@pytest.mark.parametrize(
    ("definition", "text", "value", "canonical"),
    [
        (YES_NO, "yes", True, "yes"),
        (YES_NO, " YES ", True, "yes"),
        (YES_NO, "y", True, "yes"),
        (YES_NO, "True", True, "yes"),
        (YES_NO, "是", True, "yes"),
        (YES_NO, "no", False, "no"),
        (YES_NO, "N", False, "no"),
        (YES_NO, "false", False, "no"),
        (YES_NO, "否", False, "no"),
        (YES_NO, "", None, ""),
        (YES_NO, "unknown", None, ""),
        (YES_NO, " Unknown ", None, ""),
        (DATE, "2021-10-12", dt.date(2021, 10, 12), "2021-10-12"),
        (DATE, "", None, ""),
        (EVENT, "2024-02-29", dt.date(2024, 2, 29), "2024-02-29"),
        (EVENT, "none", NO_EVENT, "none"),
        (EVENT, "NONE", NO_EVENT, "none"),
        (EVENT, "无", NO_EVENT, "none"),
        (EVENT, "unknown", None, ""),
        (NUMBER, "12.3", Decimal("12.3"), "12.3"),
        (NUMBER, "12.30", Decimal("12.30"), "12.30"),
        (NUMBER, "012", Decimal("12"), "12"),
        (NUMBER, "0", Decimal("0"), "0"),
        (NUMBER, ".5", Decimal("0.5"), "0.5"),
        (NUMBER, "", None, ""),
    ],
)
def test_parse_and_format_fact(definition: FactDefinition, text: str, value: object, canonical: str) -> None:
    parsed = parse_fact(definition, text)

    assert parsed == value
    assert type(parsed) is type(value)
    assert format_fact(definition, parsed) == canonical
    assert parse_fact(definition, canonical) == parsed


def test_no_event_is_a_printable_singleton() -> None:
    assert str(NO_EVENT) == "none"
    assert parse_fact(EVENT, "none") is NO_EVENT
    assert dataclasses.replace(SubjectFacts(DAY, Sex.MALE, None, {"x": NO_EVENT})).values["x"] is NO_EVENT


def test_format_of_a_number_never_uses_an_exponent() -> None:
    assert format_fact(NUMBER, Decimal("1E+1")) == "10"
    assert format_fact(NUMBER, Decimal("1.5E-3")) == "0.0015"


@pytest.mark.parametrize(
    ("definition", "text", "problem"),
    [
        (YES_NO, "maybe", 'must be "yes", "no" or "unknown"'),
        (YES_NO, "1", 'must be "yes", "no" or "unknown"'),
        (DATE, "2021-13-01", "is not a date in the calendar"),
        (DATE, "2023-02-29", "is not a date in the calendar"),
        (DATE, "12/10/2021", "must be an ISO date (YYYY-MM-DD)"),
        (DATE, "20211012", "must be an ISO date (YYYY-MM-DD)"),
        (DATE, "none", "must be an ISO date (YYYY-MM-DD)"),
        (EVENT, "never", 'must be an ISO date (YYYY-MM-DD) or "none"'),
        (NUMBER, "-1", "must not be negative"),
        (NUMBER, "-0.5", "must not be negative"),
        (NUMBER, "NaN", "must be a finite number"),
        (NUMBER, "inf", "must be a finite number"),
        (NUMBER, "-Infinity", "must be a finite number"),
        (NUMBER, "1e3", "must be a number such as 12.3"),
        (NUMBER, "12,3", "must be a number such as 12.3"),
        (NUMBER, "12.3 s", "must be a number such as 12.3"),
        (NUMBER, "abc", "must be a number such as 12.3"),
    ],
)
def test_bad_fact_text_names_the_fact_and_the_text(definition: FactDefinition, text: str, problem: str) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_fact(definition, text)

    assert (raised.value.field, raised.value.value, raised.value.problem) == (definition.name, text, problem)


@pytest.mark.parametrize(
    ("definition", "value"),
    [
        (YES_NO, dt.date(2021, 1, 1)),
        (DATE, NO_EVENT),
        (DATE, dt.datetime(2021, 1, 1, 12, 0)),
        (NUMBER, True),
        (NUMBER, Decimal("-1")),
        (NUMBER, Decimal("NaN")),
        (EVENT, Decimal(1)),
    ],
)
def test_format_refuses_a_value_of_the_wrong_type(definition: FactDefinition, value: FactValue) -> None:
    with pytest.raises(ValidationError, match=f"is not a {definition.type.value} value"):
        format_fact(definition, value)
