"""The audit-trail PDF read back with pypdf: the chain's verdict and the scope on page one, a header row and a page
number on every page, every row once and in order, user text printed as typed, fonts embedded, built page by page."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pdf_checks import assert_fonts_embedded, assert_pdffonts_embedded, pdf_bytes
from pypdf import PdfReader

from coordinator_app.documents import audit_trail
from coordinator_app.documents.audit_trail import DOCUMENT_NAME, MAX_CELL_CHARACTERS, build_audit_trail_pdf
from coordinator_app.domain.audit_trail import AuditRow

GENERATED_AT = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
WRITTEN_AT = dt.datetime(2026, 11, 24, 23, 15, 7, tzinfo=dt.UTC)
ROWS = 300


def make_row(number: int, **changes: Any) -> AuditRow:
    """A row whose field names it (``field-0042``), so the test can find each row in the text."""
    fields: dict[str, Any] = {
        "id": number,
        "occurred_at": WRITTEN_AT + dt.timedelta(seconds=number),
        "occurred_local": (WRITTEN_AT + dt.timedelta(seconds=number))
        .astimezone(dt.timezone(dt.timedelta(hours=8)))
        .isoformat(timespec="seconds"),
        "actor": ("liu.nurse", "zhou.coord")[number % 2],
        "action": ("insert", "update")[number % 2],
        "table_name": "subject_facts",
        "record_id": str(number // 3),
        "field": f"field-{number:04d}",
        "old_value": None if number % 2 == 0 else "腹水 grade 1",
        "new_value": ("肝硬化 decompensated", "<b>L&M</b>", "2026-11-24")[number % 3],
        "reason": "录入错误 typo corrected" if number % 5 == 0 else None,
        "subject_id": 1,
        "screening_number": "SCR-001",
        "subject_number": "HK-001" if number % 7 == 0 else None,
        "previous_hash": "0" * 64,
        "row_hash": "f" * 64,
    }
    fields.update(changes)
    return AuditRow(**fields)


def build(
    rows: Iterator[AuditRow],
    row_count: int,
    *,
    scope: dict[str, str] | None = None,
    chain_break: tuple[int, str] | None = None,
) -> PdfReader:
    output = io.BytesIO()
    build_audit_trail_pdf(
        rows,
        row_count=row_count,
        scope=scope or {},
        chain_rows_checked=row_count,
        chain_break=chain_break,
        trial_ids="NCT05106972",
        generated_by="刘护士 Nurse Liu (liu.nurse)",
        generated_at=GENERATED_AT,
        output=output,
    )
    return PdfReader(io.BytesIO(output.getvalue()))


@pytest.fixture(scope="module")
def pdf() -> PdfReader:
    return build((make_row(number) for number in range(1, ROWS + 1)), ROWS)


@pytest.fixture(scope="module")
def texts(pdf: PdfReader) -> list[str]:
    return [page.extract_text() for page in pdf.pages]


def test_first_page_states_the_chain_check_scope_count_and_who_generated_it(texts: list[str]) -> None:
    first = texts[0]
    assert DOCUMENT_NAME in first
    assert f"Hash chain verified: intact, {ROWS} rows checked" in first
    assert "the whole trail, all subjects" in first
    assert f"Rows / 行数: {ROWS}" in first
    assert "2026-11-25 09:30 +08:00" in first
    assert "刘护士 Nurse Liu (liu.nurse)" in first


def test_every_page_repeats_the_header_row_and_is_numbered(texts: list[str]) -> None:
    assert len(texts) > 5
    for number, text in enumerate(texts, start=1):
        assert "Old value" in text and "原值" in text, number
        assert f"page {number} of {len(texts)}" in text


def test_every_row_is_printed_once_in_order_with_both_times(texts: list[str]) -> None:
    everything = "\n".join(texts)
    assert [int(n) for n in re.findall(r"field-(\d{4})", everything)] == list(range(1, ROWS + 1))
    assert "2026-11-25 07:15:08+08:00" in everything  # row 1: the writing desktop's clock, with its offset
    assert "UTC 2026-11-24 23:15:08" in everything


def _flowing(texts: list[str]) -> str:
    """The text with line breaks (and so a cell's wrapping) as single spaces."""
    return " ".join(" ".join(texts).split())


def test_user_text_prints_as_typed_in_chinese_and_latin(texts: list[str]) -> None:
    everything = _flowing(texts)
    assert "<b>L&M</b>" in everything  # escaped, not read as markup
    assert "肝硬化" in everything  # CJK wrapping may break the Latin word after it anywhere
    assert "录入错误 typo corrected" in everything
    assert "HK-001" in everything and "SCR-001" in everything


def test_fonts_are_embedded(pdf: PdfReader, tmp_path: Path) -> None:
    assert_fonts_embedded(pdf)
    assert_pdffonts_embedded(pdf_bytes(pdf), tmp_path)


def test_a_broken_chain_is_stated_on_the_first_page() -> None:
    reader = build(iter([make_row(1)]), 1, chain_break=(12, "its content was changed after it was written"))
    first = reader.pages[0].extract_text()
    assert "Hash chain BROKEN at audit row 12: its content was changed after it was written" in first
    assert "第 12 行" in first


def test_a_filtered_export_names_its_scope_and_says_when_nothing_matches() -> None:
    reader = build(iter([]), 0, scope={"subject": "SCR-001", "user": "liu.nurse", "from": "2026-11-01"})
    text = reader.pages[0].extract_text()
    assert "subject / 受试者 SCR-001" in text
    assert "user / 用户 liu.nurse" in text
    assert "from / 自 2026-11-01" in text
    assert "No audit rows match" in text
    assert len(reader.pages) == 1


def test_a_huge_value_is_cut_so_its_row_fits_on_a_page() -> None:
    protocol = "{\n" + "\n".join(f'  "key{n}": "value {n} 值"' for n in range(2000)) + "\n}"
    reader = build(iter([make_row(1, new_value=protocol), make_row(2)]), 2)
    text = _flowing([page.extract_text() for page in reader.pages])
    assert "characters in the CSV export" in text
    assert "key2" in text and "key3" not in text
    assert len(reader.pages) <= 2
    assert len(protocol) > MAX_CELL_CHARACTERS


def test_the_table_is_built_a_page_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """No table ever holds more than about a page of rows, so memory does not grow with the trail."""
    sizes: list[int] = []
    real = audit_trail.data_table

    def counting(header: Any, rows: Any, widths: Any) -> Any:
        sizes.append(len(rows))
        return real(header, rows, widths)

    monkeypatch.setattr(audit_trail, "data_table", counting)
    reader = build((make_row(number) for number in range(1, 1501)), 1500)
    assert len(reader.pages) > 50
    assert max(sizes) < 60
