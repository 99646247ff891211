"""Small trend charts for printed documents: one panel per series over the sample dates, with the infusion days
marked by dashed vertical lines across every panel. Drawn with reportlab.graphics primitives, every string in the
embedded document font (never reportlab's standard Helvetica)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors

from coordinator_app.documents.fonts import document_font

LINE = colors.Color(0.12, 0.37, 0.75)
INFUSION = colors.Color(0.18, 0.49, 0.2)
GRID = colors.Color(0.8, 0.8, 0.8)
TEXT = colors.Color(0.15, 0.15, 0.15)

_LEFT = 40.0  # room for the value axis labels
_RIGHT = 14.0
_TOP = 22.0  # room for the series name, then the infusion labels
_BOTTOM = 14.0  # room for the date labels
_FONT_SIZE = 6.5
_TITLE_SIZE = 8.0
_DATE_LABEL_GAP = 32.0  # points between date labels' centres: a label is about 27 wide


@dataclass(frozen=True)
class TrendSeries:
    """One charted quantity: its printed name (with its unit) and its values by date."""

    name: str
    points: tuple[tuple[dt.date, float], ...]


@dataclass(frozen=True)
class TrendMarker:
    """A day marked across every panel, such as an infusion ("D1")."""

    label: str
    day: dt.date


def date_range(series: Sequence[TrendSeries], markers: Sequence[TrendMarker]) -> tuple[dt.date, dt.date]:
    """The first and last day any panel shows: every point and every marker, at least two days apart."""
    days = [day for s in series for day, _value in s.points] + [m.day for m in markers]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - dt.timedelta(days=1), last + dt.timedelta(days=1)
    return first, last


def _format_value(value: float) -> str:
    if value == int(value) and abs(value) >= 10:
        return str(int(value))
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def _value_range(values: Sequence[float]) -> tuple[float, float]:
    low, high = min(values), max(values)
    if low == high:
        pad = abs(low) * 0.1 or 1.0
        return low - pad, high + pad
    pad = (high - low) * 0.12
    return low - pad, high + pad


def trend_panel(
    series: TrendSeries,
    markers: Sequence[TrendMarker],
    first: dt.date,
    last: dt.date,
    width: float,
    height: float,
) -> Drawing:
    """One series as a line over ``first`` to ``last``, with the markers as dashed vertical lines."""
    font = document_font()
    drawing = Drawing(width, height)
    # The renderer starts every drawing by setting its initial font: the document font, or Helvetica gets in.
    drawing.initialFontName = font
    drawing.initialFontSize = _FONT_SIZE
    left, right = _LEFT, width - _RIGHT
    bottom, top = _BOTTOM, height - _TOP
    span = max((last - first).days, 1)

    def x_of(day: dt.date) -> float:
        return left + (right - left) * (day - first).days / span

    low, high = _value_range([value for _day, value in series.points])

    def y_of(value: float) -> float:
        return bottom + (top - bottom) * (value - low) / (high - low)

    drawing.add(Rect(left, bottom, right - left, top - bottom, strokeColor=GRID, strokeWidth=0.5, fillColor=None))
    drawing.add(String(2, height - _TITLE_SIZE - 1, series.name, fontName=font, fontSize=_TITLE_SIZE, fillColor=TEXT))
    values = [value for _day, value in series.points]
    for value in sorted({min(values), max(values)}):
        y = y_of(value)
        drawing.add(Line(left, y, right, y, strokeColor=GRID, strokeWidth=0.4, strokeDashArray=[1, 2]))
        drawing.add(
            String(
                left - 3,
                y - _FONT_SIZE / 3,
                _format_value(value),
                fontName=font,
                fontSize=_FONT_SIZE,
                fillColor=TEXT,
                textAnchor="end",
            )
        )
    for marker in markers:
        if first <= marker.day <= last:
            x = x_of(marker.day)
            drawing.add(Line(x, bottom, x, top, strokeColor=INFUSION, strokeWidth=0.8, strokeDashArray=[3, 2]))
            drawing.add(
                String(
                    x,
                    top + 2,
                    marker.label,
                    fontName=font,
                    fontSize=_FONT_SIZE,
                    fillColor=INFUSION,
                    textAnchor="middle",
                )
            )
    labelled: list[dt.date] = []
    for day in sorted({day for day, _value in series.points}):
        if not labelled or x_of(day) - x_of(labelled[-1]) >= _DATE_LABEL_GAP:  # no two labels overlap
            labelled.append(day)
    for day in labelled:
        drawing.add(
            String(
                x_of(day),
                bottom - _FONT_SIZE - 2,
                day.strftime("%y-%m-%d"),
                fontName=font,
                fontSize=_FONT_SIZE,
                fillColor=TEXT,
                textAnchor="middle",
            )
        )
    points = [(x_of(day), y_of(value)) for day, value in series.points]
    if len(points) > 1:
        drawing.add(PolyLine([c for point in points for c in point], strokeColor=LINE, strokeWidth=1.2))
    for x, y in points:
        drawing.add(Circle(x, y, 1.8, fillColor=LINE, strokeColor=LINE, strokeWidth=0.5))
    return drawing


def trend_panels(
    series: Sequence[TrendSeries], markers: Sequence[TrendMarker], width: float, panel_height: float
) -> list[Drawing]:
    """A panel for each series that has points, all over the same dates; none when nothing has points."""
    charted = [s for s in series if s.points]
    if not charted:
        return []
    first, last = date_range(charted, markers)
    return [trend_panel(s, markers, first, last, width, panel_height) for s in charted]
