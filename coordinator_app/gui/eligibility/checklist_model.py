"""The screening checklist: every criterion of the protocol with its state for one subject, and why."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from coordinator_app.domain.eligibility import CriterionResult, CriterionState, FactDefinition
from coordinator_app.domain.protocol import Criterion, Eligibility
from coordinator_app.gui.eligibility.colours import state_colour, state_icon
from coordinator_app.gui.eligibility.text import (
    best,
    derived_text,
    item_name,
    item_source,
    item_value,
    other_language,
    threshold_unit,
)
from coordinator_app.gui.labels import label
from coordinator_app.gui.table_model import Index, answered_roles
from coordinator_app.services.screening import SubjectDetail

STATE_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2
_ROLES = answered_roles(
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    STATE_ROLE,
    CODE_ROLE,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.FontRole,
)

_TINTS = {
    CriterionState.FAILS: "#fdecea",
    CriterionState.APPLIES: "#fdecea",
    CriterionState.MISSING: "#fff4dc",
}


class ChecklistColumn(IntEnum):
    CODE = 0
    CRITERION = 1
    STATE = 2
    BASIS = 3


@dataclass(frozen=True)
class ChecklistRow:
    criterion: Criterion
    inclusion: bool
    result: CriterionResult | None  # None: no subject shown


class ChecklistModel(QAbstractTableModel):
    """Inclusion then exclusion criteria; with a subject, each row's state, the values it read and their source."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._criteria: list[tuple[Criterion, bool]] = []
        self._definitions: dict[str, FactDefinition] = {}
        self._subject: SubjectDetail | None = None
        self._rows: list[ChecklistRow] = []

    # -- contents --------------------------------------------------------------------------------

    def set_eligibility(self, eligibility: Eligibility) -> None:
        self.beginResetModel()
        self._criteria = [(c, True) for c in eligibility.inclusion] + [(c, False) for c in eligibility.exclusion]
        self._definitions = {d.name: d for d in eligibility.facts}
        self._subject = None
        self._rows = self._build()
        self.endResetModel()

    def set_subject(self, subject: SubjectDetail | None) -> None:
        """Show ``subject``'s states; rows stay in place, so the view keeps its scroll position. No subject again
        changes nothing, and says so to no view (each would measure every row's height again)."""
        if subject is None and self._subject is None:
            return
        self._subject = subject
        rows = self._build()
        if len(rows) != len(self._rows):
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        self._rows = rows
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(ChecklistColumn) - 1))

    def _build(self) -> list[ChecklistRow]:
        results = {r.code: r for r in self._subject.assessment.results} if self._subject else {}
        return [ChecklistRow(c, inclusion, results.get(c.code)) for c, inclusion in self._criteria]

    def row(self, code: str) -> int:
        return next(i for i, row in enumerate(self._rows) if row.criterion.code == code)

    def state(self, code: str) -> CriterionState | None:
        result = self._rows[self.row(code)].result
        return result.state if result else None

    # -- Qt --------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(ChecklistColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(ChecklistColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Code"), self.tr("Criterion"), self.tr("State"), self.tr("Based on (source)"))[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == ChecklistColumn.BASIS:
            return self.tr("The recorded values the criterion read, what the app computed from them, and their source")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = ChecklistColumn(index.column())
        result = row.result
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == STATE_ROLE:
            return result.state.value if result else None
        if role == CODE_ROLE:
            return row.criterion.code
        if result is None:
            return None
        if role == Qt.ItemDataRole.DecorationRole and column is ChecklistColumn.STATE:
            return state_icon(result.state)
        if role == Qt.ItemDataRole.ForegroundRole and column is ChecklistColumn.STATE:
            return QBrush(state_colour(result.state))
        if role == Qt.ItemDataRole.BackgroundRole and result.state in _TINTS:
            return QBrush(QColor(_TINTS[result.state]))
        if role == Qt.ItemDataRole.FontRole and column in (ChecklistColumn.STATE, ChecklistColumn.CODE):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, row: ChecklistRow, column: ChecklistColumn) -> str:
        match column:
            case ChecklistColumn.CODE:
                return row.criterion.code
            case ChecklistColumn.CRITERION:
                return best(row.criterion.text)
            case ChecklistColumn.STATE:
                return label(row.result.state) if row.result else ""
            case ChecklistColumn.BASIS:
                return "\n".join(self._basis(row) + self._source_lines(row))

    def _basis(self, row: ChecklistRow) -> list[str]:
        result, subject = row.result, self._subject
        if result is None or subject is None:
            return []
        lines = []
        for name in result.facts or result.missing:
            value = item_value(name, subject, self._definitions)
            lines.append(self.tr("{item}: {value}").format(item=item_name(name, self._definitions), value=value))
        derived = derived_text(result.derived, threshold_unit(row.criterion.rule))
        if derived:
            lines.append("→ " + ", ".join(derived))
        return lines

    def _sources(self, row: ChecklistRow) -> list[str]:
        result, subject = row.result, self._subject
        if result is None or subject is None:
            return []
        notes = (item_source(name, subject) for name in result.facts)
        return list(dict.fromkeys(note for note in notes if note))

    def _source_lines(self, row: ChecklistRow) -> list[str]:
        sources = self._sources(row)
        return [self.tr("Source: {notes}").format(notes="; ".join(sources))] if sources else []

    def sources(self, code: str) -> list[str]:
        """The source notes of the values a criterion read."""
        return self._sources(self._rows[self.row(code)])

    def _tooltip(self, row: ChecklistRow, column: ChecklistColumn) -> str | None:
        match column:
            case ChecklistColumn.CODE:
                return self.tr("Inclusion criterion") if row.inclusion else self.tr("Exclusion criterion")
            case ChecklistColumn.CRITERION:
                return row.criterion.text.best(other_language())
            case ChecklistColumn.STATE:
                return self._state_explanation(row)
            case ChecklistColumn.BASIS:
                return "\n".join(self._basis(row) + self._source_lines(row)) or None

    def _state_explanation(self, row: ChecklistRow) -> str | None:
        if row.result is None:
            return None
        missing = ", ".join(item_name(n, self._definitions) for n in row.result.missing)
        return {
            CriterionState.MET: self.tr("This inclusion criterion is met."),
            CriterionState.FAILS: self.tr("This inclusion criterion is not met: the subject is not eligible."),
            CriterionState.APPLIES: self.tr("This exclusion criterion applies: the subject is not eligible."),
            CriterionState.DOES_NOT_APPLY: self.tr("This exclusion criterion does not apply."),
            CriterionState.MISSING: self.tr("Cannot be decided yet: missing {items}.").format(items=missing),
            CriterionState.NOT_APPLICABLE: self.tr("Not applicable to this subject (limited to the other sex)."),
        }[row.result.state]
