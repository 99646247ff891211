"""Two desktops record different facts of one subject at the same moment (PostgreSQL): the stored summary of the
second to save must include the first one's fact, or the subject list shows a verdict the checklist does not.

What makes it hold: a save that writes audit rows holds the trail's lock until it commits (``audit_chain.chain_head``)
and the summaries are computed after that, before the commit; the summary hook also locks the subjects' rows. The
test forces the interleaving that would lose a fact if both were gone: the first save pauses with its summary
computed but not stored while the second saves."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Collection, Mapping

import pytest
from conftest import ACTOR, NURSE
from sqlalchemy.orm import Session

from coordinator_app.domain.eligibility import Verdict
from coordinator_app.domain.protocol import Protocol
from coordinator_app.domain.subjects import Sex
from coordinator_app.services import subject_summaries
from coordinator_app.services.demo_subjects import eligible_facts
from coordinator_app.services.screening import SubjectDraft
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace

TODAY = dt.date.today()
# The two facts each desktop records: the verdict is "eligible" only with both.
RACED = ("active_infection", "pregnant_or_lactating")
# How long the first save waits, its summary computed and not yet stored, for the second to reach the database.
HOLD_S = 0.5


def _holding_the_first_summary(
    monkeypatch: pytest.MonkeyPatch, computed: threading.Event, second_saving: threading.Event
) -> None:
    """The first summary computed in the first thread waits there until the second save has started (and a moment
    more): the interleaving in which, without a lock, the second save stores its summary first and the first
    then overwrites it with one that misses the second's fact."""
    compute: Callable[[Session, Protocol, Collection[int]], Mapping[int, tuple[str, str]]] = (
        subject_summaries.compute_summaries
    )

    def held(session: Session, protocol: Protocol, subject_ids: Collection[int]) -> Mapping[int, tuple[str, str]]:
        result = compute(session, protocol, subject_ids)
        if threading.current_thread().name == "first desktop" and not computed.is_set():
            computed.set()
            assert second_saving.wait(10)
            threading.Event().wait(HOLD_S)
        return result

    monkeypatch.setattr(subject_summaries, "compute_summaries", held)


def test_facts_saved_at_once_on_two_desktops_are_both_in_the_stored_verdict(
    workspace: Workspace, other_desktop: Workspace, trial: TrialSummary, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if backend == "sqlite":
        pytest.skip("SQLite lets one writer in at a time: the second save starts after the first is stored")
    subject = workspace.screening.register(
        trial.id, SubjectDraft("王", "建国", Sex.MALE, dt.date(1975, 6, 1), "13812345678"), ACTOR
    )
    facts = eligible_facts(TODAY)
    for name, value in facts.items():
        if name not in RACED:
            workspace.screening.record_fact(subject.id, name, value, "outpatient record", ACTOR)
    version = workspace.trials.protocol(trial.id).current_consent_version
    consented = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)
    workspace.screening.record_consent(subject.id, version, consented, "Nurse Liu", True, ACTOR)
    assert workspace.screening.detail(subject.id).assessment.verdict is Verdict.INCOMPLETE

    computed, second_saving = threading.Event(), threading.Event()
    _holding_the_first_summary(monkeypatch, computed, second_saving)
    errors: list[BaseException] = []

    def first() -> None:
        try:
            workspace.screening.record_fact(subject.id, RACED[0], facts[RACED[0]], "ward round", ACTOR)
        except BaseException as error:  # checked below
            errors.append(error)

    def second() -> None:
        try:
            assert computed.wait(10)
            second_saving.set()
            other_desktop.screening.record_fact(subject.id, RACED[1], facts[RACED[1]], "ward round", NURSE)
        except BaseException as error:  # checked below
            errors.append(error)

    threads = [threading.Thread(target=first, name="first desktop"), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert workspace.screening.detail(subject.id).assessment.verdict is Verdict.ELIGIBLE
    [listed] = [row for row in workspace.screening.rows(trial.id) if row.id == subject.id]
    assert listed.verdict is Verdict.ELIGIBLE
