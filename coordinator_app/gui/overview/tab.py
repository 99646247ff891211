"""The Overview tab: the protocol at a glance and enrolment progress computed from the subjects."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from coordinator_app.domain.protocol import Protocol, Text
from coordinator_app.domain.schedule import VisitStatus
from coordinator_app.domain.subjects import EnrollmentProgress, SubjectStatus
from coordinator_app.gui.formatting import format_date, format_instant, rich
from coordinator_app.gui.forms.ui_overview_tab import Ui_OverviewTab
from coordinator_app.gui.labels import label, registry_term
from coordinator_app.gui.safety.models import OVERDUE, time_left_text
from coordinator_app.services.adverse_events import PendingSae
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace

VISIT_LINES = 12  # the overview names the most urgent visits; a large trial's many more are on the calendar


def _language() -> str:
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def _in_other_language(text: Text) -> str:
    """The text in the language the UI is not in, if it differs: staff read both."""
    other = text.en if _language() == "zh" else text.zh
    return other if other and other != text.best(_language()) else ""


class OverviewTab(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_OverviewTab()
        self.form.setupUi(self)
        self._workspace = workspace
        self._count_labels: dict[str, QLabel] = {}
        self._build_counts()
        self._build_saes()
        title_font = self.form.titleValue.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self.form.titleValue.setFont(title_font)

    def _build_counts(self) -> None:
        rows = [
            ("screened", self.tr("Screened (all)")),
            (SubjectStatus.SCREENING, label(SubjectStatus.SCREENING)),
            (SubjectStatus.ENROLLED, label(SubjectStatus.ENROLLED)),
            (SubjectStatus.SCREEN_FAILED, label(SubjectStatus.SCREEN_FAILED)),
            (SubjectStatus.WITHDRAWN, label(SubjectStatus.WITHDRAWN)),
            (SubjectStatus.COMPLETED, label(SubjectStatus.COMPLETED)),
            ("places_left", self.tr("Places left")),
        ]
        for row, (key, name) in enumerate(rows):
            value = QLabel()
            value.setObjectName(f"count_{key}")
            self.form.countsGrid.addWidget(QLabel(name), row, 0)
            self.form.countsGrid.addWidget(value, row, 1)
            self._count_labels[str(key)] = value

    def _build_saes(self) -> None:
        """Serious AEs whose initial report is not recorded yet: the most urgent first, at the top."""
        self.sae_group = QGroupBox(self.tr("Serious adverse events to report"), self)
        self.sae_group.setObjectName("saeGroup")
        layout = QVBoxLayout(self.sae_group)
        self.sae_value = QLabel(self.sae_group)
        self.sae_value.setObjectName("saeValue")
        self.sae_value.setWordWrap(True)
        layout.addWidget(self.sae_value)
        self.form.rightColumn.insertWidget(0, self.sae_group)
        self._pending: list[PendingSae] = []
        self._trial: TrialSummary | None = None
        # The time left of each SAE counts down: re-read the list every minute while the tab is on screen.
        self.sae_timer = QTimer(self)
        self.sae_timer.setInterval(60_000)
        self.sae_timer.timeout.connect(self.refresh_saes)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.sae_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.sae_timer.stop()
        super().hideEvent(event)

    def refresh_saes(self) -> None:
        """Re-read the pending SAEs so their time left stays current."""
        if self._trial is not None:
            self._show_saes(self._trial)

    def show_trial(self, trial: TrialSummary) -> None:
        self._trial = trial
        overview = self._workspace.trials.overview(trial.id)
        self._show_protocol(overview.protocol)
        self._show_progress(overview.progress)
        self._show_visits(trial, overview.protocol)
        self._show_saes(trial)

    def today(self) -> dt.date:
        """Seam: the day the panel is about."""
        return dt.date.today()

    def now(self) -> dt.datetime:
        """Seam: the moment the SAE clocks are counted to."""
        return dt.datetime.now().astimezone()

    def pending_saes(self) -> list[PendingSae]:
        return list(self._pending)

    def _show_saes(self, trial: TrialSummary) -> None:
        self._pending = self._workspace.adverse_events.pending_saes(trial.id, self.now())
        lines = []
        for sae in self._pending:
            line = self.tr("{subject} · {term} · due {deadline} · {left}").format(
                subject=rich(sae.subject_number),
                term=rich(sae.term),
                deadline=format_instant(sae.deadline),
                left=time_left_text(sae.time_left),
            )
            lines.append(f"<b style='color:{OVERDUE.name()}'>{line}</b>" if sae.overdue else line)
        self.sae_value.setText("<br>".join(lines) or self.tr("None"))

    def _show_visits(self, trial: TrialSummary, protocol: Protocol) -> None:
        """Overdue first, then what is due in the coming week; subjects by number only."""
        if protocol.visit_plan is None:
            self.form.visitsValue.setText(self.tr("This protocol has no visit plan."))
            return
        today = self.today()
        panel = self._workspace.schedules.today(trial.id, today)
        upcoming = self._workspace.schedules.visits_between(trial.id, today, today + dt.timedelta(days=7))
        due = [v for v in upcoming if v.status is VisitStatus.SCHEDULED]
        language = _language()
        lines = [
            self.tr("<b style='color:#b3261e'>Overdue</b> {subject} {visit} (window ended {end})").format(
                subject=rich(v.subject_label), visit=rich(v.code), end=format_date(v.window_end)
            )
            for v in panel.overdue[:VISIT_LINES]
        ]
        lines += [
            self.tr("{date} · {subject} · {visit} {name}").format(
                date=format_date(v.date),
                subject=rich(v.subject_label),
                visit=rich(v.code),
                name=rich(v.name.best(language)),
            )
            for v in due[: VISIT_LINES - len(lines)]
        ]
        more = len(panel.overdue) + len(due) - len(lines)
        if more:
            lines.append(
                self.tr("… and {count} more: the Infusion calendar lists them all.").format(
                    count=QLocale().toString(more)
                )
            )
        self.form.visitsValue.setText(
            "<br>".join(lines)
            or self.tr(
                "No visit is due in the next 7 days. Visits appear once dose 1 is booked on the Infusion calendar."
            )
        )

    def count(self, key: str) -> str:
        """The figure shown for ``key`` (a SubjectStatus value, "screened" or "places_left")."""
        return self._count_labels[key].text()

    def _show_protocol(self, protocol: Protocol) -> None:
        f = self.form
        language = _language()
        f.titleValue.setText(protocol.brief_title.best(language))
        f.subtitleValue.setText(_in_other_language(protocol.brief_title))
        f.subtitleValue.setVisible(bool(f.subtitleValue.text()))
        f.nctValue.setText(protocol.nct_id)
        f.orgIdValue.setText(protocol.org_study_id or "—")
        f.phaseValue.setText(", ".join(registry_term(p) for p in protocol.design.phases) or "—")
        f.statusValue.setText(registry_term(protocol.overall_status))
        f.datesValue.setText(
            self.tr("{start} – {end}").format(
                start=format_date(protocol.start_date) or "?", end=format_date(protocol.completion_date) or "?"
            )
        )
        design = protocol.design
        parts = [
            design.study_type,
            design.intervention_model,
            design.allocation,
            design.masking,
            design.primary_purpose,
        ]
        f.designValue.setText(" · ".join(registry_term(p) for p in parts if p))
        f.conditionsValue.setText(", ".join(protocol.conditions) or "—")

        f.armValue.setText(
            "<br>".join(f"<b>{rich(a.label)}</b> ({rich(registry_term(a.type))})" for a in protocol.arms)
        )
        f.interventionValue.setText(
            "<br>".join(f"{rich(i.name)}: {rich(i.description)}" for i in protocol.interventions) or "—"
        )
        doses = []
        for intervention in protocol.interventions:
            if intervention.dose and intervention.dose_count:
                text = self.tr("{dose} per dose, {count} doses").format(
                    dose=intervention.dose, count=intervention.dose_count
                )
                if intervention.dose_interval_weeks:
                    text += self.tr(", {weeks} weeks apart").format(weeks=intervention.dose_interval_weeks)
                if intervention.route:
                    text += self.tr(" ({route})").format(route=intervention.route)
                doses.append(text)
        f.doseValue.setText("<br>".join(rich(d) for d in doses) or self.tr("Not stated in the protocol"))

        f.sponsorValue.setText(protocol.sponsor.lead)
        f.siteValue.setText(
            "<br>".join(
                rich(", ".join(p for p in (loc.facility, loc.city, loc.country) if p)) for loc in protocol.locations
            )
            or "—"
        )
        f.contactValue.setText(
            "<br>".join(rich(" · ".join(p for p in (c.name, c.phone, c.email) if p)) for c in protocol.central_contacts)
            or "—"
        )

    def _show_progress(self, progress: EnrollmentProgress) -> None:
        f = self.form
        f.enrolmentSummary.setText(
            self.tr("{enrolled} of {target} participants enrolled").format(
                enrolled=progress.enrolled_total, target=progress.target
            )
        )
        f.enrolmentBar.setRange(0, progress.target)
        f.enrolmentBar.setValue(min(progress.enrolled_total, progress.target))
        f.enrolmentBar.setFormat(self.tr("%v / %m enrolled"))
        figures = {
            "screened": progress.screened_total,
            SubjectStatus.SCREENING.value: progress.screening,
            SubjectStatus.ENROLLED.value: progress.enrolled,
            SubjectStatus.SCREEN_FAILED.value: progress.screen_failed,
            SubjectStatus.WITHDRAWN.value: progress.withdrawn,
            SubjectStatus.COMPLETED.value: progress.completed,
            "places_left": progress.places_left,
        }
        for key, value in figures.items():
            self._count_labels[key].setText(QLocale().toString(value))
