"""A trend chart painted with QPainter: one small panel per series over the sample dates, with the infusion days
marked by vertical lines across every panel. No QtCharts: the app ships without it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from coordinator_app.gui.formatting import format_date

LINE = QColor("#1f5fbf")
INFUSION = QColor("#2e7d32")
GRID = QColor("#d0d0d0")


@dataclass(frozen=True)
class Series:
    name: str  # already translated, with its unit
    points: tuple[tuple[dt.date, float], ...]  # by date


@dataclass(frozen=True)
class Marker:
    label: str  # "D1"
    day: dt.date


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: tuple[Series, ...] = ()
        self._markers: tuple[Marker, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.empty_text = self.tr("No liver scores or lab values to chart yet.")

    def sizeHint(self) -> QSize:
        return QSize(520, 260)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 120)

    def set_data(self, series: Sequence[Series], markers: Sequence[Marker]) -> None:
        self._series = tuple(s for s in series if s.points)
        self._markers = tuple(markers)
        self.update()

    def series(self) -> tuple[Series, ...]:
        return self._series

    def has_data(self) -> bool:
        return bool(self._series)

    def _date_range(self) -> tuple[dt.date, dt.date]:
        days = [d for s in self._series for d, _v in s.points] + [m.day for m in self._markers]
        first, last = min(days), max(days)
        if first == last:
            first, last = first - dt.timedelta(days=1), last + dt.timedelta(days=1)
        return first, last

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), self.palette().base())
            if not self._series:
                painter.setPen(self.palette().placeholderText().color())
                painter.drawText(
                    QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text
                )
                return
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        metrics = painter.fontMetrics()
        line = metrics.height()
        left, right, top, bottom = 8 + metrics.horizontalAdvance("0000.0"), 12.0, 4.0, line * 1.6
        width = max(self.width() - left - right, 10.0)
        height = max(self.height() - top - bottom, 10.0)
        panel_height = height / len(self._series)
        first, last = self._date_range()
        span = (last - first).days

        def x_of(day: dt.date) -> float:
            return left + width * (day - first).days / span

        text_pen = QPen(self.palette().text().color())
        for i, series in enumerate(self._series):
            box = QRectF(left, top + i * panel_height + line, width, panel_height - line * 1.4)
            values = [v for _d, v in series.points]
            low, high = min(values), max(values)
            if low == high:
                low, high = low - 1, high + 1
            pad = (high - low) * 0.1
            low, high = low - pad, high + pad

            def y_of(value: float, box: QRectF = box, low: float = low, high: float = high) -> float:
                return box.bottom() - box.height() * (value - low) / (high - low)

            painter.setPen(QPen(GRID, 1))
            painter.drawRect(box)
            painter.setPen(text_pen)
            painter.drawText(QPointF(box.left() + 4, box.top() - 3), series.name)
            for value in (low + pad, high - pad):
                label = f"{value:g}"
                painter.drawText(QPointF(left - 4 - metrics.horizontalAdvance(label), y_of(value) + line / 3), label)
            painter.setPen(QPen(INFUSION, 1, Qt.PenStyle.DashLine))
            for marker in self._markers:
                x = x_of(marker.day)
                painter.drawLine(QPointF(x, box.top()), QPointF(x, box.bottom()))
                if i == 0:
                    painter.drawText(QPointF(x + 3, box.top() + line), marker.label)
            path = QPainterPath()
            for n, (day, value) in enumerate(series.points):
                point = QPointF(x_of(day), y_of(value))
                if n == 0:
                    path.moveTo(point)
                else:
                    path.lineTo(point)
            painter.setPen(QPen(LINE, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(LINE)
            for day, value in series.points:
                painter.drawEllipse(QPointF(x_of(day), y_of(value)), 3, 3)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(text_pen)
        baseline = self.height() - line * 0.4
        painter.drawText(QPointF(left, baseline), format_date(first))
        end = format_date(last)
        painter.drawText(QPointF(left + width - metrics.horizontalAdvance(end), baseline), end)
