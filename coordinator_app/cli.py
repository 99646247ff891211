"""The headless face of the app: ``coordinator-app [--database URL] [--demo] COMMAND …``.

Without a command it starts the desktop app.  Global options come before the command.
Errors a user can fix (a bad file, an unknown trial) are printed in one line, exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from coordinator_app import __version__
from coordinator_app.domain.errors import NotFoundError, ProtocolError, ValidationError
from coordinator_app.services import settings
from coordinator_app.services.database import Database
from coordinator_app.services.trials import LoadResult
from coordinator_app.services.workspace import Workspace, open_workspace

TAB_CHOICES = ("overview", "eligibility", "calendar", "contacts")
USER_ERRORS = (ProtocolError, ValidationError, NotFoundError)


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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="start the desktop app (the default)")
    run.set_defaults(handler=_run)

    shot = commands.add_parser("screenshot", help="render the main window on one tab to a PNG file")
    shot.add_argument("--tab", choices=TAB_CHOICES, required=True)
    shot.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.png")
    shot.add_argument("--trial", metavar="NCT", help="trial to show (default: the only or most recent)")
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

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = db_commands.add_parser("upgrade", help="create or migrate the schema to this version of the app")
    upgrade.set_defaults(handler=_db_upgrade)
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


def _open(args: argparse.Namespace) -> Workspace:
    return open_workspace(_database_url(args), settings.operating_system_user(), demo=args.demo)


# -- handlers ----------------------------------------------------------------------------------


def _run(args: argparse.Namespace) -> int:
    from coordinator_app.app import run_gui  # Qt is loaded only when a window is wanted

    return run_gui(_database_url(args), settings.operating_system_user(), demo=args.demo)


def _screenshot(args: argparse.Namespace) -> int:
    from coordinator_app.app import screenshot

    workspace = _open(args)
    try:
        screenshot(workspace, args.tab, args.output, args.trial)
    finally:
        workspace.close()
    print(f"wrote {args.output}")
    return 0


def _protocol_load(args: argparse.Namespace) -> int:
    workspace = _open(args)
    try:
        result = workspace.trials.load_protocol_file(args.file, workspace.actor)
    finally:
        workspace.close()
    _report_load(result)
    return 0


def _protocol_import(args: argparse.Namespace) -> int:
    workspace = _open(args)
    try:
        results = workspace.trials.import_ctgov_file(args.file, workspace.actor)
    finally:
        workspace.close()
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
    workspace = _open(args)
    try:
        for trial in workspace.trials.list_trials():
            print(f"{trial.nct_id}\t{trial.loaded_at:%Y-%m-%d}\t{trial.title}")
    finally:
        workspace.close()
    return 0


def _protocol_show(args: argparse.Namespace) -> int:
    from coordinator_app.domain.protocol import protocol_to_mapping

    workspace = _open(args)
    try:
        protocol = workspace.trials.protocol(workspace.trials.resolve(args.trial).id)
    finally:
        workspace.close()
    print(json.dumps(protocol_to_mapping(protocol), ensure_ascii=False, indent=2))
    return 0


def _db_upgrade(args: argparse.Namespace) -> int:
    database = Database(_database_url(args))
    try:
        database.upgrade()
    finally:
        database.close()
    print(f"{database.display_url}: schema is current")
    return 0
