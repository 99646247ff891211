"""The screening log as a PDF for the site file and the sponsor's monitor: one landscape table row per subject."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, Spacer

from coordinator_app.documents.page import MM, PageInfo, build_document, content_width, data_table, paragraph, styles
from coordinator_app.domain.screening_log import COLUMNS, ScreeningLogRow

# -- the document's fixed text, English and Chinese side by side (a PDF has no Qt translation) -----------

DOCUMENT_NAME = "Screening log / 筛选日志"
DOCUMENT_VERSION = "1.0"

HEADINGS: Mapping[str, str] = {
    "screening_no": "Screening no. / 筛选号",
    "subject_no": "Subject no. / 受试者编号",
    "initials": "Initials / 姓名缩写",
    "sex": "Sex / 性别",
    "age": "Age / 年龄",
    "assessment_date": "Assessed / 评估日期",
    "verdict": "Verdict / 判定",
    "failing_criteria": "Failing criteria / 未满足的标准",
    "missing_items": "Missing items / 缺失项目",
    "status": "Status / 状态",
    "enrolment_date": "Enrolled / 入组日期",
}

# Relative column widths, scaled to the page: the two lists get the room, dates fit on one line.
_WIDTHS: Mapping[str, float] = {
    "screening_no": 22,
    "subject_no": 22,
    "initials": 15,
    "sex": 12,
    "age": 11,
    "assessment_date": 20,
    "verdict": 21,
    "failing_criteria": 42,
    "missing_items": 42,
    "status": 24,
    "enrolment_date": 20,
}

SEXES: Mapping[str, str] = {"M": "M / 男", "F": "F / 女"}
VERDICTS: Mapping[str, str] = {
    "eligible": "eligible / 合格",
    "ineligible": "ineligible / 不合格",
    "incomplete": "incomplete / 资料不全",
}
STATUSES: Mapping[str, str] = {
    "screening": "screening / 筛选中",
    "enrolled": "enrolled / 已入组",
    "screen_failed": "screen failed / 筛选失败",
    "withdrawn": "withdrawn / 已退出",
    "completed": "completed / 已完成",
}

SUBJECT_COUNT = "Subjects screened / 筛选受试者: {count}"
BY_VERDICT = "By verdict / 按判定: {counts}"
BY_STATUS = "By status / 按状态: {counts}"
NO_SUBJECTS = "No subjects have been screened. / 尚无筛选受试者。"
COUNT_SEPARATOR = "; "


def _label(labels: Mapping[str, str], value: str) -> str:
    """The bilingual label of a known value; an unknown one is shown as it is rather than dropped."""
    return labels.get(value, value)


def _counts(values: Sequence[str], labels: Mapping[str, str]) -> str:
    """ "label n" for each value present: the known ones in their usual order, then any others."""
    counted = Counter(values)
    order = [value for value in labels if value in counted]
    order += sorted(value for value in counted if value not in labels)
    return COUNT_SEPARATOR.join(f"{_label(labels, value)} {counted[value]}" for value in order) or "—"


def _stacked(label: str) -> str:
    """ "English / 中文" as two lines, for a narrow cell: a wrap would otherwise split the Chinese word."""
    return label.replace(" / ", "\n", 1)


def _display_cells(row: ScreeningLogRow) -> list[str]:
    cells = dict(zip(COLUMNS, row.cells(), strict=True))
    cells["sex"] = _label(SEXES, cells["sex"])
    cells["verdict"] = _stacked(_label(VERDICTS, cells["verdict"]))
    cells["status"] = _stacked(_label(STATUSES, cells["status"]))
    return [cells[column] for column in COLUMNS]


def summary_lines(rows: Sequence[ScreeningLogRow]) -> list[str]:
    """The counts above the table: how many screened, by verdict and by status."""
    return [
        SUBJECT_COUNT.format(count=len(rows)),
        BY_VERDICT.format(counts=_counts([row.verdict for row in rows], VERDICTS)),
        BY_STATUS.format(counts=_counts([row.status for row in rows], STATUSES)),
    ]


def build_screening_log_pdf(
    rows: Sequence[ScreeningLogRow],
    *,
    trial_id: str,
    trial_title: str,
    generated_at: dt.datetime,
    output: Path | BinaryIO,
) -> None:
    """Write the screening log of a trial as a landscape A4 PDF, rows in the order given."""
    style = styles()
    width = content_width(is_landscape=True)
    scale = width / sum(_WIDTHS[column] for column in COLUMNS)
    story: list[Flowable] = [
        paragraph(DOCUMENT_NAME, style.title),
        paragraph(f"{trial_id} — {trial_title}" if trial_title else trial_id, style.subtitle),
    ]
    story += [paragraph(line, style.body) for line in summary_lines(rows)]
    story.append(Spacer(width, 3 * MM))
    story.append(
        data_table(
            [_stacked(HEADINGS[column]) for column in COLUMNS],
            [_display_cells(row) for row in rows],
            [_WIDTHS[column] * scale for column in COLUMNS],
        )
    )
    if not rows:
        story += [Spacer(width, 3 * MM), paragraph(NO_SUBJECTS, style.body)]
    info = PageInfo(
        trial_id=trial_id,
        document_name=DOCUMENT_NAME,
        version=DOCUMENT_VERSION,
        generated_at=generated_at,
        landscape=True,
    )
    build_document(story, info, output, title=f"{DOCUMENT_NAME} — {trial_id}")
