"""Electronic signatures: the signer proves who they are again with the password, the meaning is stored and
printed, and a digest of what was signed shows later whether the record still reads as it did then.

Verifying the password happens before the signing transaction and commits on its own (failed attempts
count towards the lock-out even when the signature is refused); the signature row is then written in the
same transaction as the record it signs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator_app.domain.access import MEANING_PERMISSION, PERMISSION_ACTIONS, Role, SignatureMeaning
from coordinator_app.domain.errors import PermissionDeniedError
from coordinator_app.services.users import Credentials, UserAccount, UserService
from coordinator_app.storage.models import Signature
from coordinator_app.storage.types import utc_now


@dataclass(frozen=True)
class SignatureRecord:
    """A signature as shown and printed: "Dr Zhang Wei (zhang.wei), investigator, approved eligibility, <time>"."""

    meaning: SignatureMeaning
    username: str
    full_name: str
    role: Role
    signed_at: dt.datetime
    covers_current_content: bool  # False once the signed record changed: it needs signing again

    @property
    def signer(self) -> str:
        return f"{self.full_name} ({self.username})"


def content_digest(content: Mapping[str, Any]) -> str:
    """SHA-256 of the signed fields, as canonical JSON (dates and numbers as text)."""
    return hashlib.sha256(
        json.dumps({k: str(v) for k, v in content.items()}, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()


class SignatureService:
    def __init__(self, users: UserService) -> None:
        self._users = users

    def authenticate(self, credentials: Credentials, meaning: SignatureMeaning) -> UserAccount:
        """The signer, after the password check and the check that their role may sign with this meaning."""
        account = self._users.reauthenticate(credentials)
        permission = MEANING_PERMISSION[meaning]
        if not account.may(permission):
            raise PermissionDeniedError(
                f"{account.full_name} ({account.role.value.replace('_', ' ')}) may not {PERMISSION_ACTIONS[permission]}"
            )
        return account


def add_signature(
    session: Session,
    signer: UserAccount,
    meaning: SignatureMeaning,
    record: tuple[str, int],
    subject_id: int | None,
    content: Mapping[str, Any],
) -> Signature:
    """Write the signature of ``record`` (table name and id) in the caller's transaction."""
    table_name, record_id = record
    signature = Signature(
        table_name=table_name,
        record_id=str(record_id),
        subject_id=subject_id,
        meaning=meaning.value,
        username=signer.username,
        full_name=signer.full_name,
        role=signer.role.value,
        signed_at=utc_now(),
        content_sha256=content_digest(content),
    )
    session.add(signature)
    return signature


def latest_signatures(
    session: Session, table_name: str, contents: Mapping[int, Mapping[str, Any]]
) -> dict[int, SignatureRecord]:
    """The newest signature of each record of ``table_name`` named in ``contents`` (id -> current fields)."""
    if not contents:
        return {}
    rows: Iterable[Signature] = session.scalars(
        select(Signature)
        .where(Signature.table_name == table_name, Signature.record_id.in_([str(i) for i in contents]))
        .order_by(Signature.signed_at, Signature.id)
    )
    latest: dict[int, SignatureRecord] = {}
    for row in rows:
        record_id = int(row.record_id)
        latest[record_id] = SignatureRecord(
            meaning=SignatureMeaning(row.meaning),
            username=row.username,
            full_name=row.full_name,
            role=Role(row.role),
            signed_at=row.signed_at,
            covers_current_content=row.content_sha256 == content_digest(contents[record_id]),
        )
    return latest
