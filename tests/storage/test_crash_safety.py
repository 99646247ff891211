"""Crash safety of the SQLite file: writers killed with SIGKILL at random moments lose no save that returned.

A child process (crash_writer.py) registers subjects and records their facts, assessments and lab values
through the services, saying on stdout which saves it starts and which returned; the test kills it with
SIGKILL after a random delay, dozens of times on the same file. After every kill the file must pass SQLite's
integrity check, its audit chain must verify, every save that returned must be there with its audit rows and
its liver scores, and nothing else but the one save that was in flight. Then the file must open and need
no migration, and take a new write. Backups taken while a writer runs (and is killed) must be consistent
snapshots: sound files, a verified chain that is a prefix of the database's, and a prefix of the saves.

What this covers and what it does not: the app runs SQLite in WAL mode with ``synchronous=NORMAL``
(storage/engine.py). A commit then reaches the operating system (``write()`` into the WAL file) before the
service call returns, but is not ``fsync``-ed until the next checkpoint. A killed process loses nothing the
operating system already holds, so after SIGKILL (a crash of the app, Task Manager's "End task", a Qt abort)
every returned save must be present: that is what these tests check, and a saved record missing after a kill
would be a bug. A power cut or an operating-system crash is different: it can lose the last commits before
the checkpoint (the file stays consistent, the chain verifies, but the newest saves are gone), which only
``synchronous=FULL`` would prevent, at the cost of an ``fsync`` per commit. That cannot be tested by killing
a process.

The writers are forked from a server process that has imported the app once (``crash_writer.py --serve``): a
fresh interpreter per kill would spend a second on imports each time. POSIX only (SIGKILL, fork).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest
from conftest import ACTOR, FAST_HASHER, add_test_staff, signs
from crash_writer import FAMILY_NAME, HASHER
from sqlalchemy import Connection, inspect, select, text
from sqlalchemy.orm import Session

from coordinator_app.domain.subjects import Sex
from coordinator_app.services.screening import SubjectDraft
from coordinator_app.services.workspace import open_workspace
from coordinator_app.storage import migrate, models
from coordinator_app.storage.audit import audit_text
from coordinator_app.storage.audit_chain import verify_chain
from coordinator_app.storage.backup import check_database_file
from coordinator_app.storage.engine import create_database_engine, sqlite_url

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="needs fork and SIGKILL"),
]

WRITER = Path(__file__).with_name("crash_writer.py")
SEED = 20261201  # the delays drawn; the moments the kills land at still depend on the machine's speed
KILLS = 30  # writers killed in the first test
BACKUP_KILLS = 10  # writers killed while backups are taken, in the second
CALIBRATION_SAVES = 42  # an unkilled run first, six subjects, to time one save and the writer's start
EARLY_KILLS = 0.15  # share of kills during the writer's start (schema check, protocol check, sign-in write)
LONGEST_RUN = 60  # kills land up to this many saves after the writer is ready
LINE_TIMEOUT_S = 60.0  # no line from the writers for this long: something hangs
AUDITED = (models.Subject, models.SubjectFact, models.ClinicalAssessment, models.LabResult, models.LiverScore)
SCORE_INPUTS = {"tbil": "tbil_umol_l", "crea": "crea_umol_l", "inr": "inr", "na": "na_mmol_l"}


# -- the writers and what they said ------------------------------------------------------------------------------


@dataclass
class Run:
    """One writer process, from the lines it printed."""

    label: str
    pid: int = 0
    forked_at: float = 0.0  # when the test read "forked" (monotonic time), and "ready"
    ready_at: float | None = None
    started: list[str] = field(default_factory=list)  # saves begun, in order: "subject k03n0001", "lab ... tbil"
    saved: set[str] = field(default_factory=set)  # saves whose service call returned
    seconds: float | None = None  # how long the saves of an unkilled run took
    ended: int | None = None  # exit code, or minus the signal that ended it

    @property
    def in_flight(self) -> str | None:
        """The save that had begun and not returned when the writer was killed."""
        unsaved = [op for op in self.started if op not in self.saved]
        assert unsaved in ([], unsaved[-1:]) and (not unsaved or self.started[-1] == unsaved[0]), unsaved
        return unsaved[0] if unsaved else None

    def take(self, at: float, line: str) -> None:
        kind, _, rest = line.partition(" ")
        if kind == "ready":
            self.ready_at = at
        elif kind == "start":
            self.started.append(rest)
        elif kind == "saved":
            assert rest == self.started[-1], f"{self.label}: saved {rest!r} that was not the save in flight"
            self.saved.add(rest)
        elif kind == "done":
            self.seconds = float(rest)
        else:
            raise AssertionError(f"{self.label}: unexpected line {line!r}")


class Writers:
    """``crash_writer.py --serve``: forks one writer per run; its stdout is read as it comes, with the time."""

    def __init__(self, stderr: Path) -> None:
        self._stderr_path = stderr
        self._stderr = stderr.open("w", encoding="utf-8")
        self._process = subprocess.Popen(
            [sys.executable, str(WRITER), "--serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
            cwd=WRITER.parent,
        )
        self._lines: queue.Queue[tuple[float, str | None]] = queue.Queue()
        self._reader = threading.Thread(target=self._read, args=(self._process.stdout,), daemon=True)
        self._reader.start()

    def _read(self, stdout: IO[str]) -> None:
        for line in stdout:
            self._lines.put((time.monotonic(), line.rstrip("\n")))
        self._lines.put((time.monotonic(), None))

    def errors(self) -> str:
        self._stderr.flush()
        return self._stderr_path.read_text(encoding="utf-8")

    def start(self, url: str, label: str, saves: int = 0) -> Run:
        """Fork a writer; it writes until killed, or until it has made ``saves`` saves."""
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps({"url": url, "label": label, "ops": saves}) + "\n")
        self._process.stdin.flush()
        run = Run(label)
        while not run.pid:
            self._take(run)
        return run

    def _take(self, run: Run, timeout: float = LINE_TIMEOUT_S) -> None:
        try:
            at, line = self._lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"{run.label}: no line from the writer in {timeout} s\n{self.errors()}") from None
        self._handle(run, at, line)

    def _handle(self, run: Run, at: float, line: str | None) -> None:
        if line is None:
            raise AssertionError(f"the writer server exited\n{self.errors()}")
        kind, _, rest = line.partition(" ")
        if kind == "forked":
            run.pid, run.forked_at = int(rest), at
        elif kind == "ended":
            pid, code = (int(part) for part in rest.split())
            assert pid == run.pid, line
            run.ended = code
        else:
            run.take(at, line)

    def wait_ready(self, run: Run) -> None:
        while run.ready_at is None and run.ended is None:
            self._take(run)
        assert run.ready_at is not None, f"{run.label} ended ({run.ended}) before it was ready\n{self.errors()}"

    def take_available(self, run: Run) -> None:
        """Every line read so far: each ``saved`` among them returned before now."""
        while True:
            try:
                at, line = self._lines.get_nowait()
            except queue.Empty:
                return
            self._handle(run, at, line)

    def finish(self, run: Run) -> None:
        while run.ended is None:
            self._take(run)

    def kill(self, run: Run) -> None:
        """SIGKILL, and every line the writer printed before it died."""
        os.kill(run.pid, signal.SIGKILL)
        self.finish(run)
        assert run.ended == -signal.SIGKILL, f"{run.label} ended with {run.ended}, not by the kill\n{self.errors()}"

    def close(self) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        try:
            self._process.wait(timeout=30)
        finally:
            if self._process.poll() is None:
                self._process.kill()
                self._process.wait()
            self._stderr.close()


@contextlib.contextmanager
def writers(tmp_path: Path) -> Iterator[Writers]:
    server = Writers(tmp_path / "writers.stderr")
    try:
        yield server
    finally:
        server.close()


@dataclass
class History:
    """Every run on one database file, and the saves found in it at the last check."""

    runs: list[Run] = field(default_factory=list)
    present: set[str] = field(default_factory=set)

    @property
    def started(self) -> set[str]:
        return {op for run in self.runs for op in run.started}

    @property
    def saved(self) -> set[str]:
        return {op for run in self.runs for op in run.saved}


@dataclass
class Timing:
    save_s: float  # one save, on average
    start_s: float  # from the fork to "ready"


def calibrate(server: Writers, url: str, history: History) -> Timing:
    """One run that is not killed: how long a save takes here, and how long the writer takes to start."""
    run = server.start(url, "c00", CALIBRATION_SAVES)
    server.finish(run)
    assert run.ended == 0, server.errors()
    assert run.seconds is not None and run.ready_at is not None
    assert len(run.saved) == CALIBRATION_SAVES
    history.runs.append(run)
    return Timing(run.seconds / CALIBRATION_SAVES, run.ready_at - run.forked_at)


# -- the database after a kill, and its backups -----------------------------------------------------------------


def new_database(tmp_path: Path) -> tuple[str, Path]:
    """A migrated file with the bundled protocol and the test staff's accounts (the writers sign in with them)."""
    # The writers verify passwords with the tests' parameters; others would rehash the password at sign-in.
    assert (HASHER.time_cost, HASHER.memory_cost, HASHER.parallelism) == (
        FAST_HASHER.time_cost,
        FAST_HASHER.memory_cost,
        FAST_HASHER.parallelism,
    )
    file = tmp_path / "site.sqlite3"
    url = sqlite_url(file)
    workspace = open_workspace(url, password_hasher=FAST_HASHER)
    add_test_staff(workspace)
    workspace.close()
    return url, file


@contextlib.contextmanager
def connected(file: Path) -> Iterator[Connection]:
    """The app's own engine settings (WAL, foreign keys); opening it is the recovery of a killed writer's WAL."""
    engine = create_database_engine(sqlite_url(file))
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def present_saves(connection: Connection) -> set[str]:
    """The writers' saves found in the database, named as the writers name them."""
    subjects = "JOIN subjects s ON s.id = t.subject_id WHERE s.family_name = :family"
    family = {"family": FAMILY_NAME}
    found = {
        f"subject {name}"
        for (name,) in connection.execute(text("SELECT given_name FROM subjects WHERE family_name = :family"), family)
    }
    found |= {
        f"fact {marker} {name}"
        for marker, name in connection.execute(
            text(f"SELECT s.given_name, t.name FROM subject_facts t {subjects}"), family
        )
    }
    found |= {
        f"assessment {marker}"
        for (marker,) in connection.execute(text(f"SELECT s.given_name FROM clinical_assessments t {subjects}"), family)
    }
    found |= {
        f"lab {marker} {analyte}"
        for marker, analyte in connection.execute(
            text(f"SELECT s.given_name, t.analyte FROM lab_results t {subjects}"), family
        )
    }
    return found


def check_sound(connection: Connection) -> None:
    """Pages, foreign keys, audit chain; every audited record exactly as its audit rows say; scores current."""
    assert connection.exec_driver_sql("PRAGMA integrity_check").scalars().all() == ["ok"]
    assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    report = verify_chain(connection)
    assert report.intact, str(report.problem)
    check_audit_replays_to_records(connection)
    check_scores_are_current(connection)


def check_audit_replays_to_records(connection: Connection) -> None:
    """Replaying a record's audit rows (insert, then updates) gives the record as stored, field by field: no record
    was saved without its audit rows, no audit rows were saved without their change."""
    replayed: dict[tuple[str, str], dict[str, str | None]] = defaultdict(dict)
    tables = [model.__tablename__ for model in AUDITED]
    rows = connection.execute(
        select(
            models.AuditEntry.table_name,
            models.AuditEntry.record_id,
            models.AuditEntry.field,
            models.AuditEntry.new_value,
            models.AuditEntry.action,
        )
        .where(models.AuditEntry.table_name.in_(tables))
        .order_by(models.AuditEntry.id)
    )
    for table, record_id, name, value, action in rows:
        assert action in ("insert", "update"), (table, record_id, action)
        replayed[table, record_id][name] = value or None
    stored: dict[tuple[str, str], dict[str, str | None]] = {}
    with Session(bind=connection) as session:
        for model in AUDITED:
            for record in session.scalars(select(model)):
                keys = [attr.key for attr in inspect(record).mapper.column_attrs]
                stored[model.__tablename__, str(record.id)] = {
                    key: audit_text(getattr(record, key)) or None for key in keys
                }
    wrong = [
        (key, replayed.get(key), values)
        for key, values in stored.items()
        if {k: v for k, v in values.items() if v is not None} != replayed.get(key, {})
    ]
    assert not wrong, f"{len(wrong)} records differ from their audit trail, first: {wrong[0]}"
    orphans = sorted(set(replayed) - set(stored))
    assert not orphans, f"audit rows for records that are not there: {orphans[:5]}"


def check_scores_are_current(connection: Connection) -> None:
    """Every liver score was computed from the labs and assessment stored for its date (one transaction each)."""
    labs: dict[tuple[int, str], dict[str, str]] = defaultdict(dict)
    for subject_id, day, analyte, value in connection.execute(
        text("SELECT subject_id, sample_date, analyte, value FROM lab_results")
    ):
        labs[subject_id, day][analyte] = value
    assessed = {
        (subject_id, day)
        for subject_id, day in connection.execute(text("SELECT subject_id, assessed_on FROM clinical_assessments"))
    }
    scores = {}
    for subject_id, day, meld, meld_na, inputs in connection.execute(
        text("SELECT subject_id, sample_date, meld, meld_na, inputs_json FROM liver_scores")
    ):
        scores[subject_id, day] = (meld, meld_na)
        used = json.loads(inputs)
        assert {analyte: used[name] for analyte, name in SCORE_INPUTS.items()} == {
            analyte: labs[subject_id, day].get(analyte) for analyte in SCORE_INPUTS
        }, (subject_id, day, used)
    for key, values in labs.items():
        if key in assessed and {"tbil", "crea", "inr"} <= set(values):
            meld, meld_na = scores[key]
            assert meld is not None, key
            assert (meld_na is not None) == ("na" in values), key


def check_saves(present: set[str], history: History, required: set[str]) -> None:
    """``required`` saves are all there; nothing that was never begun; each run's saves are a prefix of what it
    began (its last save may be there or not, when the kill came between the commit and the line saying so)."""
    missing = sorted(required - present)
    assert not missing, f"{len(missing)} saves reported as done are missing: {missing[:5]}"
    invented = sorted(present - history.started)
    assert not invented, f"records no writer began: {invented[:5]}"
    for run in history.runs:
        mine = [op for op in run.started if op in present]
        assert mine == run.started[: len(mine)], f"{run.label}: saves after a missing one: {run.started[len(mine)]}"


def check_after_kill(file: Path, history: History) -> None:
    with connected(file) as connection:
        check_sound(connection)
        present = present_saves(connection)
    check_saves(present, history, history.saved | history.present)
    history.present = present


def check_backup(backup: Path, database: Path, history: History, before: set[str], saved_before: set[str]) -> None:
    """A backup taken during the last run: a sound, current file whose saves are the earlier runs' and a prefix of
    the last run's, at least those reported before the backup began; its audit chain is the database's up to
    its newest row."""
    assert check_database_file(backup, None).revision == migrate.head_revision()
    with connected(backup) as connection:
        check_sound(connection)
        present = present_saves(connection)
        last_id, last_hash = connection.execute(
            text("SELECT id, row_hash FROM audit_log ORDER BY id DESC LIMIT 1")
        ).one()
    check_saves(present, history, saved_before | before)
    run_saves = set(history.runs[-1].started)
    assert present - run_saves == before, "the earlier runs' records differ from the database's"
    with connected(database) as connection:
        hash_in_database = connection.execute(text("SELECT row_hash FROM audit_log WHERE id = :id"), {"id": last_id})
        assert hash_in_database.scalar() == last_hash


def check_reopens_and_writes(url: str, file: Path, history: History) -> None:
    """After all the kills, the app opens the file without migrating it and saves a new subject."""
    engine = create_database_engine(url)
    try:
        assert migrate.is_current(engine)
    finally:
        engine.dispose()
    workspace = open_workspace(url, password_hasher=FAST_HASHER)
    try:
        workspace.sign_in(signs(ACTOR))
        trial = workspace.trials.resolve("NCT05106972")
        after = workspace.screening.register(
            trial.id, SubjectDraft("After", "crashes", Sex.FEMALE, dt.date(1980, 3, 1)), ACTOR
        )
    finally:
        workspace.close()
    with connected(file) as connection:
        check_sound(connection)
        assert connection.execute(text("SELECT given_name FROM subjects WHERE id = :id"), {"id": after.id}).scalar()
        check_saves(present_saves(connection), history, history.saved | history.present)


# -- the tests --------------------------------------------------------------------------------------------------


def test_writers_killed_at_random_moments_lose_no_returned_save(tmp_path: Path) -> None:
    url, file = new_database(tmp_path)
    rng = random.Random(SEED)
    history = History()
    outcomes: dict[str, int] = defaultdict(int)
    with writers(tmp_path) as server:
        timing = calibrate(server, url, history)
        check_after_kill(file, history)
        for number in range(KILLS):
            run = server.start(url, f"k{number:02d}")
            if rng.random() < EARLY_KILLS:
                time.sleep(rng.uniform(0, timing.start_s))
            else:
                server.wait_ready(run)
                time.sleep(rng.uniform(0, LONGEST_RUN * timing.save_s))
            server.kill(run)
            history.runs.append(run)
            check_after_kill(file, history)
            in_flight = run.in_flight
            if in_flight is None:
                outcomes["no save in flight"] += 1
            else:
                outcomes["in flight, committed" if in_flight in history.present else "in flight, not committed"] += 1
    check_reopens_and_writes(url, file, history)
    assert sum(outcomes.values()) == KILLS
    assert outcomes["in flight, committed"] + outcomes["in flight, not committed"] > 0, dict(outcomes)
    print(f"{KILLS} kills, {len(history.saved)} saves: {dict(outcomes)}; one save {timing.save_s * 1000:.1f} ms")


def test_backups_taken_while_writers_are_killed_are_consistent_snapshots(tmp_path: Path) -> None:
    url, file = new_database(tmp_path)
    rng = random.Random(SEED + 1)
    history = History()
    folder = tmp_path / "backups"
    workspace = open_workspace(url, password_hasher=FAST_HASHER)
    backups_checked = 0
    try:
        with writers(tmp_path) as server:
            timing = calibrate(server, url, history)
            check_after_kill(file, history)
            for number in range(BACKUP_KILLS):
                before = set(history.present)
                run = server.start(url, f"b{number:02d}")
                server.wait_ready(run)
                killer = threading.Timer(
                    rng.uniform(0, LONGEST_RUN * timing.save_s), os.kill, (run.pid, signal.SIGKILL)
                )
                killer.start()
                taken: list[tuple[Path, set[str]]] = []
                while killer.is_alive():
                    server.take_available(run)
                    saved_before = set(run.saved)
                    backup = workspace.backups.backup_now(to=folder)
                    assert backup not in [path for path, _ in taken]
                    taken.append((backup, saved_before))
                    time.sleep(rng.uniform(0, 3 * timing.save_s))
                killer.join()
                server.finish(run)
                assert run.ended == -signal.SIGKILL, server.errors()
                history.runs.append(run)
                check_after_kill(file, history)
                for backup, saved_before in taken:
                    check_backup(backup, file, history, before, saved_before)
                backups_checked += len(taken)
    finally:
        workspace.close()
    check_reopens_and_writes(url, file, history)
    assert backups_checked >= BACKUP_KILLS
    print(f"{BACKUP_KILLS} kills, {backups_checked} backups checked, {len(history.saved)} saves")
