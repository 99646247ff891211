"""The tabs' Print menus: build a document through the services, in memory, and open it in the preview.

A single document takes a fraction of a second and is built at once; a day's packets are built off
the UI thread behind a progress dialog. Nothing is written to disk unless the user saves it.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import BinaryIO

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from coordinator_app.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from coordinator_app.gui.documents.background import run_with_progress
from coordinator_app.services.workspace import Workspace

Build = Callable[[BinaryIO], object]


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentPrinter", text)


def _pdf(build: Build) -> bytes:
    buffer = io.BytesIO()
    build(buffer)
    return buffer.getvalue()


class DocumentPrinter:
    """Every printable document of a trial, one method each, for the tab that offers it."""

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        self._workspace = workspace
        self._parent = parent

    # -- seams: tests replace these --------------------------------------------------------------

    def show(self, pdf: bytes, title: str, suggested_name: str) -> None:
        from coordinator_app.gui.documents.preview import preview_pdf  # QtPdf loads with the first preview

        preview_pdf(self._parent, pdf, title, suggested_name)

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self._parent, title, message)

    # -- documents ---------------------------------------------------------------------------------

    def consent_form(self, trial_id: int, subject_number: str) -> None:
        """The active consent version for the subject; printing it is recorded."""
        workspace = self._workspace
        self._open(
            lambda out: workspace.consent_forms.print_consent(trial_id, subject_number, out, workspace.actor),
            _tr("Consent form · {subject}").format(subject=subject_number),
            f"consent-{subject_number}.pdf",
        )

    def eligibility_checklist(self, trial_id: int, subject_number: str) -> None:
        self._open(
            lambda out: self._workspace.packets.eligibility_checklist(trial_id, subject_number, out),
            _tr("Eligibility checklist · {subject}").format(subject=subject_number),
            f"eligibility-{subject_number}.pdf",
        )

    def screening_log(self, trial_id: int) -> None:
        self._open(
            lambda out: self._workspace.screening_log.write_pdf(trial_id, out),
            _tr("Screening log"),
            "screening-log.pdf",
        )

    def visit_packet(self, trial_id: int, subject_number: str, visit_code: str) -> None:
        self._open(
            lambda out: self._workspace.packets.visit_packet(trial_id, subject_number, visit_code, out),
            _tr("Visit packet · {subject} · {visit}").format(subject=subject_number, visit=visit_code),
            f"packet-{subject_number}-{visit_code}.pdf",
        )

    def visit_list(self, trial_id: int, first: dt.date, last: dt.date) -> None:
        self._open(
            lambda out: self._workspace.packets.visit_list(trial_id, first, last, out),
            _tr("Visits {first} – {last}").format(first=first.isoformat(), last=last.isoformat()),
            f"visits-{first.isoformat()}-{last.isoformat()}.pdf",
        )

    def packets_for_day(self, trial_id: int, day: dt.date) -> None:
        """Every packet due that day, built off the UI thread."""
        title = _tr("Visit packets for {day}").format(day=day.isoformat())
        run_with_progress(
            self._parent,
            title,
            _tr("Building the packets…"),
            [lambda: _pdf(lambda out: self._workspace.packets.packets_for_day(trial_id, day, out))],
            lambda results: self.show(results[0], title, f"packets-{day.isoformat()}.pdf"),
            lambda message: self.show_error(_tr("Cannot print the packets"), message),
        )

    def _open(self, build: Build, title: str, suggested_name: str) -> None:
        try:
            pdf = _pdf(build)
        except (ValidationError, NotFoundError, PermissionDeniedError) as error:
            self.show_error(_tr("Cannot print"), str(error))
            return
        self.show(pdf, title, suggested_name)
