"""The demo's staff accounts: one per role, all with the same published password (the demo is throwaway)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coordinator_app.domain.access import Role

if TYPE_CHECKING:
    from coordinator_app.services.users import UserService

DEMO_PASSWORD = "demo-password-1"  # printed in the README: the demo holds no real data
DEMO_ADMINISTRATOR = "demo.admin"
DEMO_COORDINATOR = "zhou.demo"
DEMO_NURSE = "liu.demo"
DEMO_INVESTIGATOR = "zhang.demo"
DEMO_MONITOR = "monitor.demo"

_STAFF = (
    (DEMO_COORDINATOR, "DEMO 周协调员 (Coordinator Zhou)", Role.COORDINATOR),
    (DEMO_NURSE, "DEMO 刘护士 (Nurse Liu)", Role.RESEARCH_NURSE),
    (DEMO_INVESTIGATOR, "DEMO 张医生 (Dr Zhang)", Role.INVESTIGATOR),
    (DEMO_MONITOR, "DEMO 监查员 (Monitor Wu)", Role.MONITOR),
)


def seed_demo_users(users: UserService) -> None:
    """The administrator first (as on a real first start), then the staff it adds."""
    users.create_first_administrator(DEMO_ADMINISTRATOR, "DEMO 管理员 (Administrator)", DEMO_PASSWORD)
    for username, full_name, role in _STAFF:
        users.add_user(username, full_name, role, DEMO_PASSWORD, DEMO_ADMINISTRATOR, must_change_password=False)
