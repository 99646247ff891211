"""Visit packets of demo subjects read back with pypdf: visit, dates, procedures and tubes in both languages, the
infusion record filled in once given and empty before, A4 pages numbered, fonts embedded, no subject names."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pdf_checks import assert_fonts_embedded, assert_pdffonts_embedded, pdf_bytes
from pypdf import PdfReader

from coordinator_app.documents.trend_chart import TrendMarker, TrendSeries, trend_panels
from coordinator_app.documents.visit_packet import (
    DeviationEntry,
    VisitPacket,
    build_visit_packet_pdf,
    tubes_for,
)
from coordinator_app.domain.adverse_events import quick_entry
from coordinator_app.domain.errors import NotFoundError, ValidationError
from coordinator_app.domain.protocol import Procedure, Text
from coordinator_app.domain.schedule import VisitStatus
from coordinator_app.services.demo_users import DEMO_INVESTIGATOR, DEMO_PASSWORD
from coordinator_app.services.packets import PacketService
from coordinator_app.services.users import Credentials
from coordinator_app.services.workspace import Workspace, open_workspace

GENERATED_AT = dt.datetime(2025, 3, 1, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=8)))
A4 = (595, 842)
DEMO_NAMES = ("王建国", "建国", "刘芳", "赵强", "陈志强")


@pytest.fixture(scope="module")
def demo() -> Iterator[Workspace]:
    opened = open_workspace("", demo=True)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def packets(demo: Workspace) -> PacketService:
    return PacketService(demo.trials, demo.screening, demo.schedules, demo.database, clock=lambda: GENERATED_AT)


def build(demo: Workspace, packets: PacketService, subject: str, code: str) -> PdfReader:
    output = io.BytesIO()
    packets.visit_packet(demo.trials.resolve("NCT05106972").id, subject, code, output)
    return PdfReader(io.BytesIO(output.getvalue()))


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def squashed(text: str) -> str:
    """Without whitespace: wrapped cells break lines wherever their column ends."""
    return "".join(text.split())


def visit_of(demo: Workspace, subject: str, code: str) -> Any:
    trial = demo.trials.resolve("NCT05106972")
    return demo.schedules.require_schedule(demo.screening.find(trial.id, subject).id).visit(code)


def assert_pages(reader: PdfReader, subject: str) -> None:
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == A4
        text = page.extract_text()
        assert f"page {number} of {total}" in text
        assert f"第 {number} 页，共 {total} 页" in text
        assert f"subject / 受试者 {subject}" in text
        assert "NCT05106972" in text
        assert "generated / 生成于 2025-03-01 14:05 +08:00" in text


# -- a dose already given: DEMO-001's dose 1 -----------------------------------------------------------------


@pytest.fixture(scope="module")
def given(demo: Workspace, packets: PacketService) -> PdfReader:
    return build(demo, packets, "DEMO-001", "D1")


def test_a_given_dose_packet_is_five_numbered_a4_pages(given: PdfReader) -> None:
    # cover, vitals and blood draw, infusion record, adverse events, concomitant medications
    assert len(given.pages) == 5
    assert_pages(given, "DEMO-001")


def test_the_cover_has_the_visit_its_dates_and_procedures_in_both_languages(demo: Workspace, given: PdfReader) -> None:
    visit = visit_of(demo, "DEMO-001", "D1")
    cover = given.pages[0].extract_text()
    for expected in (
        "Visit packet / 访视资料包",
        "DEMO-001",
        "Dose 1 (infusion 1)",
        "第1次给药（第1次输注）",
        "Target date / 目标日期",
        visit.planned.isoformat(),
        "Window / 访视窗",
        "Vital signs",
        "生命体征",
        "Complete blood count (CBC)",
        "血常规",
        "Concomitant medications",
        "合并用药记录",
        "done / 已完成",
    ):
        assert expected in cover, expected
    assert "UC-MSC infusion, 1×10" in cover  # the superscript 8 is raised, not a missing glyph


def test_the_infusion_record_prints_what_was_entered(demo: Workspace, given: PdfReader) -> None:
    day = visit_of(demo, "DEMO-001", "D1").date
    record = squashed(given.pages[2].extract_text())
    for expected in (
        "Infusionrecord/输注记录",
        f"DEMO-LOT-{day:%y%m%d}",
        f"DEMO-QA-{day:%y%m%d}",
        "1.02e8",
        "DEMO刘护士(NurseLiu)",
        "DEMO陈护士(NurseChen)",
        f"{day.isoformat()}09:00",
        "36.5",
        "122",
        "15minbefore/输注前15分钟",
        "+120min/开始后120分钟",
        "e-signed/电子签名:DEMO刘护士(NurseLiu)(liu.demo),researchnurse/研究护士—administered/已给药",
    ):
        assert expected in record, expected
    assert "Pre-infusion safety check" not in record  # dose 1 has none
    assert "changedaftersigning" not in record


def test_a_completed_visit_prints_its_signature_and_the_ae_page_the_signed_assessments(
    demo: Workspace, tmp_path: Path
) -> None:
    trial_id = demo.trials.resolve().id
    subject = demo.screening.find(trial_id, "DEMO-001")
    onset = visit_of(demo, "DEMO-001", "W1").date
    aware = dt.datetime.combine(onset, dt.time(10)).astimezone()
    event = demo.adverse_events.record(subject.id, quick_entry("fever").draft(onset, aware, "W1"), demo.actor)
    demo.adverse_events.sign_assessment(event.id, Credentials(DEMO_INVESTIGATOR, DEMO_PASSWORD))
    output = tmp_path / "w4.pdf"
    demo.packets.visit_packet(trial_id, "DEMO-001", "W4", output)
    reader = PdfReader(output)
    cover = squashed(reader.pages[0].extract_text())
    assert "Visitcompleted/访视完成" in cover
    assert "(liu.demo),researchnurse/研究护士—completedvisit/访视完成" in cover
    ae_page = next(text for p in reader.pages if "Reportaseriousadverseevent" in (text := squashed(p.extract_text())))
    assert "Investigator'sassessments/研究者评估" in ae_page
    assert "DEMO张医生(DrZhang)(zhang.demo),investigator/研究者—assessedadverseevent/已评估不良事件" in ae_page


def test_the_adverse_event_and_medication_pages_and_signatures(given: PdfReader) -> None:
    assert "Adverse event review / 不良事件评估" in given.pages[3].extract_text()
    last = given.pages[4].extract_text()
    for expected in ("Concomitant medications / 合并用药", "Signatures / 签名", "Investigator / 研究者", "研究协调员"):
        assert expected in last, expected


def test_no_subject_name_is_printed(given: PdfReader) -> None:
    text = text_of(given)
    for name in DEMO_NAMES:
        assert name not in text


def test_every_font_is_embedded(given: PdfReader) -> None:
    assert_fonts_embedded(given)


def test_pdffonts_reports_every_font_embedded(given: PdfReader, tmp_path: Path) -> None:
    assert_pdffonts_embedded(pdf_bytes(given), tmp_path)


# -- dose 2 after dose 1: the safety check ---------------------------------------------------------------------


def test_dose_2_prints_the_safety_check_answers(demo: Workspace, packets: PacketService) -> None:
    reader = build(demo, packets, "DEMO-001", "D2")
    record = squashed(reader.pages[2].extract_text())
    assert "Pre-infusionsafetycheck/输注前安全性核查" in record
    assert "DEMO张医生(DrZhang)" in record
    assert "week24/第2次给药" in squashed(reader.pages[0].extract_text())


# -- a dose booked ahead: DEMO-005's dose 1 ----------------------------------------------------------------------


def test_a_future_dose_prints_empty_boxes(demo: Workspace, packets: PacketService) -> None:
    reader = build(demo, packets, "DEMO-005", "D1")
    assert len(reader.pages) == 5
    assert_pages(reader, "DEMO-005")
    visit = visit_of(demo, "DEMO-005", "D1")
    cover = reader.pages[0].extract_text()
    assert visit.planned.isoformat() in cover
    assert "scheduled / 已预约" in cover
    record = squashed(reader.pages[2].extract_text())
    assert "Productlot/产品批号" in record
    assert "Releasecertificate/放行证书编号" in record
    assert "+60min/开始后60分钟" in record
    for filled in ("DEMO-LOT", "DEMO-QA", "1.02e8", "Nurse", "36.5"):
        assert filled not in record, filled


# -- a follow-up visit: blood draw and tube labels ----------------------------------------------------------------


def test_week_12_has_one_label_per_tube_with_number_visit_and_date(demo: Workspace, packets: PacketService) -> None:
    reader = build(demo, packets, "DEMO-002", "W12")
    assert len(reader.pages) == 4  # no infusion record
    assert "Infusion record" not in text_of(reader)
    draw = reader.pages[1].extract_text()
    day = visit_of(demo, "DEMO-002", "W12").date.isoformat()
    labels = draw[draw.index("Tube labels") :]
    for tube in ("Citrate, light blue / 浅蓝管", "EDTA, lavender / 紫管", "EDTA plasma, lavender / 紫管"):
        assert labels.count(tube) == 1, tube
    assert labels.count("SST, gold / 金黄管") == 2  # chemistry and AFP
    assert labels.count("DEMO-002 W12") == 5
    assert labels.count(day) == 5
    for name in ("Sodium citrate, light blue", "浅蓝色枸橼酸钠管", "HBV DNA", "Alpha-fetoprotein (AFP)"):
        assert squashed(name) in squashed(draw), name


def test_tubes_follow_the_order_of_draw() -> None:
    procedures = tuple(Procedure(code, Text(code)) for code in ("cbc", "renal", "lab_liver", "coagulation", "vitals"))
    tubes = tubes_for(procedures)
    assert [tube.key for tube, _served in tubes] == ["citrate", "sst_chemistry", "edta_cbc"]
    assert [p.code for p in tubes[1][1]] == ["renal", "lab_liver"]


def test_an_out_of_window_visit_prints_its_deviation(demo: Workspace, packets: PacketService) -> None:
    cover = squashed(build(demo, packets, "DEMO-006", "W4").pages[0].extract_text())
    assert "Protocoldeviationsrecordedforthisvisit" in cover
    assert squashed("DEMO: admitted to another hospital for a week") in cover


def test_the_visit_code_is_matched_in_any_case(demo: Workspace, packets: PacketService) -> None:
    assert "Week 4 / 第4周" in build(demo, packets, "DEMO-006", "w4").pages[0].extract_text()


# -- markup in the data prints literally ---------------------------------------------------------------------------


def test_markup_characters_in_the_data_print_literally() -> None:
    packet = VisitPacket(
        trial_id="NCT05106972",
        subject_number="HK-<b>&1",
        visit_code="W4",
        visit_name=Text("Week 4 <i>", "第4周 & 随访"),
        target_date=dt.date(2025, 3, 4),
        window_start=dt.date(2025, 3, 1),
        window_end=dt.date(2025, 3, 7),
        booked_date=None,
        status=VisitStatus.SCHEDULED,
        actual_date=None,
        label_date=dt.date(2025, 3, 4),
        procedures=(Procedure("cbc", Text("CBC <b>&", "血常规")),),
        deviations=(DeviationEntry('late <font name="Helvetica">x</font>', "<b>& reason"),),
    )
    output = io.BytesIO()
    build_visit_packet_pdf(packet, generated_at=GENERATED_AT, output=output)
    reader = PdfReader(io.BytesIO(output.getvalue()))
    text = text_of(reader)
    for literal in ("HK-<b>&1", "Week 4 <i>", "第4周 & 随访", "CBC <b>&", "<b>& reason"):
        assert literal in text, literal
    assert squashed('late <font name="Helvetica">x</font>') in squashed(text)
    assert_fonts_embedded(reader)


# -- errors ---------------------------------------------------------------------------------------------------------


def test_an_unknown_visit_code_is_refused_with_the_known_ones(demo: Workspace, packets: PacketService) -> None:
    with pytest.raises(ValidationError, match=r"W99.*not a visit of the visit plan.*SCR, D1"):
        build(demo, packets, "DEMO-001", "W99")


def test_a_subject_without_a_schedule_is_refused(demo: Workspace, packets: PacketService) -> None:
    with pytest.raises(ValidationError, match="no visit schedule yet"):
        build(demo, packets, "DEMO-S007", "W4")


def test_an_unknown_subject_is_not_found(demo: Workspace, packets: PacketService) -> None:
    with pytest.raises(NotFoundError, match="no subject numbered 'NOBODY'"):
        build(demo, packets, "NOBODY", "W4")


# -- trends: liver scores and lab values over the visits ------------------------------------------------------------


def _enter_labs(workspace: Workspace, subject: str, days: list[dt.date]) -> None:
    """Bilirubin, creatinine, albumin, sodium and INR (SI) and a clinical assessment on each day: scores follow."""
    trial = workspace.trials.resolve("NCT05106972")
    subject_id = workspace.screening.find(trial.id, subject).id
    for offset, day in enumerate(days):
        for code, value, unit in [
            ("tbil", str(51 - 5 * offset), "µmol/L"),
            ("crea", "110", "µmol/L"),
            ("alb", str(28 + 2 * offset), "g/L"),
            ("na", "135", "mmol/L"),
            ("inr", f"{1.8 - 0.1 * offset:.1f}", ""),
        ]:
            workspace.labs.record(subject_id, day, code, value, unit, workspace.actor)
        workspace.labs.record_assessment(subject_id, day, "none", "none", False, workspace.actor)


def _packet(workspace: Workspace, subject: str, code: str) -> PdfReader:
    packets = PacketService(
        workspace.trials, workspace.screening, workspace.schedules, workspace.database, clock=lambda: GENERATED_AT
    )
    return build(workspace, packets, subject, code)


def test_a_follow_up_packet_charts_the_stored_scores_and_labs(demo_workspace: Workspace) -> None:
    d1 = visit_of(demo_workspace, "DEMO-002", "D1").date
    w12 = visit_of(demo_workspace, "DEMO-002", "W12").date
    _enter_labs(demo_workspace, "DEMO-002", [d1 - dt.timedelta(days=5), d1 + dt.timedelta(days=28), w12])
    reader = _packet(demo_workspace, "DEMO-002", "W12")
    assert len(reader.pages) == 5  # the trends page after the cover
    assert_pages(reader, "DEMO-002")
    trends = reader.pages[1].extract_text()
    wanted = ("Trends / 趋势", "MELD", "Child-Pugh", "Albumin", "(g/L)", "Total bilirubin", "µmol/L", "INR", "D1")
    for expected in wanted:
        assert expected in trends, expected
    assert "D2" not in trends  # dose 2 comes after week 12
    assert "Trends" not in reader.pages[0].extract_text()
    assert_fonts_embedded(reader)


def test_the_dose_2_packet_marks_both_infusions(demo_workspace: Workspace) -> None:
    d1 = visit_of(demo_workspace, "DEMO-001", "D1").date
    d2 = visit_of(demo_workspace, "DEMO-001", "D2").date
    _enter_labs(demo_workspace, "DEMO-001", [d1 - dt.timedelta(days=3), d2 - dt.timedelta(days=1)])
    reader = _packet(demo_workspace, "DEMO-001", "D2")
    assert len(reader.pages) == 6
    trends = reader.pages[1].extract_text()
    assert "Trends / 趋势" in trends
    assert "D1" in trends and "D2" in trends
    assert_fonts_embedded(reader)


def test_values_after_the_visit_are_not_charted(demo_workspace: Workspace) -> None:
    w4 = visit_of(demo_workspace, "DEMO-002", "W4").date
    _enter_labs(demo_workspace, "DEMO-002", [w4 + dt.timedelta(days=1)])
    reader = _packet(demo_workspace, "DEMO-002", "W4")
    assert "Trends" not in text_of(reader)
    assert len(reader.pages) == 4


def test_the_screening_packet_has_no_trends(demo_workspace: Workspace) -> None:
    scr = visit_of(demo_workspace, "DEMO-002", "SCR").date
    _enter_labs(demo_workspace, "DEMO-002", [scr - dt.timedelta(days=1)])
    assert "Trends" not in text_of(_packet(demo_workspace, "DEMO-002", "SCR"))


def test_a_packet_without_lab_data_has_no_trends(given: PdfReader) -> None:
    assert "Trends" not in text_of(given)
    assert "MELD" not in text_of(given)


def test_trend_panels_need_points() -> None:
    assert trend_panels([TrendSeries("MELD", ())], [TrendMarker("D1", dt.date(2025, 1, 1))], 400, 100) == []
    one = trend_panels([TrendSeries("MELD", ((dt.date(2025, 1, 2), 14.0),))], [], 400, 100)
    assert len(one) == 1
