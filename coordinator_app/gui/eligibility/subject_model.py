"""Subjects of one trial as a Qt table model."""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from coordinator_app.gui.formatting import format_date
from coordinator_app.gui.labels import label
from coordinator_app.gui.table_model import Index, RecordTableModel
from coordinator_app.services.subjects import SubjectRow

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2


class Column(IntEnum):
    SCREENING_NUMBER = 0
    SUBJECT_NUMBER = 1
    NAME = 2
    SEX = 3
    BORN = 4
    STATUS = 5
    SCREENED_ON = 6


class SubjectTableModel(RecordTableModel[SubjectRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                self.tr("Screening no."),
                self.tr("Subject no."),
                self.tr("Name"),
                self.tr("Sex"),
                self.tr("Date of birth"),
                self.tr("Status"),
                self.tr("Screened on"),
            ),
            parent,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        subject = self.record(index.row())
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(subject, column)
        if role == SORT_ROLE:
            value = self._sort_key(subject, column)
            return value.isoformat() if isinstance(value, dt.date) else value
        if role == RECORD_ROLE:
            return subject
        return None

    @staticmethod
    def _display(subject: SubjectRow, column: Column) -> str:
        match column:
            case Column.SCREENING_NUMBER:
                return subject.screening_number
            case Column.SUBJECT_NUMBER:
                return subject.subject_number or ""
            case Column.NAME:
                return subject.name
            case Column.SEX:
                return label(subject.sex)
            case Column.BORN:
                return format_date(subject.date_of_birth)
            case Column.STATUS:
                return label(subject.status)
            case Column.SCREENED_ON:
                return format_date(subject.screened_on)

    @classmethod
    def _sort_key(cls, subject: SubjectRow, column: Column) -> str | dt.date:
        if column is Column.BORN:
            return subject.date_of_birth
        if column is Column.SCREENED_ON:
            return subject.screened_on
        return cls._display(subject, column)


class SubjectFilterModel(QSortFilterProxyModel):
    """Sorts by the model's sort keys (dates as dates) and filters by status."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self._status: object = None

    def set_status(self, status: object) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._status is None:
            return True
        model = self.sourceModel()
        assert isinstance(model, SubjectTableModel)
        return model.record(source_row).status == self._status
