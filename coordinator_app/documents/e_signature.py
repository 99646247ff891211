"""How an electronic signature prints: who (name, user name, role), what it means, and when (21 CFR 11.50),
and a warning when the record changed after it was signed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coordinator_app.documents.page import format_time

MEANINGS = {
    "approved eligibility verdict": "approved eligibility verdict / 批准入选判定",
    "administered": "administered / 已给药",
    "assessed adverse event": "assessed adverse event / 已评估不良事件",
    "completed visit": "completed visit / 访视完成",
}
ROLES = {
    "coordinator": "coordinator / 协调员",
    "research_nurse": "research nurse / 研究护士",
    "investigator": "investigator / 研究者",
    "monitor": "monitor / 监查员",
    "administrator": "administrator / 管理员",
}
SIGNED = "e-signed / 电子签名: {signer}, {role} — {meaning}, {when}"
CHANGED_SINCE = " — changed after signing: to be signed again / 签名后记录已更改，须重新签名"


@dataclass(frozen=True)
class ESignature:
    meaning: str
    signer: str  # "Full Name (username)"
    role: str
    signed_at: dt.datetime
    covers_current_content: bool = True


def e_signature_text(signature: ESignature) -> str:
    text = SIGNED.format(
        signer=signature.signer,
        role=ROLES.get(signature.role, signature.role),
        meaning=MEANINGS.get(signature.meaning, signature.meaning),
        when=format_time(signature.signed_at.astimezone()),
    )
    return text if signature.covers_current_content else text + CHANGED_SINCE
