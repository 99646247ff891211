"""The main window: a trial selector above four tabs, remembering its geometry and last tab.

It is made and painted before the database is opened (so the app appears at once), then serves one signed-in
user from :meth:`MainWindow.begin_session` on. This module therefore loads nothing of the data layer: what a
session needs is imported by the session (and the types only for the type checker).
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from coordinator_app.domain.errors import PermissionDeniedError, ProtocolError
from coordinator_app.gui.application import set_aside_long_lived_objects
from coordinator_app.gui.change_watch import CHECK_INTERVAL_MS, ChangeWatcher
from coordinator_app.gui.first_paint import wait_for_first_paint
from coordinator_app.gui.forms.ui_main_window import Ui_MainWindow
from coordinator_app.gui.language import LanguageMenu

if TYPE_CHECKING:
    from coordinator_app.gui.access.idle_lock import IdleLock
    from coordinator_app.gui.audit.dialog import AuditTrailDialog
    from coordinator_app.gui.calendar.tab import CalendarTab
    from coordinator_app.gui.contacts.tab import ContactsTab
    from coordinator_app.gui.eligibility.tab import EligibilityTab
    from coordinator_app.gui.overview.tab import OverviewTab
    from coordinator_app.gui.tab import TrialTab
    from coordinator_app.services.trials import LoadResult, TrialSummary
    from coordinator_app.services.workspace import Workspace

TAB_NAMES = ("overview", "eligibility", "calendar", "contacts")
# Where each tab's widget class lives: imported when the tab is first needed, or in an idle moment before.
TAB_CLASSES = {
    "overview": ("coordinator_app.gui.overview.tab", "OverviewTab"),
    "eligibility": ("coordinator_app.gui.eligibility.tab", "EligibilityTab"),
    "calendar": ("coordinator_app.gui.calendar.tab", "CalendarTab"),
    "contacts": ("coordinator_app.gui.contacts.tab", "ContactsTab"),
}
# Tabs that summarise what other tabs change (counts, the day's visits): read again when they are returned to, if
# anything was saved since they were read or the day has changed.
REREAD_ON_RETURN = frozenset({"overview", "calendar"})


class MainWindow(QMainWindow):
    _workspace: Workspace  # from begin_session on: before it, every command that needs it is disabled

    def __init__(self, settings: QSettings, *, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_MainWindow()
        self.form.setupUi(self)
        self._settings = settings
        self._trials: list[TrialSummary] = []
        self._stale_tabs: set[int] = set()  # tabs not showing the selected trial's current data: loaded when shown
        self._read_at: dict[int, tuple[int, dt.date]] = {}  # each loaded tab's change stamp and day when read

        # Each tab page holds its tab, made when first shown or asked for, or in idle moments after the session
        # begins: a tab's module and widgets take tens of milliseconds to load and build, which the first screen
        # need not wait for, and the first opening of a tab need not either.
        self._built: dict[str, QWidget] = {}
        self._prepared: set[str] = set()  # tabs made and loaded in idle moments (or shown before)
        titles = (self.tr("&Overview"), self.tr("&Eligibility"), self.tr("Infusion &calendar"), self.tr("C&ontacts"))
        for index, title in enumerate(titles):
            page = QWidget(self.form.tabs)
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self.form.tabs.addTab(page, title)
            self._add_tab_shortcut(index, title)
        self._shown_tab = self.form.tabs.currentIndex()
        self.form.tabs.currentChanged.connect(self._tab_changed)

        self.form.demoBanner.setVisible(demo)
        self.form.quitAction.triggered.connect(self.close)
        self.form.loadProtocolAction.triggered.connect(self.load_protocol_file)
        self.form.importCtgovAction.triggered.connect(self.import_ctgov_record)
        self.form.refreshAction.triggered.connect(self.refresh)
        self.language_menu = LanguageMenu(self.form.languageMenu, settings, self)
        self.form.aboutAction.triggered.connect(self.show_about)
        self.form.changePasswordAction.triggered.connect(self.change_password)
        self.form.staffAction.triggered.connect(self.show_staff)
        self.audit_dialog: AuditTrailDialog | None = None
        self.form.auditTrailAction.triggered.connect(self.show_audit_trail)
        self.form.subjectHistoryAction.triggered.connect(self.show_subject_history)
        self.change_watcher: ChangeWatcher | None = None
        for action in self._session_actions():
            action.setEnabled(False)  # until somebody is signed in: see begin_session
        self.form.trialSelector.setEnabled(False)
        self.form.trialSelector.currentIndexChanged.connect(self._show_selected_trial)
        self.setWindowTitle(self.tr("Trial Coordinator") + (self.tr(" [DEMO]") if demo else ""))
        self.user_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.user_label)
        self._restore_state()

    @classmethod
    def for_session(cls, workspace: Workspace, settings: QSettings, parent: QWidget | None = None) -> MainWindow:
        """A window already serving ``workspace``'s signed-in user (the screenshots' and the tests' way in)."""
        window = cls(settings, demo=workspace.demo, parent=parent)
        window.begin_session(workspace)
        return window

    def show_opening(self) -> None:
        """Show the window, saying the database is being opened, and return once it is painted: what follows (the
        database layer loading, then the sign-in) keeps the event loop busy for a moment."""
        self.statusBar().showMessage(self.tr("Opening the database…"))
        wait_for_first_paint(self)

    def show_database(self, workspace: Workspace) -> None:
        """Say which database is open (under the sign-in, and then all day)."""
        self.statusBar().showMessage(self.tr("Database: {url}").format(url=workspace.database.display_url))

    def begin_session(self, workspace: Workspace) -> None:
        """Serve ``workspace``'s signed-in user: the commands their role allows, the trials, the shown tab."""
        self._workspace = workspace
        self.show_database(workspace)
        self.form.trialSelector.setEnabled(True)
        self._show_user()
        self.reload_trials()
        self.change_watcher = self.watch_for_changes()
        QTimer.singleShot(0, self, self._prepare_tabs)  # cancelled if the window goes first

    @property
    def overview(self) -> OverviewTab:
        return cast("OverviewTab", self._tab("overview"))

    @property
    def eligibility(self) -> EligibilityTab:
        return cast("EligibilityTab", self._tab("eligibility"))

    @property
    def calendar(self) -> CalendarTab:
        return cast("CalendarTab", self._tab("calendar"))

    @property
    def contacts(self) -> ContactsTab:
        return cast("ContactsTab", self._tab("contacts"))

    def _tab(self, name: str) -> QWidget:
        """The tab called ``name``, made and put on its page the first time it is needed."""
        if name not in self._built:
            tab = self._make_tab(name)
            page = self.form.tabs.widget(TAB_NAMES.index(name))
            page.layout().addWidget(tab)
            self._built[name] = tab
        return self._built[name]

    def _make_tab(self, name: str) -> QWidget:
        module, class_name = TAB_CLASSES[name]
        make: Callable[[Workspace], QWidget] = getattr(importlib.import_module(module), class_name)
        return make(self._workspace)

    def _prepare_tabs(self) -> None:
        """Prepare one tab not yet made, then come back in the next idle moment for the next step: import its code,
        make its widgets (on its hidden page, polished by the style), then load what else it needs. Its first
        opening then only reads the trial and paints, and no step holds the event loop for long (10-40 ms each).
        Last, the session's long-lived objects are set aside from the garbage collector."""
        from coordinator_app.gui.tab import PreparedInIdle

        if self._prepared.issuperset(TAB_CLASSES):
            set_aside_long_lived_objects()  # the window's long-lived objects are all made now
            return
        for name, (module, _) in TAB_CLASSES.items():
            if name in self._prepared:
                continue
            if module not in sys.modules:
                importlib.import_module(module)
            elif name not in self._built:
                self._tab(name).ensurePolished()
            else:
                tab = self._built[name]
                if isinstance(tab, PreparedInIdle):
                    tab.prepare()
                self._prepared.add(name)
            QTimer.singleShot(0, self, self._prepare_tabs)  # cancelled if the window goes first
            return

    def _show_user(self) -> None:
        """Who is signed in, and the menu commands their role allows (the services refuse the others anyway)."""
        from coordinator_app.domain.access import Permission  # the domain: loaded with the session, not before
        from coordinator_app.gui.labels import label

        user = self._workspace.user
        assert user is not None, "a session is begun for the user who signed in"
        self.user_label.setText(
            self.tr("Signed in: {name} · {role}").format(name=user.display_name, role=label(user.role))
        )
        for action in (self.form.refreshAction, self.form.auditTrailAction, self.form.subjectHistoryAction):
            action.setEnabled(True)
        for action, permission in (
            (self.form.loadProtocolAction, Permission.MANAGE_SITE),
            (self.form.importCtgovAction, Permission.MANAGE_SITE),
            (self.form.staffAction, Permission.MANAGE_USERS),
            (self.form.changePasswordAction, Permission.CHANGE_OWN_PASSWORD),
        ):
            action.setEnabled(user.may(permission))

    def _session_actions(self) -> tuple[QAction, ...]:
        """The commands that act on the data, for the signed-in user only."""
        form = self.form
        return (
            form.loadProtocolAction,
            form.importCtgovAction,
            form.refreshAction,
            form.changePasswordAction,
            form.staffAction,
            form.auditTrailAction,
            form.subjectHistoryAction,
            form.lockAction,
        )

    def use_idle_lock(self, lock: IdleLock) -> None:
        """Account > Lock now locks with ``lock``, the application's idle lock."""
        self.form.lockAction.triggered.connect(lock.lock)
        self.form.lockAction.setEnabled(True)

    def show_about(self) -> None:
        from coordinator_app.gui.about import AboutDialog

        AboutDialog.show_about(self)

    def change_password(self) -> None:
        from coordinator_app.gui.access.sign_in import ChangePasswordDialog

        if ChangePasswordDialog.ask(self, self._workspace) is not None:
            self.statusBar().showMessage(self.tr("Password changed."), 10_000)

    def show_staff(self) -> None:
        from coordinator_app.gui.access.staff import StaffDialog

        StaffDialog.show_accounts(self, self._workspace)

    def show_audit_trail(self) -> AuditTrailDialog:
        """The audit trail viewer beside this window: one of it, brought up to date and to the front."""
        if self.audit_dialog is None:
            from coordinator_app.gui.audit.dialog import AuditTrailDialog

            self.audit_dialog = AuditTrailDialog(self._workspace, self)
        else:
            self.audit_dialog.refresh()
        self.audit_dialog.show()
        self.audit_dialog.raise_()
        self.audit_dialog.activateWindow()
        return self.audit_dialog

    def show_subject_history(self) -> None:
        """The audit trail of the subject chosen on the Eligibility tab."""
        subject = self.eligibility.current_subject()
        if subject is None:
            self.statusBar().showMessage(self.tr("Choose a subject on the Eligibility tab first."), 10_000)
            return
        self.show_audit_trail().show_subject(subject.id)

    def _add_tab_shortcut(self, index: int, title: str) -> None:
        action = QAction(title, self)
        action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        action.triggered.connect(lambda: self.form.tabs.setCurrentIndex(index))
        self.form.viewMenu.addAction(action)

    # -- trials ----------------------------------------------------------------------------------

    def reload_trials(self) -> None:
        """Fill the selector, keeping the current trial if it still exists."""
        current = self.current_trial()
        self._trials = self._workspace.trials.list_trials()
        selector = self.form.trialSelector
        selector.blockSignals(True)
        selector.clear()
        for trial in self._trials:
            selector.addItem(f"{trial.nct_id} · {trial.title}", trial.id)
        selector.blockSignals(False)
        index = next((i for i, t in enumerate(self._trials) if current and t.id == current.id), 0)
        selector.setCurrentIndex(index)
        self._show_selected_trial()

    def current_trial(self) -> TrialSummary | None:
        index = self.form.trialSelector.currentIndex()
        return self._trials[index] if 0 <= index < len(self._trials) else None

    def select_trial(self, nct_id: str) -> None:
        index = next(i for i, t in enumerate(self._trials) if t.nct_id == nct_id)
        self.form.trialSelector.setCurrentIndex(index)

    def _show_selected_trial(self) -> None:
        """Every tab is out of date now; only the one on screen is loaded, the others when they are shown (a
        large trial takes a moment per tab, and most visits to the app look at one or two)."""
        self._stale_tabs = set(range(len(TAB_NAMES)))
        self._load_shown_tab()

    def _tab_changed(self, index: int) -> None:
        self._shown_tab = index
        returning = self.current_trial() is not None and TAB_NAMES[index] in REREAD_ON_RETURN
        if returning and self._read_at.get(index) != self._data_moment():
            self._stale_tabs.add(index)
        self._load_shown_tab()

    def _data_moment(self) -> tuple[int, dt.date]:
        """What a summarising tab's contents depend on besides the trial: every change saved (from any desktop or
        tab: each writes audit rows) moves the stamp; "today", "this week" and "overdue" move with the date."""
        return self._workspace.database.change_stamp(), dt.date.today()

    def _load_shown_tab(self) -> None:
        index = self.form.tabs.currentIndex()
        trial = self.current_trial()
        if trial is not None and index in self._stale_tabs:
            self._stale_tabs.discard(index)
            if TAB_NAMES[index] in REREAD_ON_RETURN:
                self._read_at[index] = self._data_moment()  # before reading: a change meanwhile is seen next time
            tab: TrialTab = cast("TrialTab", self._tab(TAB_NAMES[index]))
            tab.show_trial(trial)

    def refresh(self) -> None:
        self.reload_trials()

    def watch_for_changes(self, interval_ms: int = CHECK_INTERVAL_MS) -> ChangeWatcher:
        """Refresh the tabs when work is saved elsewhere (another desktop on the shared server)."""
        watcher = ChangeWatcher(self._workspace.database.change_stamp, interval_ms, self)
        watcher.changed.connect(self.refresh)
        return watcher

    def load_protocol_file(self) -> None:
        path = self.choose_file(self.tr("Load protocol file"), self.tr("Protocol files (*.toml)"))
        if path is not None:
            self._load_trials(lambda: [self._workspace.trials.load_protocol_file(path, self._workspace.actor)])

    def import_ctgov_record(self) -> None:
        path = self.choose_file(
            self.tr("Import ClinicalTrials.gov record"), self.tr("ClinicalTrials.gov API v2 records (*.json)")
        )
        if path is not None:
            self._load_trials(lambda: self._workspace.trials.import_ctgov_file(path, self._workspace.actor))

    def _load_trials(self, load: Callable[[], list[LoadResult]]) -> None:
        try:
            results = load()
        except ProtocolError as error:
            self.show_error(self.tr("The file cannot be used"), str(error))
            return
        except PermissionDeniedError as error:
            self.show_error(self.tr("Trial not loaded"), str(error))
            return
        self.reload_trials()
        self.select_trial(results[-1].trial.nct_id)
        self.statusBar().showMessage(
            self.tr("Loaded {trials}.").format(trials=", ".join(r.trial.nct_id for r in results)), 10_000
        )

    # -- seams for tests: dialogs never block there -------------------------------------------------

    def choose_file(self, title: str, file_filter: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, title, "", file_filter)
        return Path(name) if name else None

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # -- tabs and state --------------------------------------------------------------------------

    def show_tab(self, name: str) -> None:
        self.form.tabs.setCurrentIndex(TAB_NAMES.index(name))

    def current_tab_name(self) -> str:
        return TAB_NAMES[self.form.tabs.currentIndex()]

    def _restore_state(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        last_tab = self._settings.value("window/tab", "overview")
        if last_tab in TAB_NAMES:
            self.show_tab(str(last_tab))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.change_watcher is not None:
            self.change_watcher.stop()  # the workspace may be closed next: no more looks at it
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/tab", self.current_tab_name())
        self._settings.sync()
        super().closeEvent(event)
