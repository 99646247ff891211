"""Consent document markup: the shipped template is complete, bad files are refused by line, the active version."""

from __future__ import annotations

import datetime as dt

import pytest

from coordinator_app.domain.consent_documents import (
    BulletList,
    ConsentDocument,
    ConsentStatus,
    Paragraph,
    active_version,
    parse_consent_document,
    split_placeholders,
)
from coordinator_app.domain.errors import ProtocolError
from coordinator_app.domain.protocol import Text
from coordinator_app.resource_files import resource

# ICH E6 4.8.10: each element the written information must explain, as the template's heading says it.
ICH_ELEMENTS = {
    "(a) research": ("This study involves research", "本研究是一项医学研究"),
    "(b) purpose": ("Purpose of the study", "研究目的"),
    "(c) treatment and assignment": ("Study treatment and assignment", "研究治疗及分组"),
    "(d) procedures": ("Study procedures and visit schedule", "研究过程及访视安排"),
    "(e) responsibilities": ("Your responsibilities", "您的责任"),
    "(f) experimental aspects": ("Experimental aspects of the study", "研究的试验性质"),
    "(g) risks": ("Foreseeable risks and discomforts", "可预见的风险与不适"),
    "(h) benefits": ("Possible benefits", "可能的获益"),
    "(i) alternatives": ("Alternative treatments", "其他可选择的治疗"),
    "(j) injury": ("Treatment and compensation for study-related injury", "研究相关损害的治疗与补偿"),
    "(k, l) payments and expenses": ("Costs and payments", "费用与补贴"),
    "(m) voluntary, withdrawal": ("Voluntary participation and withdrawal", "自愿参加与退出"),
    "(n, o) access and confidentiality": ("Confidentiality and access to your records", "保密及记录查阅"),
    "(p) new information": ("New information", "新信息的告知"),
    "(q) contacts": ("Contacts", "联系方式"),
    "(r) termination": ("When your participation may end", "可能终止您参与研究的情况"),
    "(s) duration": ("Expected duration of your participation", "预期参与时间"),
    "(t) number of subjects": ("Number of participants", "受试者人数"),
}

HEADER = """version: 2.0
status: active
approved_on: 2025-04-18
language: zh+en
title.en: Informed consent form
title.zh: 知情同意书
"""

BODY = """
# Purpose / 研究目的
本研究的目的是评价安全性。

The purpose is to evaluate safety.
"""


def template() -> ConsentDocument:
    text = resource("consent", "NCT05106972", "TEMPLATE.txt").read_text(encoding="utf-8")
    return parse_consent_document(text, "consent/NCT05106972/TEMPLATE.txt")


def all_text(document: ConsentDocument) -> str:
    parts: list[str] = []
    for section in document.sections:
        for block in section.blocks:
            parts += block.items if isinstance(block, BulletList) else [block.text]
    return "\n".join(parts)


def document(version: str, status: str, approved_on: str = "") -> ConsentDocument:
    header = f"version: {version}\nstatus: {status}\nlanguage: zh+en\ntitle.en: Consent\ntitle.zh: 知情同意书\n"
    if approved_on:
        header += f"approved_on: {approved_on}\n"
    return parse_consent_document(header + BODY, f"{version}.txt")


# -- the shipped template -----------------------------------------------------------------------------


def test_the_template_is_the_protocols_template_version() -> None:
    parsed = template()
    assert parsed.version == "TEMPLATE"
    assert parsed.status is ConsentStatus.TEMPLATE
    assert parsed.approved_on is None
    assert parsed.language == "zh+en"
    assert "Informed Consent Form" in parsed.title.en
    assert "知情同意书" in parsed.title.zh


@pytest.mark.parametrize("element", ICH_ELEMENTS)
def test_the_template_has_a_section_for_each_ich_element_in_both_languages(element: str) -> None:
    english, chinese = ICH_ELEMENTS[element]
    headings = [section.heading for section in template().sections]
    assert any(english in h.en and chinese in h.zh for h in headings), element


def test_the_template_says_it_is_a_template_and_names_this_trial() -> None:
    parsed = template()
    assert parsed.sections[0].heading == Text("About this template", "关于本模板")
    text = all_text(parsed)
    for fact in (
        "NCT05106972",
        "Haikou People's Hospital",
        "海口市人民医院",
        "Asia Stem Cell Regenerative Pharmaceutical Co., Ltd.",
        "Xiaoxi Huang, PHD",
        "86-0898-66151200",
        "1×10⁸",
        "24 weeks apart",
        "weeks 1, 2, 4, 8 and 12",
        "weeks 25, 28, 36 and week 48",
        "about 48 weeks",
        "About 30 participants",
        "约30名受试者",
        "single-arm",
        "liver transplantation",
        "Thrombosis or embolism",
        "Transmission of infection",
        "Tumour formation",
        "Unknown risks",
        "Blood draws",
        "without any penalty",
        "monitors and auditors",
    ):
        assert fact in text, fact


def test_the_template_leaves_the_ethics_committee_contact_for_the_site_to_fill() -> None:
    gaps = template().placeholders()
    assert "ethics committee phone" in gaps
    assert "伦理委员会电话" in gaps


# -- the markup ---------------------------------------------------------------------------------------


def test_a_small_document_parses_into_sections_paragraphs_and_bullets() -> None:
    text = HEADER + (
        "\n# Risks / 风险\n第一行\n第二行。\n\nFirst line\nsecond line.\n\n- 发热\n- Fever that\n  lasts a day\n"
        "\n# Contacts\n# 联系方式\n电话 {{伦理委员会电话}}。\n\nPhone {{ethics phone}}.\n"
    )
    draft = text.replace("status: active", "status: draft").replace("approved_on: 2025-04-18\n", "")
    parsed = parse_consent_document(draft, "v2.txt")
    assert (parsed.version, parsed.status, parsed.approved_on) == ("2.0", ConsentStatus.DRAFT, None)
    first, second = parsed.sections
    assert first.heading == Text("Risks", "风险")
    assert first.blocks == (
        Paragraph("第一行第二行。"),
        Paragraph("First line second line."),
        BulletList(("发热", "Fever that lasts a day")),
    )
    assert second.heading == Text("Contacts", "联系方式")


def test_placeholders_are_split_out_for_highlighting() -> None:
    assert split_placeholders("电话 {{号码}}。") == [("电话 ", False), ("号码", True), ("。", False)]
    assert split_placeholders("none") == [("none", False)]


def test_a_byte_order_mark_and_windows_line_ends_are_accepted() -> None:
    parsed = parse_consent_document("\ufeff" + (HEADER + BODY).replace("\n", "\r\n"), "v2.txt")
    assert parsed.approved_on == dt.date(2025, 4, 18)
    assert parsed.sections[0].heading == Text("Purpose", "研究目的")


BAD_FILES = [
    ("", 1, "must start with its header"),
    ("version 2.0\n", 1, "expected a header line"),
    ("version: 2.0\nauthor: me\n", 2, "unknown header key 'author'"),
    ("version: 2.0\nversion: 2.1\n", 2, "given twice"),
    (HEADER.replace("status: active\n", "") + BODY, 6, "the header needs 'status'"),
    (HEADER.replace("status: active", "status: approved") + BODY, 2, "status 'approved' is not one of"),
    (HEADER.replace("approved_on: 2025-04-18", "approved_on: 2025-13-01") + BODY, 3, "is not a date"),
    (HEADER.replace("approved_on: 2025-04-18", "approved_on:") + BODY, 3, "needs approved_on"),
    (HEADER.replace("status: active", "status: draft") + BODY, 3, "is not approved"),
    (HEADER.replace("zh+en", "en") + BODY, 4, "language must be 'zh+en'"),
    (HEADER.replace("title.zh: 知情同意书", "title.zh: Consent") + BODY, 6, "title.zh the Chinese one"),
    (HEADER.replace("version: 2.0", "version: " + "9" * 41) + BODY, 1, "at most 40 characters"),
    (HEADER + "\nSome text first.\n" + BODY, 8, "text before the first heading"),
    (HEADER + "\n## Purpose / 目的\n中文。\n\nEnglish.\n", 8, "one level only"),
    (HEADER + "\n# Purpose\n中文。\n\nEnglish.\n", 8, "needs English and Chinese"),
    (HEADER + "\n# Purpose / 目的\n\n# Risks / 风险\n中文。\n\nEnglish.\n", 8, "has no text"),
    (HEADER + "\n# Purpose / 目的\nEnglish only.\n", 8, "has no Chinese text"),
    (HEADER + "\n# Purpose / 目的\n只有中文。\n", 8, "has no English text"),
    (HEADER + "\n# Purpose / 目的\n# Risks / 风险\n", 9, "one English and one Chinese"),
    (HEADER + BODY + "\n电话 {{伦理委员会电话}}\n", 13, "still has the gap {{伦理委员会电话}}"),
    (HEADER, 7, "the body has no sections"),
]


@pytest.mark.parametrize(("text", "line", "problem"), BAD_FILES)
def test_a_bad_file_is_refused_naming_its_line(text: str, line: int, problem: str) -> None:
    with pytest.raises(ProtocolError) as raised:
        parse_consent_document(text, "consent/NCT05106972/bad.txt")
    assert raised.value.key == f"line {line}", str(raised.value)
    assert problem in raised.value.problem
    assert str(raised.value).startswith(f"consent/NCT05106972/bad.txt: line {line}: ")


# -- which version is active --------------------------------------------------------------------------


def test_with_only_the_template_the_template_is_active() -> None:
    assert active_version([document("TEMPLATE", "template")]).version == "TEMPLATE"


def test_an_active_version_replaces_the_template_and_drafts_and_superseded_ones_never_are() -> None:
    documents = [
        document("TEMPLATE", "template"),
        document("1.0", "superseded", "2024-01-10"),
        document("2.0", "active", "2025-04-18"),
        document("3.0-draft", "draft"),
    ]
    assert active_version(documents).version == "2.0"


def test_of_two_active_versions_the_later_approved_is_active() -> None:
    documents = [document("2.1", "active", "2025-06-01"), document("2.0", "active", "2025-04-18")]
    assert active_version(documents).version == "2.1"


def test_two_active_versions_approved_the_same_day_are_refused() -> None:
    documents = [document("2.0", "active", "2025-04-18"), document("2.0b", "active", "2025-04-18")]
    with pytest.raises(ProtocolError, match="mark the older superseded"):
        active_version(documents)


def test_drafts_alone_leave_no_active_version() -> None:
    with pytest.raises(ProtocolError, match="no active consent version"):
        active_version([document("3.0", "draft"), document("1.0", "superseded", "2024-01-10")])
