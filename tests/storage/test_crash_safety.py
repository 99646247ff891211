"""Crash safety of the SQLite file: writers killed with SIGKILL at random moments lose no save that returned.

A child process (crash_writer.py) registers subjects and records their facts, assessments and lab values
through the services, saying on stdout which saves it starts and which returned; the test kills it with
SIGKILL after a random delay, dozens of times on the same file. After every kill the file must pass SQLite's
integrity check, its audit chain must verify, every save that returned must be there with its audit rows and
its liver scores, and nothing else but the one save that was in flight. Then the file must open and need
no migration, and take a new write. Backups taken while a writer runs (and is killed) must be consistent
snapshots: sound files, a verified chain that is a prefix of the database's, and a prefix of the saves.

What this covers and what it does not: the app runs SQLite in WAL mode with ``synchronous=FULL``
(storage/engine.py): a commit is written to the WAL file and fsync-ed before the service call returns. A
killed process (a crash of the app, Task Manager's "End task", a Qt abort) therefore loses nothing, and after
SIGKILL every returned save must be present: that is what these tests check, and a saved record missing after
a kill is a bug. A power cut is covered by the same fsync (the disk holds every returned commit); that part
cannot be tested by killing a process, only asserted: test_migrations checks the pragma on every connection.

Where the kills land: a seeded share while the writer starts (its sign-in writes), a share just after one of
its transactions has sent its first change (the writer says so on stdout), the rest at a random moment up to
``LONGEST_RUN`` saves in, timed by an unkilled run first. A third of the writers checkpoint the WAL at nearly
every commit, so that some kills land in checkpoints. A kill before a save's commit began must leave none of it.

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
import statistics
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
from sqlalchemy import Connection, select, text

from coordinator_app.domain.subjects import Sex
from coordinator_app.services.screening import SubjectDraft
from coordinator_app.services.workspace import open_workspace
from coordinator_app.storage import migrate, models
from coordinator_app.storage.audit import audit_text
from coordinator_app.storage.audit_chain import verify_chain
from coordinator_app.storage.backup import check_database_file
from coordinator_app.storage.engine import create_database_engine
from coordinator_app.storage.urls import sqlite_url

pytestmark = [
    pytest.mark.slow,
    pytest.mark.sqlite_only,  # a SQLite file's crash safety; a database server answers for its own
    pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="needs fork and SIGKILL"),
]

WRITER = Path(__file__).with_name("crash_writer.py")
ROOT = Path(__file__).parents[2]
SEED = 20261201  # the delays drawn; the moments the kills land at still depend on the machine's speed
KILLS = 30  # writers killed in the first test
BACKUP_KILLS = 10  # writers killed while backups are taken, in the second
CALIBRATION_SAVES = 42  # an unkilled run first, six subjects, to time one save and the writer's start
EARLY_KILLS = 0.15  # share of kills during the writer's start (schema check, protocol check, sign-in write)
AIMED_KILLS = 0.35  # share of kills aimed at a transaction: when it has sent its first change, plus a little
LONGEST_RUN = 60  # kills land up to this many saves after the writer is ready
CHECKPOINT_PAGES = (0, 0, 4)  # a third of the writers checkpoint at nearly every commit: kills land in those too
LINE_TIMEOUT_S = 60.0  # no line from the writers for this long: something hangs
# Where a kill can land (the writer says how far each save got: see crash_writer.py).
WHILE_STARTING = "while the writer started"
BETWEEN_SAVES = "between saves"
BEFORE_TRANSACTION = "in a save, before it wrote"
MID_TRANSACTION = "mid-transaction"
IN_COMMIT_KEPT = "at the commit, kept"  # in the commit (and its checkpoint), or after it but before "saved"
IN_COMMIT_LOST = "at the commit, not kept"
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
    stage: str = ""  # how far the save in flight got: "" (not writing yet), "write" (changes sent) or "commit"
    writes: int = 0  # transactions that sent changes
    write_at: float = 0.0
    write_s: list[float] = field(default_factory=list)  # from "tx write" to "tx commit", as read here
    ended: int | None = None  # exit code, or minus the signal that ended it

    @property
    def in_flight(self) -> str | None:
        """The save that had begun and not returned when the writer was killed."""
        unsaved = [op for op in self.started if op not in self.saved]
        assert unsaved in ([], self.started[-1:]), f"{self.label}: more than the last save unreported: {unsaved}"
        return unsaved[0] if unsaved else None

    def take(self, at: float, line: str) -> None:
        kind, _, rest = line.partition(" ")
        if kind == "ready":
            self.ready_at = at
        elif kind == "start":
            self.started.append(rest)
            self.stage = ""
        elif kind == "tx":
            self.stage = rest
            if rest == "write":
                self.writes += 1
                self.write_at = at
            elif rest == "commit":
                self.write_s.append(at - self.write_at)
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
        # The app from this checkout, whether or not it is installed in the venv.
        path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
        self._process = subprocess.Popen(
            [sys.executable, str(WRITER), "--serve"],
            env={**os.environ, "PYTHONPATH": path},
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

    def start(self, url: str, label: str, saves: int = 0, checkpoint_pages: int = 0) -> Run:
        """Fork a writer; it writes until killed, or until it has made ``saves`` saves. ``checkpoint_pages``: how
        full the WAL gets before the writer copies it back into the database file (0: SQLite's 1000 pages)."""
        assert self._process.stdin is not None
        command = {"url": url, "label": label, "ops": saves, "checkpoint_pages": checkpoint_pages}
        self._process.stdin.write(json.dumps(command) + "\n")
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

    def wait_writes(self, run: Run, writes: int) -> None:
        """Until the writer's transaction number ``writes`` has sent its first change (the sign-in's is the first)."""
        while run.writes < writes and run.ended is None:
            self._take(run)
        assert run.ended is None, f"{run.label} ended ({run.ended})\n{self.errors()}"

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
            self._reader.join(timeout=30)
            assert self._process.stdout is not None
            self._process.stdout.close()
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
    write_s: float  # from a transaction's first change to its commit


def calibrate(server: Writers, url: str, history: History) -> Timing:
    """One run that is not killed: how long a save takes here, and how long the writer takes to start."""
    run = server.start(url, "c00", CALIBRATION_SAVES)
    server.finish(run)
    assert run.ended == 0, server.errors()
    assert run.seconds is not None and run.ready_at is not None
    assert len(run.saved) == CALIBRATION_SAVES
    history.runs.append(run)
    return Timing(run.seconds / CALIBRATION_SAVES, run.ready_at - run.forked_at, statistics.median(run.write_s))


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
        replayed[table, record_id][str(name)] = value or None
    stored: dict[tuple[str, str], dict[str, str | None]] = {}
    for model in AUDITED:
        # Bookkeeping the trail leaves out: what the model lists, and the optimistic-concurrency version.
        ignored = {*getattr(model, "__audit_ignored__", ()), "version"}
        keys = [attr.key for attr in model.__mapper__.column_attrs if attr.key not in ignored]
        for record in connection.execute(select(*(getattr(model, key) for key in keys))):
            values = dict(zip(keys, record, strict=True))
            stored[model.__tablename__, str(values["id"])] = {key: audit_text(values[key]) or None for key in keys}
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


def where_killed(run: Run, present: set[str]) -> str:
    """Where the kill landed; a save killed before its commit began must have left nothing behind."""
    in_flight = run.in_flight
    if run.ready_at is None:
        return WHILE_STARTING
    if in_flight is None:
        return BETWEEN_SAVES
    if run.stage == "commit":
        return IN_COMMIT_KEPT if in_flight in present else IN_COMMIT_LOST
    assert in_flight not in present, f"{run.label}: {in_flight!r} was killed before its commit, yet it is saved"
    return MID_TRANSACTION if run.stage == "write" else BEFORE_TRANSACTION


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
            run = server.start(url, f"k{number:02d}", checkpoint_pages=rng.choice(CHECKPOINT_PAGES))
            aim = rng.random()
            if aim < EARLY_KILLS:
                time.sleep(rng.uniform(0, timing.start_s))
            elif aim < EARLY_KILLS + AIMED_KILLS:  # just after a transaction of a save has begun to write
                server.wait_writes(run, rng.randint(2, LONGEST_RUN))
                time.sleep(rng.uniform(0, 2 * timing.write_s))
            else:
                server.wait_ready(run)
                time.sleep(rng.uniform(0, LONGEST_RUN * timing.save_s))
            server.kill(run)
            history.runs.append(run)
            check_after_kill(file, history)
            outcomes[where_killed(run, history.present)] += 1
    check_reopens_and_writes(url, file, history)
    assert sum(outcomes.values()) == KILLS
    assert outcomes[MID_TRANSACTION] + outcomes[IN_COMMIT_KEPT] + outcomes[IN_COMMIT_LOST] > 0, dict(outcomes)
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
                run = server.start(url, f"b{number:02d}", checkpoint_pages=rng.choice(CHECKPOINT_PAGES))
                server.wait_ready(run)
                killer = threading.Timer(
                    rng.uniform(0, LONGEST_RUN * timing.save_s), os.kill, (run.pid, signal.SIGKILL)
                )
                killer.start()
                taken: list[tuple[Path, set[str]]] = []
                while not taken or killer.is_alive():  # at least one backup, most of them while the writer writes
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
                where_killed(run, history.present)
                for backup, saved_before in taken:
                    check_backup(backup, file, history, before, saved_before)
                backups_checked += len(taken)
    finally:
        workspace.close()
    check_reopens_and_writes(url, file, history)
    assert backups_checked >= BACKUP_KILLS
    print(f"{BACKUP_KILLS} kills, {backups_checked} backups checked, {len(history.saved)} saves")
