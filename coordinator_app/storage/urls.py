"""Database URLs written without SQLAlchemy, for code that runs before the database layer loads (the command
line's defaults)."""

from __future__ import annotations

from pathlib import Path


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"
