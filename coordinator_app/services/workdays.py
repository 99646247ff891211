"""Mainland China's calendar: weekends, public holidays and the official make-up working days (调休).

The `holidays` library keeps the State Council's yearly arrangement, so a Saturday that is an
official working day is not flagged, and a weekday inside the Spring Festival break is.

Loading it and computing a year takes about 0.1 s, which the calendar's first page would wait for; so each year's
days are also kept in a small file in the user's cache folder, named after the app's and the library's install
(a new release of either computes the year again).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import astuple, dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from coordinator_app import __version__
from coordinator_app.services.settings import APP_NAME

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
    return _year(day.year).get(day)


@cache
def _year(year: int) -> Mapping[dt.date, DayFlag]:
    """The year's days that are not ordinary working days, from the cache file when it is there."""
    file = _cache_file(year)
    try:
        stored = json.loads(file.read_text(encoding="utf-8"))
        return {dt.date.fromisoformat(day): DayFlag(*flag) for day, flag in stored.items()}
    except (OSError, ValueError, TypeError):
        flags = _compute_year(year)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(json.dumps({day.isoformat(): astuple(flag) for day, flag in flags.items()}), encoding="utf-8")
    except OSError:
        pass  # a cache only: a read-only profile computes the year again next time
    return flags


def _compute_year(year: int) -> dict[dt.date, DayFlag]:
    english, chinese = _calendar(year, "en_US"), _calendar(year, "zh_CN")
    flags = {}
    first, last = dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
    for ordinal in range(first, last + 1):  # by ordinal: the day after 9999-12-31 does not exist
        day = dt.date.fromordinal(ordinal)
        name = english.get(day)
        if name:
            flags[day] = DayFlag("holiday", str(name), str(chinese.get(day) or name))
        elif not english.is_working_day(day):
            flags[day] = DayFlag("weekend")
    return flags


def _cache_file(year: int) -> Path:
    """Named after this install of the app and of the holidays library (without importing the library)."""
    spec = find_spec("holidays")
    stamp = ""
    try:
        stat = Path(spec.origin).stat() if spec is not None and spec.origin else None
    except OSError:  # the installable app keeps the library inside its archive: the app's version says it all
        stat = None
    if stat is not None:
        stamp = f"-{stat.st_mtime_ns}-{stat.st_size}"
    return platformdirs.user_cache_path(APP_NAME, appauthor=False) / "workdays" / f"CN-{year}-{__version__}{stamp}.json"


def next_working_day(after: dt.date) -> dt.date:
    day = after + dt.timedelta(days=1)
    while day_flag(day) is not None:
        day += dt.timedelta(days=1)
    return day
