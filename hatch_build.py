"""Wheel build hook: the wheel carries the compiled translations (resources/translations/*.qm).

The .qm files are build products, not kept in git (only their .ts sources are, so a translation is reviewed and
merged as text, never as a binary that can drift from its source): `make` compiles them into the checkout, which
is what an editable install uses, packaging/build.py compiles them for the installable app, and this hook compiles
them for a wheel, with Qt's lrelease from PySide6 (a build requirement of this hook, see pyproject.toml).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

WHEEL_FOLDER = "coordinator_app/resources/translations"


def lrelease() -> str:
    """Qt's lrelease, as PySide6 ships it (the pyside6-lrelease script runs the same program)."""
    spec = find_spec("PySide6")
    tool = shutil.which("lrelease", path=str(Path(spec.origin).parent)) if spec and spec.origin else None
    if tool is None:
        raise RuntimeError("the translations need Qt's lrelease: install PySide6-Essentials in the build environment")
    return tool


class TranslationsHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":  # the package runs from the checkout, with the .qm files make compiled there
            return
        self._compiled = tempfile.TemporaryDirectory()
        for source in sorted(Path(self.root, "resources", "translations").glob("*.ts")):
            compiled = Path(self._compiled.name, source.with_suffix(".qm").name)
            subprocess.run([lrelease(), "-silent", str(source), "-qm", str(compiled)], check=True)
            build_data["force_include"][str(compiled)] = f"{WHEEL_FOLDER}/{compiled.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if version != "editable":
            self._compiled.cleanup()
