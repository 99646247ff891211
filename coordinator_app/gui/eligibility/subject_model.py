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
PAGE_SIZE = 200  # subjects read at a time as the list is scrolled: several screenfuls, a few milliseconds
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


# Reads the trial's subjects by screening number: those after a screening number (None: from the first), at most a
# number of them (None: all the rest).
SubjectPages = Callable[[str | None, int | None], Sequence[SubjectRow]]


class SubjectTableModel(RecordTableModel[SubjectRow]):
    """One row per subject with its current verdict (coloured).

    The rows are read a page at a time as the list is scrolled (``canFetchMore``/``fetchMore``), in the list's
    first order, by screening number: a large trial opens as fast as a small one. Whatever needs every row (another
    order, a search, a status filter, finding a subject further down) reads the rest first (:meth:`complete`).

    Sorted here, in Python, on keys computed once per row: a view sorting through a proxy would call back into
    Python for every comparison, which takes seconds in a trial of thousands. The search text of each row is
    prepared here too, for the filter, when the first search is typed (most openings of the list search nothing).
    Who signed a verdict is asked of ``signoff_of`` when its tooltip is shown, not read for every row."""

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
        self.page_size = PAGE_SIZE
        self._pages: SubjectPages | None = None  # where the rows not read yet come from
        self._total = 0  # how many subjects the trial has, read or not

    def set_records(self, records: Sequence[SubjectRow]) -> None:
        """Show exactly ``records`` (all there is)."""
        self._pages = None
        self._reset(records)

    def show_pages(self, pages: SubjectPages, total: int) -> None:
        """Show a trial's ``total`` subjects read through ``pages``: the first page now, the rest as the list is
        scrolled (or all of them now, when the list is sorted by anything but the screening number)."""
        self._pages, self._total = pages, total
        if self._in_reading_order():
            self._reset(pages(None, self.page_size))
        else:
            self._pages = None
            self._reset(pages(None, None))
        if len(self._records) < self.page_size:
            self._pages = None  # that was all

    def _reset(self, records: Sequence[SubjectRow]) -> None:
        self.beginResetModel()
        self._records = sorted(records, key=self._key(), reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        self._haystacks = {}
        self.endResetModel()

    def total(self) -> int:
        """How many subjects there are, read or not."""
        return self._total if self._pages is not None else len(self._records)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._pages is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        """The next page, appended below the rows read (a view asks when it is scrolled to the end)."""
        if self.canFetchMore(parent):
            self._read_more(self.page_size)

    def complete(self) -> None:
        """Read the rows not read yet."""
        if self._pages is not None:
            self._read_more(None)

    def _read_more(self, limit: int | None) -> None:
        assert self._pages is not None
        page = self._pages(self._records[-1].screening_number if self._records else None, limit)
        if limit is None or len(page) < limit:
            self._pages = None
        if page:
            self.beginInsertRows(QModelIndex(), len(self._records), len(self._records) + len(page) - 1)
            self._records.extend(page)
            if self._haystacks:
                self._haystacks.update((s.id, haystack(s)) for s in page)
            self.endInsertRows()

    def _in_reading_order(self) -> bool:
        return self._sort_column is Column.SCREENING_NUMBER and self._sort_order == Qt.SortOrder.AscendingOrder

    def row_of(self, subject_id: int) -> int | None:
        """The subject's row, reading the rest of the list when it is not among the rows read."""
        row = next((row for row, s in enumerate(self._records) if s.id == subject_id), None)
        if row is None and self._pages is not None:
            self.complete()
            return self.row_of(subject_id)
        return row

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
        self.complete()  # its sorted place may be among the rows not read yet
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
        self._sort_column, self._sort_order = Column(column), order
        if not self._in_reading_order():
            self.complete()  # the first rows in another order may be any of them
        self.layoutAboutToBeChanged.emit()
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
        self._complete_source(status is not None)
        self.beginFilterChange()
        self._status = status
        self.endFilterChange()

    def set_search(self, text: str) -> None:
        search = text.strip().casefold()
        self._complete_source(bool(search))
        self.beginFilterChange()
        self._search = search
        self.endFilterChange()

    def _complete_source(self, filtering: bool) -> None:
        """A filter looks at every subject: the rows not read yet are read first."""
        model = self.sourceModel()
        if filtering and isinstance(model, SubjectTableModel):
            model.complete()

    def is_filtered(self) -> bool:
        return self._status is not None or bool(self._search)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The view's sort (a header click): done by the subject model, this proxy keeps its order."""
        model = self.sourceModel()
        if column >= 0 and isinstance(model, SubjectTableModel):
            model.sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._search and self._status is None:
            return True  # asked of every row read as the list scrolls: answered without the model
        model = self.sourceModel()
        return not isinstance(model, SubjectTableModel) or model.matches(source_row, self._search, self._status)
