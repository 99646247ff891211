"""The A4 page every printed document shares: margins, header, footer, paragraph styles, tables.

What a GCP site file needs of a printout: room to punch and file it, the trial (and subject) on every
page so a loose sheet finds its place, and a footer saying which document, which version, when it was
generated and "page X of Y" so a missing page shows. All text uses the embedded document font.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import math
import threading
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib import textsplit as _reportlab_textsplit
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm as _reportlab_mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus import paragraph as _reportlab_paragraph

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
_WATERMARK_COLOUR = colors.Color(0.5, 0.5, 0.5, alpha=0.22)  # translucent: the text beneath stays readable
_WATERMARK_MAX_SIZE = 96


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
    watermark: str | None = None  # e.g. "DRAFT": drawn across every page, so no copy of it passes for final


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


# Chinese punctuation that must not start a line (避头点). reportlab's CJK wrapping hangs such a character in
# the margin instead of carrying it over, but its list knows only Japanese and ASCII marks, so "，" opened lines.
_CANNOT_START_LINE = "，。、；：！？）》」』】〉…％"
for _module in (_reportlab_textsplit, _reportlab_paragraph):  # each wrapper reads its own copy of the list
    _module.ALL_CANNOT_START += "".join(c for c in _CANNOT_START_LINE if c not in _module.ALL_CANNOT_START)


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


# Superscript digits the document font has no glyph for (as in "1×10⁸ cells"): printed as raised digits.
_SUPERSCRIPTS = {"⁰": "0", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9"}


def markup(text: str) -> str:
    """User data made safe for Paragraph markup: &, < and > escaped, line breaks kept."""
    safe = escape(text).replace("\r\n", "\n").replace("\n", "<br/>")
    for superscript, digit in _SUPERSCRIPTS.items():
        safe = safe.replace(superscript, f"<super>{digit}</super>")
    return safe


@functools.lru_cache(maxsize=4096)
def _broken_lines(text: str, widths: tuple[float, ...], font: str, size: float) -> tuple[tuple[float, str], ...]:
    """reportlab's CJK line breaking of one run of text in one font, remembered: it measures every character, and the
    same text (a form's labels, a consent template's paragraphs) is laid out at the same width document after
    document. A pure function of its arguments (the cannot-start-a-line list is patched once, at import)."""
    return tuple(_reportlab_textsplit.wordSplit(text, list(widths), font, size))


# The lines of paragraphs with markup, by (markup, style, widths, auto leading): see TextParagraph._shared_lines.
_shared: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_shared_lock = threading.Lock()
_SHARED_SIZE = 1024


class TextParagraph(Paragraph):  # type: ignore[misc]  # reportlab has no type stubs
    """A Paragraph that breaks its lines once for a width. Platypus wraps a flowable again and again at the same
    width (a KeepTogether and then its frame, a table measuring its rows and then drawing them), and CJK line
    breaking measures every character each time: when nothing has touched the lines since the last wrap at this
    width, they are what wrapping again would give. A paragraph in one font and size (no markup inside it) takes its
    lines from :func:`_broken_lines`, exactly as reportlab breaks them."""

    _wrapped: tuple[float, Any, float] | None = None  # (width, lines, height) of the last wrap
    _shared_para_lines: Any = None  # lines shared with other paragraphs (see _shared_lines)

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N803  # reportlab's names
        frags = self.frags
        widths = tuple(maxWidths) if isinstance(maxWidths, (list, tuple)) else (maxWidths,)
        if self.bulletText or self.style.endDots or getattr(self, "_splitpara", 0) or not frags:
            return super().breakLinesCJK(maxWidths)
        if len(frags) > 1 or hasattr(frags[0], "cbDefn") or not hasattr(frags[0], "text"):
            return self._shared_lines(maxWidths, widths)
        # reportlab's single-fragment case (Paragraph.breakLinesCJK), with the breaking remembered
        frag = frags[0]
        self.height = 0
        lines = _broken_lines(frag.text, widths, frag.fontName, frag.fontSize)
        return frag.clone(
            kind=0, lines=[(space, [line]) for space, line in lines], ascent=frag.fontSize, descent=-0.2 * frag.fontSize
        )

    def _shared_lines(self, maxWidths: Any, widths: tuple[float, ...]) -> Any:  # noqa: N803  # reportlab's names
        """The lines of a paragraph with markup (several fragments), shared with every paragraph of the same markup
        and style laid out at the same widths. Drawing only reads them; :meth:`split` copies them before it splits."""
        if not isinstance(self.text, str):  # a part that a split made: its fragments, not markup
            return super().breakLinesCJK(maxWidths)
        key = (self.text, self.style, widths, getattr(self, "autoLeading", None))
        with _shared_lock:
            lines = _shared.get(key)
            if lines is not None:
                _shared.move_to_end(key)
        if lines is None:
            lines = super().breakLinesCJK(maxWidths)
            with _shared_lock:
                _shared[key] = lines
                while len(_shared) > _SHARED_SIZE:
                    _shared.popitem(last=False)
        self.height = 0
        self._shared_para_lines = lines
        return lines

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803  # reportlab's names
        # Splitting adds a space to the last fragment of each line it hands on: never to lines other paragraphs share.
        shared = self.__dict__.get("_shared_para_lines")
        if shared is not None and self.__dict__.get("blPara") is shared:
            self.blPara = copy.deepcopy(shared)
            self._shared_para_lines = None
            self._wrapped = None
        return super().split(availWidth, availHeight)  # type: ignore[no-any-return]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803  # reportlab's names
        last = self.__dict__.get("_wrapped")
        if last is not None and last[0] == availWidth and self.__dict__.get("blPara") is last[1]:
            self.width, self.height = availWidth, last[2]
            return availWidth, last[2]
        before = self.__dict__.get("blPara")
        width, height = super().wrap(availWidth, availHeight)
        lines = self.__dict__.get("blPara")
        if lines is not None and lines is not before:  # lines broken now (not a width too narrow for any)
            self._wrapped = (availWidth, lines, height)
        return width, height


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of plain text (never markup): anything a user typed goes in through here."""
    return TextParagraph(markup(text), style)


# Padding either side of a cell's text in the app's ruled tables (LEFTPADDING + RIGHTPADDING).
CELL_PADDING = 6.0


def plain_lines(text: str) -> str | None:
    """``text`` as a table draws a plain string, printing just what a Paragraph of it prints when it does not wrap:
    runs of spaces collapsed as a Paragraph collapses them. None when only a Paragraph prints it the same way:
    superscripts, tabs or other white space, an empty line, or a line that starts or ends with a space."""
    text = text.replace("\r\n", "\n")
    if any(c.isspace() and c not in " \n" for c in text) or any(s in text for s in _SUPERSCRIPTS):
        return None
    plain = []
    for line in text.split("\n"):
        if not line or line[0] == " " or line[-1] == " ":
            return None
        plain.append(" ".join(line.split()))
    return "\n".join(plain)


def cell(text: str, style: ParagraphStyle, width: float, padding: float = CELL_PADDING) -> str | Paragraph:
    """``text`` for a table cell ``width`` wide: a plain string when every line fits on one line, else a Paragraph
    that wraps. Both print the text literally; a table draws a string many times faster than it lays out a
    Paragraph. The table must set the style's font, size, leading and colour for the cell: see :func:`text_style`."""
    plain = plain_lines(text)
    if plain is not None:
        room = width - padding - 0.01
        font, size = style.fontName, style.fontSize
        if all(stringWidth(line, font, size) <= room for line in plain.split("\n")):
            return plain
    return paragraph(text, style)


def text_style(style: ParagraphStyle, start: tuple[int, int] = (0, 0), stop: tuple[int, int] = (-1, -1)) -> list[Any]:
    """The table style commands that print plain-string cells from ``start`` to ``stop`` as ``style`` prints."""
    return [
        ("FONTNAME", start, stop, style.fontName),
        ("FONTSIZE", start, stop, style.fontSize),
        ("LEADING", start, stop, style.leading),
        ("TEXTCOLOR", start, stop, style.textColor),
    ]


def data_table(header: Sequence[str], rows: Sequence[Sequence[str]], col_widths: Sequence[float]) -> Table:
    """A ruled table of plain text whose header row repeats on every page and whose cells wrap.

    A cell whose text fits on its lines is a plain string; any other is a Paragraph, so long text wraps inside its
    column instead of running over the next one.
    """
    style = styles()
    widths = list(col_widths)
    data = [[cell(text, style.cell_header, width) for text, width in zip(header, widths, strict=True)]]
    data.extend([cell(text, style.cell, width) for text, width in zip(row, widths, strict=True)] for row in rows)
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(_data_table_style())
    return table


@functools.cache
def _data_table_style() -> TableStyle:
    style = styles()
    return TableStyle(
        [
            *text_style(style.cell),  # for the plain-string cells: the document font, never Helvetica
            *text_style(style.cell_header, (0, 0), (-1, 0)),
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


# -- building --------------------------------------------------------------------------------------------


class SectionStart(Flowable):  # type: ignore[misc]  # reportlab has no type stubs
    """Starts a section (one document of several in a file): from the page it is drawn on, headers and footers
    use ``info`` and pages are counted from 1 again. Put it first on a fresh page."""

    def __init__(self, info: PageInfo) -> None:
        super().__init__()
        self.info = info
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        number = getattr(self.canv, "_section", (0, None))[0] + 1
        self.canv._section = (number, self.info)


def _canvas_class(info: PageInfo) -> type[Canvas]:
    """A canvas that holds its pages back until the end, so each footer can say "page X of Y"
    (of the whole file, or of each section that a :class:`SectionStart` began)."""
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
            sections = [state.get("_section", (0, None)) for state in self._held_pages]
            totals = Counter(number for number, _section_info in sections)
            seen: Counter[int] = Counter()
            for state, (section, section_info) in zip(self._held_pages, sections, strict=True):
                seen[section] += 1
                self.__dict__.update(state)
                _draw_header_and_footer(self, section_info or info, font, seen[section], totals[section])
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
    if info.watermark:
        _draw_watermark(canvas, info.watermark, info.landscape, font)


def _draw_watermark(canvas: Canvas, text: str, landscape: bool, font: str) -> None:
    """``text`` diagonally across the page, sized to span about three quarters of the diagonal."""
    width, height = page_size(landscape)
    diagonal = (width**2 + height**2) ** 0.5
    natural = canvas.stringWidth(text, font, 1)
    size = min(_WATERMARK_MAX_SIZE, 0.75 * diagonal / natural) if natural else _WATERMARK_MAX_SIZE
    canvas.saveState()
    canvas.setFillColor(_WATERMARK_COLOUR)
    canvas.setFont(font, size)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(math.degrees(math.atan2(height, width)))
    canvas.drawCentredString(0, -size * 0.35, text)  # centred on the page, not on the baseline
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
    _write(buffer.getvalue(), output)


def build_sections(
    sections: Sequence[tuple[PageInfo, Sequence[Flowable]]], output: Path | BinaryIO, *, title: str = ""
) -> None:
    """Several documents in one file (a day's packets): each starts on a new page, with its own header and footer,
    and counts its own pages ("page X of Y" of that section). All sections share the first one's orientation."""
    if not sections:
        raise ValueError("no sections to build")
    first = sections[0][0]
    if any(info.landscape != first.landscape for info, _story in sections):
        raise ValueError("the sections of one file must share one orientation")
    story: list[Flowable] = []
    for index, (info, flowables) in enumerate(sections):
        if index:
            story.append(PageBreak())
        story.append(SectionStart(info))
        story.extend(flowables)
    build_document(story, first, output, title=title)


def _write(data: bytes, output: Path | BinaryIO) -> None:
    if isinstance(output, Path):
        output.write_bytes(data)
    else:
        output.write(data)
