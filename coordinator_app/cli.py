"""The headless face of the app: ``coordinator-app [--database URL] [--demo] [--user NAME] COMMAND …``.

Without a command it starts the desktop app.  Global options come before the command.
Commands that change data sign in first: ``--user NAME``, with the password asked on the terminal (or, for
scripts, read from ``$COORDINATOR_APP_PASSWORD``); the services then check that user's role as in the GUI.
Errors a user can fix (a bad file, an unknown trial, a refused sign-in) are printed in one line, exit code 2.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from coordinator_app import __version__
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
    KEY_ENV,
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
from coordinator_app.storage.engine import sqlite_file, sqlite_url

TAB_CHOICES = ("overview", "eligibility", "calendar", "contacts")
# gui/screenshot.py VIEWS (named here so that the command line loads no Qt before it runs one)
VIEW_CHOICES = (
    "first-start",
    "sign-in",
    "register-subject",
    "signature",
    "book-dose1",
    "reschedule",
    "infusion-record",
    "print-preview",
)
USER_ERRORS = (
    ProtocolError,
    ValidationError,
    NotFoundError,
    CsvImportError,
    AuthenticationError,
    PermissionDeniedError,
)
PASSWORD_ENV = "COORDINATOR_APP_PASSWORD"
NEW_PASSWORD_ENV = "COORDINATOR_APP_NEW_PASSWORD"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coordinator-app",
        description="Trial Coordinator: the desktop workstation for clinical-trial site coordinators.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--database",
        metavar="URL",
        help=f"SQLAlchemy URL of the database (default: ${settings.DATABASE_ENV}, "
        f"else {settings.default_database_url()})",
    )
    parser.add_argument(
        "--demo", action="store_true", help="use a throwaway database with synthetic subjects, staff and contacts"
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help=f"sign in as NAME for commands that change data (password asked, or ${PASSWORD_ENV}); "
        "the demo signs its coordinator in",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="start the desktop app (the default)")
    run.set_defaults(handler=_run)

    shot = commands.add_parser(
        "screenshot", help="render the main window on one tab, or a dialog of the user guide, to a PNG file"
    )
    shown = shot.add_mutually_exclusive_group(required=True)
    shown.add_argument("--tab", choices=TAB_CHOICES)
    shown.add_argument("--view", choices=VIEW_CHOICES, help="a dialog, filled on the demo database (use --demo)")
    shot.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.png")
    shot.add_argument("--trial", metavar="NCT", help="trial to show (default: the only or most recent)")
    shot.add_argument("--subject", metavar="NUMBER", help="show this subject's checklist or timeline")
    shot.add_argument(
        "--language", choices=("en", "zh_CN"), default="", help="interface language (default: the system's)"
    )
    shot.set_defaults(handler=_screenshot)

    protocol = commands.add_parser("protocol", help="load, import and list trial protocols")
    protocol_commands = protocol.add_subparsers(dest="protocol_command", metavar="ACTION", required=True)
    load = protocol_commands.add_parser("load", help="load or update a trial from a protocol file (TOML)")
    load.add_argument("file", type=Path, metavar="FILE.toml")
    load.set_defaults(handler=_protocol_load)
    ctgov = protocol_commands.add_parser(
        "import", help="import a ClinicalTrials.gov API v2 study record (one study or {'studies': [...]})"
    )
    ctgov.add_argument("file", type=Path, metavar="FILE.json")
    ctgov.set_defaults(handler=_protocol_import)
    listing = protocol_commands.add_parser("list", help="list the trials in the database")
    listing.set_defaults(handler=_protocol_list)
    show = protocol_commands.add_parser("show", help="print a trial's protocol as JSON")
    show.add_argument("--trial", metavar="NCT", help="trial to show (default: the only or most recent)")
    show.set_defaults(handler=_protocol_show)

    subjects = commands.add_parser("subjects", help="subjects and screening")
    subject_commands = subjects.add_subparsers(dest="subjects_command", metavar="ACTION", required=True)
    import_log = subject_commands.add_parser(
        "import", help="import the site's screening log (CSV, UTF-8, header row): all rows or none"
    )
    import_log.add_argument("file", type=Path, metavar="FILE.csv")
    import_log.add_argument("--trial", metavar="NCT", help="trial to import into (default: the only or most recent)")
    import_log.set_defaults(handler=_subjects_import)
    numbering = subject_commands.add_parser(
        "numbering", help="show or set how screening and subject numbers are formed"
    )
    numbering.add_argument("--trial", metavar="NCT")
    numbering.add_argument("--screening-prefix", metavar="TEXT", help="e.g. HK-S gives HK-S001")
    numbering.add_argument("--subject-prefix", metavar="TEXT", help="e.g. HK- gives HK-001 at enrolment")
    numbering.add_argument("--digits", type=int, metavar="N", help="zero-padded width of the sequence (default 3)")
    numbering.set_defaults(handler=_subjects_numbering)

    log = commands.add_parser("screening-log", help="export the screening log (one row per screened subject)")
    log.add_argument("--format", choices=("csv", "pdf"), default="csv")
    log.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    log.add_argument("--trial", metavar="NCT")
    log.set_defaults(handler=_screening_log)

    calendar = commands.add_parser("calendar", help="the visit calendar")
    calendar_commands = calendar.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    ics = calendar_commands.add_parser("export", help="write the scheduled visits as an iCalendar (.ics) file")
    ics.add_argument("--ics", type=Path, required=True, metavar="FILE.ics")
    ics.add_argument("--subject", metavar="NUMBER", help="only this subject (screening or subject number)")
    ics.add_argument("--month", metavar="YYYY-MM", help="only this month")
    ics.add_argument("--trial", metavar="NCT")
    ics.set_defaults(handler=_calendar_export)

    schedule = commands.add_parser("schedule", help="a subject's visits: target, window, actual date, status")
    schedule.add_argument("subject", metavar="SUBJECT", help="screening number or subject number")
    schedule.add_argument("--json", action="store_true", help="print JSON instead of a table")
    schedule.add_argument("--trial", metavar="NCT")
    schedule.set_defaults(handler=_schedule)

    visits = commands.add_parser("visits", help="visits recorded before the app arrived")
    visit_commands = visits.add_subparsers(dest="visits_command", metavar="ACTION", required=True)
    visits_import = visit_commands.add_parser("import", help="import visit history (CSV): all rows or none")
    visits_import.add_argument("file", type=Path, metavar="FILE.csv")
    visits_import.add_argument("--trial", metavar="NCT")
    visits_import.set_defaults(handler=_visits_import)

    site = commands.add_parser("settings", help="show or change the site's rules")
    site.add_argument("--set", nargs=2, metavar=("KEY", "VALUE"), help="e.g. --set max_infusions_per_day 3")
    site.set_defaults(handler=_settings)

    pdf = commands.add_parser("pdf", help="print a document to a PDF file (bilingual, A4, fonts embedded)")
    kinds = pdf.add_subparsers(dest="pdf_kind", metavar="KIND", required=True)

    def kind(name: str, help_text: str) -> argparse.ArgumentParser:
        parser = kinds.add_parser(name, help=help_text)
        parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
        parser.add_argument("--trial", metavar="NCT")
        return parser

    consent = kind("consent", "informed consent form for a subject (the active version unless --version)")
    consent.add_argument("subject", metavar="SUBJECT", help="screening or subject number")
    consent.add_argument("--version", metavar="V")
    consent.add_argument("--preview-draft", action="store_true", help="preview a draft version, watermarked DRAFT")
    consent.set_defaults(handler=_pdf_consent)
    visit = kind("visit", "visit packet for one subject and visit (e.g. W4, D2)")
    visit.add_argument("subject", metavar="SUBJECT")
    visit.add_argument("visit", metavar="VISIT")
    visit.set_defaults(handler=_pdf_visit)
    eligibility = kind("eligibility", "eligibility checklist with answers, sources, verdict and sign-off")
    eligibility.add_argument("subject", metavar="SUBJECT")
    eligibility.set_defaults(handler=_pdf_eligibility)
    kind("screening-log", "the screening log").set_defaults(handler=_pdf_screening_log)
    visit_list = kind("visits", "the visits of a period (a week, a month)")
    visit_list.add_argument("--from", dest="first", type=dt.date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    visit_list.add_argument("--to", dest="last", type=dt.date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    visit_list.set_defaults(handler=_pdf_visits)
    packets = kind("packets", "every visit packet due on one day, in one file")
    packets.add_argument("--date", type=dt.date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    packets.set_defaults(handler=_pdf_packets)

    labs = commands.add_parser("labs", help="laboratory results and liver scores")
    lab_commands = labs.add_subparsers(dest="labs_command", metavar="ACTION", required=True)
    labs_import = lab_commands.add_parser(
        "import", help="import a laboratory export (subject, visit, date, analyte, value, unit): all rows or none"
    )
    labs_import.add_argument("file", type=Path, metavar="FILE.csv")
    labs_import.add_argument("--trial", metavar="NCT")
    labs_import.set_defaults(handler=_labs_import)
    labs_export = lab_commands.add_parser(
        "export", help="one row per subject and sample date: every analyte (SI) and the liver scores"
    )
    labs_export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.csv")
    labs_export.add_argument("--trial", metavar="NCT")
    labs_export.set_defaults(handler=_labs_export)

    ae = commands.add_parser("ae", help="adverse events")
    ae_commands = ae.add_subparsers(dest="ae_command", metavar="ACTION", required=True)
    ae_summary = ae_commands.add_parser("summary", help="counts by grade, relatedness and dose period (CSV)")
    ae_summary.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.csv")
    ae_summary.add_argument("--trial", metavar="NCT")
    ae_summary.set_defaults(handler=_ae_summary)
    ae_pending = ae_commands.add_parser("pending", help="serious adverse events not yet reported, with the time left")
    ae_pending.add_argument("--trial", metavar="NCT")
    ae_pending.set_defaults(handler=_ae_pending)

    users = commands.add_parser("users", help="staff accounts")
    user_commands = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    user_commands.add_parser("list", help="list the accounts with role and state").set_defaults(handler=_users_list)
    first = user_commands.add_parser(
        "create-admin", help="create the first administrator of an empty database (password asked twice)"
    )
    first.add_argument("username", metavar="USERNAME")
    first.add_argument("--name", required=True, metavar="FULL NAME")
    first.set_defaults(handler=_users_create_admin)
    add = user_commands.add_parser(
        "add", help=f"add an account (administrators; first password asked, or ${NEW_PASSWORD_ENV})"
    )
    add.add_argument("username", metavar="USERNAME")
    add.add_argument("--name", required=True, metavar="FULL NAME")
    add.add_argument("--role", required=True, help="coordinator, research_nurse, investigator, monitor, administrator")
    add.set_defaults(handler=_users_add)
    unlock = user_commands.add_parser("unlock", help="unlock an account locked after failed sign-ins")
    unlock.add_argument("username", metavar="USERNAME")
    unlock.set_defaults(handler=_users_unlock)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = db_commands.add_parser("upgrade", help="create or migrate the schema to this version of the app")
    upgrade.set_defaults(handler=_db_upgrade)
    _add_backup_commands(commands, db_commands)
    _add_audit_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", _run)
    try:
        return handler(args)
    except USER_ERRORS as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def _database_url(args: argparse.Namespace) -> str:
    return str(args.database or settings.default_database_url())


@contextmanager
def _opened(args: argparse.Namespace, *, sign_in: bool = False) -> Iterator[Workspace]:
    """The workspace the global options name, closed (and a demo thrown away) whatever happens; with
    ``sign_in``, the ``--user`` signed in (the demo's coordinator when the demo is used without one)."""
    url = _database_url(args)
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


def _run(args: argparse.Namespace) -> int:
    from coordinator_app.app import run_gui  # Qt is loaded only when a window is wanted

    return run_gui(_database_url(args), demo=args.demo)


def _screenshot(args: argparse.Namespace) -> int:
    from coordinator_app.app import screenshot

    with _opened(args) as workspace:
        screenshot(workspace, args.tab, args.output, args.trial, args.subject, args.language, args.view)
    print(f"wrote {args.output}")
    return 0


def _protocol_load(args: argparse.Namespace) -> int:
    with _opened(args, sign_in=True) as workspace:
        result = workspace.trials.load_protocol_file(args.file, workspace.actor)
    _report_load(result)
    return 0


def _protocol_import(args: argparse.Namespace) -> int:
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


def _protocol_list(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        for trial in workspace.trials.list_trials():
            print(f"{trial.nct_id}\t{trial.loaded_at:%Y-%m-%d}\t{trial.title}")
    return 0


def _protocol_show(args: argparse.Namespace) -> int:
    from coordinator_app.domain.protocol import protocol_to_mapping

    with _opened(args) as workspace:
        protocol = workspace.trials.protocol(workspace.trials.resolve(args.trial).id)
    print(json.dumps(protocol_to_mapping(protocol), ensure_ascii=False, indent=2))
    return 0


def _subjects_import(args: argparse.Namespace) -> int:
    with _opened(args, sign_in=True) as workspace:
        trial = workspace.trials.resolve(args.trial)
        count = workspace.screening_import.import_file(args.file, trial.id, workspace.actor)
    print(f"{trial.nct_id}: imported {count} subject(s) from {args.file}")
    return 0


def _subjects_numbering(args: argparse.Namespace) -> int:
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


def _screening_log(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        if args.format == "pdf":
            count = workspace.screening_log.write_pdf(trial.id, args.output)
        else:
            count = workspace.screening_log.write_csv(trial.id, args.output)
    print(f"{trial.nct_id}: wrote {count} subject(s) to {args.output}")
    return 0


def _calendar_export(args: argparse.Namespace) -> int:
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


def _schedule(args: argparse.Namespace) -> int:
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


def _visits_import(args: argparse.Namespace) -> int:
    with _opened(args, sign_in=True) as workspace:
        trial = workspace.trials.resolve(args.trial)
        count = workspace.visits_import.import_file(args.file, trial.id, workspace.actor)
    print(f"{trial.nct_id}: recorded {count} visit(s) from {args.file}")
    return 0


def _settings(args: argparse.Namespace) -> int:
    with _opened(args, sign_in=bool(args.set)) as workspace:
        rules = (
            workspace.site_settings.set(args.set[0], args.set[1], workspace.actor)
            if args.set
            else workspace.site_settings.rules()
        )
    for key, value in dataclasses.asdict(rules).items():
        print(f"{key} = {value}")
    return 0


def _pdf_consent(args: argparse.Namespace) -> int:
    with _opened(args, sign_in=True) as workspace:
        trial = workspace.trials.resolve(args.trial)
        document = workspace.consent_forms.print_consent(
            trial.id, args.subject, args.output, workspace.actor, args.version, args.preview_draft
        )
    print(f"{trial.nct_id}: consent form version {document.version} for {args.subject} written to {args.output}")
    return 0


def _pdf_visit(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        workspace.packets.visit_packet(trial.id, args.subject, args.visit, args.output)
    print(f"{trial.nct_id}: visit packet {args.visit} for {args.subject} written to {args.output}")
    return 0


def _pdf_eligibility(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        workspace.packets.eligibility_checklist(trial.id, args.subject, args.output)
    print(f"{trial.nct_id}: eligibility checklist for {args.subject} written to {args.output}")
    return 0


def _pdf_screening_log(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        count = workspace.screening_log.write_pdf(trial.id, args.output)
    print(f"{trial.nct_id}: screening log of {count} subject(s) written to {args.output}")
    return 0


def _pdf_visits(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        count = workspace.packets.visit_list(trial.id, args.first, args.last, args.output)
    print(f"{trial.nct_id}: {count} visit(s) from {args.first} to {args.last} written to {args.output}")
    return 0


def _pdf_packets(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        count = workspace.packets.packets_for_day(trial.id, args.date, args.output)
    print(f"{trial.nct_id}: {count} visit packet(s) for {args.date} written to {args.output}")
    return 0


def _labs_import(args: argparse.Namespace) -> int:
    with _opened(args, sign_in=True) as workspace:
        trial = workspace.trials.resolve(args.trial)
        count = workspace.labs.import_file(args.file, trial.id, workspace.actor)
    print(f"{trial.nct_id}: imported {count} lab result(s) from {args.file}")
    return 0


def _labs_export(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        count = workspace.labs.write_export_csv(trial.id, args.output)
    print(f"{trial.nct_id}: wrote {count} row(s) to {args.output}")
    return 0


def _ae_summary(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        count = workspace.adverse_events.write_summary_csv(trial.id, args.output)
    print(f"{trial.nct_id}: wrote {count} summary row(s) to {args.output}")
    return 0


def _ae_pending(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trial = workspace.trials.resolve(args.trial)
        pending = workspace.adverse_events.pending_saes(trial.id, dt.datetime.now(dt.UTC))
    if not pending:
        print(f"{trial.nct_id}: no serious adverse event is waiting to be reported")
    for sae in pending:
        state = "OVERDUE" if sae.clock.overdue else "due"
        print(f"{sae.subject_number}\t{sae.term}\t{state} {sae.deadline.astimezone():%Y-%m-%d %H:%M}")
    return 0


def _users_list(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        for account in workspace.users.list_users():
            state = "active" if account.active else "deactivated"
            if account.locked_until is not None and account.locked_until > dt.datetime.now(dt.UTC):
                state = f"locked until {account.locked_until.astimezone():%Y-%m-%d %H:%M}"
            print(f"{account.username}\t{account.role.value}\t{state}\t{account.full_name}")
    return 0


def _users_create_admin(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        account = workspace.users.create_first_administrator(args.username, args.name, _new_password(args.username))
    print(f"created administrator {account.display_name}")
    return 0


def _users_add(args: argparse.Namespace) -> int:
    role = parse_role(args.role)
    with _opened(args, sign_in=True) as workspace:
        account = workspace.users.add_user(
            args.username, args.name, role, _new_password(args.username), workspace.actor
        )
    print(f"added {account.display_name} as {account.role.value}; the password must be changed at first sign-in")
    return 0


def _users_unlock(args: argparse.Namespace) -> int:
    with _opened(args, sign_in=True) as workspace:
        account = workspace.users.unlock(args.username, workspace.actor)
    print(f"unlocked {account.display_name}")
    return 0


def _db_upgrade(args: argparse.Namespace) -> int:
    url = _database_url(args)
    database = Database(url, _database_key(url))
    try:
        database.upgrade()
    finally:
        database.close()
    print(f"{database.display_url}: schema is current")
    return 0


# -- backups and encryption at rest ------------------------------------------------------------


def _add_backup_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    db_commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    backup = commands.add_parser("backup", help="back the SQLite database up now (safe while the app is running)")
    backup.add_argument(
        "--to", type=Path, metavar="FOLDER", help="a one-off copy into FOLDER, not rotated (default: the site's folder)"
    )
    backup.set_defaults(handler=_backup)
    restore = commands.add_parser(
        "restore",
        help="replace the database with a checked backup, keeping the replaced one beside it; close the app "
        "first; an administrator signs in with --user",
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.set_defaults(handler=_restore)
    encrypt = db_commands.add_parser(
        "encrypt", help="encrypt the SQLite database with a new key kept in this desktop's credential store"
    )
    encrypt.add_argument(
        "--keep-plain", type=Path, metavar="FILE", help="keep the unencrypted original as FILE (else it is removed)"
    )
    encrypt.set_defaults(handler=_db_encrypt)
    key = db_commands.add_parser("key", help="the encrypted database's key on this desktop")
    key_commands = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    show = key_commands.add_parser("show-recovery", help="print the recovery code of the database's key")
    show.set_defaults(handler=_db_key_show_recovery)
    store = key_commands.add_parser(
        "set", help=f"store the key in this desktop's credential store from its recovery code (asked, or ${KEY_ENV})"
    )
    store.set_defaults(handler=_db_key_set)


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


def _backup(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        path = workspace.backups.backup_now(args.to)
    print(f"backed up to {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


def _restore(args: argparse.Namespace) -> int:
    url = _database_url(args)
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


def _db_encrypt(args: argparse.Namespace) -> int:
    database = _sqlite_database(_database_url(args))
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


def _db_key_show_recovery(args: argparse.Namespace) -> int:
    url = _database_url(args)
    key = _database_key(url)
    if key is None:
        raise ValidationError("database file", str(_sqlite_database(url)), "is not encrypted: it has no key")
    Database(url, key).close()  # the key must open the database before it is shown as its recovery code
    print(recovery_code(key))
    return 0


def _db_key_set(args: argparse.Namespace) -> int:
    url = _database_url(args)
    database = _sqlite_database(url)
    if not database.is_file():
        raise ValidationError("database file", str(database), "does not exist: restore a backup (its key is asked)")
    code = os.environ.get(KEY_ENV)
    if not code:
        if not sys.stdin.isatty():
            raise ValidationError("recovery code", "", f"no terminal to ask it on: set ${KEY_ENV}")
        code = getpass.getpass(f"Recovery code of {database}: ")
    key = key_from_recovery_code(code)
    Database(url, key).close()  # a wrong code is refused here, before anything is stored
    store = KeyStore()
    store.put(database, key)
    print(f"{database}: key stored in this desktop's credential store ({store.name})")
    return 0


# -- the audit trail: read by anyone who can open the database, no sign-in needed ---------------------


def _add_audit_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = commands.add_parser("audit", help="the audit trail: check its hash chain, export it")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_commands.add_parser(
        "verify", help="recompute the hash chain; exit 1 naming the first row changed or removed outside the app"
    )
    verify.set_defaults(handler=_audit_verify)
    export = audit_commands.add_parser(
        "export", help="write the trail (all of it, or what the options select) as CSV (UTF-8 with BOM) or PDF"
    )
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--csv", type=Path, metavar="FILE.csv")
    target.add_argument("--pdf", type=Path, metavar="FILE.pdf")
    export.add_argument("--subject", metavar="NUMBER", help="only this subject (subject or screening number)")
    export.add_argument("--trial", metavar="NCT", help="the trial of --subject, when several trials use the number")
    export.add_argument("--user", dest="actor", metavar="NAME", help="only changes by this user name")
    export.add_argument("--table", metavar="TABLE", help="only this table (e.g. subjects, visits)")
    export.add_argument("--from", dest="first", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="last", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    export.set_defaults(handler=_audit_export)


def _audit_verify(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        report = workspace.audit_trail.verify()
    if report.problem is not None:
        print(report.problem)
        return 1
    print(f"audit trail intact: {report.rows_checked} rows")
    return 0


def _audit_export(args: argparse.Namespace) -> int:
    with _opened(args) as workspace:
        trail = workspace.audit_trail
        audit_filter = AuditFilter(
            subject_id=trail.find_subject(args.subject, args.trial) if args.subject else None,
            actor=args.actor,
            table=args.table,
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
