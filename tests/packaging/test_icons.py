"""The app icon: every PNG size and the Windows .ico are what packaging/make_icons.py draws from the SVG."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QImageReader

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@pytest.mark.slow
def test_committed_icons_are_drawn_from_the_svg(tmp_path: Path) -> None:
    """Edit the SVG, then run packaging/make_icons.py: this fails until the drawn files are committed. Pixels are
    compared, within one step of a channel: Qt's anti-aliasing rounds a few edge pixels differently on different
    processors, and no eye sees that."""
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "make_icons.py"), "--output", str(tmp_path)],
        check=True,
        capture_output=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    drawn = sorted(p.name for p in tmp_path.iterdir())
    assert drawn == sorted(p.name for p in ICONS.iterdir() if p.suffix in {".png", ".ico"})
    for name in drawn:
        committed, fresh = _images(ICONS / name), _images(tmp_path / name)
        assert len(committed) == len(fresh), f"run packaging/make_icons.py: {name}"
        for old, new in zip(committed, fresh, strict=True):
            assert _largest_difference(old, new) <= 1, f"run packaging/make_icons.py: {name}"


def _images(path: Path) -> list[QImage]:
    """Every image in the file (an .ico holds several), as 32-bit ARGB."""
    reader = QImageReader(str(path))
    images = []
    for index in range(max(1, reader.imageCount())):
        assert reader.jumpToImage(index) or index == 0
        images.append(reader.read().convertToFormat(QImage.Format.Format_ARGB32))
    return images


def _largest_difference(first: QImage, second: QImage) -> int:
    """The largest difference of any channel of any pixel (a different size counts as 255)."""
    if first.size() != second.size():
        return 255
    width, height = first.width(), first.height()
    one, two = first.constBits(), second.constBits()
    return max(
        (abs(a - b) for a, b in zip(bytes(one)[: width * height * 4], bytes(two)[: width * height * 4], strict=True)),
        default=0,
    )


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_has_its_size_a_clear_background_and_an_opaque_mark(size: int) -> None:
    image = QImage(str(ICONS / f"coordinator-app-{size}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, size - 1).alpha() == 0  # the page's rounded corner
    assert image.pixelColor(size // 2, size * 3 // 5).alpha() == 255  # the cross


def test_windows_icon_holds_the_sizes_windows_asks_for() -> None:
    reader = QImageReader(str(ICONS / "coordinator-app.ico"))
    sizes = set()
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.add((image.width(), image.height()))
    assert {(s, s) for s in (16, 24, 32, 48, 64, 256)} <= sizes
