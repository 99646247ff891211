"""Mainland China's calendar: weekends, public holidays and the official make-up working days (调休).

The `holidays` library keeps the State Council's yearly arrangement, so a Saturday that is an
official working day is not flagged, and a weekday inside the Spring Festival break is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase


@dataclass(frozen=True)
class DayFlag:
    """Why a day is not an ordinary working day; ``holiday`` names are in English and Chinese."""

    kind: str  # "weekend" or "holiday"
    name_en: str = ""
    name_zh: str = ""


@cache
def _calendar(year: int, language: str) -> HolidayBase:
    import holidays  # ~90 ms with the first calendar (it loads every country's): only when a day is first flagged

    return holidays.country_holidays("CN", years=year, language=language)


def day_flag(day: dt.date) -> DayFlag | None:
    """None for a working day (including a make-up working Saturday or Sunday)."""
    english = _calendar(day.year, "en_US")
    name = english.get(day)
    if name:
        return DayFlag("holiday", str(name), str(_calendar(day.year, "zh_CN").get(day) or name))
    if not english.is_working_day(day):
        return DayFlag("weekend")
    return None


def next_working_day(after: dt.date) -> dt.date:
    day = after + dt.timedelta(days=1)
    while day_flag(day) is not None:
        day += dt.timedelta(days=1)
    return day
