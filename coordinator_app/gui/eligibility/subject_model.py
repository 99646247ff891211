"""The subjects of one trial, with their current verdict, as a Qt table model and its search/status filter."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush

from coordinator_app.domain.eligibility import Verdict, age_in_completed_years
from coordinator_app.domain.subjects import SubjectStatus
from coordinator_app.gui.eligibility.colours import verdict_colour
from coordinator_app.gui.formatting import format_date, format_instant
from coordinator_app.gui.labels import label
from coordinator_app.gui.table_model import Index, RecordTableModel
from coordinator_app.services.screening import SubjectDetail

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2


class Column(IntEnum):
    SCREENING_NUMBER = 0
    SUBJECT_NUMBER = 1
    NAME = 2
    SEX = 3
    AGE = 4
    IDENTITY = 5
    STATUS = 6
    VERDICT = 7
    SCREENED_ON = 8


class SubjectTableModel(RecordTableModel[SubjectDetail]):
    """One row per subject; the verdict is the one computed now from the recorded facts (coloured)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                self.tr("Screening no."),
                self.tr("Subject no."),
                self.tr("Name"),
                self.tr("Sex"),
                self.tr("Age"),
                self.tr("ID number"),
                self.tr("Status"),
                self.tr("Verdict"),
                self.tr("Screened on"),
            ),
            parent,
        )

    def row_of(self, subject_id: int) -> int | None:
        return next((row for row, s in enumerate(self._records) if s.id == subject_id), None)

    def replace(self, subject: SubjectDetail) -> None:
        """Show a subject's new state in place (no reset: selections and open editors survive)."""
        row = self.row_of(subject.id)
        if row is None:
            self.beginInsertRows(QModelIndex(), len(self._records), len(self._records))
            self._records.append(subject)
            self.endInsertRows()
            return
        self._records[row] = subject
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        subject = self.record(index.row())
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(subject, column)
        if role == SORT_ROLE:
            return self._sort_key(subject, column)
        if role == RECORD_ROLE:
            return subject
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.VERDICT:
            return QBrush(verdict_colour(subject.assessment.verdict))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(subject, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, subject: SubjectDetail, column: Column) -> str:
        match column:
            case Column.SCREENING_NUMBER:
                return subject.screening_number
            case Column.SUBJECT_NUMBER:
                return subject.subject_number or ""
            case Column.NAME:
                return subject.name
            case Column.SEX:
                return label(subject.sex)
            case Column.AGE:
                return str(age(subject))
            case Column.IDENTITY:
                return subject.identity_masked
            case Column.STATUS:
                return label(subject.status)
            case Column.VERDICT:
                return label(subject.assessment.verdict)
            case Column.SCREENED_ON:
                return format_date(subject.screened_on)

    def _sort_key(self, subject: SubjectDetail, column: Column) -> str | int:
        match column:
            case Column.AGE:
                return age(subject)
            case Column.SCREENED_ON:
                return subject.screened_on.isoformat()
            case Column.VERDICT:
                return list(Verdict).index(subject.assessment.verdict)
            case Column.STATUS:
                return list(SubjectStatus).index(subject.status)
            case _:
                return self._display(subject, column)

    def _tooltip(self, subject: SubjectDetail, column: Column) -> str | None:
        if column is Column.AGE:
            return self.tr("Completed years on the assessment date {date}").format(
                date=format_date(subject.assessment_date)
            )
        if column is Column.VERDICT and subject.signoff is not None:
            return self.tr("Signed {verdict} by {name} on {time}").format(
                verdict=label(subject.signoff.verdict),
                name=subject.signoff.signed_by,
                time=format_instant(subject.signoff.signed_at),
            )
        if column is Column.STATUS and subject.status_reason:
            return subject.status_reason
        return None


def age(subject: SubjectDetail) -> int:
    """Age in completed years on the subject's assessment date (what the age criterion reads)."""
    return age_in_completed_years(subject.date_of_birth, subject.assessment_date)


def signed_as_is(subject: SubjectDetail) -> bool:
    """A current signature exists and says what the data say now."""
    return subject.signoff is not None and subject.signoff.verdict is subject.assessment.verdict


class SubjectFilterModel(QSortFilterProxyModel):
    """Sorts by the model's sort keys (numbers as numbers) and filters by status and a search text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._status: SubjectStatus | None = None
        self._search = ""

    def set_status(self, status: SubjectStatus | None) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange()

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._search = text.strip().casefold()
        self.endFilterChange()

    def is_filtered(self) -> bool:
        return self._status is not None or bool(self._search)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, SubjectTableModel):
            return True
        subject = model.record(source_row)
        if self._status is not None and subject.status is not self._status:
            return False
        if not self._search:
            return True
        haystack = (subject.screening_number, subject.subject_number or "", subject.name, subject.initials)
        return any(self._search in text.casefold() for text in haystack)
