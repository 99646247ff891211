"""The month view: a calendar that paints small coloured markers on the days with visits, and its legend."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import QDate, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette, QPixmap, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QGridLayout, QHBoxLayout, QLabel, QWidget

from coordinator_app.gui.calendar.markers import HOLIDAY_BACKGROUND, MARKER_COLOURS, Marker, marker_for, marker_name
from coordinator_app.gui.formatting import from_qdate, to_qdate
from coordinator_app.services.schedule import DayCount
from coordinator_app.services.workdays import day_flag

_DOT = 7  # marker diameter in pixels


def grid_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    """Every day the month's page can show, including the neighbouring months' days on its grid."""
    first = dt.date(year, month, 1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return first - dt.timedelta(days=7), last + dt.timedelta(days=14)


class VisitCalendar(QCalendarWidget):
    """A month calendar whose cells carry one dot per kind of visit that day (with a count when several)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._markers: dict[dt.date, Counter[Marker]] = {}
        self._formatted: list[QDate] = []
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)

    def set_counts(self, counts: Sequence[DayCount]) -> None:
        """Mark the days with the visits counted on them."""
        markers: dict[dt.date, Counter[Marker]] = {}
        for day in counts:
            marker = marker_for(day.status, day.infusion, day.overdue)
            if marker is not None:
                markers.setdefault(day.date, Counter())[marker] += day.visits
        self._markers = markers
        self._flag_days()
        self.updateCells()

    def markers(self, day: dt.date) -> dict[Marker, int]:
        """The markers painted on ``day``, in painting order, with how many visits each stands for."""
        counts = self._markers.get(day, Counter())
        return {marker: counts[marker] for marker in Marker if counts[marker]}

    def _flag_days(self) -> None:
        """Public holidays get a tinted cell; a make-up working weekend day (调休) is not painted as a weekend."""
        for formatted in self._formatted:
            self.setDateTextFormat(formatted, QTextCharFormat())
        self._formatted = []
        first, last = grid_range(self.yearShown(), self.monthShown())
        day = first
        while day <= last:
            flag = day_flag(day)
            if flag is not None and flag.kind == "holiday":
                holiday = QTextCharFormat()
                holiday.setBackground(QBrush(HOLIDAY_BACKGROUND))
                holiday.setForeground(QBrush(QColor("#a00000")))
                self._set_format(day, holiday)
            elif flag is None and day.weekday() >= 5:
                working = QTextCharFormat()
                working.setForeground(QBrush(self.palette().color(QPalette.ColorRole.Text)))
                self._set_format(day, working)
            day += dt.timedelta(days=1)

    def _set_format(self, day: dt.date, text_format: QTextCharFormat) -> None:
        self.setDateTextFormat(to_qdate(day), text_format)
        self._formatted.append(to_qdate(day))

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        super().paintCell(painter, rect, date)
        day = from_qdate(date)
        markers = self.markers(day)
        if not markers:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(painter.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        parts = [
            (marker, count, metrics.horizontalAdvance(str(count)) if count > 1 else 0)
            for marker, count in markers.items()
        ]
        width = sum(_DOT + text + 3 for _, _, text in parts) - 3
        x = rect.center().x() - width / 2
        y = rect.bottom() - _DOT - 3
        for marker, count, text_width in parts:
            colour = MARKER_COLOURS[marker]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(QRectF(x, y, _DOT, _DOT))
            x += _DOT
            if count > 1:
                painter.setPen(colour)
                painter.drawText(
                    QRectF(x + 1, y - 3, text_width + 2, _DOT + 6), Qt.AlignmentFlag.AlignVCenter, str(count)
                )
                x += text_width
            x += 3
        painter.restore()


def marker_icon(colour: QColor, size: int = 10) -> QPixmap:
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(0, 0, size - 1, size - 1)
    painter.end()
    return pixmap


class MarkerLegend(QWidget):
    """What each colour on the calendar means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(2)
        entries = [self._entry(marker_icon(MARKER_COLOURS[marker]), marker_name(marker)) for marker in Marker]
        entries.append(self._entry(marker_icon(HOLIDAY_BACKGROUND.darker(130)), self.tr("Public holiday")))
        for number, entry in enumerate(entries):
            layout.addWidget(entry, number // 2, number % 2, Qt.AlignmentFlag.AlignLeft)
        layout.setColumnStretch(2, 1)

    def _entry(self, pixmap: QPixmap, text: str) -> QWidget:
        entry = QWidget(self)
        row = QHBoxLayout(entry)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)
        icon = QLabel(entry)
        icon.setPixmap(pixmap)
        row.addWidget(icon)
        row.addWidget(QLabel(text, entry))
        return entry
