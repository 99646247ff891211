"""Draw the app icon's PNG sizes and the Windows .ico from resources/icons/coordinator-app.svg.

Run it after editing the SVG (`.venv/bin/python packaging/make_icons.py`) and commit what it writes:
the app, the PyInstaller build and the installers use the PNG and .ico files, so that no platform has to
render SVG, and tests/packaging/test_icons.py fails until they match the SVG again.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "coordinator-app.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the hicolor icon theme's sizes; Qt picks from them too
ICO_SIZES = (16, 24, 32, 48, 64, 256)  # Windows: title bar, taskbar, Start menu, Explorer views, high DPI
ICO_PNG_SIZE = 256  # the one size an .ico stores PNG-compressed; smaller ones are bitmaps, read everywhere


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, b"png")
    if not writer.write(image):
        raise RuntimeError(writer.errorString())
    return bytes(buffer.data().data())


def bitmap_bytes(image: QImage) -> bytes:
    """An .ico bitmap: a BITMAPINFOHEADER, BGRA rows bottom-up, then an all-clear AND mask (alpha decides)."""
    size = image.width()
    pixels = bytes(image.constBits())  # Format_ARGB32 is B, G, R, A in memory on little-endian machines
    row = image.bytesPerLine()
    rows = b"".join(pixels[y * row : y * row + size * 4] for y in reversed(range(size)))
    mask = bytes((size + 31) // 32 * 4 * size)
    header = struct.pack("<IiiHHIIiiII", 40, size, 2 * size, 1, 32, 0, len(rows) + len(mask), 0, 0, 0, 0)
    return header + rows + mask


def ico_bytes(images: Sequence[QImage]) -> bytes:
    """A Windows icon file holding ``images`` (square, at most 256 px)."""
    blobs = [png_bytes(i) if i.width() == ICO_PNG_SIZE else bitmap_bytes(i) for i in images]
    offset = 6 + 16 * len(images)
    directory = b""
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() % 256  # 0 means 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    return struct.pack("<HHH", 0, 1, len(images)) + directory + b"".join(blobs)


def write_icons(source: Path, folder: Path) -> list[Path]:
    """Write coordinator-app-<size>.png for every size and coordinator-app.ico into ``folder``."""
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source}: not a valid SVG")
    images = {size: render(renderer, size) for size in PNG_SIZES}
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for size, image in images.items():
        path = folder / f"coordinator-app-{size}.png"
        path.write_bytes(png_bytes(image))
        written.append(path)
    ico = folder / "coordinator-app.ico"
    ico.write_bytes(ico_bytes([images[size] for size in ICO_SIZES]))
    return [*written, ico]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ICONS, help=f"folder to write into (default: {ICONS})")
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QPainter needs one
    for path in write_icons(SOURCE, args.output):
        print(f"wrote {path}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
