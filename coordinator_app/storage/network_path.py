"""Is a SQLite file on a network share? Then it must not be used: SQLite's locking (and WAL's shared memory)
does not hold across machines, and two desktops writing through a share corrupt the file. Several desktops
share a PostgreSQL server instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# File systems that reach another machine (Linux /proc/mounts names).
NETWORK_FILE_SYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smbfs", "smb3", "ncpfs", "afs", "9p", "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2",
     "glusterfs", "fuse.glusterfs", "ceph", "fuse.ceph", "lustre", "gpfs", "fuse.rclone", "fuse.s3fs"}
)  # fmt: skip
DRIVE_REMOTE = 4  # GetDriveTypeW


def network_share_warning(database: Path) -> str | None:
    """A warning to show when ``database`` lies on a network share; None for a local disk."""
    kind = _network_kind(database.expanduser().absolute())
    if kind is None:
        return None
    return (
        f"the database {database} is on a network share ({kind}): SQLite cannot lock it safely across "
        "desktops and the file may be corrupted. Keep the SQLite file on this desktop's own disk, or let "
        "several desktops share a PostgreSQL server (see the README)."
    )


def _network_kind(path: Path) -> str | None:
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return "UNC path"
    if sys.platform == "win32":
        return _windows_drive_kind(text)
    return _mount_kind(path, _mounts())


def _windows_drive_kind(text: str) -> str | None:
    import ctypes  # only on Windows

    root = os.path.splitdrive(text)[0] + "\\"
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    return "mapped network drive" if kernel32.GetDriveTypeW(root) == DRIVE_REMOTE else None


def _mounts() -> list[tuple[str, str]]:
    """(mount point, file system type) of every mount, from /proc/mounts (Linux); none elsewhere."""
    try:
        lines = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    mounts = []
    for line in lines:
        fields = line.split()
        if len(fields) >= 3:
            mounts.append((fields[1].replace("\\040", " "), fields[2]))
    return mounts


def _mount_kind(path: Path, mounts: list[tuple[str, str]]) -> str | None:
    """The file system of the deepest mount point holding ``path``, if it is a network one."""
    best = ""
    kind = ""
    for point, file_system in mounts:
        inside = str(path) == point or str(path).startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, file_system
    return kind if kind in NETWORK_FILE_SYSTEMS else None
