"""The contacts table: a Qt model over ContactRecords, and the proxy that searches and filters it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QGuiApplication, QPalette

from coordinator_app.domain.contacts import ContactCategory, ContactRecord, Delegation
from coordinator_app.gui.contacts.duties import duty_label
from coordinator_app.gui.formatting import format_date
from coordinator_app.gui.labels import label
from coordinator_app.gui.table_model import Index, RecordTableModel, answered_roles

# The record behind a row (any column), and the value a column sorts by.
RECORD_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 2
_ROLES = answered_roles(
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE, RECORD_ROLE, Qt.ItemDataRole.ForegroundRole
)

_CATEGORY_ORDER = list(ContactCategory)


class Column(IntEnum):
    NAME = 0
    CATEGORY = 1
    ORGANISATION = 2
    ROLE = 3
    PHONE = 4
    EMAIL = 5
    STATUS = 6
    DUTIES = 7


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


class ContactTableModel(RecordTableModel[ContactRecord]):
    """One row per contact; read-only (changes go through the dialog and the service)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([self._header(column) for column in Column], parent)
        self._today = dt.date.today()

    def set_contacts(self, records: Sequence[ContactRecord], today: dt.date) -> None:
        """Show ``records``; "active duties" are those delegated on ``today``."""
        self._today = today
        self.set_records(records)

    def duty_lines(self, row: int) -> int:
        """How many lines the row's duties cell shows: one per duty delegated today."""
        return sum(1 for d in self._records[row].delegations if d.active_on(self._today))

    def row_of(self, contact_id: int) -> int | None:
        return next((row for row, r in enumerate(self._records) if r.id == contact_id), None)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and section == Column.DUTIES
        ):
            return self.tr("Duties delegated on this trial and active today; hover a cell for the full log")
        return super().headerData(section, orientation, role)

    def _header(self, column: Column) -> str:
        match column:
            case Column.NAME:
                return self.tr("Name")
            case Column.CATEGORY:
                return self.tr("Category")
            case Column.ORGANISATION:
                return self.tr("Organisation")
            case Column.ROLE:
                return self.tr("Role")
            case Column.PHONE:
                return self.tr("Phone")
            case Column.EMAIL:
                return self.tr("E-mail")
            case Column.DUTIES:
                return self.tr("Delegated duties")
            case Column.STATUS:
                return self.tr("Status")

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        if role == SORT_ROLE:
            return self._sort_key(record, column)
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.ForegroundRole and record.retired:
            return QGuiApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    # -- what a cell says ----------------------------------------------------------------------

    def display_text(self, record: ContactRecord, column: Column) -> str:
        match column:
            case Column.NAME:
                return record.name
            case Column.CATEGORY:
                return label(record.category)
            case Column.ORGANISATION:
                return record.organisation
            case Column.ROLE:
                return record.role
            case Column.PHONE:
                return record.phone_display
            case Column.EMAIL:
                return record.email
            case Column.DUTIES:
                return "\n".join(
                    self.tr("{duty} ({date}–)").format(duty=duty_label(d.duty), date=format_date(d.start_date))
                    for d in record.delegations
                    if d.active_on(self._today)
                )
            case Column.STATUS:
                if record.retired_on is None:
                    return self.tr("Active")
                return self.tr("Retired on {date}").format(date=format_date(record.retired_on))

    def delegation_line(self, delegation: Delegation) -> str:
        """One line of the delegation log as the tooltip shows it: ``duty: from – to``."""
        end = format_date(delegation.end_date) if delegation.end_date else self.tr("open")
        return self.tr("{duty}: {start} – {end}").format(
            duty=duty_label(delegation.duty), start=format_date(delegation.start_date), end=end
        )

    def _tooltip(self, record: ContactRecord, column: Column) -> str | None:
        if column == Column.DUTIES:
            if not record.delegations:
                return None
            lines = [self.delegation_line(d) for d in record.delegations]
            return self.tr("Delegation log for this trial:") + "\n" + "\n".join(lines)
        if column == Column.PHONE and record.phone:
            return self.tr("{display} (international: {e164})").format(display=record.phone_display, e164=record.phone)
        if column == Column.NAME and record.notes:
            return record.notes
        text = self.display_text(record, column)
        return text or None

    def _sort_key(self, record: ContactRecord, column: Column) -> str | int:
        name = record.name.casefold()
        match column:
            case Column.CATEGORY:
                return f"{_CATEGORY_ORDER.index(record.category):02d} {name}"
            case Column.PHONE:
                return record.phone
            case Column.STATUS:
                # Active contacts first, then the most recently retired.
                return 0 if record.retired_on is None else dt.date.max.toordinal() - record.retired_on.toordinal()
            case _:
                return self.display_text(record, column).casefold()

    def search_text(self, row: int) -> str:
        """Everything a search may match on a row, folded; phone numbers also as bare digits."""
        record = self._records[row]
        parts = [self.display_text(record, column) for column in Column]
        parts += [d.duty for d in record.delegations if d.active_on(self._today)]
        parts += [record.phone, _digits(record.phone_display), record.notes]
        return "\n".join(parts).casefold()


class ContactFilterProxyModel(QSortFilterProxyModel):
    """Case-insensitive search across every text column, plus a category filter and retired on/off."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search = ""
        self._category: ContactCategory | None = None
        self._show_retired = False
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._search = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_category(self, category: ContactCategory | None) -> None:
        self.beginFilterChange()
        self._category = category
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_retired(self, show: bool) -> None:
        self.beginFilterChange()
        self._show_retired = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_filtered(self) -> bool:
        return bool(self._search) or self._category is not None

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ContactTableModel) or source_parent.isValid():
            return True
        record = model.record(source_row)
        if record.retired and not self._show_retired:
            return False
        if self._category is not None and record.category != self._category:
            return False
        if not self._search:
            return True
        haystack = model.search_text(source_row)
        return all(_matches(word, haystack) for word in self._search.split())


def _matches(word: str, haystack: str) -> bool:
    """``word`` occurs in ``haystack``; a number typed with dashes or dots also matches its bare digits."""
    if word in haystack:
        return True
    digits = _digits(word)
    looks_like_number = len(digits) >= 3 and all(ch.isdigit() or ch in "+-.()/" for ch in word)
    return looks_like_number and digits in haystack
