"""The protocol's inclusion and exclusion criteria as a Qt table model, in the UI's language."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Qt

from coordinator_app.domain.protocol import Criterion, Eligibility
from coordinator_app.gui.table_model import Index, RecordTableModel


class CriteriaTableModel(RecordTableModel[tuple[str, Criterion]]):
    """Columns: kind (inclusion/exclusion), code, text; the tooltip gives the text in the other language."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Kind"), self.tr("Code"), self.tr("Criterion")), parent)

    def set_eligibility(self, eligibility: Eligibility) -> None:
        inclusion, exclusion = self.tr("Inclusion"), self.tr("Exclusion")
        self.set_records(
            [(inclusion, c) for c in eligibility.inclusion] + [(exclusion, c) for c in eligibility.exclusion]
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        kind, criterion = self.record(index.row())
        chinese = QLocale().language() == QLocale.Language.Chinese
        if role == Qt.ItemDataRole.DisplayRole:
            return (kind, criterion.code, criterion.text.best("zh" if chinese else "en"))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return criterion.text.best("en" if chinese else "zh")
        return None
