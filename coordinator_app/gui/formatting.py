"""Values as the user reads them: dates in the locale's format (they are ISO on disk)."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDate, QDateTime, QLocale, QTimeZone


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def _neutral(locale: QLocale) -> bool:
    """The "C" locale (no LANG set) formats dates as "1 12 2021": show ISO dates there instead."""
    return locale.language() == QLocale.Language.C


def format_date(day: dt.date | None) -> str:
    """The locale's short date (2026/11/25 in zh_CN, 11/25/26 in en_US); empty for no date."""
    if day is None:
        return ""
    locale = QLocale()
    if _neutral(locale):
        return day.isoformat()
    return locale.toString(to_qdate(day), QLocale.FormatType.ShortFormat)


def format_long_date(day: dt.date | None) -> str:
    """The locale's long date with the weekday (2026年11月25日星期三 in zh_CN)."""
    if day is None:
        return ""
    locale = QLocale()
    if _neutral(locale):
        return f"{day.isoformat()} ({locale.dayName(day.isoweekday())})"
    return locale.toString(to_qdate(day), QLocale.FormatType.LongFormat)


def format_instant(instant: dt.datetime) -> str:
    """A stored UTC instant in the desktop's local time."""
    local = QDateTime.fromSecsSinceEpoch(int(instant.timestamp()), QTimeZone.utc()).toLocalTime()
    locale = QLocale()
    if _neutral(locale):
        return local.toString("yyyy-MM-dd HH:mm")
    return locale.toString(local, QLocale.FormatType.ShortFormat)


def rich(text: str) -> str:
    """User or protocol text made safe for a rich-text label (QLabel does not decode &#x27;)."""
    return html.escape(text, quote=False)
