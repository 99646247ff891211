"""China's working days: the holiday calendar's verdicts, and the cache that spares the calendar's first page the
holidays library (#10)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from coordinator_app.services import workdays


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(workdays.platformdirs, "user_cache_path", lambda *args, **kwargs: tmp_path)
    workdays._year.cache_clear()
    yield tmp_path
    workdays._year.cache_clear()


def test_spring_festival_weekend_and_make_up_working_day(cache_folder: Path) -> None:
    spring_festival = workdays.DayFlag("holiday", "Chinese New Year (Spring Festival)", "春节")
    assert workdays.day_flag(dt.date(2026, 2, 17)) == spring_festival
    assert workdays.day_flag(dt.date(2026, 3, 7)) == workdays.DayFlag("weekend")  # an ordinary Saturday
    assert workdays.day_flag(dt.date(2026, 3, 9)) is None  # an ordinary Monday
    make_up = [d for d in (dt.date(2026, 2, 14), dt.date(2026, 2, 28)) if workdays.day_flag(d) is None]
    assert make_up, "a Saturday worked in exchange for the Spring Festival break (调休) is a working day"


def test_a_year_is_read_from_the_cache_file_without_the_library(
    cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    computed = {day: workdays.day_flag(day) for day in _days(2026)}
    assert list(cache_folder.glob("workdays/CN-2026-*.json"))
    workdays._year.cache_clear()

    def no_library(year: int, language: str) -> None:
        raise AssertionError("the holidays library was asked again")

    monkeypatch.setattr(workdays, "_calendar", no_library)
    assert {day: workdays.day_flag(day) for day in _days(2026)} == computed


def test_a_damaged_cache_file_is_computed_again(cache_folder: Path) -> None:
    workdays.day_flag(dt.date(2026, 1, 1))
    (file,) = cache_folder.glob("workdays/CN-2026-*.json")
    file.write_text("{not json", encoding="utf-8")
    workdays._year.cache_clear()

    assert workdays.day_flag(dt.date(2026, 1, 1)) == workdays.DayFlag("holiday", "New Year's Day", "元旦")


def _days(year: int) -> list[dt.date]:
    first = dt.date(year, 1, 1)
    return [first + dt.timedelta(days=n) for n in range(365)]


def test_the_last_day_of_the_calendar_has_a_verdict(cache_folder: Path) -> None:
    """Dates typed far in the future reach the year 9999, whose last day has no day after it."""
    assert workdays.day_flag(dt.date(9999, 12, 31)) in (None, workdays.DayFlag("weekend"))
