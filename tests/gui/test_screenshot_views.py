"""The user guide's dialogs render offscreen from the demo database, through the command line too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from coordinator_app.cli import VIEW_CHOICES, main
from coordinator_app.gui.screenshot import VIEWS, save_view
from coordinator_app.services.workspace import Workspace, open_workspace


@pytest.fixture(scope="module")
def demo() -> Iterator[Workspace]:
    """One demo database for every view: building it takes longer than rendering them all."""
    opened = open_workspace("", demo=True)
    yield opened
    opened.close()


def assert_picture(output: Path) -> None:
    """A PNG of a dialog's size with more than a blank background in it."""
    image = QImage(str(output))
    assert not image.isNull()
    assert 300 <= image.width() <= 1200
    assert 120 <= image.height() <= 900
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 10


def test_the_command_line_offers_every_view() -> None:
    assert tuple(VIEWS) == VIEW_CHOICES


@pytest.mark.parametrize("view", list(VIEWS))
def test_each_view_renders_its_dialog(view: str, demo: Workspace, tmp_path: Path, qapp: object) -> None:
    output = tmp_path / f"{view}.png"

    save_view(demo, view, output)

    assert_picture(output)


def test_the_screenshot_command_renders_a_view(tmp_path: Path, qapp: object) -> None:
    output = tmp_path / "reschedule.png"

    assert main(["--demo", "screenshot", "--view", "reschedule", "--language", "en", "-o", str(output)]) == 0

    assert_picture(output)


def test_an_unknown_view_is_refused(demo: Workspace, tmp_path: Path, qapp: object) -> None:
    with pytest.raises(ValueError, match="view 'lunch'"):
        save_view(demo, "lunch", tmp_path / "lunch.png")
