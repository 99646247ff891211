"""The visit list: a week's or a month's visits on landscape A4, for the clinic desk. Subjects by number only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, Spacer

from coordinator_app.documents.page import MM, PageInfo, build_document, content_width, data_table, paragraph, styles
from coordinator_app.domain.protocol import Text
from coordinator_app.domain.schedule import VisitStatus

# -- the document's fixed text, English and Chinese side by side -----------------------------------------

DOCUMENT_NAME = "Visit list / 访视清单"
DOCUMENT_VERSION = "1.0"

PERIOD = "{first} to / 至 {last}"
SUMMARY = "Visits / 访视: {visits}   ·   infusions / 输注: {infusions}   ·   days with visits / 有访视的天数: {days}"
NO_VISITS = "No visits in this period. / 此期间无访视。"
HEADINGS = (
    "Date / 日期",
    "Subject no. / 受试者编号",
    "Visit / 访视",
    "Visit name / 访视名称",
    "Window / 访视窗",
    "Status / 状态",
    "Infusion / 输注",
    "Arrived / 已到",
    "Notes / 备注",
)
_WIDTHS = (24, 22, 14, 58, 26, 25, 14, 13, 44)

WEEKDAYS = ("Mon / 周一", "Tue / 周二", "Wed / 周三", "Thu / 周四", "Fri / 周五", "Sat / 周六", "Sun / 周日")
STATUSES: Mapping[VisitStatus, str] = {
    VisitStatus.SCHEDULED: "scheduled / 已预约",
    VisitStatus.DONE: "done / 已完成",
    VisitStatus.MISSED: "missed / 未到访",
    VisitStatus.CANCELLED: "cancelled / 已取消",
}
OVERDUE = "overdue / 已超窗"
INFUSION = "yes / 是"


@dataclass(frozen=True)
class VisitListRow:
    date: dt.date
    subject_number: str
    visit_code: str
    visit_name: Text
    window_start: dt.date
    window_end: dt.date
    status: VisitStatus
    infusion: bool
    overdue: bool = False


def _cells(row: VisitListRow) -> list[str]:
    name = row.visit_name
    status = STATUSES.get(row.status, row.status.value).replace(" / ", "\n", 1)
    if row.overdue:
        status += f"\n{OVERDUE}"
    window = (
        row.window_start.isoformat()
        if row.window_start == row.window_end
        else f"{row.window_start.isoformat()} –\n{row.window_end.isoformat()}"
    )
    return [
        f"{row.date.isoformat()}\n{WEEKDAYS[row.date.weekday()]}",
        row.subject_number,
        row.visit_code,
        "\n".join(part for part in (name.en, name.zh) if part),
        window,
        status,
        INFUSION if row.infusion else "",
        "",  # the cell is the box to tick
        "",
    ]


def build_visit_list_pdf(
    rows: Sequence[VisitListRow],
    *,
    trial_id: str,
    first: dt.date,
    last: dt.date,
    generated_at: dt.datetime,
    output: Path | BinaryIO,
) -> None:
    """Write the visits from ``first`` through ``last`` (in the order given) as a landscape A4 PDF."""
    style = styles()
    width = content_width(is_landscape=True)
    scale = width / sum(_WIDTHS)
    period = PERIOD.format(first=first.isoformat(), last=last.isoformat())
    story: list[Flowable] = [
        paragraph(DOCUMENT_NAME, style.title),
        paragraph(f"{trial_id}   ·   {period}", style.subtitle),
        paragraph(
            SUMMARY.format(
                visits=len(rows),
                infusions=sum(row.infusion for row in rows),
                days=len({row.date for row in rows}),
            ),
            style.body,
        ),
        Spacer(width, 2 * MM),
    ]
    if rows:
        headings = [heading.replace(" / ", "\n", 1) for heading in HEADINGS]
        story.append(data_table(headings, [_cells(row) for row in rows], [w * scale for w in _WIDTHS]))
    else:
        story.append(paragraph(NO_VISITS, style.body))
    info = PageInfo(
        trial_id=trial_id,
        document_name=f"{DOCUMENT_NAME} {period}",
        version=DOCUMENT_VERSION,
        generated_at=generated_at,
        landscape=True,
    )
    build_document(story, info, output, title=f"{DOCUMENT_NAME} — {trial_id} {first} – {last}")
