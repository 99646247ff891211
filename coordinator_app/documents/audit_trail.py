"""The audit trail as a PDF for the monitor and the site file: one landscape table row per audit row, with the hash
chain's verdict on the first page.

A trail runs to hundreds of thousands of rows, so its table is never built whole: :class:`_StreamedTable` draws rows
from an iterator a page at a time and hands platypus one page-sized table after another, each under the header row.
Memory holds the rows of one page, not of the trail (the drawn pages stay in memory until their footers can say
"page X of Y": see page.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer, Table

from coordinator_app.documents.page import (
    MM,
    PageInfo,
    build_document,
    content_width,
    data_table,
    format_time,
    paragraph,
    styles,
)
from coordinator_app.domain.audit_trail import AuditRow

# -- the document's fixed text, English and Chinese side by side (a PDF has no Qt translation) -----------

DOCUMENT_NAME = "Audit trail / 稽查轨迹"
DOCUMENT_VERSION = "1.0"

HEADINGS = (
    "No.\n序号",
    "Time (local, then UTC)\n时间（本地 / UTC）",
    "User\n用户",
    "Action\n操作",
    "Table\n数据表",
    "Record\n记录",
    "Subject\n受试者",
    "Field\n字段",
    "Old value\n原值",
    "New value\n新值",
    "Reason\n原因",
)
# Relative column widths (about millimetres), scaled to the page: the times and table names fit on their lines.
_WIDTHS = (11, 37, 18, 12, 25, 12, 19, 28, 31, 31, 28)

ACTIONS: Mapping[str, str] = {"insert": "insert\n新增", "update": "update\n修改"}
SCOPE_LABELS: Mapping[str, str] = {
    "subject": "subject / 受试者",
    "user": "user / 用户",
    "table": "table / 数据表",
    "field": "field / 字段",
    "from": "from / 自",
    "to": "to / 至",
}
WHOLE_TRAIL = "Scope / 范围: the whole trail, all subjects / 全部稽查记录，所有受试者"
SCOPE = "Scope / 范围: {terms}"
ROW_COUNT = "Rows / 行数: {count}"
GENERATED_BY = "Generated / 生成于 {when}  ·  by / 生成人 {who}"
CHAIN_INTACT = "Hash chain verified: intact, {rows} rows checked. / 哈希链校验通过：记录完整，共校验 {rows} 行。"
CHAIN_BROKEN = (
    "Hash chain BROKEN at audit row {row}: {problem}. Rows from there on are not what the app wrote. / "
    "哈希链校验失败：第 {row} 行起的记录已在应用之外被改动或删除。"
)
NO_ROWS = "No audit rows match. / 没有符合条件的稽查记录。"
UTC = "UTC {time}"
CLIPPED = "… (+{count} characters in the CSV export / 其余 {count} 个字符见 CSV 导出)"

# A longer value (a whole protocol as JSON) is cut here, so that one row never fills a page; the CSV has it all.
MAX_CELL_CHARACTERS = 200
MAX_CELL_LINES = 4

_BROKEN_COLOUR = colors.Color(0.70, 0.15, 0.12)


def _clipped(text: str | None) -> str:
    """The value as printed: cut at MAX_CELL_LINES lines or MAX_CELL_CHARACTERS, saying how much more the CSV has."""
    if text is None:
        return ""
    if len(text) <= MAX_CELL_CHARACTERS and text.count("\n") < MAX_CELL_LINES:
        return text
    kept = "\n".join(text.split("\n")[:MAX_CELL_LINES])[:MAX_CELL_CHARACTERS]
    return kept + CLIPPED.format(count=len(text) - len(kept))


def _cells(row: AuditRow) -> list[str]:
    return [
        str(row.id),
        f"{row.local_time}\n{UTC.format(time=row.utc_time)}",
        row.actor,
        ACTIONS.get(row.action, row.action),
        row.table_name,
        row.record_id,
        row.subject,
        row.field or "",
        _clipped(row.old_value),
        _clipped(row.new_value),
        _clipped(row.reason),
    ]


class _StreamedTable(Flowable):  # type: ignore[misc]  # reportlab has no type stubs
    """The trail's table, built a page at a time from an iterator of rows.

    It never fits as a whole, so platypus asks it to split: it then takes as many rows as fit below what is already
    on the page, as one table under the header row, and hands on a continuation holding the rest of the iterator.
    """

    def __init__(
        self, rows: Iterator[list[str]], widths: Sequence[float], pending: list[list[str]], batch: int
    ) -> None:
        super().__init__()
        self._rows = rows
        self._widths = widths
        self._pending = pending  # rows taken from the iterator that no page has shown yet
        self._batch = batch  # rows to try on a page: a little more than the last page took
        self._exhausted = False

    def _take(self, count: int) -> None:
        while not self._exhausted and len(self._pending) < count:
            row = next(self._rows, None)
            if row is None:
                self._exhausted = True
            else:
                self._pending.append(row)

    def has_rows(self) -> bool:
        self._take(1)
        return bool(self._pending)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803  # reportlab's names
        return availWidth, availHeight + 1  # taller than any space: platypus calls split() for a page's worth

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803  # reportlab's names
        self._take(1)
        if not data_table(HEADINGS, self._pending[:1], self._widths).split(availWidth, availHeight):
            return []  # not even one row fits under what is on this page: platypus tries the next page
        while True:
            self._take(self._batch)
            parts = data_table(HEADINGS, self._pending, self._widths).split(availWidth, availHeight)
            fitted = parts[0]._nrows - 1  # the page's rows, without the header row
            if fitted < len(self._pending) or self._exhausted:
                break
            self._batch *= 2  # every row tried fits: try more
        page: Table = parts[0]
        rest = self._pending[fitted:]
        if not rest and self._exhausted:
            return [page]
        continuation = _StreamedTable(self._rows, self._widths, rest, fitted + fitted // 8 + 2)
        continuation._exhausted = self._exhausted
        return [page, continuation]

    def draw(self) -> None:  # never drawn: only the tables it splits into are
        raise AssertionError("a streamed table is only ever split")


def _chain_paragraph(rows_checked: int, chain_break: tuple[int, str] | None) -> Flowable:
    body = styles().body
    if chain_break is None:
        return paragraph(CHAIN_INTACT.format(rows=rows_checked), body)
    row, problem = chain_break
    broken = ParagraphStyle("AuditChainBroken", parent=body, textColor=_BROKEN_COLOUR)
    return paragraph(CHAIN_BROKEN.format(row=row, problem=problem), broken)


def _scope_line(scope: Mapping[str, str]) -> str:
    if not scope:
        return WHOLE_TRAIL
    return SCOPE.format(terms="; ".join(f"{SCOPE_LABELS[key]} {value}" for key, value in scope.items()))


def build_audit_trail_pdf(
    rows: Iterable[AuditRow],
    *,
    row_count: int,
    scope: Mapping[str, str],
    chain_rows_checked: int,
    chain_break: tuple[int, str] | None,
    trial_ids: str,
    generated_by: str,
    generated_at: dt.datetime,
    output: Path | BinaryIO,
) -> None:
    """Write ``rows`` (``row_count`` of them, oldest first) as a landscape A4 PDF.

    ``scope`` names the filter (keys of SCOPE_LABELS; empty for the whole trail); ``chain_break`` is the first
    broken row and what is wrong with it, None when the chain check found the trail intact.
    """
    style = styles()
    width = content_width(is_landscape=True)
    scale = width / sum(_WIDTHS)
    widths = [column * scale for column in _WIDTHS]
    story: list[Flowable] = [
        paragraph(DOCUMENT_NAME, style.title),
        paragraph(trial_ids, style.subtitle),
        _chain_paragraph(chain_rows_checked, chain_break),
        paragraph(_scope_line(scope), style.body),
        paragraph(ROW_COUNT.format(count=row_count), style.body),
        paragraph(GENERATED_BY.format(when=format_time(generated_at), who=generated_by), style.body),
        Spacer(width, 3 * MM),
    ]
    cells = (_cells(row) for row in rows)
    table = _StreamedTable(cells, widths, [], 40)
    if table.has_rows():
        story.append(table)
    else:
        story += [data_table(HEADINGS, [], widths), Spacer(width, 3 * MM), paragraph(NO_ROWS, style.body)]
    info = PageInfo(
        trial_id=trial_ids,
        document_name=DOCUMENT_NAME,
        version=DOCUMENT_VERSION,
        generated_at=generated_at,
        landscape=True,
    )
    build_document(story, info, output, title=DOCUMENT_NAME)
