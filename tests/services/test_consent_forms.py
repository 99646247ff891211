"""Printing consent forms: the version chosen, the refusals, and the record of each print."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from coordinator_app.domain.consent_documents import ConsentStatus
from coordinator_app.domain.errors import NotFoundError, ProtocolError, ValidationError
from coordinator_app.domain.protocol import ConsentVersion
from coordinator_app.resource_files import resource
from coordinator_app.services.consent_forms import ConsentFormService
from coordinator_app.services.demo_users import DEMO_COORDINATOR
from coordinator_app.services.workspace import Workspace
from coordinator_app.storage.models import AuditEntry, ConsentPrint

TRIAL = "NCT05106972"
BODY = "\n# Purpose / 研究目的\n本研究的目的是评价安全性。\n\nThe purpose is to evaluate safety.\n"


def consent_file(version: str, status: str, approved_on: str = "") -> str:
    header = f"version: {version}\nstatus: {status}\nlanguage: zh+en\ntitle.en: Consent\ntitle.zh: 知情同意书\n"
    return header + (f"approved_on: {approved_on}\n" if approved_on else "") + BODY


@pytest.fixture
def trial_id(demo_workspace: Workspace) -> int:
    return demo_workspace.trials.resolve(TRIAL).id


@pytest.fixture
def bundled(demo_workspace: Workspace) -> ConsentFormService:
    return ConsentFormService(demo_workspace.database, demo_workspace.trials, demo_workspace.screening)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A consent folder with the shipped template, a superseded and an active version, and a draft."""
    folder = tmp_path / "consent" / TRIAL
    folder.mkdir(parents=True)
    template = resource("consent", TRIAL, "TEMPLATE.txt").read_text(encoding="utf-8")
    (folder / "TEMPLATE.txt").write_text(template, encoding="utf-8")
    (folder / "v1.0.txt").write_text(consent_file("1.0", "superseded", "2024-01-10"), encoding="utf-8")
    (folder / "v2.0.txt").write_text(consent_file("2.0", "active", "2025-04-18"), encoding="utf-8")
    (folder / "v3.0.txt").write_text(consent_file("3.0", "draft"), encoding="utf-8")
    return tmp_path / "consent"


@pytest.fixture
def site(demo_workspace: Workspace, trial_id: int, root: Path) -> ConsentFormService:
    """The service over ``root``, with the protocol listing the site's versions as its consent versions."""
    protocol = demo_workspace.trials.protocol(trial_id)
    versions = (*protocol.consent_versions, ConsentVersion("1.0", dt.date(2024, 1, 10)), ConsentVersion("2.0"))
    updated = dataclasses.replace(protocol, consent_versions=versions, current_consent_version="2.0")
    demo_workspace.trials.load_protocol(updated, "test", demo_workspace.actor)
    return ConsentFormService(demo_workspace.database, demo_workspace.trials, demo_workspace.screening, root=root)


def prints(workspace: Workspace) -> list[ConsentPrint]:
    with workspace.database.read() as session:
        return list(session.scalars(select(ConsentPrint).order_by(ConsentPrint.id)))


def pdf_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages]


# -- the shipped documents ----------------------------------------------------------------------------


def test_the_bundled_template_is_the_active_version(bundled: ConsentFormService, trial_id: int) -> None:
    documents = bundled.documents(trial_id)
    assert [d.version for d in documents] == ["TEMPLATE"]
    assert bundled.active(trial_id).status is ConsentStatus.TEMPLATE


def test_printing_for_a_demo_subject_writes_the_form_and_records_the_print(
    demo_workspace: Workspace, bundled: ConsentFormService, trial_id: int, tmp_path: Path
) -> None:
    target = tmp_path / "consent-DEMO-S001.pdf"
    printed = bundled.print_consent(trial_id, "DEMO-S001", target, DEMO_COORDINATOR)
    assert printed.version == "TEMPLATE"
    texts = pdf_texts(target)
    assert "王建国" in texts[0]
    assert "DEMO-S001" in texts[0]
    assert all("TEMPLATE / 模板" in text for text in texts)
    assert f"page {len(texts)} of {len(texts)}" in texts[-1]
    subject = demo_workspace.screening.find(trial_id, "DEMO-S001")
    assert "subject / 受试者 " + (subject.subject_number or "") in texts[0]
    [row] = prints(demo_workspace)
    assert (row.subject_id, row.trial_id, row.document_version, row.draft_preview, row.printed_by) == (
        subject.id,
        trial_id,
        "TEMPLATE",
        False,
        DEMO_COORDINATOR,
    )
    [record] = bundled.prints(trial_id)
    assert (record.subject_id, record.document_version, record.printed_by) == (subject.id, "TEMPLATE", DEMO_COORDINATOR)
    with demo_workspace.database.read() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "consent_prints")).all()
    assert audit and {entry.actor for entry in audit} == {DEMO_COORDINATOR}


def test_a_blank_form_is_recorded_without_a_subject(
    demo_workspace: Workspace, bundled: ConsentFormService, trial_id: int, tmp_path: Path
) -> None:
    bundled.print_consent(trial_id, None, tmp_path / "blank.pdf", DEMO_COORDINATOR)
    [row] = prints(demo_workspace)
    assert row.subject_id is None
    assert "王建国" not in "".join(pdf_texts(tmp_path / "blank.pdf"))


def test_an_unknown_subject_prints_nothing_and_records_nothing(
    demo_workspace: Workspace, bundled: ConsentFormService, trial_id: int, tmp_path: Path
) -> None:
    with pytest.raises(NotFoundError):
        bundled.print_consent(trial_id, "NOBODY", tmp_path / "x.pdf", DEMO_COORDINATOR)
    assert not (tmp_path / "x.pdf").exists()
    assert prints(demo_workspace) == []


def test_a_failed_write_records_nothing(
    demo_workspace: Workspace, bundled: ConsentFormService, trial_id: int, tmp_path: Path
) -> None:
    with pytest.raises(OSError):
        bundled.print_consent(trial_id, "DEMO-S001", tmp_path / "no-such-folder" / "x.pdf", DEMO_COORDINATOR)
    assert prints(demo_workspace) == []


# -- choosing the version -----------------------------------------------------------------------------


def test_the_active_version_replaces_the_template(
    demo_workspace: Workspace, site: ConsentFormService, trial_id: int, tmp_path: Path
) -> None:
    assert [d.version for d in site.documents(trial_id)] == ["TEMPLATE", "1.0", "2.0", "3.0"]
    printed = site.print_consent(trial_id, "DEMO-S001", tmp_path / "c.pdf", DEMO_COORDINATOR)
    assert printed.version == "2.0"
    texts = pdf_texts(tmp_path / "c.pdf")
    assert all("version / 版本 2.0" in text for text in texts)
    assert not any("TEMPLATE" in text or "DRAFT" in text for text in texts)
    assert prints(demo_workspace)[0].document_version == "2.0"


def test_the_active_version_prints_when_named(site: ConsentFormService, trial_id: int, tmp_path: Path) -> None:
    assert (
        site.print_consent(trial_id, "DEMO-S001", tmp_path / "c.pdf", DEMO_COORDINATOR, version="2.0").version == "2.0"
    )


@pytest.mark.parametrize(
    ("version", "problem"),
    [
        ("1.0", "is superseded: the version in use is 2.0"),
        ("TEMPLATE", "is replaced by version 2.0"),
        ("3.0", "is a draft, not approved"),
        ("9.9", "is not a consent document of this trial (versions: TEMPLATE, 1.0, 2.0, 3.0)"),
    ],
)
def test_a_version_that_may_not_print_is_refused(
    demo_workspace: Workspace, site: ConsentFormService, trial_id: int, tmp_path: Path, version: str, problem: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        site.print_consent(trial_id, "DEMO-S001", tmp_path / "c.pdf", DEMO_COORDINATOR, version=version)
    assert (raised.value.field, raised.value.value) == ("consent version", version)
    assert problem in raised.value.problem
    assert not (tmp_path / "c.pdf").exists()
    assert prints(demo_workspace) == []


def test_a_draft_previews_watermarked_and_is_recorded_as_a_preview(
    demo_workspace: Workspace, site: ConsentFormService, trial_id: int, tmp_path: Path
) -> None:
    printed = site.print_consent(
        trial_id, "DEMO-S001", tmp_path / "d.pdf", DEMO_COORDINATOR, version="3.0", preview_draft=True
    )
    assert printed.status is ConsentStatus.DRAFT
    assert all("DRAFT / 草稿" in text for text in pdf_texts(tmp_path / "d.pdf"))
    [row] = prints(demo_workspace)
    assert (row.document_version, row.draft_preview) == ("3.0", True)


def test_previewing_without_a_version_takes_the_only_draft(
    site: ConsentFormService, trial_id: int, tmp_path: Path
) -> None:
    assert site.print_consent(trial_id, None, tmp_path / "d.pdf", DEMO_COORDINATOR, preview_draft=True).version == "3.0"


def test_only_a_draft_is_previewed(site: ConsentFormService, trial_id: int, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="only a draft is previewed"):
        site.print_consent(trial_id, None, tmp_path / "d.pdf", DEMO_COORDINATOR, version="2.0", preview_draft=True)


def test_a_version_the_protocol_does_not_list_is_refused(
    demo_workspace: Workspace, bundled: ConsentFormService, trial_id: int, root: Path, tmp_path: Path
) -> None:
    unlisted = ConsentFormService(demo_workspace.database, demo_workspace.trials, demo_workspace.screening, root=root)
    with pytest.raises(ValidationError, match=r"add it to the protocol file's \[consent\] versions"):
        unlisted.print_consent(trial_id, "DEMO-S001", tmp_path / "c.pdf", DEMO_COORDINATOR)
    assert prints(demo_workspace) == []


def test_a_version_given_by_two_files_is_refused(site: ConsentFormService, trial_id: int, root: Path) -> None:
    (root / TRIAL / "v2.1.txt").write_text(consent_file("2.0", "active", "2025-04-18"), encoding="utf-8")
    with pytest.raises(ProtocolError, match=r"also the version of consent/NCT05106972/v2\.0\.txt"):
        site.documents(trial_id)


def test_a_bad_file_names_itself_and_its_line(site: ConsentFormService, trial_id: int, root: Path) -> None:
    (root / TRIAL / "v4.txt").write_text(consent_file("4.0", "active", "2025-13-01"), encoding="utf-8")
    with pytest.raises(ProtocolError, match=r"^consent/NCT05106972/v4.txt: line 6: approved_on '2025-13-01'"):
        site.documents(trial_id)
