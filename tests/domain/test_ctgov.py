"""The ClinicalTrials.gov API v2 importer: field mapping, criteria splitting and refused input.

The records in tests/data/ctgov/ are written for these tests in the registry's API v2 shape;
NCT099000xx numbers are fictitious.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from coordinator_app.domain.ctgov import protocols_from_ctgov, split_criteria
from coordinator_app.domain.errors import ProtocolError
from coordinator_app.domain.protocol import (
    Arm,
    Criterion,
    Design,
    Intervention,
    Location,
    Person,
    Protocol,
    Sponsor,
    Text,
    protocol_from_mapping,
    protocol_to_mapping,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "ctgov"
SHARED = Path("/work/shared/ctgov")


def record(name: str) -> dict[str, Any]:
    with (DATA / name).open(encoding="utf-8") as file:
        data: dict[str, Any] = json.load(file)
    return data


def only(data: object, source: str = "") -> Protocol:
    protocols = protocols_from_ctgov(data, source)
    assert len(protocols) == 1
    return protocols[0]


def texts(criteria: tuple[Criterion, ...]) -> list[str]:
    return [criterion.text.en for criterion in criteria]


def refused(data: object, source: str = "study.json") -> ProtocolError:
    with pytest.raises(ProtocolError) as caught:
        protocols_from_ctgov(data, source)
    assert caught.value.source == source
    return caught.value


# -- one study, field by field ------------------------------------------------------------------


def test_single_arm_record_maps_every_field() -> None:
    protocol = only(record("NCT05106972.json"), "NCT05106972.json")

    assert protocol.nct_id == "NCT05106972"
    assert protocol.org_study_id == "SCT20181032"
    assert protocol.brief_title == Text(
        "Umbilical Cord Mesenchymal Stem Cell Transplantation for Decompensated Hepatitis B Cirrhosis"
    )
    assert protocol.official_title.en.startswith("Safety and Efficacy of Umbilical Cord")
    assert protocol.summary.en.startswith("This study evaluates the safety & efficacy of umbilical cord")
    assert protocol.conditions == ("Decompensated Hepatitis B Cirrhosis",)
    assert protocol.overall_status == "RECRUITING"
    assert protocol.start_date == dt.date(2021, 12, 1)
    assert protocol.completion_date == dt.date(2025, 12, 31)
    assert protocol.last_update == dt.date(2023, 5, 16)  # the post date wins over the submit date
    assert protocol.design == Design(
        study_type="INTERVENTIONAL",
        phases=("NA",),
        allocation="NA",
        intervention_model="SINGLE_GROUP",
        primary_purpose="TREATMENT",
        masking="NONE",
        enrollment_target=30,
    )
    assert protocol.arms == (
        Arm(
            label="UC-MSC infusion",
            type="EXPERIMENTAL",
            description="Patients receive UC-MSC infusion in addition to standard antiviral treatment.",
            interventions=("UC-MSC infusion",),
        ),
    )
    assert protocol.interventions == (
        Intervention(
            name="UC-MSC infusion",
            type="DRUG",
            description="Umbilical cord mesenchymal stem cells, 1 x 10^6 cells/kg, by peripheral intravenous infusion.",
        ),
    )
    assert protocol.sponsor == Sponsor(
        lead="Asia Stem Cell Regenerative Pharmaceutical Co., Ltd.", lead_class="INDUSTRY", responsible_party="SPONSOR"
    )
    assert protocol.locations == (
        Location(
            facility="Haikou People's Hospital", city="Haikou", country="China", state="Hainan", status="RECRUITING"
        ),
    )
    assert protocol.central_contacts == (Person(name="Xiaoxi Huang, PHD", role="CONTACT", phone="86-0898-66151200"),)
    assert protocol.officials == ()


def test_single_arm_record_eligibility() -> None:
    eligibility = only(record("NCT05106972.json")).eligibility

    assert (eligibility.minimum_age_years, eligibility.maximum_age_years) == (20, 60)
    assert eligibility.sex == "ALL"
    assert eligibility.healthy_volunteers is False
    assert [c.code for c in eligibility.inclusion] == [f"IN{n}" for n in range(1, 8)]
    assert [c.code for c in eligibility.exclusion] == [f"EX{n}" for n in range(1, 13)]
    assert eligibility.inclusion[0] == Criterion("IN1", Text("Aged between 20 and 60 (male or female)"))
    assert eligibility.inclusion[3].text.en == "MELD score < 25"
    assert eligibility.exclusion[2].text.en == "Hepatic encephalopathy grade > 2"
    assert eligibility.exclusion[3] == Criterion("EX4", Text("PT prolongation is greater than 3 seconds"))
    assert eligibility.exclusion[11].text.en == "Participation in another clinical trial within 3 months"


def test_randomized_record_maps_design_arms_and_contacts() -> None:
    protocol = only(record("NCT09900001.json"))

    assert protocol.start_date == dt.date(2024, 3, 1)  # "2024-03": month precision
    assert protocol.completion_date == dt.date(2026, 9, 1)
    assert protocol.design == Design(
        study_type="INTERVENTIONAL",
        phases=("PHASE2", "PHASE3"),
        allocation="RANDOMIZED",
        intervention_model="PARALLEL",
        primary_purpose="TREATMENT",
        masking="DOUBLE",
        enrollment_target=240,
    )
    assert [(arm.label, arm.type, arm.interventions) for arm in protocol.arms] == [
        ("Examplimab 10 mg/kg", "EXPERIMENTAL", ("Examplimab",)),  # "Procedure: Colonoscopy" is no intervention
        ("Examplimab 3 mg/kg", "EXPERIMENTAL", ("Examplimab",)),
        ("Placebo", "PLACEBO_COMPARATOR", ("Placebo", "Standard of care")),
    ]
    assert [(i.name, i.type, i.route, i.dose, i.dose_count) for i in protocol.interventions] == [
        ("Examplimab", "DRUG", "", "", None),
        ("Placebo", "DRUG", "", "", None),
        ("Standard of care", "OTHER", "", "", None),
    ]
    assert protocol.sponsor == Sponsor(
        lead="Example Therapeutics Inc.",
        lead_class="INDUSTRY",
        collaborators=("Example Clinical Research Organisation", "Example University Hospital"),
        responsible_party="SPONSOR",
    )
    assert protocol.central_contacts == (
        Person(name="Study Director", role="CONTACT", phone="+1 555 0100 ext. 204", email="trials@example.com"),
    )
    assert protocol.officials == (
        Person(name="Jane Example, MD, PhD", role="PRINCIPAL_INVESTIGATOR", affiliation="Example University Hospital"),
    )
    assert protocol.locations == (
        Location(
            facility="Example University Hospital",
            city="Boston",
            country="United States",
            state="Massachusetts",
            status="ACTIVE_NOT_RECRUITING",
            contacts=(
                Person(name="Sam Coordinator", role="CONTACT", phone="+1 555 0111", email="sam@example.org"),
                Person(name="Jane Example, MD, PhD", role="PRINCIPAL_INVESTIGATOR"),
            ),
        ),
        Location(facility="Example Regional Clinic", city="Toronto", country="Canada", state="Ontario"),
    )


def test_numbered_criteria_with_sub_bullets_continuations_and_escapes() -> None:
    eligibility = only(record("NCT09900001.json")).eligibility

    assert texts(eligibility.inclusion) == [
        "Age 18 to 75 years at screening",
        "Histologically confirmed moderate to severe ulcerative colitis with a modified Mayo score of 5 to 9",
        "Adequate organ function: Haemoglobin >= 9 g/dL; Platelets >= 100 x 10^9/L; ALT <= 3 x ULN",
        "Women of childbearing potential must use effective contraception",
        "Signed informed consent",
    ]
    assert texts(eligibility.exclusion) == [
        "Prior treatment with any anti-IL-23 antibody",
        "Crohn's disease or indeterminate colitis",
        "Active infection requiring: intravenous antibiotics, or hospitalisation",
        "Known *severe* hypersensitivity to monoclonal antibodies",
    ]
    assert [c.code for c in eligibility.exclusion] == ["EX1", "EX2", "EX3", "EX4"]


def test_observational_record_without_design_info_arms_or_contacts() -> None:
    protocol = only(record("NCT09900002.json"))

    assert protocol.design == Design(
        study_type="OBSERVATIONAL",
        phases=(),
        allocation="",
        intervention_model="",
        primary_purpose="",
        masking="",
        enrollment_target=500,
    )
    assert protocol.official_title == Text("")
    assert protocol.summary == Text("")
    assert (protocol.start_date, protocol.completion_date, protocol.last_update) == (
        dt.date(2023, 9, 1),
        dt.date(2024, 2, 1),
        dt.date(2023, 8, 1),
    )
    assert (protocol.arms, protocol.interventions) == ((), ())
    assert (protocol.locations, protocol.central_contacts, protocol.officials) == ((), (), ())
    assert protocol.sponsor == Sponsor(lead="Example Children's Hospital", lead_class="OTHER")
    eligibility = protocol.eligibility
    assert (eligibility.minimum_age_years, eligibility.maximum_age_years) == (0, 18)  # 6 and 216 months
    assert eligibility.healthy_volunteers is True
    assert texts(eligibility.inclusion) == [
        "Children aged 6 months to 18 years",
        "Scheduled for elective surgery under general anaesthesia requiring tracheal intubation",
    ]
    assert texts(eligibility.exclusion) == [
        "Body mass index > 99th percentile",
        "Known difficult airway",
        "Parent or guardian unable to give consent",
    ]


def test_search_response_gives_each_study() -> None:
    first, second = protocols_from_ctgov(record("search_two_studies.json"), "search.json")

    assert (first.nct_id, second.nct_id) == ("NCT09900003", "NCT09900004")
    assert first.last_update == dt.date(2024, 6, 30)  # only lastUpdateSubmitDate is given
    assert first.org_study_id == ""
    assert first.arms[0].interventions == ("Closed-loop system",)  # "Device: " stripped
    assert first.central_contacts == ()  # a contact without a name cannot be a Person
    assert first.locations == (Location(facility="Lyon, France", city="Lyon", country="France", status="COMPLETED"),)
    assert (first.eligibility.minimum_age_years, first.eligibility.maximum_age_years) == (18, None)
    assert texts(first.eligibility.inclusion) == [
        "Adults with type 2 diabetes on insulin therapy",
        "HbA1c between 7.0% and 10.0%",
    ]
    assert texts(first.eligibility.exclusion) == ["Pregnancy", "Use of an implanted electronic device"]
    assert (second.start_date, second.completion_date, second.last_update) == (None, None, None)
    assert second.sponsor == Sponsor(lead="Example Nutrition Institute")
    assert second.eligibility.sex == "FEMALE"
    assert (second.eligibility.minimum_age_years, second.eligibility.maximum_age_years) == (0, 2)  # 4 and 156 weeks
    assert texts(second.eligibility.inclusion) == ["Exclusively breastfed infants", "Gestational age >= 37 weeks"]
    assert texts(second.eligibility.exclusion) == ["Birth weight < 2500 g", "Known disorder of calcium metabolism"]


@pytest.mark.parametrize(
    "name", ["NCT05106972.json", "NCT09900001.json", "NCT09900002.json", "search_two_studies.json"]
)
def test_imports_survive_the_protocol_file_round_trip(name: str) -> None:
    for protocol in protocols_from_ctgov(record(name), name):
        assert protocol_from_mapping(protocol_to_mapping(protocol)) == protocol


# -- ages and dates ------------------------------------------------------------------------------


def with_eligibility(**fields: str) -> dict[str, Any]:
    data = record("NCT05106972.json")
    module = data["protocolSection"]["eligibilityModule"]
    for key, value in fields.items():
        if value == "<missing>":
            del module[key]
        else:
            module[key] = value
    return data


@pytest.mark.parametrize(
    ("minimum", "maximum", "expected"),
    [
        ("20 Years", "60 Years", (20, 60)),
        ("1 Year", "N/A", (1, None)),
        ("6 Months", "35 Months", (0, 2)),
        ("18 Weeks", "105 Weeks", (0, 2)),
        ("30 Days", "365 Days", (0, 0)),
        ("28 Days", "1461 Days", (0, 4)),
        ("<missing>", "<missing>", (None, None)),
    ],
)
def test_ages_become_completed_years(minimum: str, maximum: str, expected: tuple[int | None, int | None]) -> None:
    eligibility = only(with_eligibility(minimumAge=minimum, maximumAge=maximum)).eligibility
    assert (eligibility.minimum_age_years, eligibility.maximum_age_years) == expected


def test_month_precision_dates_use_the_first_of_the_month() -> None:
    data = record("NCT05106972.json")
    status = data["protocolSection"]["statusModule"]
    status["startDateStruct"]["date"] = "2021-12"
    status["completionDateStruct"]["date"] = "2024-02"
    del status["lastUpdatePostDateStruct"]
    status["lastUpdateSubmitDate"] = "2023-05"
    protocol = only(data)
    assert (protocol.start_date, protocol.completion_date, protocol.last_update) == (
        dt.date(2021, 12, 1),
        dt.date(2024, 2, 1),
        dt.date(2023, 5, 1),
    )


# -- criteria text -------------------------------------------------------------------------------


def test_criteria_headings_in_any_case_and_wording() -> None:
    text = "INCLUSION CRITERIA\n* a\nkey exclusion criteria:\n* b\nMain Inclusion Criteria for Part B:\n* c"
    assert split_criteria(text) == (("a", "c"), ("b",))
    assert split_criteria("## Inclusion Criteria\n- a\n**Exclusion Criteria:**\n- b") == (("a",), ("b",))
    assert split_criteria("Criteria for inclusion:\n1. a\nCriteria for exclusion:\n1. b") == (("a",), ("b",))


def test_text_on_the_heading_line_is_the_first_item() -> None:
    assert split_criteria("Inclusion Criteria: Age over 18\n\nExclusion Criteria: Pregnancy") == (
        ("Age over 18",),
        ("Pregnancy",),
    )


def test_text_before_any_heading_is_inclusion() -> None:
    text = "Patients must meet all of the following:\n\n* Age 18 or over\n\nExclusion Criteria:\n\n* Pregnancy"
    assert split_criteria(text) == (("Patients must meet all of the following:", "Age 18 or over"), ("Pregnancy",))
    assert split_criteria("* Age 18 or over\n* Consent") == (("Age 18 or over", "Consent"), ())


def test_a_sentence_mentioning_criteria_is_not_a_heading() -> None:
    text = (
        "Inclusion Criteria:\n* Inclusion criteria include adults with asthma\n* Exclusion of smokers is not required"
    )
    assert split_criteria(text) == (
        ("Inclusion criteria include adults with asthma", "Exclusion of smokers is not required"),
        (),
    )


def test_bullet_styles() -> None:
    assert split_criteria("Inclusion Criteria:\n* a\n- b\n+ c\n• d") == (("a", "b", "c", "d"), ())
    assert split_criteria("Inclusion Criteria:\n1. a\n2) b\n(3) c\n\n10. d") == (("a", "b", "c", "d"), ())


def test_nested_sub_bullets_join_their_item() -> None:
    text = "Inclusion Criteria:\n\n* Adequate organ function:\n  * ANC >= 1.5\n  * Platelets >= 100\n* Consent"
    assert split_criteria(text) == (("Adequate organ function: ANC >= 1.5; Platelets >= 100", "Consent"), ())
    text = "Inclusion Criteria:\n\n1. Either condition\n   1. diabetes\n   2. hypertension\n2. Consent"
    assert split_criteria(text) == (("Either condition; diabetes; hypertension", "Consent"), ())
    # Lettered items under a numbered list are sub-items even without indentation.
    text = "Exclusion Criteria:\n1. Recent infection requiring\na. antibiotics and\nb. admission\n2. Pregnancy"
    assert split_criteria(text) == ((), ("Recent infection requiring; antibiotics and admission", "Pregnancy"))


def test_lettered_list_is_a_list_of_its_own() -> None:
    assert split_criteria("Inclusion Criteria:\na. first\nb. second") == (("first", "second"), ())


def test_continuation_lines_join_their_item() -> None:
    text = "Inclusion Criteria:\n* Stable dose of methotrexate\n  for at least 8 weeks\n* Consent\nsigned by a parent"
    assert split_criteria(text) == (
        ("Stable dose of methotrexate for at least 8 weeks", "Consent signed by a parent"),
        (),
    )


def test_a_paragraph_after_a_blank_line_is_an_item_of_its_own() -> None:
    text = "Exclusion Criteria:\n\n* Pregnancy\n\nOther conditions that in the opinion of the investigator exclude"
    assert split_criteria(text) == (
        (),
        ("Pregnancy", "Other conditions that in the opinion of the investigator exclude"),
    )


def test_a_list_without_bullets_has_one_item_per_line() -> None:
    assert split_criteria("Inclusion criteria:\nAge over 18\n  Signed consent\n\nExclusion:\nPregnancy") == (
        ("Age over 18", "Signed consent"),
        ("Pregnancy",),
    )


def test_markdown_escapes_are_undone() -> None:
    text = "Inclusion Criteria:\n* eGFR \\> 60 and \\< 120\n* \\*starred\\* 10\\^9/L \\[x\\] a\\_b \\\\ c"
    assert split_criteria(text) == (("eGFR > 60 and < 120", "*starred* 10^9/L [x] a_b \\ c"), ())
    # An escaped star at the start of a line is text, not a bullet.
    assert split_criteria("Inclusion Criteria:\n* a\n\\* footnote") == (("a * footnote",), ())


def test_whitespace_is_normalised_and_windows_line_ends_accepted() -> None:
    text = "Inclusion Criteria:\r\n\r\n*   Age   18\tor over \r\n\r\nExclusion Criteria:\r\n\r\n* Pregnancy\r\n"
    assert split_criteria(text) == (("Age 18 or over",), ("Pregnancy",))


# -- refused input -------------------------------------------------------------------------------


def test_not_an_object_is_refused() -> None:
    error = refused([record("NCT05106972.json")])
    assert error.key == ""
    assert "not a list" in error.problem
    assert str(error).startswith("study.json: ")


def test_legacy_api_v1_is_refused() -> None:
    error = refused({"FullStudiesResponse": {"APIVrs": "1.01.05", "FullStudies": []}})
    assert error.key == "FullStudiesResponse"
    assert "API v1" in error.problem
    assert refused({"Study": {"ProtocolSection": {}}}).key == "Study"


def test_object_that_is_no_study_is_refused() -> None:
    error = refused({"nctId": "NCT05106972"})
    assert (error.key, error.problem) == (
        "protocolSection",
        "is missing: this is not a ClinicalTrials.gov API v2 study record",
    )


def test_empty_or_malformed_search_response_is_refused() -> None:
    assert (refused({"studies": []}).key, refused({"studies": []}).problem) == (
        "studies",
        "is empty: the search response holds no study",
    )
    assert refused({"studies": {"protocolSection": {}}}).key == "studies"
    assert refused({"studies": [record("NCT05106972.json"), "NCT09900001"]}).key == "studies[1]"
    assert refused({"studies": [record("NCT05106972.json"), {"hasResults": False}]}).key == "studies[1].protocolSection"


def test_missing_nct_id_names_the_study_in_a_search_response() -> None:
    second = record("NCT09900001.json")
    del second["protocolSection"]["identificationModule"]["nctId"]
    error = refused({"studies": [record("NCT05106972.json"), second]}, "search.json")
    assert (error.key, error.problem) == ("studies[1].protocolSection.identificationModule.nctId", "is missing")
    assert str(error) == "search.json: studies[1].protocolSection.identificationModule.nctId: is missing"


def test_malformed_nct_id_is_refused() -> None:
    data = record("NCT05106972.json")
    data["protocolSection"]["identificationModule"]["nctId"] = "NCT0510697"
    error = refused(data)
    assert error.key == "protocolSection.identificationModule.nctId"
    assert "NCT followed by 8 digits" in error.problem


@pytest.mark.parametrize("bad", ["2021-13-01", "2021-02-30", "December 2021", "2021", "21-12-01"])
def test_malformed_date_is_refused(bad: str) -> None:
    data = record("NCT05106972.json")
    data["protocolSection"]["statusModule"]["startDateStruct"]["date"] = bad
    error = refused(data)
    assert error.key == "protocolSection.statusModule.startDateStruct.date"
    assert error.problem == f"must be a date like 2021-12-01 or 2021-12, not {bad!r}"


def test_malformed_update_date_is_refused() -> None:
    data = record("search_two_studies.json")
    data["studies"][0]["protocolSection"]["statusModule"]["lastUpdateSubmitDate"] = "2024/06/30"
    assert refused(data).key == "studies[0].protocolSection.statusModule.lastUpdateSubmitDate"


def test_completion_before_start_is_refused() -> None:
    data = record("NCT05106972.json")
    data["protocolSection"]["statusModule"]["completionDateStruct"]["date"] = "2021-11"
    error = refused(data)
    assert (error.key, error.problem) == (
        "protocolSection.statusModule.completionDateStruct.date",
        "2021-11-01 is before the start date 2021-12-01",
    )


def test_missing_or_zero_enrollment_count_is_refused() -> None:
    data = record("NCT05106972.json")
    del data["protocolSection"]["designModule"]["enrollmentInfo"]
    error = refused(data)
    assert (error.key, error.problem) == ("protocolSection.designModule.enrollmentInfo.count", "is missing")
    data["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": 0, "type": "ACTUAL"}
    error = refused(data)
    assert (error.key, error.problem) == (
        "protocolSection.designModule.enrollmentInfo.count",
        "must be at least 1, not 0",
    )


def test_record_without_criteria_is_refused() -> None:
    error = refused(with_eligibility(eligibilityCriteria="<missing>"))
    assert error.key == "protocolSection.eligibilityModule.eligibilityCriteria"
    assert error.problem.startswith("is missing")
    data = record("NCT05106972.json")
    del data["protocolSection"]["eligibilityModule"]
    assert refused(data).key == "protocolSection.eligibilityModule.eligibilityCriteria"


def test_criteria_without_inclusion_are_refused() -> None:
    error = refused(with_eligibility(eligibilityCriteria="Exclusion Criteria:\n\n* Pregnancy"))
    assert (error.key, error.problem) == (
        "protocolSection.eligibilityModule.eligibilityCriteria",
        "has no inclusion criterion",
    )


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"minimumAge": "20 Yrs"}, "protocolSection.eligibilityModule.minimumAge"),
        ({"minimumAge": "60 Years", "maximumAge": "20 Years"}, "protocolSection.eligibilityModule.maximumAge"),
        ({"sex": "BOTH"}, "protocolSection.eligibilityModule.sex"),
    ],
)
def test_bad_eligibility_fields_are_refused(change: dict[str, str], key: str) -> None:
    assert refused(with_eligibility(**change)).key == key


@pytest.mark.parametrize(
    ("module", "field", "key"),
    [
        ("statusModule", "overallStatus", "protocolSection.statusModule.overallStatus"),
        ("identificationModule", "briefTitle", "protocolSection.identificationModule.briefTitle"),
        ("designModule", "studyType", "protocolSection.designModule.studyType"),
        ("sponsorCollaboratorsModule", "leadSponsor", "protocolSection.sponsorCollaboratorsModule.leadSponsor.name"),
    ],
)
def test_missing_required_fields_are_refused(module: str, field: str, key: str) -> None:
    data = record("NCT05106972.json")
    del data["protocolSection"][module][field]
    error = refused(data)
    assert (error.key, error.problem) == (key, "is missing")


def test_wrong_value_types_are_refused() -> None:
    data = record("NCT05106972.json")
    data["protocolSection"]["designModule"]["enrollmentInfo"]["count"] = "30"
    assert refused(copy.deepcopy(data)).key == "protocolSection.designModule.enrollmentInfo.count"
    data = record("NCT05106972.json")
    data["protocolSection"]["armsInterventionsModule"]["interventions"][0]["name"] = 7
    assert refused(data).key == "protocolSection.armsInterventionsModule.interventions[0].name"
    data = record("NCT05106972.json")
    data["protocolSection"]["contactsLocationsModule"]["locations"] = {"facility": "x"}
    assert refused(data).key == "protocolSection.contactsLocationsModule.locations"


# -- the real registry records, when the shared folder is there ----------------------------------


@pytest.mark.parametrize("nct_id", ["NCT03418623", "NCT05594173"])
def test_real_registry_records(nct_id: str) -> None:
    path = SHARED / f"{nct_id}.json"
    if not path.is_file():
        pytest.skip(f"{path} is not available on this machine (real records are not part of the repository)")
    with path.open(encoding="utf-8") as file:
        protocol = only(json.load(file), str(path))
    assert protocol.nct_id == nct_id
    assert protocol.eligibility.inclusion
    assert all(criterion.text.en for criterion in protocol.eligibility.inclusion)
