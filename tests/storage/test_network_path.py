"""A SQLite file on a network share is detected, so the app can warn before anybody loses data."""

from __future__ import annotations

from pathlib import Path

import pytest

from coordinator_app.storage.network_path import _mount_kind, network_share_warning

MOUNTS = [
    ("/", "ext4"),
    ("/home", "ext4"),
    ("/mnt/ward", "cifs"),
    ("/mnt/ward/local-cache", "ext4"),
    ("/srv/nfs share", "nfs4"),
]


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/nurse/coordinator.sqlite3", None),
        ("/mnt/ward/coordinator.sqlite3", "cifs"),
        ("/mnt/ward/deep/folder/site.sqlite3", "cifs"),
        ("/mnt/ward/local-cache/site.sqlite3", None),  # a local disk mounted inside the share
        ("/mnt/wardrobe/site.sqlite3", None),  # a sibling whose name starts the same
        ("/srv/nfs share/site.sqlite3", "nfs4"),
    ],
)
def test_the_deepest_mount_decides(path: str, kind: str | None) -> None:
    assert _mount_kind(Path(path), MOUNTS) == kind


def test_a_unc_path_warns_and_names_the_way_out() -> None:
    warning = network_share_warning(Path("//fileserver/trials/site.sqlite3"))
    assert warning is not None
    assert "network share (UNC path)" in warning and "PostgreSQL" in warning


def test_a_file_in_the_test_folder_is_local(tmp_path: Path) -> None:
    assert network_share_warning(tmp_path / "site.sqlite3") is None
