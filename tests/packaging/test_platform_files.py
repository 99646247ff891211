"""The Linux desktop entry and AppStream metadata pass the distributions' validators and name the app the way
the app names itself; the Windows installer installs the version the code reports."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from coordinator_app import __version__
from coordinator_app.gui.application import DESKTOP_FILE

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{DESKTOP_FILE}.desktop"
METAINFO = LINUX / f"{DESKTOP_FILE}.metainfo.xml"
INSTALLER = ROOT / "packaging" / "windows" / "coordinator-app.iss"
ICONS = ROOT / "resources" / "icons"


def tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian: apt-get install {package}; .ci/run installs it)")
    return path


class DesktopEntryParser(configparser.ConfigParser):
    """Desktop entry keys are case-sensitive (Name, Exec); ConfigParser lowercases them by default."""

    def optionxform(self, optionstr: str) -> str:
        return optionstr


def desktop_entry() -> configparser.SectionProxy:
    parser = DesktopEntryParser(interpolation=None)
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def console_script() -> str:
    (name,) = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    return str(name)


def test_desktop_entry_passes_desktop_file_validate_without_a_remark() -> None:
    run = subprocess.run(
        [tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout + run.stderr == "", "hints count too: they are how a menu entry goes wrong"


def test_metainfo_passes_appstreamcli_validate_strictly() -> None:
    run = subprocess.run(
        [tool("appstreamcli", "appstream"), "validate", "--no-net", "--strict", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_installed_tree_validates_and_the_launchable_finds_its_desktop_file(tmp_path: Path) -> None:
    """Laid out as a package installs them (packaging/README.md), AppStream checks the files against each other."""
    share = tmp_path / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    shutil.copy(DESKTOP, share / "applications")
    shutil.copy(METAINFO, share / "metainfo")
    for png in ICONS.glob("coordinator-app-*.png"):
        size = png.stem.rsplit("-", 1)[1]
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy(png, folder / f"{DESKTOP_FILE}.png")
    run = subprocess.run(
        [tool("appstreamcli", "appstream"), "validate-tree", "--no-net", "--strict", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_desktop_entry_starts_the_app_under_its_own_name() -> None:
    entry = desktop_entry()
    assert entry["Exec"] == console_script()
    assert entry["Icon"] == DESKTOP_FILE  # hicolor/<size>/apps/<DESKTOP_FILE>.png, as installed
    assert entry["StartupWMClass"] == console_script()  # X11 window class: the program's name


def test_metainfo_names_the_same_app_and_the_current_version() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == DESKTOP_FILE
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert component.findtext("provides/binary") == console_script()
    newest = component.find("releases/release")
    assert newest is not None
    assert newest.get("version") == __version__, "add a <release> for this version at the top of <releases>"


def test_windows_installer_is_for_the_current_version() -> None:
    script = INSTALLER.read_text(encoding="utf-8")
    match = re.search(r'^\s*#define AppVersion "([^"]+)"', script, re.MULTILINE)
    assert match, "the installer defines its AppVersion"
    assert match.group(1) == __version__
