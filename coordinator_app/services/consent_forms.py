"""Printing the informed consent form: the right version, for the right subject, and a record that it was printed.

Which text a subject signs is decided here, not by whoever clicks print: the active (approved, not superseded)
version, else the app's template until the site adds its own. A draft prints only as a watermarked preview.
Every print is recorded (version, subject, who) so the site can show which form each subject was given.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from coordinator_app.domain.access import Permission
from coordinator_app.domain.consent_documents import (
    ConsentDocument,
    ConsentStatus,
    active_version,
    parse_consent_document,
)
from coordinator_app.domain.errors import ProtocolError, ValidationError
from coordinator_app.resource_files import resource
from coordinator_app.services.database import Database
from coordinator_app.services.screening import ScreeningService
from coordinator_app.services.trials import TrialService
from coordinator_app.storage.models import ConsentPrint

FIELD = "consent version"


@dataclass(frozen=True)
class ConsentPrintRecord:
    """One recorded print; ``subject_id`` is None for a blank form."""

    subject_id: int | None
    document_version: str
    draft_preview: bool
    printed_by: str
    printed_at: dt.datetime


class ConsentFormService:
    """The consent documents of each trial (``<root>/<NCT id>/*.txt``) and printing them for subjects."""

    def __init__(
        self,
        database: Database,
        trials: TrialService,
        screening: ScreeningService,
        *,
        root: Traversable | None = None,  # where the per-trial folders are: resources/consent unless a test says
    ) -> None:
        self._db = database
        self._trials = trials
        self._screening = screening
        self._root = root if root is not None else resource("consent")

    # -- reading ---------------------------------------------------------------------------------

    def documents(self, trial_id: int) -> list[ConsentDocument]:
        """Every consent document of the trial, by file name; a bad file or a version given twice raises."""
        nct_id = self._trials.protocol(trial_id).nct_id
        folder = self._root / nct_id
        if not folder.is_dir():
            return []
        documents: list[ConsentDocument] = []
        for file in sorted((f for f in folder.iterdir() if f.name.endswith(".txt")), key=lambda f: f.name):
            source = f"consent/{nct_id}/{file.name}"
            document = parse_consent_document(file.read_text(encoding="utf-8"), source)
            twin = next((d for d in documents if d.version == document.version), None)
            if twin is not None:
                raise ProtocolError("version", f"{document.version!r} is also the version of {twin.source}", source)
            documents.append(document)
        return documents

    def active(self, trial_id: int) -> ConsentDocument:
        """The version subjects sign now."""
        return active_version(self.documents(trial_id))

    def prints(self, trial_id: int) -> list[ConsentPrintRecord]:
        """The trial's recorded prints, oldest first."""
        with self._db.read() as session:
            rows = session.scalars(
                select(ConsentPrint).where(ConsentPrint.trial_id == trial_id).order_by(ConsentPrint.id)
            )
            return [
                ConsentPrintRecord(r.subject_id, r.document_version, r.draft_preview, r.printed_by, r.printed_at)
                for r in rows
            ]

    # -- printing --------------------------------------------------------------------------------

    def print_consent(
        self,
        trial_id: int,
        subject_number: str | None,
        output: Path | BinaryIO,
        actor: str,
        version: str | None = None,
        preview_draft: bool = False,
        *,
        generated_at: dt.datetime | None = None,
    ) -> ConsentDocument:
        """Write the consent form to ``output`` and record the print; returns the version printed.

        ``subject_number`` (screening or subject number) fills in the subject; None prints a blank form.
        The print is recorded in the same unit of work that writes the file, so neither happens without the other.
        """
        from coordinator_app.documents.consent_form import build_consent_pdf  # reportlab loads on demand

        protocol = self._trials.protocol(trial_id)
        document = self._choose(self.documents(trial_id), version, preview_draft)
        known = protocol.consent_version_names()
        if document.status is not ConsentStatus.DRAFT and known and document.version not in known:
            raise ValidationError(
                FIELD,
                document.version,
                f"is not a consent version of the protocol ({', '.join(known)}): add it to the protocol file's "
                "[consent] versions first, so a consent signed on it can be recorded",
            )
        subject = self._screening.find(trial_id, subject_number) if subject_number is not None else None
        buffer = io.BytesIO()
        build_consent_pdf(
            document,
            trial_id=protocol.nct_id,
            subject_name=subject.name if subject else None,
            screening_number=subject.screening_number if subject else None,
            subject_number=subject.subject_number if subject else None,
            generated_at=generated_at or dt.datetime.now().astimezone(),
            output=buffer,
        )
        with self._db.write(actor, permission=Permission.PRINT) as session:
            session.add(
                ConsentPrint(
                    subject_id=subject.id if subject else None,
                    trial_id=trial_id,
                    document_version=document.version,
                    draft_preview=document.status is ConsentStatus.DRAFT,
                    printed_by=actor,
                )
            )
            session.flush()
            if isinstance(output, Path):
                output.write_bytes(buffer.getvalue())  # a failed write rolls the record back
            else:
                output.write(buffer.getvalue())
        return document

    @staticmethod
    def _choose(documents: list[ConsentDocument], version: str | None, preview_draft: bool) -> ConsentDocument:
        """The version to print: the active one unless ``version`` names another that may print."""
        drafts = [d for d in documents if d.status is ConsentStatus.DRAFT]
        if version is None:
            if not preview_draft:
                return active_version(documents)
            if len(drafts) != 1:
                names = ", ".join(d.version for d in drafts)
                problem = f"name the draft to preview ({names})" if drafts else "there is no draft to preview"
                raise ValidationError(FIELD, "", problem)
            return drafts[0]
        wanted = version.strip()
        chosen = next((d for d in documents if d.version == wanted), None)
        if chosen is None:
            names = ", ".join(d.version for d in documents) or "none"
            raise ValidationError(FIELD, version, f"is not a consent document of this trial (versions: {names})")
        if chosen.status is ConsentStatus.DRAFT:
            if not preview_draft:
                raise ValidationError(FIELD, version, "is a draft, not approved: it prints only as a DRAFT preview")
            return chosen
        if preview_draft:
            raise ValidationError(FIELD, version, f"is not a draft ({chosen.status}): only a draft is previewed")
        current = active_version(documents)
        if chosen.status is ConsentStatus.SUPERSEDED:
            raise ValidationError(FIELD, version, f"is superseded: the version in use is {current.version}")
        if chosen != current:
            raise ValidationError(FIELD, version, f"is replaced by version {current.version}, the one in use now")
        return chosen
