"""The installable build: `make dist` (packaging/build.py) freezes the app with PyInstaller into
dist/coordinator-app, and that program runs on its own: offscreen, outside the checkout, it renders a tab
and prints a PDF with the bundled font.

The build takes about a minute; it is reused while its fingerprint matches the sources and the installed
packages, and made again otherwise, so these tests never pass on a stale build.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "packaging" / "build.py"


def _load_build_script() -> ModuleType:
    # Loaded by path: "packaging" is also the name of a library every Python build tool imports.
    spec = importlib.util.spec_from_file_location("coordinator_app_build", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build_script()


@pytest.fixture(scope="module")
def frozen_app() -> Path:
    """The built program: built now, or reused when up to date (packaging/build.py decides)."""
    run = subprocess.run([sys.executable, str(BUILD_SCRIPT)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    print(run.stdout)  # with -s: whether it was built, how long that took, and the folder's size
    return Path(build.executable())


def run_frozen(app: Path, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The built program, started in ``folder`` with no Python settings and ``folder`` as its home."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env |= {"QT_QPA_PLATFORM": "offscreen", "HOME": str(folder), "XDG_DATA_HOME": str(folder / "data")}
    env |= {"XDG_CONFIG_HOME": str(folder / "config")}
    return subprocess.run([str(app), *args], cwd=folder, env=env, capture_output=True, text=True, timeout=120)


def test_fingerprint_follows_every_input(tmp_path: Path) -> None:
    for name in build.INPUTS:
        path = tmp_path / name
        file = path if "." in path.name else path / "sub" / "file.txt"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text("one", encoding="utf-8")
    original = build.fingerprint(tmp_path)

    cache = tmp_path / "coordinator_app" / "__pycache__" / "x.pyc"
    cache.parent.mkdir()
    cache.write_bytes(b"compiled")
    assert build.fingerprint(tmp_path) == original, "compiled files are not sources"

    for name in build.INPUTS:
        path = tmp_path / name
        file = path if path.is_file() else path / "sub" / "file.txt"
        file.write_text("two", encoding="utf-8")
        assert build.fingerprint(tmp_path) != original, f"a change in {name} leaves the build stale"
        file.write_text("one", encoding="utf-8")
    (tmp_path / "resources" / "new.txt").write_text("", encoding="utf-8")
    assert build.fingerprint(tmp_path) != original, "a new file leaves the build stale"


def test_a_build_is_reused_only_while_its_fingerprint_matches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "resources").mkdir()
    (tmp_path / "resources" / "protocol.toml").write_text("one", encoding="utf-8")
    app = tmp_path / "dist" / "coordinator-app"
    monkeypatch.setattr(build, "ROOT", tmp_path)
    monkeypatch.setattr(build, "APP", app)
    monkeypatch.setattr(build, "FINGERPRINT", tmp_path / "dist" / "coordinator-app.fingerprint")
    assert not build.up_to_date(), "never built"

    app.mkdir(parents=True)
    build.executable().write_bytes(b"program")
    build.FINGERPRINT.write_text(build.fingerprint(tmp_path) + "\n", encoding="utf-8")
    assert build.up_to_date()

    (tmp_path / "resources" / "protocol.toml").write_text("two", encoding="utf-8")
    assert not build.up_to_date(), "a source changed since the build"
    build.FINGERPRINT.write_text(build.fingerprint(tmp_path), encoding="utf-8")
    build.executable().unlink()
    assert not build.up_to_date(), "the program is gone"


@pytest.mark.slow
def test_frozen_app_renders_a_tab(frozen_app: Path, tmp_path: Path) -> None:
    shot = tmp_path / "calendar.png"
    run = run_frozen(frozen_app, tmp_path, "--demo", "screenshot", "--tab", "calendar", "-o", str(shot))
    assert run.returncode == 0, run.stdout + run.stderr

    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 50, "a blank or single-colour window"


@pytest.mark.slow
def test_frozen_app_prints_a_pdf_in_chinese_and_english(frozen_app: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "packet.pdf"
    run = run_frozen(frozen_app, tmp_path, "--demo", "pdf", "visit", "DEMO-001", "D1", "-o", str(pdf))
    assert run.returncode == 0, run.stdout + run.stderr

    reader = PdfReader(pdf)
    assert len(reader.pages) >= 1
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "DEMO-001" in text and "NCT05106972" in text
    assert re.search(r"[\u4e00-\u9fff]", text), "Chinese text needs the bundled font"


@pytest.mark.slow
def test_frozen_app_carries_its_files_and_no_unused_qt(frozen_app: Path) -> None:
    internal = frozen_app.parent / "_internal"
    bundled = {p.relative_to(internal).as_posix() for p in internal.rglob("*") if p.is_file()}

    # Files the app reads at run time: resources, forms and migrations inside the package (as in the wheel),
    # and the holiday names.
    shipped = {
        f"coordinator_app/{p.relative_to(ROOT).as_posix()}" for p in (ROOT / "resources").rglob("*") if p.is_file()
    }
    shipped |= {f"coordinator_app/ui/{p.name}" for p in (ROOT / "ui").glob("*.ui")}
    shipped |= {
        p.relative_to(ROOT).as_posix() for p in (ROOT / "coordinator_app" / "storage").rglob("migrations/**/*.py")
    }
    shipped |= {f"holidays/locale/{language}/LC_MESSAGES/CN.mo" for language in ("en_US", "zh_CN")}
    missing = sorted(shipped - bundled)
    assert not missing, f"not in the build: {missing[:5]}"

    unused = re.compile(
        r"WebEngine|Qt6?Quick|Qt6?Qml|Qt3D|Multimedia|VirtualKeyboard|Designer|libqgtk3|qtvirtualkeyboard"
    )
    assert not sorted(filter(unused.search, bundled))
    translations = {name.rsplit("/", 1)[1] for name in bundled if name.startswith("PySide6/") and name.endswith(".qm")}
    assert translations and all(re.search(r"_(zh_CN|en)\.qm$", name) for name in translations), translations
    assert "qtbase_zh_CN.qm" in translations  # Qt's own dialogs and buttons in Chinese
