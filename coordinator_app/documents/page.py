"""The A4 page every printed document shares: margins, header, footer, paragraph styles, tables.

What a GCP site file needs of a printout: room to punch and file it, the trial (and subject) on every
page so a loose sheet finds its place, and a footer saying which document, which version, when it was
generated and "page X of Y" so a missing page shows. All text uses the embedded document font.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm as _reportlab_mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from coordinator_app.documents.fonts import document_font

# -- fixed page text (documents have no Qt translation: English and Chinese side by side) --------------

PAGE_OF = "page {page} of {total} / 第 {page} 页，共 {total} 页"
VERSION = "version / 版本 {version}"
GENERATED = "generated / 生成于 {when}"
SUBJECT = "subject / 受试者 {subject_no}"
CREATOR = "Coordinator App"

# -- geometry --------------------------------------------------------------------------------------------

MM: float = _reportlab_mm  # points per millimetre, typed (reportlab has no stubs)
_A4: tuple[float, float] = (float(A4[0]), float(A4[1]))

# Binders punch the long edge: the left edge of a portrait sheet, the top edge of a landscape one. Both
# keep 25 mm clear on the left, and landscape pages also keep the header below the holes at the top.
_LEFT = 25 * MM
_RIGHT = 15 * MM
_TOP = {False: 22 * MM, True: 30 * MM}
_BOTTOM = 20 * MM
_HEADER_FROM_TOP = {False: 13 * MM, True: 21 * MM}  # baseline of the header text
_FOOTER_FROM_BOTTOM = 9 * MM  # baseline of the footer's lower line
_RULE_GAP = 2 * MM  # between header/footer text and its rule
_HEADER_SIZE = 9
_FOOTER_SIZE = 7.5
_RULE_COLOUR = colors.Color(0.55, 0.55, 0.55)


def page_size(is_landscape: bool = False) -> tuple[float, float]:
    """A4 in points, portrait or landscape."""
    return (_A4[1], _A4[0]) if is_landscape else _A4


def content_width(is_landscape: bool = False) -> float:
    """The width between the margins, in points: what a full-width table may use."""
    return page_size(is_landscape)[0] - _LEFT - _RIGHT


@dataclass(frozen=True)
class PageInfo:
    """What the header and footer of every page say. ``generated_at`` is passed in so output is reproducible."""

    trial_id: str
    document_name: str
    version: str
    generated_at: dt.datetime
    subject_no: str | None = None
    landscape: bool = False


def format_time(when: dt.datetime) -> str:
    """To the minute, with the UTC offset when the time carries one (a monitor may read it in another zone)."""
    text = when.strftime("%Y-%m-%d %H:%M")
    offset = when.strftime("%z")
    return f"{text} {offset[:3]}:{offset[3:]}" if offset else text


# -- styles ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the app's documents, all in the document font, all wrapping as CJK text."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    cell_header: ParagraphStyle


@functools.cache
def styles() -> Styles:
    """The shared styles. wordWrap="CJK" breaks Chinese between any two characters (it has no spaces)
    and still backs up to a space inside Latin words."""
    font = document_font()

    def style(name: str, size: float, leading: float, **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **extra)

    return Styles(
        title=style("DocTitle", 16, 21, spaceAfter=2 * MM),
        subtitle=style("DocSubtitle", 10.5, 14, spaceAfter=3 * MM),
        body=style("DocBody", 9, 12.5, spaceAfter=1.5 * MM),
        cell=style("DocCell", 8, 10.5),
        cell_header=style("DocCellHeader", 8, 10.5, textColor=colors.black),
    )


def markup(text: str) -> str:
    """User data made safe for Paragraph markup: &, < and > escaped, line breaks kept."""
    return escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of plain text (never markup): anything a user typed goes in through here."""
    return Paragraph(markup(text), style)


def data_table(header: Sequence[str], rows: Sequence[Sequence[str]], col_widths: Sequence[float]) -> Table:
    """A ruled table of plain text whose header row repeats on every page and whose cells wrap.

    Every cell is a Paragraph, so long text wraps inside its column instead of running over the next one.
    """
    style = styles()
    data = [[paragraph(text, style.cell_header) for text in header]]
    data.extend([paragraph(text, style.cell) for text in row] for row in rows)
    table = Table(data, colWidths=list(col_widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), document_font()),  # for any plain-string cell: never Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.4, _RULE_COLOUR),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.86, 0.88, 0.91)),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.Color(0.96, 0.96, 0.96)]),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


# -- building --------------------------------------------------------------------------------------------


def _canvas_class(info: PageInfo) -> type[Canvas]:
    """A canvas that holds its pages back until the end, so each footer can say "page X of Y"."""
    font = document_font()

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type stubs
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # The canvas otherwise starts every page in Helvetica, which then sits unembedded in the PDF.
            kwargs["initialFontName"] = font
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                _draw_header_and_footer(self, info, font, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _draw_header_and_footer(canvas: Canvas, info: PageInfo, font: str, page: int, total: int) -> None:
    width, height = page_size(info.landscape)
    left, right = _LEFT, width - _RIGHT
    canvas.saveState()
    canvas.setStrokeColor(_RULE_COLOUR)
    canvas.setLineWidth(0.5)
    canvas.setFillColor(colors.black)

    header_y = height - _HEADER_FROM_TOP[info.landscape]
    canvas.setFont(font, _HEADER_SIZE)
    canvas.drawString(left, header_y, info.trial_id)
    if info.subject_no:
        canvas.drawRightString(right, header_y, SUBJECT.format(subject_no=info.subject_no))
    else:
        canvas.drawRightString(right, header_y, info.document_name)
    canvas.line(left, header_y - _RULE_GAP, right, header_y - _RULE_GAP)

    # Two lines, so a long bilingual document name cannot run into the page number on a portrait page.
    lower_y = _FOOTER_FROM_BOTTOM
    upper_y = lower_y + _FOOTER_SIZE * 1.35
    canvas.line(left, upper_y + _FOOTER_SIZE + _RULE_GAP, right, upper_y + _FOOTER_SIZE + _RULE_GAP)
    canvas.setFont(font, _FOOTER_SIZE)
    canvas.drawString(left, upper_y, info.document_name)
    canvas.drawRightString(right, upper_y, PAGE_OF.format(page=page, total=total))
    version = VERSION.format(version=info.version)
    canvas.drawString(left, lower_y, f"{version}  ·  {GENERATED.format(when=format_time(info.generated_at))}")
    canvas.restoreState()


def build_document(story: Sequence[Flowable], info: PageInfo, output: Path | BinaryIO, *, title: str = "") -> None:
    """Lay out ``story`` on numbered A4 pages and write the PDF to a path or a binary stream.

    The PDF is built in memory first, so a failure leaves no half-written file where the user asked for one.
    """
    font = document_font()
    width, height = page_size(info.landscape)
    top = _TOP[info.landscape]
    # No frame padding: text, tables and the header and footer rules all align on the margins.
    frame = Frame(
        _LEFT,
        _BOTTOM,
        width - _LEFT - _RIGHT,
        height - top - _BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        leftMargin=_LEFT,
        rightMargin=_RIGHT,
        topMargin=top,
        bottomMargin=_BOTTOM,
        pageTemplates=[PageTemplate(id="page", frames=[frame], pagesize=(width, height))],
        title=title or f"{info.document_name} — {info.trial_id}",
        author=CREATOR,
        creator=CREATOR,
        subject=info.trial_id,
        initialFontName=font,
    )
    document.build(list(story), canvasmaker=_canvas_class(info))
    data = buffer.getvalue()
    if isinstance(output, Path):
        output.write_bytes(data)
    else:
        output.write(data)
