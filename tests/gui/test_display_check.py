"""`make run` on a Linux desktop that lacks Qt's X11 libraries names the packages to install."""

from __future__ import annotations

import pytest

from coordinator_app.gui import display_check


@pytest.fixture
def linux_x11(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(display_check.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    return monkeypatch


def test_missing_xcb_libraries_are_named_as_debian_packages(linux_x11: pytest.MonkeyPatch) -> None:
    absent = {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"}
    linux_x11.setattr(display_check, "_loadable", lambda soname: soname not in absent)

    problem = display_check.display_problem()

    assert problem is not None
    assert problem.endswith("sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxkbcommon-x11-0")


def test_complete_x11_setup_has_no_problem(linux_x11: pytest.MonkeyPatch) -> None:
    linux_x11.setattr(display_check, "_loadable", lambda soname: True)
    assert display_check.display_problem() is None


def test_no_display_is_explained(linux_x11: pytest.MonkeyPatch) -> None:
    linux_x11.delenv("DISPLAY")
    assert "DISPLAY is not set" in (display_check.display_problem() or "")


def test_offscreen_and_other_systems_are_not_checked(linux_x11: pytest.MonkeyPatch) -> None:
    linux_x11.setattr(display_check, "_loadable", lambda soname: False)
    linux_x11.setenv("QT_QPA_PLATFORM", "offscreen")
    assert display_check.display_problem() is None
    linux_x11.delenv("QT_QPA_PLATFORM")
    linux_x11.setattr(display_check.sys, "platform", "win32")
    assert display_check.display_problem() is None


def test_real_loader_finds_the_c_library() -> None:
    assert display_check._loadable("libc.so.6")
    assert not display_check._loadable("libdoes-not-exist.so.9")
