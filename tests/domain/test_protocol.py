"""The protocol file: the shipped NCT05106972 file, and every kind of bad file."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from coordinator_app.domain.eligibility import (
    AgeRangeRule,
    AllRule,
    AnswerRule,
    AnyRule,
    Comparison,
    ConsentSignedRule,
    DurationSinceRule,
    DurationUnit,
    FactType,
    NotRule,
    RecentEventRule,
    ThresholdRule,
    rule_facts,
)
from coordinator_app.domain.errors import NotFoundError, ProtocolError
from coordinator_app.domain.protocol import (
    Criterion,
    Procedure,
    Text,
    VisitDefinition,
    load_protocol_file,
    load_protocol_text,
    protocol_from_mapping,
    protocol_to_mapping,
)
from coordinator_app.domain.subjects import Sex
from coordinator_app.resource_files import resource

SHIPPED = Path(str(resource("protocols", "NCT05106972.toml")))


@pytest.fixture
def document() -> dict[str, Any]:
    return tomllib.loads(SHIPPED.read_text(encoding="utf-8"))


def test_shipped_protocol_holds_the_registry_record() -> None:
    protocol = load_protocol_file(SHIPPED)

    assert protocol.nct_id == "NCT05106972"
    assert protocol.org_study_id == "SCT20181032"
    assert protocol.overall_status == "RECRUITING"
    assert protocol.start_date == dt.date(2021, 12, 1)
    assert protocol.completion_date == dt.date(2025, 12, 31)
    assert protocol.design.enrollment_target == 30
    assert protocol.design.intervention_model == "SINGLE_GROUP"
    assert protocol.design.phases == ("NA",)
    (intervention,) = protocol.interventions
    assert (intervention.dose, intervention.dose_count, intervention.dose_interval_weeks) == ("1×10⁸ cells", 2, 24)
    assert intervention.route == "intravenous"
    assert protocol.arms[0].interventions == ("UC-MSC infusion",)
    assert (protocol.eligibility.minimum_age_years, protocol.eligibility.maximum_age_years) == (20, 60)
    assert protocol.sponsor.lead == "Asia Stem Cell Regenerative Pharmaceutical Co., Ltd."
    assert protocol.locations[0].facility == "Haikou People's Hospital"
    assert protocol.central_contacts[0].phone == "86-0898-66151200"


def test_shipped_protocol_has_every_criterion_in_both_languages() -> None:
    eligibility = load_protocol_file(SHIPPED).eligibility

    assert [c.code for c in eligibility.inclusion] == [f"IN{i}" for i in range(1, 8)]
    assert [c.code for c in eligibility.exclusion] == [f"EX{i}" for i in range(1, 13)]
    assert eligibility.exclusion[5].text.en == "PT prolongation is greater than 3 seconds"
    for criterion in eligibility.inclusion + eligibility.exclusion:
        assert criterion.text.en and criterion.text.zh, criterion.code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in criterion.text.zh), criterion.code


def test_text_falls_back_to_the_other_language() -> None:
    protocol = load_protocol_file(SHIPPED)
    assert protocol.brief_title.best("zh_CN") == "脐带间充质干细胞移植治疗失代偿期乙型肝炎肝硬化"
    assert protocol.brief_title.best("en").startswith("Umbilical Cord")


def test_round_trip_through_stored_json_keeps_everything(document: dict[str, Any]) -> None:
    protocol = protocol_from_mapping(document)
    assert protocol_from_mapping(protocol_to_mapping(protocol)) == protocol


def _bad(document: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    """``document`` with the value at dotted ``path`` replaced (or removed when value is ...)."""
    *parents, last = path.split(".")
    node: Any = document
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if value is ...:
        del node[last]
    else:
        node[int(last) if isinstance(node, list) else last] = value
    return document


@pytest.mark.parametrize(
    ("path", "value", "key", "problem"),
    [
        ("identification.nct_id", ..., "identification.nct_id", "is missing"),
        ("identification.nct_id", "NCT123", "identification.nct_id", "must look like NCT followed by 8 digits"),
        ("design.enrollment_target", "thirty", "design.enrollment_target", "must be a whole number"),
        ("design.enrollment_target", 0, "design.enrollment_target", "must be at least 1"),
        ("status.start_date", "2021-13-01", "status.start_date", "must be an ISO date"),
        ("status.completion_date", dt.date(2020, 1, 1), "status.completion_date", "is before the start date"),
        ("eligibility.maximum_age_years", 18, "eligibility.maximum_age_years", "is below the minimum age 20"),
        ("eligibility.sex", "BOTH", "eligibility.sex", "must be ALL, FEMALE or MALE"),
        ("eligibility.inclusion", [], "eligibility.inclusion", "needs at least one criterion"),
        ("eligibility.inclusion.1.code", "IN1", "eligibility.inclusion[1].code", "'IN1' is used by two criteria"),
        ("eligibility.exclusion.0.code", "IN3", "eligibility.exclusion", "reuses the inclusion code 'IN3'"),
        ("eligibility.inclusion.0.text", {"en": "", "zh": ""}, "eligibility.inclusion[0].text", "needs an 'en'"),
        ("arms.0.interventions", ["Placebo"], "arms[0].interventions", "'Placebo', which is not one of"),
        ("sponsor.lead", "  ", "sponsor.lead", "must not be empty"),
        ("schema_version", 2, "schema_version", "must be 1, not 2"),
        ("design.enrolment_target", 30, "design.enrolment_target", "is not a known key (misspelt?)"),
        ("locations", {"facility": "x"}, "locations", "must be a list of tables"),
    ],
)
def test_bad_protocol_is_reported_with_key_and_problem(
    document: dict[str, Any], path: str, value: object, key: str, problem: str
) -> None:
    with pytest.raises(ProtocolError) as raised:
        protocol_from_mapping(_bad(document, path, value), "site.toml")

    assert raised.value.key == key
    assert problem in raised.value.problem
    assert str(raised.value).startswith(f"site.toml: {key}: ")


def test_invalid_toml_names_the_file_and_line() -> None:
    with pytest.raises(ProtocolError, match=r"^x\.toml: is not valid TOML \(.*line 2"):
        load_protocol_text("schema_version = 1\n[identification\n", "x.toml")


def test_unreadable_file_is_a_protocol_error(tmp_path: Path) -> None:
    with pytest.raises(ProtocolError, match="cannot be read"):
        load_protocol_file(tmp_path / "missing.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ProtocolError, match="cannot be read"):
        load_protocol_file(binary)


# -- eligibility facts and rules ---------------------------------------------------------------

SCREENING_LOG_COLUMNS = [
    ("hbv_cirrhosis_diagnosis_date", FactType.DATE),
    ("decompensated", FactType.YES_NO),
    ("conservative_treatment_start", FactType.DATE),
    ("no_relief_after_treatment", FactType.YES_NO),
    ("liver_transplant_unsuitable", FactType.YES_NO),
    ("bleeding_tendency", FactType.YES_NO),
    ("active_bleeding", FactType.YES_NO),
    ("hepatic_encephalopathy", FactType.YES_NO),
    ("other_cirrhosis_cause", FactType.YES_NO),
    ("liver_malignancy_or_family_history", FactType.YES_NO),
    ("hypersplenism_needing_splenectomy", FactType.YES_NO),
    ("other_tumour_history", FactType.YES_NO),
    ("pt_seconds", FactType.NUMBER),
    ("pt_control_seconds", FactType.NUMBER),
    ("last_albumin_date", FactType.DATE_OR_NONE),
    ("last_upper_gi_bleed_date", FactType.DATE_OR_NONE),
    ("spontaneous_peritonitis", FactType.YES_NO),
    ("active_infection", FactType.YES_NO),
    ("pregnant_or_lactating", FactType.YES_NO),
    ("investigator_judges_inappropriate", FactType.YES_NO),
]


def test_shipped_facts_are_the_screening_log_columns_with_labels_in_both_languages() -> None:
    facts = load_protocol_file(SHIPPED).eligibility.facts

    assert [(f.name, f.type) for f in facts] == SCREENING_LOG_COLUMNS
    assert {f.name: f.unit for f in facts if f.unit} == {"pt_seconds": "s", "pt_control_seconds": "s"}
    for fact in facts:
        assert fact.label.en, fact.name
        assert any("\u4e00" <= ch <= "\u9fff" for ch in fact.label.zh), fact.name


def test_shipped_rules_follow_the_registry_text() -> None:
    eligibility = load_protocol_file(SHIPPED).eligibility
    rules = {c.code: c.rule for c in eligibility.inclusion + eligibility.exclusion}

    assert all(rule is not None for rule in rules.values())
    assert rules["IN1"] == AgeRangeRule(20, 60)
    assert rules["IN2"] == AllRule(
        (AnswerRule("decompensated", True), DurationSinceRule("hbv_cirrhosis_diagnosis_date", 5, DurationUnit.YEARS))
    )
    assert rules["IN4"] == AllRule((AnswerRule("bleeding_tendency", False), AnswerRule("active_bleeding", False)))
    assert rules["IN6"] == AllRule(
        (
            DurationSinceRule("conservative_treatment_start", 6, DurationUnit.MONTHS),
            AnswerRule("no_relief_after_treatment", True),
        )
    )
    assert rules["IN7"] == ConsentSignedRule()
    assert rules["EX1"] == NotRule(AgeRangeRule(20, 60))
    assert rules["EX6"] == ThresholdRule(
        "pt_seconds", Comparison.GREATER_THAN, Decimal("3.0"), minus="pt_control_seconds", unit="s"
    )
    assert rules["EX7"] == RecentEventRule("last_albumin_date", 21)
    assert rules["EX8"] == RecentEventRule("last_upper_gi_bleed_date", 28)
    assert rules["EX11"] == AnswerRule("pregnant_or_lactating", True, only_sex=Sex.FEMALE)
    assert rules["EX12"] == AnswerRule("investigator_judges_inappropriate", True)
    used = {name for rule in rules.values() if rule for name in rule_facts(rule)}
    assert used == {name for name, _ in SCREENING_LOG_COLUMNS}


def test_rules_are_stored_in_the_file_shape_with_thresholds_as_decimal_text(document: dict[str, Any]) -> None:
    mapping = protocol_to_mapping(protocol_from_mapping(document))

    assert mapping["eligibility"]["exclusion"][5]["rule"] == {
        "kind": "threshold",
        "fact": "pt_seconds",
        "minus": "pt_control_seconds",
        "greater_than": "3.0",
        "unit": "s",
    }
    assert mapping["eligibility"]["exclusion"][10]["rule"] == {
        "kind": "answer",
        "fact": "pregnant_or_lactating",
        "expect": "yes",
        "only_sex": "female",
    }
    assert mapping["eligibility"]["facts"][12] == {
        "name": "pt_seconds",
        "type": "number",
        "label": {"en": "Prothrombin time (PT), patient", "zh": "患者凝血酶原时间（PT）"},
        "unit": "s",
    }
    assert mapping["eligibility"]["facts"][0].keys() == {"name", "type", "label"}
    assert json.loads(json.dumps(mapping)) == mapping


@pytest.mark.parametrize(
    ("written", "value", "stored"),
    [("3.0", Decimal("3.0"), "3.0"), (3.0, Decimal("3.0"), "3.0"), (0.1, Decimal("0.1"), "0.1"), (3, Decimal(3), "3")],
)
def test_a_threshold_reads_text_or_toml_numbers_exactly(
    document: dict[str, Any], written: object, value: Decimal, stored: str
) -> None:
    protocol = protocol_from_mapping(_bad(document, "eligibility.exclusion.5.rule.greater_than", written))
    rule = protocol.eligibility.exclusion[5].rule

    assert isinstance(rule, ThresholdRule)
    assert (rule.value, str(rule.value)) == (value, stored)
    assert protocol_to_mapping(protocol)["eligibility"]["exclusion"][5]["rule"]["greater_than"] == stored
    assert protocol_from_mapping(protocol_to_mapping(protocol)) == protocol


def test_every_rule_kind_round_trips(document: dict[str, Any]) -> None:
    document["eligibility"]["inclusion"][0]["rule"] = {
        "kind": "any",
        "rules": [
            {"kind": "age_range", "minimum": 18},
            {"kind": "age_range", "maximum": 75, "only_sex": "male"},
            {"kind": "not", "rule": {"kind": "consent_signed"}, "only_sex": "female"},
            {"kind": "threshold", "fact": "pt_seconds", "at_most": "-1.50"},
            {"kind": "threshold", "fact": "pt_seconds", "less_than": 20, "unit": "s"},
            {"kind": "threshold", "fact": "pt_seconds", "at_least": "0"},
            {"kind": "recent_event", "fact": "hbv_cirrhosis_diagnosis_date", "within_days": 0},
            {"kind": "duration_since", "fact": "hbv_cirrhosis_diagnosis_date", "more_than": 0, "unit": "months"},
            {"kind": "all", "rules": [{"kind": "answer", "fact": "decompensated", "expect": "no"}]},
        ],
    }
    protocol = protocol_from_mapping(document)
    rule = protocol.eligibility.inclusion[0].rule

    assert isinstance(rule, AnyRule)
    assert rule.rules[1] == AgeRangeRule(None, 75, Sex.MALE)
    assert rule.rules[3] == ThresholdRule("pt_seconds", Comparison.AT_MOST, Decimal("-1.50"), unit="s")
    assert protocol_from_mapping(protocol_to_mapping(protocol)) == protocol
    assert protocol_to_mapping(protocol)["eligibility"]["inclusion"][0]["rule"]["rules"][1] == {
        "kind": "age_range",
        "maximum": 75,
        "only_sex": "male",
    }


def test_rules_and_facts_are_optional(document: dict[str, Any]) -> None:
    del document["eligibility"]["facts"]
    for criterion in document["eligibility"]["inclusion"] + document["eligibility"]["exclusion"]:
        del criterion["rule"]
    protocol = protocol_from_mapping(document)

    assert protocol.eligibility.facts == ()
    assert protocol.eligibility.inclusion[0] == Criterion(
        "IN1", Text("Aged between 20 and 60 (male or female)", "年龄20至60岁（男女不限）")
    )
    assert "rule" not in protocol_to_mapping(protocol)["eligibility"]["inclusion"][0]
    assert protocol_from_mapping(protocol_to_mapping(protocol)) == protocol


@pytest.mark.parametrize(
    ("path", "value", "key", "problem"),
    [
        (
            "eligibility.inclusion.1.rule.rules.0.fact",
            "x",
            "eligibility.inclusion[1].rule.rules[0].fact",
            "names 'x', which is not one of the [[eligibility.facts]]",
        ),
        (
            "eligibility.inclusion.2.rule.fact",
            "pt_seconds",
            "eligibility.inclusion[2].rule.fact",
            "names 'pt_seconds', a number fact; this rule needs a yes_no fact",
        ),
        (
            "eligibility.inclusion.1.rule.rules.1.fact",
            "last_albumin_date",
            "eligibility.inclusion[1].rule.rules[1].fact",
            "a date_or_none fact; this rule needs a date fact",
        ),
        (
            "eligibility.exclusion.6.rule.fact",
            "decompensated",
            "eligibility.exclusion[6].rule.fact",
            "needs a date_or_none or date fact",
        ),
        (
            "eligibility.inclusion.0.rule.kind",
            "between",
            "eligibility.inclusion[0].rule.kind",
            "must be one of answer, age_range, duration_since, threshold, recent_event, consent_signed, all, any, not,",
        ),
        ("eligibility.inclusion.0.rule.kind", ..., "eligibility.inclusion[0].rule.kind", "is missing"),
        ("eligibility.inclusion.0.rule", "age 20-60", "eligibility.inclusion[0].rule", "must be a table, not the text"),
        ("eligibility.exclusion.6.rule.within_days", ..., "eligibility.exclusion[6].rule.within_days", "is missing"),
        (
            "eligibility.exclusion.6.rule.within_days",
            -1,
            "eligibility.exclusion[6].rule.within_days",
            "must be at least 0",
        ),
        (
            "eligibility.exclusion.6.rule.within_day",
            21,
            "eligibility.exclusion[6].rule.within_day",
            "is not a known key",
        ),
        (
            "eligibility.inclusion.6.rule.fact",
            "decompensated",
            "eligibility.inclusion[6].rule.fact",
            "is not a known key",
        ),
        (
            "eligibility.inclusion.1.rule.rules.1.unit",
            "weeks",
            "eligibility.inclusion[1].rule.rules[1].unit",
            "must be one of years, months, not 'weeks'",
        ),
        (
            "eligibility.inclusion.1.rule.rules.1.more_than",
            "5",
            "eligibility.inclusion[1].rule.rules[1].more_than",
            "must be a whole number",
        ),
        (
            "eligibility.inclusion.2.rule.expect",
            "true",
            "eligibility.inclusion[2].rule.expect",
            'must be "yes" or "no", not \'true\'',
        ),
        ("eligibility.inclusion.1.rule.rules", [], "eligibility.inclusion[1].rule.rules", "needs at least one rule"),
        ("eligibility.exclusion.0.rule.rule", ..., "eligibility.exclusion[0].rule.rule", "is missing"),
        (
            "eligibility.exclusion.10.rule.only_sex",
            "FEMALE",
            "eligibility.exclusion[10].rule.only_sex",
            "must be one of female, male, not 'FEMALE'",
        ),
        (
            "eligibility.inclusion.0.rule.maximum",
            19,
            "eligibility.inclusion[0].rule.maximum",
            "19 is below the minimum 20",
        ),
        (
            "eligibility.exclusion.5.rule.greater_than",
            "three",
            "eligibility.exclusion[5].rule.greater_than",
            "must be a finite number",
        ),
        (
            "eligibility.exclusion.5.rule.greater_than",
            "NaN",
            "eligibility.exclusion[5].rule.greater_than",
            "must be a finite number",
        ),
        (
            "eligibility.exclusion.5.rule.greater_than",
            float("inf"),
            "eligibility.exclusion[5].rule.greater_than",
            "must be a finite number",
        ),
        (
            "eligibility.exclusion.5.rule.greater_than",
            True,
            "eligibility.exclusion[5].rule.greater_than",
            "must be a finite number",
        ),
        (
            "eligibility.exclusion.5.rule.at_least",
            "3.0",
            "eligibility.exclusion[5].rule",
            "needs exactly one of greater_than, at_least, less_than, at_most",
        ),
        ("eligibility.exclusion.5.rule.greater_than", ..., "eligibility.exclusion[5].rule", "needs exactly one of"),
        (
            "eligibility.exclusion.5.rule.unit",
            "ms",
            "eligibility.exclusion[5].rule.unit",
            "'ms' differs from the unit 's' of the fact 'pt_seconds'",
        ),
        (
            "eligibility.exclusion.5.rule.minus",
            "nope",
            "eligibility.exclusion[5].rule.minus",
            "names 'nope', which is not one of",
        ),
        (
            "eligibility.facts.13.unit",
            "min",
            "eligibility.exclusion[5].rule.minus",
            "names 'pt_control_seconds', measured in 'min', not 's'",
        ),
        (
            "eligibility.facts.1.name",
            "hbv_cirrhosis_diagnosis_date",
            "eligibility.facts[1].name",
            "'hbv_cirrhosis_diagnosis_date' is used by two facts",
        ),
        ("eligibility.facts.1.name", "sex", "eligibility.facts[1].name", "'sex' is read from the subject record"),
        (
            "eligibility.facts.1.name",
            "Decompensated",
            "eligibility.facts[1].name",
            "must be lower-case letters, digits and _",
        ),
        (
            "eligibility.facts.1.type",
            "boolean",
            "eligibility.facts[1].type",
            "must be one of yes_no, date, date_or_none, number, not 'boolean'",
        ),
        (
            "eligibility.facts.1.unit",
            "s",
            "eligibility.facts[1].unit",
            "only a number fact has a unit, and this is a yes_no fact",
        ),
        ("eligibility.facts.1.label", ..., "eligibility.facts[1].label", "is missing"),
        ("eligibility.facts.1.lable", "x", "eligibility.facts[1].lable", "is not a known key"),
        ("eligibility.facts", {"name": "x"}, "eligibility.facts", "must be a list of tables"),
    ],
)
def test_bad_rule_or_fact_is_reported_with_key_and_problem(
    document: dict[str, Any], path: str, value: object, key: str, problem: str
) -> None:
    with pytest.raises(ProtocolError) as raised:
        protocol_from_mapping(_bad(document, path, value), "site.toml")

    assert raised.value.key == key
    assert problem in raised.value.problem


# -- visit plan --------------------------------------------------------------------------------

VISIT_CODES = ["SCR", "D1", "D1+1", "W1", "W2", "W4", "W8", "W12", "D2", "D2+1", "W25", "W28", "W36", "W48"]


def test_shipped_visit_plan_is_the_two_dose_schedule() -> None:
    plan = load_protocol_file(SHIPPED).visit_plan

    assert plan is not None
    assert list(plan.codes()) == VISIT_CODES
    timing = {v.code: (v.anchor, v.day, v.before, v.after) for v in plan.visits}
    assert timing == {
        "SCR": ("D1", -1, 27, 0),
        "D1": (None, 0, 0, 0),
        "D1+1": ("D1", 1, 0, 0),
        "W1": ("D1", 7, 2, 2),
        "W2": ("D1", 14, 3, 3),
        "W4": ("D1", 28, 3, 3),
        "W8": ("D1", 56, 7, 7),
        "W12": ("D1", 84, 7, 7),
        "D2": ("D1", 168, 7, 7),
        "D2+1": ("D2", 1, 0, 0),
        "W25": ("D2", 7, 2, 2),
        "W28": ("D2", 28, 3, 3),
        "W36": ("D2", 84, 7, 7),
        "W48": ("D2", 168, 7, 7),
    }
    assert plan.first_anchor().code == "D1"
    assert [v.code for v in plan.anchors()] == ["D1", "D2"]
    assert [v.code for v in plan.infusions()] == ["D1", "D2"]
    assert [v.code for v in plan.dependents("D2")] == ["D2+1", "W25", "W28", "W36", "W48"]
    assert [v.code for v in plan.dependents("D1")] == [c for c in VISIT_CODES if c != "D1"]
    assert plan.dependents("W12") == ()
    assert plan.visit("W48").name == Text(
        "Week 48, end of study (24 weeks after dose 2)", "第48周，研究结束（第2次输注后24周）"
    )


def test_shipped_visits_list_their_procedures_for_the_packet() -> None:
    plan = load_protocol_file(SHIPPED).visit_plan
    assert plan is not None

    assert plan.procedure("lab_liver") == Procedure(
        "lab_liver", Text("Liver function: ALT, AST, TBIL, ALB, CHE", "肝功能：ALT、AST、TBIL、ALB、CHE")
    )
    named = " ".join(p.name.en for p in plan.procedures)
    for analyte in ("ALT", "AST", "TBIL", "ALB", "PT/INR", "CHE", "creatinine", "Na", "HBV DNA", "AFP", "ultrasound"):
        assert analyte in named, analyte
    for procedure in plan.procedures:
        assert procedure.name.en and any("\u4e00" <= ch <= "\u9fff" for ch in procedure.name.zh), procedure.code
    for visit in plan.visits:
        assert {"vitals", "ae_review", "con_meds"} <= set(visit.procedures), visit.code
        assert ("infusion" in visit.procedures) is visit.infusion, visit.code
        assert visit.name.en and visit.name.zh, visit.code

    def having(code: str) -> list[str]:
        return [v.code for v in plan.visits if code in v.procedures]

    assert having("lab_liver")[:2] == ["SCR", "D1"]
    assert having("renal") == ["SCR", "D1", "W4", "W12", "D2", "W28", "W48"]
    assert having("ultrasound") == having("hbv_dna") == having("afp") == ["SCR", "W12", "D2", "W36", "W48"]
    assert having("qol") == ["SCR", "W12", "D2", "W48"]
    assert having("consent") == ["SCR"]
    assert [p.code for p in plan.procedures_of("W1")] == ["vitals", "lab_liver", "ae_review", "con_meds"]
    with pytest.raises(NotFoundError, match="'W3' is not a visit"):
        plan.visit("W3")


def test_visit_plan_is_stored_in_the_file_shape(document: dict[str, Any]) -> None:
    protocol = protocol_from_mapping(document)
    stored = json.loads(json.dumps(protocol_to_mapping(protocol)))

    assert stored["visit_plan"]["visits"][1] == {
        "code": "D1",
        "name": {"en": "Dose 1 (infusion 1)", "zh": "第1次给药（第1次输注）"},
        "day": 0,
        "before": 0,
        "after": 0,
        "infusion": True,
        "procedures": list(document["visit_plan"]["visits"][1]["procedures"]),
    }
    assert stored["visit_plan"]["visits"][0]["anchor"] == "D1"
    assert stored["visit_plan"]["procedures"][2] == {"code": "vitals", "name": {"en": "Vital signs", "zh": "生命体征"}}
    assert protocol_from_mapping(stored) == protocol


def test_visit_plan_is_optional_and_a_window_defaults_to_none(document: dict[str, Any]) -> None:
    del document["visit_plan"]["visits"][3]["before"], document["visit_plan"]["visits"][3]["after"]
    w1 = protocol_from_mapping(document).visit_plan.visits[3]  # type: ignore[union-attr]
    assert w1 == VisitDefinition("W1", Text("Week 1", "第1周"), "D1", 7, 0, 0, False, w1.procedures)

    del document["visit_plan"]
    protocol = protocol_from_mapping(document)
    assert protocol.visit_plan is None
    assert "visit_plan" not in protocol_to_mapping(protocol)
    assert protocol_from_mapping(protocol_to_mapping(protocol)) == protocol


@pytest.mark.parametrize(
    ("path", "value", "key", "problem"),
    [
        ("visit_plan", [1], "visit_plan", "must be a table"),
        ("visit_plan.note", "x", "visit_plan.note", "is not a known key"),
        ("visit_plan.visits", ..., "visit_plan.visits", "is missing"),
        ("visit_plan.visits", [], "visit_plan.visits", "needs at least one visit"),
        ("visit_plan.visits.3.code", "W2", "visit_plan.visits[4].code", "'W2' is used by two visits"),
        ("visit_plan.visits.3.code", "W 1", "visit_plan.visits[3].code", "must be letters, digits and + - _ ."),
        ("visit_plan.visits.3.name", ..., "visit_plan.visits[3].name", "is missing"),
        ("visit_plan.visits.3.window", 2, "visit_plan.visits[3].window", "is not a known key"),
        (
            "visit_plan.visits.3.anchor",
            "D3",
            "visit_plan.visits[3].anchor",
            "names 'D3', which is not a visit of the plan",
        ),
        ("visit_plan.visits.1.anchor", "D2", "visit_plan.visits", "needs one visit without an anchor"),
        (
            "visit_plan.visits.8.anchor",
            ...,
            "visit_plan.visits[8].anchor",
            "is missing; only one visit ('D1') can be the first anchor",
        ),
        ("visit_plan.visits.8.anchor", "W36", "visit_plan.visits[8].anchor", "makes a cycle: D2 -> W36 -> D2"),
        ("visit_plan.visits.3.anchor", "W1", "visit_plan.visits[3].anchor", "makes a cycle: W1 -> W1"),
        ("visit_plan.visits.3.day", ..., "visit_plan.visits[3].day", "is missing"),
        ("visit_plan.visits.3.after", "2", "visit_plan.visits[3].after", "must be a whole number"),
        ("visit_plan.visits.3.before", -1, "visit_plan.visits[3].before", "must be at least 0"),
        ("visit_plan.visits.3.before", 8, "visit_plan.visits[3].before", "8 opens the window before its anchor 'D1'"),
        ("visit_plan.visits.0.after", 2, "visit_plan.visits[0].after", "2 closes the window after its anchor 'D1'"),
        ("visit_plan.visits.1.day", 3, "visit_plan.visits[1].day", "must be 0 for the first anchor"),
        ("visit_plan.visits.1.after", 2, "visit_plan.visits[1].after", "must be 0: the first anchor has no window"),
        ("visit_plan.visits.1.infusion", False, "visit_plan.visits[1].infusion", "must be true: the first anchor is"),
        (
            "visit_plan.visits.0.infusion",
            True,
            "visit_plan.visits[0].day",
            "must be after its anchor 'D1' for an infusion",
        ),
        ("visit_plan.visits.3.infusion", "yes", "visit_plan.visits[3].infusion", "must be true or false"),
        (
            "visit_plan.visits.3.procedures",
            ["vitals", "xray"],
            "visit_plan.visits[3].procedures",
            "names 'xray', which is not one of the [[visit_plan.procedures]]",
        ),
        (
            "visit_plan.visits.3.procedures",
            ["vitals", "vitals"],
            "visit_plan.visits[3].procedures",
            "lists a procedure twice",
        ),
        ("visit_plan.visits.3.procedures", "vitals", "visit_plan.visits[3].procedures", "must be a list of texts"),
        (
            "visit_plan.procedures.1.code",
            "consent",
            "visit_plan.procedures[1].code",
            "'consent' is used by two procedures",
        ),
        ("visit_plan.procedures.1.code", "Vitals", "visit_plan.procedures[1].code", "must be lower-case letters"),
        ("visit_plan.procedures.0.name", ..., "visit_plan.procedures[0].name", "is missing"),
        ("visit_plan.procedures.0.detail", "x", "visit_plan.procedures[0].detail", "is not a known key"),
    ],
)
def test_bad_visit_plan_is_reported_with_key_and_problem(
    document: dict[str, Any], path: str, value: object, key: str, problem: str
) -> None:
    with pytest.raises(ProtocolError) as raised:
        protocol_from_mapping(_bad(document, path, value), "site.toml")

    assert raised.value.key == key
    assert problem in raised.value.problem


def test_a_cycle_is_reported_on_its_own_visit_even_when_another_hangs_on_it(document: dict[str, Any]) -> None:
    document["visit_plan"]["visits"][3]["anchor"] = "D2"  # W1 -> D2 -> W36 -> D2: W1 is not in the cycle
    with pytest.raises(ProtocolError) as raised:
        protocol_from_mapping(_bad(document, "visit_plan.visits.8.anchor", "W36"))

    assert (raised.value.key, raised.value.problem) == ("visit_plan.visits[8].anchor", "makes a cycle: D2 -> W36 -> D2")
