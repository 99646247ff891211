"""Before opening a window on Linux: is there a display, and can Qt's X11 plugin load?

A fresh Debian/Ubuntu desktop often lacks some xcb libraries; Qt then aborts with a message
about the "xcb" plugin that nobody at a hospital can act on.  This names the packages instead.
"""

from __future__ import annotations

import os
import sys

# Shared libraries Qt's xcb platform plugin loads, and the Debian/Ubuntu package of each.
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _loadable(soname: str) -> bool:
    import ctypes  # only where the check runs (Linux on X11): the other starts need not load it

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_packages() -> list[str]:
    """Debian packages whose libraries the X11 plugin needs and this machine cannot load."""
    return sorted({package for soname, package in XCB_LIBRARIES.items() if not _loadable(soname)})


def display_problem() -> str | None:
    """Why a window cannot open here, with what to do about it; None when it can (or we cannot tell)."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # offscreen, wayland, vnc…: the user chose; Qt reports its own problems
    if not os.environ.get("DISPLAY"):
        if os.environ.get("WAYLAND_DISPLAY"):
            return None  # Qt picks its Wayland plugin
        return (
            "No graphical display: DISPLAY is not set. Start the app from a desktop session "
            "(or use `coordinator-app screenshot` with QT_QPA_PLATFORM=offscreen)."
        )
    missing = missing_packages()
    if missing:
        return (
            "Qt cannot open a window: its X11 (xcb) plugin needs libraries this machine lacks.\n"
            f"Install them with:\n    sudo apt-get install {' '.join(missing)}"
        )
    return None
