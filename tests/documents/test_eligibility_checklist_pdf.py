"""The eligibility checklist read back with pypdf: criteria in both languages with answers and sources, the
verdict, consent and signature block; A4, fonts embedded, initials but no name, markup printed literally."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import pytest
from pdf_checks import assert_fonts_embedded
from pypdf import PdfReader

from coordinator_app.domain.errors import NotFoundError
from coordinator_app.services.packets import PacketService
from coordinator_app.services.workspace import Workspace, open_workspace

GENERATED_AT = dt.datetime(2025, 3, 1, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=8)))
A4 = (595, 842)


@pytest.fixture(scope="module")
def demo() -> Iterator[Workspace]:
    opened = open_workspace("", demo=True)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def packets(demo: Workspace) -> PacketService:
    return PacketService(demo.trials, demo.screening, demo.schedules, demo.database, clock=lambda: GENERATED_AT)


def build(demo: Workspace, packets: PacketService, number: str) -> PdfReader:
    output = io.BytesIO()
    packets.eligibility_checklist(demo.trials.resolve("NCT05106972").id, number, output)
    return PdfReader(io.BytesIO(output.getvalue()))


def squashed(reader: PdfReader) -> str:
    return "".join("\n".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture(scope="module")
def enrolled(demo: Workspace, packets: PacketService) -> PdfReader:
    return build(demo, packets, "DEMO-001")


def test_every_criterion_prints_with_its_answers_sources_and_result(demo: Workspace, enrolled: PdfReader) -> None:
    text = squashed(enrolled)
    protocol = demo.trials.protocol(demo.trials.resolve("NCT05106972").id)
    for criterion in (*protocol.eligibility.inclusion, *protocol.eligibility.exclusion):
        assert criterion.code in text
        assert "".join(criterion.text.en.split()) in text, criterion.code
        assert "".join(criterion.text.zh.split()) in text, criterion.code
    for expected in (
        "Inclusioncriteria/入选标准",
        "Exclusioncriteria/排除标准",
        "Prothrombintime(PT),patient/患者凝血酶原时间（PT）:14.2s",
        "source/来源:DEMOoutpatientrecord",
        "Cirrhosisisdecompensated/肝硬化处于失代偿期:yes/是",
        "met符合",
        "doesnotapply不符合排除标准",
        "difference/差值2.1",
    ):
        assert expected in text, expected


def test_verdict_consent_and_signatures(enrolled: PdfReader) -> None:
    text = squashed(enrolled)
    for expected in (
        "Verdictontheassessmentdate/评估日判定eligible/合格",
        "DEMO张医生(DrZhang)",
        "Consentversion/知情同意书版本",
        "Obtainedby/获取人DEMO刘护士(NurseLiu)",
        "Copygiventothesubject/已向受试者提供副本yes/是",
        "Signatures/签名",
        "Investigator/研究者",
    ):
        assert expected in text, expected


def test_initials_and_numbers_but_no_name(enrolled: PdfReader) -> None:
    text = squashed(enrolled)
    assert "WJG" in text
    assert "DEMO-S001" in text
    assert "subject/受试者DEMO-001" in text
    assert "王建国" not in text and "建国" not in text


def test_pages_are_numbered_a4_with_embedded_fonts(enrolled: PdfReader) -> None:
    total = len(enrolled.pages)
    assert 2 <= total <= 4
    for number, page in enumerate(enrolled.pages, start=1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == A4
        assert f"page {number} of {total}" in page.extract_text()
    assert_fonts_embedded(enrolled)


def test_an_incomplete_subject_shows_what_is_missing_and_no_signature(demo: Workspace, packets: PacketService) -> None:
    text = squashed(build(demo, packets, "DEMO-S005"))
    assert "incomplete/资料不全" in text
    assert "Prothrombintime(PT),patient/患者凝血酶原时间（PT）:unknown/未知" in text
    assert "notsigned/未签署" in text
    assert "notenrolled/未入组" in text


def test_a_source_note_with_markup_prints_literally(demo: Workspace, packets: PacketService) -> None:
    trial = demo.trials.resolve("NCT05106972")
    subject = demo.screening.find(trial.id, "DEMO-S005")
    demo.screening.record_fact(subject.id, "pt_seconds", "14.0", 'lab <b>& "x"</b>', demo.actor)
    text = squashed(build(demo, packets, "DEMO-S005"))
    assert 'source/来源:lab<b>&"x"</b>' in text


def test_an_unknown_subject_is_not_found(demo: Workspace, packets: PacketService) -> None:
    with pytest.raises(NotFoundError):
        build(demo, packets, "NOBODY")
