"""A trial's protocol as the database stores it, parsed once per content: the checklist, the calendar and the
subject summaries all need it, often many times a second, and parsing takes milliseconds."""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator_app.domain.errors import NotFoundError
from coordinator_app.domain.protocol import Protocol, protocol_from_mapping
from coordinator_app.storage.models import Trial

_parsed: dict[str, Protocol] = {}  # by the digest of the stored document


def stored_protocol(session: Session, trial_id: int) -> tuple[str, Protocol]:
    """The digest and the protocol of trial ``trial_id`` as ``session`` sees it (a protocol loaded earlier in the
    same transaction included), validated again when read: the database may come from elsewhere. A document that
    does not match its digest is returned with the digest "" and never cached."""
    row = session.execute(select(Trial.nct_id, Trial.protocol_sha256).where(Trial.id == trial_id)).one_or_none()
    if row is None:
        raise NotFoundError(f"no trial with id {trial_id}")
    nct_id, digest = row
    if digest not in _parsed:
        document = session.scalar(select(Trial.protocol_json).where(Trial.id == trial_id)) or "{}"
        protocol = protocol_from_mapping(json.loads(document), f"stored protocol of {nct_id}")
        if hashlib.sha256(document.encode()).hexdigest() != digest:
            return "", protocol
        _parsed[digest] = protocol
    return digest, _parsed[digest]
