"""Backups, restores and encryption from the command line, end to end on real files (the credential store is an
in-memory one: the tests never touch the desktop's)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ACTOR, ADMIN, FAST_HASHER, PASSWORD, add_test_staff
from memory_keyring import MemoryKeyring, memory_keyring

from coordinator_app.cli import PASSWORD_ENV, main
from coordinator_app.services.database_key import recovery_code
from coordinator_app.services.settings import DATABASE_KEY_ENV
from coordinator_app.services.workspace import open_workspace
from coordinator_app.storage.encryption import DatabaseKey, is_encrypted_file

CODE = re.compile(r"^    ([A-Z2-7]{5}(?:-[A-Z2-7]{1,5}){10})$", re.MULTILINE)


@pytest.fixture
def keyring_backend(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    monkeypatch.delenv(DATABASE_KEY_ENV, raising=False)
    with memory_keyring() as backend:
        yield backend


@pytest.fixture
def site(database_url: str, monkeypatch: pytest.MonkeyPatch, keyring_backend: MemoryKeyring) -> Path:
    """A closed site database with the test staff; passwords come from the environment, as in a script."""
    workspace = open_workspace(database_url, password_hasher=FAST_HASHER)
    add_test_staff(workspace)
    workspace.close()
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    return Path(database_url.removeprefix("sqlite:///"))


def _run(capsys: pytest.CaptureFixture[str], site: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--database", f"sqlite:///{site}", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _backup(capsys: pytest.CaptureFixture[str], site: Path, *options: str) -> Path:
    code, out, err = _run(capsys, site, "backup", *options)
    assert code == 0, err
    match = re.fullmatch(r"backed up to (.+) \(\d+\.\d MB\)\n", out)
    assert match, out
    return Path(match.group(1))


def test_backup_goes_to_the_site_folder_or_where_asked(
    site: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert _backup(capsys, site).parent == site.parent / "backups"
    assert _backup(capsys, site, "--to", str(tmp_path / "stick")).parent == tmp_path / "stick"


def test_restore_needs_an_administrator_and_keeps_the_replaced_database(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = _backup(capsys, site)
    _run(capsys, site, "--user", ACTOR, "settings", "--set", "visit_minutes", "45")

    code, _, err = _run(capsys, site, "restore", str(backup))
    assert code == 2
    assert "an administrator must sign in (nobody signed in may not)" in err
    code, _, err = _run(capsys, site, "--user", ACTOR, "restore", str(backup))
    assert code == 2
    assert "Test Coordinator (test-coordinator) may not" in err

    code, out, err = _run(capsys, site, "--user", ADMIN, "restore", str(backup))
    assert code == 0, err
    kept = Path(re.search(r"the replaced database is kept as (.+)\n", out).group(1))  # type: ignore[union-attr]
    assert kept.parent == site.parent and kept.name.startswith("site.replaced-")
    code, out, _ = _run(capsys, site, "settings")
    assert "visit_minutes = 60" in out


def test_restore_of_a_corrupt_file_is_refused_and_nothing_is_replaced(
    site: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    corrupt = tmp_path / "corrupt.sqlite3"
    corrupt.write_bytes(_backup(capsys, site).read_bytes()[:4096])
    _run(capsys, site, "--user", ACTOR, "settings", "--set", "visit_minutes", "45")
    inode = site.stat().st_ino
    code, _, err = _run(capsys, site, "--user", ADMIN, "restore", str(corrupt))
    assert code == 2
    assert f"backup file '{corrupt}': is damaged or is not a SQLite database" in err
    assert site.stat().st_ino == inode  # the same file, never renamed over
    assert not list(site.parent.glob("*.replaced-*"))
    assert "visit_minutes = 45" in _run(capsys, site, "settings")[1]


def _encrypt(capsys: pytest.CaptureFixture[str], site: Path, *options: str) -> str:
    code, out, err = _run(capsys, site, "db", "encrypt", *options)
    assert code == 0, err
    match = CODE.search(out)
    assert match, out
    return match.group(1)


def test_encrypting_prints_the_recovery_code_once_and_the_app_opens_with_the_stored_key(
    site: Path, capsys: pytest.CaptureFixture[str], keyring_backend: MemoryKeyring
) -> None:
    _backup(capsys, site)
    code, out, err = _run(capsys, site, "db", "encrypt")
    assert code == 0, err
    assert "its key is kept in this desktop's credential store" in out
    assert "warning: 1 earlier backup(s) in" in out and "are not encrypted" in out
    assert is_encrypted_file(site)
    assert len(keyring_backend.entries) == 1
    recovery = CODE.search(out)
    assert recovery
    code, out, _ = _run(capsys, site, "db", "key", "show-recovery")
    assert (code, out) == (0, f"{recovery.group(1)}\n")
    code, out, _ = _run(capsys, site, "protocol", "list")
    assert code == 0 and out.startswith("NCT05106972\t")
    assert is_encrypted_file(_backup(capsys, site))


def test_on_a_desktop_without_the_key_the_recovery_code_opens_and_stores_it(
    site: Path, capsys: pytest.CaptureFixture[str], keyring_backend: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    recovery = _encrypt(capsys, site)
    keyring_backend.entries.clear()

    code, _, err = _run(capsys, site, "protocol", "list")
    assert code == 2
    assert "is encrypted and its key is not in this desktop's credential store: enter its recovery code" in err

    monkeypatch.setenv(DATABASE_KEY_ENV, recovery.replace("-", " ").lower())
    code, out, _ = _run(capsys, site, "protocol", "list")
    assert code == 0 and out.startswith("NCT05106972\t")
    code, out, err = _run(capsys, site, "db", "key", "set")
    assert code == 0, err
    monkeypatch.delenv(DATABASE_KEY_ENV)
    code, _, _ = _run(capsys, site, "protocol", "list")
    assert code == 0


def test_a_wrong_recovery_code_is_refused_before_anything_is_stored(
    site: Path, capsys: pytest.CaptureFixture[str], keyring_backend: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    _encrypt(capsys, site)
    keyring_backend.entries.clear()
    for code_typed, problem in [
        ("AAAAA-" * 10 + "AAAAA", "not a valid recovery code"),
        (recovery_code(DatabaseKey.generate()), "cannot be opened with this key (wrong key"),
    ]:
        monkeypatch.setenv(DATABASE_KEY_ENV, code_typed)
        code, _, err = _run(capsys, site, "db", "key", "set")
        assert code == 2
        assert problem in err
    assert keyring_backend.entries == {}


def test_the_plain_original_is_kept_only_on_request(
    site: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    keep = tmp_path / "plain-original.sqlite3"
    _encrypt(capsys, site, "--keep-plain", str(keep))
    assert is_encrypted_file(site)
    assert keep.exists() and not is_encrypted_file(keep)


def test_restore_on_a_new_desktop_puts_the_database_and_its_key_in_place(
    site: Path, capsys: pytest.CaptureFixture[str], keyring_backend: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    recovery = _encrypt(capsys, site)
    backup = _backup(capsys, site)
    keyring_backend.entries.clear()
    new_desktop = site.parent / "new-desktop" / "site.sqlite3"

    code, _, err = _run(capsys, new_desktop, "restore", str(backup))
    assert code == 2 and "enter its recovery code" in err
    assert not new_desktop.exists()

    monkeypatch.setenv(DATABASE_KEY_ENV, recovery)
    code, out, err = _run(capsys, new_desktop, "restore", str(backup))
    assert code == 0, err
    assert "kept as" not in out
    monkeypatch.delenv(DATABASE_KEY_ENV)
    code, out, _ = _run(capsys, new_desktop, "protocol", "list")
    assert code == 0 and out.startswith("NCT05106972\t")
