"""The protocol's facts for one subject, edited in place: a value editor per fact type, and its source note."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from coordinator_app.domain.eligibility import FactDefinition, FactType
from coordinator_app.gui.eligibility.colours import AMBER
from coordinator_app.gui.eligibility.text import best, date_edit_format, format_fact_value, other_language
from coordinator_app.gui.formatting import from_qdate, to_qdate
from coordinator_app.gui.labels import label
from coordinator_app.gui.table_model import Index, answered_roles
from coordinator_app.services.screening import FactEntry, SubjectDetail

FACT_ROLE = Qt.ItemDataRole.UserRole + 1
_ROLES = answered_roles(
    FACT_ROLE,
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
)

# Saves one fact: (name, canonical text, source note) -> whether it was saved.
Committer = Callable[[str, str, str], bool]


class FactColumn(IntEnum):
    FACT = 0
    VALUE = 1
    SOURCE = 2


class FactsModel(QAbstractTableModel):
    """One row per protocol fact. Editing a value or a source calls the committer (the tab saves it through the
    screening service, asking for a reason when the verdict is signed) and shows what was saved."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._definitions: list[FactDefinition] = []
        self._entries: dict[str, FactEntry] = {}
        self._subject_id: int | None = None
        self._committer: Committer | None = None
        self._default_source: Callable[[], str] = str

    def set_definitions(self, definitions: tuple[FactDefinition, ...]) -> None:
        self.beginResetModel()
        self._definitions = list(definitions)
        self._entries = {}
        self._subject_id = None
        self.endResetModel()

    def set_committer(self, committer: Committer | None, default_source: Callable[[], str] = str) -> None:
        self._committer = committer
        self._default_source = default_source

    def set_subject(self, subject: SubjectDetail | None) -> None:
        """Show ``subject``'s facts; the same subject again updates the rows in place (an open editor survives); no
        subject again changes nothing (a reset would have the view measure every row's height again)."""
        if subject is None and self._subject_id is None:
            return
        same = subject is not None and subject.id == self._subject_id
        if not same:
            self.beginResetModel()
        self._subject_id = subject.id if subject else None
        self._entries = dict(subject.facts) if subject else {}
        if not same:
            self.endResetModel()
        elif self._definitions:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._definitions) - 1, len(FactColumn) - 1))

    def definition(self, row: int) -> FactDefinition:
        return self._definitions[row]

    def row_of(self, name: str) -> int:
        return next(i for i, d in enumerate(self._definitions) if d.name == name)

    def entry(self, name: str) -> FactEntry:
        return self._entries.get(name, FactEntry("", ""))

    # -- Qt --------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._definitions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(FactColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(FactColumn):
            return None
        return (self.tr("Fact"), self.tr("Value"), self.tr("Source"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != FactColumn.FACT and self._subject_id is not None and self._committer is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._definitions):
            return None
        definition = self._definitions[index.row()]
        entry = self.entry(definition.name)
        column = FactColumn(index.column())
        if role == FACT_ROLE:
            return definition
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case FactColumn.FACT:
                    return best(definition.label)
                case FactColumn.VALUE:
                    return format_fact_value(definition, entry.value) if self._subject_id is not None else ""
                case FactColumn.SOURCE:
                    return entry.source_note
        if role == Qt.ItemDataRole.EditRole:
            return (best(definition.label), entry.value, entry.source_note)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(definition, column)
        if column is FactColumn.VALUE and not entry.value and self._subject_id is not None:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(AMBER))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
        return None

    def _tooltip(self, definition: FactDefinition, column: FactColumn) -> str | None:
        if column is FactColumn.FACT:
            other = definition.label.best(other_language())
            return f"{other}\n({label(definition.type)}{', ' + definition.unit if definition.unit else ''})"
        if column is FactColumn.VALUE:
            return self.tr("Double-click to enter the value as it reads in the source document")
        return self.tr("Where the value comes from, e.g. outpatient record 2021-10-12")

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A value (canonical text: "yes", "2021-10-12", "none", "15.4", "" for unknown) or a source note."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._committer is None:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        definition = self._definitions[index.row()]
        entry = self.entry(definition.name)
        text = "" if value is None else str(value)
        if index.column() == FactColumn.VALUE:
            note = entry.source_note or (self._default_source() if text else "")
            return self._committer(definition.name, text, note)
        return self._committer(definition.name, entry.value, text)


# -- editing --------------------------------------------------------------------------------------


class YesNoEditor(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(self.tr("Yes"), "yes")
        self.addItem(self.tr("No"), "no")
        self.addItem(self.tr("Unknown"), "")

    def set_value(self, text: str) -> None:
        self.setCurrentIndex(max(self.findData(text), 0) if text else self.findData(""))

    def value(self) -> str:
        return str(self.currentData())


class DateFactEditor(QWidget):
    """A date, or (DATE_OR_NONE) "none: no such event", or unknown."""

    def __init__(self, with_none: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.mode = QComboBox(self)
        self.mode.addItem(self.tr("Date"), "date")
        if with_none:
            self.mode.addItem(self.tr("None"), "none")
        self.mode.addItem(self.tr("Unknown"), "")
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(date_edit_format())
        self.date.setMaximumDate(to_qdate(dt.date.today()))
        self.date.setDate(to_qdate(dt.date.today()))
        layout.addWidget(self.mode)
        layout.addWidget(self.date, 1)
        self.setFocusProxy(self.date)
        self.setAutoFillBackground(True)
        self.mode.currentIndexChanged.connect(self._mode_changed)

    def _mode_changed(self) -> None:
        self.date.setEnabled(self.mode.currentData() == "date")

    def set_value(self, text: str) -> None:
        if text in ("", "none"):
            self.mode.setCurrentIndex(self.mode.findData(text))
        else:
            self.mode.setCurrentIndex(self.mode.findData("date"))
            self.date.setDate(to_qdate(dt.date.fromisoformat(text)))
        self._mode_changed()

    def value(self) -> str:
        mode = str(self.mode.currentData())
        return from_qdate(self.date.date()).isoformat() if mode == "date" else mode


class NumberEditor(QWidget):
    """A decimal typed as on the lab report, with the fact's unit beside it."""

    def __init__(self, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(self.tr("empty = unknown"))
        layout.addWidget(self.line, 1)
        if unit:
            layout.addWidget(QLabel(unit, self))
        self.setFocusProxy(self.line)
        self.setAutoFillBackground(True)

    def set_value(self, text: str) -> None:
        self.line.setText(text)
        self.line.selectAll()

    def value(self) -> str:
        return self.line.text().strip().replace(",", ".").replace("，", ".")


FactEditor = YesNoEditor | DateFactEditor | NumberEditor


class FactValueDelegate(QStyledItemDelegate):
    """The value column's editor follows the fact type; the source column edits as plain text."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        definition = index.data(FACT_ROLE)
        if index.column() != FactColumn.VALUE or not isinstance(definition, FactDefinition):
            return super().createEditor(parent, option, index)
        editor: FactEditor
        match definition.type:
            case FactType.YES_NO:
                editor = YesNoEditor(parent)
            case FactType.DATE:
                editor = DateFactEditor(False, parent)
            case FactType.DATE_OR_NONE:
                editor = DateFactEditor(True, parent)
            case FactType.NUMBER:
                editor = NumberEditor(definition.unit, parent)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, YesNoEditor | DateFactEditor | NumberEditor):
            editor.set_value(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, YesNoEditor | DateFactEditor | NumberEditor):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
