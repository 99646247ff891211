"""Where an encrypted database's key lives, how a site gets it back, and turning encryption on.

The key is a random 256-bit key. It is kept in the desktop's credential store through ``keyring``
(Windows Credential Manager; the Secret Service or KWallet on a Linux desktop; the macOS Keychain), under
the service name :data:`KEYRING_SERVICE` and the database file's full path, and never in a file of the
app's. When encryption is turned on, the key is shown once as a recovery code for the site's sealed
envelope; :func:`key_from_recovery_code` takes it back on a new or reinstalled desktop. When the store
does not have the key, :data:`DATABASE_KEY_ENV` may carry the recovery code (scripted use), or the face asks for it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from coordinator_app.domain.errors import ValidationError
from coordinator_app.services.settings import DATABASE_KEY_ENV
from coordinator_app.storage.backup import check_database_file, release_wal, replace_database
from coordinator_app.storage.encryption import KEY_BYTES, DatabaseKey, encrypt_copy, is_encrypted_file
from coordinator_app.storage.engine import sqlite_file

if TYPE_CHECKING:
    from keyring.errors import KeyringError

KEYRING_SERVICE = "coordinator-app database key"
_CHECK_BYTES = 2  # a checksum in the recovery code catches a mistyped character before any file is tried
_GROUP = 5


class KeyRequiredError(ValidationError):
    """The database is encrypted and this desktop does not have its key: ask for the recovery code."""

    def __init__(self, database: Path, why: str) -> None:
        self.database = database
        super().__init__(
            "database file",
            str(database),
            f"is encrypted and {why}: enter its recovery code, or store it with `coordinator-app db key set`",
        )


def recovery_code(key: DatabaseKey) -> str:
    """The key written for people: base32 (no 0/1/8/9 to misread) with a checksum, in groups of five."""
    check = hashlib.sha256(key.secret).digest()[:_CHECK_BYTES]
    text = base64.b32encode(key.secret + check).decode().rstrip("=")
    return "-".join(text[start : start + _GROUP] for start in range(0, len(text), _GROUP))


def key_from_recovery_code(code: str, field: str = "recovery code") -> DatabaseKey:
    """The key a recovery code stands for; spaces, hyphens and case do not matter, a typo is refused."""
    text = "".join(code.split()).replace("-", "").upper()
    try:
        raw = base64.b32decode(text + "=" * (-len(text) % 8))
    except binascii.Error:
        raise ValidationError(field, "…", "is not a recovery code (letters A-Z and digits 2-7)") from None
    secret, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if len(raw) != KEY_BYTES + _CHECK_BYTES or hashlib.sha256(secret).digest()[:_CHECK_BYTES] != check:
        raise ValidationError(field, "…", "is not a valid recovery code: check every group of five characters")
    return DatabaseKey(secret)


class KeyStore:
    """The desktop's credential store, one entry per database file; its failures become a message to show.

    keyring (and its platform back-ends) is imported on first use: only an encrypted database needs it.
    """

    @property
    def name(self) -> str:
        import keyring

        return str(keyring.get_keyring().name)

    def get(self, database: Path) -> DatabaseKey | None:
        import keyring
        from keyring.errors import KeyringError

        try:
            stored = keyring.get_password(KEYRING_SERVICE, _account(database))
        except KeyringError as error:
            raise self._unavailable(error) from None
        if stored is None:
            return None
        try:
            return DatabaseKey(bytes.fromhex(stored))
        except ValueError:
            raise ValidationError(
                "credential store entry", f"{KEYRING_SERVICE} / {database}", "is not a database key"
            ) from None

    def put(self, database: Path, key: DatabaseKey) -> None:
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.set_password(KEYRING_SERVICE, _account(database), key.secret.hex())
        except KeyringError as error:
            raise self._unavailable(error) from None

    def _unavailable(self, error: KeyringError) -> ValidationError:
        return ValidationError("credential store", self.name, f"cannot be used ({error})")


def _account(database: Path) -> str:
    return str(database.resolve())


def database_key_for(url: str, store: KeyStore | None = None) -> DatabaseKey | None:
    """The key that opens ``url``: None unless it names an existing encrypted SQLite file; then ``$DATABASE_KEY_ENV``
    (a recovery code) if set, else the desktop's credential store. Raises :class:`KeyRequiredError` when neither
    has it; the face asks for the recovery code and never writes it to a file."""
    database = sqlite_file(url)
    if database is None or not is_encrypted_file(database):
        return None
    code = os.environ.get(DATABASE_KEY_ENV)
    if code:
        return key_from_recovery_code(code, DATABASE_KEY_ENV)
    try:
        key = (store or KeyStore()).get(database)
    except ValidationError as error:
        raise KeyRequiredError(database, f"the credential store cannot be used ({error.problem})") from None
    if key is None:
        raise KeyRequiredError(database, "its key is not in this desktop's credential store")
    return key


def encrypt_database(database: Path, store: KeyStore, keep_plain: Path | None = None) -> DatabaseKey:
    """Encrypt the plain SQLite file ``database`` with a new random key, which goes into ``store``.

    Each step runs only when the one before succeeded: the encrypted copy is checked, then the key is
    stored, then the copy takes the plain file's place. A failure anywhere leaves the plain database as it
    was. The plain original survives only at ``keep_plain``, when the user names that file; otherwise the
    rename removes it (its old blocks stay on the disk until overwritten: encrypt before real data goes in).
    """
    if not database.is_file():
        raise ValidationError("database file", str(database), "does not exist: run `coordinator-app db upgrade` first")
    if is_encrypted_file(database):
        raise ValidationError("database file", str(database), "is encrypted already (or is not a SQLite database)")
    if keep_plain is not None and keep_plain.exists():
        raise ValidationError("--keep-plain", str(keep_plain), "exists already: it is not overwritten")
    release_wal(database, None)
    check_database_file(database, None, "database file")
    key = DatabaseKey.generate()
    encrypted = database.with_name(f".{database.name}.encrypting")
    encrypted.unlink(missing_ok=True)
    try:
        encrypt_copy(database, encrypted, key)
        check_database_file(encrypted, key, "encrypted copy")
        store.put(database, key)
        replace_database(database, encrypted, keep_plain)
    finally:
        encrypted.unlink(missing_ok=True)
    return key
