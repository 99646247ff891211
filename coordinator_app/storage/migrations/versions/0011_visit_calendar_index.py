"""The calendar's index covers what a month or the Today panel reads of each visit (status, code, window, subject),
so a month of a large trial is read from the index alone, without a look-up of each visit's row (about a third of
the time at 30,000 subjects). It replaces the (trial, day) index it extends.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

CALENDAR_COLUMNS = ["trial_id", "scheduled_on", "status", "code", "window_end", "window_start", "subject_id"]


def upgrade() -> None:
    op.create_index("ix_visits_calendar", "visits", CALENDAR_COLUMNS)
    op.drop_index("ix_visits_trial_id_scheduled_on", "visits")


def downgrade() -> None:
    op.create_index("ix_visits_trial_id_scheduled_on", "visits", ["trial_id", "scheduled_on"])
    op.drop_index("ix_visits_calendar", "visits")
