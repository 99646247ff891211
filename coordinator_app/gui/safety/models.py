"""Table models of the Safety & labs page: the subject's adverse events and lab results, and the words for codes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from coordinator_app.domain.adverse_events import (
    ActionTaken,
    Grade,
    Outcome,
    Relationship,
    ReportKind,
    SaeClock,
    Seriousness,
    grade_label,
)
from coordinator_app.domain.labs import ANALYTES
from coordinator_app.gui.formatting import format_date, format_instant
from coordinator_app.gui.labels import label, signature_meaning
from coordinator_app.gui.table_model import Index, RecordTableModel
from coordinator_app.services.adverse_events import AeRecord
from coordinator_app.services.labs import LabValue

_CONTEXT = "SafetyLabels"
OVERDUE = QColor("#b3261e")
LOW = QColor("#1f5fbf")
UNSIGNED = QColor("#6b6b6b")

_NAMES: dict[object, object] = {  # "unknown" is shared by ActionTaken and Outcome: one word
    Seriousness.DEATH: QT_TRANSLATE_NOOP("SafetyLabels", "Death"),
    Seriousness.LIFE_THREATENING: QT_TRANSLATE_NOOP("SafetyLabels", "Life-threatening"),
    Seriousness.HOSPITALISATION: QT_TRANSLATE_NOOP("SafetyLabels", "Hospitalisation or its prolongation"),
    Seriousness.DISABILITY: QT_TRANSLATE_NOOP("SafetyLabels", "Disability or incapacity"),
    Seriousness.CONGENITAL_ANOMALY: QT_TRANSLATE_NOOP("SafetyLabels", "Congenital anomaly"),
    Seriousness.IMPORTANT_MEDICAL_EVENT: QT_TRANSLATE_NOOP("SafetyLabels", "Important medical event"),
    Relationship.UNRELATED: QT_TRANSLATE_NOOP("SafetyLabels", "Unrelated"),
    Relationship.UNLIKELY: QT_TRANSLATE_NOOP("SafetyLabels", "Unlikely"),
    Relationship.POSSIBLE: QT_TRANSLATE_NOOP("SafetyLabels", "Possible"),
    Relationship.PROBABLE: QT_TRANSLATE_NOOP("SafetyLabels", "Probable"),
    Relationship.DEFINITE: QT_TRANSLATE_NOOP("SafetyLabels", "Definite"),
    ActionTaken.NONE: QT_TRANSLATE_NOOP("SafetyLabels", "None"),
    ActionTaken.INFUSION_SLOWED: QT_TRANSLATE_NOOP("SafetyLabels", "Infusion slowed"),
    ActionTaken.INFUSION_INTERRUPTED: QT_TRANSLATE_NOOP("SafetyLabels", "Infusion interrupted"),
    ActionTaken.INFUSION_STOPPED: QT_TRANSLATE_NOOP("SafetyLabels", "Infusion stopped"),
    ActionTaken.DOSE_DELAYED: QT_TRANSLATE_NOOP("SafetyLabels", "Dose delayed"),
    ActionTaken.TREATMENT_WITHDRAWN: QT_TRANSLATE_NOOP("SafetyLabels", "Treatment withdrawn"),
    ActionTaken.NOT_APPLICABLE: QT_TRANSLATE_NOOP("SafetyLabels", "Not applicable"),
    ActionTaken.UNKNOWN: QT_TRANSLATE_NOOP("SafetyLabels", "Unknown"),
    Outcome.RECOVERED: QT_TRANSLATE_NOOP("SafetyLabels", "Recovered"),
    Outcome.RECOVERING: QT_TRANSLATE_NOOP("SafetyLabels", "Recovering"),
    Outcome.NOT_RECOVERED: QT_TRANSLATE_NOOP("SafetyLabels", "Not recovered"),
    Outcome.RECOVERED_WITH_SEQUELAE: QT_TRANSLATE_NOOP("SafetyLabels", "Recovered with sequelae"),
    Outcome.FATAL: QT_TRANSLATE_NOOP("SafetyLabels", "Fatal"),
    Outcome.UNKNOWN: QT_TRANSLATE_NOOP("SafetyLabels", "Unknown"),
    ReportKind.INITIAL: QT_TRANSLATE_NOOP("SafetyLabels", "Initial report"),
    ReportKind.FOLLOW_UP: QT_TRANSLATE_NOOP("SafetyLabels", "Follow-up report"),
}


def ae_label(code: Seriousness | Relationship | ActionTaken | Outcome | ReportKind) -> str:
    """The code's name in the user's language."""
    return QCoreApplication.translate(_CONTEXT, str(_NAMES[code]))


def language() -> str:
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def analyte_name(code: str) -> str:
    item = next((a for a in ANALYTES if a.code == code), None)
    if item is None:
        return code
    return item.name_zh if language() == "zh" else item.name_en


def time_left_text(left: dt.timedelta) -> str:
    """ "23 h 59 min left" or "overdue by 1 h 05 min", in whole minutes."""
    minutes = int(abs(left).total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    if left < dt.timedelta(0):
        return QCoreApplication.translate("SafetyLabels", "overdue by {h} h {m} min").format(h=hours, m=f"{rest:02d}")
    return QCoreApplication.translate("SafetyLabels", "{h} h {m} min left").format(h=hours, m=f"{rest:02d}")


@dataclass(frozen=True)
class AeRow:
    record: AeRecord
    clock: SaeClock | None  # None for a non-serious AE


class AeColumn(IntEnum):
    TERM = 0
    ONSET = 1
    GRADE = 2
    SERIOUS = 3
    RELATIONSHIP = 4
    OUTCOME = 5
    CLOCK = 6
    ASSESSMENT = 7


class AeTableModel(RecordTableModel[AeRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Term"),
                self.tr("Onset"),
                self.tr("Grade (CTCAE)"),
                self.tr("Serious"),
                self.tr("Relationship"),
                self.tr("Outcome"),
                self.tr("SAE report"),
                self.tr("Investigator's assessment"),
            ],
            parent,
        )

    def assessment_text(self, record: AeRecord) -> str:
        """Who signed the assessment and when; a signature that no longer covers the AE as it reads needs another."""
        signature = record.assessment
        if signature is None:
            return self.tr("not signed")
        if not record.assessment_current:
            return self.tr("needs re-signing")
        return self.tr("{name}, {time}").format(name=signature.full_name, time=format_instant(signature.signed_at))

    def assessment_tip(self, record: AeRecord) -> str:
        signature = record.assessment
        if signature is None:
            return self.tr("An investigator has not signed the assessment yet")
        signed = self.tr("Signed “{meaning}” by {signer} ({role}) on {time}").format(
            meaning=signature_meaning(signature.meaning.value),
            signer=signature.signer,
            role=label(signature.role),
            time=format_instant(signature.signed_at),
        )
        if record.assessment_current:
            return signed
        return self.tr("{signed}; the assessed fields changed since, so an investigator signs again").format(
            signed=signed
        )

    def clock_text(self, row: AeRow) -> str:
        clock = row.clock
        if clock is None:
            return ""
        if clock.reported_at is not None:
            return self.tr("reported late") if clock.reported_late else self.tr("reported")
        return time_left_text(clock.time_left)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._records[index.row()]
        draft = row.record.draft
        column = AeColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is AeColumn.TERM:
                return draft.term
            if column is AeColumn.ONSET:
                return format_date(draft.onset_date)
            if column is AeColumn.GRADE:
                return grade_label(draft.grade, language())
            if column is AeColumn.SERIOUS:
                if not draft.serious:
                    return self.tr("No")
                criteria = [ae_label(c) for c in Seriousness if c in draft.seriousness_criteria]
                return self.tr("Yes: {criteria}").format(criteria=", ".join(criteria))
            if column is AeColumn.RELATIONSHIP:
                return ae_label(draft.relationship)
            if column is AeColumn.OUTCOME:
                return ae_label(draft.outcome)
            if column is AeColumn.ASSESSMENT:
                return self.assessment_text(row.record)
            return self.clock_text(row)
        if role == Qt.ItemDataRole.ForegroundRole and column is AeColumn.CLOCK:
            clock = row.clock
            if clock is not None and (clock.overdue or clock.reported_late):
                return OVERDUE
        if role == Qt.ItemDataRole.ForegroundRole and column is AeColumn.ASSESSMENT:
            if row.record.assessment is None:
                return UNSIGNED
            if not row.record.assessment_current:
                return OVERDUE
        if role == Qt.ItemDataRole.ToolTipRole and column is AeColumn.ASSESSMENT:
            return self.assessment_tip(row.record)
        if role == Qt.ItemDataRole.ToolTipRole and draft.description:
            return draft.description
        return None


class LabColumn(IntEnum):
    DATE = 0
    ANALYTE = 1
    VALUE = 2
    FLAG = 3
    ENTERED = 4


class LabTableModel(RecordTableModel[LabValue]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [self.tr("Date"), self.tr("Analyte"), self.tr("Value (SI)"), self.tr("Flag"), self.tr("Entered as")],
            parent,
        )

    def data(
        self, index: Index | QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        value = self._records[index.row()]
        column = LabColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is LabColumn.DATE:
                return format_date(value.sample_date)
            if column is LabColumn.ANALYTE:
                return analyte_name(value.analyte)
            if column is LabColumn.VALUE:
                return f"{value.value.normalize():f} {value.unit}".strip()
            if column is LabColumn.FLAG:
                return value.flag
            return f"{value.entered_value} {value.entered_unit}".strip()
        if role == Qt.ItemDataRole.ForegroundRole and column in (LabColumn.FLAG, LabColumn.VALUE):
            if value.flag == "H":
                return OVERDUE
            if value.flag == "L":
                return LOW
        if role == Qt.ItemDataRole.TextAlignmentRole and column is LabColumn.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


SummaryRow = tuple[str, str, int]

# The summary's words as the domain gives them for the CSV (grades and relationships have their own names).
_SUMMARY_WORDS: dict[str, object] = {
    "all": QT_TRANSLATE_NOOP("AeSummaryModel", "all"),
    "adverse events": QT_TRANSLATE_NOOP("AeSummaryModel", "adverse events"),
    "serious adverse events": QT_TRANSLATE_NOOP("AeSummaryModel", "serious adverse events"),
    "related (possible, probable, definite)": QT_TRANSLATE_NOOP(
        "AeSummaryModel", "related (possible, probable, definite)"
    ),
    "subjects with an adverse event": QT_TRANSLATE_NOOP("AeSummaryModel", "subjects with an adverse event"),
    "grade": QT_TRANSLATE_NOOP("AeSummaryModel", "grade"),
    "relationship": QT_TRANSLATE_NOOP("AeSummaryModel", "relationship"),
    "dose period": QT_TRANSLATE_NOOP("AeSummaryModel", "dose period"),
    "before dose 1": QT_TRANSLATE_NOOP("AeSummaryModel", "before dose 1"),
    "after dose 1": QT_TRANSLATE_NOOP("AeSummaryModel", "after dose 1"),
    "after dose 2": QT_TRANSLATE_NOOP("AeSummaryModel", "after dose 2"),
}


def summary_text(section: str, text: str) -> str:
    """A section or category of the AE summary in the user's language."""
    if section == "grade" and (grade := next((g for g in Grade if grade_label(g) == text), None)):
        return grade_label(grade, language())
    if section == "relationship" and text in set(Relationship):
        return ae_label(Relationship(text))
    if text in _SUMMARY_WORDS:
        return QCoreApplication.translate("AeSummaryModel", str(_SUMMARY_WORDS[text]))
    return text


class AeSummaryModel(RecordTableModel[SummaryRow]):
    """The trial's AE summary: one (section, category, count) line per row, as in the CSV (in the user's words)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Section"), self.tr("Category"), self.tr("Count")], parent)

    def data(
        self, index: Index | QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        section, category, count = self._records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            texts = (summary_text("", section), summary_text(section, category), QLocale().toString(count))
            return texts[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
