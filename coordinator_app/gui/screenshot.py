"""Render the main window or one of its dialogs offscreen to a PNG: README images, the user guide, the smoke test.

A tab is the main window on that tab. A view (``VIEWS``) is a dialog of one of the guide's tasks, built on the demo
workspace and filled as a coordinator would fill it. Where a tab opens the dialog itself, the view replaces the tab's
seam (the method tests replace) so that the tab's own code gathers the data; the dialog is shown, not exec'd, and the
command is abandoned as if cancelled, so nothing is saved.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from coordinator_app.domain.schedule import VisitStatus
from coordinator_app.domain.subjects import Sex
from coordinator_app.gui.access.sign_in import FirstStartDialog, SignInDialog
from coordinator_app.gui.access.signature_dialog import SignatureDialog, SignatureRequest
from coordinator_app.gui.calendar.dialogs import Dose1Dialog, RescheduleDialog
from coordinator_app.gui.calendar.infusion_dialog import InfusionRecordDialog
from coordinator_app.gui.calendar.tab import VisitRef, cell_count
from coordinator_app.gui.documents.preview import preview_pdf
from coordinator_app.gui.eligibility.dialogs import SubjectDialog
from coordinator_app.gui.formatting import rich, to_qdate
from coordinator_app.gui.main_window import TAB_NAMES, MainWindow
from coordinator_app.services.infusions import InfusionDraft, VitalSigns
from coordinator_app.services.settings import default_database_url
from coordinator_app.services.workdays import next_working_day
from coordinator_app.services.workspace import Workspace

SCREENSHOT_SIZE = (1180, 780)
DEMO_PASSWORD = "demo-password-1"  # services/demo_users.py: every demo account's password


@contextmanager
def _main_window(workspace: Workspace, trial: str | None = None) -> Iterator[MainWindow]:
    """A fresh main window (default geometry, no saved settings), shown; closed and deleted afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow.for_session(workspace, settings)
        try:
            if trial:
                window.select_trial(workspace.trials.resolve(trial).nct_id)
            window.resize(*SCREENSHOT_SIZE)
            window.show()
            QApplication.processEvents()
            yield window
        finally:
            window.close()
            window.deleteLater()
            QApplication.processEvents()


def _save(widget: QWidget, output: Path) -> None:
    QApplication.processEvents()
    output.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(output), "PNG"):
        raise OSError(f"could not write {output}")


def save_screenshot(
    workspace: Workspace, tab: str, output: Path, trial: str | None = None, subject: str | None = None
) -> None:
    """Show ``tab`` of a fresh main window (default geometry, no saved settings) and write it as PNG.

    With ``subject`` (a screening or subject number) the Eligibility tab shows their checklist and the
    calendar their timeline.
    """
    if tab not in TAB_NAMES:
        raise ValueError(f"tab {tab!r}: must be one of {', '.join(TAB_NAMES)}")
    with _main_window(workspace, trial) as window:
        window.show_tab(tab)
        QApplication.processEvents()
        if subject:
            chosen = workspace.screening.find(workspace.trials.resolve(trial).id, subject)
            if tab == "eligibility":
                window.eligibility.select_subject(chosen.id)
            elif tab == "calendar":
                window.calendar.show_timeline(chosen.id)
            QApplication.processEvents()
        _save(window, output)


# -- the dialogs of the user guide -----------------------------------------------------------------


@dataclass(frozen=True)
class Scene:
    """What a view builds on: the demo workspace, its main window (shown) and the trial shown in it."""

    workspace: Workspace
    window: MainWindow
    trial_id: int

    def subject_id(self, number: str) -> int:
        return self.workspace.screening.find(self.trial_id, number).id


def _through_seam(owner: object, seam: str, build: Callable[..., QWidget], command: Callable[[], object]) -> QWidget:
    """Run ``command`` with ``owner.seam`` (a method that asks the user) replaced by one that builds and shows the
    dialog with ``build`` and answers None (cancel); the dialog shown."""
    shown: list[QWidget] = []

    def capture(*args: Any, **kwargs: Any) -> None:
        shown.append(build(*args, **kwargs))

    setattr(owner, seam, capture)
    try:
        command()
    finally:
        delattr(owner, seam)
    if not shown:
        raise RuntimeError(f"{seam} was not asked: the demo data does not allow this step")
    return shown[0]


def _shown(dialog: QDialog) -> QDialog:
    dialog.show()
    QApplication.processEvents()
    return dialog


def _default_database_note(dialog: QDialog, template: str) -> None:
    """The dialog's database line names the default database, not the demo's temporary file (a new name each run);
    ``template`` is the dialog's own translated "Database: {url}"."""
    note = next(label for label in dialog.findChildren(QLabel) if "sqlite" in label.text())
    url = rich(default_database_url().replace(Path.home().as_posix(), "~"))
    note.setText(template.format(url=url))


def _first_start(scene: Scene) -> QWidget:
    dialog = FirstStartDialog(scene.workspace, scene.window)
    _default_database_note(dialog, QCoreApplication.translate("FirstStartDialog", "Database: {url}"))
    dialog.username_edit.setText("wang.admin")
    dialog.full_name_edit.setText("DEMO 王芳")
    dialog.password_edit.setText(DEMO_PASSWORD)
    dialog.confirmation_edit.setText(DEMO_PASSWORD)
    return _shown(dialog)


def _sign_in(scene: Scene) -> QWidget:
    dialog = SignInDialog(scene.workspace, scene.window)
    _default_database_note(dialog, QCoreApplication.translate("SignInDialog", "Database: {url}"))
    dialog.username_edit.setText("liu.demo")
    dialog.password_edit.setText(DEMO_PASSWORD)
    return _shown(dialog)


def _register_subject(scene: Scene) -> QWidget:
    tab = scene.window.eligibility
    scene.window.show_tab("eligibility")

    def build(subject: object) -> QWidget:
        dialog = SubjectDialog(None, tab.today(), tab)
        form = dialog.form
        form.familyEdit.setText("DEMO 孙")
        form.givenEdit.setText("丽")
        form.sexCombo.setCurrentIndex(form.sexCombo.findData(Sex.FEMALE.value))
        form.birthEdit.setDate(to_qdate(dt.date(1972, 5, 18)))
        form.phoneEdit.setText("0898 6600 0000")
        return _shown(dialog)

    return _through_seam(tab, "open_subject_dialog", build, tab.register_subject)


def _signature(scene: Scene) -> QWidget:
    """The investigator's signature of DEMO-S005's verdict, once the facts missing from the demo are entered."""
    workspace, tab = scene.workspace, scene.window.eligibility
    subject_id = scene.subject_id("DEMO-S005")
    for name, value in (("pt_seconds", "13.8"), ("pt_control_seconds", "12.0"), ("active_infection", "no")):
        workspace.screening.record_fact(subject_id, name, value, "DEMO lab report", workspace.actor)
    scene.window.show_tab("eligibility")
    tab.reload()
    tab.select_subject(subject_id)

    def build(request: SignatureRequest) -> QWidget:
        dialog = SignatureDialog(request, tab)
        dialog.username_edit.setText("zhang.demo")
        dialog.password_edit.setText(DEMO_PASSWORD)
        return _shown(dialog)

    return _through_seam(tab, "ask_signature", build, tab.sign_verdict)


def _book_dose1(scene: Scene) -> QWidget:
    calendar = scene.window.calendar
    scene.window.show_tab("calendar")
    calendar.form.pages.setCurrentWidget(calendar.form.awaitingPage)
    calendar.reload()

    def build(subject: Any) -> QWidget:
        return _shown(Dose1Dialog(subject.label, subject.proposed, calendar))

    return _through_seam(calendar, "ask_dose1", build, calendar.book_dose1)


def _next_visit(scene: Scene, number: str, infusion: bool = False) -> tuple[int, str]:
    """The subject's id and their first scheduled visit (infusion or not)."""
    subject_id = scene.subject_id(number)
    schedule = scene.workspace.schedules.require_schedule(subject_id)
    visit = next(v for v in schedule.visits if v.status is VisitStatus.SCHEDULED and v.definition.infusion == infusion)
    return subject_id, visit.code


def _reschedule(scene: Scene) -> QWidget:
    """DEMO-S003's next visit moved past its window: the warnings, a reason and a deviation reason."""
    calendar = scene.window.calendar
    scene.window.show_tab("calendar")
    subject_id, code = _next_visit(scene, "DEMO-S003")
    calendar.show_timeline(subject_id, code)

    def build(ref: VisitRef, visit: Any, preview: Any) -> QWidget:
        dialog = RescheduleDialog(ref.subject_label, visit, preview, calendar)
        dialog.date_edit.setDate(to_qdate(next_working_day(visit.window_end + dt.timedelta(days=2))))
        dialog.reason_edit.setText("DEMO: 受试者要求改期 (the subject asked for a later day)")
        dialog.deviation_edit.setText("DEMO: 受试者外出，返回后即访视 (away; seen on return)")
        return _shown(dialog)

    return _through_seam(calendar, "ask_reschedule", build, calendar.reschedule_visit)


def _dose_target(scene: Scene) -> str:
    """The protocol's dose and tolerance, as the calendar tab gives it to the infusion record."""
    intervention = scene.workspace.trials.protocol(scene.trial_id).interventions[0]
    if intervention.dose_cells is None:
        return intervention.dose
    target = cell_count(intervention.dose_cells)
    tolerance = intervention.dose_tolerance_percent
    return f"{target} ± {tolerance}%" if tolerance is not None else target


def _infusion_record(scene: Scene) -> QWidget:
    """DEMO-S008's dose 1 (booked a few days ahead), filled in as the nurses would at the bedside."""
    workspace, calendar = scene.workspace, scene.window.calendar
    scene.window.show_tab("calendar")
    subject_id, code = _next_visit(scene, "DEMO-S008", infusion=True)
    calendar.show_timeline(subject_id, code)
    today = calendar.today()
    start = dt.datetime.combine(today, dt.time(9, 0)).astimezone()
    draft = InfusionDraft(
        product_lot=f"DEMO-LOT-{today:%y%m%d}",
        release_certificate=f"DEMO-QA-{today:%y%m%d}",
        cells_per_dose="1.02e8",
        viability_release_percent="96",
        viability_bedside_percent="93",
        prepared_at=start - dt.timedelta(minutes=40),
        infusion_start=start,
        infusion_end=start + dt.timedelta(minutes=35),
        volume_ml="100",
        rate_ml_per_hour="180",
        transport_temperature_c="4",
        administered_by="DEMO 刘护士 (Nurse Liu)",
        checked_by="DEMO 陈护士 (Nurse Chen)",
        vital_signs=(
            VitalSigns(-15, "36.5", "78", "122", "78", "98"),
            VitalSigns(15, "36.7", "80", "120", "76", "98"),
            VitalSigns(30, "36.8", "82", "118", "76", "97"),
            VitalSigns(60, "36.9", "80", "120", "78", "98"),
        ),
    )
    limit = workspace.site_settings.rules().preparation_limit_minutes

    def build(ref: VisitRef, visit: Any, previous: object) -> QWidget:
        dialog = InfusionRecordDialog(ref.subject_label, visit, today, limit, _dose_target(scene), draft, calendar)
        return _shown(dialog)

    return _through_seam(calendar, "open_infusion_record", build, calendar.record_infusion)


def _print_preview(scene: Scene) -> QWidget:
    """The visit packet of DEMO-S003's next visit, in the preview the Print menu opens."""
    calendar = scene.window.calendar
    scene.window.show_tab("calendar")
    subject_id, code = _next_visit(scene, "DEMO-S003")
    calendar.show_timeline(subject_id, code)

    def build(pdf: bytes, title: str, suggested_name: str) -> QWidget:
        dialog = preview_pdf(calendar, pdf, title, suggested_name)
        for _ in range(5):  # QtPdf lays out and renders the pages in steps
            QApplication.processEvents()
        return dialog

    return _through_seam(calendar.printer, "show", build, calendar.print_packet)


View = Callable[[Scene], QWidget]
VIEWS: dict[str, View] = {
    "first-start": _first_start,
    "sign-in": _sign_in,
    "register-subject": _register_subject,
    "signature": _signature,
    "book-dose1": _book_dose1,
    "reschedule": _reschedule,
    "infusion-record": _infusion_record,
    "print-preview": _print_preview,
}


def save_view(workspace: Workspace, view: str, output: Path, trial: str | None = None) -> None:
    """Build ``view`` (a name in ``VIEWS``) on ``workspace`` (the demo's: it names demo subjects) and write the
    dialog as PNG. Nothing is saved except, for "signature", the facts the demo subject lacked."""
    build = VIEWS.get(view)
    if build is None:
        raise ValueError(f"view {view!r}: must be one of {', '.join(VIEWS)}")
    with _main_window(workspace, trial) as window:
        current = window.current_trial()
        assert current is not None, "the demo database has a trial"
        dialog = build(Scene(workspace, window, current.id))
        try:
            _save(dialog, output)
        finally:
            dialog.close()
            dialog.deleteLater()
