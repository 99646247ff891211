"""A child process for the crash tests (test_crash_safety.py): writes clinical records until it is killed.

Not a test module. Run as ``python crash_writer.py URL LABEL [--ops N]``: opens the workspace on the SQLite
database ``URL`` (its accounts already made by the test), signs the test coordinator in, and writes through
the services, one subject after another: register it (named with a unique marker, ``LABEL`` and a number),
record a screening fact and the bedside assessment, then four lab values, the last two of which compute and
update the subject's liver scores in the same transaction. Each save is announced before it starts and
reported after its service call has returned, one line each, flushed at once::

    ready <pid>
    start subject k03n0001
    tx write
    tx commit
    saved subject k03n0001
    start lab k03n0001 tbil
    ...

so the test knows exactly which saves returned (``saved``) and which one, at most, was in flight when it was
killed (the last ``start``). Within a save, ``tx write`` says that its transaction has sent its first INSERT or
UPDATE (SQLite holds the write lock from there on) and ``tx commit`` that it is about to commit: a writer killed
after ``tx write`` and before ``tx commit`` died in the middle of a transaction, whose changes must not be
found. ``--ops N`` stops after N saves and prints ``done <seconds>`` (the test times saves that way); without
it the loop runs until the process is killed.

``python crash_writer.py --serve`` is the same writer without the second of imports before each run, so that a
test can kill dozens of writers in a few seconds: it imports the app once, then reads one JSON command a line on
stdin (``{"url": ..., "label": ..., "ops": 0}``), forks a writer for it (a real process, killed like any other;
this server never opens the database, so the writer inherits no SQLite connection or lock), prints
``forked <pid>``, waits for it and prints ``ended <pid> <signal or exit code>``. The writer's own lines go to
the same stdout, each in one write, whole.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
import traceback
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import Connection, Engine, event

from coordinator_app.domain.subjects import Sex
from coordinator_app.services.screening import SubjectDraft
from coordinator_app.services.users import Credentials
from coordinator_app.services.workspace import open_workspace

# The parameters of conftest.FAST_HASHER: the same ones, or signing in would rehash the password (a write).
HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
USERNAME = "test-coordinator"  # conftest.ACTOR
PASSWORD = "correct horse 42"  # conftest.PASSWORD
TRIAL = "NCT05106972"
FAMILY_NAME = "Crash"  # every subject this script registers has this family name and its marker as given name
FACT = ("pt_seconds", "14.2")
WRITING = "crash_writer.writing"  # in Connection.info: this transaction has changed something
# SI values, entered in SI; tbil, crea and inr give MELD (with the assessment's dialysis answer), na then MELD-Na.
LABS = (("tbil", "51.3", "µmol/L"), ("crea", "132.6", "µmol/L"), ("inr", "1.8", ""), ("na", "130", "mmol/L"))


def say(line: str) -> None:
    """One line on stdout, flushed to the pipe before anything else happens (a pipe outlives SIGKILL)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def trace_transactions(engine: Engine) -> None:
    """Say ``tx write`` at a transaction's first change, and ``tx commit`` just before it commits."""

    def before_execute(connection: Connection, _cursor: object, statement: str, *_: object) -> None:
        if statement.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE") and not connection.info.get(WRITING):
            connection.info[WRITING] = True
            say("tx write")

    def commit(connection: Connection) -> None:
        if connection.info.pop(WRITING, False):
            say("tx commit")

    def rollback(connection: Connection) -> None:
        connection.info.pop(WRITING, None)

    event.listen(engine, "before_cursor_execute", before_execute)
    event.listen(engine, "commit", commit)
    event.listen(engine, "rollback", rollback)


def checkpoint_often(engine: Engine, pages: int) -> None:
    """Copy the WAL back into the database file whenever it holds ``pages`` pages (SQLite's default: 1000), so
    that kills also land in checkpoints, not only in commits."""

    def on_connect(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA wal_autocheckpoint={pages}")

    event.listen(engine, "connect", on_connect)
    engine.dispose()  # the connections opening the workspace made were opened without it


def marker(label: str, number: int) -> str:
    return f"{label}n{number:04d}"


def write(url: str, label: str, ops: int, checkpoint_pages: int = 0) -> None:
    """Write subjects, their facts, assessments and labs until ``ops`` saves are made (0: until killed)."""
    workspace = open_workspace(url, password_hasher=HASHER)
    trace_transactions(workspace.database.engine)
    if checkpoint_pages:
        checkpoint_often(workspace.database.engine, checkpoint_pages)
    workspace.sign_in(Credentials(USERNAME, PASSWORD))
    actor = workspace.actor
    trial = workspace.trials.resolve(TRIAL)
    screening, labs = workspace.screening, workspace.labs
    say(f"ready {os.getpid()}")

    saves = 0
    started = time.perf_counter()

    def saved(what: str) -> bool:
        """Report a save that returned; True when the run has made all the saves it was asked for."""
        nonlocal saves
        say(f"saved {what}")
        saves += 1
        return saves == ops

    number = 0
    while True:
        number += 1
        name = marker(label, number)
        today = dt.date.today()
        say(f"start subject {name}")
        subject = screening.register(trial.id, SubjectDraft(FAMILY_NAME, name, Sex.MALE, dt.date(1970, 1, 1)), actor)
        if saved(f"subject {name}"):
            break
        say(f"start fact {name} {FACT[0]}")
        screening.record_fact(subject.id, FACT[0], FACT[1], f"crash test {name}", actor)
        if saved(f"fact {name} {FACT[0]}"):
            break
        say(f"start assessment {name}")
        labs.record_assessment(subject.id, today, "none", "none", False, actor)
        if saved(f"assessment {name}"):
            break
        done = False
        for analyte, value, unit in LABS:
            say(f"start lab {name} {analyte}")
            labs.record(subject.id, today, analyte, value, unit, actor, source=f"crash test {name}")
            done = saved(f"lab {name} {analyte}")
            if done:
                break
        if done:
            break
    say(f"done {time.perf_counter() - started:.6f}")
    workspace.close()


def serve() -> None:
    """Fork one writer per command read on stdin, and report how each one ended."""
    for command in sys.stdin:
        if not command.strip():
            continue
        run = json.loads(command)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:  # the writer
            code = 0
            try:
                write(run["url"], run["label"], run.get("ops", 0), run.get("checkpoint_pages", 0))
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
                code = 1
            sys.stdout.flush()
            os._exit(code)  # not the server's clean-up: this process only writes
        say(f"forked {pid}")
        _, status = os.waitpid(pid, 0)
        ended = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        say(f"ended {pid} {ended}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url", nargs="?")
    parser.add_argument("label", nargs="?", help="starts every marker of this run: unique per run")
    parser.add_argument("--ops", type=int, default=0, help="stop after this many saves (default: never)")
    parser.add_argument("--checkpoint-pages", type=int, default=0, help="checkpoint the WAL at this many pages")
    parser.add_argument("--serve", action="store_true", help="fork one writer per JSON command read on stdin")
    args = parser.parse_args()
    if args.serve:
        serve()
    elif args.url and args.label:
        write(args.url, args.label, args.ops, args.checkpoint_pages)
    else:
        parser.error("give URL and LABEL, or --serve")
    return 0


if __name__ == "__main__":
    sys.exit(main())
