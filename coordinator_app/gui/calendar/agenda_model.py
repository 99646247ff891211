"""One day's calendar events as a Qt table model."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from coordinator_app.gui.labels import label
from coordinator_app.services.calendar import CalendarEvent, EventKind

_Index = QModelIndex | QPersistentModelIndex


def event_kind_name(kind: EventKind) -> str:
    names = {EventKind.SCREENING: QCoreApplication.translate("AgendaTableModel", "Screening visit")}
    return names[kind]


class AgendaTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events: list[CalendarEvent] = []
        self._headers = (self.tr("Subject"), self.tr("Event"), self.tr("Subject status"))

    def set_events(self, events: Sequence[CalendarEvent]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        event = self._events[index.row()]
        return (event.subject_label, event_kind_name(event.kind), label(event.status))[index.column()]
