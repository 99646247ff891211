"""The eligibility checklist for the site file: each criterion with the answers it rests on and their sources,
the verdict, the informed consent, and the investigator's signature block. Subjects by numbers and initials."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, Spacer

from coordinator_app.documents.e_signature import MEANINGS
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
from coordinator_app.documents.visit_packet import form_fields, heading, signature_block
from coordinator_app.domain.eligibility import (
    CONSENT,
    DATE_OF_BIRTH,
    SEX,
    Assessment,
    CriterionResult,
    CriterionState,
    FactDefinition,
    Verdict,
)
from coordinator_app.domain.protocol import Criterion, Eligibility, Text
from coordinator_app.domain.subjects import Sex, SubjectStatus

# -- the document's fixed text, English and Chinese side by side -----------------------------------------

DOCUMENT_NAME = "Eligibility checklist / 入选排除标准核查表"
DOCUMENT_VERSION = "1.0"

SUBJECT_FIELDS = {
    "screening": "Screening no. / 筛选号",
    "subject": "Subject no. / 受试者编号",
    "initials": "Initials / 姓名缩写",
    "sex": "Sex / 性别",
    "age": "Age at assessment / 评估时年龄",
    "assessed": "Assessment date / 评估日期",
    "status": "Status / 状态",
}
NOT_ENROLLED = "not enrolled / 未入组"
INCLUSION = "Inclusion criteria / 入选标准"
EXCLUSION = "Exclusion criteria / 排除标准"
HEADINGS = ("Code / 编号", "Criterion / 标准", "Answers and sources / 答案及来源", "Result / 结果")
_WIDTHS = (11, 52, 68, 25)
SOURCE = "source / 来源: {note}"
UNKNOWN = "unknown / 未知"
NO_SOURCE = "no source noted / 未注明来源"
RECORD = {
    DATE_OF_BIRTH: "Date of birth / 出生日期: subject record / 见受试者记录",
    SEX: "Sex / 性别: {sex}",
}
CONSENT_FACT = "Informed consent / 知情同意: {state}"
CONSENT_SIGNED_ON = "signed / 签署于 {day}"
CONSENT_MISSING = "not recorded / 未记录"
NO_RULE = "No rule decides this criterion: the investigator judges it. / 无判定规则：由研究者判断。"

VALUES = {"yes": "yes / 是", "no": "no / 否", "none": "none / 无"}
SEXES: Mapping[Sex, str] = {Sex.MALE: "male / 男", Sex.FEMALE: "female / 女"}
DERIVED = {
    "age_years": "age / 年龄 {value} years / 岁",
    "elapsed_years": "{value} years since / 距今 {value} 年",
    "elapsed_months": "{value} months since / 距今 {value} 个月",
    "value": "value / 数值 {value}",
    "difference": "difference / 差值 {value}",
    "days_before": "{value} days before assessment / 评估前 {value} 天",
}
STATES: Mapping[CriterionState, str] = {
    CriterionState.MET: "met / 符合",
    CriterionState.FAILS: "not met / 不符合",
    CriterionState.APPLIES: "applies: excluded / 符合排除标准",
    CriterionState.DOES_NOT_APPLY: "does not apply / 不符合排除标准",
    CriterionState.MISSING: "missing / 资料缺失",
    CriterionState.NOT_APPLICABLE: "not applicable to this sex / 不适用于该性别",
}
STATUSES: Mapping[SubjectStatus, str] = {
    SubjectStatus.SCREENING: "screening / 筛选中",
    SubjectStatus.ENROLLED: "enrolled / 已入组",
    SubjectStatus.SCREEN_FAILED: "screen failed / 筛选失败",
    SubjectStatus.WITHDRAWN: "withdrawn / 已退出",
    SubjectStatus.COMPLETED: "completed / 已完成",
}

VERDICT = "Verdict / 判定"
VERDICTS: Mapping[Verdict, str] = {
    Verdict.ELIGIBLE: "eligible / 合格",
    Verdict.INELIGIBLE: "ineligible / 不合格",
    Verdict.INCOMPLETE: "incomplete / 资料不全",
}
VERDICT_FIELDS = {
    "verdict": "Verdict on the assessment date / 评估日判定",
    "failing": "Failing criteria / 未满足的标准",
    "missing": "Missing items / 缺失项目",
    "signed": "Signed in the app / 系统内签署",
}
NOT_SIGNED = "not signed / 未签署"
SIGNED = "{verdict} — e-signed / 电子签名: {by}, {meaning}, {when}"
CONSENT_TITLE = "Informed consent / 知情同意"
CONSENT_FIELDS = {
    "version": "Consent version / 知情同意书版本",
    "signed": "Signed at / 签署时间",
    "obtained": "Obtained by / 获取人",
    "copy": "Copy given to the subject / 已向受试者提供副本",
}
COPY = {True: "yes / 是", False: "no / 否", None: "not recorded / 未记录"}
NO_CONSENT = "No informed consent is recorded. / 未记录知情同意。"
STATEMENT = (
    "I have reviewed the criteria against the source documents and confirm the verdict above. "
    "/ 本人已对照原始资料核查上述标准，并确认以上判定。"
)
INVESTIGATOR = "Investigator / 研究者"
COORDINATOR = "Study coordinator / 研究协调员"
NONE = "—"


@dataclass(frozen=True)
class FactAnswer:
    value: str  # canonical text, "" = unknown
    source_note: str


@dataclass(frozen=True)
class ConsentEntry:
    document_version: str
    signed_at: dt.datetime
    obtained_by: str
    copy_given: bool | None


@dataclass(frozen=True)
class SignoffEntry:
    verdict: Verdict
    signed_by: str
    signed_at: dt.datetime
    meaning: str
    reason: str


@dataclass(frozen=True)
class EligibilitySheet:
    """What the checklist prints about one subject: numbers and initials, never the name."""

    trial_id: str
    screening_number: str
    subject_number: str | None
    initials: str
    sex: Sex
    age_years: int
    status: SubjectStatus
    eligibility: Eligibility
    assessment: Assessment
    facts: Mapping[str, FactAnswer]
    consent: ConsentEntry | None
    signoff: SignoffEntry | None


def _bilingual(text: Text) -> str:
    return "\n".join(part for part in (text.en, text.zh) if part)


def _fact_value(definition: FactDefinition, answer: FactAnswer | None) -> str:
    if answer is None or not answer.value:
        return UNKNOWN
    value = VALUES.get(answer.value, answer.value)
    return f"{value} {definition.unit}" if definition.unit else value


def _answers(sheet: EligibilitySheet, result: CriterionResult) -> str:
    definitions = {d.name: d for d in sheet.eligibility.facts}
    lines: list[str] = []
    for name in result.facts:
        if name == DATE_OF_BIRTH:
            lines.append(RECORD[DATE_OF_BIRTH])
        elif name == SEX:
            lines.append(RECORD[SEX].format(sex=SEXES.get(sheet.sex, sheet.sex.value)))
        elif name == CONSENT:
            consent = sheet.consent
            state = CONSENT_SIGNED_ON.format(day=consent.signed_at.date().isoformat()) if consent else CONSENT_MISSING
            lines.append(CONSENT_FACT.format(state=state))
        elif name in definitions:
            definition = definitions[name]
            answer = sheet.facts.get(name)
            label = " / ".join(part for part in (definition.label.en, definition.label.zh) if part)
            lines.append(f"{label}: {_fact_value(definition, answer)}")
            if answer is not None and answer.value:
                lines.append("    " + SOURCE.format(note=answer.source_note or NO_SOURCE))
        else:
            lines.append(f"{name}: {UNKNOWN}")
    for key, value in result.derived:
        shown = f"{value.normalize():f}" if isinstance(value, Decimal) else str(value)
        lines.append("→ " + DERIVED.get(key, key + " {value}").format(value=shown))
    return "\n".join(lines) if lines else NO_RULE


def _criteria_table(sheet: EligibilitySheet, criteria: Sequence[Criterion]) -> Flowable:
    results = {r.code: r for r in sheet.assessment.results}
    width = content_width()
    rows = []
    for criterion in criteria:
        result = results.get(criterion.code)
        answers = _answers(sheet, result) if result else UNKNOWN
        state = STATES.get(result.state, result.state.value) if result else UNKNOWN
        rows.append([criterion.code, _bilingual(criterion.text), answers, state.replace(" / ", "\n", 1)])
    scale = width / sum(_WIDTHS)
    return data_table(HEADINGS, rows, [w * scale for w in _WIDTHS])


def _missing_labels(sheet: EligibilitySheet) -> str:
    definitions = {d.name: d for d in sheet.eligibility.facts}
    labels = []
    for name in sheet.assessment.missing:
        definition = definitions.get(name)
        labels.append(f"{definition.label.en} / {definition.label.zh}" if definition else name)
    return "\n".join(labels) or NONE


def _subject_block(sheet: EligibilitySheet) -> Flowable:
    return form_fields(
        [
            (SUBJECT_FIELDS["screening"], sheet.screening_number),
            (SUBJECT_FIELDS["subject"], sheet.subject_number or NOT_ENROLLED),
            (SUBJECT_FIELDS["initials"], sheet.initials or NONE),
            (SUBJECT_FIELDS["sex"], SEXES.get(sheet.sex, sheet.sex.value)),
            (SUBJECT_FIELDS["age"], str(sheet.age_years)),
            (SUBJECT_FIELDS["assessed"], sheet.assessment.assessment_date.isoformat()),
            (SUBJECT_FIELDS["status"], STATUSES.get(sheet.status, sheet.status.value)),
        ]
    )


def _verdict_block(sheet: EligibilitySheet) -> list[Flowable]:
    assessment = sheet.assessment
    signoff = sheet.signoff
    signed = (
        SIGNED.format(
            verdict=VERDICTS.get(signoff.verdict, signoff.verdict.value),
            by=signoff.signed_by,
            meaning=MEANINGS.get(signoff.meaning, signoff.meaning),
            when=format_time(signoff.signed_at),
        )
        if signoff
        else NOT_SIGNED
    )
    return [
        heading(VERDICT),
        form_fields(
            [
                (VERDICT_FIELDS["verdict"], VERDICTS.get(assessment.verdict, assessment.verdict.value)),
                (VERDICT_FIELDS["failing"], ", ".join(assessment.failing) or NONE),
                (VERDICT_FIELDS["missing"], _missing_labels(sheet)),
                (VERDICT_FIELDS["signed"], signed),
            ],
            columns=1,
        ),
    ]


def _consent_block(sheet: EligibilitySheet) -> list[Flowable]:
    consent = sheet.consent
    if consent is None:
        return [heading(CONSENT_TITLE), paragraph(NO_CONSENT, styles().body)]
    return [
        heading(CONSENT_TITLE),
        form_fields(
            [
                (CONSENT_FIELDS["version"], consent.document_version),
                (CONSENT_FIELDS["signed"], format_time(consent.signed_at)),
                (CONSENT_FIELDS["obtained"], consent.obtained_by),
                (CONSENT_FIELDS["copy"], COPY[consent.copy_given]),
            ]
        ),
    ]


def build_eligibility_checklist_pdf(
    sheet: EligibilitySheet, *, generated_at: dt.datetime, output: Path | BinaryIO
) -> None:
    """Write one subject's eligibility checklist as a portrait A4 PDF."""
    style = styles()
    width = content_width()
    gap = Spacer(width, 4 * MM)
    story: list[Flowable] = [
        paragraph(DOCUMENT_NAME, style.title),
        _subject_block(sheet),
        gap,
        heading(INCLUSION),
        _criteria_table(sheet, sheet.eligibility.inclusion),
        gap,
        heading(EXCLUSION),
        _criteria_table(sheet, sheet.eligibility.exclusion),
        gap,
        *_verdict_block(sheet),
        gap,
        *_consent_block(sheet),
        gap,
        signature_block(
            [(INVESTIGATOR, sheet.signoff.signed_by if sheet.signoff else ""), (COORDINATOR, "")], STATEMENT
        ),
    ]
    info = PageInfo(
        trial_id=sheet.trial_id,
        document_name=DOCUMENT_NAME,
        version=DOCUMENT_VERSION,
        generated_at=generated_at,
        subject_no=sheet.subject_number or sheet.screening_number,
    )
    build_document(story, info, output, title=f"{DOCUMENT_NAME} — {sheet.trial_id} {sheet.screening_number}")
