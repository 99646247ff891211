"""What the calendar paints and lists: the kind of each visit's marker, its colour, and shared wording."""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor

from coordinator_app.domain.protocol import Text
from coordinator_app.domain.schedule import VisitStatus
from coordinator_app.gui.formatting import format_date
from coordinator_app.services.schedule import CalendarVisit
from coordinator_app.services.workdays import DayFlag


class Marker(IntEnum):
    """One marker per kind of visit on a day, painted in this order."""

    OVERDUE = 0
    INFUSION = 1
    FOLLOW_UP = 2
    DONE = 3


MARKER_COLOURS: dict[Marker, QColor] = {
    Marker.OVERDUE: QColor("#d62728"),  # red: past its window and not done
    Marker.INFUSION: QColor("#7b3fb5"),  # purple: a dose of cells to prepare
    Marker.FOLLOW_UP: QColor("#1f77b4"),  # blue: a follow-up visit still to do
    Marker.DONE: QColor("#2ca02c"),  # green: done
}
HOLIDAY_BACKGROUND = QColor("#fde2e2")
OUT_OF_WINDOW = QColor("#b35900")


def marker_of(visit: CalendarVisit, today: dt.date) -> Marker | None:
    """The marker a visit puts on its day; missed and cancelled visits put none."""
    return marker_for(visit.status, visit.infusion, visit.overdue(today))


def marker_for(status: VisitStatus, infusion: bool, overdue: bool) -> Marker | None:
    """The marker of a visit of this kind (see :class:`DayCount`)."""
    if overdue:
        return Marker.OVERDUE
    if status is VisitStatus.DONE:
        return Marker.DONE
    if status is not VisitStatus.SCHEDULED:
        return None
    return Marker.INFUSION if infusion else Marker.FOLLOW_UP


def marker_name(marker: Marker) -> str:
    names = {
        Marker.OVERDUE: QCoreApplication.translate("Markers", "Overdue"),
        Marker.INFUSION: QCoreApplication.translate("Markers", "Infusion"),
        Marker.FOLLOW_UP: QCoreApplication.translate("Markers", "Follow-up visit"),
        Marker.DONE: QCoreApplication.translate("Markers", "Done"),
    }
    return names[marker]


def language() -> str:
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def visit_name(name: Text) -> str:
    return name.best(language())


def visit_title(code: str, name: Text) -> str:
    """ "W8 · Week 8": the code the protocol uses and the name in the user's language."""
    text = visit_name(name)
    return f"{code} · {text}" if text and text != code else code


def window_text(start: dt.date, end: dt.date) -> str:
    if start == end:
        return format_date(start)
    return QCoreApplication.translate("Markers", "{start} – {end}").format(
        start=format_date(start), end=format_date(end)
    )


def flag_text(flag: DayFlag | None) -> str:
    """Why a day is not an ordinary working day, for a warning next to a date; empty for a working day."""
    if flag is None:
        return ""
    if flag.kind == "holiday":
        name = flag.name_zh if language() == "zh" else flag.name_en
        return QCoreApplication.translate("Markers", "Public holiday: {name}").format(name=name)
    return QCoreApplication.translate("Markers", "Weekend")
