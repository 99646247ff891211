"""PacketService.packets_for_day: every visit standing on a day, one packet each, numbered per packet."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from coordinator_app.domain.errors import ValidationError
from coordinator_app.services.packets import PacketService
from coordinator_app.services.workspace import Workspace


def service(workspace: Workspace) -> PacketService:
    return PacketService(workspace.trials, workspace.screening, workspace.schedules, workspace.database)


def test_the_day_of_demo_005s_dose_1_holds_its_packet(demo_workspace: Workspace) -> None:
    trial = demo_workspace.trials.resolve("NCT05106972")
    subject = demo_workspace.screening.find(trial.id, "DEMO-005")
    day = demo_workspace.schedules.require_schedule(subject.id).visit("D1").date
    due = [
        v
        for v in demo_workspace.schedules.visits_between(trial.id, day, day)
        if v.status.value in ("scheduled", "done")
    ]
    output = io.BytesIO()
    count = service(demo_workspace).packets_for_day(trial.id, day, output)
    assert count == len(due) >= 1
    reader = PdfReader(io.BytesIO(output.getvalue()))
    texts = [page.extract_text() for page in reader.pages]
    starts = [i for i, text in enumerate(texts) if "page 1 of" in text]
    assert len(starts) == count  # every packet starts on its own page and counts its own pages
    dose1 = next(i for i in starts if "subject / 受试者 DEMO-005" in texts[i] and "Dose 1 (infusion 1)" in texts[i])
    total = 5
    for offset in range(total):
        text = texts[dose1 + offset]
        assert f"page {offset + 1} of {total}" in text
        assert "subject / 受试者 DEMO-005" in text
    assert "Infusion record / 输注记录" in texts[dose1 + 2]
    assert day.isoformat() in texts[dose1]
    assert "刘芳" not in "\n".join(texts)


def test_a_day_without_visits_is_refused(demo_workspace: Workspace) -> None:
    trial = demo_workspace.trials.resolve("NCT05106972")
    with pytest.raises(ValidationError, match="has no scheduled visits"):
        service(demo_workspace).packets_for_day(trial.id, dt.date(2001, 1, 1), io.BytesIO())


def test_a_protocol_without_subjects_prints_no_packets_and_no_list_rows(workspace: Workspace) -> None:
    trial = workspace.trials.resolve("NCT05106972")
    packets = service(workspace)
    with pytest.raises(ValidationError):
        packets.packets_for_day(trial.id, dt.date(2025, 3, 3), io.BytesIO())
    output = io.BytesIO()
    assert packets.visit_list(trial.id, dt.date(2025, 3, 3), dt.date(2025, 3, 9), output) == 0
    assert len(PdfReader(io.BytesIO(output.getvalue())).pages) == 1
