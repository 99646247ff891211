"""Where the app keeps its data unless told otherwise."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import platformdirs

from coordinator_app.storage.urls import sqlite_url

APP_NAME = "coordinator-app"
DATABASE_ENV = "COORDINATOR_APP_DATABASE"
# The recovery code of an encrypted database's key, for scripts on a desktop whose credential store lacks it.
DATABASE_KEY_ENV = "COORDINATOR_APP_DATABASE_KEY"


def data_folder() -> Path:
    """The platform's per-user data folder (e.g. ``~/.local/share/coordinator-app``, ``%LOCALAPPDATA%``)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_database_url() -> str:
    """``$COORDINATOR_APP_DATABASE`` if set, else the SQLite file in the user's data folder."""
    return os.environ.get(DATABASE_ENV) or sqlite_url(data_folder() / "coordinator.sqlite3")


def operating_system_user() -> str:
    """Who is acting, until sign-in arrives: the desktop's login name."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"
