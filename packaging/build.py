"""Build the one-folder app with PyInstaller (`make dist`) and report its size.

A finished build leaves a fingerprint beside it: a hash of every source file that goes into the build, the
Python version and every installed distribution's version. When the fingerprint still matches, the build
is reused (the packaging smoke test relies on this); any change to the sources or the environment makes it
stale and it is built again, so a stale build is never taken for a current one.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from importlib.metadata import distributions
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "pyinstaller" / "coordinator-app.spec"
DIST = ROOT / "dist"
APP = DIST / "coordinator-app"
FINGERPRINT = DIST / "coordinator-app.fingerprint"
WORK = ROOT / "build" / "pyinstaller"
TRANSLATIONS = ROOT / "resources" / "translations"
# Everything in the checkout that ends up in the build or decides what does.
INPUTS = ("coordinator_app", "resources", "ui", "packaging/pyinstaller", "pyproject.toml", "constraints.txt")


def executable() -> Path:
    """The built program (on Windows, the window-only one; coordinator-app-cli.exe is beside it)."""
    return APP / ("coordinator-app.exe" if sys.platform == "win32" else "coordinator-app")


def fingerprint(root: Path) -> str:
    """A hash of what a build is made from: the sources under ``root`` and the installed packages."""
    digest = hashlib.sha256(sys.version.encode())
    for requirement in sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions()):
        digest.update(requirement.encode() + b"\n")
    for name in INPUTS:
        path = root / name
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            if "__pycache__" not in file.parts:
                digest.update(file.relative_to(root).as_posix().encode() + b"\0")
                digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def compile_translations() -> None:
    """Compile the translations (the .ts files, kept in git) into the .qm files the app loads (build products, not
    in git), with Qt's lrelease from PySide6. Before anything else: the build ships resources/ as it finds it."""
    spec = find_spec("PySide6")
    lrelease = shutil.which("lrelease", path=str(Path(spec.origin).parent)) if spec and spec.origin else None
    if lrelease is None:
        raise SystemExit("Qt's lrelease not found: install the app first (pip install -e .[dist])")
    for source in sorted(TRANSLATIONS.glob("*.ts")):
        subprocess.run([lrelease, "-silent", str(source), "-qm", str(source.with_suffix(".qm"))], check=True)


def up_to_date() -> bool:
    return (
        executable().is_file()
        and FINGERPRINT.is_file()
        and FINGERPRINT.read_text(encoding="utf-8").strip() == fingerprint(ROOT)
    )


def build() -> None:
    FINGERPRINT.unlink(missing_ok=True)  # an interrupted build must not pass for a finished one
    expected = fingerprint(ROOT)  # taken before building: a source edited meanwhile makes the build stale
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
    command += ["--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    subprocess.run(command, check=True)
    FINGERPRINT.write_text(expected + "\n", encoding="utf-8")


def folder_size(folder: Path) -> tuple[int, int]:
    """Total bytes and number of files under ``folder`` (links counted once, not followed)."""
    files = [p for p in folder.rglob("*") if p.is_file() or p.is_symlink()]
    return sum(p.lstat().st_size for p in files), len(files)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="build even if the last build is up to date")
    args = parser.parse_args(argv)
    compile_translations()
    if args.force or not up_to_date():
        started = time.monotonic()
        build()
        print(f"built in {time.monotonic() - started:.0f} s")
    else:
        print(f"{APP.relative_to(ROOT)} is up to date")
    size, count = folder_size(APP)
    print(f"{APP.relative_to(ROOT)}: {size / 1e6:.1f} MB in {count} files; run {executable().relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
