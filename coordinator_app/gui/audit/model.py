"""The audit trail as a table that fills itself as it is scrolled: a page of rows at a time, newest first.

The trail runs to a million rows: the view asks for more (canFetchMore/fetchMore) only when the user scrolls near
the end of what is loaded, and each page is one keyset query. A record row of a bulk import arrives as the lines of
its fields, which share its number.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from coordinator_app.gui.table_model import Index, RecordTableModel
from coordinator_app.services.audit_trail import PAGE_SIZE, AuditFilter, AuditRow, AuditTrailService

# A cell shows this much of a long value (a protocol stored as JSON); its tooltip shows more, the exports all.
SHOWN_CHARACTERS = 200
TOOLTIP_CHARACTERS = 2000

_ACTIONS: dict[str, object] = {
    "insert": QT_TRANSLATE_NOOP("AuditTrailModel", "Added"),
    "update": QT_TRANSLATE_NOOP("AuditTrailModel", "Changed"),
}


class AuditColumn(IntEnum):
    ID = 0
    LOCAL_TIME = 1
    UTC_TIME = 2
    USER = 3
    ACTION = 4
    TABLE = 5
    RECORD = 6
    SUBJECT = 7
    FIELD = 8
    OLD_VALUE = 9
    NEW_VALUE = 10
    REASON = 11


_LONG_TEXT = (AuditColumn.OLD_VALUE, AuditColumn.NEW_VALUE, AuditColumn.REASON)


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


class AuditTrailModel(RecordTableModel[AuditRow]):
    """Rows of the trail matching a filter, newest first, loaded a page at a time."""

    def __init__(self, trail: AuditTrailService, page_size: int = PAGE_SIZE, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("No."),
                self.tr("Time (local)"),
                self.tr("UTC"),
                self.tr("User"),
                self.tr("Action"),
                self.tr("Table"),
                self.tr("Record"),
                self.tr("Subject"),
                self.tr("Field"),
                self.tr("Old value"),
                self.tr("New value"),
                self.tr("Reason"),
            ],
            parent,
        )
        self._trail = trail
        self._page_size = page_size
        self._filter = AuditFilter()
        self._exhausted = True

    @property
    def audit_filter(self) -> AuditFilter:
        return self._filter

    def set_filter(self, audit_filter: AuditFilter) -> None:
        """Show the rows ``audit_filter`` selects, from the newest, with the first page loaded now."""
        self.beginResetModel()
        self._filter = audit_filter
        self._records = []
        self._exhausted = False
        self.endResetModel()
        self.fetchMore()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        after = self._records[-1].id if self._records else None
        page = self._trail.page(self._filter, after, self._page_size, newest_first=True)
        self._exhausted = len({line.id for line in page}) < self._page_size  # a record row gives several lines
        if page:
            first = len(self._records)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._records.extend(page)
            self.endInsertRows()

    def data(
        self, index: Index | QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        row = self._records[index.row()]
        column = AuditColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return " ↵ ".join(_shortened(self._text(row, column), SHOWN_CHARACTERS).splitlines())
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == AuditColumn.ID:
                return self.tr("Row hash: {hash}\nPrevious row's hash: {previous}").format(
                    hash=row.row_hash, previous=row.previous_hash
                )
            text = self._text(row, column)
            return _shortened(text, TOOLTIP_CHARACTERS) if column in _LONG_TEXT and text else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AuditColumn.ID:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: AuditRow, column: AuditColumn) -> str:
        match column:
            case AuditColumn.ID:
                return str(row.id)
            case AuditColumn.LOCAL_TIME:
                return row.local_time
            case AuditColumn.UTC_TIME:
                return row.utc_time
            case AuditColumn.USER:
                return row.actor
            case AuditColumn.ACTION:
                action = _ACTIONS.get(row.action)
                return QCoreApplication.translate("AuditTrailModel", str(action)) if action else row.action
            case AuditColumn.TABLE:
                return row.table_name
            case AuditColumn.RECORD:
                return row.record_id
            case AuditColumn.SUBJECT:
                return row.subject
            case AuditColumn.FIELD:
                return row.field or ""
            case AuditColumn.OLD_VALUE:
                return row.old_value or ""
            case AuditColumn.NEW_VALUE:
                return row.new_value or ""
            case AuditColumn.REASON:
                return row.reason or ""
