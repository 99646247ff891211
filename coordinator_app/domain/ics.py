"""Writing iCalendar (RFC 5545) files: the site's visits in any calendar program.

Each event keeps its UID for life and carries a SEQUENCE that grows with every change, so importing
an updated file updates the events instead of adding copies. Times are wall-clock times in
Asia/Shanghai (China has no daylight saving: one fixed +08:00 rule describes it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

TIME_ZONE = "Asia/Shanghai"
PRODUCT_ID = "-//Coordinator App//Trial visit calendar//EN"
_LINE_OCTETS = 75


@dataclass(frozen=True)
class IcsEvent:
    uid: str
    sequence: int
    start: dt.datetime  # wall-clock time in Asia/Shanghai, without tzinfo
    end: dt.datetime
    summary: str
    description: str = ""
    cancelled: bool = False
    categories: tuple[str, ...] = ()


def escape_text(value: str) -> str:
    """TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def fold(line: str) -> Iterator[str]:
    """Lines longer than 75 octets continue on lines that start with a space, never splitting a character."""
    current = ""
    for char in line:
        if len((current + char).encode("utf-8")) > _LINE_OCTETS:
            yield current
            current = " " + char
        else:
            current += char
    yield current


def _local(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _time_zone() -> list[str]:
    return [
        "BEGIN:VTIMEZONE",
        f"TZID:{TIME_ZONE}",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0800",
        "TZOFFSETTO:+0800",
        "TZNAME:CST",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]


def _event(event: IcsEvent, stamp: dt.datetime) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{_utc(stamp)}",
        f"SEQUENCE:{event.sequence}",
        f"DTSTART;TZID={TIME_ZONE}:{_local(event.start)}",
        f"DTEND;TZID={TIME_ZONE}:{_local(event.end)}",
        f"SUMMARY:{escape_text(event.summary)}",
        f"STATUS:{'CANCELLED' if event.cancelled else 'CONFIRMED'}",
        "TRANSP:OPAQUE",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.categories:
        lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in event.categories))
    lines.append("END:VEVENT")
    return lines


def calendar_text(events: Iterable[IcsEvent], *, name: str, stamp: dt.datetime) -> str:
    """The whole file, CRLF-terminated lines, folded; ``stamp`` (aware) is when it was written."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{TIME_ZONE}",
        *_time_zone(),
    ]
    for event in events:
        lines += _event(event, stamp)
    lines.append("END:VCALENDAR")
    return "".join(f"{folded}\r\n" for line in lines for folded in fold(line))
