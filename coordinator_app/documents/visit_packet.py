"""The visit packet: what a coordinator prints for one subject's visit and fills in by hand during it.

A cover with the visit, its target date and window and the procedures to tick; vital signs; the blood draw
with one label per tube; for a dose, the infusion record (chain of custody) and the vital-signs grid during
and after the infusion; adverse events; concomitant medications; signatures. Values the app already holds
print filled in, everything else as an empty box. The subject appears by number only, never by name.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from coordinator_app.documents.fonts import document_font
from coordinator_app.documents.page import (
    MM,
    PageInfo,
    TextParagraph,
    build_document,
    build_sections,
    cell,
    content_width,
    data_table,
    markup,
    paragraph,
    styles,
    text_style,
)
from coordinator_app.documents.trend_chart import TrendMarker, TrendSeries, trend_panels
from coordinator_app.domain.protocol import Procedure, Text
from coordinator_app.domain.schedule import VisitStatus

# -- the document's fixed text, English and Chinese side by side -----------------------------------------

DOCUMENT_NAME = "Visit packet / 访视资料包"
DOCUMENT_VERSION = "1.0"

UNCHECKED = "□"
CHECKED = "■"

COVER = {
    "subject": "Subject no. / 受试者编号",
    "visit": "Visit / 访视",
    "target": "Target date / 目标日期",
    "window": "Window / 访视窗",
    "booked": "Booked date / 预约日期",
    "status": "Status / 状态",
    "actual": "Date of visit / 实际访视日期",
    "not_booked": "not booked: target date / 未预约：按目标日期",
    "completed": "Visit completed / 访视完成",
}
WINDOW = "{start} to / 至 {end}"
WINDOW_SAME_DAY = "{day} (no window / 无窗口期)"
PROCEDURES = "Procedures / 访视操作清单"
PROCEDURE_HEADINGS = ("✓", "Procedure / 操作", "Done by / 执行人", "Time / 时间", "Notes / 备注")
NO_PROCEDURES = "The visit plan lists no procedures for this visit. / 访视计划未列出本次访视的操作。"
DEVIATIONS = "Protocol deviations recorded for this visit / 本次访视已记录的方案偏离"
DEVIATION_HEADINGS = ("Deviation / 偏离", "Reason / 原因")
STATUSES: Mapping[VisitStatus, str] = {
    VisitStatus.SCHEDULED: "scheduled / 已预约",
    VisitStatus.DONE: "done / 已完成",
    VisitStatus.MISSED: "missed / 未到访",
    VisitStatus.CANCELLED: "cancelled / 已取消",
}

VITALS = "Vital signs / 生命体征"
VITALS_HEADINGS = (
    "Time / 时间",
    "Temp. °C / 体温",
    "Pulse /min / 脉搏",
    "BP mmHg / 血压",
    "Resp. /min / 呼吸",
    "SpO2 % / 血氧饱和度",
    "Weight kg / 体重",
    "Initials / 签名",
)
VITALS_INFUSION_NOTE = (
    "Vital signs before, during and after the infusion: see the infusion record. / 输注前、中、后的生命体征见输注记录。"
)

LABS = "Blood draw / 采血"
LAB_HEADINGS = ("Order / 顺序", "Tube / 采血管", "For / 检测项目", "Drawn / 已采", "Time / 时间", "Initials / 签名")
NO_LABS = "No samples are taken at this visit. / 本次访视无需采集样本。"
LABELS = "Tube labels: cut out and stick on the tube / 试管标签：剪下贴于试管"
LABEL_TIME = "Time / 时间 ________   Init. / 签名 ______"

INFUSION = "Infusion record / 输注记录"
SAFETY = "Pre-infusion safety check / 输注前安全性核查"
SAFETY_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("active_infection", "Active infection? / 是否有活动性感染？"),
    ("spontaneous_peritonitis", "Spontaneous peritonitis? / 是否有自发性腹膜炎？"),
    ("gi_bleeding_last_4_weeks", "GI bleeding in the last 4 weeks? / 近4周内是否有消化道出血？"),
    ("investigator_clearance", "Investigator clears the infusion? / 研究者是否同意输注？"),
)
SAFETY_BY = "Checked by investigator / 核查研究者"
YES = "Yes / 是"
NO = "No / 否"
CUSTODY = "Cell product: chain of custody / 细胞产品：交接链"
CUSTODY_FIELDS: tuple[tuple[str, str], ...] = (
    ("product_lot", "Product lot / 产品批号"),
    ("release_certificate", "Release certificate / 放行证书编号"),
    ("cells_per_dose", "Cells per dose / 每剂细胞数"),
    ("viability_release_percent", "Viability at release % / 放行时活率"),
    ("received_at", "Received on the ward (time) / 病房接收时间"),
    ("received_by", "Received by / 接收人"),
    ("transport_temperature_c", "Transport temperature °C / 运输温度"),
    ("prepared_at", "Prepared (thawed) at / 制备（复苏）时间"),
    ("viability_bedside_percent", "Viability at the bedside % / 床旁活率"),
    ("identity_check", "Subject no. and lot checked at the bedside / 床旁核对受试者编号及批号"),
)
IDENTITY_CHECKED = f"{UNCHECKED} done / 已核对"
ADMINISTRATION = "Infusion / 输注"
ADMINISTRATION_FIELDS: tuple[tuple[str, str], ...] = (
    ("infusion_start", "Start / 开始时间"),
    ("infusion_end", "End / 结束时间"),
    ("volume_ml", "Volume mL / 输注体积"),
    ("rate_ml_per_hour", "Rate mL/h / 输注速度"),
    ("administered_by", "Administered by / 给药者"),
    ("administered_signature", "Signature / 签名"),
    ("checked_by", "Checked by (second person) / 核对者（第二人）"),
    ("checked_signature", "Signature / 签名"),
)
INFUSION_VITALS = "Vital signs during and after the infusion / 输注中及输注后生命体征"
INFUSION_VITALS_HEADINGS = (
    "Time point / 时间点",
    "Clock / 时刻",
    "Temp. °C / 体温",
    "Pulse /min / 脉搏",
    "Systolic mmHg / 收缩压",
    "Diastolic mmHg / 舒张压",
    "SpO2 % / 血氧",
    "Initials / 签名",
)
BEFORE_INFUSION = "{minutes} min before / 输注前{minutes}分钟"
AFTER_START = "+{minutes} min / 开始后{minutes}分钟"
REACTIONS = "Immediate reactions / 即刻反应"

AE = "Adverse event review / 不良事件评估"
AE_QUESTION = (
    "Any new adverse event, or a change to one already recorded, since the last visit? "
    "/ 自上次访视以来是否有新的不良事件或原有不良事件的变化？"
)
AE_ANSWER = f"{UNCHECKED} No / 否     {UNCHECKED} Yes, recorded below / 是，记录于下表"
AE_HEADINGS = (
    "Adverse event / 不良事件",
    "Onset / 开始日期",
    "End / 结束日期",
    "Grade (CTCAE) / 分级",
    "Serious / 严重",
    "Related / 相关性",
    "Action / 措施",
    "Outcome / 转归",
)
AE_NOTE = "Report a serious adverse event to the sponsor within 24 hours. / 严重不良事件须在24小时内报告申办方。"
AE_ASSESSMENTS = "Investigator's assessments / 研究者评估"
AE_NOT_ASSESSED = "not yet assessed by an investigator / 尚未经研究者评估"

CON_MEDS = "Concomitant medications / 合并用药"
CON_MED_QUESTIONS: tuple[tuple[str, str], ...] = (
    (
        "Antiviral therapy (e.g. entecavir, tenofovir) unchanged? / 抗病毒治疗（如恩替卡韦、替诺福韦）是否无变化？",
        f"{UNCHECKED} Yes / 是     {UNCHECKED} No, recorded below / 否，记录于下表",
    ),
    (
        "Human serum albumin given since the last visit? / 自上次访视以来是否使用人血白蛋白？",
        f"{UNCHECKED} No / 否     {UNCHECKED} Yes / 是, date / 日期 ________",
    ),
    (
        "Any other new, changed or stopped medication? / 是否有其他新增、变更或停用的药物？",
        f"{UNCHECKED} No / 否     {UNCHECKED} Yes, recorded below / 是，记录于下表",
    ),
)
CON_MED_HEADINGS = (
    "Medication (generic name) / 药物（通用名）",
    "Indication / 适应症",
    "Dose, unit / 剂量",
    "Route / 途径",
    "Frequency / 频次",
    "Start / 开始",
    "Stop or ongoing / 停止或持续",
)

TRENDS = "Trends / 趋势"
TRENDS_NOTE = (
    "Liver scores and lab values entered in the app up to this visit; dashed lines mark the infusions. "
    "/ 截至本次访视录入的肝脏评分及化验值；虚线为输注日期。"
)
TREND_PANEL_HEIGHT = 36 * MM

SIGNATURES = "Signatures / 签名"
SIGNATURE_STATEMENT = (
    "I confirm that the data of this visit are complete and correct. / 本人确认本次访视数据完整、准确。"
)
SIGNATURE_HEADINGS = ("Role / 角色", "Name / 姓名", "Signature / 签名", "Date / 日期")
COORDINATOR = "Study coordinator / 研究协调员"
INVESTIGATOR = "Investigator / 研究者"

# -- tubes: which sample each procedure needs, in the order of draw ---------------------------------------


@dataclass(frozen=True)
class Tube:
    """One tube (or container) to fill: what it is and what it is for."""

    key: str
    name: str  # bilingual, for the draw table
    short: str  # bilingual, for the label
    purpose: str  # bilingual, for the label


# Order of draw (CLSI GP41): citrate before serum tubes before EDTA, so additives do not carry over.
TUBES: tuple[Tube, ...] = (
    Tube("citrate", "Sodium citrate, light blue / 浅蓝色枸橼酸钠管", "Citrate, light blue / 浅蓝管", "PT/INR / 凝血"),
    Tube(
        "sst_chemistry",
        "Serum separator tube (SST), gold / 金黄色分离胶促凝管",
        "SST, gold / 金黄管",
        "Liver, renal, Na / 肝肾功能、电解质",
    ),
    Tube("sst_afp", "Serum separator tube (SST), gold / 金黄色分离胶促凝管", "SST, gold / 金黄管", "AFP / 甲胎蛋白"),
    Tube("edta_cbc", "EDTA, lavender / 紫色EDTA抗凝管", "EDTA, lavender / 紫管", "CBC / 血常规"),
    Tube(
        "edta_hbv_dna",
        "EDTA plasma, lavender / 紫色EDTA抗凝管（血浆）",
        "EDTA plasma, lavender / 紫管",
        "HBV DNA / 乙肝病毒DNA",
    ),
    Tube("urine", "Urine container / 尿杯", "Urine / 尿杯", "Pregnancy test / 妊娠试验"),
)
TUBE_OF_PROCEDURE: Mapping[str, str] = {
    "coagulation": "citrate",
    "lab_liver": "sst_chemistry",
    "renal": "sst_chemistry",
    "afp": "sst_afp",
    "cbc": "edta_cbc",
    "hbv_dna": "edta_hbv_dna",
    "pregnancy_test": "urine",
}


def tubes_for(procedures: Sequence[Procedure]) -> list[tuple[Tube, tuple[Procedure, ...]]]:
    """The tubes a visit's procedures need, in the order of draw, each with the procedures it serves."""
    served: dict[str, list[Procedure]] = {}
    for procedure in procedures:
        key = TUBE_OF_PROCEDURE.get(procedure.code)
        if key is not None:
            served.setdefault(key, []).append(procedure)
    return [(tube, tuple(served[tube.key])) for tube in TUBES if tube.key in served]


# -- what the packet prints ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class VitalSignsEntry:
    """One time point of the infusion's vital signs; empty strings print as boxes."""

    minute: int
    clock: str = ""
    temperature_c: str = ""
    pulse_per_min: str = ""
    systolic_mmhg: str = ""
    diastolic_mmhg: str = ""
    spo2_percent: str = ""


@dataclass(frozen=True)
class InfusionEntry:
    """A saved infusion record, its times already formatted for the site's clock."""

    product_lot: str
    release_certificate: str
    cells_per_dose: str
    viability_release_percent: str
    viability_bedside_percent: str
    transport_temperature_c: str
    prepared_at: str
    infusion_start: str
    infusion_end: str
    volume_ml: str
    rate_ml_per_hour: str
    administered_by: str
    checked_by: str
    immediate_reactions: str
    vital_signs: tuple[VitalSignsEntry, ...]
    administered_signature: str = ""  # the e-signature ("administered") as it prints

    def field(self, name: str) -> str:
        """A chain-of-custody or administration field by name; "" for those the app does not record."""
        value = getattr(self, name, "")
        return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class SafetyCheckEntry:
    active_infection: bool
    spontaneous_peritonitis: bool
    gi_bleeding_last_4_weeks: bool
    investigator_clearance: bool
    investigator: str
    checked_at: str


@dataclass(frozen=True)
class AdverseEventEntry:
    """An AE already recorded for the subject, with its signed assessment ("" while unsigned)."""

    term: str
    onset: str
    end: str
    grade: str
    serious: str
    related: str
    action: str
    outcome: str
    assessment: str


@dataclass(frozen=True)
class DeviationEntry:
    description: str
    reason: str


@dataclass(frozen=True)
class VisitPacket:
    """Everything one packet prints. ``subject_number`` is the only identifier: no name."""

    trial_id: str
    subject_number: str
    visit_code: str
    visit_name: Text
    target_date: dt.date
    window_start: dt.date
    window_end: dt.date
    booked_date: dt.date | None
    status: VisitStatus
    actual_date: dt.date | None
    label_date: dt.date  # the date the tube labels carry: the visit's date on the calendar
    procedures: tuple[Procedure, ...]
    infusion: bool = False
    vital_sign_minutes: tuple[int, ...] = ()
    needs_safety_check: bool = False
    infusion_record: InfusionEntry | None = None
    safety_check: SafetyCheckEntry | None = None
    deviations: tuple[DeviationEntry, ...] = ()
    trends: tuple[TrendSeries, ...] = ()  # liver scores and lab values up to the visit's date; none: no section
    trend_markers: tuple[TrendMarker, ...] = ()  # the infusions given (D1, D2) up to the visit's date
    completion_signature: str = ""  # the e-signature ("completed visit") as it prints
    adverse_events: tuple[AdverseEventEntry, ...] = ()  # recorded so far, up to the visit's date


# -- building blocks other documents share -------------------------------------------------------------------

_GRID = colors.Color(0.55, 0.55, 0.55)
_SHADE = colors.Color(0.92, 0.93, 0.95)
_BOX_HEIGHT = 7 * MM
_TOP_PADDING = 2.5
_BOTTOM_PADDING = 3
_PADDING_HEIGHT = _TOP_PADDING + _BOTTOM_PADDING


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """:func:`paragraph` with the tick boxes (□ ■) enlarged to a size a pen can tick."""
    size = style.fontSize * 1.45
    safe = markup(text)
    for box in (UNCHECKED, CHECKED):
        safe = safe.replace(box, f'<font size="{size:.1f}">{box}</font>')
    return TextParagraph(safe, style)


def _stacked(label: str) -> str:
    """ "English / 中文" as two lines, for a narrow column head: a wrap would otherwise split the Chinese word."""
    return label.replace(" / ", "\n", 1)


def _bilingual_name(text: Text) -> str:
    if text.en and text.zh:
        return f"{text.en}\n{text.zh}"
    return text.en or text.zh


def _value(text: str, style: ParagraphStyle, width: float) -> Flowable | str:
    """A filled value in a cell ``width`` wide (plain when it fits, see :func:`cell`), or (empty) a box tall enough
    to write in."""
    if not text:
        return Spacer(1, _BOX_HEIGHT - 5)
    if UNCHECKED in text or CHECKED in text:
        return para(text, style)
    return cell(text, style, width)


def _values(values: Sequence[str], style: ParagraphStyle, widths: Sequence[float]) -> list[Flowable | str]:
    """:func:`_value` for each cell of a row, but only the first empty one a box: that sets the row's height, and
    the others, plain empty cells (a line of text, lower than the box), need no laying out."""
    row: list[Flowable | str] = []
    boxed = False
    for value, width in zip(values, widths, strict=True):
        if value or not boxed:
            row.append(_value(value, style, width))
            boxed = boxed or not value
        else:
            row.append("")
    return row


def _ruled(table: Table, shaded_columns: Sequence[int] = (), header: bool = False) -> Table:
    """Rules ``table``; its plain-string cells print in the cell style (all of this module's cells use it)."""
    table.setStyle(_ruled_style(tuple(shaded_columns), header))
    return table


@functools.cache
def _ruled_style(shaded_columns: tuple[int, ...], header: bool) -> TableStyle:
    commands: list[tuple[object, ...]] = [
        *text_style(styles().cell),  # for the plain-string cells: the document font, never Helvetica
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.5, _GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), _TOP_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), _BOTTOM_PADDING),
    ]
    commands += [("BACKGROUND", (column, 0), (column, -1), _SHADE) for column in shaded_columns]
    if header:
        commands += text_style(styles().cell_header, (0, 0), (-1, 0))
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.86, 0.88, 0.91)))
    return TableStyle(commands)


def form_fields(fields: Sequence[tuple[str, str]], columns: int = 2) -> Table:
    """Label/value pairs, ``columns`` pairs a row; an empty value is a box to fill by hand."""
    style = styles()
    width = content_width()
    label_width = width / columns * 0.45
    value_width = width / columns - label_width
    rows: list[list[Flowable | str]] = []
    for start in range(0, len(fields), columns):
        pairs = fields[start : start + columns]
        values = _values([value for _label, value in pairs], style.cell, [value_width] * len(pairs))
        row: list[Flowable | str] = []
        for (label, _value_text), value in zip(pairs, values, strict=True):
            row += [cell(label, style.cell, label_width), value]
        while len(row) < 2 * columns:
            row += ["", ""]  # no taller than the label beside them
        rows.append(row)
    table = Table(rows, colWidths=[label_width, value_width] * columns)
    return _ruled(table, shaded_columns=range(0, 2 * columns, 2))


def blank_table(headings: Sequence[str], filled: Sequence[Sequence[str]], widths: Sequence[float], rows: int) -> Table:
    """A ruled table with a header, the ``filled`` rows, then empty rows up to ``rows`` for handwriting."""
    style = styles()
    data: list[list[Flowable | str]] = [
        [cell(_stacked(heading), style.cell_header, width) for heading, width in zip(headings, widths, strict=True)]
    ]
    data += [_values(values, style.cell, widths) for values in filled]
    heights: list[float | None] = [None] * len(data)
    blank = max(rows + 1 - len(data), 0)
    data += [[""] * len(headings) for _row in range(blank)]
    heights += [_BOX_HEIGHT + 1 + _PADDING_HEIGHT] * blank  # as tall as a box to write in
    table = Table(data, colWidths=list(widths), rowHeights=heights, repeatRows=1)
    return _ruled(table, header=True)


def question_table(questions: Sequence[tuple[str, str]]) -> Table:
    """Questions with their answer boxes beside them."""
    style = styles()
    width = content_width()
    rows = [[cell(question, style.cell, width * 0.6), para(answers, style.cell)] for question, answers in questions]
    return _ruled(Table(rows, colWidths=[width * 0.6, width * 0.4]), shaded_columns=(0,))


def signature_block(roles: Sequence[tuple[str, str]], statement: str = "") -> Flowable:
    """Name / signature / date lines for each (role, name already known or "") pair, kept on one page."""
    style = styles()
    width = content_width()
    parts: list[Flowable] = [paragraph(SIGNATURES, style.subtitle)]
    if statement:
        parts.append(paragraph(statement, style.body))
    widths = [width * 0.28, width * 0.28, width * 0.28, width * 0.16]
    rows: list[list[Flowable | str]] = [
        [cell(heading, style.cell_header, column) for heading, column in zip(SIGNATURE_HEADINGS, widths, strict=True)]
    ]
    for role, name in roles:
        rows.append([cell(role, style.cell, widths[0]), _value(name, style.cell, widths[1]), Spacer(1, 10 * MM), ""])
    table = Table(rows, colWidths=widths)
    parts.append(_ruled(table, shaded_columns=(0,), header=True))
    return KeepTogether(parts)


def heading(text: str) -> Paragraph:
    return paragraph(text, styles().subtitle)


def format_window(start: dt.date, end: dt.date) -> str:
    if start == end:
        return WINDOW_SAME_DAY.format(day=start.isoformat())
    return WINDOW.format(start=start.isoformat(), end=end.isoformat())


# -- the packet's parts --------------------------------------------------------------------------------------


def _cover(packet: VisitPacket) -> list[Flowable]:
    style = styles()
    width = content_width()
    name = packet.visit_name
    booked = packet.booked_date.isoformat() if packet.booked_date else COVER["not_booked"]
    status = STATUSES.get(packet.status, packet.status.value)
    story: list[Flowable] = [
        paragraph(DOCUMENT_NAME, style.title),
        paragraph(f"{packet.visit_code} — {name.en}" + (f" / {name.zh}" if name.zh else ""), style.subtitle),
        form_fields(
            [
                (COVER["subject"], packet.subject_number),
                (COVER["visit"], f"{packet.visit_code}\n{_bilingual_name(name)}"),
                (COVER["target"], packet.target_date.isoformat()),
                (COVER["window"], format_window(packet.window_start, packet.window_end)),
                (COVER["booked"], booked),
                (COVER["status"], status),
                (COVER["actual"], packet.actual_date.isoformat() if packet.actual_date else ""),
                *([(COVER["completed"], packet.completion_signature)] if packet.completion_signature else []),
            ],
            columns=1,
        ),
    ]
    if packet.deviations:
        story += [
            Spacer(width, 4 * MM),
            heading(DEVIATIONS),
            data_table(
                DEVIATION_HEADINGS,
                [(d.description, d.reason) for d in packet.deviations],
                [width * 0.6, width * 0.4],
            ),
        ]
    story += [Spacer(width, 4 * MM), heading(PROCEDURES)]
    if packet.procedures:
        rows = [[UNCHECKED, _bilingual_name(p.name), "", "", ""] for p in packet.procedures]
        story.append(
            blank_table(
                PROCEDURE_HEADINGS,
                rows,
                [width * 0.06, width * 0.46, width * 0.16, width * 0.1, width * 0.22],
                len(rows),
            )
        )
    else:
        story.append(paragraph(NO_PROCEDURES, style.body))
    return story


def _trends(packet: VisitPacket) -> list[Flowable]:
    """The trend charts, one small panel per series; nothing when no series has a point."""
    style = styles()
    width = content_width()
    panels = trend_panels(packet.trends, packet.trend_markers, width, TREND_PANEL_HEIGHT)
    if not panels:
        return []
    story: list[Flowable] = [paragraph(TRENDS, style.title), paragraph(TRENDS_NOTE, style.body)]
    for panel in panels:
        story += [Spacer(width, 2 * MM), panel]
    return story


def _vitals_and_labs(packet: VisitPacket) -> list[Flowable]:
    style = styles()
    width = content_width()
    story: list[Flowable] = []
    codes = {p.code for p in packet.procedures}
    if "vitals" in codes:
        story += [heading(VITALS), blank_table(VITALS_HEADINGS, [], [width / len(VITALS_HEADINGS)] * 8, 2)]
        if packet.infusion:
            story.append(Spacer(width, 1.5 * MM))
            story.append(paragraph(VITALS_INFUSION_NOTE, style.body))
        story.append(Spacer(width, 5 * MM))
    story.append(heading(LABS))
    tubes = tubes_for(packet.procedures)
    if not tubes:
        story.append(paragraph(NO_LABS, style.body))
        return story
    rows = [
        [str(order), _stacked(tube.name), "\n".join(p.name.en for p in served), UNCHECKED, "", ""]
        for order, (tube, served) in enumerate(tubes, start=1)
    ]
    story.append(blank_table(LAB_HEADINGS, rows, [w * width for w in (0.08, 0.27, 0.33, 0.08, 0.12, 0.12)], len(rows)))
    story += [Spacer(width, 5 * MM), heading(LABELS), _labels(packet, [tube for tube, _served in tubes])]
    return story


@functools.cache
def _label_style() -> ParagraphStyle:
    return ParagraphStyle("TubeLabelBig", parent=styles().cell, fontSize=10, leading=12.5)


def _labels(packet: VisitPacket, tubes: Sequence[Tube]) -> Table:
    """One label per tube, two to a row, with dashed cutting lines."""
    style = styles()
    big = _label_style()
    width = content_width()
    cells: list[object] = []
    for tube in tubes:
        cells.append(
            [
                paragraph(f"{packet.subject_number}   {packet.visit_code}", big),
                paragraph(f"{packet.label_date.isoformat()}   {tube.short}", style.cell),
                paragraph(tube.purpose, style.cell),
                paragraph(LABEL_TIME, style.cell),
            ]
        )
    rows: list[list[object]] = [list(cells[i : i + 2]) for i in range(0, len(cells), 2)]
    if len(rows[-1]) == 1:
        rows[-1].append("")
    table = Table(rows, colWidths=[width / 2, width / 2])
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), document_font()),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4 * MM),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5 * MM),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * MM),
    ]
    for index in range(len(cells)):
        cell = (index % 2, index // 2)
        commands.append(("BOX", cell, cell, 0.6, colors.black, None, (3, 2)))
    table.setStyle(TableStyle(commands))
    return table


def _mark(answer: bool | None) -> str:
    if answer is None:
        return f"{UNCHECKED} {YES}   {UNCHECKED} {NO}"
    return f"{CHECKED if answer else UNCHECKED} {YES}   {UNCHECKED if answer else CHECKED} {NO}"


def _minute_label(minute: int) -> str:
    if minute < 0:
        return BEFORE_INFUSION.format(minutes=-minute)
    return AFTER_START.format(minutes=minute)


def _infusion(packet: VisitPacket) -> list[Flowable]:
    style = styles()
    width = content_width()
    record = packet.infusion_record
    story: list[Flowable] = [paragraph(INFUSION, style.title)]
    if packet.needs_safety_check:
        check = packet.safety_check
        rows: list[list[Flowable | str]] = [
            [cell(question, style.cell, width * 0.6), para(_mark(getattr(check, key) if check else None), style.cell)]
            for key, question in SAFETY_QUESTIONS
        ]
        by = f"{check.investigator}   {check.checked_at}" if check else ""
        rows.append([cell(SAFETY_BY, style.cell, width * 0.6), _value(by, style.cell, width * 0.4)])
        story += [
            heading(SAFETY),
            _ruled(Table(rows, colWidths=[width * 0.6, width * 0.4]), shaded_columns=(0,)),
            Spacer(width, 4 * MM),
        ]
    custody = [
        (label, IDENTITY_CHECKED if key == "identity_check" else record.field(key) if record else "")
        for key, label in CUSTODY_FIELDS
    ]
    administration = [(label, record.field(key) if record else "") for key, label in ADMINISTRATION_FIELDS]
    story += [heading(CUSTODY), form_fields(custody), Spacer(width, 4 * MM)]
    story += [heading(ADMINISTRATION), form_fields(administration), Spacer(width, 4 * MM)]

    entered = {signs.minute: signs for signs in record.vital_signs} if record else {}
    minutes = sorted(set(packet.vital_sign_minutes) | set(entered))
    vitals = []
    for minute in minutes:
        signs = entered.get(minute, VitalSignsEntry(minute))
        vitals.append(
            [
                _minute_label(minute),
                signs.clock,
                signs.temperature_c,
                signs.pulse_per_min,
                signs.systolic_mmhg,
                signs.diastolic_mmhg,
                signs.spo2_percent,
                "",
            ]
        )
    story += [
        heading(INFUSION_VITALS),
        blank_table(INFUSION_VITALS_HEADINGS, vitals, [w * width for w in (0.2,) + (0.1143,) * 7], len(vitals)),
        Spacer(width, 4 * MM),
        form_fields([(REACTIONS, record.immediate_reactions if record else "")], columns=1),
    ]
    return story


def _adverse_events(packet: VisitPacket) -> list[Flowable]:
    """Recorded AEs first (to review for changes), then empty rows for new ones; below, who signed each
    assessment."""
    style = styles()
    width = content_width()
    recorded = [
        (e.term, e.onset, e.end, e.grade, e.serious, e.related, e.action, e.outcome) for e in packet.adverse_events
    ]
    widths = [w * width for w in (0.22, 0.11, 0.11, 0.1, 0.09, 0.11, 0.13, 0.13)]
    story: list[Flowable] = [
        paragraph(AE, style.title),
        question_table([(AE_QUESTION, AE_ANSWER)]),
        Spacer(width, 3 * MM),
        blank_table(AE_HEADINGS, recorded, widths, max(12, len(recorded) + 4)),
        Spacer(width, 2 * MM),
        paragraph(AE_NOTE, style.body),
    ]
    if packet.adverse_events:
        story += [Spacer(width, 3 * MM), heading(AE_ASSESSMENTS)]
        story += [
            paragraph(f"{e.term} ({e.onset}): {e.assessment or AE_NOT_ASSESSED}", style.body)
            for e in packet.adverse_events
        ]
    return story


def _concomitant_medications() -> list[Flowable]:
    style = styles()
    width = content_width()
    story: list[Flowable] = [paragraph(CON_MEDS, style.title)]
    story += [
        question_table(CON_MED_QUESTIONS),
        Spacer(width, 3 * MM),
        blank_table(CON_MED_HEADINGS, [], [w * width for w in (0.22, 0.16, 0.11, 0.1, 0.11, 0.13, 0.17)], 12),
        Spacer(width, 6 * MM),
        signature_block([(COORDINATOR, ""), (INVESTIGATOR, "")], SIGNATURE_STATEMENT),
    ]
    return story


def visit_packet_story(packet: VisitPacket) -> list[Flowable]:
    """The packet's flowables, each part starting on a new page."""
    story = _cover(packet)
    trends = _trends(packet)
    if trends:
        story += [PageBreak(), *trends]
    story += [PageBreak(), *_vitals_and_labs(packet)]
    if packet.infusion:
        story += [PageBreak(), *_infusion(packet)]
    story += [PageBreak(), *_adverse_events(packet), PageBreak(), *_concomitant_medications()]
    return story


def visit_packet_info(packet: VisitPacket, generated_at: dt.datetime) -> PageInfo:
    return PageInfo(
        trial_id=packet.trial_id,
        document_name=f"{DOCUMENT_NAME} — {packet.visit_code}",
        version=DOCUMENT_VERSION,
        generated_at=generated_at,
        subject_no=packet.subject_number,
    )


def build_visit_packet_pdf(packet: VisitPacket, *, generated_at: dt.datetime, output: Path | BinaryIO) -> None:
    """Write one visit packet as a portrait A4 PDF."""
    info = visit_packet_info(packet, generated_at)
    title = f"{DOCUMENT_NAME} — {packet.trial_id} {packet.subject_number} {packet.visit_code}"
    build_document(visit_packet_story(packet), info, output, title=title)


def build_visit_packets_pdf(
    packets: Sequence[VisitPacket], *, generated_at: dt.datetime, output: Path | BinaryIO, title: str = ""
) -> None:
    """Several packets in one file, each starting on a new page with its own header and page numbering."""
    sections = [(visit_packet_info(packet, generated_at), visit_packet_story(packet)) for packet in packets]
    build_sections(sections, output, title=title or DOCUMENT_NAME)
