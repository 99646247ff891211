"""The Contacts tab: search, filter and sort the site's contacts; add, edit, retire; copy a number."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelection, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QMessageBox, QWidget

from coordinator_app.domain.access import Permission
from coordinator_app.domain.contacts import ContactCategory, ContactDraft, ContactRecord
from coordinator_app.domain.errors import ConcurrentChangeError, NotFoundError, PermissionDeniedError, ValidationError
from coordinator_app.gui.access.roles import may
from coordinator_app.gui.conflicts import ask_reload
from coordinator_app.gui.contacts.dialog import ContactDialog, RetireDialog
from coordinator_app.gui.contacts.model import (
    RECORD_ROLE,
    Column,
    ContactFilterProxyModel,
    ContactTableModel,
)
from coordinator_app.gui.formatting import format_date
from coordinator_app.gui.forms.ui_contacts_tab import Ui_ContactsTab
from coordinator_app.gui.labels import label
from coordinator_app.gui.table_model import SIZED_ROWS
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace

# No column may push the delegated duties off screen; the user can still widen it (tooltips show it all).
_COLUMN_CAPS = {Column.NAME: 180, Column.ORGANISATION: 120, Column.ROLE: 140, Column.EMAIL: 170}


class ContactsTab(QWidget):
    """Everyone the site deals with on the selected trial, and the delegation log of its staff."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_ContactsTab()
        self.form.setupUi(self)
        self._workspace = workspace
        self._trial: TrialSummary | None = None

        self.model = ContactTableModel(self)
        self.proxy = ContactFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        table = self.form.table
        table.setModel(self.proxy)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)  # the rest show whole in their tooltips
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.sortByColumn(Column.CATEGORY, Qt.SortOrder.AscendingOrder)

        self.form.categoryFilter.addItem(self.tr("All categories"), None)
        for category in ContactCategory:
            self.form.categoryFilter.addItem(label(category), category.value)

        self._build_actions()
        self.form.searchField.textChanged.connect(self._search_changed)
        self.form.categoryFilter.currentIndexChanged.connect(self._category_changed)
        self.form.showRetired.toggled.connect(self._show_retired_changed)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        table.doubleClicked.connect(self._double_clicked)
        self._update_actions()
        self._update_empty_state()

    def _build_actions(self) -> None:
        form = self.form
        self.add_action = QAction(self.tr("&Add contact…"), self)
        self.edit_action = QAction(self.tr("&Edit…"), self)
        self.retire_action = QAction(self.tr("Re&tire…"), self)
        self.copy_phone_action = QAction(self.tr("Copy &phone"), self)
        self.copy_email_action = QAction(self.tr("Copy e-&mail"), self)
        self.copy_phone_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_phone_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        tips = {
            self.add_action: self.tr("Add a person or organisation"),
            self.edit_action: self.tr("Change the selected contact and its delegation log (double-click a row)"),
            self.copy_phone_action: self.tr(
                "Copy the selected contact's number as you dial it (Ctrl+C): national format for Chinese numbers, "
                "+country code for others"
            ),
            self.copy_email_action: self.tr("Copy the selected contact's e-mail address"),
        }
        for action, tip in tips.items():
            action.setToolTip(tip)
            action.setStatusTip(tip)
        for button, action in (
            (form.addButton, self.add_action),
            (form.editButton, self.edit_action),
            (form.retireButton, self.retire_action),
            (form.copyPhoneButton, self.copy_phone_action),
            (form.copyEmailButton, self.copy_email_action),
        ):
            button.clicked.connect(action.trigger)
        self.add_action.triggered.connect(self.add_contact)
        self.edit_action.triggered.connect(self.edit_contact)
        self.retire_action.triggered.connect(self.retire_or_reinstate)
        self.copy_phone_action.triggered.connect(self.copy_phone)
        self.copy_email_action.triggered.connect(self.copy_email)
        # The table's context menu lists its actions (ActionsContextMenu); Ctrl+C works while it has focus.
        form.table.addActions(
            [self.edit_action, self.retire_action, self.copy_phone_action, self.copy_email_action, self.add_action]
        )

    def prepare(self) -> None:
        self._workspace.contacts.prepare()

    # -- the trial ---------------------------------------------------------------------------

    def show_trial(self, trial: TrialSummary) -> None:
        self._trial = trial
        self.reload()

    def today(self) -> dt.date:
        return dt.date.today()

    def reload(self, select_id: int | None = None) -> None:
        """Re-read the contacts of the current trial, keeping (or moving to) a selected contact."""
        if self._trial is None:
            return
        keep = select_id if select_id is not None else self._selected_id()
        records = self._workspace.contacts.list_contacts(self._trial.id, include_retired=True)
        self.model.set_contacts(records, self.today())
        self._resize_columns()
        if keep is not None:
            self.select_contact(keep)
        self._update_actions()
        self._update_empty_state()

    def _resize_columns(self) -> None:
        """Fit each column to its text within a cap; the delegated duties take the remaining width."""
        table = self.form.table
        header = table.horizontalHeader()
        for column in Column:
            if column == Column.DUTIES:
                continue
            table.resizeColumnToContents(column)
            cap = _COLUMN_CAPS.get(column)
            if cap is not None and header.sectionSize(column) > cap:
                header.resizeSection(column, cap)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Rows as tall as their text (a contact's duties are a line each), measured once per change of the list:
        rows that keep measuring themselves ask the model for every cell many times over. One-line rows are all as
        tall as the first of them, so only that one and the rows listing several duties are measured."""
        table, proxy = self.form.table, self.proxy
        lines = [self.model.duty_lines(proxy.mapToSource(proxy.index(row, 0)).row()) for row in range(proxy.rowCount())]
        one_line = next((row for row, count in enumerate(lines) if count <= 1), None)
        height = table.sizeHintForRow(one_line) if one_line is not None else 0
        header = table.verticalHeader()
        for row, count in enumerate(lines):
            if count > 1:
                table.resizeRowToContents(row)
            else:
                header.resizeSection(row, height)

    # -- selection ---------------------------------------------------------------------------

    def selected_record(self) -> ContactRecord | None:
        rows = self.form.table.selectionModel().selectedRows()
        if not rows:
            return None
        record = rows[0].data(RECORD_ROLE)
        return record if isinstance(record, ContactRecord) else None

    def _selected_id(self) -> int | None:
        record = self.selected_record()
        return record.id if record else None

    def select_contact(self, contact_id: int) -> bool:
        """Select and show the contact's row; False when it is filtered out or unknown."""
        row = self.model.row_of(contact_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.form.table.selectRow(index.row())
        self.form.table.scrollTo(index)
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_actions()

    def _double_clicked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid():
            self.edit_contact()

    def _update_actions(self) -> None:
        record = self.selected_record()
        has_trial = self._trial is not None
        manages = may(self._workspace, Permission.MANAGE_CONTACTS)
        self.add_action.setEnabled(manages and has_trial)
        self.edit_action.setEnabled(manages and record is not None)
        self.retire_action.setEnabled(manages and record is not None)
        self.copy_phone_action.setEnabled(record is not None and bool(record.phone_display))
        self.copy_email_action.setEnabled(record is not None and bool(record.email))
        if record is not None and record.retired:
            self.retire_action.setText(self.tr("Rein&state"))
            self.retire_action.setToolTip(self.tr("Make the retired contact active again"))
        else:
            self.retire_action.setText(self.tr("Re&tire…"))
            self.retire_action.setToolTip(self.tr("The contact has left: keep it on record, end its open duties"))
        form = self.form
        for button, action in (
            (form.addButton, self.add_action),
            (form.editButton, self.edit_action),
            (form.retireButton, self.retire_action),
            (form.copyPhoneButton, self.copy_phone_action),
            (form.copyEmailButton, self.copy_email_action),
        ):
            button.setEnabled(action.isEnabled())
            button.setText(action.text())
            button.setToolTip(action.toolTip())

    # -- filters -----------------------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._after_filter()

    def _category_changed(self, _index: int) -> None:
        value = self.form.categoryFilter.currentData()
        self.proxy.set_category(ContactCategory(value) if value else None)
        self._after_filter()

    def _show_retired_changed(self, show: bool) -> None:
        self.proxy.set_show_retired(show)
        self._after_filter()

    def _after_filter(self) -> None:
        self._fit_rows()
        self._update_actions()
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        form = self.form
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown:
            form.tableStack.setCurrentWidget(form.tablePage)
        else:
            if total == 0:
                text = self.tr("No contacts yet. Use “Add contact…” to record site staff and their delegated duties.")
            elif self.proxy.is_filtered():
                text = self.tr("No contact matches the search or category. Clear the search to see everyone.")
            else:
                text = self.tr("All contacts are retired. Tick “Show retired” to see them.")
            form.emptyLabel.setText(text)
            form.tableStack.setCurrentWidget(form.emptyPage)
        form.countLabel.setText(self.tr("{shown} of {total} contacts").format(shown=shown, total=total))

    # -- seams: dialogs and message boxes (tests replace these) ------------------------------

    def open_contact_dialog(self, record: ContactRecord | None) -> ContactDraft | None:
        assert self._trial is not None
        return ContactDialog.edit(self, record, self._trial, self.today())

    def ask_retire_date(self, record: ContactRecord) -> dt.date | None:
        return RetireDialog.ask(self, record, self.today())

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_reload(self, title: str, error: ConcurrentChangeError) -> bool:
        return ask_reload(self, title, error)

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def show_status(self, text: str) -> None:
        self.form.statusLabel.setText(text)
        self.form.statusLabel.setToolTip(text)

    # -- commands ----------------------------------------------------------------------------

    def add_contact(self) -> None:
        if self._trial is None:
            return
        draft = self.open_contact_dialog(None)
        if draft is None:
            return
        try:
            record = self._workspace.contacts.add(self._trial.id, draft, self._workspace.actor)
        except (ValidationError, PermissionDeniedError) as error:
            self.show_error(self.tr("Contact not added"), str(error))
            return
        self._reveal(record)
        self.show_status(self.tr("Added {name}.").format(name=record.name))

    def edit_contact(self) -> None:
        record = self.selected_record()
        if record is None or self._trial is None:
            return
        draft = self.open_contact_dialog(record)
        if draft is None:
            return
        try:
            saved = self._workspace.contacts.update(
                record.id, self._trial.id, draft, self._workspace.actor, expected_version=record.version
            )
        except ConcurrentChangeError as error:
            if self.ask_reload(self.tr("Contact not saved"), error):
                self.reload(select_id=record.id)
            return
        except (ValidationError, NotFoundError, PermissionDeniedError) as error:
            self.show_error(self.tr("Contact not saved"), str(error))
            return
        self._reveal(saved)
        self.show_status(self.tr("Saved {name}.").format(name=saved.name))

    def retire_or_reinstate(self) -> None:
        record = self.selected_record()
        if record is None or self._trial is None:
            return
        if record.retired:
            self.reinstate_contact(record)
        else:
            self.retire_contact(record)

    def retire_contact(self, record: ContactRecord) -> None:
        assert self._trial is not None
        day = self.ask_retire_date(record)
        if day is None:
            return
        try:
            self._workspace.contacts.retire(record.id, self._trial.id, day, self._workspace.actor)
        except (ValidationError, NotFoundError, PermissionDeniedError) as error:
            self.show_error(self.tr("Contact not retired"), str(error))
            return
        self.reload(select_id=record.id)
        self.show_status(
            self.tr("Retired {name} on {date}; open duties ended.").format(name=record.name, date=format_date(day))
        )

    def reinstate_contact(self, record: ContactRecord) -> None:
        assert self._trial is not None
        if not self.confirm(
            self.tr("Reinstate contact"),
            self.tr("Make {name} active again? Ended duties stay ended; add new lines in Edit.").format(
                name=record.name
            ),
        ):
            return
        try:
            self._workspace.contacts.reinstate(record.id, self._trial.id, self._workspace.actor)
        except (NotFoundError, PermissionDeniedError) as error:
            self.show_error(self.tr("Contact not reinstated"), str(error))
            return
        self.reload(select_id=record.id)
        self.show_status(self.tr("Reinstated {name}.").format(name=record.name))

    def _reveal(self, record: ContactRecord) -> None:
        """Reload and select ``record``, widening the filters if they would hide it."""
        self.reload()
        if self.select_contact(record.id):
            return
        self.form.searchField.clear()
        self.form.categoryFilter.setCurrentIndex(0)
        if record.retired:
            self.form.showRetired.setChecked(True)
        self.select_contact(record.id)

    def copy_phone(self) -> None:
        record = self.selected_record()
        if record is None or not record.phone_display:
            return
        QApplication.clipboard().setText(record.phone_display)
        self.show_status(self.tr("Copied phone {phone} ({name}).").format(phone=record.phone_display, name=record.name))

    def copy_email(self) -> None:
        record = self.selected_record()
        if record is None or not record.email:
            return
        QApplication.clipboard().setText(record.email)
        self.show_status(self.tr("Copied e-mail {email} ({name}).").format(email=record.email, name=record.name))
