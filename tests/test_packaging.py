"""What ships: the wheel carries forms and resources and runs outside the checkout; forms match their .ui."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "coordinator_app" / "gui" / "forms"


@pytest.mark.parametrize("ui_file", sorted((ROOT / "ui").glob("*.ui")), ids=lambda p: p.name)
def test_compiled_form_matches_its_ui_source(ui_file: Path, tmp_path: Path) -> None:
    """Edit a form in Designer, then run `make forms`: this fails until the Python form is regenerated."""
    generated = tmp_path / "form.py"
    uic = Path(sys.executable).with_name("pyside6-uic")
    subprocess.run([str(uic), "--generator", "python", str(ui_file), "-o", str(generated)], check=True)
    committed = FORMS / f"ui_{ui_file.stem}.py"
    assert committed.exists(), f"run `make forms`: {committed.name} is missing"
    assert committed.read_text(encoding="utf-8") == generated.read_text(encoding="utf-8"), "run `make forms`"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
    )
    (built,) = out.glob("coordinator_app-*.whl")
    return built


@pytest.mark.slow
def test_wheel_carries_resources_forms_and_sources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "coordinator_app/resources/protocols/NCT05106972.toml" in names
    assert "coordinator_app/resources/fonts/wqy-microhei.ttc" in names
    assert "coordinator_app/resources/fonts/wqy-microhei.LICENSE.txt" in names
    assert "coordinator_app/resources/translations/coordinator_app_zh_CN.qm" in names  # compiled by hatch_build.py
    assert "coordinator_app/ui/main_window.ui" in names
    assert "coordinator_app/gui/forms/ui_main_window.py" in names
    assert "coordinator_app/storage/migrations/versions/0001_trials_and_audit_log.py" in names
    assert not any(name.startswith("tests/") for name in names)


@pytest.mark.slow
def test_installed_wheel_works_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], check=True
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    shot = elsewhere / "overview.png"

    probe = subprocess.run(
        [sys.executable, "-c", "import coordinator_app.resource_files as r; print(r.resource('protocols'))"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip().startswith(str(target))

    run = subprocess.run(
        [sys.executable, "-m", "coordinator_app", "--demo", "screenshot", "--tab", "overview", "-o", str(shot)],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")
