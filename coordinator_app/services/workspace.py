"""Opening the app's data: the one entry point the GUI and the CLI share."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from argon2 import PasswordHasher

from coordinator_app.services.adverse_events import AdverseEventService
from coordinator_app.services.audit_trail import AuditTrailService
from coordinator_app.services.backups import BackupService
from coordinator_app.services.calendar_export import CalendarExportService
from coordinator_app.services.consent_forms import ConsentFormService
from coordinator_app.services.contacts import ContactService
from coordinator_app.services.database import Database
from coordinator_app.services.demo import seed_demo
from coordinator_app.services.infusions import InfusionService
from coordinator_app.services.labs import LabService
from coordinator_app.services.schedule import ScheduleService
from coordinator_app.services.screening import ScreeningService
from coordinator_app.services.screening_import import ScreeningImportService
from coordinator_app.services.screening_log import ScreeningLogService
from coordinator_app.services.signatures import SignatureService
from coordinator_app.services.site_settings import SiteSettingsService
from coordinator_app.services.subjects import SubjectService
from coordinator_app.services.trials import TrialService
from coordinator_app.services.users import Credentials, UserAccount, UserService
from coordinator_app.services.visits_import import VisitsImportService
from coordinator_app.storage.encryption import DatabaseKey
from coordinator_app.storage.urls import sqlite_url

if TYPE_CHECKING:
    from coordinator_app.services.packets import PacketService

# The demo is synthetic and thrown away on exit: its published password needs no costly hash, and the demo
# starts (and its dozens of signatures seed) in a moment instead of seconds.
DEMO_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@dataclass
class Workspace:
    """An open database with its services, and who is signed in to act on it."""

    database: Database
    users: UserService
    signatures: SignatureService
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
    adverse_events: AdverseEventService
    labs: LabService
    audit_trail: AuditTrailService
    backups: BackupService
    demo_folder: Path | None = None
    user: UserAccount | None = None

    @cached_property
    def packets(self) -> PacketService:
        """Built on first use: its document builders load reportlab (~100 ms), which opening the app does not need."""
        from coordinator_app.services.packets import PacketService

        return PacketService(self.trials, self.screening, self.schedules, self.database)

    @property
    def demo(self) -> bool:
        return self.demo_folder is not None

    @property
    def actor(self) -> str:
        """The signed-in user's name, which every change is recorded under."""
        if self.user is None:
            raise RuntimeError("nobody is signed in")
        return self.user.username

    def sign_in(self, credentials: Credentials) -> UserAccount:
        self.user = self.users.sign_in(credentials)
        return self.user

    def sign_out(self) -> None:
        self.user = None

    def close(self) -> None:
        """Release the database; a demo database is thrown away."""
        self.database.close()
        if self.demo_folder is not None:
            shutil.rmtree(self.demo_folder, ignore_errors=True)


def open_workspace(
    url: str, *, demo: bool = False, password_hasher: PasswordHasher | None = None, key: DatabaseKey | None = None
) -> Workspace:
    """Open ``url``, migrate it, make sure the bundled protocols are loaded; with ``demo``, a seeded throwaway file
    whose demo coordinator is signed in. Otherwise nobody is signed in yet: the caller signs somebody in.
    ``key`` opens an encrypted SQLite file (``database_key.database_key_for(url)`` finds it)."""
    folder = Path(tempfile.mkdtemp(prefix="coordinator-demo-")) if demo else None
    if folder is not None:
        url = sqlite_url(folder / "demo.sqlite3")
        password_hasher = password_hasher or DEMO_HASHER
    database = Database(url, key)
    database.upgrade()
    trials = TrialService(database)
    users = UserService(database, password_hasher)
    signatures = SignatureService(users)
    screening = ScreeningService(database, trials, signatures)
    site_settings = SiteSettingsService(database)
    schedules = ScheduleService(database, trials, site_settings, signatures)
    workspace = Workspace(
        database=database,
        users=users,
        signatures=signatures,
        trials=trials,
        contacts=ContactService(database),
        subjects=SubjectService(database),
        screening=screening,
        screening_import=ScreeningImportService(database, trials),
        screening_log=ScreeningLogService(trials, screening),
        site_settings=site_settings,
        schedules=schedules,
        infusions=InfusionService(database, trials, schedules, site_settings, signatures),
        calendar_export=CalendarExportService(database, trials, site_settings),
        visits_import=VisitsImportService(database, trials, screening),
        consent_forms=ConsentFormService(database, trials, screening),
        adverse_events=AdverseEventService(database, screening, schedules, site_settings, signatures),
        labs=LabService(database, trials, screening, schedules),
        audit_trail=AuditTrailService(database),
        backups=BackupService(database, site_settings, users),
        demo_folder=folder,
    )
    workspace.trials.ensure_bundled_protocols()
    if demo:
        seed_demo(workspace)
    return workspace
