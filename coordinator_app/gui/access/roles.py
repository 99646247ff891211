"""What the signed-in user's role allows, for greying out what the services would refuse anyway."""

from __future__ import annotations

from coordinator_app.domain.access import Permission
from coordinator_app.services.workspace import Workspace


def may(workspace: Workspace, permission: Permission) -> bool:
    return workspace.user is not None and workspace.user.may(permission)
