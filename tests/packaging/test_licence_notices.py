"""Every library the app ships with has its licence notice in resources/licenses/NOTICES.txt (Help ▸ About)."""

from __future__ import annotations

import re
import tomllib
from contextlib import suppress
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement

from coordinator_app.resource_files import LICENCE_NOTICES, resource

ROOT = Path(__file__).resolve().parents[2]


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions() -> set[str]:
    """The runtime dependencies in pyproject.toml with their extras, and theirs, as installed here."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found: set[str] = set()
    pending = [Requirement(text) for text in project["dependencies"]]
    pending = [r for r in pending if r.marker is None or r.marker.evaluate()]
    while pending:
        requirement = pending.pop()
        name = normalised(requirement.name)
        if name in found:
            continue
        found.add(name)
        with suppress(PackageNotFoundError):  # not installed here: its notice is required all the same
            for text in distribution(name).requires or []:
                needed = Requirement(text)  # unconditionally, on this platform, or by an extra asked for
                extras = {"", *requirement.extras}
                if needed.marker is None or any(needed.marker.evaluate({"extra": extra}) for extra in extras):
                    pending.append(needed)
    return found


def test_every_bundled_distribution_has_a_notice() -> None:
    notices = normalised(resource(*LICENCE_NOTICES).read_text(encoding="utf-8"))
    distributions = runtime_distributions()
    assert "reportlab" in distributions and "mako" in distributions  # direct and indirect ones are both seen
    # The Qt wheels are PySide6-Essentials and PySide6-Addons; their notice is the one for Qt and PySide6.
    names = {re.sub(r"-(essentials|addons)$", "", name) for name in distributions}
    missing = sorted(name for name in names if name not in notices)
    assert not missing, f"add their licence notices to resources/licenses/NOTICES.txt: {', '.join(missing)}"
