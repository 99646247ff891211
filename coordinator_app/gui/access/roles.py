"""What the signed-in user's role allows, for greying out what the services would refuse anyway."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coordinator_app.domain.access import Permission

if TYPE_CHECKING:
    from coordinator_app.services.workspace import Workspace


def may(workspace: Workspace, permission: Permission) -> bool:
    return workspace.user is not None and workspace.user.may(permission)
