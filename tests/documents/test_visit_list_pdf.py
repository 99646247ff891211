"""The visit list read back with pypdf: the demo's visits by date in both languages, landscape A4, fonts embedded,
subjects by number only, markup printed literally."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import pytest
from pdf_checks import assert_fonts_embedded
from pypdf import PdfReader

from coordinator_app.documents.visit_list import VisitListRow, build_visit_list_pdf
from coordinator_app.domain.errors import ValidationError
from coordinator_app.domain.protocol import Text
from coordinator_app.domain.schedule import VisitStatus
from coordinator_app.services.packets import PacketService
from coordinator_app.services.workspace import Workspace, open_workspace

GENERATED_AT = dt.datetime(2025, 3, 1, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=8)))
LANDSCAPE_A4 = (842, 595)


@pytest.fixture(scope="module")
def demo() -> Iterator[Workspace]:
    opened = open_workspace("", demo=True)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def packets(demo: Workspace) -> PacketService:
    return PacketService(demo.trials, demo.screening, demo.schedules, demo.database)


def trial_id(demo: Workspace) -> int:
    return demo.trials.resolve("NCT05106972").id


def build_list(demo: Workspace, packets: PacketService, first: dt.date, last: dt.date) -> tuple[int, PdfReader]:
    output = io.BytesIO()
    count = packets.visit_list(trial_id(demo), first, last, output)
    return count, PdfReader(io.BytesIO(output.getvalue()))


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture(scope="module")
def month(demo: Workspace, packets: PacketService) -> tuple[int, PdfReader]:
    today = dt.date.today()
    return build_list(demo, packets, today - dt.timedelta(days=14), today + dt.timedelta(days=30))


def test_a_month_of_visits_lists_them_with_dates_and_names_in_both_languages(
    demo: Workspace, month: tuple[int, PdfReader]
) -> None:
    count, reader = month
    today = dt.date.today()
    expected = demo.schedules.visits_between(
        trial_id(demo), today - dt.timedelta(days=14), today + dt.timedelta(days=30)
    )
    assert count == len(expected) > 0
    text = text_of(reader)
    squashed = "".join(text.split())
    assert "Visit list / 访视清单" in text
    assert f"Visits / 访视: {count}" in text
    for visit in expected:
        assert visit.date.isoformat() in text
        assert visit.subject_label in text
        assert "".join(visit.name.en.split()) in squashed
        assert "".join(visit.name.zh.split()) in squashed
    dose1 = next(v for v in expected if v.subject_label == "DEMO-005" and v.code == "D1")
    assert dose1.date.isoformat() in text
    assert "Dose 1 (infusion 1)" in text
    assert "第1次给药（第1次输注）" in text


def test_pages_are_landscape_a4_numbered_with_embedded_fonts(month: tuple[int, PdfReader]) -> None:
    _count, reader = month
    total = len(reader.pages)
    assert 1 <= total <= 3
    for number, page in enumerate(reader.pages, start=1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == LANDSCAPE_A4
        text = page.extract_text()
        assert f"page {number} of {total}" in text
        assert "NCT05106972" in text
    assert_fonts_embedded(reader)


def test_no_subject_name_is_printed(month: tuple[int, PdfReader]) -> None:
    text = text_of(month[1])
    for name in ("王建国", "陈志强", "刘芳", "赵强", "建国"):
        assert name not in text


def test_an_empty_period_says_so(demo: Workspace, packets: PacketService) -> None:
    count, reader = build_list(demo, packets, dt.date(2001, 1, 1), dt.date(2001, 1, 7))
    assert count == 0
    assert len(reader.pages) == 1
    assert "No visits in this period. / 此期间无访视。" in reader.pages[0].extract_text()


def test_a_reversed_or_too_long_period_is_refused(demo: Workspace, packets: PacketService) -> None:
    with pytest.raises(ValidationError, match="is before from"):
        build_list(demo, packets, dt.date(2025, 3, 7), dt.date(2025, 3, 1))
    with pytest.raises(ValidationError, match="at most 366 days"):
        build_list(demo, packets, dt.date(2025, 1, 1), dt.date(2026, 6, 1))


def test_markup_in_the_data_prints_literally_and_overdue_is_marked() -> None:
    row = VisitListRow(
        date=dt.date(2025, 3, 4),
        subject_number="HK-<b>&1",
        visit_code="W4",
        visit_name=Text("Week 4 <i>&", "第4周 <随访>"),
        window_start=dt.date(2025, 3, 1),
        window_end=dt.date(2025, 3, 3),
        status=VisitStatus.SCHEDULED,
        infusion=False,
        overdue=True,
    )
    output = io.BytesIO()
    build_visit_list_pdf(
        [row], trial_id="NCT05106972", first=row.date, last=row.date, generated_at=GENERATED_AT, output=output
    )
    text = text_of(PdfReader(io.BytesIO(output.getvalue())))
    for literal in ("HK-<b>&1", "Week 4 <i>&", "第4周 <随访>", "overdue / 已超窗", "Tue / 周二"):
        assert literal in text, literal
