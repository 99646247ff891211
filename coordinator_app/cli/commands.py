"""The commands of ``coordinator-app`` (see :mod:`coordinator_app.cli`): one function per command, named as the
parser's ``handler``; each opens the database, acts through the services and prints one line of outcome."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from coordinator_app.cli import NEW_PASSWORD_ENV, PASSWORD_ENV, database_url
from coordinator_app.domain.access import parse_role
from coordinator_app.domain.errors import (
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    ProtocolError,
    ValidationError,
)
from coordinator_app.services import settings
from coordinator_app.services.audit_trail import AuditFilter
from coordinator_app.services.backups import restore_file
from coordinator_app.services.csv_import import CsvImportError
from coordinator_app.services.database import Database
from coordinator_app.services.database_key import (
    KeyRequiredError,
    KeyStore,
    database_key_for,
    encrypt_database,
    key_from_recovery_code,
    recovery_code,
)
from coordinator_app.services.trials import LoadResult
from coordinator_app.services.users import Credentials
from coordinator_app.services.workspace import Workspace, open_workspace
from coordinator_app.storage.encryption import DatabaseKey
from coordinator_app.storage.engine import sqlite_file
from coordinator_app.storage.urls import sqlite_url

USER_ERRORS = (
    ProtocolError,
    ValidationError,
    NotFoundError,
    CsvImportError,
    AuthenticationError,
    PermissionDeniedError,
)


def execute(args: argparse.Namespace) -> int:
    """Run the command ``args`` name; a mistake the user can fix is printed in one line, exit code 2."""
    handler: Callable[[argparse.Namespace], int] = globals()[args.handler]
    try:
        return handler(args)
    except USER_ERRORS as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


@contextmanager
def _opened(args: argparse.Namespace, *, sign_in: bool = False) -> Iterator[Workspace]:
    """The workspace the global options name, closed (and a demo thrown away) whatever happens; with
    ``sign_in``, the ``--user`` signed in (the demo's coordinator when the demo is used without one)."""
    url = database_url(args)
    workspace = open_workspace(url, demo=args.demo, key=None if args.demo else _database_key(url))
    try:
        if workspace.database.network_warning:
            print(f"warning: {workspace.database.network_warning}", file=sys.stderr)
        if args.user:
            workspace.sign_in(Credentials(args.user, _password(f"Password for {args.user}: ", PASSWORD_ENV)))
        elif sign_in and workspace.user is None:
            raise ValidationError(
                "--user",
                "",
                f"this command changes data: say who you are with --user NAME (password asked, or ${PASSWORD_ENV})",
            )
        yield workspace
    finally:
        workspace.close()


def _password(prompt: str, variable: str) -> str:
    """From the environment for scripts, else asked on the terminal without echo; never from the command line,
    where other users of the machine could read it."""
    if variable in os.environ:
        return os.environ[variable]
    if not sys.stdin.isatty():
        raise ValidationError("password", "", f"no terminal to ask it on: set ${variable}")
    return getpass.getpass(prompt)


def _new_password(username: str) -> str:
    if NEW_PASSWORD_ENV in os.environ:
        return os.environ[NEW_PASSWORD_ENV]
    password = _password(f"New password for {username}: ", NEW_PASSWORD_ENV)
    if _password("The same again: ", NEW_PASSWORD_ENV) != password:
        raise ValidationError("password", "*" * len(password), "the two entries differ")
    return password


# -- handlers ----------------------------------------------------------------------------------


def screenshot(args: argparse.Namespace) -> int:
    from coordinator_app.app import screenshot

    with _opened(args) as workspace:
        screenshot(workspace, args.tab, args.output, args.trial, args.subject, args.language, args.view)
    print(f"wrote {args.output}")
    return 0


def protocol_load(args: argparse.Namespace) -> int:
    with _opened(args, sign_in=True) as workspace:
        result = workspace.trials.load_protocol_file(args.file, workspace.actor)
    _report_load(result)
    return 0


def protocol_import(args: argparse.Namespace) -> int:
    with _opened(args, sign_in=True) as workspace:
        results = workspace.trials.import_ctgov_file(args.file, workspace.actor)
    for result in results:
        _report_load(result)
    return 0


def _report_load(result: LoadResult) -> None:
    nct_id = result.trial.nct_id
    if result.created:
        print(f"{nct_id}: added")
    elif result.changed:
        print(f"{nct_id}: protocol updated")
    else:
        print(f"{nct_id}: unchanged")


def protocol_list(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        for trial in workspace.trials.list_trials():
            print(f"{trial.nct_id}\t{trial.loaded_at:%Y-%m-%d}\t{trial.title}")
    return 0


def protocol_show(args: argparse.Namespace) -> int:
    from coordinator_app.domain.protocol import protocol_to_mapping

    with _opened(args) as workspace:
        protocol = workspace.trials.protocol(workspace.trials.resolve(args.trial).id)
    print(json.dumps(protocol_to_mapping(protocol), ensure_ascii=False, indent=2))
    return 0


def subjects_import(args: argparse.Namespace) -> int:
    with _opened(args, sign_in=True) as workspace:
        trial = workspace.trials.resolve(args.trial)
        count = workspace.screening_import.import_file(args.file, trial.id, workspace.actor)
    print(f"{trial.nct_id}: imported {count} subject(s) from {args.file}")
    return 0


def subjects_numbering(args: argparse.Namespace) -> int:
    changes = (args.screening_prefix, args.subject_prefix, args.digits)
    with _opened(args, sign_in=any(value is not None for value in changes)) as workspace:
        trial = workspace.trials.resolve(args.trial)
        current = workspace.trials.numbering(trial.id)
        if args.screening_prefix is not None or args.subject_prefix is not None or args.digits is not None:
            workspace.screening.set_numbering(
                trial.id,
                current.screening_prefix if args.screening_prefix is None else args.screening_prefix,
                current.subject_prefix if args.subject_prefix is None else args.subject_prefix,
                current.digits if args.digits is None else args.digits,
                workspace.actor,
            )
            current = workspace.trials.numbering(trial.id)
    print(f"{trial.nct_id}: screening numbers {current.example_screening}, subject numbers {current.example_subject}")
    return 0


def screening_log(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        if args.format == "pdf":
            count = workspace.screening_log.write_pdf(trial.id, args.output)
        else:
            count = workspace.screening_log.write_csv(trial.id, args.output)
    print(f"{trial.nct_id}: wrote {count} subject(s) to {args.output}")
    return 0


def calendar_export(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        subject_id = workspace.screening.find(trial.id, args.subject).id if args.subject else None
        count = workspace.calendar_export.write(trial.id, args.ics, subject_id=subject_id, month=_month(args.month))
    print(f"{trial.nct_id}: wrote {count} visit(s) to {args.ics}")
    return 0


def _month(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    try:
        year, month = (int(part) for part in text.split("-"))
        dt.date(year, month, 1)
    except ValueError:
        raise ValidationError("--month", text, "must be YYYY-MM") from None
    return year, month


def schedule(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        subject = workspace.screening.find(trial.id, args.subject)
        schedule = workspace.schedules.schedule(subject.id)
    visits = schedule.visits if schedule else ()
    rows = [
        {
            "code": v.code,
            "name": v.definition.name.en,
            "target": (v.booked or v.planned).isoformat(),
            "window_start": v.window_start.isoformat(),
            "window_end": v.window_end.isoformat(),
            "actual": v.actual.isoformat() if v.actual else None,
            "status": v.status.value,
        }
        for v in visits
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        print(f"{args.subject}: dose 1 is not booked yet")
    else:
        for row in rows:
            print(
                f"{row['code']:<6} {row['target']}  {row['window_start']} – {row['window_end']}  "
                f"{row['actual'] or '':<10}  {row['status']:<9}  {row['name']}"
            )
    return 0


def visits_import(args: argparse.Namespace) -> int:
    with _opened(args, sign_in=True) as workspace:
        trial = workspace.trials.resolve(args.trial)
        count = workspace.visits_import.import_file(args.file, trial.id, workspace.actor)
    print(f"{trial.nct_id}: recorded {count} visit(s) from {args.file}")
    return 0


def site_rules(args: argparse.Namespace) -> int:
    with _opened(args, sign_in=bool(args.set)) as workspace:
        rules = (
            workspace.site_settings.set(args.set[0], args.set[1], workspace.actor)
            if args.set
            else workspace.site_settings.rules()
        )
    for key, value in dataclasses.asdict(rules).items():
        print(f"{key} = {value}")
    return 0


def pdf_consent(args: argparse.Namespace) -> int:
    with _opened(args, sign_in=True) as workspace:
        trial = workspace.trials.resolve(args.trial)
        document = workspace.consent_forms.print_consent(
            trial.id, args.subject, args.output, workspace.actor, args.version, args.preview_draft
        )
    print(f"{trial.nct_id}: consent form version {document.version} for {args.subject} written to {args.output}")
    return 0


def pdf_visit(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        workspace.packets.visit_packet(trial.id, args.subject, args.visit, args.output)
    print(f"{trial.nct_id}: visit packet {args.visit} for {args.subject} written to {args.output}")
    return 0


def pdf_eligibility(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        workspace.packets.eligibility_checklist(trial.id, args.subject, args.output)
    print(f"{trial.nct_id}: eligibility checklist for {args.subject} written to {args.output}")
    return 0


def pdf_screening_log(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        count = workspace.screening_log.write_pdf(trial.id, args.output)
    print(f"{trial.nct_id}: screening log of {count} subject(s) written to {args.output}")
    return 0


def pdf_visits(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        count = workspace.packets.visit_list(trial.id, args.first, args.last, args.output)
    print(f"{trial.nct_id}: {count} visit(s) from {args.first} to {args.last} written to {args.output}")
    return 0


def pdf_packets(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        count = workspace.packets.packets_for_day(trial.id, args.date, args.output)
    print(f"{trial.nct_id}: {count} visit packet(s) for {args.date} written to {args.output}")
    return 0


def labs_import(args: argparse.Namespace) -> int:
    with _opened(args, sign_in=True) as workspace:
        trial = workspace.trials.resolve(args.trial)
        count = workspace.labs.import_file(args.file, trial.id, workspace.actor)
    print(f"{trial.nct_id}: imported {count} lab result(s) from {args.file}")
    return 0


def labs_export(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        count = workspace.labs.write_export_csv(trial.id, args.output)
    print(f"{trial.nct_id}: wrote {count} row(s) to {args.output}")
    return 0


def ae_summary(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        count = workspace.adverse_events.write_summary_csv(trial.id, args.output)
    print(f"{trial.nct_id}: wrote {count} summary row(s) to {args.output}")
    return 0


def ae_pending(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        pending = workspace.adverse_events.pending_saes(trial.id, dt.datetime.now(dt.UTC))
    if not pending:
        print(f"{trial.nct_id}: no serious adverse event is waiting to be reported")
    for sae in pending:
        state = "OVERDUE" if sae.clock.overdue else "due"
        print(f"{sae.subject_number}\t{sae.term}\t{state} {sae.deadline.astimezone():%Y-%m-%d %H:%M}")
    return 0


def users_list(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        for account in workspace.users.list_users():
            state = "active" if account.active else "deactivated"
            if account.locked_until is not None and account.locked_until > dt.datetime.now(dt.UTC):
                state = f"locked until {account.locked_until.astimezone():%Y-%m-%d %H:%M}"
            print(f"{account.username}\t{account.role.value}\t{state}\t{account.full_name}")
    return 0


def users_create_admin(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        account = workspace.users.create_first_administrator(args.username, args.name, _new_password(args.username))
    print(f"created administrator {account.display_name}")
    return 0


def users_add(args: argparse.Namespace) -> int:
    role = parse_role(args.role)
    with _opened(args, sign_in=True) as workspace:
        account = workspace.users.add_user(
            args.username, args.name, role, _new_password(args.username), workspace.actor
        )
    print(f"added {account.display_name} as {account.role.value}; the password must be changed at first sign-in")
    return 0


def users_unlock(args: argparse.Namespace) -> int:
    with _opened(args, sign_in=True) as workspace:
        account = workspace.users.unlock(args.username, workspace.actor)
    print(f"unlocked {account.display_name}")
    return 0


def db_upgrade(args: argparse.Namespace) -> int:
    url = database_url(args)
    database = Database(url, _database_key(url))
    try:
        database.upgrade()
    finally:
        database.close()
    print(f"{database.display_url}: schema is current")
    return 0


# -- backups and encryption at rest ------------------------------------------------------------


def _database_key(url: str) -> DatabaseKey | None:
    """The key of an encrypted database: ``$COORDINATOR_APP_DATABASE_KEY`` or the credential store, else the
    recovery code asked on the terminal (not echoed, not stored)."""
    try:
        return database_key_for(url)
    except KeyRequiredError as error:
        if not sys.stdin.isatty():
            raise
        print(error, file=sys.stderr)
        return key_from_recovery_code(getpass.getpass(f"Recovery code of {error.database}: "))


def _sqlite_database(url: str) -> Path:
    file = sqlite_file(url)
    if file is None:
        raise ValidationError("--database", url, "is not a SQLite file: back a database server up with its own tools")
    return file


def backup(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        path = workspace.backups.backup_now(args.to)
    print(f"backed up to {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


def restore(args: argparse.Namespace) -> int:
    url = database_url(args)
    database = _sqlite_database(url)
    if database.exists():
        with _opened(args) as workspace:
            restored = workspace.backups.restore(args.file, workspace.user)
    else:  # a new desktop: no accounts to ask; an encrypted backup's key is asked for and then kept here
        key = _database_key(sqlite_url(args.file))
        restored = restore_file(database, args.file, key, dt.datetime.now(dt.UTC))
        if key is not None:
            try:
                KeyStore().put(database, key)
            except ValidationError as error:
                print(f"note: {error}: the recovery code will be asked for at every start", file=sys.stderr)
    print(f"{database}: restored from {args.file} (schema revision {restored.revision})")
    if restored.replaced is not None:
        print(f"the replaced database is kept as {restored.replaced}")
    return 0


def db_encrypt(args: argparse.Namespace) -> int:
    database = _sqlite_database(database_url(args))
    store = KeyStore()
    key = encrypt_database(database, store, args.keep_plain)
    print(f"{database}: encrypted; its key is kept in this desktop's credential store ({store.name})")
    print("Recovery code, shown once: write it down and seal it in the envelope kept in the investigator site file.")
    print(f"    {recovery_code(key)}")
    if args.keep_plain is not None:
        print(f"the unencrypted original is kept as {args.keep_plain}: lock it away or delete it")
    with _opened(args) as workspace:
        plain = [backup for backup in workspace.backups.backups() if not backup.encrypted]
        folder = workspace.backups.folder()
    if plain:
        print(f"warning: {len(plain)} earlier backup(s) in {folder} are not encrypted: delete them or lock them away")
    return 0


def db_key_show_recovery(args: argparse.Namespace) -> int:
    url = database_url(args)
    key = _database_key(url)
    if key is None:
        raise ValidationError("database file", str(_sqlite_database(url)), "is not encrypted: it has no key")
    Database(url, key).close()  # the key must open the database before it is shown as its recovery code
    print(recovery_code(key))
    return 0


def db_key_set(args: argparse.Namespace) -> int:
    url = database_url(args)
    database = _sqlite_database(url)
    if not database.is_file():
        raise ValidationError("database file", str(database), "does not exist: restore a backup (its key is asked)")
    code = os.environ.get(settings.DATABASE_KEY_ENV)
    if not code:
        if not sys.stdin.isatty():
            raise ValidationError("recovery code", "", f"no terminal to ask it on: set ${settings.DATABASE_KEY_ENV}")
        code = getpass.getpass(f"Recovery code of {database}: ")
    key = key_from_recovery_code(code)
    Database(url, key).close()  # a wrong code is refused here, before anything is stored
    store = KeyStore()
    store.put(database, key)
    print(f"{database}: key stored in this desktop's credential store ({store.name})")
    return 0


# -- the audit trail: read by anyone who can open the database, no sign-in needed ---------------------


def audit_verify(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        report = workspace.audit_trail.verify()
    if report.problem is not None:
        print(report.problem)
        return 1
    print(f"audit trail intact: {report.rows_checked} rows")
    return 0


def audit_export(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trail = workspace.audit_trail
        audit_filter = AuditFilter(
            subject_id=trail.find_subject(args.subject, args.trial) if args.subject else None,
            actor=args.actor,
            table=args.table,
            field=args.field,
            first_day=args.first,
            last_day=args.last,
        )
        if args.pdf:
            who = workspace.user.display_name if workspace.user else settings.operating_system_user()
            count = trail.export_pdf(args.pdf, audit_filter, generated_by=who)
        else:
            count = trail.export_csv(args.csv, audit_filter)
    print(f"wrote {count} audit row(s) to {args.pdf or args.csv}")
    return 0
