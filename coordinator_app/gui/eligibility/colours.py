"""The colours and icons of verdicts and criterion states: green passes, red fails, amber is still missing."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from coordinator_app.domain.eligibility import CriterionState, Verdict

GREEN = "#1e7b34"
RED = "#b3261e"
AMBER = "#9a6200"
GREY = "#6b6b6b"

_BANNER = {
    Verdict.ELIGIBLE: ("#1e5f2c", "#e5f4e8", "#8cc79a"),
    Verdict.INELIGIBLE: ("#8a1c1c", "#fdecea", "#e6a6a6"),
    Verdict.INCOMPLETE: ("#6b4500", "#fff4dc", "#e8c477"),
}

_STATE_COLOURS = {
    CriterionState.MET: GREEN,
    CriterionState.DOES_NOT_APPLY: GREEN,
    CriterionState.FAILS: RED,
    CriterionState.APPLIES: RED,
    CriterionState.MISSING: AMBER,
    CriterionState.NOT_APPLICABLE: GREY,
}


def verdict_colour(verdict: Verdict) -> QColor:
    return QColor({Verdict.ELIGIBLE: GREEN, Verdict.INELIGIBLE: RED, Verdict.INCOMPLETE: AMBER}[verdict])


def banner_style(verdict: Verdict) -> str:
    """A label style sheet: dark text on a light tint of the verdict's colour, with a border."""
    text, background, border = _BANNER[verdict]
    return (
        f"QLabel {{ color: {text}; background: {background}; border: 1px solid {border}; "
        "border-radius: 3px; padding: 6px; }"
    )


def state_colour(state: CriterionState) -> QColor:
    return QColor(_STATE_COLOURS[state])


@cache
def state_icon(state: CriterionState) -> QIcon:
    """A painted disc: a tick (passes), a cross (fails), a question mark (missing) or a dash (not applicable)."""
    size = 32
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(state_colour(state))
    painter.drawEllipse(QRectF(2, 2, size - 4, size - 4))
    pen = QPen(QColor("white"), 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if state in {CriterionState.MET, CriterionState.DOES_NOT_APPLY}:
        tick = QPainterPath(QPointF(9, 17))
        tick.lineTo(14, 22)
        tick.lineTo(23, 11)
        painter.drawPath(tick)
    elif state in {CriterionState.FAILS, CriterionState.APPLIES}:
        painter.drawLine(QPointF(11, 11), QPointF(21, 21))
        painter.drawLine(QPointF(21, 11), QPointF(11, 21))
    elif state is CriterionState.MISSING:
        question = QPainterPath(QPointF(11.5, 12.5))
        question.cubicTo(11.5, 7, 20.5, 7, 20.5, 12.5)
        question.cubicTo(20.5, 16, 16, 16, 16, 19.5)
        painter.drawPath(question)
        painter.drawPoint(QPointF(16, 24.5))
    else:
        painter.drawLine(QPointF(10, 16), QPointF(22, 16))
    painter.end()
    return QIcon(pixmap)
