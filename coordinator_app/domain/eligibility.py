"""Eligibility: the facts a coordinator enters, the protocol's rules over them, and the verdict.

A protocol (see :mod:`coordinator_app.domain.protocol`) declares its *facts* (typed answers the
site records per subject, one per screening-log column) and gives each criterion a *rule* from a
small vocabulary; :func:`assess` evaluates every rule on an assessment date with three-valued
logic (true / false / unknown), so a missing or unknown fact can never produce ``eligible``.

Rule vocabulary (a rule's truth means *met* for an inclusion and *applies* for an exclusion):

``answer``          a yes/no fact equals the expected answer (the manual questions).
``age_range``       age in completed years on the assessment date within minimum..maximum, both inclusive.
``duration_since``  the assessment date is after the date fact's N-th year/month anniversary.
``threshold``       a number fact (optionally minus another) compared with a decimal value.
``recent_event``    a date fact 0..N days before the assessment date, inclusive; "none" is false.
``consent_signed``  informed consent signed on or before the assessment date.
``all``/``any``/``not``  combinations. Any rule may be limited to one sex (``only_sex``): for the
other sex it is not applicable, which neither fails an inclusion nor applies an exclusion.

Keys of :attr:`CriterionResult.derived` (computed values for the user to check against the source):

``age_years``       int: completed years on the assessment date (``age_range``).
``elapsed_years``   int: completed years since the date fact (``duration_since`` in years).
``elapsed_months``  int: completed months since the date fact (``duration_since`` in months).
``value``           Decimal: the number compared (``threshold`` without ``minus``), in the rule's unit.
``difference``      Decimal: fact − minus fact (``threshold`` with ``minus``), in the rule's unit.
``days_before``     int: days from the event to the assessment date (``recent_event`` with a date).

Besides fact names, :attr:`CriterionResult.facts` and the ``missing`` lists may name the subject
record's ``date_of_birth``, ``sex`` and ``consent`` (the informed-consent date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Final

from coordinator_app.domain.errors import ValidationError
from coordinator_app.domain.subjects import Sex

if TYPE_CHECKING:  # protocol.py imports this module; these names are only annotations here
    from coordinator_app.domain.protocol import Criterion, Eligibility, Text

# Names a rule reads from the subject record rather than from the protocol's facts.
DATE_OF_BIRTH: Final = "date_of_birth"
SEX: Final = "sex"
CONSENT: Final = "consent"
RECORD_NAMES: Final = frozenset({DATE_OF_BIRTH, SEX, CONSENT})


# -- facts --------------------------------------------------------------------------------------


class FactType(StrEnum):
    YES_NO = "yes_no"
    DATE = "date"
    DATE_OR_NONE = "date_or_none"
    NUMBER = "number"


class NoEvent(Enum):
    """The type of :data:`NO_EVENT`: an enum so the singleton survives copying and type-checks with ``is``."""

    NONE = "none"

    def __str__(self) -> str:
        return "none"

    def __repr__(self) -> str:
        return "NO_EVENT"


NO_EVENT: Final = NoEvent.NONE
"""A DATE_OR_NONE fact answered "none": explicitly no such event, which differs from unknown."""

FactValue = bool | dt.date | Decimal | NoEvent


@dataclass(frozen=True)
class FactDefinition:
    """One fact the protocol asks about; ``name`` is also the screening-log CSV column."""

    name: str
    type: FactType
    label: Text
    unit: str = ""


_YES: Final = frozenset({"yes", "y", "true", "是"})
_NO: Final = frozenset({"no", "n", "false", "否"})
_UNKNOWN: Final = frozenset({"", "unknown", "未知"})
_NONE: Final = frozenset({"none", "无"})
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_DECIMAL: Final = re.compile(r"(\d+(\.\d*)?|\.\d+)\Z")


def parse_fact(definition: FactDefinition, text: str) -> FactValue | None:
    """The value of ``text`` as typed or as in the CSV; None for unknown. Bad text raises ValidationError."""
    cleaned = text.strip().casefold()
    if cleaned in _UNKNOWN:
        return None
    match definition.type:
        case FactType.YES_NO:
            return _parse_yes_no(definition, text, cleaned)
        case FactType.DATE:
            return _parse_date(definition, text, cleaned, "an ISO date (YYYY-MM-DD)")
        case FactType.DATE_OR_NONE:
            if cleaned in _NONE:
                return NO_EVENT
            return _parse_date(definition, text, cleaned, 'an ISO date (YYYY-MM-DD) or "none"')
        case FactType.NUMBER:
            return _parse_number(definition, text, cleaned)


def _parse_yes_no(definition: FactDefinition, text: str, cleaned: str) -> bool:
    if cleaned in _YES:
        return True
    if cleaned in _NO:
        return False
    raise ValidationError(definition.name, text, 'must be "yes", "no" or "unknown"')


def _parse_date(definition: FactDefinition, text: str, cleaned: str, wanted: str) -> dt.date:
    """Strictly YYYY-MM-DD: fromisoformat alone would also take "20211012" and week dates."""
    if _ISO_DATE.match(cleaned):
        try:
            return dt.date.fromisoformat(cleaned)
        except ValueError:
            raise ValidationError(definition.name, text, "is not a date in the calendar") from None
    raise ValidationError(definition.name, text, f"must be {wanted}")


def _parse_number(definition: FactDefinition, text: str, cleaned: str) -> Decimal:
    if cleaned.startswith("-") and _DECIMAL.match(cleaned[1:]):
        raise ValidationError(definition.name, text, "must not be negative")
    if cleaned.lstrip("+-") in {"nan", "snan", "inf", "infinity"}:
        raise ValidationError(definition.name, text, "must be a finite number")
    if not _DECIMAL.match(cleaned):
        raise ValidationError(definition.name, text, "must be a number such as 12.3")
    try:
        return Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        raise ValidationError(definition.name, text, "must be a number such as 12.3") from None


def format_fact(definition: FactDefinition, value: FactValue | None) -> str:
    """The canonical text of a value ("" for unknown); ``parse_fact`` reads it back to the same value."""
    if value is None:
        return ""
    match definition.type:
        case FactType.YES_NO if isinstance(value, bool):
            return "yes" if value else "no"
        case FactType.DATE_OR_NONE if value is NO_EVENT:
            return "none"
        case FactType.DATE | FactType.DATE_OR_NONE if _is_date(value):
            assert isinstance(value, dt.date)
            return value.isoformat()
        case FactType.NUMBER if _is_number(value):
            assert isinstance(value, Decimal)
            return format(value, "f")
    raise ValidationError(definition.name, value, f"is not a {definition.type.value} value")


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _is_number(value: object) -> bool:
    return isinstance(value, Decimal) and value.is_finite() and not value.is_signed()


# -- calendar -----------------------------------------------------------------------------------


def anniversary(start: dt.date, years: int = 0, months: int = 0) -> dt.date:
    """``start`` moved by whole years and months; a day the target month lacks (29 Feb, 31st) becomes the 1st of
    the next month, as the law counts a 29 February birthday in a non-leap year: on 1 March."""
    index = start.year * 12 + start.month - 1 + years * 12 + months
    year, month = divmod(index, 12)
    try:
        return dt.date(year, month + 1, start.day)
    except ValueError:
        year, month = divmod(index + 1, 12)
        return dt.date(year, month + 1, 1)


def completed_months(start: dt.date, on: dt.date) -> int:
    """Whole months from ``start`` to ``on``, counted by :func:`anniversary`."""
    if on < start:
        raise ValueError(f"{on} is before {start}")
    months = (on.year - start.year) * 12 + on.month - start.month
    return months - 1 if anniversary(start, months=months) > on else months


def age_in_completed_years(born: dt.date, on: dt.date) -> int:
    """Age on ``on``: a year older on each birthday (1 March for a 29 February birth in a non-leap year)."""
    return completed_months(born, on) // 12


# -- rules --------------------------------------------------------------------------------------


class DurationUnit(StrEnum):
    YEARS = "years"
    MONTHS = "months"


class Comparison(StrEnum):
    GREATER_THAN = "greater_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"

    def holds(self, left: Decimal, right: Decimal) -> bool:
        match self:
            case Comparison.GREATER_THAN:
                return left > right
            case Comparison.AT_LEAST:
                return left >= right
            case Comparison.LESS_THAN:
                return left < right
            case Comparison.AT_MOST:
                return left <= right


@dataclass(frozen=True)
class AnswerRule:
    """A yes/no fact equals ``expect``: the manual questions."""

    fact: str
    expect: bool
    only_sex: Sex | None = None


@dataclass(frozen=True)
class AgeRangeRule:
    """Age in completed years within ``minimum``..``maximum``, both ends included; either end may be open."""

    minimum: int | None
    maximum: int | None
    only_sex: Sex | None = None


@dataclass(frozen=True)
class DurationSinceRule:
    """More than ``more_than`` units have passed since the date fact: true only after the anniversary."""

    fact: str
    more_than: int
    unit: DurationUnit
    only_sex: Sex | None = None


@dataclass(frozen=True)
class ThresholdRule:
    """``fact`` (minus ``minus`` when given) compared with ``value``; Decimal so 15.3 − 12.3 is exactly 3.0."""

    fact: str
    comparison: Comparison
    value: Decimal
    minus: str | None = None
    unit: str = ""
    only_sex: Sex | None = None


@dataclass(frozen=True)
class RecentEventRule:
    """The dated event happened 0..``within_days`` days before the assessment date, inclusive."""

    fact: str
    within_days: int
    only_sex: Sex | None = None


@dataclass(frozen=True)
class ConsentSignedRule:
    """Informed consent signed on or before the assessment date."""

    only_sex: Sex | None = None


@dataclass(frozen=True)
class AllRule:
    rules: tuple[Rule, ...]
    only_sex: Sex | None = None


@dataclass(frozen=True)
class AnyRule:
    rules: tuple[Rule, ...]
    only_sex: Sex | None = None


@dataclass(frozen=True)
class NotRule:
    rule: Rule
    only_sex: Sex | None = None


Rule = (
    AnswerRule
    | AgeRangeRule
    | DurationSinceRule
    | ThresholdRule
    | RecentEventRule
    | ConsentSignedRule
    | AllRule
    | AnyRule
    | NotRule
)


def rule_facts(rule: Rule) -> tuple[str, ...]:
    """The fact names a rule refers to, in order (for validation and display)."""
    match rule:
        case AnswerRule(fact=fact) | DurationSinceRule(fact=fact) | RecentEventRule(fact=fact):
            return (fact,)
        case ThresholdRule(fact=fact, minus=minus):
            return (fact,) if minus is None else (fact, minus)
        case AllRule(rules=rules) | AnyRule(rules=rules):
            return _unique(name for child in rules for name in rule_facts(child))
        case NotRule(rule=child):
            return rule_facts(child)
        case AgeRangeRule() | ConsentSignedRule():
            return ()


# -- assessment ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SubjectFacts:
    """What the rules may read about one subject; unknown facts are absent from ``values``."""

    date_of_birth: dt.date
    sex: Sex
    consent_date: dt.date | None
    values: Mapping[str, FactValue]


class CriterionState(StrEnum):
    MET = "met"
    FAILS = "fails"
    APPLIES = "applies"
    DOES_NOT_APPLY = "does_not_apply"
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class CriterionResult:
    """One criterion's state; ``missing`` is non-empty exactly when the state is MISSING."""

    code: str
    inclusion: bool
    state: CriterionState
    facts: tuple[str, ...]
    missing: tuple[str, ...]
    derived: tuple[tuple[str, object], ...]


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    INCOMPLETE = "incomplete"


@dataclass(frozen=True)
class Assessment:
    """The verdict on one date, with every criterion's result; ``failing`` and ``missing`` explain it."""

    assessment_date: dt.date
    results: tuple[CriterionResult, ...]
    verdict: Verdict
    failing: tuple[str, ...]
    missing: tuple[str, ...]


def assess(eligibility: Eligibility, facts: SubjectFacts, assessment_date: dt.date) -> Assessment:
    """Evaluate every criterion. Eligible needs every inclusion met and no exclusion applying, all known;
    any failure makes the subject ineligible even while other facts are missing.

    Dates that cannot precede the assessment (birth, an event, the start of a duration) but do are input
    errors: ValidationError, not a result.
    """
    if facts.date_of_birth > assessment_date:
        raise _after_assessment(DATE_OF_BIRTH, facts.date_of_birth, assessment_date)
    context = _Context(facts, assessment_date)
    results = tuple(
        [_criterion_result(c, True, context) for c in eligibility.inclusion]
        + [_criterion_result(c, False, context) for c in eligibility.exclusion]
    )
    failing = tuple(r.code for r in results if r.state in {CriterionState.FAILS, CriterionState.APPLIES})
    missing = _unique(name for r in results if r.state is CriterionState.MISSING for name in r.missing)
    if failing:
        verdict = Verdict.INELIGIBLE
    elif missing:
        verdict = Verdict.INCOMPLETE
    else:
        verdict = Verdict.ELIGIBLE
    return Assessment(assessment_date, results, verdict, failing, missing)


@dataclass(frozen=True)
class _Outcome:
    """A rule's three-valued truth (None: unknown), or not applicable to this subject's sex."""

    truth: bool | None
    facts: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    derived: tuple[tuple[str, object], ...] = ()
    applicable: bool = True


@dataclass(frozen=True)
class _Context:
    subject: SubjectFacts
    on: dt.date

    def value(self, name: str, wanted: FactType) -> FactValue | None:
        """A fact's value, refusing one of the wrong type (the caller's bug or a changed protocol)."""
        value = self.subject.values.get(name)
        if value is None:
            return None
        ok = {
            FactType.YES_NO: isinstance(value, bool),
            FactType.DATE: _is_date(value),
            FactType.DATE_OR_NONE: value is NO_EVENT or _is_date(value),
            FactType.NUMBER: _is_number(value),
        }[wanted]
        if not ok:
            raise ValidationError(name, value, f"is not a {wanted.value} value")
        return value


def _criterion_result(criterion: Criterion, inclusion: bool, context: _Context) -> CriterionResult:
    if criterion.rule is None:
        return CriterionResult(criterion.code, inclusion, CriterionState.MISSING, (), (criterion.code,), ())
    outcome = _evaluate(criterion.rule, context)
    if not outcome.applicable:
        state = CriterionState.NOT_APPLICABLE
    elif outcome.truth is None:
        state = CriterionState.MISSING
    elif inclusion:
        state = CriterionState.MET if outcome.truth else CriterionState.FAILS
    else:
        state = CriterionState.APPLIES if outcome.truth else CriterionState.DOES_NOT_APPLY
    missing = outcome.missing if state is CriterionState.MISSING else ()
    return CriterionResult(criterion.code, inclusion, state, outcome.facts, missing, outcome.derived)


def _evaluate(rule: Rule, context: _Context) -> _Outcome:
    """The rule's outcome; the inner rule is evaluated even for the other sex so input errors still surface."""
    outcome = _evaluate_kind(rule, context)
    if rule.only_sex is None:
        return outcome
    facts = _unique((SEX, *outcome.facts))
    if context.subject.sex is not rule.only_sex:
        return _Outcome(None, facts, applicable=False)
    return replace(outcome, facts=facts)


def _evaluate_kind(rule: Rule, context: _Context) -> _Outcome:
    match rule:
        case AnswerRule():
            return _answer(rule, context)
        case AgeRangeRule():
            return _age_range(rule, context)
        case DurationSinceRule():
            return _duration_since(rule, context)
        case ThresholdRule():
            return _threshold(rule, context)
        case RecentEventRule():
            return _recent_event(rule, context)
        case ConsentSignedRule():
            return _consent_signed(context)
        case AllRule() | AnyRule():
            return _combine(rule, [_evaluate(child, context) for child in rule.rules])
        case NotRule():
            return _negate(_evaluate(rule.rule, context))


def _answer(rule: AnswerRule, context: _Context) -> _Outcome:
    value = context.value(rule.fact, FactType.YES_NO)
    if value is None:
        return _unknown(rule.fact)
    return _Outcome(value is rule.expect, (rule.fact,))


def _age_range(rule: AgeRangeRule, context: _Context) -> _Outcome:
    age = age_in_completed_years(context.subject.date_of_birth, context.on)
    truth = (rule.minimum is None or age >= rule.minimum) and (rule.maximum is None or age <= rule.maximum)
    return _Outcome(truth, (DATE_OF_BIRTH,), derived=(("age_years", age),))


def _duration_since(rule: DurationSinceRule, context: _Context) -> _Outcome:
    start = context.value(rule.fact, FactType.DATE)
    if start is None:
        return _unknown(rule.fact)
    assert isinstance(start, dt.date)
    if start > context.on:
        raise _after_assessment(rule.fact, start, context.on)
    months = completed_months(start, context.on)
    if rule.unit is DurationUnit.YEARS:
        due, derived = anniversary(start, years=rule.more_than), ("elapsed_years", months // 12)
    else:
        due, derived = anniversary(start, months=rule.more_than), ("elapsed_months", months)
    return _Outcome(context.on > due, (rule.fact,), derived=(derived,))


def _threshold(rule: ThresholdRule, context: _Context) -> _Outcome:
    names = (rule.fact,) if rule.minus is None else (rule.fact, rule.minus)
    values = [context.value(name, FactType.NUMBER) for name in names]
    absent = tuple(name for name, value in zip(names, values, strict=True) if value is None)
    if absent:
        return _Outcome(None, names, absent)
    numbers = [value for value in values if isinstance(value, Decimal)]
    compared = numbers[0] - numbers[1] if rule.minus is not None else numbers[0]
    key = "value" if rule.minus is None else "difference"
    return _Outcome(rule.comparison.holds(compared, rule.value), names, derived=((key, compared),))


def _recent_event(rule: RecentEventRule, context: _Context) -> _Outcome:
    value = context.value(rule.fact, FactType.DATE_OR_NONE)
    if value is None:
        return _unknown(rule.fact)
    if value is NO_EVENT:
        return _Outcome(False, (rule.fact,))
    assert isinstance(value, dt.date)
    if value > context.on:
        raise _after_assessment(rule.fact, value, context.on)
    days = (context.on - value).days
    return _Outcome(days <= rule.within_days, (rule.fact,), derived=(("days_before", days),))


def _consent_signed(context: _Context) -> _Outcome:
    signed = context.subject.consent_date
    if signed is None:
        return _unknown(CONSENT)
    return _Outcome(signed <= context.on, (CONSENT,))


def _combine(rule: AllRule | AnyRule, children: list[_Outcome]) -> _Outcome:
    """Three-valued all/any over the applicable children; a decisive child makes the others' gaps irrelevant."""
    facts = _unique(name for child in children for name in child.facts)
    counted = [child for child in children if child.applicable]
    if not counted:
        return _Outcome(None, facts, applicable=False)
    decisive = isinstance(rule, AnyRule)  # any: one true decides; all: one false decides
    truths = [child.truth for child in counted]
    derived = tuple(item for child in counted for item in child.derived)
    if decisive in truths:
        return _Outcome(decisive, facts, derived=derived)
    if None in truths:
        missing = _unique(name for child in counted if child.truth is None for name in child.missing)
        return _Outcome(None, facts, missing, derived)
    return _Outcome(not decisive, facts, derived=derived)


def _negate(child: _Outcome) -> _Outcome:
    if not child.applicable or child.truth is None:
        return child
    return replace(child, truth=not child.truth)


def _unknown(name: str) -> _Outcome:
    return _Outcome(None, (name,), (name,))


def _after_assessment(name: str, value: dt.date, on: dt.date) -> ValidationError:
    return ValidationError(name, value.isoformat(), f"is after the assessment date {on.isoformat()}")


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))
