"""The shared shape of the app's read-only table models: a list of records, one per row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
Record = TypeVar("Record")
# Columns are fitted to this many rows' contents (QHeaderView.setResizeContentsPrecision): measuring every row of a
# large trial's list would take seconds, and the first screenful shows what the column holds (each measured row costs
# a Python call per cell and role: 100 rows took ~20 ms of the subject list's first opening).
SIZED_ROWS = 30


def answered_roles(*roles: int) -> frozenset[int]:
    """The roles a model's ``data`` answers, for its first line to turn the others away: a view asks a dozen roles
    of every cell it measures or paints, and each question is a call into Python."""
    return frozenset(int(role) for role in roles)


class RecordTableModel(QAbstractTableModel, Generic[Record]):
    """Rows are records from a service; subclasses give the (translated) headers and implement ``data``."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._records: list[Record] = []

    def set_records(self, records: Sequence[Record]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Record:
        return self._records[row]

    def records(self) -> list[Record]:
        return list(self._records)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
