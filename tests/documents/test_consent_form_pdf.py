"""The consent form PDF read back with pypdf: the subject, both languages, the marks, the signature blocks, fonts."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from pdf_checks import assert_fonts_embedded, assert_pdffonts_embedded
from pypdf import PdfReader

from coordinator_app.documents.consent_form import DOCUMENT_NAME, SIGNATURE_BLOCKS, build_consent_pdf
from coordinator_app.domain.consent_documents import ConsentDocument, ConsentStatus, parse_consent_document
from coordinator_app.resource_files import resource

TRIAL_ID = "NCT05106972"
GENERATED_AT = dt.datetime(2025, 3, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
MM = 72 / 25.4
SIGNERS = (
    ("Subject", "受试者"),
    ("Legally authorised representative", "法定代理人"),
    ("Impartial witness", "公正见证人"),
    ("Person obtaining consent", "获取知情同意的研究者"),
)


# -- reading the PDF back (as the screening log test does) -----------------------------------------------


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


def template() -> ConsentDocument:
    text = resource("consent", TRIAL_ID, "TEMPLATE.txt").read_text(encoding="utf-8")
    return parse_consent_document(text, "TEMPLATE.txt")


def build(document: ConsentDocument, name: str | None, number: str | None, watermark: str | None = None) -> bytes:
    output = io.BytesIO()
    build_consent_pdf(
        document,
        trial_id=TRIAL_ID,
        subject_name=name,
        screening_number=number,
        generated_at=GENERATED_AT,
        output=output,
        watermark=watermark,
    )
    return output.getvalue()


def texts_of(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return build(template(), "王建国", "DEMO-S001")


@pytest.fixture(scope="module")
def texts(pdf: bytes) -> list[str]:
    return texts_of(pdf)


def squashed(texts: list[str]) -> str:
    """All pages' text without whitespace: wrapped lines break wherever the column ends."""
    return "".join("".join(texts).split())


def test_the_form_is_portrait_a4_over_several_pages(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_the_first_page_names_the_subject_and_screening_number(texts: list[str]) -> None:
    first = texts[0]
    for text in ("王建国", "DEMO-S001", "Subject's name / 受试者姓名", "Screening number / 筛选号"):
        assert text in first, text


def test_headings_and_text_appear_in_both_languages(texts: list[str]) -> None:
    everything = squashed(texts)
    for text in (
        "7.Foreseeablerisksanddiscomforts/七、可预见的风险与不适",
        "12.Voluntaryparticipationandwithdrawal/十二、自愿参加与退出",
        "知情同意书：脐带间充质干细胞移植治疗失代偿期乙型肝炎肝硬化的临床研究",
        "InformedConsentForm:UmbilicalCordMesenchymalStemCell",
        "86-0898-66151200",
    ):
        assert text in everything, text


def test_gaps_left_for_the_site_are_printed_in_brackets(texts: list[str]) -> None:
    assert "[ethicscommitteephone]" in squashed(texts)


def test_every_page_is_marked_template(texts: list[str]) -> None:
    for text in texts:
        assert "TEMPLATE / 模板" in text


def test_every_page_has_the_header_and_footer(pdf: bytes, texts: list[str]) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    total = len(texts)
    for number, (page, text) in enumerate(zip(reader.pages, texts, strict=True), start=1):
        header = [piece for piece, _x, y in placed_text(page) if y > 842 - 22 * MM]
        assert TRIAL_ID in header
        assert "subject / 受试者 DEMO-S001" in header
        assert f"page {number} of {total}" in text
        assert f"第 {number} 页，共 {total} 页" in text
        assert DOCUMENT_NAME in text
        assert "version / 版本 TEMPLATE" in text
        assert "2025-03-01 09:30 +08:00" in text


def test_nothing_is_printed_in_the_left_25_mm_kept_for_punching(pdf: bytes) -> None:
    for page in PdfReader(io.BytesIO(pdf)).pages:
        # The diagonal watermark may cross the margin; everything else keeps out of it.
        pieces = [(text, x) for text, x, _y in placed_text(page) if "TEMPLATE / 模板" not in text]
        assert min(x for _text, x in pieces) >= 25 * MM - 0.5


def test_the_four_signature_blocks_follow_the_text_each_on_one_page(texts: list[str]) -> None:
    everything = "\n".join(texts)
    statement = everything.index("Statement of consent")
    positions = [everything.index(f"{english} / {chinese}\n", statement) for english, chinese in SIGNERS]
    assert positions == sorted(positions)
    assert len(SIGNATURE_BLOCKS) == len(SIGNERS)
    for block in SIGNATURE_BLOCKS:
        # KeepTogether: a block's title and its last line (date and time) are on the same page.
        pages = [text for text in texts if block.title in text]
        assert len(pages) == 1, block.title
        assert pages[0].index("Date and time / 日期及时间", pages[0].index(block.title)) > 0
    assert everything.count("Signature / 签名") == 4


def test_user_data_is_printed_literally() -> None:
    texts = texts_of(build(template(), '<b>&amp; 张<font name="Helvetica">三</font>', "S-<1>&"))
    assert '<b>&amp; 张<font name="Helvetica">三</font>' in texts[0]
    assert "S-<1>&" in texts[0]


def test_a_blank_form_leaves_the_subject_to_be_written_in() -> None:
    texts = texts_of(build(template(), None, None))
    assert "Subject's name / 受试者姓名" in texts[0]
    assert "王建国" not in "".join(texts)
    assert "subject / 受试者" not in texts[0]  # the header names the document instead


def test_a_draft_is_marked_draft_on_every_page_and_an_active_text_is_not_marked() -> None:
    draft = parse_consent_document(
        "version: 3.0\nstatus: draft\nlanguage: zh+en\ntitle.en: Consent\ntitle.zh: 知情同意书\n\n"
        "# Purpose / 目的\n" + "目的。\n\nPurpose.\n\n" * 60,
        "3.0.txt",
    )
    texts = texts_of(build(draft, "王建国", "DEMO-S001", watermark="SPECIMEN"))  # the status mark wins
    assert len(texts) > 1
    for text in texts:
        assert "DRAFT / 草稿" in text
        assert "SPECIMEN" not in text
        assert "TEMPLATE" not in text
    active = ConsentDocument("2.0", ConsentStatus.ACTIVE, dt.date(2025, 4, 18), "zh+en", draft.title, draft.sections)
    for text in texts_of(build(active, "王建国", "DEMO-S001")):
        assert "DRAFT" not in text and "TEMPLATE" not in text and "草稿" not in text


def test_every_font_is_embedded(pdf: bytes) -> None:
    assert_fonts_embedded(PdfReader(io.BytesIO(pdf)))


def test_pdffonts_reports_every_font_embedded(pdf: bytes, tmp_path: Path) -> None:
    assert_pdffonts_embedded(pdf, tmp_path)
