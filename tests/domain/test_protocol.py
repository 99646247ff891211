"""The protocol file: the shipped NCT05106972 file, and every kind of bad file."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest

from coordinator_app.domain.errors import ProtocolError
from coordinator_app.domain.protocol import (
    load_protocol_file,
    load_protocol_text,
    protocol_from_mapping,
    protocol_to_mapping,
)
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
