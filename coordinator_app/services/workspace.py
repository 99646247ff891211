"""Opening the app's data: the one entry point the GUI and the CLI share."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from coordinator_app.services.adverse_events import AdverseEventService
from coordinator_app.services.calendar_export import CalendarExportService
from coordinator_app.services.consent_forms import ConsentFormService
from coordinator_app.services.contacts import ContactService
from coordinator_app.services.database import Database
from coordinator_app.services.demo import seed_demo
from coordinator_app.services.infusions import InfusionService
from coordinator_app.services.labs import LabService
from coordinator_app.services.packets import PacketService
from coordinator_app.services.schedule import ScheduleService
from coordinator_app.services.screening import ScreeningService
from coordinator_app.services.screening_import import ScreeningImportService
from coordinator_app.services.screening_log import ScreeningLogService
from coordinator_app.services.site_settings import SiteSettingsService
from coordinator_app.services.subjects import SubjectService
from coordinator_app.services.trials import TrialService
from coordinator_app.services.visits_import import VisitsImportService
from coordinator_app.storage.engine import sqlite_url


@dataclass
class Workspace:
    """An open database with its services, and who is acting on it."""

    database: Database
    actor: str
    trials: TrialService
    contacts: ContactService
    subjects: SubjectService
    screening: ScreeningService
    screening_import: ScreeningImportService
    screening_log: ScreeningLogService
    site_settings: SiteSettingsService
    schedules: ScheduleService
    infusions: InfusionService
    calendar_export: CalendarExportService
    visits_import: VisitsImportService
    consent_forms: ConsentFormService
    packets: PacketService
    adverse_events: AdverseEventService
    labs: LabService
    demo_folder: Path | None = None

    @property
    def demo(self) -> bool:
        return self.demo_folder is not None

    def close(self) -> None:
        """Release the database; a demo database is thrown away."""
        self.database.close()
        if self.demo_folder is not None:
            shutil.rmtree(self.demo_folder, ignore_errors=True)


def open_workspace(url: str, actor: str, *, demo: bool = False) -> Workspace:
    """Open ``url``, migrate it, make sure the bundled protocols are loaded; with ``demo``, a seeded throwaway file."""
    folder = Path(tempfile.mkdtemp(prefix="coordinator-demo-")) if demo else None
    if folder is not None:
        url = sqlite_url(folder / "demo.sqlite3")
    database = Database(url)
    database.upgrade()
    trials = TrialService(database)
    screening = ScreeningService(database, trials)
    site_settings = SiteSettingsService(database)
    schedules = ScheduleService(database, trials, site_settings)
    workspace = Workspace(
        database=database,
        actor=actor,
        trials=trials,
        contacts=ContactService(database),
        subjects=SubjectService(database),
        screening=screening,
        screening_import=ScreeningImportService(database, trials),
        screening_log=ScreeningLogService(trials, screening),
        site_settings=site_settings,
        schedules=schedules,
        infusions=InfusionService(database, trials, schedules, site_settings),
        calendar_export=CalendarExportService(database, trials, site_settings),
        visits_import=VisitsImportService(database, trials, screening),
        consent_forms=ConsentFormService(database, trials, screening),
        packets=PacketService(trials, screening, schedules, database),
        adverse_events=AdverseEventService(database, screening, schedules, site_settings),
        labs=LabService(database, trials, screening, schedules),
        demo_folder=folder,
    )
    workspace.trials.ensure_bundled_protocols(actor)
    if demo:
        seed_demo(workspace)
    return workspace
