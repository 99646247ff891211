"""The subjects of one trial, with their current verdict, as a Qt table model and its search/status filter."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from operator import attrgetter

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush

from coordinator_app.domain.eligibility import Verdict, age_in_completed_years
from coordinator_app.domain.subjects import SubjectStatus
from coordinator_app.gui.eligibility.colours import verdict_colour
from coordinator_app.gui.formatting import format_date, format_instant
from coordinator_app.gui.labels import label
from coordinator_app.gui.table_model import Index, RecordTableModel, answered_roles
from coordinator_app.services.screening import Signoff, SubjectDetail
from coordinator_app.services.subject_summaries import SubjectRow

RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
_VERDICT_ORDER = {verdict: place for place, verdict in enumerate(Verdict)}
_STATUS_ORDER = {status: place for place, status in enumerate(SubjectStatus)}
_ROLES = answered_roles(
    Qt.ItemDataRole.DisplayRole,
    RECORD_ROLE,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole,
)


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


class SubjectTableModel(RecordTableModel[SubjectRow]):
    """One row per subject with its current verdict (coloured). Sorted here, in Python, on keys computed once per
    row: a view sorting through a proxy would call back into Python for every comparison, which takes seconds in a
    trial of thousands. The search text of each row is prepared here too, for the filter, when the first search is
    typed (most openings of the list search nothing). Who signed a verdict is asked of ``signoff_of`` when its
    tooltip is shown, not read for every row."""

    def __init__(self, signoff_of: Callable[[int], Signoff | None], parent: QObject | None = None) -> None:
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
        self._sort_column = Column.SCREENING_NUMBER
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._haystacks: dict[int, str] = {}  # by subject id, filled by the first search after each reset
        self._signoff_of = signoff_of

    def set_records(self, records: Sequence[SubjectRow]) -> None:
        self.beginResetModel()
        self._records = sorted(records, key=self._key(), reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        self._haystacks = {}
        self.endResetModel()

    def row_of(self, subject_id: int) -> int | None:
        return next((row for row, s in enumerate(self._records) if s.id == subject_id), None)

    def matches(self, row: int, search: str, status: SubjectStatus | None) -> bool:
        """Whether the row passes the filter: ``search`` casefolded, found in a number, the name or the initials."""
        subject = self._records[row]
        if status is not None and subject.status is not status:
            return False
        if not search:
            return True
        if not self._haystacks:
            self._haystacks = {s.id: haystack(s) for s in self._records}
        return search in self._haystacks[subject.id]

    def replace(self, subject: SubjectRow) -> None:
        """Show a subject's new state (no reset: selections and open editors survive), in its sorted place."""
        row = self.row_of(subject.id)
        if row is None:
            self.beginInsertRows(QModelIndex(), len(self._records), len(self._records))
            self._records.append(subject)
            self.endInsertRows()
        else:
            self._records[row] = subject
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        if self._haystacks:
            self._haystacks[subject.id] = haystack(subject)
        self.sort(self._sort_column, self._sort_order)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows by ``column``, moving selections and other persistent indexes with their rows."""
        self.layoutAboutToBeChanged.emit()
        self._sort_column, self._sort_order = Column(column), order
        persistent = self.persistentIndexList()
        kept = [self._records[index.row()].id for index in persistent]
        self._records.sort(key=self._key(), reverse=order == Qt.SortOrder.DescendingOrder)
        rows = {subject.id: row for row, subject in enumerate(self._records)}
        self.changePersistentIndexList(
            persistent,
            [self.index(rows[subject_id], index.column()) for subject_id, index in zip(kept, persistent, strict=True)],
        )
        self.layoutChanged.emit()

    def _key(self) -> Callable[[SubjectRow], str | int]:
        """The sort key of the current column, chosen once per sort (not per row): ages as numbers, dates in ISO,
        verdicts and statuses in their natural order, numbers and names as stored, the rest as shown."""
        match self._sort_column:
            case Column.SCREENING_NUMBER:
                return attrgetter("screening_number")
            case Column.AGE:
                return age
            case Column.SCREENED_ON:
                return lambda subject: subject.screened_on.isoformat()
            case Column.VERDICT:
                return lambda subject: _VERDICT_ORDER[subject.verdict]
            case Column.STATUS:
                return lambda subject: _STATUS_ORDER[subject.status]
            case column:
                return lambda subject: self._display(subject, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES or not index.isValid():
            return None
        subject = self._records[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(subject, column)
        if role == RECORD_ROLE:
            return subject
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.VERDICT:
            return QBrush(verdict_colour(subject.verdict))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(subject, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, subject: SubjectRow, column: Column) -> str:
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
                return label(subject.verdict)
            case Column.SCREENED_ON:
                return format_date(subject.screened_on)

    def _tooltip(self, subject: SubjectRow, column: Column) -> str | None:
        if column is Column.AGE:
            return self.tr("Completed years on the assessment date {date}").format(
                date=format_date(subject.assessment_date)
            )
        signoff = self._signoff_of(subject.id) if column is Column.VERDICT else None
        if signoff is not None:
            return self.tr("Signed {verdict} by {name} on {time}").format(
                verdict=label(signoff.verdict), name=signoff.signed_by, time=format_instant(signoff.signed_at)
            )
        if column is Column.STATUS and subject.status_reason:
            return subject.status_reason
        return None


def age(subject: SubjectRow | SubjectDetail) -> int:
    """Age in completed years on the subject's assessment date (what the age criterion reads)."""
    return age_in_completed_years(subject.date_of_birth, subject.assessment_date)


def haystack(subject: SubjectRow) -> str:
    """What the search looks in, casefolded once: the numbers, the name and its initials (fields kept apart, so a
    search never matches across two of them)."""
    return "\x1f".join(
        (subject.screening_number, subject.subject_number or "", subject.name, subject.initials)
    ).casefold()


class SubjectFilterModel(QSortFilterProxyModel):
    """Filters by status and a search text, asking the subject model row by row (one list look-up each); sorting
    is the subject model's own (see :meth:`SubjectTableModel.sort`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
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

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The view's sort (a header click): done by the subject model, this proxy keeps its order."""
        model = self.sourceModel()
        if column >= 0 and isinstance(model, SubjectTableModel):
            model.sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        return not isinstance(model, SubjectTableModel) or model.matches(source_row, self._search, self._status)
