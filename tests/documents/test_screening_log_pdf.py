"""The screening-log PDF read back with pypdf: pages numbered "X of Y", header and cells present, all fonts embedded."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from pdf_checks import assert_fonts_embedded, assert_pdffonts_embedded, pdf_bytes
from pypdf import PdfReader

from coordinator_app.documents.page import PageInfo, build_document, paragraph, styles
from coordinator_app.documents.screening_log import DOCUMENT_NAME, build_screening_log_pdf
from coordinator_app.domain.screening_log import ScreeningLogRow

TRIAL_ID = "NCT05106972"
# Markup in user data must come out as text: if it were read as markup it would vanish (and pull in Helvetica).
TRIAL_TITLE = '氨甲环酸 & <font name="Helvetica">TXA</font> in hip fracture surgery'
GENERATED_AT = dt.datetime(2025, 3, 1, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=8)))
MM = 72 / 25.4

VERDICTS = ("eligible", "ineligible", "incomplete")
STATUSES = ("screening", "enrolled", "screen_failed", "withdrawn", "completed")


def make_rows(count: int) -> list[ScreeningLogRow]:
    """Rows mixing Latin and Chinese text, markup characters, and lists long enough to wrap in their cells."""
    rows = []
    for i in range(count):
        verdict = VERDICTS[i % 3]
        rows.append(
            ScreeningLogRow(
                screening_no=f"S{i + 1:03d}",
                subject_no=f"HK-{i + 1:03d}" if verdict == "eligible" else "",
                initials=("ZWL", "L&M", "<A>", "王小明")[i % 4],
                sex="MF"[i % 2],
                age=None if i == 5 else 40 + i,
                assessment_date=None if i == 5 else dt.date(2025, 1, 1) + dt.timedelta(days=i),
                verdict=verdict,
                failing_criteria=("IN1", "EX6", "EX12 肝功能异常 & <危险>", "EX14 <3 months>")[: 1 + i % 4]
                if verdict == "ineligible"
                else (),
                missing_items=("pt_seconds", "inr_value", "platelet_count_per_litre", "血红蛋白")[: 1 + i % 4]
                if verdict == "incomplete"
                else (),
                status=STATUSES[i % 5],
                enrolment_date=dt.date(2025, 2, 1) if verdict == "eligible" else None,
            )
        )
    return rows


def build(rows: list[ScreeningLogRow]) -> PdfReader:
    output = io.BytesIO()
    build_screening_log_pdf(rows, trial_id=TRIAL_ID, trial_title=TRIAL_TITLE, generated_at=GENERATED_AT, output=output)
    return PdfReader(io.BytesIO(output.getvalue()))


@pytest.fixture(scope="module")
def forty_rows() -> list[ScreeningLogRow]:
    return make_rows(40)


@pytest.fixture(scope="module")
def pdf(forty_rows: list[ScreeningLogRow]) -> PdfReader:
    return build(forty_rows)


@pytest.fixture(scope="module")
def texts(pdf: PdfReader) -> list[str]:
    return [page.extract_text() for page in pdf.pages]


def placed_text(page: Any) -> list[tuple[str, float, float]]:
    """Each piece of text on a page with its x and y in points from the bottom-left corner."""
    pieces: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            pieces.append((text.strip(), x, y))

    page.extract_text(visitor_text=visit)
    return pieces


# -- pages and their header and footer -------------------------------------------------------------------


def test_forty_rows_take_more_than_one_landscape_a4_page(pdf: PdfReader) -> None:
    assert len(pdf.pages) > 1
    for page in pdf.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)


def test_every_page_says_page_x_of_y(texts: list[str]) -> None:
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert f"page {number} of {total}" in text
        assert f"第 {number} 页，共 {total} 页" in text


def test_every_page_has_the_trial_id_in_its_header(pdf: PdfReader) -> None:
    height = 595.0
    for page in pdf.pages:
        header = [text for text, _x, y in placed_text(page) if y > height - 30 * MM]
        assert TRIAL_ID in header
        assert DOCUMENT_NAME in header


def test_every_footer_names_the_document_its_version_and_the_generation_time(texts: list[str]) -> None:
    for text in texts:
        assert "Screening log / 筛选日志" in text
        assert "version / 版本 1.0" in text
        assert "2025-03-01 14:05 +08:00" in text


def test_nothing_is_printed_in_the_left_25_mm_kept_for_punching(pdf: PdfReader) -> None:
    for page in pdf.pages:
        assert min(x for _text, x, _y in placed_text(page)) >= 25 * MM - 0.5


def test_the_table_header_repeats_on_every_page(texts: list[str]) -> None:
    for text in texts:
        for heading in ("Screening no.", "筛选号", "Failing criteria", "未满足的标准", "Enrolled", "入组日期"):
            assert heading in text


# -- content ---------------------------------------------------------------------------------------------


def test_the_first_page_has_the_title_and_the_trial(texts: list[str]) -> None:
    assert "Screening log / 筛选日志" in texts[0]
    assert f"{TRIAL_ID} — " in texts[0]
    assert '<font name="Helvetica">TXA</font>' in texts[0]


def test_known_cells_appear(texts: list[str]) -> None:
    everything = "\n".join(texts)
    for cell in (
        "S001",
        "S040",
        "HK-001",
        "HK-040",
        "2025-01-01",
        "2025-02-01",
        "L&M",
        "<A>",
        "王小明",
        "M / 男",
        "F / 女",
    ):
        assert cell in everything, cell
    # Wrapped cells break lines wherever the column ends: compare them without whitespace.
    squashed = "".join(everything.split())
    for cell in (
        "EX12 肝功能异常 & <危险>",
        "EX14 <3 months>",
        "pt_seconds; inr_value; platelet_count_per_litre; 血红蛋白",
    ):
        assert "".join(cell.split()) in squashed, cell
    for label in ("eligible", "合格", "ineligible", "不合格", "incomplete", "资料不全", "screen failed", "筛选失败"):
        assert label in everything, label


def test_each_row_appears_in_order(texts: list[str]) -> None:
    everything = "\n".join(texts)
    positions = [everything.index(f"S{i:03d}") for i in range(1, 41)]
    assert positions == sorted(positions)


def test_the_summary_counts_by_verdict_and_status(forty_rows: list[ScreeningLogRow], texts: list[str]) -> None:
    text = texts[0]
    assert "Subjects screened / 筛选受试者: 40" in text
    eligible = sum(row.verdict == "eligible" for row in forty_rows)
    ineligible = sum(row.verdict == "ineligible" for row in forty_rows)
    assert f"eligible / 合格 {eligible};" in text
    assert f"ineligible / 不合格 {ineligible};" in text
    assert "enrolled / 已入组 8;" in text
    assert "By verdict / 按判定:" in text
    assert "By status / 按状态:" in text


def test_an_empty_log_is_one_page_saying_so() -> None:
    texts = [page.extract_text() for page in build([]).pages]
    assert len(texts) == 1
    assert "page 1 of 1" in texts[0]
    assert "Subjects screened / 筛选受试者: 0" in texts[0]
    assert "尚无筛选受试者" in texts[0]


def test_a_log_of_30_rows_is_written_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "screening-log.pdf"
    build_screening_log_pdf(make_rows(30), trial_id=TRIAL_ID, trial_title="", generated_at=GENERATED_AT, output=target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert len(PdfReader(target).pages) >= 1


# -- fonts -----------------------------------------------------------------------------------------------


def test_every_font_is_embedded(pdf: PdfReader) -> None:
    assert_fonts_embedded(pdf)


def test_pdffonts_reports_every_font_embedded(pdf: PdfReader, tmp_path: Path) -> None:
    assert_pdffonts_embedded(pdf_bytes(pdf), tmp_path)


# -- the shared page template, portrait and about one subject -------------------------------------------


def test_a_portrait_document_about_one_subject_names_it_in_every_header() -> None:
    info = PageInfo(
        trial_id=TRIAL_ID,
        document_name="Consent checklist / 知情同意核对表",
        version="2.1",
        generated_at=dt.datetime(2025, 3, 1, 9, 30),
        subject_no="HK-007",
    )
    body = styles().body
    story = [paragraph(f"第 {i} 条 & <note> line {i}", body) for i in range(120)]
    output = io.BytesIO()
    build_document(story, info, output)
    reader = PdfReader(output)
    assert len(reader.pages) > 1
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
        placed = placed_text(page)
        header = [text for text, _x, y in placed if y > 842 - 22 * MM]
        assert TRIAL_ID in header
        assert "subject / 受试者 HK-007" in header
        text = page.extract_text()
        assert f"page {number} of {total}" in text
        assert "version / 版本 2.1" in text
        assert "generated / 生成于 2025-03-01 09:30" in text
        assert min(x for _text, x, _y in placed) >= 25 * MM - 0.5
    assert "第 0 条 & <note> line 0" in reader.pages[0].extract_text()
