"""The headless face of the app: ``coordinator-app [--database URL] [--demo] [--user NAME] COMMAND …``.

Without a command it starts the desktop app.  Global options come before the command.
Commands that change data sign in first: ``--user NAME``, with the password asked on the terminal (or, for
scripts, read from ``$COORDINATOR_APP_PASSWORD``); the services then check that user's role as in the GUI.
Errors a user can fix (a bad file, an unknown trial, a refused sign-in) are printed in one line, exit code 2.

This module only reads the command line, so that the desktop app, its default, starts without loading what the
commands need (:mod:`coordinator_app.cli.commands` runs them).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from coordinator_app import __version__
from coordinator_app.services import settings

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
PASSWORD_ENV = "COORDINATOR_APP_PASSWORD"
NEW_PASSWORD_ENV = "COORDINATOR_APP_NEW_PASSWORD"


def global_options() -> argparse.ArgumentParser:
    """The options that come before the command: all that the desktop app, the default command, takes."""
    parser = argparse.ArgumentParser(prog="coordinator-app", add_help=False)
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
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coordinator-app",
        description="Trial Coordinator: the desktop workstation for clinical-trial site coordinators.",
        parents=[global_options()],
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("run", help="start the desktop app (the default)")

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
    shot.set_defaults(handler="screenshot")

    protocol = commands.add_parser("protocol", help="load, import and list trial protocols")
    protocol_commands = protocol.add_subparsers(dest="protocol_command", metavar="ACTION", required=True)
    load = protocol_commands.add_parser("load", help="load or update a trial from a protocol file (TOML)")
    load.add_argument("file", type=Path, metavar="FILE.toml")
    load.set_defaults(handler="protocol_load")
    ctgov = protocol_commands.add_parser(
        "import", help="import a ClinicalTrials.gov API v2 study record (one study or {'studies': [...]})"
    )
    ctgov.add_argument("file", type=Path, metavar="FILE.json")
    ctgov.set_defaults(handler="protocol_import")
    listing = protocol_commands.add_parser("list", help="list the trials in the database")
    listing.set_defaults(handler="protocol_list")
    show = protocol_commands.add_parser("show", help="print a trial's protocol as JSON")
    show.add_argument("--trial", metavar="NCT", help="trial to show (default: the only or most recent)")
    show.set_defaults(handler="protocol_show")

    subjects = commands.add_parser("subjects", help="subjects and screening")
    subject_commands = subjects.add_subparsers(dest="subjects_command", metavar="ACTION", required=True)
    import_log = subject_commands.add_parser(
        "import", help="import the site's screening log (CSV, UTF-8, header row): all rows or none"
    )
    import_log.add_argument("file", type=Path, metavar="FILE.csv")
    import_log.add_argument("--trial", metavar="NCT", help="trial to import into (default: the only or most recent)")
    import_log.set_defaults(handler="subjects_import")
    numbering = subject_commands.add_parser(
        "numbering", help="show or set how screening and subject numbers are formed"
    )
    numbering.add_argument("--trial", metavar="NCT")
    numbering.add_argument("--screening-prefix", metavar="TEXT", help="e.g. HK-S gives HK-S001")
    numbering.add_argument("--subject-prefix", metavar="TEXT", help="e.g. HK- gives HK-001 at enrolment")
    numbering.add_argument("--digits", type=int, metavar="N", help="zero-padded width of the sequence (default 3)")
    numbering.set_defaults(handler="subjects_numbering")

    log = commands.add_parser("screening-log", help="export the screening log (one row per screened subject)")
    log.add_argument("--format", choices=("csv", "pdf"), default="csv")
    log.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    log.add_argument("--trial", metavar="NCT")
    log.set_defaults(handler="screening_log")

    calendar = commands.add_parser("calendar", help="the visit calendar")
    calendar_commands = calendar.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    ics = calendar_commands.add_parser("export", help="write the scheduled visits as an iCalendar (.ics) file")
    ics.add_argument("--ics", type=Path, required=True, metavar="FILE.ics")
    ics.add_argument("--subject", metavar="NUMBER", help="only this subject (screening or subject number)")
    ics.add_argument("--month", metavar="YYYY-MM", help="only this month")
    ics.add_argument("--trial", metavar="NCT")
    ics.set_defaults(handler="calendar_export")

    schedule = commands.add_parser("schedule", help="a subject's visits: target, window, actual date, status")
    schedule.add_argument("subject", metavar="SUBJECT", help="screening number or subject number")
    schedule.add_argument("--json", action="store_true", help="print JSON instead of a table")
    schedule.add_argument("--trial", metavar="NCT")
    schedule.set_defaults(handler="schedule")

    visits = commands.add_parser("visits", help="visits recorded before the app arrived")
    visit_commands = visits.add_subparsers(dest="visits_command", metavar="ACTION", required=True)
    visits_import = visit_commands.add_parser("import", help="import visit history (CSV): all rows or none")
    visits_import.add_argument("file", type=Path, metavar="FILE.csv")
    visits_import.add_argument("--trial", metavar="NCT")
    visits_import.set_defaults(handler="visits_import")

    site = commands.add_parser("settings", help="show or change the site's rules")
    site.add_argument("--set", nargs=2, metavar=("KEY", "VALUE"), help="e.g. --set max_infusions_per_day 3")
    site.set_defaults(handler="site_rules")

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
    consent.set_defaults(handler="pdf_consent")
    visit = kind("visit", "visit packet for one subject and visit (e.g. W4, D2)")
    visit.add_argument("subject", metavar="SUBJECT")
    visit.add_argument("visit", metavar="VISIT")
    visit.set_defaults(handler="pdf_visit")
    eligibility = kind("eligibility", "eligibility checklist with answers, sources, verdict and sign-off")
    eligibility.add_argument("subject", metavar="SUBJECT")
    eligibility.set_defaults(handler="pdf_eligibility")
    kind("screening-log", "the screening log").set_defaults(handler="pdf_screening_log")
    visit_list = kind("visits", "the visits of a period (a week, a month)")
    visit_list.add_argument("--from", dest="first", type=dt.date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    visit_list.add_argument("--to", dest="last", type=dt.date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    visit_list.set_defaults(handler="pdf_visits")
    packets = kind("packets", "every visit packet due on one day, in one file")
    packets.add_argument("--date", type=dt.date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    packets.set_defaults(handler="pdf_packets")

    labs = commands.add_parser("labs", help="laboratory results and liver scores")
    lab_commands = labs.add_subparsers(dest="labs_command", metavar="ACTION", required=True)
    labs_import = lab_commands.add_parser(
        "import", help="import a laboratory export (subject, visit, date, analyte, value, unit): all rows or none"
    )
    labs_import.add_argument("file", type=Path, metavar="FILE.csv")
    labs_import.add_argument("--trial", metavar="NCT")
    labs_import.set_defaults(handler="labs_import")
    labs_export = lab_commands.add_parser(
        "export", help="one row per subject and sample date: every analyte (SI) and the liver scores"
    )
    labs_export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.csv")
    labs_export.add_argument("--trial", metavar="NCT")
    labs_export.set_defaults(handler="labs_export")

    ae = commands.add_parser("ae", help="adverse events")
    ae_commands = ae.add_subparsers(dest="ae_command", metavar="ACTION", required=True)
    ae_summary = ae_commands.add_parser("summary", help="counts by grade, relatedness and dose period (CSV)")
    ae_summary.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.csv")
    ae_summary.add_argument("--trial", metavar="NCT")
    ae_summary.set_defaults(handler="ae_summary")
    ae_pending = ae_commands.add_parser("pending", help="serious adverse events not yet reported, with the time left")
    ae_pending.add_argument("--trial", metavar="NCT")
    ae_pending.set_defaults(handler="ae_pending")

    users = commands.add_parser("users", help="staff accounts")
    user_commands = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    user_commands.add_parser("list", help="list the accounts with role and state").set_defaults(handler="users_list")
    first = user_commands.add_parser(
        "create-admin", help="create the first administrator of an empty database (password asked twice)"
    )
    first.add_argument("username", metavar="USERNAME")
    first.add_argument("--name", required=True, metavar="FULL NAME")
    first.set_defaults(handler="users_create_admin")
    add = user_commands.add_parser(
        "add", help=f"add an account (administrators; first password asked, or ${NEW_PASSWORD_ENV})"
    )
    add.add_argument("username", metavar="USERNAME")
    add.add_argument("--name", required=True, metavar="FULL NAME")
    add.add_argument("--role", required=True, help="coordinator, research_nurse, investigator, monitor, administrator")
    add.set_defaults(handler="users_add")
    unlock = user_commands.add_parser("unlock", help="unlock an account locked after failed sign-ins")
    unlock.add_argument("username", metavar="USERNAME")
    unlock.set_defaults(handler="users_unlock")

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = db_commands.add_parser("upgrade", help="create or migrate the schema to this version of the app")
    upgrade.set_defaults(handler="db_upgrade")
    _add_backup_commands(commands, db_commands)
    _add_audit_commands(commands)
    return parser


def _add_backup_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    db_commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    backup = commands.add_parser("backup", help="back the SQLite database up now (safe while the app is running)")
    backup.add_argument(
        "--to", type=Path, metavar="FOLDER", help="a one-off copy into FOLDER, not rotated (default: the site's folder)"
    )
    backup.set_defaults(handler="backup")
    restore = commands.add_parser(
        "restore",
        help="replace the database with a checked backup, keeping the replaced one beside it; close the app "
        "first; an administrator signs in with --user",
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.set_defaults(handler="restore")
    encrypt = db_commands.add_parser(
        "encrypt", help="encrypt the SQLite database with a new key kept in this desktop's credential store"
    )
    encrypt.add_argument(
        "--keep-plain", type=Path, metavar="FILE", help="keep the unencrypted original as FILE (else it is removed)"
    )
    encrypt.set_defaults(handler="db_encrypt")
    key = db_commands.add_parser("key", help="the encrypted database's key on this desktop")
    key_commands = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    show = key_commands.add_parser("show-recovery", help="print the recovery code of the database's key")
    show.set_defaults(handler="db_key_show_recovery")
    store = key_commands.add_parser(
        "set",
        help="store the key in this desktop's credential store from its recovery code "
        f"(asked, or ${settings.DATABASE_KEY_ENV})",
    )
    store.set_defaults(handler="db_key_set")


def _add_audit_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = commands.add_parser("audit", help="the audit trail: check its hash chain, export it")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_commands.add_parser(
        "verify", help="recompute the hash chain; exit 1 naming the first row changed or removed outside the app"
    )
    verify.set_defaults(handler="audit_verify")
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
    export.add_argument("--field", metavar="FIELD", help="only changes of this field (e.g. status, value)")
    export.add_argument("--from", dest="first", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="last", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    export.set_defaults(handler="audit_export")


def main(argv: Sequence[str] | None = None) -> int:
    options, command = global_options().parse_known_args(argv)
    if command in ([], ["run"]):  # the desktop app: its window appears before anything else is loaded
        from coordinator_app.gui.application import collect_less_often

        collect_less_often()
        from coordinator_app.app import run_gui

        return run_gui(database_url(options), demo=options.demo)
    args = build_parser().parse_args(argv)
    from coordinator_app.cli import commands  # the services a command needs; none of Qt's

    return commands.execute(args)


def database_url(args: argparse.Namespace) -> str:
    return str(args.database or settings.default_database_url())
