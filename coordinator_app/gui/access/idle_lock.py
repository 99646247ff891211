"""The idle lock: a desktop left alone (or locked with Ctrl+L) hides every open window behind an opaque cover and
asks the signed-in user's password to go on.

Nothing is closed or hidden while locked: a dialog in the middle of exec() would end if it were hidden, and
whatever was typed in it would be lost. The covers only paint over the windows and take their mouse; the
application-modal prompt takes the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.gui.access.form_dialog import FormDialog
from coordinator_app.gui.formatting import rich
from coordinator_app.services.users import Credentials, UserAccount
from coordinator_app.services.workspace import Workspace

# What counts as somebody at the desk: pressing, moving, scrolling, touching. Paint and timer events do not.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)
_COVERED_TYPES = (Qt.WindowType.Window, Qt.WindowType.Dialog)


def idle_interval_ms(workspace: Workspace) -> int:
    """The site's rule, in the timer's unit."""
    return workspace.site_settings.rules().idle_lock_minutes * 60_000


class LockOverlay(QWidget):
    """Covers one window, following its size; the window underneath keeps its state."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#37474f"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("white"))
        self.setPalette(palette)
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("Trial Coordinator is locked"), self)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        text.setStyleSheet("font-size: 16pt;")
        layout.addWidget(text)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window:
            if event.type() == QEvent.Type.Resize:
                self.setGeometry(self._window.rect())
            elif event.type() == QEvent.Type.ChildAdded:
                self.raise_()  # a widget added to the window later must not show above the cover
        return False

    def remove(self) -> None:
        self._window.removeEventFilter(self)
        self.hide()
        self.deleteLater()


class UnlockPrompt(FormDialog[UserAccount]):
    """The signed-in user's password, or signing out; it cannot be closed otherwise."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        user = workspace.user
        assert user is not None, "only a signed-in session locks"
        self.setWindowTitle(self.tr("Trial Coordinator is locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.set_intro(
            self.tr(
                "<b>{name}</b> is signed in. Type the password to go on exactly where you left off: open windows "
                "and anything typed in them are kept."
            ).format(name=rich(user.display_name))
        )
        self.password_edit = self.add_password(self.tr("&Password:"), "password")
        self.ok_button.setText(self.tr("Unlock"))
        self.buttons.removeButton(self.cancel_button)
        self.cancel_button.deleteLater()
        self.sign_out_button: QPushButton = self.buttons.addButton(
            self.tr("Sign out…"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.sign_out_button.setToolTip(self.tr("Another user signs in; unsaved input in open windows is lost"))
        self.password_edit.setFocus()
        self.fit(420)

    def submit(self) -> UserAccount:
        return self._workspace.users.reauthenticate(Credentials(self._workspace.actor, self.password_edit.text()))

    def reject(self) -> None:
        """Escape and the window's close button do not unlock."""


class IdleLock(QObject):
    """Counts user input anywhere in the application; after ``interval_ms`` without any, or on ``lock()``, covers
    every open window and shows the unlock prompt. ``sign_out_requested`` (``signed_out`` stays True) asks the
    session to end for the next user to sign in."""

    sign_out_requested = Signal()

    def __init__(self, workspace: Workspace, window: QWidget, interval_ms: int) -> None:
        super().__init__(window)
        self._workspace = workspace
        self._window = window
        self._overlays: list[LockOverlay] = []
        self.prompt: UnlockPrompt | None = None
        self.signed_out = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.lock)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self._timer.start()

    def is_locked(self) -> bool:
        return self.prompt is not None

    def overlays(self) -> list[LockOverlay]:
        return list(self._overlays)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.prompt is None:
            if event.type() in INPUT_EVENTS:
                self._timer.start()
        elif event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and self._coverable(watched):
            self._cover(watched)  # e.g. a print preview that a background job opened while locked
        return False

    def lock(self) -> None:
        if self.prompt is not None or not self._window.isVisible():
            return  # locked already, or the session's window is closed
        self._timer.stop()
        QToolTip.hideText()
        while (popup := QApplication.activePopupWidget()) is not None and popup.close():
            pass  # open menus and drop-down lists would stay above the covers
        self.prompt = UnlockPrompt(self._workspace, self._window)
        for window in QApplication.topLevelWidgets():
            if self._coverable(window):
                self._cover(window)
        self.prompt.accepted.connect(self._unlock)
        self.prompt.sign_out_button.clicked.connect(self._sign_out)
        self.prompt.show()
        self.prompt.activateWindow()

    def _coverable(self, widget: QWidget) -> bool:
        if not (widget.isWindow() and widget.isVisible() and widget.windowType() in _COVERED_TYPES):
            return False
        if any(overlay.window() is widget for overlay in self._overlays):
            return False
        owner: QWidget | None = widget
        while owner is not None:  # the prompt and what it opens (the sign-out question) stay uncovered
            if owner is self.prompt:
                return False
            owner = owner.parentWidget()
        return True

    def _cover(self, window: QWidget) -> None:
        self._overlays.append(LockOverlay(window))

    def _unlock(self) -> None:
        self._uncover()
        self._timer.start()

    def _uncover(self) -> None:
        for overlay in self._overlays:
            overlay.remove()
        self._overlays.clear()
        if self.prompt is not None:
            self.prompt.hide()
            self.prompt.deleteLater()
            self.prompt = None

    def end(self) -> None:
        """The session's event loop has ended: nothing stays covered and idle time is no longer counted."""
        self._uncover()
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def confirm_sign_out(self) -> bool:
        """Asked before signing out from the locked screen (tests replace it)."""
        answer = QMessageBox.question(
            self.prompt,
            self.tr("Sign out"),
            self.tr(
                "Sign out and close every window of Trial Coordinator? Anything typed and not saved in them is "
                "lost. The sign-in then opens for the next user."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _sign_out(self) -> None:
        if not self.confirm_sign_out():
            return
        self.signed_out = True
        self.sign_out_requested.emit()
