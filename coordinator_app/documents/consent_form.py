"""The informed consent form as printed for one subject: the site's approved text, then the signature blocks.

The body is the ethics-approved text exactly as its file has it; the app adds only what ICH E6 4.8.8 needs
around it: who the form is for, and a signed and dated block for each person who may sign. A template or a
draft is watermarked on every page, so no such copy can pass for the approved form.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, ListFlowable, ListItem, Spacer, Table, TableStyle

from coordinator_app.documents.fonts import document_font
from coordinator_app.documents.page import (
    MM,
    PageInfo,
    TextParagraph,
    build_document,
    content_width,
    markup,
    paragraph,
    styles,
)
from coordinator_app.domain.consent_documents import (
    BulletList,
    ConsentDocument,
    ConsentStatus,
    Section,
    split_placeholders,
)

# -- the form's fixed text, English and Chinese side by side (a PDF has no Qt translation) ---------------

DOCUMENT_NAME = "Informed consent form / 知情同意书"
SUBJECT_NAME = "Subject's name / 受试者姓名"
SCREENING_NUMBER = "Screening number / 筛选号"
SIGNATURES = "Signatures / 签字"
SIGNATURE = "Signature / 签名"
PRINTED_NAME = "Name (print) / 姓名（正楷）"
DATE_TIME = "Date and time / 日期及时间"
RELATIONSHIP = "Relationship / 与受试者关系"
ROLE = "Role in the study / 研究职务"

WATERMARKS = {
    ConsentStatus.TEMPLATE: "TEMPLATE / 模板",
    ConsentStatus.DRAFT: "DRAFT / 草稿",
    ConsentStatus.SUPERSEDED: "SUPERSEDED / 已废止",
}


@dataclass(frozen=True)
class SignatureBlock:
    title: str
    note: str
    lines: tuple[str, ...]


SIGNATURE_BLOCKS = (
    SignatureBlock(
        "Subject / 受试者",
        "",
        (SIGNATURE, PRINTED_NAME, DATE_TIME),
    ),
    SignatureBlock(
        "Legally authorised representative / 法定代理人",
        "When the subject cannot consent personally. / 受试者本人无法表示同意时签署。",
        (SIGNATURE, PRINTED_NAME, RELATIONSHIP, DATE_TIME),
    ),
    SignatureBlock(
        "Impartial witness / 公正见证人",
        "When the subject or the representative cannot read: the witness attests that the form was read and "
        "explained and that consent was freely given. / 受试者或其法定代理人无阅读能力时签署：见证人证明"
        "知情同意书已被宣读和解释，且同意系自愿作出。",
        (SIGNATURE, PRINTED_NAME, DATE_TIME),
    ),
    SignatureBlock(
        "Person obtaining consent / 获取知情同意的研究者",
        "I have explained the study and answered the subject's questions. / 我已向受试者解释本研究并回答了其问题。",
        (SIGNATURE, PRINTED_NAME, ROLE, DATE_TIME),
    ),
)

_BOX_BACKGROUND = colors.Color(0.95, 0.95, 0.95)
_GAP_BACKGROUND = colors.Color(1, 0.93, 0.6)  # a {{gap}} the site has still to fill
_LINE_COLOUR = colors.Color(0.35, 0.35, 0.35)


@dataclass(frozen=True)
class _Styles:
    heading: ParagraphStyle
    bullet: ParagraphStyle
    label: ParagraphStyle
    note: ParagraphStyle


@functools.cache
def _styles() -> _Styles:
    base = styles()
    return _Styles(
        heading=ParagraphStyle("ConsentHeading", parent=base.subtitle, spaceBefore=3 * MM, spaceAfter=1.5 * MM),
        bullet=ParagraphStyle("ConsentBullet", parent=base.body, spaceAfter=0.8 * MM),
        label=ParagraphStyle("ConsentLabel", parent=base.cell, fontSize=8.5, leading=11),
        note=ParagraphStyle("ConsentNote", parent=base.cell, textColor=colors.Color(0.3, 0.3, 0.3)),
    )


def text_markup(text: str) -> str:
    """Consent text as Paragraph markup: escaped like any other text, with each {{gap}} highlighted."""
    return "".join(
        f'<font backColor="{_GAP_BACKGROUND.hexval()}">[{markup(piece)}]</font>' if is_gap else markup(piece)
        for piece, is_gap in split_placeholders(text)
    )


def watermark_for(document: ConsentDocument, extra: str | None = None) -> str | None:
    """What every page is marked with: the status mark of a template, draft or superseded text, else ``extra``."""
    return WATERMARKS.get(document.status, extra)


def _section(section: Section, style: _Styles) -> list[Flowable]:
    heading = f"{section.heading.en} / {section.heading.zh}"
    flowables: list[Flowable] = []
    for block in section.blocks:
        if isinstance(block, BulletList):
            items = [
                ListItem(TextParagraph(text_markup(item), style.bullet), leftIndent=5 * MM) for item in block.items
            ]
            bullets = ListFlowable(
                items,
                bulletType="bullet",
                start="•",
                bulletFontName=document_font(),
                bulletFontSize=9,
                leftIndent=5 * MM,
            )
            flowables += [bullets, Spacer(content_width(), 1.5 * MM)]
        else:
            flowables.append(TextParagraph(text_markup(block.text), styles().body))
    # A heading never ends a page alone: it keeps with the first block of its section.
    return [KeepTogether([paragraph(heading, style.heading), flowables[0]]), *flowables[1:]]


def _subject_box(subject_name: str | None, screening_number: str | None, style: _Styles) -> Table:
    """Who the form is for: printed when known, ruled blanks to write in when not."""
    width = content_width()
    rows = [
        [paragraph(SUBJECT_NAME, style.label), paragraph(subject_name or "", styles().subtitle)],
        [paragraph(SCREENING_NUMBER, style.label), paragraph(screening_number or "", styles().subtitle)],
    ]
    table = Table(rows, colWidths=[0.32 * width, 0.68 * width], rowHeights=[10 * MM, 10 * MM])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), document_font()),
                ("BOX", (0, 0), (-1, -1), 0.8, _LINE_COLOUR),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, _LINE_COLOUR),
                ("BACKGROUND", (0, 0), (0, -1), _BOX_BACKGROUND),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2 * MM),
            ]
        )
    )
    return table


def _signature_block(block: SignatureBlock, style: _Styles) -> Table:
    """One signer's block, as a table to keep on one page: a block split across sheets invites a missed signature."""
    width = content_width()
    rows: list[list[Flowable | str]] = [[paragraph(block.title, styles().subtitle), ""]]
    spans = [("SPAN", (0, 0), (-1, 0))]
    if block.note:
        rows.append([paragraph(block.note, style.note), ""])
        spans.append(("SPAN", (0, 1), (-1, 1)))
    first_line = len(rows)
    rows += [[paragraph(label, style.label), ""] for label in block.lines]
    heights: Sequence[float | None] = [None] * first_line + [9 * MM] * len(block.lines)
    table = Table(rows, colWidths=[0.32 * width, 0.68 * width], rowHeights=list(heights))
    table.setStyle(
        TableStyle(
            [
                *spans,
                ("FONTNAME", (0, 0), (-1, -1), document_font()),
                ("BOX", (0, 0), (-1, -1), 0.8, _LINE_COLOUR),
                ("BACKGROUND", (0, 0), (-1, first_line - 1), _BOX_BACKGROUND),
                ("VALIGN", (0, first_line), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, first_line), (1, -1), 0.5, _LINE_COLOUR),  # the line to write on
                ("LEFTPADDING", (0, 0), (-1, -1), 2 * MM),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * MM),
                ("BOTTOMPADDING", (0, first_line), (-1, -1), 1.5 * MM),
            ]
        )
    )
    return table


def build_consent_pdf(
    document: ConsentDocument,
    *,
    trial_id: str,
    subject_name: str | None,
    screening_number: str | None,
    generated_at: dt.datetime,
    output: Path | BinaryIO,
    watermark: str | None = None,
    subject_number: str | None = None,
) -> None:
    """Write the consent form of ``document`` for one subject (or with blanks, when ``subject_name`` is None).

    ``watermark`` marks an active text (e.g. "SPECIMEN"); a template, draft or superseded text is always marked
    with its status instead, whatever is passed. The header names the subject number, else the screening number.
    """
    style = _styles()
    base = styles()
    width = content_width()
    story: list[Flowable] = [
        paragraph(document.title.zh, base.title),
        paragraph(document.title.en, base.subtitle),
        _subject_box(subject_name, screening_number, style),
        Spacer(width, 2 * MM),
    ]
    for section in document.sections:
        story += _section(section, style)
    story.append(Spacer(width, 3 * MM))
    for index, block in enumerate(SIGNATURE_BLOCKS):
        heading = [paragraph(SIGNATURES, style.heading)] if index == 0 else []  # never alone at a page's foot
        story.append(KeepTogether([*heading, _signature_block(block, style), Spacer(width, 4 * MM)]))
    info = PageInfo(
        trial_id=trial_id,
        document_name=DOCUMENT_NAME,
        version=document.version,
        generated_at=generated_at,
        subject_no=subject_number or screening_number,
        watermark=watermark_for(document, watermark),
    )
    build_document(story, info, output, title=f"{DOCUMENT_NAME} — {trial_id} — {document.version}")
