"""One day's calendar events as a Qt table model."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt

from coordinator_app.gui.labels import label
from coordinator_app.gui.table_model import Index, RecordTableModel
from coordinator_app.services.calendar import CalendarEvent, EventKind


def event_kind_name(kind: EventKind) -> str:
    names = {EventKind.SCREENING: QCoreApplication.translate("AgendaTableModel", "Screening visit")}
    return names[kind]


class AgendaTableModel(RecordTableModel[CalendarEvent]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Subject"), self.tr("Event"), self.tr("Subject status")), parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        event = self.record(index.row())
        return (event.subject_label, event_kind_name(event.kind), label(event.status))[index.column()]
