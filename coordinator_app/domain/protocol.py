"""The trial protocol as data: a typed model and a validating loader.

A protocol file (TOML, see ``resources/protocols/``) or a ClinicalTrials.gov
record becomes a :class:`Protocol`.  Everything the app knows about a trial's
design comes from here, so the same app can serve the site's next trial.
Bad input raises :class:`ProtocolError` naming the key and the problem.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from coordinator_app.domain.eligibility import (
    RECORD_NAMES,
    AgeRangeRule,
    AllRule,
    AnswerRule,
    AnyRule,
    Comparison,
    ConsentSignedRule,
    DurationSinceRule,
    DurationUnit,
    FactDefinition,
    FactType,
    NotRule,
    RecentEventRule,
    Rule,
    ThresholdRule,
)
from coordinator_app.domain.errors import NotFoundError, ProtocolError, shown
from coordinator_app.domain.keyed_reader import KeyedReader
from coordinator_app.domain.subjects import Sex

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Text:
    """A text in English and Chinese; either may be empty but not both."""

    en: str
    zh: str = ""

    def best(self, language: str) -> str:
        """The text in ``language`` ("zh..." or "en..."), falling back to the other one."""
        if language.startswith("zh"):
            return self.zh or self.en
        return self.en or self.zh


@dataclass(frozen=True)
class Criterion:
    """One inclusion or exclusion criterion, as written in the protocol. Without a rule nothing can decide
    it, so it stays missing and a protocol with such a criterion never yields an eligible verdict."""

    code: str
    text: Text
    rule: Rule | None = None


@dataclass(frozen=True)
class Eligibility:
    minimum_age_years: int | None
    maximum_age_years: int | None
    sex: str
    healthy_volunteers: bool
    inclusion: tuple[Criterion, ...]
    exclusion: tuple[Criterion, ...]
    facts: tuple[FactDefinition, ...] = ()


@dataclass(frozen=True)
class Arm:
    label: str
    type: str
    description: str
    interventions: tuple[str, ...]


@dataclass(frozen=True)
class Intervention:
    """What is given; the dose fields are structured when the protocol file knows them."""

    name: str
    type: str
    description: str
    route: str = ""
    dose: str = ""
    dose_count: int | None = None
    dose_interval_weeks: int | None = None
    dose_cells: Decimal | None = None  # cells per dose, checked on each infusion record
    dose_tolerance_percent: Decimal | None = None  # accepted deviation from dose_cells, either way


@dataclass(frozen=True)
class Person:
    """A contact person published with the protocol (central, facility or official)."""

    name: str
    role: str = ""
    phone: str = ""
    email: str = ""
    affiliation: str = ""


@dataclass(frozen=True)
class Location:
    facility: str
    city: str
    country: str
    state: str = ""
    status: str = ""
    contacts: tuple[Person, ...] = ()


@dataclass(frozen=True)
class Sponsor:
    lead: str
    lead_class: str = ""
    collaborators: tuple[str, ...] = ()
    responsible_party: str = ""


@dataclass(frozen=True)
class Design:
    study_type: str
    phases: tuple[str, ...]
    allocation: str
    intervention_model: str
    primary_purpose: str
    masking: str
    enrollment_target: int


@dataclass(frozen=True)
class ConsentVersion:
    """One version of the informed consent form the ethics committee approved."""

    version: str
    approved_on: dt.date | None = None
    note: str = ""


@dataclass(frozen=True)
class Procedure:
    """One assessment a visit can call for; visits name it by code, the visit packet prints its name."""

    code: str
    name: Text


@dataclass(frozen=True)
class VisitDefinition:
    """One visit of the plan: its target is ``day`` days after its anchor's date, its window
    [target - before, target + after] inclusive. ``anchor`` None marks the first anchor (dose 1, day 0),
    the date everything else counts from."""

    code: str
    name: Text
    anchor: str | None
    day: int
    before: int
    after: int
    infusion: bool
    procedures: tuple[str, ...]


@dataclass(frozen=True)
class VisitPlan:
    """The schedule of assessments: visits in the order they happen, and the procedure vocabulary."""

    visits: tuple[VisitDefinition, ...]
    procedures: tuple[Procedure, ...]

    def codes(self) -> tuple[str, ...]:
        return tuple(v.code for v in self.visits)

    def visit(self, code: str) -> VisitDefinition:
        """The visit with ``code``; NotFoundError when the plan has none (codes come from imports and users)."""
        for visit in self.visits:
            if visit.code == code:
                return visit
        raise NotFoundError(f"{shown(code)} is not a visit of the visit plan ({', '.join(self.codes())})")

    def first_anchor(self) -> VisitDefinition:
        """The visit without an anchor: dose 1, the date the whole schedule counts from."""
        return next(v for v in self.visits if v.anchor is None)

    def anchors(self) -> tuple[VisitDefinition, ...]:
        """Visits that other visits count from, in plan order: moving one moves its dependents."""
        named = {v.anchor for v in self.visits}
        return tuple(v for v in self.visits if v.code in named)

    def dependents(self, code: str) -> tuple[VisitDefinition, ...]:
        """Every visit whose date follows from ``code``'s, directly or through another anchor, in plan order."""
        found: set[str] = set()
        frontier = {code}
        while frontier:
            frontier = {v.code for v in self.visits if v.anchor in frontier} - found - {code}
            found |= frontier
        return tuple(v for v in self.visits if v.code in found)

    def infusions(self) -> tuple[VisitDefinition, ...]:
        """The dosing visits in plan order; each may be given only after the ones before it."""
        return tuple(v for v in self.visits if v.infusion)

    def procedure(self, code: str) -> Procedure:
        for procedure in self.procedures:
            if procedure.code == code:
                return procedure
        raise NotFoundError(f"{shown(code)} is not a procedure of the visit plan")

    def procedures_of(self, code: str) -> tuple[Procedure, ...]:
        """What the visit packet of visit ``code`` lists, in the visit's order."""
        return tuple(self.procedure(p) for p in self.visit(code).procedures)


@dataclass(frozen=True)
class Protocol:
    """Everything the registry publishes about one trial, plus the site's translations and consent versions."""

    nct_id: str
    org_study_id: str
    brief_title: Text
    official_title: Text
    overall_status: str
    start_date: dt.date | None
    completion_date: dt.date | None
    last_update: dt.date | None
    summary: Text
    conditions: tuple[str, ...]
    design: Design
    arms: tuple[Arm, ...]
    interventions: tuple[Intervention, ...]
    eligibility: Eligibility
    sponsor: Sponsor
    locations: tuple[Location, ...]
    central_contacts: tuple[Person, ...]
    officials: tuple[Person, ...] = field(default=())
    consent_versions: tuple[ConsentVersion, ...] = ()
    current_consent_version: str = ""
    visit_plan: VisitPlan | None = None  # the site's schedule of assessments; registry imports have none

    def consent_version_names(self) -> tuple[str, ...]:
        return tuple(v.version for v in self.consent_versions)


# -- reading -----------------------------------------------------------------------------------


def _date(reader: KeyedReader, name: str) -> dt.date | None:
    """A TOML date, or ISO text (the stored JSON form); not a date-time: protocol dates have no clock."""
    value = reader.value(name)
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        raise reader.fail(name, f"must be a date without a time, not {value!r}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise reader.fail(name, f"must be an ISO date (YYYY-MM-DD), not {value!r}")


def _text(reader: KeyedReader, name: str, required: bool = False) -> Text:
    """Plain text (taken as English) or a table with ``en`` and ``zh``."""
    value = reader.value(name, required)
    if value is None:
        return Text("")
    if isinstance(value, str):
        return Text(value.strip())
    if not isinstance(value, Mapping):
        raise reader.fail(name, f"must be text or a table with 'en' and 'zh', not {value!r}")
    table = reader.table(name)
    text = Text(table.string("en"), table.string("zh"))
    table.finish()
    if required and not (text.en or text.zh):
        raise reader.fail(name, "needs an 'en' or a 'zh' text")
    return text


def protocol_from_mapping(data: Mapping[str, Any], source: str = "") -> Protocol:
    """Validate a protocol document (parsed TOML or stored JSON) and build the model."""
    root = KeyedReader(data, "", source)
    version = root.integer("schema_version")
    if version != SCHEMA_VERSION:
        raise root.fail("schema_version", f"must be {SCHEMA_VERSION}, not {version}")

    ident = root.table("identification", required=True)
    nct_id = ident.string("nct_id", required=True)
    if not (nct_id.startswith("NCT") and len(nct_id) == 11 and nct_id[3:].isdigit()):
        raise ident.fail("nct_id", f"must look like NCT followed by 8 digits, not {nct_id!r}")
    org_study_id = ident.string("org_study_id")
    brief_title = _text(ident, "brief_title", required=True)
    official_title = _text(ident, "official_title")
    summary = _text(ident, "summary")
    conditions = ident.strings("conditions")
    ident.finish()

    status = root.table("status", required=True)
    overall_status = status.string("overall_status", required=True)
    start_date = _date(status, "start_date")
    completion_date = _date(status, "completion_date")
    last_update = _date(status, "last_update")
    if start_date and completion_date and completion_date < start_date:
        raise status.fail("completion_date", f"{completion_date} is before the start date {start_date}")
    status.finish()

    design = _design(root.table("design", required=True))
    interventions = tuple(_intervention(reader) for reader in root.tables("interventions"))
    arms = tuple(_arm(reader, {i.name for i in interventions}) for reader in root.tables("arms"))
    eligibility = _eligibility(root.table("eligibility", required=True))
    sponsor = _sponsor(root.table("sponsor", required=True))
    locations = tuple(_location(reader) for reader in root.tables("locations"))
    central_contacts = tuple(_person(reader) for reader in root.tables("central_contacts"))
    officials = tuple(_person(reader) for reader in root.tables("officials"))
    consent_versions, current_consent_version = _consent(root.table("consent"))
    visit_plan = None if root.value("visit_plan") is None else _visit_plan(root.table("visit_plan"))
    root.finish()

    return Protocol(
        nct_id=nct_id,
        org_study_id=org_study_id,
        brief_title=brief_title,
        official_title=official_title,
        overall_status=overall_status,
        start_date=start_date,
        completion_date=completion_date,
        last_update=last_update,
        summary=summary,
        conditions=conditions,
        design=design,
        arms=arms,
        interventions=interventions,
        eligibility=eligibility,
        sponsor=sponsor,
        locations=locations,
        central_contacts=central_contacts,
        officials=officials,
        consent_versions=consent_versions,
        current_consent_version=current_consent_version,
        visit_plan=visit_plan,
    )


def _consent(reader: KeyedReader) -> tuple[tuple[ConsentVersion, ...], str]:
    """The approved consent versions and the one in use now (optional: registry imports have none)."""
    versions: list[ConsentVersion] = []
    for item in reader.tables("versions"):
        versions.append(
            ConsentVersion(item.string("version", required=True), _date(item, "approved_on"), item.string("note"))
        )
        item.finish()
    names = [v.version for v in versions]
    if len(set(names)) != len(names):
        raise reader.fail("versions", "lists a version twice")
    current = reader.string("current_version", required=bool(versions))
    if current and current not in names:
        raise reader.fail("current_version", f"{current!r} is not one of the listed versions ({', '.join(names)})")
    reader.finish()
    return tuple(versions), current


# -- visit plan --------------------------------------------------------------------------------

_VISIT_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9+_.-]*\Z")


def _visit_plan(reader: KeyedReader) -> VisitPlan:
    """The ``[visit_plan]``: procedures first, since visits name them."""
    procedures: dict[str, Procedure] = {}
    for item in reader.tables("procedures"):
        code = item.string("code", required=True)
        if not _FACT_NAME.match(code):
            raise item.fail("code", f"{code!r} must be lower-case letters, digits and _, starting with a letter")
        if code in procedures:
            raise item.fail("code", f"{code!r} is used by two procedures")
        procedures[code] = Procedure(code, _text(item, "name", required=True))
        item.finish()

    readers = reader.tables("visits", required=True)
    if not readers:
        raise reader.fail("visits", "needs at least one visit")
    visits = [_visit(item, procedures) for item in readers]
    reader.finish()

    index: dict[str, int] = {}
    for i, visit in enumerate(visits):
        if visit.code in index:
            raise readers[i].fail("code", f"{visit.code!r} is used by two visits")
        index[visit.code] = i
    firsts = [i for i, visit in enumerate(visits) if visit.anchor is None]
    if not firsts:
        raise reader.fail("visits", "needs one visit without an anchor: the first anchor (dose 1, day 0)")
    if len(firsts) > 1:
        raise readers[firsts[1]].fail(
            "anchor", f"is missing; only one visit ({visits[firsts[0]].code!r}) can be the first anchor"
        )
    for i, visit in enumerate(visits):
        if visit.anchor is not None and visit.anchor not in index:
            raise readers[i].fail("anchor", f"names {visit.anchor!r}, which is not a visit of the plan")
    for i, visit in enumerate(visits):
        _check_visit(readers[i], visit, {v.code: v for v in visits})
    return VisitPlan(tuple(visits), tuple(procedures.values()))


def _visit(reader: KeyedReader, procedures: Mapping[str, Procedure]) -> VisitDefinition:
    code = reader.string("code", required=True)
    if not _VISIT_CODE.match(code):
        raise reader.fail("code", f"{code!r} must be letters, digits and + - _ . (it is used in imports and exports)")
    names = reader.strings("procedures")
    for name in names:
        if name not in procedures:
            raise reader.fail("procedures", f"names {name!r}, which is not one of the [[visit_plan.procedures]]")
    if len(set(names)) != len(names):
        raise reader.fail("procedures", "lists a procedure twice")
    visit = VisitDefinition(
        code=code,
        name=_text(reader, "name", required=True),
        anchor=reader.string("anchor") or None,
        day=reader.integer("day"),
        before=reader.integer("before", required=False, minimum=0) or 0,
        after=reader.integer("after", required=False, minimum=0) or 0,
        infusion=reader.boolean("infusion"),
        procedures=names,
    )
    reader.finish()
    return visit


def _check_visit(reader: KeyedReader, visit: VisitDefinition, visits: Mapping[str, VisitDefinition]) -> None:
    """Rules that need the whole plan: no cycles, the first anchor is the day-0 dose, windows stay on their side."""
    if visit.anchor is None:
        if visit.day != 0:
            raise reader.fail(
                "day", f"must be 0 for the first anchor, the date every other visit counts from, not {visit.day}"
            )
        for key in ("before", "after"):
            if getattr(visit, key):
                raise reader.fail(key, "must be 0: the first anchor has no window, its date is the reference")
        if not visit.infusion:
            raise reader.fail("infusion", "must be true: the first anchor is dose 1, which enrolment proposes")
        return
    chain = [visit.code]
    anchor: str | None = visit.anchor
    while anchor is not None and anchor not in chain[1:]:  # a cycle elsewhere is reported on one of its own visits
        chain.append(anchor)
        if anchor == visit.code:
            raise reader.fail("anchor", f"makes a cycle: {' -> '.join(chain)}")
        anchor = visits[anchor].anchor
    if visit.day >= 0 and visit.day - visit.before < 0:
        raise reader.fail(
            "before", f"{visit.before} opens the window before its anchor {visit.anchor!r} (day {visit.day})"
        )
    if visit.day < 0 and visit.day + visit.after > 0:
        raise reader.fail(
            "after", f"{visit.after} closes the window after its anchor {visit.anchor!r} (day {visit.day})"
        )
    if visit.infusion and visit.day <= 0:
        raise reader.fail("day", f"must be after its anchor {visit.anchor!r} for an infusion: doses follow each other")


def _design(reader: KeyedReader) -> Design:
    design = Design(
        study_type=reader.string("study_type", required=True),
        phases=reader.strings("phases"),
        allocation=reader.string("allocation"),
        intervention_model=reader.string("intervention_model"),
        primary_purpose=reader.string("primary_purpose"),
        masking=reader.string("masking"),
        enrollment_target=reader.integer("enrollment_target", minimum=1),
    )
    reader.finish()
    return design


def _intervention(reader: KeyedReader) -> Intervention:
    intervention = Intervention(
        name=reader.string("name", required=True),
        type=reader.string("type", required=True),
        description=reader.string("description"),
        route=reader.string("route"),
        dose=reader.string("dose"),
        dose_count=reader.integer("dose_count", required=False, minimum=1),
        dose_interval_weeks=reader.integer("dose_interval_weeks", required=False, minimum=1),
        dose_cells=_positive_decimal(reader, "dose_cells"),
        dose_tolerance_percent=_positive_decimal(reader, "dose_tolerance_percent"),
    )
    reader.finish()
    return intervention


def _decimal_text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _positive_decimal(reader: KeyedReader, name: str) -> Decimal | None:
    """A quantity written as text ("1e8") or a TOML number; exact, so boundaries hold."""
    value = reader.value(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise reader.fail(name, f"must be a number, not {value!r}")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise reader.fail(name, f"must be a number, not {value!r}") from None
    if not number.is_finite() or number <= 0:
        raise reader.fail(name, f"must be a positive number, not {value!r}")
    return number


def _arm(reader: KeyedReader, intervention_names: set[str]) -> Arm:
    arm = Arm(
        label=reader.string("label", required=True),
        type=reader.string("type"),
        description=reader.string("description"),
        interventions=reader.strings("interventions"),
    )
    for name in arm.interventions:
        if name not in intervention_names:
            raise reader.fail("interventions", f"names {name!r}, which is not one of the [[interventions]]")
    reader.finish()
    return arm


def _criteria(readers: Sequence[KeyedReader], facts: Mapping[str, FactDefinition]) -> tuple[Criterion, ...]:
    criteria: list[Criterion] = []
    seen: set[str] = set()
    for reader in readers:
        code = reader.string("code", required=True)
        if code in seen:
            raise reader.fail("code", f"{code!r} is used by two criteria")
        seen.add(code)
        text = _text(reader, "text", required=True)
        rule = None if reader.value("rule") is None else _rule(reader.table("rule"), facts)
        criteria.append(Criterion(code=code, text=text, rule=rule))
        reader.finish()
    return tuple(criteria)


_FACT_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")


def _fact_definitions(readers: Sequence[KeyedReader]) -> tuple[FactDefinition, ...]:
    """The ``[[eligibility.facts]]``: names are screening-log columns, so they must be unique and plain."""
    definitions: dict[str, FactDefinition] = {}
    for reader in readers:
        name = reader.string("name", required=True)
        if not _FACT_NAME.match(name):
            raise reader.fail("name", f"{name!r} must be lower-case letters, digits and _, starting with a letter")
        if name in RECORD_NAMES:
            raise reader.fail("name", f"{name!r} is read from the subject record, not entered as a fact")
        if name in definitions:
            raise reader.fail("name", f"{name!r} is used by two facts")
        fact_type = _choice(reader, "type", FactType)
        unit = reader.string("unit")
        if unit and fact_type is not FactType.NUMBER:
            raise reader.fail("unit", f"only a number fact has a unit, and this is a {fact_type.value} fact")
        definitions[name] = FactDefinition(name, fact_type, _text(reader, "label", required=True), unit)
        reader.finish()
    return tuple(definitions.values())


_Choice = TypeVar("_Choice", FactType, DurationUnit, Sex)


def _choice(reader: KeyedReader, name: str, choices: type[_Choice]) -> _Choice:
    value = reader.string(name, required=True)
    try:
        return choices(value)
    except ValueError:
        allowed = ", ".join(choice.value for choice in choices)
        raise reader.fail(name, f"must be one of {allowed}, not {value!r}") from None


# -- rules: one reader per kind; each reads its keys and refuses any other ------------------------

_Facts = Mapping[str, FactDefinition]


def _rule(reader: KeyedReader, facts: _Facts) -> Rule:
    kind = reader.string("kind", required=True)
    read = _RULE_READERS.get(kind)
    if read is None:
        raise reader.fail("kind", f"must be one of {', '.join(_RULE_READERS)}, not {kind!r}")
    only_sex = None if reader.value("only_sex") is None else _choice(reader, "only_sex", Sex)
    rule = read(reader, facts, only_sex)
    reader.finish()
    return rule


def _rule_fact(reader: KeyedReader, key: str, facts: _Facts, *types: FactType) -> str:
    """A fact name that the protocol declares, of a type the rule can read."""
    name = reader.string(key, required=True)
    definition = facts.get(name)
    if definition is None:
        raise reader.fail(key, f"names {name!r}, which is not one of the [[eligibility.facts]]")
    if definition.type not in types:
        wanted = " or ".join(t.value for t in types)
        raise reader.fail(key, f"names {name!r}, a {definition.type.value} fact; this rule needs a {wanted} fact")
    return name


def _answer_rule(reader: KeyedReader, facts: _Facts, only_sex: Sex | None) -> Rule:
    fact = _rule_fact(reader, "fact", facts, FactType.YES_NO)
    expect = reader.string("expect", required=True)
    if expect not in {"yes", "no"}:
        raise reader.fail("expect", f'must be "yes" or "no", not {expect!r}')
    return AnswerRule(fact, expect == "yes", only_sex)


def _age_range_rule(reader: KeyedReader, facts: _Facts, only_sex: Sex | None) -> Rule:
    minimum = reader.integer("minimum", required=False, minimum=0)
    maximum = reader.integer("maximum", required=False, minimum=0)
    if minimum is None and maximum is None:
        raise ProtocolError(reader.path, "needs a minimum, a maximum or both", reader.source)
    if minimum is not None and maximum is not None and maximum < minimum:
        raise reader.fail("maximum", f"{maximum} is below the minimum {minimum}")
    return AgeRangeRule(minimum, maximum, only_sex)


def _duration_since_rule(reader: KeyedReader, facts: _Facts, only_sex: Sex | None) -> Rule:
    fact = _rule_fact(reader, "fact", facts, FactType.DATE)
    more_than = reader.integer("more_than", minimum=0)
    return DurationSinceRule(fact, more_than, _choice(reader, "unit", DurationUnit), only_sex)


def _threshold_rule(reader: KeyedReader, facts: _Facts, only_sex: Sex | None) -> Rule:
    fact = _rule_fact(reader, "fact", facts, FactType.NUMBER)
    minus = None if reader.value("minus") is None else _rule_fact(reader, "minus", facts, FactType.NUMBER)
    unit = facts[fact].unit
    if minus is not None and facts[minus].unit != unit:
        raise reader.fail("minus", f"names {minus!r}, measured in {facts[minus].unit!r}, not {unit!r}")
    stated = reader.string("unit")
    if stated and unit and stated != unit:
        raise reader.fail("unit", f"{stated!r} differs from the unit {unit!r} of the fact {fact!r}")
    given = [(c, reader.value(c.value)) for c in Comparison]
    present = [(c, value) for c, value in given if value is not None]
    if len(present) != 1:
        choices = ", ".join(c.value for c in Comparison)
        raise ProtocolError(reader.path, f"needs exactly one of {choices}", reader.source)
    comparison, value = present[0]
    return ThresholdRule(fact, comparison, _decimal(reader, comparison.value, value), minus, stated or unit, only_sex)


def _decimal(reader: KeyedReader, key: str, value: object) -> Decimal:
    """A threshold: text ("3.0", as stored) or a TOML number; a float is read by its shortest repr, 3.0 -> 3.0."""
    number: Decimal | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = Decimal(value)
    elif isinstance(value, float) and math.isfinite(value):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            number = None
    if number is None or not number.is_finite():
        raise reader.fail(key, f'must be a finite number (preferably as text, e.g. "3.0"), not {value!r}')
    return number


def _recent_event_rule(reader: KeyedReader, facts: _Facts, only_sex: Sex | None) -> Rule:
    fact = _rule_fact(reader, "fact", facts, FactType.DATE_OR_NONE, FactType.DATE)
    return RecentEventRule(fact, reader.integer("within_days", minimum=0), only_sex)


def _consent_signed_rule(reader: KeyedReader, facts: _Facts, only_sex: Sex | None) -> Rule:
    return ConsentSignedRule(only_sex)


def _rule_list(reader: KeyedReader, facts: _Facts) -> tuple[Rule, ...]:
    readers = reader.tables("rules", required=True)
    if not readers:
        raise reader.fail("rules", "needs at least one rule")
    return tuple(_rule(item, facts) for item in readers)


def _all_rule(reader: KeyedReader, facts: _Facts, only_sex: Sex | None) -> Rule:
    return AllRule(_rule_list(reader, facts), only_sex)


def _any_rule(reader: KeyedReader, facts: _Facts, only_sex: Sex | None) -> Rule:
    return AnyRule(_rule_list(reader, facts), only_sex)


def _not_rule(reader: KeyedReader, facts: _Facts, only_sex: Sex | None) -> Rule:
    return NotRule(_rule(reader.table("rule", required=True), facts), only_sex)


_RULE_READERS: dict[str, Callable[[KeyedReader, _Facts, Sex | None], Rule]] = {
    "answer": _answer_rule,
    "age_range": _age_range_rule,
    "duration_since": _duration_since_rule,
    "threshold": _threshold_rule,
    "recent_event": _recent_event_rule,
    "consent_signed": _consent_signed_rule,
    "all": _all_rule,
    "any": _any_rule,
    "not": _not_rule,
}


def rule_to_mapping(rule: Rule) -> dict[str, Any]:
    """A rule in the file's shape; thresholds are written as decimal text so they read back exactly."""
    data: dict[str, Any]
    match rule:
        case AnswerRule():
            data = {"kind": "answer", "fact": rule.fact, "expect": "yes" if rule.expect else "no"}
        case AgeRangeRule():
            data = {"kind": "age_range", "minimum": rule.minimum, "maximum": rule.maximum}
        case DurationSinceRule():
            data = {"kind": "duration_since", "fact": rule.fact, "more_than": rule.more_than, "unit": rule.unit.value}
        case ThresholdRule():
            data = {"kind": "threshold", "fact": rule.fact, "minus": rule.minus}
            data |= {rule.comparison.value: format(rule.value, "f"), "unit": rule.unit or None}
        case RecentEventRule():
            data = {"kind": "recent_event", "fact": rule.fact, "within_days": rule.within_days}
        case ConsentSignedRule():
            data = {"kind": "consent_signed"}
        case AllRule() | AnyRule():
            kind = "all" if isinstance(rule, AllRule) else "any"
            data = {"kind": kind, "rules": [rule_to_mapping(child) for child in rule.rules]}
        case NotRule():
            data = {"kind": "not", "rule": rule_to_mapping(rule.rule)}
    data["only_sex"] = rule.only_sex.value if rule.only_sex else None
    return {key: value for key, value in data.items() if value is not None}


def _eligibility(reader: KeyedReader) -> Eligibility:
    minimum = reader.integer("minimum_age_years", required=False, minimum=0)
    maximum = reader.integer("maximum_age_years", required=False, minimum=0)
    if minimum is not None and maximum is not None and maximum < minimum:
        raise reader.fail("maximum_age_years", f"{maximum} is below the minimum age {minimum}")
    sex = reader.string("sex") or "ALL"
    if sex not in {"ALL", "FEMALE", "MALE"}:
        raise reader.fail("sex", f"must be ALL, FEMALE or MALE, not {sex!r}")
    facts = _fact_definitions(reader.tables("facts"))
    by_name = {fact.name: fact for fact in facts}
    eligibility = Eligibility(
        minimum_age_years=minimum,
        maximum_age_years=maximum,
        sex=sex,
        healthy_volunteers=reader.boolean("healthy_volunteers", default=False),
        inclusion=_criteria(reader.tables("inclusion", required=True), by_name),
        exclusion=_criteria(reader.tables("exclusion"), by_name),
        facts=facts,
    )
    if not eligibility.inclusion:
        raise reader.fail("inclusion", "needs at least one criterion")
    clashes = {c.code for c in eligibility.inclusion} & {c.code for c in eligibility.exclusion}
    if clashes:
        raise reader.fail("exclusion", f"reuses the inclusion code {sorted(clashes)[0]!r}")
    reader.finish()
    return eligibility


def _sponsor(reader: KeyedReader) -> Sponsor:
    sponsor = Sponsor(
        lead=reader.string("lead", required=True),
        lead_class=reader.string("lead_class"),
        collaborators=reader.strings("collaborators"),
        responsible_party=reader.string("responsible_party"),
    )
    reader.finish()
    return sponsor


def _person(reader: KeyedReader) -> Person:
    person = Person(
        name=reader.string("name", required=True),
        role=reader.string("role"),
        phone=reader.string("phone"),
        email=reader.string("email"),
        affiliation=reader.string("affiliation"),
    )
    reader.finish()
    return person


def _location(reader: KeyedReader) -> Location:
    location = Location(
        facility=reader.string("facility", required=True),
        city=reader.string("city"),
        country=reader.string("country"),
        state=reader.string("state"),
        status=reader.string("status"),
        contacts=tuple(_person(contact) for contact in reader.tables("contacts")),
    )
    reader.finish()
    return location


def load_protocol_text(text: str, source: str = "") -> Protocol:
    """Parse a TOML protocol document."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProtocolError("", f"is not valid TOML ({error})", source) from None
    return protocol_from_mapping(data, source)


def load_protocol_file(path: Path) -> Protocol:
    """Read and validate a TOML protocol file; errors name the file, the key and the problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProtocolError("", f"cannot be read ({error})", str(path)) from None
    return load_protocol_text(text, str(path))


# -- writing -----------------------------------------------------------------------------------


def protocol_to_mapping(protocol: Protocol) -> dict[str, Any]:
    """The protocol as plain data in the file's own shape (dates as ISO text), for JSON storage.

    ``protocol_from_mapping(protocol_to_mapping(p)) == p`` for every valid protocol.
    """

    def text(value: Text) -> dict[str, str]:
        return {"en": value.en, "zh": value.zh}

    def date(value: dt.date | None) -> str:
        return value.isoformat() if value else ""

    def person(value: Person) -> dict[str, str]:
        return {
            "name": value.name,
            "role": value.role,
            "phone": value.phone,
            "email": value.email,
            "affiliation": value.affiliation,
        }

    def criterion(value: Criterion) -> dict[str, Any]:
        rule = {"rule": rule_to_mapping(value.rule)} if value.rule else {}
        return {"code": value.code, "text": text(value.text), **rule}

    def criteria(values: Sequence[Criterion]) -> list[dict[str, Any]]:
        return [criterion(c) for c in values]

    def fact(value: FactDefinition) -> dict[str, Any]:
        unit = {"unit": value.unit} if value.unit else {}
        return {"name": value.name, "type": value.type.value, "label": text(value.label), **unit}

    def optional(values: dict[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in values.items() if value is not None}

    def visit(value: VisitDefinition) -> dict[str, Any]:
        return optional(
            {
                "code": value.code,
                "name": text(value.name),
                "anchor": value.anchor,
                "day": value.day,
                "before": value.before,
                "after": value.after,
                "infusion": value.infusion,
                "procedures": list(value.procedures),
            }
        )

    def visit_plan(value: VisitPlan | None) -> dict[str, Any]:
        if value is None:
            return {}
        procedures = [{"code": p.code, "name": text(p.name)} for p in value.procedures]
        return {"visit_plan": {"procedures": procedures, "visits": [visit(v) for v in value.visits]}}

    p = protocol
    return {
        "schema_version": SCHEMA_VERSION,
        "identification": {
            "nct_id": p.nct_id,
            "org_study_id": p.org_study_id,
            "brief_title": text(p.brief_title),
            "official_title": text(p.official_title),
            "summary": text(p.summary),
            "conditions": list(p.conditions),
        },
        "status": {
            "overall_status": p.overall_status,
            "start_date": date(p.start_date),
            "completion_date": date(p.completion_date),
            "last_update": date(p.last_update),
        },
        "design": {
            "study_type": p.design.study_type,
            "phases": list(p.design.phases),
            "allocation": p.design.allocation,
            "intervention_model": p.design.intervention_model,
            "primary_purpose": p.design.primary_purpose,
            "masking": p.design.masking,
            "enrollment_target": p.design.enrollment_target,
        },
        "interventions": [
            optional(
                {
                    "name": i.name,
                    "type": i.type,
                    "description": i.description,
                    "route": i.route,
                    "dose": i.dose,
                    "dose_count": i.dose_count,
                    "dose_interval_weeks": i.dose_interval_weeks,
                    "dose_cells": _decimal_text(i.dose_cells),
                    "dose_tolerance_percent": _decimal_text(i.dose_tolerance_percent),
                }
            )
            for i in p.interventions
        ],
        "arms": [
            {"label": a.label, "type": a.type, "description": a.description, "interventions": list(a.interventions)}
            for a in p.arms
        ],
        "eligibility": optional(
            {
                "minimum_age_years": p.eligibility.minimum_age_years,
                "maximum_age_years": p.eligibility.maximum_age_years,
                "sex": p.eligibility.sex,
                "healthy_volunteers": p.eligibility.healthy_volunteers,
                "facts": [fact(f) for f in p.eligibility.facts],
                "inclusion": criteria(p.eligibility.inclusion),
                "exclusion": criteria(p.eligibility.exclusion),
            }
        ),
        "sponsor": {
            "lead": p.sponsor.lead,
            "lead_class": p.sponsor.lead_class,
            "collaborators": list(p.sponsor.collaborators),
            "responsible_party": p.sponsor.responsible_party,
        },
        "locations": [
            {
                "facility": loc.facility,
                "city": loc.city,
                "country": loc.country,
                "state": loc.state,
                "status": loc.status,
                "contacts": [person(c) for c in loc.contacts],
            }
            for loc in p.locations
        ],
        "central_contacts": [person(c) for c in p.central_contacts],
        "officials": [person(c) for c in p.officials],
        "consent": {
            "current_version": p.current_consent_version,
            "versions": [
                {"version": v.version, "approved_on": date(v.approved_on), "note": v.note} for v in p.consent_versions
            ],
        },
        **visit_plan(p.visit_plan),
    }
