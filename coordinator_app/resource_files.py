"""The one way to read what ships beside the code: protocol files, forms, icons, fonts, translations.

In a wheel, ``resources/`` and ``ui/`` sit inside the package; in a source checkout (and an
editable install) they sit at the repository's top level, beside the package.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def _folder(name: str) -> Traversable:
    packaged = files("coordinator_app") / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name


def resource(*parts: str) -> Traversable:
    """A file or folder under ``resources/``, e.g. ``resource("protocols", "NCT05106972.toml")``."""
    return _folder("resources").joinpath(*parts)


def ui_form(name: str) -> Traversable:
    """A Qt Designer form under ``ui/``."""
    return _folder("ui") / name


def bundled_protocols() -> list[Traversable]:
    """The protocol files shipped with the app, by name."""
    folder = resource("protocols")
    return sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)


CJK_FONT = ("fonts", "wqy-microhei.ttc")
CJK_FONT_LICENSE = ("fonts", "wqy-microhei.LICENSE.txt")
LICENCE_NOTICES = ("licenses", "NOTICES.txt")  # the bundled libraries' notices, shown in Help ▸ About
