"""The protocol's inclusion and exclusion criteria as a Qt table model, in the UI's language."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt

from coordinator_app.domain.protocol import Criterion, Eligibility

_Index = QModelIndex | QPersistentModelIndex


class CriteriaTableModel(QAbstractTableModel):
    """Columns: kind (inclusion/exclusion), code, text; the tooltip gives the text in the other language."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, Criterion]] = []
        self._headers = (self.tr("Kind"), self.tr("Code"), self.tr("Criterion"))

    def set_eligibility(self, eligibility: Eligibility) -> None:
        self.beginResetModel()
        self._rows = [(self.tr("Inclusion"), c) for c in eligibility.inclusion]
        self._rows += [(self.tr("Exclusion"), c) for c in eligibility.exclusion]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        kind, criterion = self._rows[index.row()]
        chinese = QLocale().language() == QLocale.Language.Chinese
        if role == Qt.ItemDataRole.DisplayRole:
            return (kind, criterion.code, criterion.text.best("zh" if chinese else "en"))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return criterion.text.best("en" if chinese else "zh")
        return None
